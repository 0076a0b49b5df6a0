"""presslens export (issue 28): every table as Parquet and CSV that reads back exactly, a data
dictionary covering every column (checked through DuckDB), attributes joined onto the articles,
ownership of the folder, and the version that produced it (CITATION.cff, manifest, metadata)."""
import dataclasses
import json
import re
import subprocess
from pathlib import Path

import pandas as pd
import pytest
import yaml
from pandas.testing import assert_frame_equal

import presslens
from presslens.analyses import claims, spread, timeline
from presslens.cli.main import main as cli_main
from presslens.errors import OutputError, ParameterError
from presslens.notebook.gate import check_story
from presslens.run import export as export_mod
from presslens.run import export_schema, export_tables, manifest
from presslens.story.load import load_story

from .conftest import MINI

REPO = Path(presslens.__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The fixture story exported once: (folder, the package's tables as export_tables computes them)."""
    out = tmp_path_factory.mktemp("export") / "mini"
    folder = export_mod.export(MINI, out, log=lambda line: None)
    return folder, export_tables.compute(MINI)


def test_every_table_round_trips_exactly(exported):
    folder, tables = exported
    back = export_mod.read(folder)
    assert set(back) == set(tables) | {export_mod.DICTIONARY}
    for name, df in tables.items():
        assert_frame_equal(back[name], df, check_dtype=True, obj=name)  # dtypes included
        assert (folder / f"{name}.csv").is_file()
        csv = pd.read_csv(folder / f"{name}.csv")
        assert list(csv.columns) == list(df.columns) and len(csv) == len(df), name


def test_exported_tables_are_the_notebooks_tables(exported):
    """The tables are the package's own (the notebooks' calls), not re-computed versions."""
    _, tables = exported
    st, _ = check_story(MINI)
    kept = st.select(tables["corpus_articles"].loc[tables["corpus_articles"]["measured"], "article_id"])
    h = claims.hits(kept)
    assert_frame_equal(tables["claims_grid"], export_tables.tidy(claims.grid(kept, h)))
    assert_frame_equal(tables["claim_spread"], export_tables.tidy(spread.claim_spread(kept, h)))
    assert_frame_equal(tables["timeline"], export_tables.tidy(timeline.per_day(st)))
    assert len(tables["articles"]) == len(st.articles) and len(tables["sentences"]) > len(st.articles)
    # a list cell is written as its items joined (the wire credited by the gazette's article)
    arts = tables["articles"].set_index("article_id")
    assert arts.loc["gazette", "derived_from"] == "Wire Service" and pd.isna(arts.loc["daily", "derived_from"])


def test_data_dictionary_covers_every_column_through_duckdb(exported):
    duckdb = pytest.importorskip("duckdb")
    folder, tables = exported
    con = duckdb.connect()
    d = con.execute(f"SELECT * FROM read_parquet('{folder / 'data_dictionary.parquet'}')").df()
    described = {(t, c) for t, c, m in zip(d["table"], d["column"], d["meaning"]) if m and m != export_mod.UNDESCRIBED}
    seen = set()
    for p in sorted(folder.glob("*.parquet")):
        if p.stem == export_mod.DICTIONARY:
            continue
        cols = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{p}')").fetchall()]
        n = con.execute(f"SELECT count(*) FROM read_parquet('{p}')").fetchone()[0]
        assert n == len(tables[p.stem]), p.stem
        seen |= {(p.stem, c) for c in cols}
    missing = sorted(seen - described)
    assert not missing, f"columns without a dictionary entry (add them to presslens/run/export_schema.py): {missing}"
    assert set(d["notebook"]) <= {"00-corpus", "01-word-choice", "02-tone", "03-readability", "04-naming",
                                  "05-sources", "06-reuse", "07-claims", "08-profiles"}


def test_dictionary_fails_loudly_on_an_undescribed_column():
    d = export_mod.dictionary({"claims_grid": pd.DataFrame({"claim": ["x"], "brand_new_measure": [1]})})
    row = d.set_index("column").loc["brand_new_measure"]
    assert row["meaning"] == export_mod.UNDESCRIBED
    assert export_schema.entry("articles", "meta.desk") is not None  # a user's meta field, by its prefix


def test_articles_join_outlet_attributes_and_meta_fields():
    st = load_story(MINI)
    arts = st.articles.assign(meta=[{"desk": "business"}, {}, {"desk": "wire", "rank": 2}][: len(st.articles)])
    st = dataclasses.replace(st, articles=arts)
    attrs = pd.DataFrame({"outlet": ["The Daily Ledger", "Wire Service"], "outlet.country": ["GB", "US"],
                          "outlet.kind": ["national", "wire"]})
    t = export_tables.articles_table(st, attrs)
    assert {"meta.desk", "meta.rank", "outlet.country", "outlet.kind"} <= set(t.columns)
    got = t.set_index("outlet")
    assert got.loc["The Daily Ledger", "outlet.kind"] == "national"
    assert pd.isna(got.loc["La Gazette (English edition)", "outlet.country"])  # not given: empty, never guessed
    assert export_tables.join_attributes(t, None) is t


def test_export_refuses_a_folder_presslens_did_not_write(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my notes", encoding="utf-8")
    with pytest.raises(OutputError) as exc:
        export_mod.export(MINI, out, log=lambda line: None)
    assert "mine" in str(exc.value) and "--out" in str(exc.value)
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # nothing staged is left behind
    with pytest.raises(OutputError):  # inside a story folder
        export_mod.export(MINI, MINI / "exports", log=lambda line: None)
    assert cli_main(["export", str(MINI), "--out", str(out)]) == 2


def test_export_again_replaces_its_own_files_and_keeps_the_users(exported, tmp_path):
    folder, _ = exported
    out = tmp_path / "again"
    export_mod.export(MINI, out, log=lambda line: None)
    (out / "my-analysis.R").write_text("library(arrow)\n", encoding="utf-8")
    (out / "timeline.csv").write_text("edited\n", encoding="utf-8")  # a presslens file the user changed: theirs now
    with pytest.raises(OutputError) as exc:
        export_mod.export(MINI, out, log=lambda line: None)
    assert "timeline.csv" in str(exc.value)
    (out / "timeline.csv").unlink()
    assert cli_main(["export", str(MINI), "--out", str(out)]) == 0
    assert (out / "my-analysis.R").read_text(encoding="utf-8") == "library(arrow)\n"
    assert (out / "timeline.csv").is_file()


def test_metadata_names_version_and_commit(exported, monkeypatch):
    folder, tables = exported
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert meta["software"]["presslens"] == presslens.__version__
    assert meta["tables"]["articles"]["rows"] == len(tables["articles"])
    commit = meta["software"]["git_commit"]
    assert commit is None or re.fullmatch(r"[0-9a-f]{40}(\+dirty)?", commit)

    def no_git(*a, **k):
        raise FileNotFoundError("git")
    monkeypatch.setattr(subprocess, "run", no_git)
    assert manifest.software()["git_commit"] is None  # git absent: no commit, no failure


def test_citation_cff_matches_the_package_version():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert {"cff-version", "message", "title", "authors", "version", "license"} <= set(cff)
    assert str(cff["version"]) == presslens.__version__
    assert cff["authors"] == [{"name": "presslens contributors"}]
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(rf'^version = "{re.escape(presslens.__version__)}"$', pyproject, re.M)
    assert re.search(rf'^license = "{re.escape(cff["license"])}"$', pyproject, re.M)


def test_run_manifest_names_the_version(tmp_path):
    st = load_story(MINI)
    m = manifest.build_manifest(st, MINI, {}, [], {}, {}, {}, True, tmp_path / "reports", tmp_path / "figures", 0.0)
    assert m["software"]["presslens"] == presslens.__version__ and "git_commit" in m["software"]


def test_outlet_attributes_are_exported_and_described(tmp_path):
    attrs = pd.DataFrame({"outlet": ["The Daily Ledger", "Wire Service"], "country": ["GB", "US"]})
    folder = export_mod.export(MINI, tmp_path / "grouped", extra=attrs, log=lambda line: None)
    back = export_mod.read(folder)
    arts = back["articles"].set_index("outlet")
    assert arts.loc["Wire Service", "country"] == "US" and pd.isna(arts.loc["La Gazette (English edition)", "country"])
    assert "country" in back["sentences"].columns
    d = back[export_mod.DICTIONARY]
    row = d[(d["table"] == "articles") & (d["column"] == "country")].iloc[0]
    assert "outlets.yaml" in row["meaning"] and row["meaning"] != export_mod.UNDESCRIBED


def test_tidy_types_object_columns_so_parquet_reads_them_back(tmp_path):
    raw = pd.DataFrame({"mixed": ["a", 2, None], "flags": [True, None, False], "whole": pd.Series([1, None, 3], dtype=object),
                        "lists": [("x", "y"), (), None], "when": pd.to_datetime(["2024-05-06", None, "2024-05-07"]).as_unit("s")})
    t = export_tables.tidy(raw)
    assert [str(t[c].dtype) for c in t.columns] == ["str", "boolean", "Int64", "str", "datetime64[ms]"]
    assert t["mixed"].tolist()[:2] == ["a", "2"] and pd.isna(t["mixed"].iloc[2])
    assert t["lists"].iloc[0] == "x; y" and pd.isna(t["lists"].iloc[1]) and pd.isna(t["lists"].iloc[2])
    t.to_parquet(tmp_path / "t.parquet", index=False)
    assert_frame_equal(pd.read_parquet(tmp_path / "t.parquet"), t)


def test_the_storys_own_outlet_attributes_are_joined_by_default():
    st = load_story(MINI)
    assert export_tables.outlet_attributes(st) is None  # a story without outlets.yaml: nothing to join
    st = dataclasses.replace(st)
    object.__setattr__(st, "outlet_attrs", {"Wire Service": {"kind": "wire"}})
    object.__setattr__(st, "attributes", ("kind",))
    t = export_tables.outlet_attributes(st).set_index("outlet")
    assert t.loc["Wire Service", "kind"] == "wire" and pd.isna(t.loc["The Daily Ledger", "kind"])  # unknown: empty
    assert len(t) == len(st.outlets)


def test_group_tables_of_the_groups_fixture():
    """The grouped views (notebooks 05 and 08) go into the export with --group-by: the blind spot of
    the groups fixture (the appeal only the regional outlet carries) is there with its sentence."""
    fixture = Path(__file__).parent / "fixtures" / "groups-story"
    tables = export_tables.compute(fixture, group_by="kind")
    spots = tables["blind_spots"]
    appeal = spots[spots["item"] == "appeal"]
    assert set(appeal["carried_by"]) == {"regional"} and set(appeal["status"]) == {"absent"}
    assert appeal["sentences"].iat[0] == 'Valley Courier: "We will appeal," Park said.'
    m = tables["group_measures"]
    assert {"tone", "quote_share"} <= set(m["measure"]) and "unknown" in set(m["group"])
    for name in ("group_measures", "group_voices", "blind_spots", "profiles_fact_rows"):
        assert all(export_schema.entry(name, c) for c in tables[name].columns), name
    assert "blind_spots" not in export_tables.compute(fixture)  # without --group-by: no grouped tables


def test_whole_number_attributes_with_gaps_stay_whole_numbers():
    """founded: 1946 for one outlet, nothing for the others; meta: words: 640 on one article: read back
    they are the whole numbers written (Int64, the gaps empty), never 1946.0 (pandas' float for a gap)."""
    st = load_story(MINI)
    st = dataclasses.replace(st, articles=st.articles.assign(meta=[{"words": 640}] + [{}] * (len(st.articles) - 1)))
    object.__setattr__(st, "outlet_attrs", {"Wire Service": {"founded": 1946}})
    object.__setattr__(st, "attributes", ("founded",))
    t = export_tables.tidy(export_tables.articles_table(st, export_tables.outlet_attributes(st)))
    assert str(t["founded"].dtype) == "Int64" and str(t["meta.words"].dtype) == "Int64"
    assert t.set_index("outlet").loc["Wire Service", "founded"] == 1946 and t["founded"].isna().sum() == len(t) - 1
    assert t["meta.words"].iloc[0] == 640 and t["meta.words"].isna().sum() == len(t) - 1


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_an_export_stopped_by_a_signal_leaves_no_staging_and_the_earlier_export(exported, tmp_path, monkeypatch, capsys,
                                                                                signame):
    """SIGTERM (or a closed terminal) while the files are written: the hidden staging folder is removed
    and the earlier export is as it was, as for Ctrl-C; the command says so and exits 128 + signal.
    (Before, SIGTERM killed the process at once and left .NAME.staging-*/ behind.)"""
    import os
    import signal
    folder = tmp_path / "out"
    export_mod.export(MINI, folder, log=lambda line: None)  # an export of its own (a copied marker proves nothing)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    sig = getattr(signal, signame)

    def not_guarded(signum, frame):
        raise RuntimeError("the export left the signal to its default handler (the process would die)")
    previous = signal.signal(sig, not_guarded)  # stands in for the default handler, which would kill pytest
    real_write = export_mod._write_table

    def write_then_signal(staged, name, df):
        real_write(staged, name, df)
        os.kill(os.getpid(), sig)
    monkeypatch.setattr(export_mod, "_write_table", write_then_signal)
    try:
        code = cli_main(["export", str(MINI), "--out", str(folder)])
    finally:
        signal.signal(sig, previous)
    assert code == 128 + sig
    err = capsys.readouterr().err
    assert err == f"presslens: stopped by {signame}; nothing was replaced (the earlier export, if any, is as it was)\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no .out.staging-*
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_an_outlet_attribute_named_like_an_article_field_is_kept_as_outlet_dot_name(tmp_path):
    """outlets.yaml may give an outlet a language (or a title): the articles keep their own column, and
    the outlet's value is joined as outlet.language, described in the dictionary (it was dropped)."""
    st = load_story(MINI)
    object.__setattr__(st, "outlet_attrs", {"Wire Service": {"language": "fr", "kind": "wire"}})
    object.__setattr__(st, "attributes", ("language", "kind"))
    t = export_tables.articles_table(st, export_tables.outlet_attributes(st)).set_index("outlet")
    assert t.loc["Wire Service", "outlet.language"] == "fr" and t.loc["Wire Service", "language"] == "en"
    assert pd.isna(t.loc["The Daily Ledger", "outlet.language"]) and t.loc["Wire Service", "kind"] == "wire"
    meaning, unit = export_schema.entry("articles", "outlet.language")
    assert "outlet" in meaning and unit


def test_export_group_by_writes_the_grouped_tables(tmp_path):
    """presslens export --group-by kind on the groups fixture (wire, national, regional, and an outlet
    without a kind): the grouped tables are the package's own, read back exactly, every column in the
    dictionary; the blind-spot table lists the claim only the regional outlet carries, with its
    sentence; a name the story does not give is an error before anything is written."""
    duckdb = pytest.importorskip("duckdb")
    from presslens.analyses import blindspots, groups
    fixture = Path(__file__).parent / "fixtures" / "groups-story"
    folder = tmp_path / "grouped"
    assert cli_main(["export", str(fixture), "--out", str(folder), "--group-by", "kind"]) == 0
    back = export_mod.read(folder)
    grouped = [t.name for t in export_tables.GROUP_TABLES]
    assert set(grouped) <= set(back)
    st, _ = check_story(fixture)
    kept = st.select(back["corpus_articles"].loc[back["corpus_articles"]["measured"], "article_id"])
    assert_frame_equal(back["group_measures"], export_tables.tidy(groups.measures(kept, "kind", n_boot=1000, seed=0)))
    spots = back["blind_spots"]
    appeal = spots[(spots["kind"] == "claim") & (spots["item"] == "appeal")]
    assert set(appeal["carried_by"]) == {"regional"} and set(appeal["missing_in"]) == {"wire", "national", "unknown"}
    assert appeal["sentences"].iat[0] == 'Valley Courier: "We will appeal," Park said.'
    from presslens.analyses import reuse
    assert_frame_equal(spots, export_tables.tidy(blindspots.blind_spots(kept, "kind", hits=claims.hits(kept),
                                                                        passages=reuse.analyse(st).passages)))
    assert set(back["timeline_by_group"]["group"]) == {"wire", "national", "regional", "unknown"}
    assert set(back["claim_spread_by_group"]["group"]) <= {"wire", "national", "regional", "unknown"}
    d = back[export_mod.DICTIONARY]
    described = set(zip(d["table"], d["column"]))
    for name in grouped:
        cols = [r[0] for r in duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{folder / (name + '.parquet')}')").fetchall()]
        assert cols and all((name, c) in described for c in cols), name
        assert not d[(d["table"] == name) & (d["meaning"] == export_mod.UNDESCRIBED)].shape[0], name
    assert json.loads((folder / "metadata.json").read_text())["parameters"]["group_by"] == "kind"
    with pytest.raises(ParameterError, match="did you mean 'kind'"):
        export_mod.export(fixture, tmp_path / "bad", group_by="knd", log=lambda line: None)
    assert not (tmp_path / "bad").exists()


def test_export_out_is_relative_to_the_current_directory(tmp_path, monkeypatch):
    """--out typed on the command line is relative to the working directory, as every CLI path (issue 21)."""
    monkeypatch.chdir(tmp_path)
    assert cli_main(["export", str(MINI), "--out", "tables"]) == 0
    assert (tmp_path / "tables" / "articles.parquet").is_file()
