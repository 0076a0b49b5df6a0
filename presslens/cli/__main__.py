"""``python -m presslens.cli``: the same as the ``presslens`` command."""
import sys

from .main import main

sys.exit(main())
