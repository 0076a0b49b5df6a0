"""Command line: ``presslens run | new | check | names | import | notebooks | provision``."""
from __future__ import annotations


from presslens.text.resources import ensure_cmudict


def cmd_provision(args) -> int:
    where = ensure_cmudict()
    print(f"cmudict for textstat: {where}")
    return 0
