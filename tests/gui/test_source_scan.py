"""PySide6 told not to read the source of each module imported after it
(app/views/source_scan.py)."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path
from types import ModuleType

import pytest

from app.views.source_scan import NO_FEATURE, skip_source_scan


@pytest.fixture
def feature(monkeypatch: pytest.MonkeyPatch):
    """PySide6's feature module, its hook put back after the test."""
    module = sys.modules["shibokensupport.feature"]
    monkeypatch.setattr(module, "feature_imported", module.feature_imported)
    return module


def _import_new_module(folder: Path, monkeypatch: pytest.MonkeyPatch, name: str,
                       text: str = "from PySide6.QtCore import QObject\n\nWIDGET = QObject\n"
                       ) -> Path:
    source = folder / f"{name}.py"
    source.write_text(text)
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delitem(sys.modules, name, raising=False)
    __import__(name)  # as an import statement does: through PySide6's hook, not around it
    return source


def test_a_module_imported_afterwards_is_ignored_without_its_source_being_read(
        feature, tmp_path, monkeypatch):
    assert skip_source_scan()
    source = _import_new_module(tmp_path, monkeypatch, "field_client_scan_probe_after")
    assert str(source) not in linecache.cache
    assert feature.pyside_feature_dict["field_client_scan_probe_after"] == NO_FEATURE


def test_a_module_that_selects_a_feature_keeps_it_and_the_others_keep_qts_names(
        feature, tmp_path, monkeypatch):
    """A box plugin may write `from __feature__ import snake_case`: its own code gets the
    snake_case names, and a module imported after it still gets Qt's."""
    assert skip_source_scan()
    _import_new_module(tmp_path, monkeypatch, "field_client_scan_snake", (
        "from PySide6.QtCore import QObject\n"
        "from __feature__ import snake_case\n"
        "def renamed():\n"
        "    widget = QObject()\n"
        "    widget.set_object_name('snake')\n"
        "    return widget.object_name()\n"))
    _import_new_module(tmp_path, monkeypatch, "field_client_scan_camel", (
        "from PySide6.QtCore import QObject\n"
        "def named():\n"
        "    widget = QObject()\n"
        "    widget.setObjectName('camel')\n"
        "    return widget.objectName()\n"))
    snake, camel = sys.modules["field_client_scan_snake"], sys.modules["field_client_scan_camel"]
    assert snake.renamed() == "snake"
    assert camel.named() == "camel"  # and Qt's own names are back for the tests after this


def test_without_it_pyside_reads_the_source_of_each_module_it_imports(
        feature, tmp_path, monkeypatch):
    """What the app tells PySide not to do: the test above is not passing by chance."""
    source = _import_new_module(tmp_path, monkeypatch, "field_client_scan_probe_before")
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
