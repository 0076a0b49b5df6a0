"""Boundaries of engine/store (issue 20, round-3 survivor 017): an entry not signed with the cache's key is
ignored; one older than the key file (written before entries were signed) without a word, one as old as the
key file or newer with one notice per cache folder. Crafted files in tmp_path; mtimes set by hand."""
import os

import pytest

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


def _fresh(monkeypatch, root):
    monkeypatch.setenv("PRESSLENS_CACHE", str(root))
    monkeypatch.delenv(store._SAID, raising=False)
    monkeypatch.setattr(store, "_KEYS", {})
    monkeypatch.setattr(store, "_WARNED", set())


def test_key_file_of_31_bytes_turns_the_cache_off_32_do_not(tmp_path, monkeypatch, capsys):
    root = tmp_path / "cache"
    root.mkdir()
    _fresh(monkeypatch, root)
    (root / store.KEY_FILE).write_bytes(b"k" * 31)
    assert store._key(create=False) is None
    err = capsys.readouterr().err
    assert "holds 31 bytes, not the cache's 32-byte key" in err and f"rm {root / store.KEY_FILE}" in err
    _fresh(monkeypatch, root)
    (root / store.KEY_FILE).write_bytes(b"k" * 32)
    assert store._key(create=False) == b"k" * 32
    entry = root / "r" / "harbour.pkl"
    store.store(entry, {"pier": 1})
    assert store.load(entry) == {"pier": 1}
    assert store.load(entry, valid=lambda v: "quay" in v) is None  # a foreign shape: a miss
    assert capsys.readouterr().err == ""


def test_story_table_memory_keeps_the_last_n(tmp_path, monkeypatch):
    from presslens.engine import memo

    _fresh(monkeypatch, tmp_path / "cache")
    calls = []

    @memo.story_table(memory=2)
    def harbour(x):
        calls.append(x)
        return {"x": x}

    loads = []
    real_load = store.load
    monkeypatch.setattr(store, "load", lambda p, *a, **k: loads.append(p) or real_load(p, *a, **k))
    for x in (1, 2, 3):
        assert harbour(x) == {"x": x}
    assert calls == [1, 2, 3] and len(loads) == 3
    got = harbour(3)
    got["x"] = "edited"  # a caller editing its copy changes nobody else's
    assert harbour(2) == {"x": 2} and harbour(3) == {"x": 3}
    assert len(loads) == 3  # 2 and 3 from memory: the last two kept
    assert harbour(1) == {"x": 1} and len(loads) == 4 and calls == [1, 2, 3]  # 1 left memory: read from disk


@pytest.mark.parametrize("raw, off", [(None, False), ("", False), ("0", False), (" OFF ", False), ("no", False),
                                      ("1", True), ("Yes", True), ("on", True), ("true", True)])
def test_result_cache_off_values(monkeypatch, raw, off):
    from presslens.engine import memo

    if raw is None:
        monkeypatch.delenv("PRESSLENS_NO_RESULT_CACHE", raising=False)
    else:
        monkeypatch.setenv("PRESSLENS_NO_RESULT_CACHE", raw)
    assert memo.result_cache_off() is off
