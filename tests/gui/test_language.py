"""Danish next to English: every visible string goes through Qt's translation functions and
has its Danish translation, and a window shown in Danish shows no English.

The first two tests read the sources as `tools/update_translations.py` does (Qt's lupdate);
the others show real windows in Danish and read back every text they show."""

from __future__ import annotations

import asyncio
import html
import json
import re
import runpy
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCommandLinkButton,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.kinds import Kind
from app.db.store import DATABASE_FILE
from app.desktop import DesktopOptions, run_desktop
from app.mainpage_boxes.page import page_of
from app.mainpage_boxes.registry import BoxRegistry
from app.sync.signin import AccountSetup
from app.testkit.dialogs import visible
from app.views.bridge import Bridge
from app.views.formatting import friendly_time
from app.views.language import Language, language_for
from app.views.main_page import MainPageView
from app.views.main_window import MainWindow
from app.views.object_actions import ObjectActions
from app.views.preview import LayoutPreview
from app.views.related_panels import RelatedPanels
from app.views.settings import SettingsDialog
from app.views.setup_wizard import SetupWizard
from app.views.tasks import TaskKeeper
from tests.admin import set_functions
from tests.box_pages import LoopHooks
from tests.gui.lists import wait_for
from tests.gui.running import Script, main_window, while_running
from tests.layouts import add_box, sandbox_layout, save
from tests.sync_harness import Harness

ROOT = Path(__file__).resolve().parents[2]
TOOL: dict[str, Any] = runpy.run_path(str(ROOT / "tools" / "update_translations.py"))
TS_FILE: Path = TOOL["TS_FILE"]


def test_every_translatable_string_in_the_sources_has_its_danish(tmp_path: Path) -> None:
    copy = tmp_path / TS_FILE.name
    copy.write_bytes(TS_FILE.read_bytes())
    TOOL["lupdate"](copy)  # the sources as they are now, merged with the Danish we have
    assert TOOL["missing"](copy) == []


# A text written out with a context held in a variable: lupdate collects only a literal
# context, so such a text would never reach the .ts file and would stay English unnoticed.
_HIDDEN_CONTEXT = re.compile(
    r"""(?:\btranslate|QT_TRANSLATE_NOOP)\(\s*(?!["'])[\w.]+\s*,\s*["']""")


def test_every_marked_text_names_its_context_where_lupdate_reads_it() -> None:
    hidden = [f"{path}:{number}"
              for path in TOOL["sources"]()
              for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1)
              if _HIDDEN_CONTEXT.search(line)]
    assert hidden == []


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
    """The English sources whose Danish differs, and each Danish text as patterns (its
    placeholders match anything), both in the pieces a person reads (`pieces`). A piece
    without words of its own ("{title}") is no pattern: it would match anything."""
    english: set[str] = set()
    danish: list[re.Pattern[str]] = []
    for message in ET.parse(TS_FILE).getroot().iter("message"):
        source = message.findtext("source") or ""
        target = "".join(message.find("translation").itertext())  # type: ignore[union-attr]
        if target != source:
            english.update(set(pieces(source)) - set(pieces(target)))
        for piece in pieces(target):
            parts = re.split(r"\{\w*\}|%n", piece)
            if re.search(r"[^\W\d_]{2}", "".join(parts)):
                danish.append(re.compile(".*".join(re.escape(part) for part in parts),
                                         re.S | re.I))
    return english, danish


# Where a text falls apart into what a person reads as one piece: a rich text's tags (a bold
# name, then the address under it), line breaks, and the " · " the window joins parts with.
_BREAKS = re.compile(r"<[^>]+>|\n|\s·\s")


def pieces(text: str) -> list[str]:
    return [piece for part in _BREAKS.split(html.unescape(text))
            if (piece := part.replace("&", "").strip())]


def _locale_names() -> re.Pattern[str]:
    """Danish names of months and days, as QLocale writes them ("ons.", "dec."): Qt's words,
    not ours, in the dates a page shows."""
    danish = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
    short, long = QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat
    names = {name for i in range(1, 13) for fmt in (short, long)
             for name in (danish.monthName(i, fmt), danish.standaloneMonthName(i, fmt))}
    names |= {danish.dayName(i, fmt) for i in range(1, 8) for fmt in (short, long)}
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)),
                      re.I)


def _words(text: str) -> bool:
    # words, not codes: "XXXX-XXX", "API", "https://…" or a date read the same in any language
    text = _locale_names().sub("", re.sub(r"\w+://\S*", "", text))
    return bool(re.search(r"[a-zæøå]{2}", text))


def shown_texts(top: QWidget) -> list[str]:
    """Every text `top` shows in words, piece by piece: window title, labels, buttons, their
    descriptions, placeholders, menus, tabs, and the headers and rows of trees and tables
    (what a person reads, not what they typed)."""
    texts = [top.windowTitle()]
    for widget in top.findChildren(QWidget):
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QCommandLinkButton):
            texts += [widget.text(), widget.description()]
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QMenu):
            texts += [action.text() for action in widget.actions()]
        elif isinstance(widget, QTreeWidget):
            texts += _tree_texts(widget)
        elif isinstance(widget, QTableWidget):
            texts += _table_texts(widget)
        elif isinstance(widget, QTabBar):  # a list's tab: its name, then its count
            texts += [re.sub(r" \(\d[\d.,]*\)$", "", widget.tabText(i))
                      for i in range(widget.count())]
    return [piece for text in texts for piece in pieces(text) if _words(piece)]


def _tree_texts(tree: QTreeWidget) -> list[str]:
    header = tree.headerItem()
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    items += [item.child(i) for item in list(items) if item for i in range(item.childCount())]
    return [item.text(column) for item in (header, *items) if item
            for column in range(tree.columnCount())]


def _table_texts(table: QTableWidget) -> list[str]:
    cells = [table.horizontalHeaderItem(column) for column in range(table.columnCount())]
    cells += [table.item(row, column) for row in range(table.rowCount())
              for column in range(table.columnCount())]
    return [cell.text() for cell in cells if cell]


def assert_all_danish(top: QWidget, data: set[str] = frozenset()) -> None:
    assert_danish(shown_texts(top), data)


def assert_danish(texts: list[str], data: set[str] = frozenset()) -> None:
    """Each of `texts` is Danish, piece by piece, or data."""
    english, danish = _translations()
    known = {piece for text in data for piece in pieces(text)}
    shown = [piece for text in texts for piece in pieces(text)
             if piece not in known and _words(piece)]
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


# -- main pages -------------------------------------------------------------------------------


def server_texts(harness: Harness | Path) -> set[str]:
    """Every text the server sent (each object and setting in the store: names, titles, box
    titles, states…), and what a page joins of it ("Jens Hansen", "8000 Aarhus C", an address
    on one line): the data a page shows as it came, in any language."""
    found: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, str):
            found.add(value.strip())
        elif isinstance(value, list):
            for item in value:
                collect(item)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
            for first, second in (("firstname", "lastname"), ("zip", "city"),
                                  ("invoicezip", "invoicecity")):
                found.add(f"{value.get(first) or ''} {value.get(second) or ''}".strip())
            if "adress" in value:  # an address custom field: a column group's one line
                town = f"{value.get('zip') or ''} {value.get('city') or ''}".strip()
                found.add(", ".join(str(part).strip() for part in (
                    value.get("adress"), value.get("adress2"), town, value.get("country"))
                    if part and str(part).strip()))

    data_dir = harness if isinstance(harness, Path) else harness.data_dir
    with sqlite3.connect(data_dir / DATABASE_FILE) as db:
        for kind in Kind:
            for (data,) in db.execute(f'SELECT data FROM "{kind.value}"'):
                collect(json.loads(data))
        for (value,) in db.execute("SELECT value FROM setting"):
            collect(json.loads(value))
    return found


def _fullest(harness: Harness, kind: Kind) -> int:
    """The object of `kind` whose page shows the most boxes (among the first 300)."""
    session, registry = harness.core.session, BoxRegistry.installed()
    ids = [row[0] for row in session.rows(kind, [], order_by="id", limit=300)]

    def shown(object_id: int) -> int:
        page = page_of(session, kind, object_id, datetime.now(), registry=registry)
        return sum(box.shown for box in page.boxes) if page else 0

    return max(ids, key=shown)


ShowPage = Callable[..., MainPageView]


@pytest.fixture
def main_page(in_danish: Language, qtbot, synced: Harness) -> Iterator[ShowPage]:
    """`main_page(kind, object_id=None)`: that object's page (default: the fullest page of
    `kind`), shown in Danish."""
    tasks = TaskKeeper(synced.loop)
    pages: list[MainPageView] = []

    def show(kind: Kind, object_id: int | None = None) -> MainPageView:
        page = MainPageView(synced.core.session, kind, object_id or _fullest(synced, kind),
                            registry=BoxRegistry.installed(), bridge=Bridge(), tasks=tasks,
                            open_page=lambda *_: None)
        qtbot.addWidget(page)
        page.resize(900, 1400)
        page.show()
        pages.append(page)
        return page

    yield show
    for page in pages:
        page.close_page()
    synced.loop.run_until_complete(tasks.cancel_all())


HEADINGS = {Kind.TODO: "Opgave ", Kind.CUSTOMER: "Kunde ", Kind.PERSON: "Person ",
            Kind.TOOL: "Udstyr "}


def page_data(harness: Harness, page: MainPageView) -> set[str]:
    """What `page` shows as data (`page_data_of` its kind) and its line of facts."""
    # The line of facts under the heading is made of the lists' column headers
    # (app/views/object_lists.py), translated with the lists, not here; its values are data.
    return page_data_of(harness, page.kind) | set(pieces(page.facts.text()))


def page_data_of(harness: Harness, kind: Kind) -> set[str]:
    """What a page of `kind` shows as data: the server's texts, less any that reads like one
    of ours ("Equipment" may be a column's title, and must not excuse our own "Equipment"),
    plus the titles of this kind's boxes and columns, whatever they say."""
    setup = harness.core.session.setup
    titles = {field.title for field in setup.custom_fields(kind)}
    for box in setup.main_page(kind):
        titles.add(box.title)
        if box.iscolumngroup and (group := setup.column_group(box.columngroupid)):
            titles |= {group.title, *(column.title for column in group.columns)}
    return (server_texts(harness) - _translations()[0]) | titles


@pytest.mark.parametrize("kind", list(HEADINGS))
def test_a_main_page_speaks_danish(main_page: ShowPage, synced: Harness, kind: Kind) -> None:
    page = main_page(kind)
    assert sum(view.isVisible() for view in page.views) >= 2  # boxes, each with its texts
    assert page.heading.text().startswith(HEADINGS[kind])
    assert not re.search(r"\d{4}-\d\d-\d\d", page.facts.text())  # dates as the lists show them
    assert_all_danish(page, data=page_data(synced, page))


def test_a_refused_action_is_told_in_danish(main_page: ShowPage, synced: Harness) -> None:
    page = main_page(Kind.TODO)
    page.hooks.run(synced.core.session.actions.post_note(Kind.PERSON, 1, "Hej"))
    wait_for(synced.loop, page.message.isVisible)
    assert page.message.text() == "Der kan ikke skrives noter på personer."


def test_a_page_whose_object_is_gone_says_so_in_danish(main_page: ShowPage) -> None:
    page = main_page(Kind.TOOL, 987654)
    assert page.heading.text() == "Udstyr 987654"
    assert page.message.text() == "Dette udstyr er ikke længere på denne enhed."
    assert_all_danish(page)


def _settle(harness: Harness, recording: LoopHooks) -> None:
    """What the buttons started (actions, reads) has ended."""
    while recording.tasks:
        tasks, recording.tasks = recording.tasks, []
        harness.run(asyncio.gather(*tasks))


def _shown(qtbot, widget: QWidget) -> QWidget:
    """`widget` on a page of its own, shown."""
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(900, 900)
    QVBoxLayout(page).addWidget(widget)
    page.show()
    return page


def test_the_actions_on_a_task_speak_danish(
    in_danish: Language, qtbot, synced: Harness, tmp_path: Path
) -> None:
    session = synced.core.session
    task = _fullest(synced, Kind.TODO)
    recording = LoopHooks(synced.loop)
    actions = ObjectActions(session, Kind.TODO, task, recording.hooks, None,
                            locate=lambda: (55.6761, 12.5683))
    page = _shown(qtbot, actions)
    unsubscribe = session.changes.subscribe(actions.apply_changes)
    data = server_texts(synced) - _translations()[0]
    assert actions.checkin_button.text() == "Tjek ind"
    assert_all_danish(page, data)

    actions.checkin_button.click()
    actions.note_button.click()
    actions.note_text.setPlainText("Kunden var ikke hjemme")
    actions.send_note_button.click()
    _settle(synced, recording)
    state = next(a for a in actions.state_menu.actions() if not a.isChecked())
    state.trigger()
    _settle(synced, recording)
    assert actions.checkin_button.text() == "Tjek ud"
    assert actions.state_button.text() == f"Status: {state.text()}"
    assert actions.pending_label.text() == (
        "Venter på at blive sendt: indtjekning, note, statusændring")
    not_a_picture = tmp_path / "kvittering.txt"
    not_a_picture.write_text("ikke et billede")
    actions.attach_file(not_a_picture)
    assert actions.message.text() == "kvittering.txt er ikke et billede, som denne app kan læse."
    assert_all_danish(page, data)
    unsubscribe()


def test_the_equipment_product_use_and_notes_of_a_task_speak_danish(
    in_danish: Language, qtbot, synced: Harness
) -> None:
    session = synced.core.session
    task = _fullest(synced, Kind.TODO)
    synced.run(session.actions.post_note(Kind.TODO, task, "Husk nøglen hos viceværten"))
    recording = LoopHooks(synced.loop)
    panels = RelatedPanels(session, Kind.TODO, task, recording.hooks, None)
    page = _shown(qtbot, panels)
    for section in panels.sections:
        section.header.click()
        _settle(synced, recording)
    equipment, product_use, notes = panels.sections
    assert equipment.header.text().startswith("Udstyr (")
    assert product_use.header.text().startswith("Produktforbrug (")
    assert notes.header.text().startswith("Noter (")
    waiting = notes.tree.topLevelItem(0)
    assert waiting is not None
    assert (waiting.text(1), waiting.text(2)) == ("Dig", "Venter på at blive sendt")
    assert all(section.age.text().startswith("pr. ") for section in panels.sections)
    assert_all_danish(page, server_texts(synced) - _translations()[0]
                      | {"Husk nøglen hos viceværten"})  # what the technician wrote


@pytest.mark.parametrize("kind", list(HEADINGS))
def test_why_a_box_is_hidden_is_said_in_danish(
    in_danish: Language, synced: Harness, kind: Kind
) -> None:
    """The reasons the page keeps for its hidden boxes (and `fieldclient page` prints, in
    English there: it runs without Qt), over the first objects of each kind."""
    session, registry = synced.core.session, BoxRegistry.installed()
    reasons = {box.reason
               for (object_id,) in session.rows(kind, [], order_by="id", limit=60)
               for box in page_of(session, kind, object_id, datetime.now(),
                                  registry=registry).boxes  # type: ignore[union-attr]
               if not box.shown}
    assert reasons  # every kind's page hides a box for some object
    assert_danish(sorted(reasons), page_data_of(synced, kind))


def test_times_read_in_danish(in_danish: Language) -> None:
    today = datetime.now().replace(hour=14, minute=5)
    assert friendly_time(today) == "i dag 14:05"
    assert friendly_time("2026-11-21T14:05:00") == "21.11.2026 14:05"
    assert_danish([friendly_time(today)])


def test_the_main_window_speaks_danish_after_a_sync(
    in_danish: Language, window_and_core, data_dir: Path, loop
) -> None:
    """The window a technician sees all day: toolbar, menus, list tabs and headers, filters,
    status bar, the offline strip, the day view, and the sync status page with every step."""
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    data = server_texts(data_dir) - _translations()[0]
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert [re.sub(r" \([\d.]+\)$", "", tab) for tab in tabs] == [
        "Opgaver", "Kunder", "Personer", "Udstyr", "Min dag"]
    assert QLocale().toString(12345) == "12.345"  # the counts in Danish numbers
    assert window.activity_label.text() == "Opdateret"
    assert window.last_sync_label.text().startswith("Sidst synkroniseret: i dag ")
    window.offline_banner.show()
    window.on_status(replace(core.session.controls.status, online=False))
    assert window.offline_banner.text().startswith("Du er offline.")
    headers = [model.headerData(column, Qt.Orientation.Horizontal)
               for model in window.models.values() for column in range(model.columnCount())]
    assert_danish(headers)
    assert_all_danish(window, data=data | {APP_NAME})
    window.show_day()
    assert window.day_view.status.text() == "Henter…"
    wait_for(loop, lambda: window.day_view.status.text() == "")  # read from the server
    today = QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat)
    assert_all_danish(window.day_view, data=data | {today})  # "mandag den 7. december": Qt's
    window.status_action.trigger()
    steps = window.pages.steps
    names = [steps.item(row, 0).text() for row in range(steps.rowCount())]
    assert "Opgaver ændret siden sidste synkronisering" in names
    assert_all_danish(window.pages, data={APP_NAME})


def test_danish_chosen_in_settings_opens_the_window_again_in_danish_where_it_was(
    app_as_run: None, data_dir: Path
) -> None:
    """The language is switched in Settings, not at the next start: the window comes back in
    Danish on the same page, with Settings open again for what else to change."""
    before: list[MainWindow] = []
    seen: dict[str, Any] = {}

    def synced_window() -> MainWindow | None:
        window = main_window()
        return window if window is not None and window.models[Kind.TODO].total > 0 \
            and window.activity_label.text() == "Up to date" else None

    def open_a_task_and_settings(window: MainWindow) -> None:
        before.append(window)
        model = window.models[Kind.TODO]
        window.open_page(Kind.TODO, model.data(model.index(0, 0), Qt.ItemDataRole.UserRole))
        window.menus.settings_action.trigger()

    def danish_window() -> MainWindow | None:
        window = main_window()
        return window if window is not None and window is not before[0] else None

    def look_at(window: MainWindow) -> None:
        seen["place"], seen["old place"] = window.history.current, before[0].history.current
        seen["sync"] = window.sync_action.text()
        seen["page"] = window.page.heading.text() if window.page else ""

    def close_settings_and_quit(dialog: SettingsDialog) -> None:
        seen["settings"] = dialog.windowTitle()
        dialog.close()
        window = main_window()
        assert window is not None
        seen["windows"] = [w for w in QApplication.topLevelWidgets()
                           if isinstance(w, MainWindow) and w.isVisible()]
        window.quit_action.trigger()

    script = (
        Script()
        .then("the synced window", synced_window, open_a_task_and_settings)
        .then("Settings", lambda: visible(SettingsDialog),
              lambda dialog: dialog.language.setCurrentIndex(dialog.language.findData("da")))
        .then("the window again", danish_window, look_at)
        .then("Settings again", lambda: visible(SettingsDialog), close_settings_and_quit)
    )
    with while_running(script, limit_s=60):
        status = run_desktop(DesktopOptions(data_dir=data_dir, sandbox=True, sandbox_scale=0.05))
    assert script.done, f"stopped waiting for {script.waiting_for}"
    assert status == 0
    assert seen["sync"] == "Synkroniser nu"
    assert seen["place"] == seen["old place"] and seen["page"].startswith("Opgave ")
    assert seen["settings"] == "Field Client: indstillinger"
    assert len(seen["windows"]) == 1  # the English window is gone


# -- the layout preview -----------------------------------------------------------------------


def test_the_layout_preview_and_its_flags_speak_danish(
    in_danish: Language, qtbot, synced: Harness, tmp_path: Path
) -> None:
    """The preview of a layout with a box of every kind of trouble: its window, the flags in
    place on each page, the notes beside them and the list of problems, in Danish."""
    set_functions(synced.server, ToolTake=False)
    assert synced.sync().ok
    layout = sandbox_layout()
    add_box(layout, "todo", "columngroup9", box_id=92, group=9, title="Gone")
    add_box(layout, "person", "checklist", box_id=93, title="Checklist")
    layout["columngroups"][0]["columns"].append(
        {"field": "nosuchfield", "title": "Nothing", "type": "string"})
    path = tmp_path / "layout.json"
    save(path, layout)
    preview = LayoutPreview(synced.core.session, BoxRegistry.installed(), path=path)
    qtbot.addWidget(preview)
    preview.show()
    data = {"weatherforecast", "columngroup9", "nosuchfield", "checklist", "tooltake", str(path)}
    for kind, tab in preview.kind_tabs.items():  # every page is in the window, each in a tab
        preview.tabs.setCurrentWidget(tab)
        assert tab.page is not None and tab.page.flags  # each page flags a box here
        data |= page_data_of(synced, kind) | {tab.page.heading.text()}
    assert_all_danish(preview, data=data)
    problems = [preview.problem_list.item(i).text() for i in range(preview.problem_list.count())]
    assert "Fejl · todo-siden, boks 10 (columngroup9, id 92): kolonnegruppe 9 findes ikke" \
        in problems
    # each line is where, then what: both Danish
    assert_danish([part for problem in preview.problems
                   for part in (problem.where(), problem.message)], data=data)

    save(path, '{"mainpages": [}')
    preview.reload()
    assert preview.error.text().startswith("Filen er ikke et layout (linje 1, kolonne 16)")
