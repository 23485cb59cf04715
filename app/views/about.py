"""Help: About (the version, where the data and the log are: what support asks first) and
"How the sync indicators work" (the indicator guide, in the app's words and pictures)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.core.log_file import current_log_file
from app.sync.session import Session
from app.sync.status import OUT_OF_DATE_AFTER, Indicator
from app.views.indicator_icons import indicator_pixmap


class AboutDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        folder = session.data_folder
        log = current_log_file()
        self.version = QLabel(self.tr("{app} {version}").format(app=APP_NAME, version=__version__))
        self.version.setObjectName("about-version")
        font = self.version.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.version.setFont(font)
        blurb = QLabel(self.tr("An offline copy of your Microbizz tasks, customers, persons and "
                               "equipment, synchronised whenever there is a network."))
        blurb.setWordWrap(True)
        self.folder = QLabel(str(folder))
        self.folder.setObjectName("about-data-folder")
        self.log = QLabel(str(log) if log else self.tr("This run writes no log file."))
        self.log.setObjectName("about-log-file")
        for label in (self.folder, self.log):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Data folder:")), 0, 0)
        grid.addWidget(self.folder, 0, 1)
        grid.addWidget(QLabel(self.tr("Log file:")), 1, 0)
        grid.addWidget(self.log, 1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_logs = QPushButton(self.tr("Open the &log folder"))
        self.open_logs.setEnabled(log is not None)
        if log is not None:
            self.open_logs.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log.parent))))
        buttons.addButton(self.open_logs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.version)
        layout.addWidget(blurb)
        layout.addLayout(grid)
        layout.addWidget(buttons)


def _meanings() -> tuple[tuple[Indicator | None, str, str], ...]:
    """(indicator, what it looks like, what it means and what clicking it does)."""
    minutes = round(OUT_OF_DATE_AFTER.total_seconds() / 60)
    translate = QCoreApplication.translate
    return (
        (None, translate("IndicatorGuide", "A plain cloud"),
         translate("IndicatorGuide", "All is well: synchronised, and nothing waits for you.")),
        (Indicator.IN_FLIGHT,
         translate("IndicatorGuide", "A purple cloud, a yellow circle with a number"),
         translate("IndicatorGuide",
                   "Calls to the server are under way; the number says how many. It shows for "
                   "about a second after you do something, until the server has answered: "
                   "your action is being handled. Click it to see the calls.")),
        (Indicator.FAILED, translate("IndicatorGuide", "A purple-red circle with a number"),
         translate("IndicatorGuide",
                   "The server refused some of your changes; the number says how many. Click "
                   "it to see each one with the server's message, and retry or discard it. "
                   "With \"!\" instead of a number, background work stopped and is retrying, "
                   "or the server no longer accepts your password: the strip across the "
                   "window says which.")),
        (Indicator.OUT_OF_DATE, translate("IndicatorGuide", "A red circle with \"!\""),
         translate("IndicatorGuide",
                   "Not synchronised for more than {minutes} minutes, so what you see may be "
                   "out of date. Usually there is no network (flight mode, Wi-Fi off, a deep "
                   "basement). Your changes are kept and sent when you are back online.")
         .format(minutes=minutes)),
        (Indicator.PERMISSION_DECLINED, translate("IndicatorGuide", "A yellow cloud with \"!\""),
         translate("IndicatorGuide",
                   "You declined background synchronisation, so the app syncs only while its "
                   "window is open. Click it to allow it, or press Start on the sync status "
                   "page.")),
    )


class IndicatorGuide(QDialog):
    """The indicators as the status bar and the tray show them, each with its meaning.

    One text view rather than a label per row: wrapped labels in a dialog get their height
    for the wrong width (cut off at 200 %); a text view lays itself out and scrolls if need be.
    """

    ICON = 48  # device-independent pixels; drawn at twice that, sharp on a 200 % screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indicator-guide")
        self.setWindowTitle(self.tr("How the sync indicators work"))
        self.text = QTextBrowser()
        self.text.setObjectName("indicator-guide-text")
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        document = self.text.document()
        rows = []
        for indicator, looks, means in _meanings():
            name = indicator.value if indicator else "ok"
            badge = "1" if indicator in (Indicator.IN_FLIGHT, Indicator.FAILED) else "!"
            document.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(f"indicator:{name}"),
                indicator_pixmap(indicator, badge if indicator else "", 2 * self.ICON).toImage())
            rows.append(f'<tr><td valign="top"><img src="indicator:{name}" width="{self.ICON}">'
                        f'</td><td><b>{html.escape(looks)}</b><br>{html.escape(means)}</td></tr>')
        intro = html.escape(self.tr(
            "The cloud in the status bar (and in the tray) shows how synchronisation is going. "
            "Several can show at once; click one to see more."))
        self.text.setHtml(f'<p>{intro}</p><table cellspacing="6">{"".join(rows)}</table>')
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 95, metrics.lineSpacing() * 34)
