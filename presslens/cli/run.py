"""Command line: ``presslens run | new | check | names | import | notebooks | provision``."""
from __future__ import annotations

import sys
from pathlib import Path

from presslens import paths
from presslens.errors import ParameterError
from presslens.paths import cli_path, story_arg
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
    for key in ("story", "figures_dir"):  # typed on the command line: relative to the working directory
        if isinstance(params.get(key), str) and params[key].strip():
            params[key] = str(cli_path(params[key]))
    for key, given, option in (("story", args.story, "STORY"), ("figures_dir", args.figures, "--figures")):
        if given is not None and isinstance(params.get(key), str) and cli_path(given) != Path(params[key]):
            # two answers to one question: refuse rather than pick one (as for -o and -p outlets)
            raise ParameterError.bad("presslens run", key, f"given twice: {option} {paths.printable(given)!r} and "
                                     f"-p {key} {paths.printable(params[key])!r}",
                                     f"give it one way only (presslens run {'STORY' if key == 'story' else '--figures DIR'})")
    figures = cli_path(args.figures) if args.figures is not None else paths.FIGURES_DIR
    reports = cli_path(args.reports) if args.reports is not None else paths.REPORTS_DIR
    try:
        run(story_arg(args.story), notebooks=args.notebook or None, outlets=args.outlet or None,
            figures=figures, reports=reports, params=params, jobs=args.jobs)
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
