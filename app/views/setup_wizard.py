"""The first run: connect the technician's own contract, or try the app with demo data.

Three ways in, as the Microbizz app offers them: the configuration code (XXXX-XXX) the office
gives out, the details typed by hand (endpoint, contract, user name, password, API key), and
the demo. Nothing is kept until the server has accepted the login; every refusal is one
sentence on the page, with what was typed left in place to correct.
"""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Awaitable, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.sync.account import Account
from app.sync.provisioning import CODE_SERVICE_ENV
from app.sync.signin import AccountSetup, SignInRefused


class Demo(enum.Enum):
    """The technician chose to try the app with demo data."""

    CHOSEN = "demo"


SetupChoice = Account | Demo


class SetupWizard(QDialog):
    """The pages of the first run. `choice` is what it ended with (None: closed)."""

    def __init__(
        self,
        setup: AccountSetup,
        *,
        reason: str | None = None,
        prefill: Account | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`reason` and `prefill`: the app started with a saved account whose password could
        not be read; the wizard opens on the typed details, says why and asks again."""
        super().__init__(parent)
        self.setObjectName("setup-wizard")
        self.setWindowTitle(self.tr("{app}: set up").format(app=APP_NAME))
        self.setMinimumWidth(560)
        self._setup = setup
        self._checking: asyncio.Task[None] | None = None
        self.choice: SetupChoice | None = None

        self.pages = QStackedWidget()
        self.choice_page = self._choice_page()
        self.code_page, self.code_field = self._code_page()
        self.manual_page = self._manual_page()
        for page in (self.choice_page, self.code_page, self.manual_page):
            self.pages.addWidget(page)

        self.error = QLabel()
        self.error.setObjectName("wizard-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("QLabel#wizard-error { color: #a1251b; }")
        self.error.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self.go_back)
        self.continue_button = QPushButton(self.tr("Sign in"))
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.go_on)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)

        column = QVBoxLayout(self)
        column.addWidget(self.pages, 1)
        column.addWidget(self.error)
        column.addWidget(self.busy)
        column.addLayout(buttons)
        if prefill is not None:
            self._prefill(prefill)
        if reason is not None:
            self.show_page(self.manual_page)
            self.show_error(reason)
        else:
            self.show_page(self.choice_page)

    # -- the pages ---------------------------------------------------------------------------

    def _choice_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        title = QLabel(self.tr("<h2>Welcome to {app}</h2>"
                               "<p>Connect this computer to your Microbizz contract.</p>"
                               ).format(app=APP_NAME))
        title.setWordWrap(True)
        column.addWidget(title)
        self.code_choice = QCommandLinkButton(
            self.tr("I have a configuration code"),
            self.tr("The code (XXXX-XXX) your office made for you with “Mobile "
                    "auto-configuration”."))
        self.manual_choice = QCommandLinkButton(
            self.tr("Enter the details by hand"),
            self.tr("The server address, contract, user name, password and API key from your "
                    "office."))
        self.demo_choice = QCommandLinkButton(
            self.tr("Try it with demo data"),
            self.tr("A demo contract on this computer; nothing is sent anywhere, nothing is "
                    "kept."))
        if not self._setup.takes_codes:  # the real exchange is not known: see provisioning.py
            self.code_choice.setEnabled(False)
            self.code_choice.setDescription(self.tr(
                "Not set up on this computer: your IT department can point {variable} at "
                "the configuration service. Use the details by hand meanwhile."
            ).format(variable=CODE_SERVICE_ENV))
        self.code_choice.clicked.connect(lambda: self.show_page(self.code_page))
        self.manual_choice.clicked.connect(lambda: self.show_page(self.manual_page))
        self.demo_choice.clicked.connect(self._chose_demo)
        for button in (self.code_choice, self.manual_choice, self.demo_choice):
            column.addWidget(button)
        column.addStretch(1)
        return page

    def _code_page(self) -> tuple[QWidget, QLineEdit]:
        page = QWidget()
        column = QVBoxLayout(page)
        intro = QLabel(self.tr("<h3>Configuration code</h3>"
                               "<p>Type the code your office gave you.</p>"))
        intro.setWordWrap(True)
        column.addWidget(intro)
        form = QFormLayout()
        field = self._field("code-field", "XXXX-XXX")
        field.setMaxLength(12)
        form.addRow(self.tr("Code"), field)
        # asked only when the code's account comes without one
        self.code_password_field = self._field("code-password-field", "", secret=True)
        self.code_password_label = QLabel(self.tr("Password"))
        form.addRow(self.code_password_label, self.code_password_field)
        self.code_password_label.hide()
        self.code_password_field.hide()
        column.addLayout(form)
        column.addStretch(1)
        return page, field

    def _manual_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        intro = QLabel(self.tr("<h3>Your Microbizz account</h3>"
                               "<p>Your office has these details. The password and the API key "
                               "are kept in this computer's keyring, nowhere else.</p>"))
        intro.setWordWrap(True)
        column.addWidget(intro)
        form = QFormLayout()
        self.server_field = self._field("server-field", "https://…")
        self.contract_field = self._field("contract-field", self.tr("e.g. 1234"))
        self.username_field = self._field("username-field", "")
        self.password_field = self._field("password-field", "", secret=True)
        self.apikey_field = self._field("apikey-field", "", secret=True)
        for label, field in self._named_fields().items():
            form.addRow(label[:1].upper() + label[1:], field)
        column.addLayout(form)
        column.addStretch(1)
        return page

    @staticmethod
    def _field(name: str, placeholder: str, *, secret: bool = False) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        if secret:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _named_fields(self) -> dict[str, QLineEdit]:
        """The typed details by the name a sentence uses for them, in the form's order."""
        return {self.tr("server address"): self.server_field,
                self.tr("contract"): self.contract_field,
                self.tr("user name"): self.username_field,
                self.tr("password"): self.password_field,
                self.tr("API key"): self.apikey_field}

    def _prefill(self, account: Account) -> None:
        self.server_field.setText(account.endpoint)
        self.contract_field.setText(account.contract)
        self.username_field.setText(account.username)

    # -- moving between them -----------------------------------------------------------------

    def show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        self.error.hide()
        on_choice = page is self.choice_page
        self.back_button.setVisible(not on_choice)
        self.continue_button.setVisible(not on_choice)
        first = {self.code_page: self.code_field, self.manual_page: self._first_empty()}
        if (field := first.get(page)) is not None:
            field.setFocus()

    def _first_empty(self) -> QLineEdit:
        fields = (self.server_field, self.contract_field, self.username_field,
                  self.password_field, self.apikey_field)
        return next((field for field in fields if not field.text()), self.server_field)

    def go_back(self) -> None:
        if self._checking is not None:
            self._checking.cancel()  # nothing is kept before the server has answered
            return
        self.show_page(self.choice_page)

    def go_on(self) -> None:
        if self._checking is not None:
            return
        page = self.pages.currentWidget()
        if page is self.manual_page:
            self._check(self._sign_in_by_hand)
        elif page is self.code_page:
            self._check(self._sign_in_with_code)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _chose_demo(self) -> None:
        self.choice = Demo.CHOSEN
        self.accept()

    # -- checking with the server ------------------------------------------------------------

    def _check(self, attempt: Callable[[], Awaitable[Account]]) -> None:
        """Run one sign-in attempt; the form waits (Back cancels it) until the server answers."""
        self.error.hide()
        self._set_busy(True)

        async def checked() -> None:
            try:
                self.choice = await attempt()
            except SignInRefused as refused:
                self.show_error(str(refused))
            except asyncio.CancelledError:
                self.show_error(self.tr("Cancelled; nothing was kept."))
            else:
                self.accept()
            finally:
                self._checking = None
                self._set_busy(False)

        self._checking = asyncio.ensure_future(checked())

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.continue_button.setEnabled(not busy)
        self.back_button.setText(self.tr("Cancel") if busy else self.tr("Back"))
        for field in (self.code_field, self.code_password_field, self.server_field,
                      self.contract_field,
                      self.username_field, self.password_field, self.apikey_field):
            field.setReadOnly(busy)

    async def _sign_in_by_hand(self) -> Account:
        missing = [name for name, field in self._named_fields().items()
                   if not field.text().strip()]
        if missing:
            self._first_empty().setFocus()
            raise SignInRefused(self.tr("Fill in: {fields}.").format(fields=", ".join(missing)))
        return await self._setup.sign_in(
            self.server_field.text(), self.contract_field.text(), self.username_field.text(),
            password=self.password_field.text(), apikey=self.apikey_field.text(),
        )

    async def _sign_in_with_code(self) -> Account:
        if not self.code_field.text().strip():
            raise SignInRefused(self.tr("Type the configuration code, like ABCD-123."))
        account = await self._setup.exchange_code(self.code_field.text())
        password = account.password or self.code_password_field.text()
        if not password:
            self.code_password_label.show()
            self.code_password_field.show()
            self.code_password_field.setFocus()
            raise SignInRefused(self.tr(
                "The code is for {user} on contract {contract}: enter your password."
            ).format(user=account.username, contract=account.contract))
        return await self._setup.sign_in(account.endpoint, account.contract, account.username,
                                         password=password, apikey=account.apikey)

    def reject(self) -> None:
        if self._checking is not None:
            self._checking.cancel()
        super().reject()


async def run_setup_wizard(
    setup: AccountSetup, *, reason: str | None = None, prefill: Account | None = None
) -> SetupChoice | None:
    """Show the wizard and wait for it without blocking the loop (open(), never exec());
    None when the technician closed it."""
    wizard = SetupWizard(setup, reason=reason, prefill=prefill)
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def finished(_result: int) -> None:
        if not done.done():
            done.set_result(None)

    wizard.finished.connect(finished)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    wizard.open()
    try:
        await done
        return wizard.choice if wizard.result() == QDialog.DialogCode.Accepted else None
    finally:
        wizard.deleteLater()
