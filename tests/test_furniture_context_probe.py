"""scripts/furniture_context_probe.py (issue 25, session 20): the context probes count the kept lines they
would take, furniture and prose apart, on a crafted Harbour page."""
import importlib.util
from pathlib import Path

SPEC = importlib.util.spec_from_file_location("furniture_context_probe",
                                              Path(__file__).resolve().parents[1] / "scripts" / "furniture_context_probe.py")
probe = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(probe)


def row(i, text, fur=False, rule=None):
    return {"i": i, "text": text, "fur": fur, "kept": rule is None, "rule": rule}


CARD = [row(0, "Harbour piers reopen after the storm"),
        row(2, "The council reopened the piers on Monday after two weeks of repairs."),
        row(4, "Ferry crews return to Port Selby", fur=True),
        row(5, "May 3, 2031 | 09:00", fur=True, rule="timestamp-line"),
        row(7, "Boats were back in the bay by noon, the harbour master said.")]
TAIL = [row(0, "The council reopened the piers on Monday after two weeks of repairs."),
        row(1, "Share this story", fur=True, rule="share-prompt"),
        row(2, "The ferry runs again from the north quay.")]


def test_probes_count_the_kept_lines_they_take_as_furniture_or_prose():
    got = probe.probe_counts([CARD, TAIL])
    # the card's title beside its stamp: taken by the stamp probe, and by the two-titles probe (the stamp reads as a title)
    assert got["title beside a stamp"] == {"furniture": 1, "prose": 0}
    assert got["two titles in a row"] == {"furniture": 1, "prose": 0}
    # the story's last paragraph below a share prompt: the tail probe takes prose
    assert got["tail below furniture"] == {"furniture": 0, "prose": 1}
    # the headline, the first paragraph and the reporting paragraph are taken by no probe
    for name in ("island in furniture", "beside a credit", "a blank line above a credit", "inside a longer line"):
        assert got[name] == {"furniture": 0, "prose": 0}, name
