"""A main page as data (what `fieldclient page KIND:ID --json` and the layout preview read)."""

from __future__ import annotations

import json
import logging
from datetime import datetime

import pytest

from app.core.kinds import Kind
from app.mainpage_boxes.api import BoxContext, Hidden, Shown, decide
from app.mainpage_boxes.description import DescriptionBox
from app.mainpage_boxes.page import UNKNOWN_TYPE, page_of
from app.mainpage_boxes.registry import BoxRegistry
from app.sandbox.layouts import MAIN_PAGES
from tests.sync_harness import Harness

NOW = datetime(2026, 12, 2, 10, 0)


def _first(harness: Harness, kind: Kind) -> int:
    return _ids(harness, kind, 1)[0]


def _ids(harness: Harness, kind: Kind, count: int) -> list[int]:
    return [row[0] for row in harness.core.session.rows(kind, [], order_by="id", limit=count)]


@pytest.mark.parametrize("kind", [Kind.TODO, Kind.CUSTOMER, Kind.PERSON, Kind.TOOL])
def test_every_box_of_the_page_is_listed_in_sortorder(
    kind: Kind, synced: Harness, registry: BoxRegistry
) -> None:
    object_id = _first(synced, kind)
    page = page_of(synced.core.session, kind, object_id, NOW, registry=registry)
    assert page is not None
    layout = next(p for p in MAIN_PAGES if p["objecttype"] == kind.value)
    assert [b.type for b in page.boxes] == [b["box"] for b in layout["boxes"]]
    assert [b.sortorder for b in page.boxes] == sorted(b.sortorder for b in page.boxes)
    for box in page.boxes:
        assert box.shown == (box.content is not None) == (box.reason == "")
    data = json.loads(json.dumps(page.as_json()))
    assert data["kind"] == kind.value and data["object_id"] == object_id
    assert len(data["boxes"]) == len(layout["boxes"])


def test_the_task_page_shows_its_description_and_the_third_party_box(
    synced: Harness, registry: BoxRegistry
) -> None:
    session = synced.core.session
    todo_id = _first(synced, Kind.TODO)
    task = session.object(Kind.TODO, todo_id)
    assert task is not None
    page = page_of(session, Kind.TODO, todo_id, NOW, registry=registry)
    assert page is not None
    boxes = {box.type: box for box in page.boxes}
    description = boxes["description"]
    assert description.shown and description.title == "Description"
    assert description.content == {"text": task["description"].strip(), "links": []}
    weather = boxes["weatherforecast"]
    assert weather.shown and weather.title == "Weather forecast"
    assert weather.content is not None and task["city"] in weather.content["place"]


def test_an_unknown_box_type_is_listed_hidden_and_never_built(
    synced: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Without the weather package, the sandbox's "weatherforecast" box is one no one knows."""
    registry = BoxRegistry([DescriptionBox()])
    session = synced.core.session
    with caplog.at_level(logging.INFO, logger="app.mainpage_boxes"):
        for todo_id in _ids(synced, Kind.TODO, 2):
            page = page_of(session, Kind.TODO, todo_id, NOW, registry=registry)
            assert page is not None
            weather = next(box for box in page.boxes if box.type == "weatherforecast")
            assert (weather.shown, weather.reason, weather.content) == (False, UNKNOWN_TYPE, None)
            assert weather.title == "Weather forecast"
    unknown = [r for r in caplog.records if "weatherforecast" in r.getMessage()]
    assert len(unknown) == 1


class _Failing(DescriptionBox):
    def build(self, context: BoxContext) -> Shown | Hidden:
        raise ValueError("a bug in a box")


@pytest.mark.expected_warnings("app.mainpage_boxes")
def test_a_box_that_fails_is_hidden_and_logged_and_the_page_lives_on(
    synced: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    registry = BoxRegistry([_Failing()])
    page = page_of(synced.core.session, Kind.TODO, _first(synced, Kind.TODO), NOW,
                   registry=registry)
    assert page is not None
    description = next(box for box in page.boxes if box.type == "description")
    assert not description.shown and "failed" in description.reason
    assert any(r.exc_info and "a bug in a box" in str(r.exc_info[1]) for r in caplog.records)


def test_a_page_of_an_object_that_is_not_here_is_none(
    synced: Harness, registry: BoxRegistry
) -> None:
    assert page_of(synced.core.session, Kind.TODO, 987_654_321, NOW, registry=registry) is None


def test_a_box_on_a_page_it_does_not_support_is_hidden_and_says_so(synced: Harness) -> None:
    session = synced.core.session
    customer_id = _first(synced, Kind.CUSTOMER)
    box = session.setup.main_page(Kind.TODO)[0]
    found = session.object(Kind.CUSTOMER, customer_id)
    assert found is not None
    context = BoxContext(Kind.CUSTOMER, customer_id, found, box, session, NOW)
    assert decide(DescriptionBox(), context) == Hidden("not available for customers")
