"""A technician's visit, as a tester checks it against the contract's set-up: open a task with
a checklist, check in, tick the checklist, check out, and see the calls reach the server.

Runs with `pytest examples/` once the app is installed with its test extra
(`pip install "fieldclient[test]"`): the `fieldclient_*` fixtures come with it.
"""

import pytest


@pytest.mark.fieldclient_sandbox(seed=7, scale=0.05)
def test_check_in_tick_the_checklist_and_check_out(fieldclient_app, fieldclient_sandbox):
    task = fieldclient_sandbox.object_showing("checklist", "todo")
    page = fieldclient_app.open("todo", task)
    checklist = page.box("checklist")
    first, second, *_ = checklist.checkboxes()
    assert not checklist.is_enabled(first)  # ticking waits for a check-in

    page.check_in()
    assert page.checked_in
    checklist.tick(first)
    checklist.tick(second)
    page.check_out()

    fieldclient_app.outbox.wait_until_sent()
    assert page.pending == ""
    (checkin,) = fieldclient_sandbox.commands_sent("DoCheckIn")
    assert checkin["objectid"] == task
    (checkout,) = fieldclient_sandbox.commands_sent("DoCheckOut")
    assert len(checkout["checkpoints"]) == 2


def test_the_office_renames_the_task_and_a_sync_brings_it(fieldclient_app, fieldclient_sandbox):
    task = fieldclient_app.ids("todo")[0]
    page = fieldclient_app.open("todo", task)
    fieldclient_sandbox.change_object("todo", task, title="Ny titel fra kontoret")
    assert fieldclient_app.sync().last_error is None
    assert page.heading.endswith("· Ny titel fra kontoret")


def test_a_state_only_the_office_may_set_is_refused_and_listed(fieldclient_app):
    page = fieldclient_app.open("todo", fieldclient_app.ids("todo")[0])
    page.set_state("Annulleret")  # the back office keeps cancelling for itself
    fieldclient_app.outbox.wait_until_sent()
    assert "failed" in fieldclient_app.indicators.shown()
    (failed,) = fieldclient_app.outbox.failed_calls()
    assert "CreateUpdateTodo" in failed.detail and "is not allowed" in failed.detail

    fieldclient_app.outbox.discard()
    assert fieldclient_app.outbox.unsent == 0
    assert "failed" not in fieldclient_app.indicators.shown()
