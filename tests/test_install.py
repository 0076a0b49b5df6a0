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
    assert "pip install --disable-pip-version-check --progress-bar off -r requirements.lock" in make
    assert make.count("presslens install [") == 4  # the install says what it is doing, step by step (issue 27)
    assert "--no-deps" in make  # the package itself adds nothing unpinned
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = [d for d in env["dependencies"] if isinstance(d, dict)][0]["pip"]
    assert "-r requirements.lock" in pip


def test_a_built_wheel_carries_its_data_and_works_outside_the_repo(tmp_path):
    """A non-editable install must not find built-in data relative to the checkout."""
    import subprocess
    import sys
    import zipfile

    out = tmp_path / "wheel"
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
                        str(ROOT)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-1500:]
    wheel = next(out.glob("presslens-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"presslens/data/framing.yaml", "presslens/data/furniture.yaml", "presslens/templates/story.yaml"} <= names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("import presslens, pathlib; from presslens import data; from presslens.analyses.wordchoice import lexicon; "
            "assert pathlib.Path(presslens.__file__).parent == pathlib.Path(%r) / 'presslens'; "
            "lx = lexicon.load_lexicon(); print(lx.version, len(lx.names), len(data.builtin()['rules']))") % str(site)
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr[-1500:]
    version, categories, rules = map(int, r.stdout.split())
    assert version == 2 and categories >= 9 and rules >= 20
