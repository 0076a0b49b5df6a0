"""Boundaries of analyses/pair_evidence.Evidence.widely_carried (issue 20, round-3 survivor 018): a source no
list makes an agency becomes a wire when articles of agencies.MANY (3) or more outlets credit it while sharing
EVIDENCE_WORDS (30) or more narration words with another of them: exactly 30 links, 29 does not; two
articles of one outlet do not link; two outlets are too few. Crafted evidence, no story."""
from collections import defaultdict

import pytest

from presslens.analyses import agencies, pair_evidence, wires

N = pair_evidence.EVIDENCE_WORDS


def _evidence(outlets: dict[str, str], shared: dict[tuple[str, str], int], credit="Kelp News Agency"):
    e = pair_evidence.Evidence.__new__(pair_evidence.Evidence)
    e.outlet = dict(outlets)
    e.onorm = {a: wires.norm(o) for a, o in outlets.items()}
    e.named = defaultdict(lambda: defaultdict(set))
    for a in outlets:
        e.named[a]["credit"].add(credit)
    e.is_wire, e.parties, e.forms, e.by_outlet = {}, set(), {}, {}
    e.nb = defaultdict(dict)
    for (a, b), n in shared.items():
        e.nb[a][b] = e.nb[b][a] = n
    return e


def test_constants():
    assert (N, agencies.MANY) == (30, 3)


@pytest.mark.parametrize("ab, bc, wire", [
    (N, N, True),          # exactly EVIDENCE_WORDS on each link: three outlets linked
    (N, N - 1, False),     # c shares 29 words only: two outlets linked, too few
    (N + 20, N, True),
    (N - 1, N - 1, False),
])
def test_widely_carried_at_evidence_words(ab, bc, wire):
    e = _evidence({"a": "Harbour Gazette", "b": "Pier Times", "c": "Quay Post"}, {("a", "b"): ab, ("b", "c"): bc})
    got = e.widely_carried()
    assert ("Kelp News Agency" in got) is wire
    assert e.is_wire.get("Kelp News Agency", False) is wire
    if wire:
        assert got["Kelp News Agency"] == ("Kelp News Agency: credited by 3 outlets that share its text "
                                          "(Harbour Gazette, Pier Times, Quay Post)")


def test_widely_carried_counts_outlets_not_articles():
    # c1 and c2 are one outlet: their 100 shared words link neither; a-b link two outlets only
    e = _evidence({"a": "Harbour Gazette", "b": "Pier Times", "c1": "Quay Post", "c2": "Quay Post"},
                  {("a", "b"): N, ("c1", "c2"): 100})
    assert e.widely_carried() == {}
    e = _evidence({"a": "Harbour Gazette", "b": "Pier Times", "c1": "Quay Post", "c2": "Quay Post"},
                  {("a", "b"): N, ("c1", "c2"): 100, ("c2", "a"): N})
    assert list(e.widely_carried()) == ["Kelp News Agency"]
