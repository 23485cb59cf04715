"""Danish next to English: every visible string goes through Qt's translation functions and
has its Danish translation, and a window shown in Danish shows no English.

The first two tests read the sources as `tools/update_translations.py` does (Qt's lupdate);
the others show real windows in Danish and read back every text they show."""

from __future__ import annotations

import re
import runpy
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCommandLinkButton,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.sync.signin import AccountSetup
from app.views.language import Language, language_for
from app.views.setup_wizard import SetupWizard

ROOT = Path(__file__).resolve().parents[2]
TOOL: dict[str, Any] = runpy.run_path(str(ROOT / "tools" / "update_translations.py"))
TS_FILE: Path = TOOL["TS_FILE"]


def test_every_translatable_string_in_the_sources_has_its_danish(tmp_path: Path) -> None:
    copy = tmp_path / TS_FILE.name
    copy.write_bytes(TS_FILE.read_bytes())
    TOOL["lupdate"](copy)  # the sources as they are now, merged with the Danish we have
    assert TOOL["missing"](copy) == []


def test_the_app_loads_the_danish_of_the_ts_file(tmp_path: Path) -> None:
    compiled = tmp_path / "fieldclient_da.qm"
    TOOL["lrelease"](TS_FILE, compiled)
    assert compiled.read_bytes() == TS_FILE.with_suffix(".qm").read_bytes(), (
        "the .qm is older than the .ts: run python tools/update_translations.py")


def test_the_language_follows_the_system_unless_chosen() -> None:
    danish = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert language_for(None, danish) == "da"
    assert language_for("system", danish) == "da"
    assert language_for("en", danish) == "en"
    assert language_for(None, german) == "en"  # a language we do not have: English
    assert language_for("da", german) == "da"


def _translations() -> tuple[set[str], list[re.Pattern[str]]]:
    """The English sources whose Danish differs, and each Danish text as a pattern (its
    placeholders match anything)."""
    english: set[str] = set()
    danish: list[re.Pattern[str]] = []
    for message in ET.parse(TS_FILE).getroot().iter("message"):
        source = message.findtext("source") or ""
        target = "".join(message.find("translation").itertext())  # type: ignore[union-attr]
        if target != source:
            english.add(_plain(source))
        parts = re.split(r"\{\w*\}|%n", _plain(target))
        danish.append(re.compile(".*".join(re.escape(part) for part in parts), re.S | re.I))
    return english, danish


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).replace("&", "").strip()


def shown_texts(top: QWidget) -> list[str]:
    """Every text `top` shows in words: window title, labels, buttons, their descriptions,
    and placeholders (what a person reads, not what they typed)."""
    texts = [top.windowTitle()]
    for widget in top.findChildren(QWidget):
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QCommandLinkButton):
            texts += [widget.text(), widget.description()]
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
    # words, not codes: "XXXX-XXX", "API" or "https://…" read the same in any language
    return [plain for text in texts
            if re.search(r"[a-zæøå]{2}", re.sub(r"\w+://\S*", "", plain := _plain(text)))]


def assert_all_danish(top: QWidget, data: set[str] = frozenset()) -> None:
    english, danish = _translations()
    shown = [text for text in shown_texts(top) if text not in data]
    assert [text for text in shown if text in english] == []  # a translation not used
    assert [text for text in shown if not any(p.fullmatch(text) for p in danish)] == []


@pytest.fixture
def in_danish(qapp: QApplication) -> Iterator[Language]:
    language = Language(qapp)
    language.use("da")
    yield language
    language.use("en")


def test_the_set_up_wizard_speaks_danish_on_every_page(
    in_danish: Language, qtbot, tmp_path: Path
) -> None:
    wizard = SetupWizard(AccountSetup(tmp_path))
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.manual_choice.text() == "Indtast oplysningerne selv"
    for page in (wizard.choice_page, wizard.code_page, wizard.manual_page):
        wizard.show_page(page)
        assert_all_danish(wizard)
