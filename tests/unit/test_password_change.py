"""The office changes the password: the app says so instead of waiting silently, and the new
password, once the server accepts it, is kept and sends what waited (sandbox over loopback)."""

from __future__ import annotations

import pytest

from app.core.kinds import Kind
from app.sandbox.credentials import DEMO_CREDENTIALS
from app.sync.signin import SignInRefused
from app.sync.status import Indicator
from tests.admin import change_password, commands_sent
from tests.sync_harness import Harness

NEW_PASSWORD = "forår-2027"
REFUSED = "The server no longer accepts your password (Invalid login: "


@pytest.fixture
def harness(sandbox, data_dir, loop):
    harness = Harness(sandbox, data_dir, loop)
    assert harness.sync().ok
    yield harness
    harness.close()


def kept_password(harness: Harness) -> str:
    controls = harness.core.session.controls
    return controls.accounts.credentials(controls.account).password


@pytest.mark.expected_warnings("app.sync")
def test_a_changed_password_stops_sending_until_the_new_one_is_entered(harness, sandbox) -> None:
    core = harness.core
    controls = core.session.controls
    customer = min(core.store.objects.ids(Kind.CUSTOMER))
    harness.run(core.actions.post_note(Kind.CUSTOMER, customer, "Nøglen ligger i boksen"))
    change_password(sandbox, NEW_PASSWORD)
    harness.run(core.sender.run_once())
    status = controls.status
    assert status.login_refused is not None and status.login_refused.startswith(REFUSED)
    assert Indicator.FAILED in status.active
    assert core.outbox.unsent_count() == 1

    with pytest.raises(SignInRefused, match=r"^The server did not accept the login: Invalid"):
        harness.run(controls.change_password("forkert"))
    assert kept_password(harness) == DEMO_CREDENTIALS.password
    assert controls.status.login_refused is not None
    with pytest.raises(SignInRefused, match=r"^Enter the new password\.$"):
        harness.run(controls.change_password(""))

    harness.run(controls.change_password(NEW_PASSWORD))
    assert kept_password(harness) == NEW_PASSWORD
    assert controls.status.login_refused is None
    harness.run(core.sender.run_once())
    assert [c["message"]["message"] for c in commands_sent(sandbox, "PostMessage")] == [
        "Nøglen ligger i boksen"]
    assert core.outbox.unsent_count() == 0
    assert Indicator.FAILED not in controls.status.active


@pytest.mark.expected_warnings("app.sync")
def test_a_sync_refused_for_the_login_says_so_until_the_new_password(harness, sandbox) -> None:
    controls = harness.core.session.controls
    change_password(sandbox, NEW_PASSWORD)
    assert not harness.sync().ok
    refused = controls.status.login_refused
    assert refused is not None and refused.startswith(REFUSED)

    harness.run(controls.change_password(NEW_PASSWORD))
    assert controls.status.login_refused is None
    assert harness.sync().ok
    assert controls.status.login_refused is None
