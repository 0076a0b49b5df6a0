import os
import shutil
from pathlib import Path

import pytest

from presslens import paths

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini-story"
BUNDLED = paths.resolve(paths.DEFAULT_STORY)


def slack(seconds: float) -> float:
    """A time limit for a test, stretched on a loaded machine (load average per core above 1): the
    limits say "promptly", not how fast this machine is today."""
    try:
        load = os.getloadavg()[0] / (os.cpu_count() or 1)
    except OSError:
        load = 1.0
    return seconds * max(1.0, load)


@pytest.fixture
def mini(tmp_path) -> Path:
    """A writable copy of the fixture story (tests may break it)."""
    dest = tmp_path / "mini-story"
    shutil.copytree(MINI, dest)
    return dest


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Each test session caches processed text in its own folder, never in the checkout's .cache."""
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))
