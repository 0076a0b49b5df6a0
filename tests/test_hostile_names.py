"""Hostile input, names: actor and speaker forms that cannot be names, attribute values spelled like
the missing-value label, outlet names that differ only by look-alike letters, width or punctuation,
and a report index that links only the files that are there."""
from pathlib import Path

import pytest

from presslens import load_story

from .test_hostile import cli_run, problems


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("old, new, bad", [
    ("aliases: [Acme, Acme Corp., Acme Corp]", 'aliases: [Acme, "(", "*"]', "'('"),
    ("aliases: [Acme, Acme Corp., Acme Corp]", 'aliases: [Acme, "--"]', "'--'"),
    ("aliases: [Acme, Acme Corp., Acme Corp]", 'aliases: [Acme, "A"]', "'A'"),
    ("aliases: [Acme, Acme Corp., Acme Corp]", 'aliases: [Acme, "A."]', "'A.'"),
    ("      - form: Akme", '      - form: "?"', "'?'"),
    ("aliases: [Jones]", 'aliases: [Jones, "!"]', "'!'"),
    ("  - name: Tom Reed", '  - name: "..."', "'...'"),
])
def test_a_form_without_letters_or_too_short_is_refused_naming_file_actor_and_fix(mini, capsys, old, new, bad):
    _replace(mini / "story.yaml", old, new)
    found = [p for p in problems(mini) if bad in p.message]
    assert found, problems(mini)
    p = found[0]
    assert p.file.endswith("story.yaml") and "story.yaml" in p.fix and "remove" in p.fix
    assert ("actor" in p.message or "speaker" in p.message)
    rc, out, err = cli_run(capsys, "check", mini)
    assert rc != 0 and bad in out + err


@pytest.mark.parametrize("alias", ["EU", "R1", "字", "習近平", "Ko", "Акме"])
def test_short_real_names_are_kept(mini, alias):
    _replace(mini / "story.yaml", "aliases: [Acme, Acme Corp., Acme Corp]", f"aliases: [Acme, {alias}]")
    story = load_story(mini)
    assert alias in story.actors[0].aliases


GROUPS = Path(__file__).parent / "fixtures" / "groups-story"


@pytest.fixture
def groups_story(tmp_path) -> Path:
    import shutil
    dest = tmp_path / "groups-story"
    shutil.copytree(GROUPS, dest)
    return dest


@pytest.mark.parametrize("value", ["unknown", "Unknown", "' UNKNOWN '", "'unknown  '"])
def test_an_attribute_value_spelled_like_the_missing_label_is_refused(groups_story, capsys, value):
    from presslens.story.outlets import UNKNOWN
    _replace(groups_story / "outlets.yaml", "country: UK\n  The National", f"country: {value}\n  The National")
    found = [p for p in problems(groups_story) if UNKNOWN in p.message]
    assert found and found[0].file.endswith("outlets.yaml") and "Metro Wire" in found[0].field
    assert "null" in found[0].fix
    rc, out, err = cli_run(capsys, "check", groups_story)
    assert rc != 0 and "outlets.yaml" in out + err
    rc, out, err = cli_run(capsys, "export", groups_story, "--group-by", "country", "--out", groups_story.parent / "x")
    assert rc != 0


def test_a_meta_value_spelled_like_the_missing_label_is_refused(groups_story):
    art = groups_story / "articles" / "national.md"
    text = art.read_text(encoding="utf-8")
    art.write_text(text.replace("meta:", "meta:\n  region: Unknown", 1), encoding="utf-8")
    found = [p for p in problems(groups_story) if "meta.region" in p.field]
    assert found and "null" in found[0].fix


@pytest.mark.parametrize("other, says", [
    ("The Daily Lеdger", "Cyrillic Small Letter Ie"),            # Cyrillic е
    ("Τhe Daily Ledger", "Greek Capital Letter Tau"),             # Greek Τ
    ("Ｔｈｅ Ｄａｉｌｙ Ｌｅｄｇｅｒ", "character width"),              # fullwidth
    ("The Daily Ledger.", "punctuation"),
    ("The Daily-Ledger", "punctuation"),
    ("THE DAILY LEDGER!", "punctuation"),
])
def test_outlet_names_that_look_alike_are_warned_like_case(mini, capsys, other, says):
    (mini / "articles" / "copy.md").write_text(f"---\noutlet: {other}\n---\nSome text that is long enough. More text.\n",
                                              encoding="utf-8")
    story = load_story(mini)
    assert other in story.outlets and "The Daily Ledger" in story.outlets
    got = [str(n) for n in story.notices if "counted as different outlets" in n.message]
    assert len(got) == 1 and repr(other) in got[0] and "'The Daily Ledger'" in got[0] and says in got[0], got
    assert "e.g. 'The Daily Ledger'" in got[0]
    rc, out, err = cli_run(capsys, "check", mini)
    assert "counted as different outlets" in out + err


def test_different_outlets_are_not_warned(mini):
    (mini / "articles" / "copy.md").write_text("---\noutlet: The Daily Leader\n---\nSome text that is long enough.\n",
                                              encoding="utf-8")
    assert not [n for n in load_story(mini).notices if "counted as different outlets" in n.message]


def _linked(page: str) -> set[str]:
    import re
    return set(re.findall(r"(?:src|href)='(figures/[^']+)'", page))


def test_a_partial_run_after_another_keeps_the_index_links_to_files_that_exist(tmp_path):
    from presslens.run import runner
    import json
    from .conftest import MINI
    figs, reps = tmp_path / "figures", tmp_path / "reports"
    runner.run(MINI, figures=figs, reports=reps, notebooks=["03"], log=lambda s: None)
    runner.run(MINI, figures=figs, reports=reps, notebooks=["00"], log=lambda s: None)
    folder = reps / "mini-story"
    page = (folder / "index.html").read_text(encoding="utf-8")
    linked = _linked(page)
    listed = json.loads((folder / "manifest.json").read_text())["reports"]["03-readability.ipynb"]["figures"]
    assert listed and {f"figures/{f}" for f in listed if f.endswith(".png")} <= linked  # 03's figures still shown
    missing = [x for x in linked if not (folder / x).is_file()]
    assert not missing, missing
    assert all((folder / "figures" / f).is_file() for f in listed)


def test_the_index_does_not_link_a_figure_that_is_gone_and_says_so(tmp_path):
    from presslens.run import report_index
    manifest = {"story": "s", "notebooks": ["01-x.ipynb"], "run": {"complete": False},
                "reports": {"01-x.ipynb": {"figures": ["a.csv", "a.png", "a.svg", "b.csv", "b.png", "b.svg"]}}}
    reports = tmp_path / "reports"
    (reports / "figures").mkdir(parents=True)
    for f in ("a.csv", "a.png", "a.svg"):
        (reports / "figures" / f).write_text("x")
    report_index.write(manifest, reports, reports, tmp_path / "figures", {})
    page = (reports / "index.html").read_text(encoding="utf-8")
    assert _linked(page) == {"figures/a.png", "figures/a.csv", "figures/a.svg"}
    assert "Not present" in page and "b.png" in page
