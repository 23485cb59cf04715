"""Setup answers in the shapes a PHP back end may really send: an odd entry is skipped, an odd
answer reads as empty, and nothing fails (setup data never stops a sync or a page)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from app.api import setup_shapes as shapes
from app.core.kinds import Kind

GARBAGE: tuple[Any, ...] = (None, 7, "x", [], {}, [None, 3, "y"], {"1": "no"})


@pytest.mark.parametrize("answer", GARBAGE)
def test_a_malformed_answer_reads_as_nothing(answer: Any) -> None:
    for key in ("mainpages", "columngroups", "customfields", "states", "checkpoints", "types",
                "users"):
        wrapped = {key: answer}
        assert not shapes.read_main_pages(wrapped)
        assert not shapes.read_column_groups(wrapped)
        assert not shapes.read_custom_fields(wrapped)
        assert not shapes.read_task_states(wrapped)
        assert not shapes.read_checkpoints(wrapped)
        assert not shapes.read_tool_types(wrapped)
        assert not shapes.read_users(wrapped)
    assert shapes.read_checkin(answer) is None
    assert shapes.current_user_id(answer) == 0
    assert shapes.read_mobile_app_settings(answer).functions == frozenset()


def test_main_page_boxes_sort_and_skip_what_has_no_type() -> None:
    pages = shapes.read_main_pages({"mainpages": [
        {"objecttype": "todo", "boxes": [
            {"id": "3", "box": "address", "title": "Adresser", "sortorder": "20"},
            {"id": 4, "box": "", "sortorder": 5},
            "garbage",
            {"id": 5, "box": "columngroup2", "title": "Kunde", "iscolumngroup": "1",
             "columngroupid": "2", "sortorder": 10},
        ]},
        {"objecttype": "Customers", "boxes": {"7": {"id": 7, "box": "persons", "sortorder": 1}}},
        {"objecttype": "spaceship", "boxes": [{"id": 8, "box": "address"}]},
        {"boxes": "none"},
    ]})
    assert set(pages) == {Kind.TODO, Kind.CUSTOMER}
    group, address = pages[Kind.TODO]
    assert (group.box, group.iscolumngroup, group.columngroupid) == ("columngroup2", True, 2)
    assert (address.id, address.title, address.sortorder) == (3, "Adresser", 20)
    assert [box.box for box in pages[Kind.CUSTOMER]] == ["persons"]


def test_column_groups_and_custom_fields_skip_entries_without_an_id_or_field() -> None:
    groups = shapes.read_column_groups({"columngroups": [
        {"id": 2, "title": "Kunde", "objecttype": "todo", "columns": [
            {"field": "city", "title": "By"}, {"title": "no field"}, None]},
        {"id": "abc", "title": "bad id"},
    ]})
    [(group_id, group)] = groups.items()
    assert group_id == 2 and [(c.field, c.type) for c in group.columns] == [("city", "string")]

    fields = shapes.read_custom_fields({"customfields": {
        "customers": [{"id": 201, "title": "Aftale", "type": "3", "options": ["A", 2],
                       "visibility": "1,2"}, {"id": -1}],
        "tools": "none",
    }})
    [(field_id, field)] = fields.items()
    assert (field_id, field.kind, field.type, field.options, field.visibility) == (
        201, Kind.CUSTOMER, 3, ("A", "2"), frozenset({1, 2}))
    flat = shapes.read_custom_fields({"customfields": [{"id": 9, "objecttype": "tools"}]})
    assert flat[9].kind == Kind.TOOL


def test_a_check_in_needs_its_object_and_reads_its_moment() -> None:
    open_on_customer = {"ischeckedin": "1", "checkinid": "12", "checkin": {
        "objecttype": "Customer", "customerid": "4", "checkindate": "2026-11-22",
        "checkintime": "08:15:00"}}
    checkin = shapes.read_checkin(open_on_customer, [3, "5", "x"])
    assert checkin is not None
    assert (checkin.kind, checkin.object_id, checkin.checkin_id, checkin.ticked) == (
        Kind.CUSTOMER, 4, 12, frozenset({3, 5}))
    assert checkin.since == datetime(2026, 11, 22, 8, 15)
    assert shapes.read_checkin({**open_on_customer, "ischeckedin": 0}) is None
    assert shapes.read_checkin({"ischeckedin": 1, "checkin": {"objecttype": "Todo"}}) is None
    undated = shapes.read_checkin({"ischeckedin": 1, "checkin": {"todoid": 9, "id": 2}})
    assert undated is not None and (undated.kind, undated.checkin_id, undated.since) == (
        Kind.TODO, 2, None)
