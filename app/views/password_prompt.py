"""Asking for the new password when the server no longer accepts the login (the office changed
it). Sending and syncing stop on the refusal; without this the changes would wait silently.

The window asks once per refusal, in a dialog that stays open until the server accepts what is
typed (a wrong password gets the server's sentence) or the technician cancels. Until the login
works again a banner says why nothing is sent, with a button to enter the password later.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.sync.controls import SyncControls
from app.sync.signin import SignInRefused
from app.sync.status import SyncStatus
from app.views.tasks import TaskKeeper
from app.views.theme import Tone, apply_tone

CHECKING = cast(str, QT_TRANSLATE_NOOP("PasswordDialog",
                                       "Checking the password with the server…"))


class PasswordDialog(QDialog):
    """The new password, checked with the server before it is kept (SyncControls)."""

    def __init__(self, controls: SyncControls, tasks: TaskKeeper, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("password-prompt")
        self.setWindowTitle(self.tr("{app}: new password").format(app=APP_NAME))
        self._controls = controls
        self._tasks = tasks
        account = controls.account
        self.question = QLabel(self.tr(
            "The server no longer accepts your password for {user} on contract {contract}. "
            "Enter the new password the office gave you; your changes are sent as soon as it "
            "is accepted."
        ).format(user=account.username, contract=account.contract))
        self.question.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()  # the server's answer to a wrong password, or that it checks
        self.message.setObjectName("password-message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)  # closes only once the server accepts it
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        for widget in (self.question, self.password, self.message, self.buttons):
            column.addWidget(widget)
        self.resize(460, self.sizeHint().height())

    def ask(self) -> None:
        """Open it afresh: empty, without the answer to an earlier try."""
        self.password.clear()
        self.message.hide()
        self._checking(False)
        self.open()
        self.raise_()
        self.password.setFocus()

    def withdraw(self) -> None:
        """The login works again without what is typed here (the office changed the password
        back): nothing to ask. One being checked finishes by itself."""
        if self.isVisible() and self.password.isEnabled():
            self.reject()

    def _submit(self) -> None:
        self._checking(True)
        self._say(self.tr(CHECKING))
        self._tasks.start(self._change(self.password.text()))

    async def _change(self, password: str) -> None:
        try:
            await self._controls.change_password(password)
        except SignInRefused as refused:
            self._checking(False)
            self._say(str(refused))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.password.clear()
        self.accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _checking(self, checking: bool) -> None:
        self.password.setEnabled(not checking)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not checking)


class PasswordBanner(QWidget):
    """A strip across the window while the login is refused, and the one dialog that asks."""

    def __init__(self, controls: SyncControls, tasks: TaskKeeper,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("password-banner")
        apply_tone(self, Tone.ERROR)
        self._controls = controls
        self._tasks = tasks
        self._asked = False  # about the refusal now shown (asked again after one that ended)
        self.dialog: PasswordDialog | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Enter the new password…"))
        self.button.clicked.connect(self.ask)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 10, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.hide()

    def show_status(self, status: SyncStatus) -> None:
        refused = status.login_refused
        self.setVisible(refused is not None)
        if refused is None:
            self._asked = False
            if self.dialog is not None:
                self.dialog.withdraw()
            return
        self.label.setText(refused)
        if not self._asked:
            self._asked = True
            self.ask()

    def ask(self) -> PasswordDialog:
        if self.dialog is None:
            self.dialog = PasswordDialog(self._controls, self._tasks, self.window())
        self.dialog.ask()
        return self.dialog
