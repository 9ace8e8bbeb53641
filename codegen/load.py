"""Import generated source (never user text) from a temporary file, as its users will import it."""
from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path


def load_generated(source: str, name: str = "formulary_generated"):
    """The module executed from ``source``, written to ``name``.py in a temporary directory."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module
