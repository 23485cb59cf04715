"""Pictures of the sync indicators, made from the real widgets, for the README and reviewers.

    QT_QPA_PLATFORM=offscreen python -m app.views.gallery resources/
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.sync.status import Indicator, SyncFacts, sync_status
from app.views.indicator_icons import indicator_pixmap
from app.views.indicators import IndicatorBar

NOW = datetime(2026, 11, 22, 12, 0)


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "resources")
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(argv[:1])
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
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
