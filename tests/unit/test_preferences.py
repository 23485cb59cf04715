"""The technician's choices as the app's services act on them (the Settings dialog's tests
show the same from the window)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.kinds import Kind
from app.sandbox import SandboxServer
from tests.admin import commands_sent
from tests.sync_harness import Harness


@pytest.fixture
def harness(sandbox: SandboxServer, data_dir: Path, loop) -> Iterator[Harness]:
    harness = Harness(sandbox, data_dir, loop)
    assert harness.sync().ok
    yield harness
    harness.close()


def test_photos_go_on_a_metered_line_once_they_need_not_wait(harness: Harness) -> None:
    core = harness.core
    core.monitor.network_changed(True, metered=True)
    task = min(core.store.objects.ids(Kind.TODO))
    harness.run(core.actions.attach_photo(Kind.TODO, task, "Måler", b"\xff\xd8\xff\xe0jpeg"))
    assert harness.run(core.sender.run_once()).attachments_waiting == 1
    assert not commands_sent(harness.server, "AddPhotoToTodo")

    harness.run(core.preferences.set_photos_wait_on_metered(False))
    harness.run(core.sender.run_once())
    assert len(commands_sent(harness.server, "AddPhotoToTodo")) == 1


def test_choices_are_kept_across_a_restart_and_bad_ones_refused(harness: Harness) -> None:
    preferences = harness.core.preferences
    assert (preferences.sync_interval_minutes, preferences.log_level, preferences.language,
            preferences.task_notices, preferences.photos_wait_on_metered) == (
        10, None, "system", True, True)
    harness.run(preferences.set_sync_interval_minutes(30))
    harness.run(preferences.set_language("da"))
    harness.run(preferences.set_task_notices(False))
    with pytest.raises(ValueError):
        harness.run(preferences.set_log_level("LOUD"))
    with pytest.raises(ValueError):
        harness.run(preferences.set_sync_interval_minutes(0))
    harness.restart()
    preferences = harness.core.preferences
    assert (preferences.sync_interval_minutes, preferences.language,
            preferences.task_notices) == (30, "da", False)
    assert harness.core.scheduler.interval_minutes == 30  # the scheduler starts with it
