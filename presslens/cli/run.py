"""Command line: ``presslens run | new | check | names | import | notebooks | provision``."""
from __future__ import annotations

import sys

from presslens.paths import story_arg
from presslens.run.outputs import OutputError, RunError
from presslens.run.runner import run
from presslens.run.signals import Interrupted
from .args import param_value


def cmd_run(args) -> int:

    def say(msg: str) -> None:
        try:
            print(f"presslens: {msg}", file=sys.stderr)
        except OSError:  # the terminal is gone (SIGHUP): the exit code says it all
            pass

    params = {k: param_value(v) for k, v in (args.param or [])}
    try:
        run(story_arg(args.story), notebooks=args.notebook or None, outlets=args.outlet or None,
            figures=args.figures, reports=args.reports, params=params, jobs=args.jobs)
    except OutputError as exc:  # an unusable --reports / --figures: nothing was written or deleted
        say(str(exc))
        return 2
    except RunError as exc:
        say(str(exc))
        return 1
    except Interrupted as exc:  # SIGHUP (terminal closed) or SIGTERM; Ctrl-C is main()'s KeyboardInterrupt
        say(f"stopped by {exc.name}; nothing was replaced (earlier reports and figures are as they were)")
        return 128 + exc.signum
    return 0
