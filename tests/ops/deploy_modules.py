"""Import scripts from ``deploy/`` (not an installed package) by their path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]


def load_deploy_module(relative: str) -> ModuleType:
    """The module at ``deploy/<relative>.py``, imported once under a ``hadath_deploy.`` name."""
    name = "hadath_deploy." + relative.replace("/", ".")
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "deploy" / f"{relative}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
