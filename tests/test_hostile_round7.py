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


def _one_outlet(src, dst, keep=None):
    """A copy of the fixture story whose articles all come from one outlet (x02), or of one article (x01)."""
    import shutil
    shutil.copytree(src, dst)
    for p in sorted((dst / "articles").glob("*.md")):
        if keep is not None and p.name != keep:
            p.unlink()
            continue
        text = p.read_text(encoding="utf-8")
        p.write_text("\n".join("outlet: Only Outlet" if ln.startswith("outlet:") else ln for ln in text.split("\n")),
                     encoding="utf-8")
    return dst


@pytest.mark.parametrize("keep", [None, "daily.md"])
def test_x01_x02_one_outlet_exports_every_other_table(keep, tmp_path):
    """x01/x02: a story of one outlet passed check, then export failed whole on keyness and wrote nothing."""
    import json
    from presslens.run import export as export_mod, export_tables
    st = _one_outlet(MINI, tmp_path / "one", keep)
    said = []
    folder = export_mod.export(st, tmp_path / "out", log=said.append)
    written = {p.stem for p in folder.glob("*.parquet")}
    every = {t.name for t in export_tables.TABLES}
    assert written == (every - {"keyness"}) | {export_mod.DICTIONARY}
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert list(meta["tables_not_written"]) == ["keyness"]
    assert "needs two outlets" in meta["tables_not_written"]["keyness"]
    assert any(line.startswith("keyness: not written: needs two outlets") for line in said), said
    assert "1 not written" in said[-1]
