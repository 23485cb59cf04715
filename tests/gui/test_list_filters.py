"""The filters a technician picks for a list: each shows what it promises and hides the rest,
with objects a dispatcher made to match (or not) in the sandbox."""

from __future__ import annotations

from datetime import date, timedelta

from app.core.kinds import Kind
from tests.admin import add_object
from tests.gui.lists import all_ids, column, day, demo, kept, show_list


def test_the_task_filters_show_what_they_promise_and_hide_the_rest(
    window_and_core, sandbox, loop, qtmodeltester
) -> None:
    window, core, _ = window_and_core
    me, colleague, teams = demo(sandbox)
    today = date.today()
    sunday = today - timedelta(days=today.weekday()) + timedelta(days=6)
    in_week = sunday if sunday != today else sunday - timedelta(days=1)

    def task(title: str, **fields: object) -> int:
        given = {"team": teams[0], "userid": colleague, "enddate": day(40), **fields}
        return add_object(sandbox, "todo", title=title, **given)["id"]

    mine = task("Min opgave", userid=me, enddate=day(20))
    theirs = task("Kollegas opgave", enddate=day(20))
    due_today = task("Frist i dag", enddate=day(0))
    planned = task("Planlagt i dag", enddate=day(25))
    add_object(sandbox, "prodplanentry", todoid=planned, userid=me, date=day(0))
    this_week = task("Frist i denne uge", enddate=in_week.isoformat())
    overdue = task("Overskredet", enddate=day(-3))
    pooled = task("I puljen", userid=0, ispool=1, enddate=day(30))
    far = task("Langt ude", enddate=day(40))
    assert loop.run_until_complete(core.engine.run_pass()).ok

    _view, model = show_list(window, Kind.TODO)
    qtmodeltester.check(model)
    everything = set(all_ids(model))
    states_shown = column(model, "State")
    state = next(s.title for s in core.session.setup.task_states() if s.title in states_shown)
    assert set(states_shown) != {state}
    assert {mine, theirs, due_today, planned, this_week, overdue, pooled, far} <= everything

    def shown(name: str, state: str = "") -> set[int]:
        window.filter_bar.choose(name, state)
        assert model.choice.filter == name
        kept(loop, window, Kind.TODO)
        ids = all_ids(model)
        assert model.total == len(ids)
        assert window.tabs.tabText(0).endswith(f"({len(ids):,})")
        return set(ids)

    only_mine = shown("mine")
    assert mine in only_mine and not {theirs, due_today, pooled} & only_mine
    assert only_mine < everything
    today_ = shown("today")
    assert {due_today, planned} <= today_ and not {mine, overdue, far, this_week} & today_
    week = shown("week")
    assert {due_today, this_week, planned} <= week and not {mine, far, overdue} & week
    late = shown("overdue")
    assert overdue in late and not {due_today, far, mine} & late
    assert all(model.index(row, 5).data() for row in range(model.rowCount()))  # a deadline
    planned_ = shown("planned")
    assert planned in planned_ and not {far, theirs, overdue} & planned_
    pool = shown("pool")
    assert pooled in pool and not {mine, theirs, far} & pool
    in_state = shown("state", state)
    assert in_state and set(column(model, "State")) == {state}
    assert window.filter_bar.state_box.isVisible()
    assert shown("all") == everything
    assert not window.filter_bar.state_box.isVisible()

    shown("overdue")
    window.show_task(mine)  # a notice about a task the filter hides still opens it
    assert window.history.current == (Kind.TODO, mine) and window.page is not None


def test_equipment_i_carry_and_customers_near_me(
    window_and_core, sandbox, loop, qtmodeltester
) -> None:
    window, core, _ = window_and_core
    me, _colleague, teams = demo(sandbox)
    carried = add_object(sandbox, "tool", title="Termokamera FLIR", carrier_userid=me)["id"]
    at_customer = add_object(sandbox, "tool", title="Varmepumpe Nibe", customerid=1,
                             placeofhome=1)["id"]
    # The next task planned to the technician (all day today, so before the demo's visits
    # and not over yet) is in Odense: customers within 15 km of it are near, one in Aarhus
    # is not.
    visit = add_object(sandbox, "todo", title="Første besøg", userid=me, team=teams[0],
                       latitude=55.396, longitude=10.388, enddate=day(2))["id"]
    add_object(sandbox, "prodplanentry", todoid=visit, userid=me, date=day(0),
               fromtime="00:00:00", totime="23:59:00")
    near = add_object(sandbox, "customer", name="Nabo ApS", latitude=55.40,
                      longitude=10.42)["id"]
    far = add_object(sandbox, "customer", name="Fjern A/S", latitude=56.15,
                     longitude=10.20)["id"]
    nowhere = add_object(sandbox, "customer", name="Uden adresse", latitude=0,
                         longitude=0)["id"]
    assert loop.run_until_complete(core.engine.run_pass()).ok

    _, tools = show_list(window, Kind.TOOL)
    qtmodeltester.check(tools)
    assert {carried, at_customer} <= set(all_ids(tools))
    window.filter_bar.choose("carried")
    kept(loop, window, Kind.TOOL)
    mine = all_ids(tools)
    assert carried in mine and at_customer not in mine
    name = core.session.setup.user(me).name
    assert set(column(tools, "Where")) == {f"Carried by {name}"}

    _, customers = show_list(window, Kind.CUSTOMER)
    qtmodeltester.check(customers)
    window.filter_bar.choose("near")
    kept(loop, window, Kind.CUSTOMER)
    close = all_ids(customers)
    assert near in close and far not in close and nowhere not in close
    assert 0 < len(close) < core.session.count(Kind.CUSTOMER)
