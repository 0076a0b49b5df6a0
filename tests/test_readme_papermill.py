"""The README's papermill example, run as written from the repo root, leaves `git status` clean (issue 27):
a one-outlet run writes to its own ignored figures folder and to reports/, never over committed files."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from presslens import paths


def _readme_papermill_line() -> str:
    lines = [ln for ln in (paths.REPO_ROOT / "README.md").read_text(encoding="utf-8").splitlines()
             if ".venv/bin/papermill " in ln and not ln.lstrip().startswith("#")]
    assert len(lines) == 1, f"README.md: expected one papermill example, found {lines}"
    return lines[0]


def _status() -> str:
    r = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=paths.REPO_ROOT,
                       capture_output=True, text=True)
    if r.returncode:
        pytest.skip("not a git checkout")
    return r.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="no git")
def test_readme_papermill_example_leaves_git_status_clean():
    line = _readme_papermill_line()
    out = paths.REPO_ROOT / re.search(r"papermill \S+ (\S+)", line).group(1)
    had_out = out.exists()
    subset = paths.REPO_ROOT / "figures" / f"{paths.DEFAULT_STORY.rstrip('/').split('/')[-1]}--outlets-new-york-post"
    had_subset = subset.exists()
    before = _status()
    # as written, the venv's commands taken from this interpreter's folder (the test may run from any venv)
    cmd = line.replace(".venv/bin/", str(Path(sys.executable).parent) + "/")
    try:
        r = subprocess.run(cmd, shell=True, cwd=paths.REPO_ROOT, capture_output=True, text=True, timeout=600)
        assert r.returncode == 0, r.stderr[-2000:]
        assert out.is_file()
        assert _status() == before, "the README's papermill example changed what git sees:\n" + _status()
    finally:
        if not had_out:
            out.unlink(missing_ok=True)
        if not had_subset:
            shutil.rmtree(subset, ignore_errors=True)
