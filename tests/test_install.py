"""Reproducible installs: every dependency comes pinned from requirements.lock, which the README's
commands (the Makefile) and environment.yml both use."""
import re
import tomllib

import yaml

from presslens import paths

ROOT = paths.REPO_ROOT


def locked() -> dict[str, list[str]]:
    pins: dict[str, list[str]] = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        m = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;]+)", line)
        if m:
            pins.setdefault(m.group(1).lower().replace("_", "-"), []).append(m.group(2))
    return pins


def test_every_dependency_is_pinned_exactly_in_the_lock():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = project["dependencies"] + project["optional-dependencies"]["dev"]
    pins = locked()
    for dep in deps:
        name = re.match(r"[A-Za-z0-9_.-]+", dep).group(0).lower().replace("_", "-")
        assert name in pins, f"{name} is not pinned in requirements.lock: run make lock"
    assert pins["textstat"] == ["0.7.13"]  # the version the syllable provisioning is written for


def test_the_makefile_and_environment_install_from_the_lock():
    make = (ROOT / "Makefile").read_text()
    assert "pip install --quiet --disable-pip-version-check -r requirements.lock" in make
    assert "--no-deps" in make  # the package itself adds nothing unpinned
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = [d for d in env["dependencies"] if isinstance(d, dict)][0]["pip"]
    assert "-r requirements.lock" in pip
