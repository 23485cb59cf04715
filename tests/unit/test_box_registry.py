"""Box plugins are found by entry point; a broken or unknown one never breaks a page."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from app.core.changes import ChangeSet
from app.core.kinds import Kind
from app.mainpage_boxes.api import BoxContent, Concerns
from app.mainpage_boxes.description import DescriptionBox
from app.mainpage_boxes.links import linked_html, links_in
from app.mainpage_boxes.registry import ENTRY_POINT_GROUP, BoxRegistry
from tests.plugins import put_on_path, write_dist_info


def test_the_built_in_description_box_is_registered_by_its_entry_point() -> None:
    registry = BoxRegistry.installed()
    assert isinstance(registry.plugin_for("description"), DescriptionBox), (
        "entry points live in the installed metadata: reinstall after pulling (pip install -e .)"
    )


@pytest.mark.expected_warnings("app.mainpage_boxes.registry")
def test_a_plugin_that_fails_to_load_is_logged_once_and_left_out(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_dist_info(tmp_path, "broken-boxes", "1.0", {ENTRY_POINT_GROUP: {
        "missing": "no_such_module_for_boxes:Box",
        "notabox": "json:dumps",
        "sameasbuiltin": "app.mainpage_boxes.description:DescriptionBox",
    }})
    with put_on_path(tmp_path), caplog.at_level(logging.WARNING):
        registry = BoxRegistry.installed()
    assert [type(p) for p in registry.plugins].count(DescriptionBox) == 1
    assert isinstance(registry.plugin_for("description"), DescriptionBox)
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("app.mainpage")]
    assert len(messages) == 3
    assert any("no_such_module_for_boxes:Box" in m and "could not be loaded" in m
               for m in messages)
    assert any("json:dumps" in m and "not a BoxPlugin" in m for m in messages)
    assert any("sameasbuiltin" in m and "already shows 'description'" in m for m in messages)


def test_an_unknown_box_type_is_logged_once_per_type(caplog: pytest.LogCaptureFixture) -> None:
    registry = BoxRegistry([DescriptionBox()])
    with caplog.at_level(logging.INFO, logger="app.mainpage_boxes"):
        for _page in range(3):
            assert registry.plugin_for("weatherforecast") is None
            assert registry.plugin_for("parkinginfo") is None
    logged = [r.getMessage() for r in caplog.records]
    assert len(logged) == 2
    assert "'weatherforecast'" in logged[0] and "'parkinginfo'" in logged[1]


def test_concerns_match_only_the_named_objects_kinds_and_settings() -> None:
    concerns = Concerns({Kind.TODO: frozenset({7}), Kind.STODO: None},
                        settings=frozenset({"setup.GetCheckpoints"}))
    assert concerns.matches(ChangeSet.single(Kind.TODO, changed=[7]))
    assert concerns.matches(ChangeSet.single(Kind.TODO, removed=[7]))
    assert concerns.matches(ChangeSet.single(Kind.STODO, added=[123]))
    assert concerns.matches(ChangeSet(settings=frozenset({"setup.GetCheckpoints"})))
    assert not concerns.matches(ChangeSet.single(Kind.TODO, changed=[8]))
    assert not concerns.matches(ChangeSet.single(Kind.CUSTOMER, changed=[7]))
    assert not concerns.matches(ChangeSet(settings=frozenset({"setup.GetMainPages"})))


@dataclass(frozen=True, slots=True)
class _Line(BoxContent):
    label: str
    when: datetime


@dataclass(frozen=True, slots=True)
class _Lines(BoxContent):
    day: date
    kinds: frozenset[Kind]
    lines: tuple[_Line, ...]


def test_box_content_turns_into_json() -> None:
    content = _Lines(date(2026, 12, 2), frozenset({Kind.TODO}),
                     (_Line("Ring kunden", datetime(2026, 12, 2, 9, 30)),))
    assert json.loads(json.dumps(content.as_json())) == {
        "day": "2026-12-02",
        "kinds": ["todo"],
        "lines": [{"label": "Ring kunden", "when": "2026-12-02T09:30:00"}],
    }


def test_web_and_mail_addresses_in_text_become_links() -> None:
    text = "Se www.vvs-hansen.dk/manual, eller skriv til kontor@vvs-hansen.dk.\nhttps://x.dk/a?b=1"
    assert links_in(text) == (
        "https://www.vvs-hansen.dk/manual", "mailto:kontor@vvs-hansen.dk", "https://x.dk/a?b=1"
    )
    assert linked_html("1 < 2\n<b>") == "1 &lt; 2<br>&lt;b&gt;"
    assert '<a href="mailto:kontor@vvs-hansen.dk">kontor@vvs-hansen.dk</a>.' in linked_html(text)


def test_plugins_and_pages_as_data_need_no_qt() -> None:
    """`fieldclient page --json` and the preview's report run where Qt cannot (a server, CI)."""
    code = (
        "import sys\n"
        "from app.mainpage_boxes.page import page_of\n"
        "from app.mainpage_boxes.registry import BoxRegistry\n"
        "assert BoxRegistry.installed().plugin_for('description') is not None\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'shiboken6'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"


def test_a_registry_found_on_first_use_loads_the_plugins_only_when_asked() -> None:
    # The desktop's registry: a cold start paints its window before the plugins are imported,
    # and the first page still finds every box. A fresh interpreter, so nothing is loaded yet.
    probe = (
        "import json, sys; from app.mainpage_boxes.registry import BoxRegistry; "
        "registry = BoxRegistry.installed_on_first_use(); "
        "before = 'app.mainpage_boxes.checklist' in sys.modules; "
        "found = type(registry.plugin_for('checklist')).__name__; "
        "print(json.dumps([before, found, len(registry.plugins)]))"
    )
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parents[2]).stdout
    before, found, count = json.loads(output)
    assert before is False
    assert found == "ChecklistBox"
    assert count == len(BoxRegistry.installed().plugins)
