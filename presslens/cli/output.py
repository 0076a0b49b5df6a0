"""Standard output, named: a write to it that fails (``presslens check STORY > /dev/full``, a full disk under a
redirect) raises an ``OSError`` whose ``filename`` is :data:`STDOUT`, so the command's one line says which
output could not be written, instead of a bare "No space left on device" with no path."""
from __future__ import annotations

import sys

STDOUT = "standard output"


class NamedStdout:
    """``sys.stdout`` as it was, except that an ``OSError`` from writing or flushing it names it."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text):
        try:
            return self.stream.write(text)
        except OSError as exc:
            raise _named(exc) from None

    def flush(self):
        try:
            return self.stream.flush()
        except OSError as exc:
            raise _named(exc) from None

    def __getattr__(self, name):  # fileno, isatty, buffer, encoding, reconfigure...: the stream's own
        return getattr(self.stream, name)


def _named(exc: OSError) -> OSError:
    if exc.filename is None and not isinstance(exc, BrokenPipeError):  # a closed pipe is main()'s own case
        exc.filename = STDOUT
    return exc


def name_stdout() -> None:
    """Put :class:`NamedStdout` in front of ``sys.stdout`` (once)."""
    if not isinstance(sys.stdout, NamedStdout) and sys.stdout is not None:
        sys.stdout = NamedStdout(sys.stdout)


def message(exc: OSError, shown: str | None) -> str:
    """The one line of an ``OSError`` that reached the command: the output or file it concerns, and the fix."""
    if exc.filename == STDOUT:
        return (f"could not write to standard output ({exc.strerror or exc}): free space where the output goes, "
                "or send it elsewhere (> FILE on a disk with room)")
    where = f" ({shown})" if shown else ""
    return f"{exc.strerror or exc}{where}: check the path, its permissions and free space"
