"""``presslens export STORY [--out DIR]``: every analysis table the notebooks show, as Parquet and CSV,
with a data dictionary, ready for pandas, R (arrow, quanteda) and DuckDB.

The folder (default ``exports/SLUG/``) holds, for each table of
:data:`presslens.run.export_tables.TABLES`, ``NAME.parquet`` (typed: read back it is the package's
table exactly) and ``NAME.csv`` (UTF-8, one header line); ``data_dictionary.parquet`` / ``.csv`` (one
row per table and column: its type, meaning, unit and source notebook, from the declared schema
:mod:`presslens.run.export_schema`); and ``metadata.json`` (presslens's version and git commit, the
story, its input hashes, the parameters, the tables).

Ownership, as for reports and figures: the folder is written only when it is new, empty, or one
presslens wrote (its ``.presslens`` marker); the tables are written to a staging folder beside it
and swapped in whole, so an interrupted export leaves the earlier one as it was, and files of the
user's in the folder are kept (never overwritten: the export stops, naming the file).
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from presslens import paths
from presslens.engine import store
from presslens.errors import OutputError
from presslens.notebook.gate import check_story
from presslens.story import grouping
from presslens.story.model import Story
from . import export_schema, export_tables, manifest, outputs, signals

EXPORTS_DIR = paths.REPO_ROOT / "exports"
DICTIONARY = "data_dictionary"
DICTIONARY_COLS = ["table", "column", "dtype", "meaning", "unit", "notebook", "row"]
UNDESCRIBED = "not described in presslens's data dictionary"


def dictionary(tables: dict[str, pd.DataFrame], extra: dict[str, tuple[str, str]] | None = None) -> pd.DataFrame:
    """One row per table and column (``DICTIONARY_COLS``). ``extra``: meanings of attribute columns
    joined by the caller (column -> (meaning, unit)). A column the schema does not describe gets
    :data:`UNDESCRIBED` (the tests fail on it; an export never does)."""
    spec = {t.name: t for t in export_tables.TABLES}
    rows = []
    for name, df in tables.items():
        t = spec.get(name)
        for col in df.columns:
            meaning, unit = export_schema.entry(name, col, extra) or (UNDESCRIBED, "")
            rows.append({"table": name, "column": str(col), "dtype": str(df[col].dtype), "meaning": meaning,
                         "unit": unit, "notebook": t.notebook if t else "", "row": t.row if t else ""})
    return export_tables.tidy(pd.DataFrame(rows, columns=DICTIONARY_COLS))


def default_folder(slug: str) -> Path:
    return EXPORTS_DIR / slug


def _write_table(folder: Path, name: str, df: pd.DataFrame) -> None:
    df.to_parquet(folder / f"{name}.parquet", index=False)
    df.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")


def export(story: str | Path | Story, out: str | Path | None = None, extra: pd.DataFrame | None = None,
           extra_meanings: dict[str, tuple[str, str]] | None = None, log=print, group_by: str | None = None) -> Path:
    """Write every table of ``story`` into ``out`` (default ``exports/SLUG``; relative paths from the
    repo root) and return the folder. ``extra``: outlet attributes to attach to the articles and
    sentences (one row per outlet, column ``outlet``; default: the story's own outlets.yaml
    attributes), described by ``extra_meanings``. Raises
    :class:`OutputError` (before writing anything) when the folder is not presslens's to write.
    ``group_by`` (an outlets.yaml attribute or ``meta.KEY``) adds the grouped tables
    (:data:`presslens.run.export_tables.GROUP_TABLES`); a name the story does not give is an error first."""
    if out is not None:  # a cache in the output folder would fill it before the export could refuse it
        store.check_cache_apart(paths.resolve(out), "--out")
    st, _ = check_story(story)
    if group_by not in (None, "outlet"):
        grouping.check_group_by(st, group_by, where="export --group-by")
    final = paths.resolve(out) if out is not None else default_folder(st.slug)
    outputs.check_export_target(st.path, final)
    with signals.SignalGuard() as guard:  # SIGTERM or a closed terminal stops it as Ctrl-C does: staging removed
        _export(st, final, extra, extra_meanings, guard, log, group_by)
    return final


def _export(st: Story, final: Path, extra, extra_meanings, guard: signals.SignalGuard, log, group_by) -> None:
    extra = export_tables.outlet_attributes(st) if extra is None else extra
    tables, skipped = export_tables.compute_all(st, extra, group_by)
    attrs = {str(c): (f"an attribute of the article's outlet (outlets.yaml): {c}", "as written")
             for c in (extra.columns if extra is not None else ()) if c != "outlet"}
    extra_meanings = {**attrs, **(extra_meanings or {})}
    final.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{final.name}.staging-", dir=final.parent))
    try:
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(staged, 0o777 & ~mask)  # a folder like any other the user makes (mkdtemp's is private)
        for name, df in tables.items():
            _write_table(staged, name, df)
        _write_table(staged, DICTIONARY, dictionary(tables, extra_meanings))
        meta = {"software": manifest.software(), "story": st.slug, "story_path": paths.display(st.path),
                "title": st.title, "exported_at": manifest.utc_now(), "inputs_sha256": st.input_hashes(),
                "parameters": {**export_tables.DEFAULTS, "group_by": group_by}, "list_separator": export_tables.LIST_SEPARATOR,
                "tables": {n: {"rows": len(df), "columns": len(df.columns)} for n, df in tables.items()},
                "tables_not_written": skipped,
                "files": "NAME.parquet (typed) and NAME.csv per table; data_dictionary.* describes every column"}
        (staged / "metadata.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        moves = [(staged, final, True, "exports")]
        clash = outputs.conflicts(moves)
        if clash:
            raise OutputError(f"{clash[0]} is not presslens's, and the export would overwrite it: move or rename "
                              "it, or give another --out folder")
        for old in outputs.swap_all(moves, done=guard.hold, run={"by": "presslens export", "story": st.slug}):
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:  # pyarrow and pandas say "No space left on device" without the path: name the folder
        if exc.filename:
            raise
        exc.filename = paths.printable(final)  # the command line prints it with the fix (free space)
        raise
    finally:
        if staged.exists():
            shutil.rmtree(staged, ignore_errors=True)
    for name, why in skipped.items():
        log(f"{name}: not written: {why}")
    log(f"exported {len(tables)} tables of {st.slug} (Parquet and CSV, with {DICTIONARY}.csv) to "
        f"{paths.display(final)}/" + (f"; {len(skipped)} not written (metadata.json: tables_not_written)" if skipped else ""))


def read(folder: str | Path) -> dict[str, pd.DataFrame]:
    """The tables of an export folder, read back from its Parquet files (the dictionary included)."""
    folder = paths.resolve(folder)
    return {p.stem: pd.read_parquet(p) for p in sorted(folder.glob("*.parquet")) if not p.name.startswith(".")}



