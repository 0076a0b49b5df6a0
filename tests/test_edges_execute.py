"""Boundaries of run/execute and run/runner's helpers (issue 20): the loggers quietened while a notebook
runs (and restored), a failed cell's message, the environment put back, the recorded paths, the notebook
list by name, stem and prefix, and the figures carried from an earlier run. A stand-in papermill (the
batch-run tests drive the real one); invented notebooks and figure names."""
import logging
import os
import sys
import types

import nbformat
import pytest

from presslens.run import execute, runner
from presslens.story.model import StoryError


# ---- output_to ----------------------------------------------------------------------------------------------

def test_output_to_quietens_loggers_and_restores_them(tmp_path):
    names = execute.QUIET_LOGGERS
    assert names[:2] == ["papermill", "nbclient"]
    pm, nbc, jc = (logging.getLogger(n) for n in names[:3])
    saved = [(lg.level, lg.propagate, lg.handlers[:]) for lg in (pm, nbc, jc)]
    try:
        pm.setLevel(logging.NOTSET)
        nbc.setLevel(logging.ERROR)  # quieter than WARNING: raised to WARNING, so warnings reach the log
        jc.setLevel(logging.DEBUG)  # chattier: kept as the user set it
        log = tmp_path / "kernel.log"
        with execute.output_to(log):
            assert (pm.level, nbc.level, jc.level) == (logging.WARNING, logging.WARNING, logging.DEBUG)
            assert not pm.propagate
            pm.warning("harbour kernel warned")
            os.write(1, b"fd one\n")
            os.write(2, b"fd two\n")
        assert (pm.level, nbc.level, jc.level) == (logging.NOTSET, logging.ERROR, logging.DEBUG)
        assert pm.propagate
        text = log.read_text()
        assert "[papermill] WARNING | harbour kernel warned" in text and "fd one" in text and "fd two" in text
    finally:
        for lg, (level, prop, handlers) in zip((pm, nbc, jc), saved):
            lg.setLevel(level)
            lg.propagate, lg.handlers = prop, handlers


@pytest.mark.parametrize("level, during", [(logging.WARNING, logging.WARNING), (logging.WARNING + 1, logging.WARNING),
                                           (logging.WARNING - 1, logging.WARNING - 1)])
def test_output_to_level_at_warning(tmp_path, level, during):
    lg = logging.getLogger("traitlets")
    before = lg.level
    try:
        lg.setLevel(level)
        with execute.output_to(tmp_path / "k.log"):
            assert lg.level == during
        assert lg.level == level
    finally:
        lg.setLevel(before)


def test_log_tail_default_is_eight_lines(tmp_path):
    log = tmp_path / "k.log"
    log.write_text("".join(f"line {i}\n" for i in range(1, 10)))
    assert execute.log_tail(log) == "\n".join(f"      line {i}" for i in range(2, 10))


# ---- execute_one with a stand-in papermill ------------------------------------------------------------------

class _Failed(Exception):
    def __init__(self, source, exec_count, ename, evalue):
        super().__init__(evalue)
        self.source, self.exec_count, self.ename, self.evalue = source, exec_count, ename, evalue


def _papermill(monkeypatch, behaviour):
    pm = types.ModuleType("papermill")
    exc = types.ModuleType("papermill.exceptions")
    exc.PapermillExecutionError = _Failed
    seen = {}

    def execute_notebook(nb, out, parameters, kernel_name, progress_bar, log_output, cwd):
        seen.update(env=os.environ.get(execute.STAGING_ENV), name=os.environ.get(execute.RUN_NAME_ENV), out=out)
        behaviour(out)

    pm.execute_notebook = execute_notebook
    pm.exceptions = exc
    monkeypatch.setitem(sys.modules, "papermill", pm)
    monkeypatch.setitem(sys.modules, "papermill.exceptions", exc)
    return seen


def _notebook(path, papermill=True):
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell("x = 1"))
    if papermill:
        nb.metadata["papermill"] = {"input_path": "/abs/in.ipynb", "output_path": "/staging/out.ipynb"}
    nbformat.write(nb, path)


def test_execute_one_failed_cell_message_and_env_put_back(tmp_path, monkeypatch):
    def fail(out):
        os.write(2, b"kernel said: harbour cell broke\n")  # the kernel writes to the inherited descriptors
        raise _Failed("y = compute()\nz = 2", 3, "ValueError", "no quay")

    seen = _papermill(monkeypatch, fail)
    monkeypatch.delenv(execute.STAGING_ENV, raising=False)
    monkeypatch.setenv(execute.RUN_NAME_ENV, "earlier-run")
    name, seconds, err = execute.execute_one(str(tmp_path / "03-quotes.ipynb"), str(tmp_path), {}, str(tmp_path),
                                             "/stage/figs", str(tmp_path / "k.log"), "reports/x/03-quotes.ipynb")
    assert name == "03-quotes.ipynb" and seconds >= 0
    assert err.startswith("03-quotes.ipynb: cell 3 failed ('y = compute()'...)\n    ValueError: no quay")
    assert err.endswith("last lines of the kernel's log:\n      kernel said: harbour cell broke")
    assert seen["env"] == "/stage/figs" and seen["name"] == "earlier-run"  # no run_name: the earlier one stays
    assert execute.STAGING_ENV not in os.environ  # unset before: unset after
    assert os.environ[execute.RUN_NAME_ENV] == "earlier-run"


def test_execute_one_other_error_and_empty_source(tmp_path, monkeypatch):
    def fail(out):
        raise _Failed("", 1, "KeyError", "'x'")

    _papermill(monkeypatch, fail)
    monkeypatch.setenv(execute.STAGING_ENV, "/earlier/stage")
    monkeypatch.delenv(execute.RUN_NAME_ENV, raising=False)
    _, _, err = execute.execute_one(str(tmp_path / "01-corpus.ipynb"), str(tmp_path), {}, str(tmp_path), "/stage",
                                    str(tmp_path / "k.log"), "r/01-corpus.ipynb", run_name="harbour-run")
    assert err == "01-corpus.ipynb: cell 1 failed (''...)\n    KeyError: 'x'"  # an empty log adds no tail
    assert os.environ[execute.STAGING_ENV] == "/earlier/stage"
    assert execute.RUN_NAME_ENV not in os.environ

    def died(out):
        raise RuntimeError("Kernel died")

    _papermill(monkeypatch, died)
    _, _, err = execute.execute_one(str(tmp_path / "01-corpus.ipynb"), str(tmp_path), {}, str(tmp_path), "/stage",
                                    str(tmp_path / "k2.log"), "r/01-corpus.ipynb")
    assert err == "01-corpus.ipynb: RuntimeError: Kernel died"


def test_execute_one_success_records_relative_paths(tmp_path, monkeypatch):
    _papermill(monkeypatch, lambda out: _notebook(out))
    exported = []
    monkeypatch.setattr(execute, "_export_html", lambda p: exported.append(p.name))
    (tmp_path / "out").mkdir()
    name, _, err = execute.execute_one(str(tmp_path / "02-tone.ipynb"), str(tmp_path / "out"), {}, str(tmp_path),
                                       "/stage", str(tmp_path / "k.log"), "reports/harbour/02-tone.ipynb")
    assert err is None and exported == ["02-tone.ipynb"]
    meta = nbformat.read(tmp_path / "out" / "02-tone.ipynb", as_version=4).metadata["papermill"]
    assert meta["output_path"] == "reports/harbour/02-tone.ipynb"
    assert meta["input_path"] == execute.rel_path(tmp_path / "02-tone.ipynb")


def test_record_paths_leaves_a_notebook_without_papermill_metadata(tmp_path):
    p = tmp_path / "n.ipynb"
    _notebook(p, papermill=False)
    before = p.read_bytes()
    execute._record_paths(p, "notebooks/n.ipynb", "reports/n.ipynb")
    assert p.read_bytes() == before


# ---- runner's notebook list ---------------------------------------------------------------------------------

@pytest.fixture
def folder(tmp_path):
    for n in ("01-corpus", "02-tone", "10-profiles", "explore", "scratch", "1-odd"):
        (tmp_path / f"{n}.ipynb").write_text("{}")
    return tmp_path


def test_notebook_list_by_name_stem_and_prefix(folder):
    names = lambda ps: [p.name for p in ps]  # noqa: E731
    assert names(runner.notebook_list(None, folder)) == ["01-corpus.ipynb", "02-tone.ipynb", "10-profiles.ipynb"]
    assert names(runner.notebook_list([], folder)) == names(runner.notebook_list(None, folder))
    assert names(runner.notebook_list(["10"], folder)) == ["10-profiles.ipynb"]
    assert names(runner.notebook_list(["02-tone"], folder)) == ["02-tone.ipynb"]
    assert names(runner.notebook_list(["02-tone.ipynb", "01", "02"], folder)) == ["02-tone.ipynb", "01-corpus.ipynb"]
    with pytest.raises(StoryError, match="no notebook '1'"):
        runner.notebook_list(["1"], folder)  # '1' is no NN prefix of 10-profiles


def test_committed_notebooks_add_the_interactive_ones(folder):
    names = lambda ps: [p.name for p in ps]  # noqa: E731
    assert names(runner.committed_notebooks(None, folder)) == ["01-corpus.ipynb", "02-tone.ipynb",
                                                              "10-profiles.ipynb", "explore.ipynb"]
    assert names(runner.committed_notebooks(["explore"], folder)) == ["explore.ipynb"]
    assert names(runner.committed_notebooks(["explore.ipynb", "02"], folder)) == ["02-tone.ipynb", "explore.ipynb"]
    (folder / "explore.ipynb").unlink()
    assert names(runner.committed_notebooks(None, folder))[-1] == "10-profiles.ipynb"


def test_carry_earlier_figures_from_the_first_source_that_has_each(tmp_path):
    dest, a, b = (tmp_path / n for n in ("dest", "a", "b"))
    for d in (dest, a, b):
        d.mkdir()
    (dest / "tone.png").write_text("new")
    (a / "tone.png").write_text("old")
    (a / "quay.png").write_text("from a")
    (b / "quay.png").write_text("from b")
    (b / "pier.svg").write_text("from b")
    manifest = {"reports": {"02-tone.ipynb": {"figures": ["tone.png", "quay.png"]},
                            "05-reuse.ipynb": {"figures": ["pier.svg", "gone.png"]}, "06-x.ipynb": {}}}
    missing = runner.carry_earlier_figures(manifest, dest, [a, b])
    assert missing == ["gone.png"]
    assert (dest / "tone.png").read_text() == "new"  # this run's own is kept
    assert (dest / "quay.png").read_text() == "from a" and (dest / "pier.svg").read_text() == "from b"
    assert runner.carry_earlier_figures({}, dest, [a]) == []


# ---- a kernel that dies at start on a port another process took (two runs at once) -------------------------

PORT_TAKEN = (b"Traceback (most recent call last):\n  File \"ipykernel/kernelapp.py\", line 290, in _bind_socket\n"
              b"zmq.error.ZMQError: Address already in use (addr='tcp://127.0.0.1:50123')\n")


def _dies_at_start(times, kernel_says=PORT_TAKEN, then=lambda out: _notebook(out)):
    """A stand-in papermill whose kernel dies before it answers (jupyter_client's words) ``times`` times, its
    traceback in the kernel's log (the inherited descriptor 2), papermill having written its record of the
    start; then ``then``. Lists each try's output path and whether a file was there when it began."""
    tries = []

    def behaviour(out):
        tries.append((out, os.path.exists(out)))
        if len(tries) <= times:
            _notebook(out)  # papermill writes the output notebook even when the kernel never started
            os.write(2, kernel_says)
            raise RuntimeError("Kernel died before replying to kernel_info")
        then(out)
    return behaviour, tries


def test_port_collision_needs_the_death_at_start_and_zmq_words_of_this_try():
    died = RuntimeError("Kernel died before replying to kernel_info")
    taken = "zmq.error.ZMQError: Address already in use (addr='tcp://127.0.0.1:5')"
    assert execute.port_collision(died, taken)
    assert execute.port_collision(died, "zmq.error.ZMQError: Address in use (addr='tcp://127.0.0.1:5')")  # Windows
    assert not execute.port_collision(died, "ModuleNotFoundError: No module named 'ipykernel'")
    assert not execute.port_collision(RuntimeError("Kernel died"), taken)  # died later: cells may have run
    assert not execute.port_collision(RuntimeError("Kernel didn't respond in 60 seconds"), taken)
    assert not execute.port_collision(OSError("Kernel died before replying to kernel_info"), taken)
    assert not execute.port_collision(died, "OSError: [Errno 98] Address already in use")  # not zmq's bind


def test_a_kernel_dying_at_start_on_a_taken_port_runs_again_with_a_fresh_kernel(tmp_path, monkeypatch):
    behaviour, tries = _dies_at_start(1)
    _papermill(monkeypatch, behaviour)
    exported = []
    monkeypatch.setattr(execute, "_export_html", lambda p: exported.append(p.name))
    (tmp_path / "out").mkdir()
    name, _, err = execute.execute_one(str(tmp_path / "05-sources.ipynb"), str(tmp_path / "out"), {}, str(tmp_path),
                                       "/stage", str(tmp_path / "k.log"), "reports/harbour/05-sources.ipynb")
    assert err is None and len(tries) == 2 and exported == ["05-sources.ipynb"]
    assert tries[1] == (str(tmp_path / "out" / "05-sources.ipynb"), False)  # the failed start's file removed first
    assert nbformat.read(tmp_path / "out" / "05-sources.ipynb", as_version=4).metadata["papermill"]["output_path"] \
        == "reports/harbour/05-sources.ipynb"
    assert "starting a fresh kernel (try 2 of 3)" in (tmp_path / "k.log").read_text()


def test_the_tries_end_and_the_last_error_is_said(tmp_path, monkeypatch):
    behaviour, tries = _dies_at_start(5)
    _papermill(monkeypatch, behaviour)
    monkeypatch.setattr(execute, "_export_html", lambda p: pytest.fail("a failed notebook is not exported"))
    _, _, err = execute.execute_one(str(tmp_path / "05-sources.ipynb"), str(tmp_path), {}, str(tmp_path), "/stage",
                                    str(tmp_path / "k.log"), "r/05-sources.ipynb")
    assert len(tries) == execute.KERNEL_START_TRIES == 3
    assert err.startswith("05-sources.ipynb: RuntimeError: Kernel died before replying to kernel_info")
    assert "Address already in use" in err  # the log's tail says why


@pytest.mark.parametrize("kernel_says, raised", [
    (b"ModuleNotFoundError: No module named 'ipykernel_launcher'\n", RuntimeError("Kernel died before replying to kernel_info")),
    (PORT_TAKEN, RuntimeError("Kernel died")),  # died while cells ran: a notebook's own doing, maybe half done
    (PORT_TAKEN, ValueError("bad notebook file")),
])
def test_any_other_failure_is_never_run_again(tmp_path, monkeypatch, kernel_says, raised):
    tries = []

    def behaviour(out):
        tries.append(out)
        os.write(2, kernel_says)
        raise raised

    _papermill(monkeypatch, behaviour)
    _, _, err = execute.execute_one(str(tmp_path / "05-sources.ipynb"), str(tmp_path), {}, str(tmp_path), "/stage",
                                    str(tmp_path / "k.log"), "r/05-sources.ipynb")
    assert len(tries) == 1 and err.startswith(f"05-sources.ipynb: {type(raised).__name__}: {raised}")
    assert "fresh kernel" not in (tmp_path / "k.log").read_text()


def test_a_failed_cell_is_never_run_again_even_with_a_port_error_in_the_log(tmp_path, monkeypatch):
    tries = []

    def behaviour(out):
        tries.append(out)
        os.write(2, PORT_TAKEN)  # a cell's own server could not bind: the notebook's error, not the kernel's start
        raise _Failed("serve()", 2, "ZMQError", "Address already in use")

    _papermill(monkeypatch, behaviour)
    _, _, err = execute.execute_one(str(tmp_path / "05-sources.ipynb"), str(tmp_path), {}, str(tmp_path), "/stage",
                                    str(tmp_path / "k.log"), "r/05-sources.ipynb")
    assert len(tries) == 1 and err.startswith("05-sources.ipynb: cell 2 failed ('serve()'...)")


def test_a_port_error_left_in_the_log_by_an_earlier_try_is_not_this_tries(tmp_path, monkeypatch):
    log = tmp_path / "k.log"
    log.write_bytes(PORT_TAKEN)  # an earlier run's words in the same log
    tries = []

    def behaviour(out):
        tries.append(out)
        raise RuntimeError("Kernel died before replying to kernel_info")

    _papermill(monkeypatch, behaviour)
    _, _, err = execute.execute_one(str(tmp_path / "05-sources.ipynb"), str(tmp_path), {}, str(tmp_path), "/stage",
                                    str(log), "r/05-sources.ipynb")
    assert len(tries) == 1 and err.startswith("05-sources.ipynb: RuntimeError: Kernel died before replying")
