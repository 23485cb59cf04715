"""The initial configuration, shown across the top of the window while the first sync runs:
how far it is, an estimate of what is left, and that the window can be used meanwhile (each
list fills as its objects arrive)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from app.core.kinds import Kind
from app.sync.plan import LOOPS
from app.sync.progress import SyncProgress
from app.views.theme import Tone, apply_tone

TASKS_STEP = next(step.key for step in LOOPS if step.kind is Kind.TODO)


class SetupProgress(QWidget):
    """Visible only during the first pass of a data folder (no sync has succeeded yet)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setup-progress")
        apply_tone(self, Tone.INFO)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(260)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.bar)
        self.hide()

    def show_progress(self, progress: SyncProgress, time_left: str | None) -> None:
        first_pass = progress.running and progress.last_success is None
        self.setVisible(first_pass)
        if not first_pass:
            return
        tasks_in = any(step.done for step in progress.steps if step.key == TASKS_STEP)
        said = [self.tr("Setting up this computer: {count} objects received").format(
            count=QLocale().toString(progress.objects))]
        if time_left is not None:
            said.append(time_left)
        advice = (self.tr("Your tasks are in; open them while the rest arrives.") if tasks_in
                  else self.tr("The lists fill as the data arrives."))
        self.text.setText(" · ".join([*said, advice]))
        show_fraction(self.bar, progress.fraction)


def show_fraction(bar: QProgressBar, fraction: float | None) -> None:
    """Busy while the engine cannot tell how far the pass is; then how far."""
    if fraction is None:
        bar.setRange(0, 0)
    else:
        bar.setRange(0, 100)
        bar.setValue(round(fraction * 100))
