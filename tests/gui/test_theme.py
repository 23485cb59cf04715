"""The app's own coloured strips read well in the light and in the dark theme, and turn dark
when the system does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from app.sync.progress import StepProgress, SyncProgress
from app.views.theme import contrast, dark_palette

SAY = "You are offline. Changes are kept and sent when you are back online."


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = QPalette(qapp.palette())
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield request.param
    qapp.setPalette(before)


def _colours(widget: QWidget) -> tuple[QColor, QColor]:
    """(background, text) as painted: the corner's colour, and the painted colour that stands
    out from it the most (the text's strokes)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    background = image.pixelColor(1, 1)
    text = max(
        (image.pixelColor(x, y) for x in range(0, image.width(), 2)
         for y in range(0, image.height(), 2)),
        key=lambda colour: contrast(colour, background),
    )
    return background, text


def test_banners_are_readable_and_follow_the_theme(window_and_core, theme: str, qapp) -> None:
    window, _core, _ = window_and_core
    # The strips as the technician sees them: offline, a stopped sync, the first sync.
    window.offline_banner.setText(SAY)
    window.offline_banner.show()
    window.problem_banner.setText("Sync stopped: the disk is full. Retrying in 30 s.")
    window.problem_banner.show()
    window.setup_progress.show_progress(
        SyncProgress(running=True, steps=(StepProgress("GetTodosByLastChange", "Tasks",
                                                       objects=1200),)), None)
    window.password_banner.label.setText("The server no longer accepts your password.")
    window.password_banner.show()
    qapp.processEvents()
    for banner in (window.offline_banner, window.problem_banner, window.setup_progress,
                   window.password_banner):
        background, text = _colours(banner)
        assert contrast(background, text) >= 4.5, (banner.objectName(), theme)
        dark_background = background.lightness() < 128
        assert dark_background == (theme == "dark"), (banner.objectName(), theme)
