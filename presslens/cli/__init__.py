"""Layer 8, the ``presslens`` command: :mod:`.main` (argparse), one module per subcommand (run, new,
check, names, import_, notebooks, provision) and :mod:`.args` (shared argument parsing).
:mod:`.startup` takes over Ctrl-C first, so an interrupt while the heavy modules load prints one line."""
from .startup import guard_start_up

guard_start_up()

from .main import main  # noqa: E402,F401  (the heavy imports, under the start-up handler)
