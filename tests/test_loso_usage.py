"""The held-out estimators (presslens.evaluation.*_loso, loso) take the development stories by name: given no
story folder, main() prints its usage to stderr and returns 2, reading nothing (session 20 slip: pairs_loso's
main() with no folder globbed data/eval and read every truth.yaml's split line, the test stories' included)."""
import builtins
import importlib
import pathlib

import pytest

from presslens import paths
from presslens.evaluation import scoreboard

MODULES = ["facts_loso", "furniture_loso", "loso", "names_loso", "pairs_loso", "paraphrase_loso", "rewrite_loso",
           "speakers_loso"]


def test_every_held_out_estimator_is_listed_here():
    assert sorted(p.stem for p in (paths.PACKAGE / "evaluation").glob("*loso.py")) == MODULES


@pytest.mark.parametrize("name, flags", [(m, []) for m in MODULES] + [
    ("pairs_loso", ["-v"]), ("furniture_loso", ["--show-errors", "--held-errors"]), ("facts_loso", ["CORE_IDF=3.5,4"])])
def test_no_folder_prints_the_usage_exits_2_and_reads_nothing(name, flags, monkeypatch, capsys):
    mod = importlib.import_module(f"presslens.evaluation.{name}")
    assert scoreboard.no_folders  # imported before the file system is shut

    def refuse(*a, **k):
        raise AssertionError(f"{name}.main read the file system with no folder given: {a[:1]}")

    for attr in ("glob", "rglob", "iterdir", "read_text", "read_bytes", "open", "is_file", "is_dir", "exists", "stat"):
        monkeypatch.setattr(pathlib.Path, attr, refuse)
    monkeypatch.setattr(builtins, "open", refuse)
    try:
        code = mod.main(flags)
    finally:
        monkeypatch.undo()  # before pytest reads sources to report a failure
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith(f"usage: python -m presslens.evaluation.{name} ") and "data/eval/SLUG" in err
    assert "test stories" in err  # why no default


def test_the_usage_names_the_options_before_the_folders(capsys):
    assert scoreboard.no_folders("pairs_loso", "[-v] ") == 2
    assert capsys.readouterr().err.splitlines()[0] == \
        "usage: python -m presslens.evaluation.pairs_loso [-v] data/eval/SLUG [data/eval/SLUG ...]"
