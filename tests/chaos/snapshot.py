"""Freeze the code a run uses: copy ``shared/`` and ``services/`` aside and run every child from the copy.

Workers restarted mid-run must run the same code as the ones they replace and as the ``hadath extract``
that computes the expected events; in a working tree that others edit meanwhile, the copy guarantees it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.chaos.workload import REPO

PACKAGES = ("shared", "services")


def snapshot_code(target: Path) -> Path:
    """Copy hadath's packages into ``target``; put it first on PYTHONPATH and run children with cwd ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for package in PACKAGES:
        shutil.copytree(REPO / package, target / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return target


def snapshot_env(env: dict[str, str], code: Path) -> dict[str, str]:
    """``env`` with the snapshot ahead of the installed (editable) packages."""
    paths = [str(code), *filter(None, env.get("PYTHONPATH", "").split(":"))]
    return {**env, "PYTHONPATH": ":".join(paths)}
