"""PySide6 told not to read the source of each module imported after it
(app/views/source_scan.py)."""

from __future__ import annotations

import linecache
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from app.views.source_scan import NO_FEATURE, skip_source_scan

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def feature(monkeypatch: pytest.MonkeyPatch):
    """PySide6's feature module, its hook put back after the test."""
    module = sys.modules["shibokensupport.feature"]
    monkeypatch.setattr(module, "feature_imported", module.feature_imported)
    return module


def _import_new_module(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Path]:
    """A module never imported before in this process (PySide looks at a name once)."""
    name = f"field_client_scan_{folder.name}"
    source = folder / f"{name}.py"
    source.write_text("from PySide6.QtCore import QObject\n\nWIDGET = QObject\n")
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delitem(sys.modules, name, raising=False)
    __import__(name)  # as an import statement does: through PySide6's hook, not around it
    return name, source


def test_a_module_imported_afterwards_is_recorded_without_its_source_being_read(
        feature, tmp_path, monkeypatch):
    assert skip_source_scan()
    name, source = _import_new_module(tmp_path, monkeypatch)
    assert str(source) not in linecache.cache
    assert feature.pyside_feature_dict[name] == NO_FEATURE


def test_a_module_that_selects_a_feature_keeps_it_and_the_others_keep_qts_names(
        tmp_path):
    """A box plugin may write `from __feature__ import snake_case`: its own code gets the
    snake_case names, and a module imported after it still gets Qt's. In a process of its
    own: once a feature is selected, PySide switches every class's names for the rest of the
    process, which the other tests must not share."""
    (tmp_path / "snake.py").write_text(
        "from PySide6.QtCore import QObject\n"
        "from __feature__ import snake_case\n"
        "def renamed():\n"
        "    widget = QObject()\n"
        "    widget.set_object_name('snake')\n"
        "    return widget.object_name()\n")
    (tmp_path / "camel.py").write_text(
        "from PySide6.QtCore import QObject\n"
        "def named():\n"
        "    widget = QObject()\n"
        "    widget.setObjectName('camel')\n"
        "    return widget.objectName()\n")
    probe = ("import sys\n"
             "from app.views.source_scan import skip_source_scan\n"
             "assert skip_source_scan()\n"
             f"sys.path.insert(0, {str(tmp_path)!r})\n"
             "import snake, camel\n"
             "print(snake.renamed(), camel.named())\n")
    finished = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                              timeout=60, cwd=REPO)
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.split() == ["snake", "camel"]


def test_without_it_pyside_reads_the_source_of_each_module_it_imports(
        feature, tmp_path, monkeypatch):
    """What the app tells PySide not to do: the test above is not passing by chance."""
    _name, source = _import_new_module(tmp_path, monkeypatch)
    assert str(source) in linecache.cache
    linecache.cache.pop(str(source))


def test_a_pyside_that_names_its_hook_otherwise_is_left_as_it_is(monkeypatch):
    renamed = ModuleType("shibokensupport.feature")
    renamed.pyside_feature_dict = {}  # type: ignore[attr-defined]
    renamed.after_import = print  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", renamed)
    assert not skip_source_scan()
    assert sorted(vars(renamed)) == sorted(
        ["__name__", "__doc__", "__package__", "__loader__", "__spec__", "pyside_feature_dict",
         "after_import"])
