"""Bounded input: every file presslens reads from a user is a regular file of bounded size, read
without blocking, and its text is normalised before anything is measured or hashed.

- :func:`read_bytes` refuses what is not a regular file (a FIFO, a socket, a device: reading one
  would block forever or never end) and a file over its limit, both **before** reading a byte (the
  size comes from ``fstat``, the file is opened with ``O_NONBLOCK``), and never reads more than the
  limit even if the file grows meanwhile.
- :func:`normalise` turns text to Unicode NFC and removes NUL and other control characters and
  every invisible format character (bidi marks and isolates, zero-width spaces and joiners, soft
  hyphens, BOMs): a name with an invisible mark in it is the same name, and none reaches a CSV.

Layer 0: no presslens imports.
"""
from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from pathlib import Path

MB = 1_000_000
MAX_STORY_YAML = 2 * MB     # story.yaml, outlets.yaml
MAX_ARTICLE = 10 * MB       # one article or reference (a long feature is 100 KB)
MAX_PAGE = 20 * MB          # one saved web page (trafilatura's own limit)
MAX_TRUTH = 50 * MB         # an evaluation story's truth.yaml (hand labels of a few hundred articles: about 1 MB)


class InputError(ValueError):
    """A file that cannot be read as input: ``reason`` and ``fix`` (the caller names the file)."""

    def __init__(self, reason: str, fix: str):
        super().__init__(reason)
        self.reason, self.fix = reason, fix


def kind_of(path: str | Path) -> str:
    """What the entry at ``path`` is, in words ("a named pipe (FIFO)", "a folder", "a broken link"...)."""
    try:
        return _kind(os.stat(path).st_mode) if not stat.S_ISREG(os.stat(path).st_mode) else "a file"
    except OSError:
        return dangling(path) or "unreadable"


def dangling(path: str | Path) -> str | None:
    """For a link that leads nowhere, what it is in words: "a link loop (...)" when following it comes
    back round (ELOOP), "a broken link (...)" when its target does not exist; else None."""
    if not os.path.islink(path):
        return None
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a link loop (a link that leads, through links, back to itself)"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return "a broken link (its target does not exist)"
        return None
    return None


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def read_bytes(path: str | Path, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file at ``path`` (links followed), at most ``limit`` of them.

    Raises :class:`InputError` (reason + fix, limit stated) for a missing or unreadable file, a file
    that is not regular, or one larger than ``limit``; nothing is read in those cases."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"is {dangling(path) or 'a link loop'}", "point the link at the file itself, or delete it") from None
        if not isinstance(exc, FileNotFoundError):
            raise InputError(f"cannot be read ({exc.strerror or exc})", "check the file's permissions") from None
        raise InputError("does not exist (or is a broken link)", "check the path, or fix the link") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"is {_kind(st.st_mode)}, not a regular file",
                         f"give a regular {what}, or move it out of the folder")
    if st.st_size > limit:
        raise InputError(f"is {st.st_size / MB:.1f} MB, over the {limit / MB:g} MB limit for one {what}",
                         f"give a smaller {what} (split it, or save only the text)")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", "check the file's permissions") from None
    try:
        st = os.fstat(fd)  # what was opened, not what was looked at (it may have been swapped meanwhile)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"is {_kind(st.st_mode)}, not a regular file",
                             f"give a regular {what}, or move it out of the folder")
        chunks, size = [], 0
        while True:
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            except OSError as exc:
                raise InputError(f"cannot be read ({exc.strerror or exc})", "check the file and the disk") from None
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise InputError(f"is over the {limit / MB:g} MB limit for one {what} (it grew while being read)",
                                 f"give a smaller {what}")
        return b"".join(chunks)
    finally:
        os.close(fd)


# NUL and the other C0/C1 controls except tab, line feed and carriage return; every format (Cf)
# character: bidi marks, embeddings, overrides and isolates, zero-width space / joiners, word
# joiner, soft hyphen, BOM, invisible operators, tag characters, interlinear annotation marks
_CONTROLS = "".join(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)))
_FORMAT = ((0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F),
           (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E),
           (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD),
           (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001),
           (0xE0020, 0xE007F))  # Unicode's format characters (category Cf); a test checks the list
_INVISIBLE = re.compile("[" + re.escape(_CONTROLS) + "".join(
    f"{re.escape(chr(a))}-{re.escape(chr(b))}" if a != b else re.escape(chr(a)) for a, b in _FORMAT) + "]")


def utf16_without_bom(raw: bytes) -> str | None:
    """``"utf-16le"`` or ``"utf-16be"`` when ``raw`` (no byte-order mark) is UTF-16 text: a quarter or more
    of its first 2,048 bytes are zero, nearly all on one side of each pair (the high byte of Latin
    letters); else None. At least 16 bytes (8 characters) are needed to say so: "vm\\n" is not UTF-16."""
    head = raw[:2048]
    nuls = head.count(0)
    if len(head) < 16 or nuls < len(head) // 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) < nuls * 0.95:
        return None
    return "utf-16le" if odd > even else "utf-16be"


def normalise(text: str) -> str:
    """``text`` in Unicode NFC without NUL, control or invisible format characters (see module doc)."""
    if text.isascii():
        return _INVISIBLE.sub("", text) if _has_controls(text) else text
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


_ASCII_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # below 32 but tab, line feed, return; and DEL


def _has_controls(text: str) -> bool:
    return _ASCII_CONTROLS.search(text) is not None


def normalise_data(value):
    """:func:`normalise` applied to every string (keys included) of parsed YAML."""
    if isinstance(value, str):
        return normalise(value)
    if isinstance(value, list):
        return [normalise_data(v) for v in value]
    if isinstance(value, dict):
        return {normalise_data(k): normalise_data(v) for k, v in value.items()}
    return value


def line_breaks(text: str) -> str | None:
    """What makes ``text`` unfit for a one-line field (a title, an outlet): its control characters and
    line breaks, listed (``'\\n', '\\t'``); None when it has none."""
    bad = sorted({c for c in text if unicodedata.category(c) in ("Cc", "Zl", "Zp")})
    return ", ".join(repr(c) for c in bad) if bad else None
