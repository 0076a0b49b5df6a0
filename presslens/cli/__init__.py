"""Layer 8, the ``presslens`` command: :mod:`.main` (argparse), one module per subcommand (run, new,
check, names, import_, notebooks, provision) and :mod:`.args` (shared argument parsing)."""
from .main import main  # noqa: F401
