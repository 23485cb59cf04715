"""The page objects as a tester leans on them: a refusal says why in words, a failed sync is
reported rather than raised, and what a box shows reads as its lines."""

from __future__ import annotations

import pytest

from app.testkit import FieldClientApp, Sandbox


def test_a_box_pressed_while_it_cannot_be_says_why(fieldclient_app: FieldClientApp,
                                                   fieldclient_sandbox: Sandbox) -> None:
    page = fieldclient_app.open("todo", fieldclient_sandbox.object_showing("checklist"))
    checklist = page.box("checklist")
    first = next(iter(checklist.checkboxes()))
    assert checklist.text()[0] == "Checklist" and first in checklist.text()
    assert checklist.text()[-1] == "Check in to tick the checklist"
    with pytest.raises(RuntimeError, match=f"the button '{first}' is disabled"):
        checklist.tick(first)
    with pytest.raises(LookupError, match="no button 'Sign'; the buttons are"):
        page.press("Sign")
    assert page.pending == "" and fieldclient_app.outbox.unsent == 0


@pytest.mark.expected_warnings("app.sync")
def test_a_failed_sync_is_reported_and_the_next_one_recovers(
    fieldclient_app: FieldClientApp, fieldclient_sandbox: Sandbox
) -> None:
    fieldclient_sandbox.fault("http_500")
    failed = fieldclient_app.sync()
    assert failed.last_error is not None and "500" in failed.last_error
    assert fieldclient_app.sync().last_error is None
