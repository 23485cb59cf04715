"""`fieldclient preview FILE`: the layout check an office runs in its own CI, the report of
every page, and a picture of each page, from the command line as they would run it."""

from __future__ import annotations

import json
import struct
from pathlib import Path

from app.sandbox import SandboxServer
from tests.admin import set_functions
from tests.e2e.test_cli import run_cli, sync_named_server
from tests.layouts import add_box, page, sandbox_layout, save


def test_check_names_each_problem_where_it_is_and_fails_on_errors(tmp_path: Path) -> None:
    layout = sandbox_layout()
    add_box(layout, "person", "checklist", box_id=93)
    add_box(layout, "todo", "columngroup9", box_id=92, group=9)
    layout["mainpages"].append({"objecttype": "ticket", "boxes": []})
    page(layout, "tool").append({"id": 95, "title": "No type"})
    path = tmp_path / "layout.json"
    save(path, layout)

    checked = run_cli("preview", str(path), "--check", "--data-dir", str(tmp_path / "none"))
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    assert lines == [
        f"{path}: error: box 5 of page 4 of the file has no type (\"box\"): it is left out",
        f"{path}: error: page 5 of the file is for \"ticket\", not todo, customer, person or "
        "tool: it is left out",
        f"{path}: error: todo page, box 9 (weatherforecast, id 9): unknown box type "
        "weatherforecast: the app does not show it",
        f"{path}: error: todo page, box 10 (columngroup9, id 92): column group 9 does not exist",
        f"{path}: error: person page, box 4 (checklist, id 93): a checklist box is not "
        "available for persons",
        f"{path}: 5 error(s), 0 warning(s)",
    ]
    assert "functions and fields were not checked" in checked.stderr

    save(path, '{"mainpages": [\n  {"objecttype": "todo" "boxes": []}\n]}')
    broken = run_cli("preview", str(path), "--check")
    assert broken.returncode == 1
    assert broken.stdout.splitlines()[0] == (
        f"{path}:2:25: error: this is not valid JSON (Expecting ',' delimiter)")

    only_warnings = sandbox_layout()
    only_warnings["mainpages"] = [p for p in only_warnings["mainpages"]
                                  if p["objecttype"] in ("customer", "person", "tool")]
    save(path, only_warnings)
    warned = run_cli("preview", str(path), "--check", "--data-dir", str(tmp_path / "none"))
    assert warned.returncode == 0, warned.stdout
    assert warned.stdout.splitlines() == [
        f"{path}: warning: todo page: no main page: the pages of tasks show no boxes",
        f"{path}: 0 error(s), 1 warning(s)",
    ]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_report_and_export_show_every_page_on_the_accounts_objects(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    set_functions(sandbox, ToolTake=False)
    data_dir = tmp_path / "data"
    assert sync_named_server(sandbox, data_dir).returncode == 0
    layout = sandbox_layout()
    layout["columngroups"][0]["columns"].append(
        {"field": "nosuchfield", "title": "Nothing", "type": "string"})
    path = tmp_path / "layout.json"
    save(path, layout)
    report, pictures = tmp_path / "report.json", tmp_path / "pages"

    run = run_cli("preview", str(path), "--data-dir", str(data_dir), "--check",
                  "--report", str(report), "--export", str(pictures))
    assert run.returncode == 1, run.stderr  # the weather forecast box: an error
    assert f"{path}: warning: todo page, box 1 (columngroup1, id 1): no tasks have the field " \
           "nosuchfield (column \"Nothing\")" in run.stdout
    assert f"{path}: warning: tool page, box 3 (tooltake, id 22): function ToolTake is off " \
           "for this account: the box is never shown" in run.stdout

    written = json.loads(report.read_text())
    assert (written["errors"], written["warnings"]) == (1, 2)
    assert set(written["kinds"]) == {"todo", "customer", "person", "tool"}
    for kind, found in written["kinds"].items():
        assert found["objects"], f"no {kind} to show the page on"
        for shown in found["objects"]:
            boxes = shown["boxes"]
            assert [b["position"] for b in boxes] == list(range(1, len(boxes) + 1))
            assert all(b["reason"] for b in boxes if not b["shown"])  # each hidden says why
    todo = written["kinds"]["todo"]["objects"]
    weather = {b["type"]: b for b in todo[0]["boxes"]}["weatherforecast"]
    assert (weather["shown"], weather["reason"]) == (False, "unknown box type")
    assert weather["problems"] == ["unknown box type weatherforecast: the app does not show it"]
    tool = {b["type"]: b for b in written["kinds"]["tool"]["objects"][0]["boxes"]}
    assert (tool["tooltake"]["shown"], tool["tooltake"]["reason"]) == (
        False, "function ToolTake is off")
    # the objects make each box show and hide: some task shows the description, some hides it
    shown_for = {b["type"] for o in todo for b in o["boxes"] if b["shown"]}
    assert {"description", "checklist", "address"} <= shown_for

    names = sorted(p.name for p in pictures.iterdir())
    assert names == [f"preview-{kind}.png" for kind in ("customer", "person", "todo", "tool")]
    for picture in pictures.iterdir():
        width, height = _png_size(picture)
        assert width >= 700 and height >= 400


def test_preview_opens_the_window_on_a_file_over_the_sandbox(tmp_path: Path) -> None:
    """`fieldclient --sandbox --preview FILE`: the preview window (its picture, 1100 by 760,
    not the main window's 1100 by 680) on the demo data, after the first sync."""
    layout = sandbox_layout()
    add_box(layout, "todo", "columngroup9", box_id=92, group=9)
    path, picture = tmp_path / "layout.json", tmp_path / "preview.png"
    save(path, layout)
    shown = run_cli("--sandbox", "--sandbox-scale", "0.05", "--preview", str(path),
                    "--quit-after-sync", "--screenshot", str(picture), "--log-level", "ERROR")
    assert shown.returncode == 0, shown.stderr
    assert _png_size(picture) == (1100, 760)
