"""Boundaries of engine/store (issue 20, round-3 survivor 017): an entry not signed with the cache's key is
ignored; one older than the key file (written before entries were signed) without a word, one as old as the
key file or newer with one notice per cache folder. Crafted files in tmp_path; mtimes set by hand."""
import os

from presslens.engine import store


def test_unsigned_entry_notice_at_equal_mtime(tmp_path, monkeypatch, capsys):
    root = tmp_path / "cache"
    root.mkdir()
    monkeypatch.setenv("PRESSLENS_CACHE", str(root))
    monkeypatch.setattr(store, "_WARNED", set())
    key = root / store.KEY_FILE
    key.write_bytes(b"k" * 32)
    entry = root / "harbour.pkl"
    entry.write_bytes(b"not signed")
    t = 1_700_000_000
    os.utime(key, (t, t))
    os.utime(entry, (t - 1, t - 1))  # older than the key: written before signing, a silent miss
    store._unsigned(entry)
    assert capsys.readouterr().err == ""
    os.utime(entry, (t, t))  # as old as the key, to the tick: not older, so said
    store._unsigned(entry)
    err = capsys.readouterr().err
    assert f"{entry}: a cache entry not signed with this cache's key" in err and "never unpickled" in err
    os.utime(entry, (t + 1, t + 1))
    store._unsigned(entry)  # said once per cache folder
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(store, "_WARNED", set())
    store._unsigned(entry)  # newer than the key: said
    assert "not signed" in capsys.readouterr().err
    monkeypatch.setattr(store, "_WARNED", set())
    key.unlink()
    store._unsigned(entry)  # no key file: nothing to compare with, nothing said
    assert capsys.readouterr().err == ""
