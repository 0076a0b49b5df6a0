"""The story's input files as a run read them: a snapshot of their hashes taken at the gate, and the
files that differ at the end of the run (an article edited, added or removed meanwhile would make
reports from two versions of the story while the manifest records one).

Layer 1 (the story room).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from presslens import limits

INPUTS = ("story.yaml", "outlets.yaml", "articles/*.md", "references/*.md")


def snapshot(story: Path) -> dict[str, str]:
    """``{relative path: sha256}`` of every input file of the story folder (unreadable files: why)."""
    story = Path(story)
    out: dict[str, str] = {}
    for pattern in INPUTS:
        try:
            found = sorted(story.glob(pattern))
        except OSError:
            continue
        for p in found:
            if p.name.startswith(".") or (p.is_dir() and not p.is_symlink()):
                continue
            rel = p.relative_to(story).as_posix()
            try:
                out[rel] = hashlib.sha256(limits.read_bytes(p, limits.MAX_PAGE)).hexdigest()
            except limits.InputError as exc:
                out[rel] = f"unreadable: {exc.reason}"
    return out


def changed(story: Path, before: dict[str, str]) -> list[str]:
    """The input files that differ from ``before`` (changed, added or removed), relative to the story."""
    now = snapshot(story)
    return sorted(k for k in set(before) | set(now) if before.get(k) != now.get(k))
