"""My day / my week: the planned tasks, appointments and registrations on the right day,
each opening its page (or shown where it names none), read lazily for days not synced."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale

from app.core.kinds import Kind
from tests.admin import add_object, commands_sent, fault
from tests.gui.lists import day, demo, wait_for


def _rows(view) -> list[tuple[str, ...]]:
    model = view.model
    return [tuple(model.index(row, column).data() for column in range(model.columnCount()))
            for row in range(model.rowCount())]


def _read(loop, view) -> list[tuple[str, ...]]:
    """The rows once the view's read from the server is done."""
    wait_for(loop, lambda: view.status.text() == "")
    return _rows(view)


def test_the_day_and_the_week_show_the_right_entries_and_open_them(
    window_and_core, sandbox, loop, qtmodeltester
) -> None:
    window, core, _ = window_and_core
    me, _colleague, teams = demo(sandbox)
    task = add_object(sandbox, "todo", title="Serviceeftersyn kedel", userid=me,
                      team=teams[0], enddate=day(5))
    add_object(sandbox, "prodplanentry", todoid=task["id"], userid=me, date=day(2),
               fromtime="10:00:00", totime="11:30:00")
    add_object(sandbox, "event", userid=me, title="Kursus i varmepumper", typeid=2,
               startdate=day(2), enddate=day(2), starttime="13:00:00", endtime="15:00:00")
    assert loop.run_until_complete(core.engine.run_pass()).ok

    window.day_action.trigger()
    view = window.day_view
    assert window.tabs.currentWidget() is view and not window.filter_bar.isVisible()
    qtmodeltester.check(view.model)
    today = _read(loop, view)
    planned_today = [p for p in sandbox.state.where("prodplanentry", userid=me)
                     if p["date"] == day(0) and not p["isdeleted"]]
    assert sum(1 for row in today if row[2] == "Planned task") == len(planned_today) > 0
    assert {row[0] for row in today} == {_short(date.today())}

    view.step(1)
    view.step(1)
    rows = _read(loop, view)
    titles = [row[3] for row in rows]
    assert f"{task['number']} · Serviceeftersyn kedel" in titles
    assert "Kursus i varmepumper" in titles
    assert {row[0] for row in rows} == {_short(date.today() + timedelta(days=2))}
    view.step(1)
    assert "Kursus i varmepumper" not in [row[3] for row in _read(loop, view)]

    view.show_week(True)
    week = _read(loop, view)
    on_the_day = [row for row in week if row[3] == "Kursus i varmepumper"]
    assert [row[0] for row in on_the_day] == [_short(date.today() + timedelta(days=2))]
    assert len({row[0] for row in week}) > 1

    appointment = next(r for r, row in enumerate(week) if row[3] == "Kursus i varmepumper")
    view.open_entry(view.model.index(appointment, 0))
    assert view.detail.isVisible() and "Kursus i varmepumper" in view.detail.text()
    assert window.page is None

    planned = next(r for r, row in enumerate(week) if "Serviceeftersyn kedel" in row[3])
    view.table.setCurrentIndex(view.model.index(planned, 0))
    view.open_entry(view.table.currentIndex())
    assert window.history.current == (Kind.TODO, task["id"])
    assert window.page is not None and window.stack.currentWidget() is window.page


def test_the_registrations_of_a_week_not_synced_are_read_when_shown(
    window_and_core, sandbox, loop
) -> None:
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    window.day_action.trigger()
    view = window.day_view
    _read(loop, view)
    weeks_ago = date.today() - timedelta(days=77)  # before the 60 days the sync reads
    monday = weeks_ago - timedelta(days=weeks_ago.weekday())
    assert not core.session.related(Kind.REGISTRATION, date=monday.isoformat())

    view.show_week(True)
    view.go_to(monday)
    rows = _read(loop, view)
    registered = [row for row in rows if row[2] == "Registered"]
    assert registered and {row[0] for row in registered} <= {
        _short(monday + timedelta(days=n)) for n in range(5)}
    asked = {c["date"] for c in commands_sent(sandbox, "GetRegistrationByDate")}
    assert {(monday + timedelta(days=n)).isoformat() for n in range(7)} <= asked
    assert all(row[1].endswith(" h") for row in registered)


def _short(day_: date) -> str:
    """A day as the view writes it (the locale's short date)."""
    return QLocale().toString(QDate(day_.year, day_.month, day_.day),
                              QLocale.FormatType.ShortFormat)


def test_offline_the_day_says_so_and_shows_what_the_device_has(
    window_and_core, sandbox, loop
) -> None:
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    fault(sandbox, "http_500", times=100)
    window.day_action.trigger()
    view = window.day_view
    wait_for(loop, lambda: view.status.text() != "Reading…")
    assert view.status.text() == "Offline: showing what this device has"
    assert any(row[2] == "Planned task" for row in _rows(view))  # the synced calendar
