"""The layout preview's core without Qt: a layout file read with the sync's parser, the check
of a whole layout, where each problem is."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app.core.kinds import Kind
from app.mainpage_boxes.layout_check import Severity, check_layout, unreadable
from app.mainpage_boxes.registry import BoxRegistry
from app.sync.layout_file import BadLayoutFile, Fault, parse_layout
from tests.layouts import add_box, page, sandbox_layout


def test_a_layout_file_reads_as_the_sync_reads_the_server_and_names_what_it_leaves_out() -> None:
    layout = sandbox_layout()
    page(layout, "tool").append({"id": 95, "title": "No type"})
    layout["mainpages"].append({"objecttype": "ticket", "boxes": []})
    read = parse_layout(json.dumps(layout))
    assert set(read.layout.pages) == {Kind.TODO, Kind.CUSTOMER, Kind.PERSON, Kind.TOOL}
    assert [b.box for b in read.layout.pages[Kind.TOOL]] == [
        "columngroup5", "toolservice", "tooltake", "users"]
    assert sorted(read.layout.column_groups) == [1, 2, 3, 4, 5]
    assert [(e.page, e.box, e.fault) for e in read.left_out] == [
        (4, 5, Fault.NO_BOX_TYPE), (5, 0, Fault.UNKNOWN_OBJECT_TYPE)]


@pytest.mark.parametrize(("text", "fault", "line", "column"), [
    ('{"mainpages": [\n  {"objecttype": "todo",, }\n]}', Fault.NOT_JSON, 2, 25),
    ("[1, 2]", Fault.NOT_AN_OBJECT, 1, 1),
    ('{"columngroups": []}', Fault.NO_MAIN_PAGES, 1, 1),
])
def test_a_file_that_does_not_read_says_where(text: str, fault: Fault, line: int,
                                              column: int) -> None:
    with pytest.raises(BadLayoutFile) as refused:
        parse_layout(text)
    assert (refused.value.fault, refused.value.line, refused.value.column) == (
        fault, line, column)
    assert unreadable(refused.value).where() == f"line {line}, column {column}"


def test_the_check_without_local_data_finds_what_no_account_can_change() -> None:
    layout = sandbox_layout()
    add_box(layout, "customer", "tooltake", box_id=96)
    layout["columngroups"][0]["columns"] = []
    problems = check_layout(parse_layout(json.dumps(layout)).layout, BoxRegistry.installed(),
                            None)
    assert [(p.severity, p.where(), p.message) for p in problems] == [
        (Severity.WARNING, "todo page, box 1 (columngroup1, id 1)",
         "column group 1 has no columns"),
        (Severity.ERROR, "todo page, box 9 (weatherforecast, id 9)",
         "unknown box type weatherforecast: the app does not show it"),
        (Severity.ERROR, "customer page, box 8 (tooltake, id 96)",
         "a tooltake box is not available for customers"),
    ]


def test_the_check_loads_no_qt() -> None:
    """`fieldclient preview FILE --check` runs on a CI machine without a display."""
    code = ("import sys; import app.mainpage_boxes.layout_check, app.cli; "
            "sys.exit('PySide6' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
