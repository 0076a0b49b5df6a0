"""Ctrl-C while the ``presslens`` command starts (pandas, matplotlib, spaCy... take seconds to load,
before a single file is read): one line and exit 130, never a traceback from inside an import.
:func:`guard_start_up` runs in ``presslens/cli/__init__.py`` before those imports, only when this process
is the command itself (``presslens ...`` or ``python -m presslens.cli ...``); :func:`start_up_done`
(called by :func:`presslens.cli.main.main`) hands Ctrl-C back to Python (``KeyboardInterrupt``, which
each command turns into its own one line) once the modules are loaded; :func:`finished` ignores Ctrl-C once the
command has returned (the interpreter's shutdown resets Python's handler, so a Ctrl-C there killed the process
with no word and exit -2 after its work was done and said). No presslens imports."""
import os
import signal
import sys
import threading

STARTING_UP = "presslens: interrupted while starting; nothing was read or written\n"


def _interrupted_while_starting(signum, frame) -> None:
    try:
        os.write(2, STARTING_UP.encode())
    finally:
        os._exit(130)


def _is_the_command() -> bool:
    """True when this process runs the ``presslens`` command (console script or ``-m presslens.cli``),
    not when a library, a notebook, a test or a worker process (spawned: it imports the command's script
    again) imports the package."""
    mp = sys.modules.get("multiprocessing.process")  # never imported here: its import takes a tenth of a second
    if mp is not None and mp.parent_process() is not None:
        return False
    if os.path.basename(sys.argv[0] if sys.argv else "").startswith("presslens"):
        return True
    orig = list(getattr(sys, "orig_argv", []))
    return any(a == "-m" and b in ("presslens.cli", "presslens.cli.__main__") for a, b in zip(orig, orig[1:]))


def guard_start_up() -> None:
    if threading.current_thread() is not threading.main_thread() or not _is_the_command():
        return
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # never over `nohup` or a caller's own
        signal.signal(signal.SIGINT, _interrupted_while_starting)


def start_up_done() -> None:
    """Give Ctrl-C back to Python (``KeyboardInterrupt``) once the command's modules are loaded."""
    if threading.current_thread() is threading.main_thread() and \
            signal.getsignal(signal.SIGINT) is _interrupted_while_starting:
        signal.signal(signal.SIGINT, signal.default_int_handler)




def finished() -> None:
    """The command has returned (its output written): a Ctrl-C from here on is ignored, so the exit code says
    how the work went. Only in the command's own process, and only over Python's own handler."""
    if threading.current_thread() is threading.main_thread() and _is_the_command() and \
            signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
