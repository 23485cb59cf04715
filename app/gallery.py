"""Pictures of the sync indicators and the failed-calls page, made from the real widgets.

    QT_QPA_PLATFORM=offscreen python -m app.gallery resources/

The failed-calls page shows a real refusal: a small sandbox, a sync, a state change the back
office does not allow and a note queued behind it, sent by the real outbox.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from app.composition import build_core, sandbox_connection
from app.core.kinds import Kind
from app.sandbox import SandboxServer
from app.sync.status import Indicator, SyncFacts, sync_status
from app.views.indicator_icons import indicator_pixmap
from app.views.indicators import IndicatorBar
from app.views.sync_pages import SyncPages
from app.views.tasks import TaskKeeper

NOW = datetime(2026, 11, 22, 12, 0)
CANCELLED = 7  # a task state only the office may set


def indicator_pictures(folder: Path) -> None:
    badges = {Indicator.IN_FLIGHT: "1", Indicator.FAILED: "3"}
    for indicator in (None, *Indicator):
        name = indicator.value if indicator else "up_to_date"
        badge = badges.get(indicator, "!") if indicator else ""
        indicator_pixmap(indicator, badge, 96).save(str(folder / f"tray-{name}.png"))
    # The status bar with several at once: a call in flight, failed calls, out of date.
    bar = IndicatorBar()
    bar.show_status(sync_status(SyncFacts(1, 3, NOW - timedelta(minutes=45), True, True, NOW)))
    bar.adjustSize()
    bar.grab().save(str(folder / "statusbar-indicators.png"))


async def failed_calls_picture(folder: Path) -> None:
    with SandboxServer(seed=3, scale=0.05) as server, tempfile.TemporaryDirectory() as temp:
        data_dir = Path(temp)
        core = build_core(data_dir, sandbox_connection(server, data_dir))
        await core.engine.run_pass()
        [(task,)] = core.session.rows(Kind.TODO, [], order_by="id", limit=1)
        await core.actions.change_task_state(task, CANCELLED)
        await core.actions.post_note(Kind.TODO, task, "Kunden ønsker ny tid i næste uge")
        await core.sender.run_once()
        tasks = TaskKeeper(asyncio.get_running_loop())
        pages = SyncPages(core.session, tasks)
        pages.show_indicator(Indicator.FAILED)
        QApplication.processEvents()
        pages.grab().save(str(folder / "failed-calls.png"))
        pages.close()
        await tasks.cancel_all()
        await core.aclose()


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "resources")
    folder.mkdir(parents=True, exist_ok=True)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv[:1])
    app.setQuitOnLastWindowClosed(False)  # the pictures' windows close before the end
    indicator_pictures(folder)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(failed_calls_picture(folder))
    finally:
        loop.close()
        asyncio.set_event_loop(None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
