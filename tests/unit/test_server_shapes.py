"""Server data in an unexpected shape: what a PHP back end may really send.

The app reads what is clearly meant (an associative array of objects is a list), and fails the
page for anything it does not understand: the cursor stays, the pass says so, nothing already
stored is touched, and the next good answer brings everything.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.errors import MalformedData
from app.core.kinds import Kind
from app.db.outbox import State
from app.sandbox import SandboxServer
from tests.admin import change_object, commands_sent
from tests.clock import ManualClock
from tests.reshaping import Reshaping, results_with
from tests.server_data import live_ids, server_objects
from tests.sync_harness import Harness

CUSTOMERS = "GetCustomersByLastChange"


@pytest.fixture
def harness(sandbox: SandboxServer, data_dir: Path, loop) -> Iterator[Harness]:
    harness = Harness(sandbox, data_dir, loop, clock=ManualClock(), transport=Reshaping())
    yield harness
    harness.close()


def reshape(harness: Harness, key: str, change) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(harness.transport, Reshaping)
    harness.transport.rewrite = results_with(key, change)


def as_php_array(key: str):  # type: ignore[no-untyped-def]
    """What PHP's json_encode makes of an array whose keys are not 0…n-1."""

    def change(result: dict[str, Any]) -> None:
        result[key] = {str(index * 2): obj for index, obj in enumerate(result[key])}

    return change


def test_a_list_sent_as_a_php_associative_array_is_read_as_the_list(harness: Harness) -> None:
    reshape(harness, "todos", as_php_array("todos"))
    result = harness.sync()
    assert result.ok, result.errors
    assert harness.local_ids(Kind.TODO) == live_ids(harness.server, Kind.TODO)


@pytest.mark.parametrize("shape", ["garbage", 7, None, {"id": 3, "name": "one customer"},
                                   {"0": {"id": 3}, "1": "not an object"}])
@pytest.mark.expected_warnings("app.sync.engine")
def test_a_page_in_a_shape_the_app_does_not_know_fails_and_loses_nothing(
    harness: Harness, shape: object
) -> None:
    assert harness.sync().ok
    before = harness.cursor(CUSTOMERS)
    customer = min(harness.local_ids(Kind.CUSTOMER))
    stored = harness.core.store.objects.get(Kind.CUSTOMER, customer)
    change_object(harness.server, "customer", customer, name="Nyt Navn ApS")

    def spoil(result: dict[str, Any]) -> None:
        if shape is None:
            del result["customers"]
        else:
            result["customers"] = shape

    reshape(harness, "customers", spoil)
    result = harness.sync()
    assert not result.ok
    assert "GetCustomersByLastChange has no list of 'customers'" in result.errors[CUSTOMERS]
    after = harness.cursor(CUSTOMERS)
    assert (after.changedate, after.changetime) == (before.changedate, before.changetime)
    assert harness.core.store.objects.get(Kind.CUSTOMER, customer) == stored

    harness.transport.rewrite = None  # type: ignore[union-attr]
    assert harness.sync().ok
    assert harness.core.store.objects.get(Kind.CUSTOMER, customer)["name"] == "Nyt Navn ApS"


def test_a_lazy_read_in_an_unknown_shape_fails_and_keeps_what_is_stored(
    harness: Harness,
) -> None:
    assert harness.sync().ok
    task = next(use["todoid"] for use in server_objects(harness.server, Kind.PRODUCTUSE))
    loader, store = harness.core.loader, harness.core.store
    harness.run(loader.product_use_of_task(task))
    held = store.objects.find(Kind.PRODUCTUSE, todoid=task)
    assert held
    reshape(harness, "todoitems", lambda result: result.update(todoitems="garbage"))
    harness.clock.advance(61)  # type: ignore[union-attr]
    with pytest.raises(MalformedData, match="GetProductUseByTodoID has no list of 'todoitems'"):
        harness.run(loader.product_use_of_task(task))
    assert store.objects.find(Kind.PRODUCTUSE, todoid=task) == held


@pytest.mark.expected_warnings("app.sync.engine")
def test_setup_data_in_an_unknown_shape_fails_the_pass_and_keeps_the_reminders(
    harness: Harness,
) -> None:
    assert harness.sync().ok
    reminders = harness.local_ids(Kind.STODO)
    assert reminders
    reshape(harness, "stodos", lambda result: result.update(stodos="none"))
    harness.clock.advance(2 * 3600)  # setup data is read again
    result = harness.sync()
    assert not result.ok
    assert "GetMyStodos has no list of 'stodos'" in result.message
    assert harness.local_ids(Kind.STODO) == reminders


@pytest.mark.expected_warnings("app.db.objects")
def test_ids_and_numbers_sqlite_cannot_take_neither_overwrite_nor_stop_the_sync(
    harness: Harness, strict_logs
) -> None:
    """`{"id": true}` once overwrote customer 1 and 1e30 broke every later sync."""

    def spoil(result: dict[str, Any]) -> None:
        customers = result["customers"]
        if customers:
            customers[-1] = {**customers[-1], "parentcust": 1e30}
        result["customers"] = [{"id": True, "name": "Kaprer"}, {"id": 2**64 - 1}, *customers]

    reshape(harness, "customers", spoil)
    assert harness.sync().ok
    assert harness.sync().ok
    store = harness.core.store
    assert harness.local_ids(Kind.CUSTOMER) == live_ids(harness.server, Kind.CUSTOMER)
    assert store.objects.get(Kind.CUSTOMER, 1)["name"] != "Kaprer"
    skipped = [r.getMessage() for r in strict_logs.records]
    assert skipped and all(m.startswith("Skipped 2 malformed customer") for m in skipped)


@pytest.mark.parametrize(
    ("spoil", "message"),
    [(lambda envelope: envelope.update(results=[]), "sent 0 results for 1 commands"),
     (lambda envelope: envelope["results"][0].pop("status"),
      "The server's answer to GetCustomersByLastChange has no status")],
)
@pytest.mark.expected_warnings("app.sync.engine")
def test_an_answer_without_results_or_status_is_reported_as_such(
    harness: Harness, spoil, message: str  # type: ignore[no-untyped-def]
) -> None:
    def rewrite(envelope: dict[str, Any]) -> None:
        if any(CUSTOMERS in str(result) or "customers" in result
               for result in envelope["results"]):
            spoil(envelope)

    harness.transport.rewrite = rewrite  # type: ignore[union-attr]
    result = harness.sync()
    assert not result.ok
    assert message in result.errors[CUSTOMERS]
    assert harness.cursor(CUSTOMERS).changedate == "1970-01-01"


def test_a_write_answered_without_status_is_read_back_not_failed_without_reason(
    harness: Harness,
) -> None:
    """It may have been applied: the outbox reads it back instead of asking for a resend."""
    assert harness.sync().ok
    core = harness.core
    task = min(harness.local_ids(Kind.TODO))
    harness.run(core.actions.post_note(Kind.TODO, task, "Kedlen er skiftet"))
    transport = harness.transport
    assert isinstance(transport, Reshaping)

    def once(envelope: dict[str, Any]) -> None:  # the note's answer only (not the read before)
        if "message" in envelope["results"][0]:
            envelope["results"][0].pop("status")
            transport.rewrite = None

    transport.rewrite = once
    harness.run(core.sender.run_once())
    assert not core.outbox.entries(State.FAILED)
    [entry] = core.outbox.entries(State.DONE)
    assert entry.command == "PostMessage"
    assert len(commands_sent(harness.server, "PostMessage")) == 1
