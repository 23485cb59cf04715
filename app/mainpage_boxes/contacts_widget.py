"""A list of people or companies, one row each: the name (a link to its page where it has one)
and title, the roles beneath, and Call and E-mail buttons that hand tel: and mailto: to the
system (the phone app, the mail program)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.mainpage_boxes.api import BoxContext
from app.mainpage_boxes.contacts import Contact, ContactsContent
from app.mainpage_boxes.widget import BoxWidget


class ContactRow(QWidget):
    """One contact. `name` is a link when the contact has a page; the buttons exist only for
    what the contact has (no number, no Call button)."""

    def __init__(self, contact: Contact, widget: ContactsWidget) -> None:
        super().__init__(widget)
        self.contact = contact
        name = html.escape(contact.name)
        if contact.opens is not None:
            name = f'<a href="open">{name}</a>'
        if contact.title:
            name += f' <span style="color: gray">{html.escape(contact.title)}</span>'
        self.name = QLabel(name, self)
        self.name.setTextFormat(Qt.TextFormat.RichText)
        self.name.linkActivated.connect(lambda _link: widget.open(contact))
        self.roles = QLabel(" · ".join(contact.roles), self)
        self.roles.setTextFormat(Qt.TextFormat.PlainText)
        self.roles.setVisible(bool(contact.roles))
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.name, 0, 0)
        layout.addWidget(self.roles, 1, 0)
        layout.setColumnStretch(0, 1)
        self.call = self._button(self.tr("Call"), self.tr("Call {number}"), contact.call,
                                 layout, 1)
        self.mail = self._button(self.tr("E-mail"), self.tr("Write to {address}"),
                                 contact.mail, layout, 2)

    def _button(self, text: str, tip: str, target: str, layout: QGridLayout, column: int
                ) -> QToolButton | None:
        if not target:
            return None
        button = QToolButton(self)
        button.setText(text)
        where = target.partition(":")[2]
        button.setToolTip(tip.format(number=where, address=where))
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(target)))
        layout.addWidget(button, 0, column, 2, 1)
        return button


class ContactsWidget(BoxWidget[ContactsContent]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ContactRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)

    def show_content(self, content: ContactsContent, context: BoxContext) -> None:
        for row in self.rows:
            row.hide()  # out of the layout at once; gone when Qt deletes it
            row.deleteLater()
        self.rows = [ContactRow(contact, self) for contact in content.contacts]
        for row in self.rows:
            self._layout.addWidget(row)

    def open(self, contact: Contact) -> None:
        if contact.opens is not None:
            self.hooks.open(contact.opens, contact.object_id)
