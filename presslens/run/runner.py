"""The batch runner: papermill over every notebook, all-or-nothing.

Every notebook runs with the same parameters into a staging folder (executed notebook + HTML +
figures). Only when all of them succeed are the results moved into ``reports/SLUG/`` and
``figures/SLUG/``; a failure names the notebook, the cell and the error, exits non-zero and leaves
the previous run's outputs as they were.

The full story with the notebooks' default parameters is written to ``SLUG``; a run with other
parameters (an outlet subset, ``-p max_outlets 10``...) to a folder of its own named after them,
``SLUG--outlets-new-york-post`` (:func:`presslens.notebook.setup.run_name`), so it never replaces the
full story's figures; the kernels learn that name from ``PRESSLENS_RUN_NAME``, so every notebook of
the run writes to the same folder, a parameter only some of them have included.

The notebooks and the manifest record the story and the figures folder as the user gave them,
relative to the repo root; the kernels learn the staging folder from ``PRESSLENS_FIGURES_STAGING``
(see :func:`presslens.figures.style.figures_dir`). Kernel and library output goes to a log per notebook in
the staging folder, so the terminal shows only presslens's progress lines; a failure quotes the
log's last lines when they say more than the error itself.

``manifest.json`` describes every report in the folder: a record per notebook (parameters, duration,
time, input fingerprint, versions, figures written). A run of some notebooks (``-n``) keeps the
earlier records of the others and marks them ``stale`` when they were made from other inputs.

Output safety. Before any notebook runs, the reports and figures roots are checked (each a folder
that exists or can be created, writable) and so are ``ROOT/SLUG``: never the story folder, inside
it or around it (nor around or inside any folder holding a ``story.yaml``), never the same folder for
reports and figures, and never a folder presslens did not write. Ownership is proven by a marker:
``manifest.json`` in ``REPORTS_ROOT/SLUG``, ``.presslens`` in ``FIGURES_ROOT/SLUG`` (every run writes
it). A problem is one :class:`OutputError` line naming the folder and the fix, before anything is
written. The final swap moves both old folders aside, both new ones in, and puts the old ones back
if any step fails (or an interrupt arrives). SIGHUP and SIGTERM are turned into exceptions during a
run, so the staging folder is removed and the workers and their kernels are stopped; a run also
removes what killed runs left behind (``.staging-SLUG-pidPID-*``, ``.SLUG.old-PID``, ``.SLUG.new-PID``
of processes that are gone), putting an old folder back when its swap was cut short.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from presslens import paths
from presslens.notebook.gate import checked
from presslens.notebook.setup import check_params, run_name
from presslens.errors import ParameterError
from presslens.story.model import Problem, StoryError
from . import report_index
from .execute import execute_one, log_tail, output_to, rel_path
from .manifest import build_manifest, files_in, inputs_fingerprint, utc_now
from presslens import ownership
from presslens.journals import Journal
from presslens.story import inputs
from .outputs import MANIFEST, RunError, check_outputs, check_targets, clean_stale, conflicts, swap_all
from .lock import RunLock
from .signals import SignalGuard, stop_pool, worker_init


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


INTERACTIVE = ("explore.ipynb",)  # executed and nbval-tested like the others, but no report: `presslens run` leaves them out


def committed_notebooks(names: list[str] | None = None, folder: Path = paths.NOTEBOOKS_DIR) -> list[Path]:
    """The notebooks committed executed (what ``presslens notebooks`` refreshes): the suite's, then the
    interactive ones (:data:`INTERACTIVE`); or the ones named (file name, stem or NN prefix)."""
    extra = [folder / n for n in INTERACTIVE if (folder / n).is_file()]
    if not names:
        return notebook_list(None, folder) + extra
    picked = [p for p in extra if p.name in names or p.stem in names]
    rest = [n for n in names if n not in {p.name for p in picked} | {p.stem for p in picked}]
    return (notebook_list(rest, folder) if rest else []) + picked


MAX_JOBS = 256  # notebooks at once: more than any machine runs usefully (a story has about ten notebooks)


def carry_earlier_figures(manifest: dict, dest: Path, sources: list[Path]) -> list[str]:
    """Copy into ``dest`` (the staged ``reports/SLUG/figures``) the figures that the manifest's earlier
    records list and this run did not make, from the first of ``sources`` that has each; a partial run
    (``-n``) otherwise left the reports folder's figures with this run's only while its index listed
    the others. Returns the names found nowhere (the index says they are not present)."""
    wanted = {f for rec in manifest.get("reports", {}).values() for f in rec.get("figures", [])}
    missing = []
    for name in sorted(wanted - files_in(dest)):
        src = next((d / name for d in sources if (d / name).is_file()), None)
        if src is None:
            missing.append(name)
        else:
            ownership.link_or_copy(str(src), str(dest / name))
    return missing


def run(story: str | Path = paths.DEFAULT_STORY, notebooks: list[str] | None = None,
        outlets: list[str] | None = None, figures: str | Path = paths.FIGURES_DIR,
        reports: str | Path = paths.REPORTS_DIR, params: dict | None = None, jobs: int | None = None,
        log: Callable[[str], None] = print) -> RunResult:
    """Execute the notebooks on ``story`` and write reports and figures; see the module docstring."""
    t_start = time.perf_counter()
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or not 1 <= jobs <= MAX_JOBS):
        shown = repr(jobs) if len(repr(jobs)) <= 24 else repr(jobs)[:20] + "..."
        raise ParameterError.bad("presslens run", "--jobs", f"{shown} notebooks at once is out of range",
                                 f"give a whole number of at least 1 and at most {MAX_JOBS} (-j 2; this machine has "
                                 f"{os.cpu_count() or 1} core(s)), or leave it out for the default (2)")
    params = dict(params or {})
    # papermill-style `-p story X` / `-p figures_dir X` name the story / the figures root of the run
    story = params.pop("story", story)
    figures = params.pop("figures_dir", figures)
    if outlets and "outlets" in params:  # two answers to one question: refuse rather than pick one
        raise StoryError([Problem("parameter outlets", "outlets",
                                  f"given twice: -o/--outlet {list(outlets)} and -p outlets {params['outlets']!r}",
                                  "give the outlets one way only (-o NAME, repeatable, or -p outlets \"['A', 'B']\")")])
    story_path = Path(story)
    if not story_path.is_absolute():
        story_path = story_path.resolve() if story_path.exists() else paths.resolve(story_path)
    # the gate first: bad input or a bad parameter stops here, before anything is written or run
    st = checked(story_path)
    outlets, parsed = check_params(st, params.pop("outlets", outlets), **params)  # -p outlets wins over -o
    # the full story with the default parameters writes ROOT/SLUG; any other run (an outlet subset,
    # another max_outlets...) a folder of its own, ROOT/SLUG--outlets-..., named as the notebooks name it
    out_name = run_name(st.slug, outlets, parsed, st.outlets)
    snapshot = inputs.snapshot(story_path)  # checked again before anything is replaced
    nbs = notebook_list(notebooks)
    if not nbs:
        raise StoryError([Problem("notebooks/", "", "no NN-topic.ipynb notebook found", "run from a full checkout")])
    figures_root = paths.resolve(figures)
    reports_root = paths.resolve(reports)
    final_reports, final_figs = reports_root / out_name, figures_root / out_name
    # before anything is written: the folders can be written, and replacing ROOT/NAME (NAME: the slug, or the variant's) loses nothing
    check_outputs(story_path, reports_root, figures_root, out_name)
    # what the user asked for, relative to the repo root: this is what the notebooks, their HTML and
    # the manifest record; the staging folder reaches the kernels out of band (PRESSLENS_FIGURES_STAGING)
    nb_params = {"story": rel_path(story_path), "figures_dir": rel_path(figures_root), **params}
    if outlets:
        nb_params["outlets"] = list(outlets)
    jobs = max(1, min(jobs or min(2, os.cpu_count() or 1), len(nbs)))
    durations: dict[str, float] = {}
    finished: dict[str, str] = {}
    errors: list[str] = []
    staging: Path | None = None
    journals: list[Journal] = []
    lock: RunLock | None = None
    with SignalGuard() as guard:
        try:
            lock = RunLock.acquire(final_reports, log)  # one run at a time into one reports folder
            cleaned = clean_stale([reports_root, figures_root], out_name)  # what killed runs left behind
            if cleaned:
                log(f"presslens: tidied up after an interrupted run: {'; '.join(cleaned)}")
            reports_root.mkdir(parents=True, exist_ok=True)
            # every folder this run may create is named in a journal first: only those of a run that is
            # provably dead are ever cleaned up (presslens.journals)
            pid = os.getpid()
            j_rep = Journal(reports_root, out_name)
            journals.append(j_rep)
            staging_name = f".staging-{out_name}-pid{pid}-{j_rep.token}"
            j_rep.add(staging_name, f".{out_name}.new-{pid}", f".{out_name}.old-{pid}")
            staging = reports_root / staging_name
            staging.mkdir()
            st_reports, st_figs, st_logs = staging / "reports", staging / "figures", staging / "logs"
            for d in (st_reports, st_figs, st_logs):
                d.mkdir()
            log(f"presslens: story {st.slug} ({len(st.articles)} articles, {len(st.outlets)} outlets), "
                f"{len(nbs)} notebook(s), {jobs} at a time")
            pool = ProcessPoolExecutor(max_workers=jobs, initializer=worker_init,
                                       initargs=(str(st_logs / "workers.log"),))
            ok = False
            try:
                # each notebook stages its figures in a folder of its own, so the manifest can say who wrote what
                futs = {pool.submit(execute_one, str(nb), str(st_reports), nb_params, str(nb.parent),
                                    str(st_figs / nb.stem), str(st_logs / f"{nb.stem}.log"),
                                    rel_path(final_reports / nb.name), out_name): nb for nb in nbs}
                done = 0
                for fut in as_completed(futs):
                    try:
                        name, secs, err = fut.result()
                    except Exception as exc:  # the worker process died (BrokenProcessPool), ...
                        name, secs = futs[fut].name, 0.0
                        err = f"{name}: the worker process running it failed ({type(exc).__name__}: {exc})"
                        tail = log_tail(st_logs / "workers.log")
                        if tail:
                            err += f"\n    last lines of the workers' log:\n{tail}"
                    done += 1
                    durations[name] = round(secs, 2)
                    finished[name] = utc_now()
                    log(f"  [{done}/{len(nbs)}] {name:<28} {'FAILED' if err else 'ok':>6}  {secs:5.1f} s")
                    if err:
                        errors.append(err)
                ok = True
            finally:
                if ok:
                    pool.shutdown(wait=True)
                else:  # interrupted (or worse): stop the workers and their kernels now, not when they finish
                    stop_pool(pool)
            if errors:
                raise RunError("run failed; earlier reports and figures are left as they were:\n  " + "\n  ".join(errors))
            staged_figs = staging / "figures-all" / out_name
            staged_figs.mkdir(parents=True)
            written: dict[str, list[str]] = {}
            for nb in nbs:
                own = st_figs / nb.stem / out_name
                written[nb.name] = sorted(files_in(own))
                for f in written[nb.name]:
                    os.replace(own / f, staged_figs / f)
            full = notebooks is None
            manifest = build_manifest(st, story_path, nb_params, nbs, durations, finished, written, full,
                                 final_reports, final_figs, time.perf_counter() - t_start)
            (st_reports / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                               encoding="utf-8")
            executed = {n: (st_reports / n if (st_reports / n).is_file() else final_reports / n)
                        for n in manifest["notebooks"]}
            # the figures travel with the reports too: the reports folder can be shared as one unit
            shutil.copytree(staged_figs, st_reports / report_index.FIGURES, ignore=shutil.ignore_patterns(".*"))
            if not full:  # the earlier notebooks' figures the index still lists travel with the reports too
                carry_earlier_figures(manifest, st_reports / report_index.FIGURES,
                                      [final_reports / report_index.FIGURES, final_figs])
            report_index.write(manifest, st_reports, final_reports, final_figs, executed)
            fig_files = sorted({f for fs in written.values() for f in fs})  # this run's, as before
            moves = [(st_reports, final_reports, full, "reports")]
            if any(written.values()):
                moves.append((staged_figs, final_figs, full, "figures"))
            check_targets(story_path, final_reports, final_figs)  # still so after the notebooks ran?
            clash = conflicts(moves)
            if clash:
                raise RunError(f"the run would overwrite {len(clash)} file(s) presslens did not write (or that were "
                               f"changed since): {', '.join(clash[:5])}{f' and {len(clash) - 5} more' if len(clash) > 5 else ''}; "
                               "move or rename them (out of presslens's folders, which it replaces as its own), or "
                               "delete them, and run again. "
                               "Earlier reports and figures are left as they were")
            changed = inputs.changed(story_path, snapshot)
            if changed:
                raise RunError(f"the story's input changed during the run ({', '.join(changed[:5])}): the reports "
                               "would mix two versions of it. Run again once the files are final; earlier reports "
                               "and figures are left as they were")
            run_info = {"by": "presslens run", "inputs_fingerprint": inputs_fingerprint(st.input_hashes())}
            if figures_root != reports_root and len(moves) > 1:  # the swap creates folders there too
                j_fig = Journal(figures_root, out_name, j_rep.token)
                journals.append(j_fig)
                j_fig.add(f".{out_name}.new-{pid}", f".{out_name}.old-{pid}")
            try:
                olds = swap_all(moves, done=guard.hold, run=run_info)  # from here on, an interrupt waits for the end
            except OSError as exc:
                raise RunError(f"moving the new reports and figures into place failed ({type(exc).__name__}: "
                               f"{exc}); earlier reports and figures are left as they were") from None
            for old in olds:
                shutil.rmtree(old, ignore_errors=True)
        finally:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
            for j in journals:
                j.close()
            if lock is not None:
                lock.release()
    total = time.perf_counter() - t_start
    with contextlib.suppress(OSError):  # the terminal may be gone (the run is complete all the same)
        log(f"presslens: wrote {len(nbs)} executed notebook(s) + HTML and manifest.json to "
            f"{paths.display(final_reports)}/, {len(fig_files)} figure file(s) to "
            f"{paths.display(final_figs)}/ in {total:.1f} s")
    return RunResult(st.slug, final_reports, final_figs, [nb.name for nb in nbs], fig_files, durations, total)


def refresh_notebooks(names: list[str] | None = None, log: Callable[[str], None] = print) -> None:
    """Re-execute the committed notebooks in place with their default parameters (what nbval checks).

    Uses nbclient directly so the committed files carry outputs and execution counts but no
    run-specific metadata (timestamps, durations).
    """
    import nbformat
    from nbclient import NotebookClient

    for nb_path in committed_notebooks(names):
        t0 = time.perf_counter()
        nb = nbformat.read(nb_path, as_version=4)
        with tempfile.TemporaryDirectory() as tmpd, output_to(Path(tmpd) / "kernel.log"):
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
