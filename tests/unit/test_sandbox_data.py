"""The sandbox's data without a server: seeded generation, the change store, parameters."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from app.sandbox.clock import shift_months
from app.sandbox.commands.base import CommandFailed
from app.sandbox.commands.params import date_param, time_param
from app.sandbox.seed import BASE_COUNTS, generate
from app.sandbox.store import KindStore
from app.sandbox.values import truthy
from app.sandbox.visibility import Audience

NOW = datetime(2025, 3, 14, 12, 0, 0)
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TIME = re.compile(r"\d{2}:\d{2}:\d{2}")


@pytest.fixture(scope="module")
def dataset():
    return generate(seed=3, scale=0.2, now=NOW, username="tekniker@demo.dk")


def test_same_seed_gives_the_same_objects_and_another_seed_others(dataset):
    again = generate(seed=3, scale=0.2, now=NOW, username="tekniker@demo.dk")
    other = generate(seed=4, scale=0.2, now=NOW, username="tekniker@demo.dk")
    assert again.objects == dataset.objects
    assert again.setup.users == dataset.setup.users
    assert other.objects["todo"] != dataset.objects["todo"]


def test_scale_multiplies_the_base_counts(dataset):
    counts = {kind: len(objs) for kind, objs in dataset.objects.items()}
    assert {kind: counts[kind] for kind in BASE_COUNTS} == {
        kind: round(base * 0.2) for kind, base in BASE_COUNTS.items()
    }


def test_every_object_carries_id_deleted_flag_and_stamps_in_the_past(dataset):
    for objects in dataset.objects.values():
        for obj in objects:
            assert isinstance(obj["id"], int)
            assert obj["isdeleted"] in (0, 1)
            assert DATE.fullmatch(obj["createdate"]) and DATE.fullmatch(obj["changedate"])
            assert TIME.fullmatch(obj["createtime"]) and TIME.fullmatch(obj["changetime"])
            changed = f"{obj['changedate']} {obj['changetime']}"
            assert f"{obj['createdate']} {obj['createtime']}" <= changed < NOW.isoformat(" ")


def test_positions_are_in_denmark_or_zero_for_no_location(dataset):
    places = [*dataset.objects["customer"], *dataset.objects["todo"]]
    unlocated = [p for p in places if (p["latitude"], p["longitude"]) == (0.0, 0.0)]
    assert 0.03 < len(unlocated) / len(places) < 0.2
    for place in places:
        if place not in unlocated:
            assert 54.6 <= place["latitude"] <= 57.7 and 8.1 <= place["longitude"] <= 12.6


def test_tasks_look_like_a_php_back_end_sent_them(dataset):
    todos = dataset.objects["todo"]
    customer_ids = {c["id"] for c in dataset.objects["customer"]}
    user_ids = {u["id"] for u in dataset.setup.users}
    assert all(t["customerid"] in customer_ids for t in todos)
    assert all(t["userid"] in user_ids or (t["ispool"] and t["userid"] == 0) for t in todos)
    assert all(isinstance(t["priority"], str) and isinstance(t["estimate"], str) for t in todos)
    assert all(t["isclosed"] == int(t["stateid"] in (6, 7)) for t in todos)
    assert 0.08 < sum(t["isclosed"] for t in todos) / len(todos) < 0.25
    demo_tasks = [t for t in todos if t["userid"] == dataset.setup.current_user_id]
    assert len(demo_tasks) > len(todos) / 20


def test_tools_have_homes_carriers_and_service_dates(dataset):
    tools = dataset.objects["tool"]
    demo = dataset.setup.current_user_id
    assert 0.45 < sum(1 for t in tools if t["placeofhome"]) / len(tools) < 0.75
    assert sum(1 for t in tools if t["carrier_userid"] == demo) == 2
    serviced = [t for t in tools if t["lastservice"]]
    assert all(t["lastservice"] < t["nextservice"] for t in serviced)


def test_the_demo_user_is_a_technician_logged_in_by_email(dataset):
    user = next(u for u in dataset.setup.users if u["id"] == dataset.setup.current_user_id)
    assert user["email"] == "tekniker@demo.dk"
    assert user["id"] in dataset.setup.technician_ids
    assert 1 <= len(user["teams"]) <= 2


def test_column_group_boxes_point_at_groups_of_their_page(dataset):
    groups = {group["id"]: group for group in dataset.setup.column_groups}
    for page in dataset.setup.main_pages:
        for box in page["boxes"]:
            if box["iscolumngroup"]:
                assert box["box"] == f"columngroup{box['columngroupid']}"
                assert groups[box["columngroupid"]]["objecttype"] == page["objecttype"]
    todo_page = next(p for p in dataset.setup.main_pages if p["objecttype"] == "todo")
    assert "weatherforecast" in [box["box"] for box in todo_page["boxes"]]


def _obj(object_id: int, stamp: str, **fields) -> dict:
    day, time = stamp.split(" ")
    return {"id": object_id, "changedate": day, "changetime": time, **fields}


def test_store_pages_by_change_order_and_skips_replaced_versions():
    store = KindStore([_obj(i, f"2024-01-{i:02d} 10:00:00") for i in range(1, 11)])
    first = store.changes("2024-01-03 10:00:00", 0, 3, None)
    assert [o["id"] for o in first.objects] == [3, 4, 5]
    store.save(_obj(4, "2024-02-01 08:00:00", title="new"))
    rest = store.changes("2024-01-03 10:00:00", first.resume_after or 0, 100, None)
    assert [o["id"] for o in rest.objects] == [6, 7, 8, 9, 10, 4]
    assert rest.resume_after is None


def test_store_compaction_keeps_paging_correct():
    store = KindStore([_obj(i, "2024-01-01 00:00:00") for i in range(1, 51)])
    for round_ in range(60):
        for object_id in range(1, 51):
            store.save(_obj(object_id, "2024-01-02 00:00:00", round=round_))
    seen, after = [], 0
    while True:
        page = store.changes("1970-01-01 00:00:00", after, 7, None)
        seen += page.objects
        if page.resume_after is None:
            break
        after = page.resume_after
    assert sorted(o["id"] for o in seen) == list(range(1, 51))
    assert {o["round"] for o in seen} == {59}


def test_store_refuses_a_stamp_older_than_the_last_change():
    store = KindStore([_obj(1, "2024-01-02 00:00:00")])
    with pytest.raises(ValueError):
        store.save(_obj(2, "2024-01-01 00:00:00"))


@pytest.mark.parametrize("value", [1, "1", True, "true", "yes", "Yes"])
def test_truthy_accepts_what_microbizz_accepts(value):
    assert truthy(value)


@pytest.mark.parametrize("value", [0, "0", False, "false", "no", None, ""])
def test_truthy_rejects_the_rest(value):
    assert not truthy(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2011-08-05", "2011-08-05"), ("05-08-2011", "2011-08-05"), ("5/8/2011", "2011-08-05")],
)
def test_dates_are_read_in_the_documented_forms(text, expected):
    assert date_param({"changedate": text}, "changedate", "1970-01-01") == expected


@pytest.mark.parametrize(("text", "expected"), [("18:45:00", "18:45:00"), ("18.45", "18:45:00")])
def test_times_are_read_in_the_documented_forms(text, expected):
    assert time_param({"changetime": text}, "changetime", "00:00:00") == expected


@pytest.mark.parametrize("text", ["yesterday", "2011-13-01", "2011-02-30"])
def test_a_bad_date_refuses_the_command(text):
    with pytest.raises(CommandFailed, match="Invalid changedate"):
        date_param({"changedate": text}, "changedate", "1970-01-01")


@pytest.mark.parametrize("text", ["noon", "25:00", "12:61:00"])
def test_a_bad_time_refuses_the_command(text):
    with pytest.raises(CommandFailed, match="Invalid changetime"):
        time_param({"changetime": text}, "changetime", "00:00:00")


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2025, 1, 15), -1, date(2024, 12, 15)),
        (date(2024, 2, 29), -12, date(2023, 2, 28)),
        (date(2025, 12, 31), 1, date(2026, 1, 31)),
    ],
)
def test_months_are_calendar_months(day, months, expected):
    assert shift_months(day, months) == expected


def test_the_demo_technician_sees_a_realistic_share_and_every_rule_bites():
    dataset = generate(seed=1, scale=1, now=NOW, username="tekniker@demo.dk")
    setup, todos = dataset.setup, dataset.objects["todo"]
    demo = setup.user(setup.current_user_id)
    audience = Audience.of(demo, setup.user_fields("todo"), dataset.objects["prodplanentry"], NOW)
    assert 0.3 <= sum(map(audience.sees, todos)) / len(todos) <= 0.5
    concerned = [t for t in todos if audience.concerns(t)]
    window = audience.window
    too_old = [
        t for t in concerned if f"{t['changedate']} {t['changetime']}" < window.oldest_change
    ]
    far_action = [t for t in concerned if t["nextaction"] and not window.holds(t["nextaction"])]
    assert too_old and far_action
    assert any(t["nextaction"] < window.first_day for t in far_action)
    assert any(t["nextaction"] > window.last_day for t in far_action)
    pools = [t for t in todos if t["ispool"]]
    assert pools and any(audience.sees(t) for t in pools) and not all(map(audience.concerns, pools))
    assert len(dataset.favourites[demo["id"]]) == 40
