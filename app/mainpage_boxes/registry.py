"""Which box plugins this app has: the entry points of group `fieldclient.mainpage_boxes`.

Built-in boxes register there exactly as a third-party package does (Orange's widget registry
works the same way), so one mechanism serves both and the contract test covers both. Made once
by the composition root and handed to what draws pages: no global registry.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from app.mainpage_boxes.api import BoxPlugin

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "fieldclient.mainpage_boxes"
APP_DISTRIBUTION = "fieldclient"


class BoxRegistry:
    def __init__(self, plugins: Iterable[BoxPlugin[Any]]) -> None:
        self._pending: Callable[[], list[BoxPlugin[Any]]] | None = None
        self._use(plugins)
        self._unknown_logged: set[str] = set()

    def _use(self, plugins: Iterable[BoxPlugin[Any]]) -> None:
        self._plugins = tuple(plugins)
        self._exact = {p.box_type: p for p in reversed(self._plugins) if not p.is_prefix}
        self._prefixed = [p for p in self._plugins if p.is_prefix]

    @classmethod
    def installed(cls, group: str = ENTRY_POINT_GROUP) -> BoxRegistry:
        """Every plugin installed in `group`, each loaded once. One that fails to load, or is
        not a BoxPlugin, is logged and left out: a broken add-on never stops the app. The app's
        own boxes load first, so another package cannot take a built-in box type over."""
        return cls(_installed(group))

    @classmethod
    def installed_on_first_use(cls, group: str = ENTRY_POINT_GROUP) -> BoxRegistry:
        """The same, found and loaded when first asked for: reading every installed package's
        metadata and importing the plugins then no longer keeps a cold start's window from
        being painted (bench/cold_start.py)."""
        registry = cls(())
        registry._pending = functools.partial(_installed, group)
        return registry

    @property
    def plugins(self) -> tuple[BoxPlugin[Any], ...]:
        self._load_pending()
        return self._plugins

    def _load_pending(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._use(pending())

    def plugin_for(self, box_type: str) -> BoxPlugin[Any] | None:
        """The plugin showing `box_type`; None for a type the app does not know, which is
        logged the first time only (every page of that kind carries it)."""
        self._load_pending()
        plugin = self._exact.get(box_type) or next(
            (p for p in self._prefixed if p.handles(box_type)), None
        )
        if plugin is None and box_type not in self._unknown_logged:
            self._unknown_logged.add(box_type)
            log.info("Main-page boxes of type %r are not shown: no plugin knows them", box_type)
        return plugin


def _installed(group: str) -> list[BoxPlugin[Any]]:
    plugins: list[BoxPlugin[Any]] = []
    for entry_point in sorted(entry_points(group=group), key=_loading_order):
        plugin = _load(entry_point)
        if plugin is None:
            continue
        clash = next((p for p in plugins if p.box_type == plugin.box_type), None)
        if clash is not None:
            log.warning("Box plugin %s (%s) is left out: %s already shows %r boxes",
                        entry_point.name, _origin(entry_point), type(clash).__name__,
                        plugin.box_type)
            continue
        plugins.append(plugin)
    return plugins


def _origin(entry_point: EntryPoint) -> str:
    """Where an entry point comes from, for logs and a stable loading order."""
    dist = entry_point.dist
    return f"{dist.name if dist else '?'}:{entry_point.name}"


def _loading_order(entry_point: EntryPoint) -> tuple[bool, str]:
    dist = entry_point.dist
    return (dist is None or dist.name != APP_DISTRIBUTION, _origin(entry_point))


def _load(entry_point: EntryPoint) -> BoxPlugin[Any] | None:
    try:
        loaded = entry_point.load()
        plugin = loaded() if isinstance(loaded, type) else loaded
    except Exception:
        log.warning("Box plugin %s (%s) could not be loaded and is left out",
                    entry_point.value, _origin(entry_point), exc_info=True)
        return None
    if not isinstance(plugin, BoxPlugin):
        log.warning("Box plugin %s (%s) is left out: it is not a BoxPlugin",
                    entry_point.value, _origin(entry_point))
        return None
    return plugin
