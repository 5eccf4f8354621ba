"""Find the files in ``resources/``: inside the installed package (wheel, bundle) or the source tree."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

BUILTIN_BRIEFING = "briefings/shangrao-manufacturing-2025.yaml"
SCHEMA_FILE = "schema/srbrief-1.schema.json"


def resource_root() -> Traversable:
    """Return the folder holding srbrief's resources."""
    packaged = resources.files("srbrief") / "resources"
    if packaged.is_dir():  # a wheel or a PyInstaller bundle: resources/ is copied into the package
        return packaged
    source_tree = Path(__file__).resolve().parent.parent.parent / "resources"
    if source_tree.is_dir():  # an editable install or a source checkout: <repo>/resources beside src/
        return source_tree
    raise FileNotFoundError("srbrief's resources folder is missing from this installation")


def resource(name: str) -> Traversable:
    """Return the resource *name* (a path relative to ``resources/``)."""
    found = resource_root().joinpath(*name.split("/"))
    if not found.is_file():
        raise FileNotFoundError(f"srbrief resource {name!r} is missing from this installation")
    return found


def builtin_briefing_path() -> Path:
    """Return a file system path of the built-in briefing (resources are plain files in every install)."""
    return Path(str(resource(BUILTIN_BRIEFING)))
