"""Boundary tests for the notebooks' parameter parsing (presslens.notebook.setup), the command line's small
helpers (presslens.cli: args, names, startup) and transliteration respellings (presslens.text.translit):
length limits at their exact value, empty selections, a folder name's shape, one value given twice."""
from __future__ import annotations

import os
import sys
from types import SimpleNamespace as NS

import pytest

import presslens.cli.main
from presslens.cli import args as cli_args
from presslens.cli import names as cli_names
from presslens.cli import startup
from presslens.errors import ParameterError
from presslens.notebook import setup
from presslens.text import translit

cli_main = sys.modules["presslens.cli.main"]


def test_literal_reads_lists_numbers_and_words():
    assert [setup._literal(v) for v in ["[1, 2]", "-3", ".5", "None", "null", "true", "  7 ", "{a: 1}"]] == [
        [1, 2], -3, 0.5, None, None, True, 7, {"a": 1}]
    assert [setup._literal(v) for v in ["abc", "", "[1, 2", 5]] == ["abc", "", "[1, 2", 5]


def test_literal_length_limit_is_100000_characters():
    at = "[" + "1," * 49998 + "11]"
    assert len(at) == 100_000 and len(setup._literal(at)) == 49999
    over = "[" + "1," * 49999 + "11]"
    assert len(over) == 100_002 and setup._literal(over) == over


def test_str_list_empty_selection_refused_only_when_asked():
    assert setup._str_list("outlets_pin", '["Tide"]', "x", allow_none=True) == ["Tide"]
    assert setup._str_list("outlets_pin", " Tide ", "x", allow_none=True) == ["Tide"]
    assert setup._str_list("outlets_pin", None, "x", allow_none=True) is None
    assert setup._str_list("outlets_pin", [], "x", allow_none=True) == []
    with pytest.raises(ParameterError, match="is an empty list: it selects nothing"):
        setup._str_list("focus", "[]", "x", allow_none=False, empty_ok=False)
    with pytest.raises(ParameterError):
        setup._str_list("outlets_pin", "", "x", allow_none=True)
    with pytest.raises(ParameterError):                        # min_len 1: one term at least
        setup.KNOBS["focus_terms"]([])


def test_group_by_none_spellings():
    assert [setup._group_by(v) for v in [None, "", " None ", "null"]] == [None] * 4
    assert setup._group_by(" kind ") == "kind" and setup._group_by("meta.desk") == "meta.desk"
    with pytest.raises(ParameterError):
        setup._group_by(3)


def test_int_knobs_at_their_bounds():
    assert setup.KNOBS["max_edits"](0) == 0 and setup.KNOBS["max_edits"]("3") == 3
    assert setup.KNOBS["arc_bins"](2.0) == 2
    for knob, bad in [("max_edits", 4), ("max_edits", -1), ("arc_bins", 1), ("n_boot", 99), ("min_count", True)]:
        with pytest.raises(ParameterError):
            setup.KNOBS[knob](bad)
    assert setup.KNOBS["threshold"]("1") == 1.0
    with pytest.raises(ParameterError):
        setup.KNOBS["threshold"](1.01)


def test_run_name_of_a_subset_and_of_other_values():
    assert setup.run_name("harbour", ["Tide", "Quay"], {}, ["Quay", "Tide"]) == "harbour"     # every outlet
    assert setup.run_name("harbour", ["Tide"], {"max_outlets": 10, "group_by": "kind", "n_boot": 2000},
                          ["Quay", "Tide"]) == "harbour--outlets-tide--max_outlets-10"
    assert setup.run_name("harbour", None, {"n_boot": 1000, "seed": 0}) == "harbour"
    long = setup.run_name("h" * 60, ["Tide Gazette", "Quay Post"], {}, ["x"])
    assert len(long) == 80 and long.startswith("h" * 60 + "--outlets-t-")


def test_batch_run_name_a_plain_folder_name(monkeypatch):
    monkeypatch.delenv(setup.RUN_NAME_ENV, raising=False)
    assert setup.batch_run_name() is None
    for ok in ["abc", "run.1+x"]:
        monkeypatch.setenv(setup.RUN_NAME_ENV, ok)
        assert setup.batch_run_name() == ok
    for bad in ["a..b", "../x", "a/b", "-a"]:
        monkeypatch.setenv(setup.RUN_NAME_ENV, bad)
        with pytest.raises(ParameterError):
            setup.batch_run_name()


def test_param_value_limit_and_literals():
    assert cli_args.param_value("[1, 2]") == [1, 2] and cli_args.param_value("Tide") == "Tide"
    at = "[" + "1," * 49998 + "11]"
    assert len(cli_args.param_value(at)) == 49999                 # 100,000 characters: still read
    over = at + " "
    assert cli_args.param_value(over) == over


def test_an_option_given_twice_with_two_values_is_refused(capsys):
    p = cli_args.Parser(prog="presslens")
    p.add_argument("--group-by")
    assert p.parse_args(["--group-by", "kind", "--group-by", "kind"]).group_by == "kind"   # the same value twice
    with pytest.raises(SystemExit):
        p.parse_args(["--group-by", "kind", "--group-by", "country"])
    assert "--group-by given twice ('kind', then --group-by 'country')" in capsys.readouterr().err


def test_shown_from_cwd_inside_and_outside(tmp_path, monkeypatch):
    (tmp_path / "harbour story").mkdir()
    monkeypatch.chdir(tmp_path)
    assert cli_args.shown_from_cwd(tmp_path / "harbour story") == "'harbour story'"
    assert cli_args.shown_from_cwd(tmp_path) == "."
    outside = str(tmp_path.parent)
    assert cli_args.shown_from_cwd(outside) == outside


def test_names_command_bounds_of_max_edits():
    # 0 and 3 pass the first check: the error is then about --min-mentions
    for edits in (0, 3):
        with pytest.raises(ParameterError, match="min-mentions"):
            cli_names.cmd_names(NS(max_edits=edits, min_mentions=0, story="x"))
    for edits in (-1, 4):
        with pytest.raises(ParameterError, match="max-edits"):
            cli_names.cmd_names(NS(max_edits=edits, min_mentions=1, story="x"))


def test_is_the_command(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["/x/bin/pytest"])
    monkeypatch.setattr(sys, "orig_argv", ["python", "-m", "presslens.cli", "run"], raising=False)
    assert startup._is_the_command()
    monkeypatch.setattr(sys, "orig_argv", ["python", "-m", "pytest", "presslens.cli"], raising=False)
    assert not startup._is_the_command()
    monkeypatch.setattr(sys, "argv", [os.path.join("/x/bin", "presslens")])
    assert startup._is_the_command()


def test_respellings_of_five_letters_or_more():
    assert translit.respellings("Khalid") == {"Chalid": {"pl", "de"}, "Jalid": {"es"}}
    assert translit.respellings("shen") == {"schen": {"de"}}       # "chen", "szen": four letters, left out
    assert translit.respellings("Ivan") == {}                       # "Iwan": four letters


def test_empty_paths_refused_with_the_option_named():
    with pytest.raises(ParameterError, match="did you mean STORY=data/stories/SLUG"):
        cli_main._no_empty_paths(NS(cmd="check", story=""))
    with pytest.raises(ParameterError, match="did you mean FILE_OR_FOLDER PATH"):
        cli_main._no_empty_paths(NS(cmd="import", story="data/stories/harbour", sources=["a.html", "  "]))
    with pytest.raises(ParameterError, match="did you mean --out PATH"):
        cli_main._no_empty_paths(NS(cmd="export", story="data/stories/harbour", out=""))
    cli_main._no_empty_paths(NS(cmd="export", story="data/stories/harbour", out=None, sources=[]))   # nothing empty


def test_run_turns_each_failure_into_one_line_and_a_code(capsys):

    def raising(exc):
        def func(args):
            raise exc
        return func
    assert cli_main._run(NS(cmd="check", func=lambda a: 0)) == 0
    assert cli_main._run(NS(cmd="check", func=lambda a: 3)) == 3
    assert cli_main._run(NS(cmd="check", func=raising(KeyboardInterrupt()))) == 130
    assert "`presslens check` stopped before it finished; run it again" in capsys.readouterr().err
    assert cli_main._run(NS(cmd="run", func=raising(KeyboardInterrupt()))) == 130
    assert "nothing was replaced (earlier reports and figures are as they were)" in capsys.readouterr().err
    assert cli_main._run(NS(cmd="check", func=raising(ParameterError.bad("x", "y", "is wrong", "fix it")))) == 2
    assert cli_main._run(NS(cmd="check", func=raising(ValueError("harbour folder is someone else's")))) == 2
    assert capsys.readouterr().err.startswith("presslens: ")


def test_export_and_import_exit_codes_when_stopped(monkeypatch, capsys, tmp_path):
    import signal

    from presslens.cli import export as cli_export
    from presslens.run.signals import Interrupted

    def stopped(*a, **k):
        raise Interrupted(signal.SIGTERM)
    monkeypatch.setattr(cli_export, "export", stopped)
    args = NS(story=str(tmp_path), out=None, group_by=None)
    assert cli_export.cmd_export(args) == 128 + signal.SIGTERM
    assert "stopped by SIGTERM; nothing was replaced" in capsys.readouterr().err

    def ctrl_c(*a, **k):
        raise KeyboardInterrupt
    monkeypatch.setattr(cli_export, "export", ctrl_c)
    assert cli_export.cmd_export(args) == 130
