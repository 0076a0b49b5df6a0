"""Environment variables with a value that means nothing are errors said up front, naming the variable
and the values it takes, even when every result would come from the cache (nothing asks for them then)."""
import pytest

from presslens import StoryError
from presslens.engine import fanout, memo

from .conftest import MINI
from .test_hostile import cli_run, one_line


@pytest.mark.parametrize("value", ["maybe", "2", "offf", "-1", "yes please"])
def test_a_garbage_no_result_cache_is_an_error_naming_the_variable(value, monkeypatch, capsys):
    monkeypatch.setenv("PRESSLENS_NO_RESULT_CACHE", value)
    with pytest.raises(StoryError, match="PRESSLENS_NO_RESULT_CACHE"):
        memo.result_cache_off()
    rc, _, err = cli_run(capsys, "check", MINI)  # run twice: the second finds every result cached
    rc2, _, err2 = cli_run(capsys, "check", MINI)
    assert rc == rc2 == 2
    one_line(err2, "[PRESSLENS_NO_RESULT_CACHE]", repr(value), "PRESSLENS_NO_RESULT_CACHE=1", "or unset it")


@pytest.mark.parametrize("value,off", [("1", True), ("true", True), (" YES ", True), ("on", True),
                                       ("0", False), ("", False), ("False", False), ("no", False), ("off", False)])
def test_the_no_result_cache_values(value, off, monkeypatch, tmp_path):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("PRESSLENS_NO_RESULT_CACHE", value)
    assert memo.result_cache_off() is off
    calls = []

    @memo.story_table
    def f(x: int) -> int:
        calls.append(x)
        return x + 1

    assert f(41) == f(41) == 42
    assert len(calls) == (2 if off else 1)  # cached: computed once


def test_unset_no_result_cache_keeps_the_cache(monkeypatch):
    monkeypatch.delenv("PRESSLENS_NO_RESULT_CACHE", raising=False)
    assert memo.result_cache_off() is False


@pytest.mark.parametrize("value", ["not an address!", "tcp://host:8786 extra", "http//x y"])
def test_a_scheduler_that_is_no_address_is_an_error_up_front(value, monkeypatch, capsys):
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    monkeypatch.setenv("PRESSLENS_SCHEDULER", value)
    with pytest.raises(StoryError, match="PRESSLENS_SCHEDULER"):
        fanout.check_scheduler()
    rc, _, err = cli_run(capsys, "check", MINI)
    assert rc == 2
    one_line(err, "[PRESSLENS_SCHEDULER]", "tcp://HOST:8786", "or unset it")


@pytest.mark.parametrize("value", ["tcp://127.0.0.1:8786", "localhost:8786", "", "tls://[::1]:8786"])
def test_an_address_passes_the_check(value, monkeypatch):
    monkeypatch.setenv("PRESSLENS_SCHEDULER", value)
    fanout.check_scheduler()  # whether a scheduler answers there is the fan-out's to say (a fallback)
