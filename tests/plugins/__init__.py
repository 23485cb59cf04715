"""Box packages from outside the app, made visible to importlib.metadata as installed ones.

`pip install ".[test]"` cannot install tests/plugins/weather_box: a dependency given by a
relative file path is not valid package metadata (PEP 508 wants an absolute URL), and
installing from a conftest would change the developer's environment behind their back and
need a build backend at test time (a Python 3.12+ venv has no setuptools). What makes a
package "installed" to the app is a `NAME-VERSION.dist-info` folder with `METADATA` and
`entry_points.txt` on sys.path next to its modules: that is what pip leaves in
site-packages, and what `importlib.metadata.entry_points()` reads. `put_on_path` writes
exactly that from the package's own pyproject.toml, so the app finds the test package by the
same entry-point lookup as any installed one, for the test session only.
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

PLUGINS = Path(__file__).parent
WEATHER_BOX = PLUGINS / "weather_box"


def write_dist_info(
    site: Path, name: str, version: str, entry_points: Mapping[str, Mapping[str, str]]
) -> Path:
    """The metadata folder of an installed distribution, as pip writes it."""
    folder = site / f"{name.replace('-', '_')}-{version}.dist-info"
    folder.mkdir(parents=True)
    (folder / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    (folder / "entry_points.txt").write_text(
        "".join(
            f"[{group}]\n" + "".join(f"{key} = {value}\n" for key, value in points.items())
            for group, points in entry_points.items()
        ),
        encoding="utf-8",
    )
    (folder / "INSTALLER").write_text("tests/plugins\n", encoding="utf-8")
    return folder


@contextmanager
def put_on_path(*folders: Path) -> Iterator[None]:
    """`folders` on sys.path while the block runs."""
    sys.path[:0] = [str(folder) for folder in folders]
    try:
        yield
    finally:
        for folder in folders:
            sys.path.remove(str(folder))


@contextmanager
def installed(project: Path, site: Path) -> Iterator[None]:
    """The package project at `project` (pyproject.toml, src/) as if pip had installed it."""
    meta = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    write_dist_info(site, meta["name"], meta["version"], meta.get("entry-points", {}))
    with put_on_path(site, project / "src"):
        yield
