"""Output safety of `presslens run`: what a run may replace, all-or-nothing swaps, interrupted runs.

Every test that refuses or interrupts a run checks that the story and the earlier reports and figures
are byte-identical afterwards (and, where nothing may be written at all, the whole test folder).
"""
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from presslens import paths
from presslens.cli import main
from presslens.run import manifest, outputs, runner, signals

from .conftest import MINI, slack

SLUG = "mini-story"


def tree(folder: Path) -> dict:
    """Every file (its bytes) and folder (None) under ``folder``, by relative path."""
    out = {}
    for here, dirs, files in os.walk(folder):
        for d in dirs:
            out[Path(here, d).relative_to(folder).as_posix()] = None
        for f in files:
            p = Path(here, f)
            out[p.relative_to(folder).as_posix()] = p.read_bytes()
    return out


def leftovers(*roots: Path) -> list[str]:
    """What a run may leave behind only while it runs: staging and swap folders."""
    return sorted(p.name for r in roots if r.is_dir() for p in r.iterdir()
                  if p.name.startswith(".staging-") or ".old-" in p.name or ".new-" in p.name)


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.fixture(scope="module")
def earlier(tmp_path_factory):
    """The outputs of one complete run, copied by each test that needs earlier reports and figures."""
    out = tmp_path_factory.mktemp("earlier")
    runner.run(MINI, figures=out / "figures", reports=out / "reports", log=lambda s: None)
    return out


@pytest.fixture
def setup(earlier, mini, tmp_path):
    """A writable story, and earlier outputs of presslens in tmp_path/reports and tmp_path/figures."""
    shutil.copytree(earlier / "reports", tmp_path / "reports")
    shutil.copytree(earlier / "figures", tmp_path / "figures")
    return mini, tmp_path / "reports", tmp_path / "figures"


def run_cli(capsys, *args) -> tuple[int, str]:
    rc = main(["run", *map(str, args)])
    out, err = capsys.readouterr()
    return rc, err


def assert_one_line_error(err: str, *must: str) -> None:
    assert err.count("\n") == 1 and err.startswith("presslens: "), err
    assert "Traceback" not in err
    for m in must:
        assert m in err, (m, err)


# ---------------------------------------------------------------------------------------------
# 1. ROOT/SLUG is never the story, inside it, around it, or a folder presslens did not write
# ---------------------------------------------------------------------------------------------

def _layout(kind: str, tmp_path: Path, mini: Path) -> tuple[Path, str, Path, str]:
    """(story, flag, root, what the error must say) for each way a root can hit a story."""
    if kind == "reports-parent-of-story":  # presslens run stories/acme --reports stories
        return mini, "--reports", mini.parent, "is the story folder itself"
    if kind == "figures-parent-of-story":
        return mini, "--figures", mini.parent, "is the story folder itself"
    if kind == "reports-inside-story":
        return mini, "--reports", mini, "is inside the story folder"
    if kind == "figures-inside-story":
        return mini, "--figures", mini / "articles", "is inside the story folder"
    if kind == "reports-around-story":  # ROOT/SLUG holds the story deeper down
        nested = tmp_path / "box" / SLUG / "inner" / SLUG
        shutil.copytree(mini, nested)
        return nested, "--reports", tmp_path / "box", "holds the story folder"
    if kind == "figures-is-another-story":  # ROOT/SLUG is some other story folder
        shutil.copytree(mini, tmp_path / "other" / SLUG)
        return mini, "--figures", tmp_path / "other", "is a story folder"
    if kind == "figures-around-another-story":
        shutil.copytree(mini, tmp_path / "more" / SLUG / "archive" / "old-story")
        (tmp_path / "more" / SLUG / outputs.MARKER).write_text(outputs.MARKER_TEXT)
        return mini, "--figures", tmp_path / "more", "holds the story folder"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["reports-parent-of-story", "figures-parent-of-story", "reports-inside-story",
                                  "figures-inside-story", "reports-around-story", "figures-is-another-story",
                                  "figures-around-another-story"])
def test_a_root_that_would_replace_a_story_is_refused(setup, tmp_path, capsys, kind):
    mini, reports, figures = setup
    story, flag, root, says = _layout(kind, tmp_path, mini)
    before = tree(tmp_path)
    other = ["--figures", figures] if flag == "--reports" else ["--reports", reports]
    rc, err = run_cli(capsys, story, flag, root, *other, "-n", "00")
    assert rc == 2
    assert_one_line_error(err, says, paths.display(root / SLUG), f"choose another {flag} root")
    assert tree(tmp_path) == before  # the story, the earlier outputs: nothing written or deleted


@pytest.mark.parametrize("which", ["reports", "figures"])
def test_a_folder_presslens_did_not_write_is_never_replaced(setup, tmp_path, capsys, which):
    mini, reports, figures = setup
    root = tmp_path / "theirs"
    (root / SLUG / "notes").mkdir(parents=True)
    (root / SLUG / "notes" / "mine.txt").write_text("my own notes\n")
    # a marker of the other kind proves nothing: reports need manifest.json, figures .presslens
    (root / SLUG / (outputs.MARKER if which == "reports" else outputs.MANIFEST)).write_text("{}")
    before = tree(tmp_path)
    args = ["--reports", root, "--figures", figures] if which == "reports" else ["--reports", reports, "--figures", root]
    rc, err = run_cli(capsys, mini, *args, "-n", "00")
    assert rc == 2
    marker = outputs.MANIFEST if which == "reports" else outputs.MARKER
    assert_one_line_error(err, paths.display(root / SLUG), "was not written by presslens", f"no {marker} in it",
                          f"choose another --{which} root", "remove the folder yourself")
    assert tree(tmp_path) == before


def test_a_file_at_root_slug_is_never_replaced(setup, tmp_path, capsys):
    mini, reports, _ = setup
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / SLUG).write_text("a file, not a folder\n")
    before = tree(tmp_path)
    rc, err = run_cli(capsys, mini, "--reports", reports, "--figures", tmp_path / "f", "-n", "00")
    assert rc == 2
    assert_one_line_error(err, paths.display(tmp_path / "f" / SLUG), "is a file")
    assert tree(tmp_path) == before


def test_reports_and_figures_in_one_folder_are_refused(setup, tmp_path, capsys):
    mini, reports, _ = setup
    before = tree(tmp_path)
    rc, err = run_cli(capsys, mini, "--reports", reports, "--figures", reports, "-n", "00")
    assert rc == 2
    assert_one_line_error(err, "overlap", "different roots")
    rc, err = run_cli(capsys, mini, "--reports", reports, "--figures", reports / SLUG / "figs", "-n", "00")
    assert rc == 2
    assert_one_line_error(err, "overlap")
    assert tree(tmp_path) == before


def test_the_bundled_figures_folder_carries_the_marker():
    """The committed figures of the bundled story are presslens's: `make run` may replace them."""
    marker = paths.FIGURES_DIR / "bytedance-openai-2023" / outputs.MARKER
    assert marker.read_text() == outputs.MARKER_TEXT and marker.read_text().count("\n") == 1
    assert outputs.MARKER not in manifest.files_in(marker.parent)  # not a figure


# ---------------------------------------------------------------------------------------------
# 2 and 5. Unusable roots: one line, exit code 2, nothing written or deleted
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", ["reports-is-a-file", "figures-is-a-file", "reports-under-a-file",
                                  "figures-under-a-file", "reports-not-writable", "figures-not-writable",
                                  "figures-cannot-be-created"])
def test_unusable_roots_are_one_line_errors(setup, tmp_path, capsys, monkeypatch, case):
    mini, reports, figures = setup
    afile = tmp_path / "afile"
    afile.write_text("just a file\n")
    which, problem = case.split("-", 1)
    bad = {"is-a-file": afile, "under-a-file": afile / "sub",
           "not-writable": tmp_path / "locked", "cannot-be-created": tmp_path / "locked" / "new"}[problem]
    if "writable" in problem or "created" in problem:
        (tmp_path / "locked").mkdir()
        locked = str(tmp_path / "locked")
        real_access = os.access
        # as if the folder were read-only (chmod does not stop root): the permission check says no
        monkeypatch.setattr(outputs.os, "access", lambda p, mode, **kw: False if str(p) == locked
                            else real_access(p, mode, **kw))
    before = tree(tmp_path)
    args = {"reports": ["--reports", bad, "--figures", figures], "figures": ["--reports", reports, "--figures", bad]}
    rc, err = run_cli(capsys, mini, *args[which], "-n", "00")
    assert rc == 2
    says = {"is-a-file": "is a file, not a folder", "under-a-file": "cannot be created",
            "not-writable": "is not writable", "cannot-be-created": "cannot be created"}[problem]
    assert_one_line_error(err, paths.display(bad), says, f"choose another --{which} root")
    assert tree(tmp_path) == before  # no staging folder, no probe file, the earlier outputs intact


def _chmod_works(folder: Path) -> bool:
    """Whether a read-only mode stops this process writing (not for root, unless without CAP_DAC_OVERRIDE)."""
    folder.chmod(0o555)
    try:
        (folder / ".probe").write_text("")
    except PermissionError:
        return True
    finally:
        folder.chmod(0o755)
    (folder / ".probe").unlink()
    return False


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("which", ["reports", "figures"])
def test_read_only_root_for_real(setup, tmp_path, capsys, which):
    mini, reports, figures = setup
    root = reports if which == "reports" else figures
    if not _chmod_works(root):
        pytest.skip(f"running as root (euid {os.geteuid()}): chmod does not make a folder read-only; the check is "
                    "tested with os.access patched in test_unusable_roots_are_one_line_errors")
    before = tree(tmp_path)
    root.chmod(0o555)
    try:
        rc, err = run_cli(capsys, mini, "--reports", reports, "--figures", figures, "-n", "00")
    finally:
        root.chmod(0o755)
    assert rc == 2
    assert_one_line_error(err, paths.display(root), "is not writable", f"choose another --{which} root")
    assert tree(tmp_path) == before


def test_the_write_probe_catches_what_permissions_miss(tmp_path, monkeypatch):
    """A read-only file system passes os.access for root: the probe file is what fails."""
    assert outputs._writable(tmp_path) and list(tmp_path.iterdir()) == []  # the probe is gone again

    def refuse(*a, **kw):
        raise OSError(30, "Read-only file system")
    monkeypatch.setattr(outputs.tempfile, "mkstemp", refuse)
    assert not outputs._writable(tmp_path)
    with pytest.raises(outputs.OutputError, match="reports root .* is not writable"):
        outputs._check_root(tmp_path / "r", "reports", "--reports")


# ---------------------------------------------------------------------------------------------
# 2. The swap: both folders or neither
# ---------------------------------------------------------------------------------------------

def _fail_moving_in(final_figs: Path, monkeypatch, exc=OSError(28, "No space left on device")):
    """The second move in (the figures, after the reports are in place) fails."""
    real = outputs._rename
    calls = []

    def rename(src, dst):
        calls.append((Path(src), Path(dst)))
        if Path(dst) == final_figs:
            raise exc
        real(src, dst)
    monkeypatch.setattr(outputs, "_rename", rename)
    return calls


@pytest.mark.parametrize("notebooks", [None, ["00"]], ids=["complete-run", "one-notebook"])
def test_a_failing_swap_puts_the_earlier_outputs_back(setup, tmp_path, monkeypatch, notebooks):
    mini, reports, figures = setup
    before = tree(tmp_path)
    calls = _fail_moving_in(figures / SLUG, monkeypatch)
    with pytest.raises(outputs.RunError, match="moving the new reports and figures into place failed .*No space"
                                             ".*left as they were"):
        runner.run(mini, reports=reports, figures=figures, notebooks=notebooks, log=lambda s: None)
    # the old folders went aside, the reports went in, then the figures failed: all undone
    assert [dst for _, dst in calls][-1] == figures / SLUG and reports / SLUG in [dst for _, dst in calls]
    assert tree(tmp_path) == before
    assert leftovers(reports, figures) == []


@pytest.mark.parametrize("fail_at", [0, 1, 2, 3])
@pytest.mark.parametrize("exc", [OSError(5, "I/O error"), KeyboardInterrupt()], ids=["error", "interrupt"])
def test_swap_rollback_at_every_step(tmp_path, monkeypatch, fail_at, exc):
    """Two old folders, two new ones: a failure (or Ctrl-C) at any of the four renames leaves the old."""
    finals = [tmp_path / "r" / SLUG, tmp_path / "f" / SLUG]
    moves = []
    for i, final in enumerate(finals):
        final.mkdir(parents=True)
        (final / "old.txt").write_text(f"old {i}\n")
        staged = tmp_path / "staging" / str(i)
        staged.mkdir(parents=True)
        (staged / "new.txt").write_text(f"new {i}\n")
        moves.append((staged, final, True))
    before = {f: tree(f) for f in finals}
    n = []

    def rename(src, dst):
        if len(n) == fail_at:
            raise exc
        n.append(1)
        os.replace(src, dst)
    monkeypatch.setattr(outputs, "_rename", rename)
    with pytest.raises(type(exc)):
        outputs.swap_all(moves)
    assert {f: tree(f) for f in finals} == before
    assert leftovers(tmp_path / "r", tmp_path / "f") == []
    # and without a failure, both are replaced
    monkeypatch.setattr(outputs, "_rename", os.replace)
    for staged, _, _ in moves:
        staged.mkdir(parents=True, exist_ok=True)
        (staged / "new.txt").write_text("new\n")
    olds = outputs.swap_all(moves)
    assert [tree(f) for f in finals] == [{"new.txt": b"new\n"}] * 2 and len(olds) == 2


# ---------------------------------------------------------------------------------------------
# 3 and 4. Interrupted runs: SIGHUP, SIGTERM, Ctrl-C
# ---------------------------------------------------------------------------------------------

def _as_a_terminal_job() -> None:
    """In the child: the signals a terminal job starts with, whatever this test run inherited (under
    ``nohup`` SIGHUP is ignored, and a background job of a shell without job control ignores SIGINT;
    an ignored signal stays ignored across exec, and the run rightly leaves it so)."""
    for sig in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)


def _start(reports: Path, figures: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "presslens.cli", "run", str(MINI), "--reports", str(reports),
                             "--figures", str(figures)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True,  # a process group of its own, as a terminal job
                            preexec_fn=_as_a_terminal_job)


def _wait_for_notebooks(proc: subprocess.Popen, reports: Path, timeout: float = 90) -> Path:
    timeout = slack(timeout)
    """The staging folder, once the notebooks are running (their logs exist)."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        for staging in reports.glob(".staging-*"):
            if list((staging / "logs").glob("0*.log")):
                time.sleep(1.0)  # the kernels are up and working
                return staging
        if proc.poll() is not None:
            raise AssertionError(f"the run ended before it could be interrupted: {proc.communicate()}")
        time.sleep(0.05)
    proc.kill()
    raise AssertionError("no staging folder appeared")


def _processes_of(staging: Path) -> list[int]:
    """Processes still working for the run (workers and kernels carry the staging folder in their env)."""
    pids = []
    for p in psutil.process_iter():
        try:
            if str(staging) in p.environ().get("PRESSLENS_FIGURES_STAGING", ""):
                pids.append(p.pid)
        except psutil.Error:
            pass
    return pids


@pytest.mark.parametrize("signame,to_group", [("SIGHUP", True), ("SIGTERM", False), ("SIGINT", False),
                                              ("SIGINT", True)],
                         ids=["terminal-closed", "sigterm", "sigint-to-presslens", "ctrl-c-in-a-terminal"])
def test_an_interrupted_run_cleans_up_and_replaces_nothing(setup, tmp_path, signame, to_group):
    _, reports, figures = setup
    before = {"reports": tree(reports), "figures": tree(figures), "story": tree(MINI)}
    proc = _start(reports, figures)
    staging = _wait_for_notebooks(proc, reports)
    sig = getattr(signal, signame)
    t0 = time.monotonic()
    os.killpg(proc.pid, sig) if to_group else proc.send_signal(sig)
    out, err = proc.communicate(timeout=slack(60))
    seconds = time.monotonic() - t0
    assert proc.returncode == (130 if sig == signal.SIGINT else 128 + sig), (out, err)
    assert seconds < slack(10), seconds
    assert "Traceback" not in out + err and err.count("\n") == 1, err
    assert err.startswith("presslens: ") and "nothing was replaced" in err
    assert not staging.exists() and leftovers(reports, figures) == []
    assert {"reports": tree(reports), "figures": tree(figures), "story": tree(MINI)} == before
    t0 = time.monotonic()  # the workers and their kernels are gone too
    while _processes_of(staging) and time.monotonic() - t0 < slack(5):
        time.sleep(0.2)
    assert _processes_of(staging) == []


def test_stale_staging_and_swap_folders_are_cleaned_by_the_next_run(setup, tmp_path):
    mini, reports, figures = setup
    dead = dead_pid()
    stale = reports / f".staging-{SLUG}-pid{dead}-k1l_2x"  # a run killed by SIGKILL, or a power cut
    (stale / "reports").mkdir(parents=True)
    (stale / "reports" / "00-corpus.ipynb").write_text("{}")
    other_story = reports / f".staging-another-story-2024-pid{dead}-abc"
    other_story.mkdir()
    live = reports / f".staging-{SLUG}-pid{os.getpid()}-live"  # a run under way: left alone
    live.mkdir()
    old = figures / f".{SLUG}.old-{dead}"  # a swap killed after its last move: the old copy goes
    shutil.copytree(figures / SLUG, old)
    lines = []
    runner.run(mini, reports=reports, figures=figures, notebooks=["00"], log=lines.append)
    assert not stale.exists() and not other_story.exists() and not old.exists()
    assert live.is_dir()
    assert lines[0].startswith("presslens: tidied up after an interrupted run: ") and stale.name in lines[0]
    assert (figures / SLUG / outputs.MARKER).is_file() and (reports / SLUG / outputs.MANIFEST).is_file()
    live.rmdir()
    assert leftovers(reports, figures) == []


def test_a_swap_cut_between_its_moves_is_undone_by_the_next_run(tmp_path):
    dead = dead_pid()
    root = tmp_path / "reports"
    root.mkdir()
    (root / f".{SLUG}.old-{dead}").mkdir()  # moved aside, the new one never moved in
    (root / f".{SLUG}.old-{dead}" / "manifest.json").write_text("{}")
    (root / f".{SLUG}.new-{dead}").mkdir()  # prepared, never moved in
    (root / f".{SLUG}.new-{dead}" / "manifest.json").write_text("{}")
    (root / f".x.old-{os.getpid()}").mkdir()  # a swap under way in a live process: left alone
    (root / ".staging-no-pid-here").mkdir()  # not presslens's naming: left alone
    (root / ".git").mkdir()
    # folders that merely look like swap folders are never touched: another name, or no presslens mark
    (root / ".notes.old-2024").mkdir()
    (root / ".notes.old-2024" / "draft.txt").write_text("precious")
    (root / f".{SLUG}.old-{dead - 1 if dead > 1 else dead + 1}").mkdir()
    (root / f".{SLUG}.old-{dead - 1 if dead > 1 else dead + 1}" / "mine.txt").write_text("not presslens's")
    before = sorted(p.name for p in root.iterdir())
    done = outputs.clean_stale([root, root], SLUG)
    kept = {".git", f".x.old-{os.getpid()}", ".staging-no-pid-here", ".notes.old-2024",
            f".{SLUG}.old-{dead - 1 if dead > 1 else dead + 1}", SLUG}
    assert sorted(p.name for p in root.iterdir()) == sorted(kept), before
    assert (root / ".notes.old-2024" / "draft.txt").read_text() == "precious"
    assert (root / SLUG / "manifest.json").read_text() == "{}"
    assert len(done) == 2 and any("back" in d for d in done)


def _die(*args):
    os._exit(3)


def test_a_dead_worker_is_an_error_not_a_traceback(mini, tmp_path, monkeypatch):
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched worker function reaches the worker only when it is forked")
    monkeypatch.setattr(runner, "execute_one", _die)
    with pytest.raises(outputs.RunError, match="00-corpus.ipynb: the worker process running it failed"):
        runner.run(mini, reports=tmp_path / "r", figures=tmp_path / "f", notebooks=["00"], log=lambda s: None)
    assert not (tmp_path / "r" / SLUG).exists() and not (tmp_path / "f").exists()
    assert leftovers(tmp_path / "r") == []


def test_signal_handlers_are_restored_after_a_run():
    inherited = {s: signal.signal(s, signal.SIG_DFL) for s in (signal.SIGHUP, signal.SIGTERM)}  # nohup: SIG_IGN
    try:
        before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM)}
        with signals.SignalGuard() as guard:
            assert signal.getsignal(signal.SIGHUP) == guard._handle
            assert signal.getsignal(signal.SIGTERM) == guard._handle
        assert {s: signal.getsignal(s) for s in before} == before
    finally:
        for s, h in inherited.items():
            signal.signal(s, h)


def test_an_ignored_hangup_stays_ignored(monkeypatch):
    """Under nohup a closed terminal must not stop the run."""
    prev = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        with signals.SignalGuard():
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, prev)


def test_manifest_lists_figures_not_the_marker(earlier):
    m = json.loads((earlier / "reports" / SLUG / "manifest.json").read_text())
    assert (earlier / "figures" / SLUG / outputs.MARKER).is_file()
    assert outputs.MARKER not in m["figures"] and all(outputs.MARKER not in r["figures"] for r in m["reports"].values())
