"""Hostile input, seventh round (issue 21): what the round-7 tester found (cases named in each test).

Each test ends with a clear message or the right result, never a traceback, a quietly wrong table or
a file written where it should not be.
"""
import signal
import subprocess
import sys
import time

import pytest

from .conftest import MINI


def _as_a_terminal_job() -> None:
    for sig in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)


@pytest.mark.parametrize("delay", [0.2, 0.5, 1.0, 2.0])
def test_s07_ctrl_c_while_the_command_starts_is_one_line(delay, tmp_path):
    """s07-s09: Ctrl-C in the first seconds (modules still loading) printed a ~40-line traceback."""
    proc = subprocess.Popen([sys.executable, "-m", "presslens.cli", "check", str(MINI)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=_as_a_terminal_job, cwd=tmp_path)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    if proc.returncode == 0:  # finished before the signal: nothing to see
        return
    assert "Traceback" not in err, err
    assert proc.returncode == 130, (proc.returncode, err)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("presslens: interrupted"), err
