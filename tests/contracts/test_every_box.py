"""The contract every registered box keeps, built-in or third-party, for each kind it supports.

Against a store synced from the sandbox: it builds and shows for some sandbox object, with
content that is JSON; it hides, with a short reason, for an object that has no data (nothing
but an id nobody uses, so nothing relates to it either); its widget renders without Qt
warnings (pytest-qt fails the test on one); it refreshes when its object changes and on no
ChangeSet that does not concern it; and once its page is deleted nothing of it is left: no
window, no running timer, no asyncio task.
"""

from __future__ import annotations

import asyncio
import gc
import json
import tempfile
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.changes import ChangeSet
from app.core.kinds import Kind
from app.mainpage_boxes.api import BoxContext, BoxPlugin, Hidden, Shown, decide
from app.mainpage_boxes.registry import ENTRY_POINT_GROUP, BoxRegistry
from tests.box_pages import NOW, BoxPage
from tests.box_pages import context as box_context
from tests.plugins import WEATHER_BOX, installed
from tests.sync_harness import Harness

UNUSED_ID = 987_654_321
LONGEST_REASON = 60  # "one short reason": a line a person reads at a glance


def _registered() -> list[tuple[str, Kind]]:
    """(box type, kind) for every registered plugin, read when the tests are collected."""
    with tempfile.TemporaryDirectory() as site, installed(WEATHER_BOX, Path(site)):
        plugins = BoxRegistry.installed().plugins
    return [(p.box_type, kind) for p in plugins for kind in sorted(p.kinds)]


BOXES = _registered()


def test_every_installed_box_loads(registry: BoxRegistry) -> None:
    """A box that fails to load is left out of the app, and so of the tests below: here it
    fails (its WARNING is not expected)."""
    names = {entry_point.name for entry_point in entry_points(group=ENTRY_POINT_GROUP)}
    plugins = BoxRegistry.installed().plugins
    assert len(plugins) == len(names)
    assert {"description", "weatherforecast"} <= {plugin.box_type for plugin in plugins}


def _shown_id(harness: Harness, plugin: BoxPlugin, kind: Kind) -> int | None:
    for (object_id,) in harness.core.session.rows(kind, [], order_by="id", limit=1000):
        if isinstance(decide(plugin, box_context(harness, plugin, kind, object_id)), Shown):
            return object_id
    return None


def _unrelated(plugin: BoxPlugin, context: BoxContext) -> Iterator[ChangeSet]:
    """Changes that do not concern the box: other kinds, another object of its kind, a
    setting key it does not read."""
    concerns = plugin.concerns(context)
    for kind in Kind:
        if kind not in concerns.objects:
            yield ChangeSet.single(kind, added=[1], changed=[2], removed=[3])
    if concerns.objects.get(context.kind) is not None:
        yield ChangeSet.single(context.kind, changed=[UNUSED_ID])
    yield ChangeSet(settings=frozenset({"unrelated.setting"}))


def _active_timers() -> set[int]:
    return {
        id(thing) for thing in gc.get_objects()
        if isinstance(thing, QTimer) and shiboken6.isValid(thing) and thing.isActive()
    }


@pytest.mark.parametrize(("box_type", "kind"), BOXES, ids=[f"{b}-{k}" for b, k in BOXES])
def test_box_contract(
    box_type: str, kind: Kind, registry: BoxRegistry, synced: Harness, qtbot: QtBot,
    qapp: QApplication,
) -> None:
    plugin = registry.plugin_for(box_type)
    assert plugin is not None
    session = synced.core.session

    object_id = _shown_id(synced, plugin, kind)
    assert object_id is not None, f"no sandbox {kind} shows a {box_type} box"
    context = box_context(synced, plugin, kind, object_id)
    decision = decide(plugin, context)
    assert isinstance(decision, Shown)
    json.dumps(decision.content.as_json())
    assert plugin.title(context).strip()

    bare = BoxContext(kind, UNUSED_ID, {"id": UNUSED_ID}, context.box, session, NOW)
    hidden = decide(plugin, bare)
    assert isinstance(hidden, Hidden), f"{box_type} shows for a {kind} without data"
    assert 0 < len(hidden.reason) <= LONGEST_REASON and "\n" not in hidden.reason

    windows = set(QApplication.topLevelWidgets())
    timers = _active_timers()
    box = BoxPage(qtbot, synced, plugin, kind, object_id)
    page, view = box.page, box.view
    assert view.isVisible() and view.title == plugin.title(context)
    refreshes: list[None] = []
    view.refreshed.connect(lambda: refreshes.append(None))

    for changes in _unrelated(plugin, context):
        view.apply_changes(changes)
    assert refreshes == []
    view.apply_changes(ChangeSet.single(kind, changed=[context.object_id]))
    assert len(refreshes) == 1 and view.isVisible()

    page.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    del view, page, box
    gc.collect()
    assert set(QApplication.topLevelWidgets()) <= windows
    assert _active_timers() <= timers
    assert not asyncio.all_tasks(synced.loop)
