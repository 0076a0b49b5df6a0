"""Hostile input, sixth round (issue 21): what the round-6 tester found (cases named in each test).

Each test ends with a clear message or the right result, never a traceback, a hang, code run from a
foreign file, or a lost file.
"""
import os
import pickle
from pathlib import Path

from presslens import load_story
from presslens.engine import fanout, store as cache

from .test_hostile import hashes


class _Planted:
    """A pickle that, when loaded, creates the file named ``marker``."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (Path(self.marker),))


def test_e25_a_planted_pickle_never_runs(mini, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    st = load_story(mini)
    good = fanout.per_article(st)  # a warm cache, then every entry replaced by a hostile pickle
    entries = sorted((tmp_path / "cache").rglob("*.pkl"))
    assert entries
    key = tmp_path / "cache" / cache.KEY_FILE
    assert key.is_file() and (key.stat().st_mode & 0o777) == 0o600
    marker = tmp_path / "PWNED"
    for p in entries:
        p.write_bytes(pickle.dumps(_Planted(str(marker))))
    before = hashes(mini)
    assert cache.load(entries[0]) is None  # a miss
    assert repr(fanout.per_article(st)) == repr(good)  # rebuilt
    assert not marker.exists()
    err = capsys.readouterr().err
    assert err.count("not signed") == 1 and str(entries[0].parent.parent.parent) in err, err  # said once
    assert hashes(mini) == before
    # a signed entry of presslens's own still reads back; a byte changed in it makes it a miss
    cache.store(entries[0], {"x": 1})
    assert cache.load(entries[0]) == {"x": 1}
    data = bytearray(entries[0].read_bytes())
    data[-3] ^= 1
    entries[0].write_bytes(bytes(data))
    assert cache.load(entries[0]) is None
    # an entry copied to another name (another key) is a miss too
    cache.store(entries[0], {"x": 1})
    os.replace(entries[0], entries[1])
    assert cache.load(entries[1]) is None
