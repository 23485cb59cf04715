"""The layout preview, as office staff use it: a layout file previewed on the account's objects,
reloaded at each save, every box the app would not show flagged in place with why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.mainpage_boxes.layout_check import examples
from app.mainpage_boxes.registry import BoxRegistry
from app.views.preview import LayoutPreview
from tests.admin import set_functions
from tests.layouts import add_box, page, sandbox_layout, save
from tests.sync_harness import Harness


@pytest.fixture
def layout_path(tmp_path: Path) -> Path:
    path = tmp_path / "layout.json"
    save(path, sandbox_layout())
    return path


def open_preview(qtbot: QtBot, harness: Harness, path: Path | None) -> LayoutPreview:
    preview = LayoutPreview(harness.core.session, BoxRegistry.installed(), path=path)
    qtbot.addWidget(preview)
    preview.show()
    return preview


def flags(preview: LayoutPreview, kind: Kind) -> dict[str, str]:
    """The flagged boxes on the kind's page (its tab chosen): type → why."""
    preview.tabs.setCurrentWidget(preview.kind_tabs[kind])
    shown = preview.kind_tabs[kind].page
    assert shown is not None, f"no {kind} page is shown"
    return {flag.box_type: flag.reason for flag in shown.flags}


def notes(preview: LayoutPreview, kind: Kind) -> list[str]:
    preview.tabs.setCurrentWidget(preview.kind_tabs[kind])
    shown = preview.kind_tabs[kind].page
    assert shown is not None
    return [label.text() for label in shown.findChildren(QLabel, "preview-note")]


def test_the_page_follows_the_file_and_a_broken_file_keeps_the_last_good_page(
    qtbot: QtBot, synced: Harness, layout_path: Path
) -> None:
    preview = open_preview(qtbot, synced, layout_path)
    assert "weatherforecast" in flags(preview, Kind.TODO)
    assert not preview.error.isVisible()

    changed = sandbox_layout()
    page(changed, "todo")[:] = [b for b in page(changed, "todo") if b["box"] != "weatherforecast"]
    add_box(changed, "todo", "columngroup9", box_id=90, group=9, title="Extra")
    with qtbot.waitSignal(preview.reloaded, timeout=3000):
        save(layout_path, changed)  # replaced as an editor does: the watcher must follow
    assert flags(preview, Kind.TODO)["columngroup9"] == "column group 9 does not exist"
    assert "weatherforecast" not in flags(preview, Kind.TODO)

    with qtbot.waitSignal(preview.reloaded, timeout=3000):
        save(layout_path, '{"mainpages": [\n  {"objecttype": "todo",\n   "boxes": [}\n]}')
    assert preview.error.isVisible()
    assert "line 3, column 14" in preview.error.text()
    assert "columngroup9" in flags(preview, Kind.TODO)  # the last good page stays

    with qtbot.waitSignal(preview.reloaded, timeout=3000):
        save(layout_path, sandbox_layout())
    assert not preview.error.isVisible()
    assert "weatherforecast" in flags(preview, Kind.TODO)


def test_every_box_the_app_would_not_show_is_flagged_with_why(
    qtbot: QtBot, synced: Harness, tmp_path: Path
) -> None:
    set_functions(synced.server, ToolTake=False)
    assert synced.sync().ok
    layout: dict[str, Any] = sandbox_layout()
    add_box(layout, "todo", "nosuchbox", box_id=91, title="Mystery")
    add_box(layout, "todo", "columngroup9", box_id=92, group=9, title="Gone")
    add_box(layout, "person", "checklist", box_id=93, title="Checklist")
    layout["columngroups"].append({"id": 6, "title": "Nowhere", "objecttype": "customer",
                                   "columns": [{"field": "nosuchfield", "title": "Nothing",
                                                "type": "string"}]})
    add_box(layout, "customer", "columngroup6", box_id=94, group=6, title="Nowhere")
    path = tmp_path / "layout.json"
    save(path, layout)
    preview = open_preview(qtbot, synced, path)

    todo = flags(preview, Kind.TODO)
    assert todo["nosuchbox"] == "unknown box type"
    assert todo["columngroup9"] == "column group 9 does not exist"
    assert flags(preview, Kind.PERSON)["checklist"] == "not available for persons"
    assert flags(preview, Kind.TOOL)["tooltake"] == "function ToolTake is off"
    assert flags(preview, Kind.CUSTOMER)["columngroup6"] == "no values in this column group"
    assert 'no customers have the field nosuchfield (column "Nothing")' in notes(
        preview, Kind.CUSTOMER)

    # No data for this object: the object the examples name for a hidden reminders box.
    session = preview.session
    position = [b.box for b in session.setup.main_page(Kind.TODO)].index("reminders") + 1
    example = next(e for e in examples(session, Kind.TODO, preview.now(), preview.registry)
                   if e.position == position)
    assert example.hidden is not None and example.shown is not None
    preview.kind_tabs[Kind.TODO].show_object(example.hidden)
    assert flags(preview, Kind.TODO)["reminders"] == example.reason
    assert example.reason.startswith("no reminders")
    preview.kind_tabs[Kind.TODO].show_object(example.shown)
    assert "reminders" not in flags(preview, Kind.TODO)

    listed = [preview.problem_list.item(i).text() for i in range(preview.problem_list.count())]
    assert "Error · todo page, box 10 (nosuchbox, id 91): unknown box type nosuchbox: the app " \
           "does not show it" in listed
    assert any("function ToolTake is off for this account" in line for line in listed)


def test_the_objects_listed_make_each_box_show_and_hide(
    qtbot: QtBot, synced: Harness, layout_path: Path
) -> None:
    preview = open_preview(qtbot, synced, layout_path)
    tab = preview.kind_tabs[Kind.TODO]
    listed = [tab.objects.item(i).text() for i in range(tab.objects.count())]
    assert any(text.startswith("Reminders hidden: T-") for text in listed)
    assert any(text.startswith("Description shown: T-") for text in listed)

    tab.search.setText(tab.page.heading.text().split(" · ")[0] if tab.page else "")
    qtbot.waitUntil(lambda: tab.objects.count() == 1)  # the search field finds one task
    assert tab.page is not None and tab.objects.currentItem() is not None


def test_tools_menu_previews_the_accounts_layout(window_and_core, qtbot: QtBot) -> None:
    window, _core, _ = window_and_core
    window.preview_action.trigger()
    assert window.preview is not None and window.preview.isVisible()
    assert window.preview.source.text() == "Layout: this account's main pages"
    assert window.preview.path is None
