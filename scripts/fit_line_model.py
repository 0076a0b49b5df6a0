"""Fit the furniture line model and write ``presslens/data/line_model.yaml`` (issue 25).

The model is a logistic regression over shallow text features of each line (Kohlschütter, Fankhauser
and Nejdl 2010, "Boilerplate detection using shallow text features"; :mod:`presslens.text.linemodel`),
fitted by :func:`presslens.evaluation.furniture_model.fit` (Newton's method from zero weights, L2 on the
standardised weights: deterministic) on every line of the furniture-labelled articles of the
development stories named (default: every development story of data/eval), a line the cleaner
drops as a repeated headline left out. The file is written with fixed rounding, so the same stories
and code write it byte for byte the same.

    python scripts/fit_line_model.py [--threshold T] [STORY ...]

``--threshold T`` switches the model on at T (removal when its probability is at least T); without it
the file says ``threshold: null`` and the cleaner leaves the model off. Choose T on the held-out
curves of ``python -m presslens.evaluation.furniture_model --held-rules`` (never on in-sample figures).
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from presslens.evaluation import furniture_model as fm  # noqa: E402
from presslens.evaluation.furniture_loso import is_dev  # noqa: E402
from presslens.evaluation.scoreboard import eval_folders  # noqa: E402
from presslens.text import linemodel  # noqa: E402

OUT = ROOT / "presslens" / "data" / "line_model.yaml"
VERSION = 1
HEADER = """# presslens: the furniture line model (presslens/text/linemodel.py), written by scripts/fit_line_model.py;
# do not edit by hand: run the script again.
#
# A logistic regression over shallow text features of each line, the method of boilerpipe: Christian
# Kohlschuetter, Peter Fankhauser and Wolfgang Nejdl, "Boilerplate detection using shallow text features",
# WSDM 2010. Features: linemodel.FEATURES (no site's name, no string of one page). Fitted with L2 = {l2} on the
# standardised features (mean, scale below) on the labelled lines of {n_stories} development stories
# ({n_lines} lines, {n_furniture} furniture).
#
# threshold: the probability at which a line the rules keep is removed; null = the model is off. Held out
# (python -m presslens.evaluation.furniture_model --held-rules, the model fitted without each story and the
# rules fitted to it alone switched off), no threshold adds removals that are themselves 95% furniture:
# at 0.90 the model finds about as many prose lines as furniture lines. So it ships off.
"""


def _num(x: float) -> str:
    v = round(float(x), 6)
    return "0.0" if v == 0 else repr(v)


def write(model: dict, threshold: float | None, counts: dict, path: Path = OUT) -> str:
    lines = [HEADER.format(**counts).rstrip("\n"), f"version: {VERSION}",
             f"threshold: {'null' if threshold is None else _num(threshold)}",
             f"bias: {_num(model['bias'])}", "features:"]
    lines += [f"  - {name}" for name in linemodel.FEATURES]
    lines.append("mean: [" + ", ".join(_num(v) for v in model["mean"]) + "]")
    lines.append("scale: [" + ", ".join(_num(v) for v in model["scale"]) + "]")
    lines.append("weights: [" + ", ".join(_num(v) for v in model["weights"]) + "]")
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    return text


def main(argv: list[str]) -> int:
    threshold = None
    if "--threshold" in argv:
        k = argv.index("--threshold")
        threshold = float(argv[k + 1])
        argv = argv[:k] + argv[k + 2:]
    folders = [f for f in eval_folders(argv or None) if is_dev(f)]
    tables = [fm.line_table(f) for f in folders]
    tables = [(t, x) for t, x in tables if len(t) and t["furniture"].any()]
    t = pd.concat([a for a, _ in tables], ignore_index=True)
    x = np.vstack([b for _, b in tables])
    use = (~t["headline"]).to_numpy()
    model = fm.fit(x[use], t["furniture"].to_numpy()[use].astype(float))
    counts = {"l2": fm.L2, "n_stories": len(tables), "n_lines": int(use.sum()),
              "n_furniture": int(t["furniture"].to_numpy()[use].sum())}
    write(model, threshold, counts)
    print(f"wrote {OUT.relative_to(ROOT)}: {counts['n_lines']} lines of {counts['n_stories']} stories, "
          f"{counts['n_furniture']} furniture; threshold {threshold}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
