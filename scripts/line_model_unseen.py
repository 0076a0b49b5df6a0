"""The furniture line model on a development set as the rules met it unseen (issue 25).

``furniture_loso`` switches off the rules fitted to one set alone, but a round of rules also widens
existing ones, so its held-out figure is kinder than the set's first, unseen score. This script
scores the rules as they were at COMMIT (the commit that added SET, before any rule was written for
it: ``git log --diff-filter=A -- data/eval/SET/truth.yaml``) on SET, then adds the line model fitted
on every other development set (``presslens.evaluation.furniture_model.fit_without``) and prints, per
threshold, lines precision and recall and the furniture share.

    python scripts/line_model_unseen.py COMMIT SET [DEV_SET ...]

DEV_SET: the development sets to fit on (default: every development story of data/eval). The old
package is extracted with ``git archive`` to a temporary folder and run in its own process.
"""
from __future__ import annotations

import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DUMP = ("import pickle, sys\nfrom presslens.evaluation.adapter import predict_furniture\n"
        "pickle.dump(predict_furniture(sys.argv[1]), open(sys.argv[2], 'wb'))\n")


def main(argv: list[str]) -> int:
    import pandas as pd

    from presslens.evaluation import furniture_model as fm
    from presslens.evaluation.furniture_loso import is_dev
    from presslens.evaluation.scoreboard import eval_folders

    commit, name, fit_on = argv[0], argv[1], argv[2:]
    folder = ROOT / "data" / "eval" / name
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "presslens"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        out = Path(tmp) / "removals.pkl"
        subprocess.run([sys.executable, "-c", DUMP, str(folder), str(out)], cwd=tmp, check=True,
                       env={"PYTHONPATH": tmp, "PATH": "/usr/bin:/bin", "HOME": str(Path.home())})
        arts, removed, sents = pickle.loads(out.read_bytes())
    folders = [f for f in eval_folders(fit_on or None) if is_dev(f)]
    table = fm.on_removals(folder, arts, removed, sents, fm.fit_without(folders, name))
    cur = fm.curve(table)
    cur["added_tp"], cur["added_fp"] = cur["tp"] - cur["rules_tp"], cur["fp"] - cur["rules_fp"]
    with pd.option_context("display.width", 200, "display.max_rows", 100):
        print(f"{name}, the rules of {commit}: P {cur['rules_precision'].iloc[0]:.3f} R {cur['rules_recall'].iloc[0]:.3f} "
              f"share {cur['rules_share'].iloc[0]:.4f}")
        print(cur[["threshold", "added_tp", "added_fp", "precision", "recall", "share"]].round(3).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
