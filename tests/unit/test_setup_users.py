"""The users a page names (GetUsers) reach the session in every setup pass."""

from __future__ import annotations

from pathlib import Path

from app.sandbox import SandboxServer
from tests.sync_harness import Harness


def test_a_sync_brings_each_users_name_phone_and_e_mail(
    sandbox: SandboxServer, data_dir: Path, loop
) -> None:
    harness = Harness(sandbox, data_dir, loop)
    try:
        assert harness.sync().ok
        setup = harness.core.session.setup
        for staff in sandbox.state.setup.users:
            user = setup.user(staff["id"])
            assert user is not None
            assert (user.name, user.email, user.phone) == (
                staff["name"], staff["email"], staff["phone"])
    finally:
        harness.close()
