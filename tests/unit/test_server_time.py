"""Times sent with an action follow the server's clock, not the laptop's.

The sandbox's clock is fixed at SERVER_NOW; the laptop's runs two hours fast. Every answer
tells the app the server's time, so a check-in carries the server's time, the outbox entry
keeps both, and a restart without a network still knows the offset.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.core.clock import ServerTime
from app.core.kinds import Kind
from app.db.outbox import State
from app.sandbox import SandboxServer
from tests.admin import commands_sent
from tests.clock import ManualClock
from tests.sync_harness import Harness

SERVER_NOW = datetime(2026, 12, 2, 10, 0, 0)
LAPTOP_AHEAD = timedelta(hours=2)


@pytest.fixture
def harness(data_dir: Path, loop) -> Iterator[Harness]:
    with SandboxServer(seed=7, scale=0.05, page_size=20, clock=lambda: SERVER_NOW) as server:
        harness = Harness(server, data_dir, loop, clock=ManualClock(SERVER_NOW + LAPTOP_AHEAD))
        yield harness
        harness.close()


def test_a_check_in_made_on_a_laptop_two_hours_fast_carries_the_servers_time(
    harness: Harness,
) -> None:
    assert harness.sync().ok
    core = harness.core
    task = min(harness.local_ids(Kind.TODO))
    harness.run(core.actions.check_in(Kind.TODO, task, 55.67, 12.56))
    [entry] = core.outbox.entries(State.PENDING)
    assert entry.created == "2026-12-02 12:00:00"  # the laptop's own time, as it saw it
    assert entry.created_server == "2026-12-02 10:00:00"
    harness.run(core.sender.run_once())
    [sent] = commands_sent(harness.server, "DoCheckIn")
    assert (sent["checkindate"], sent["checkintime"]) == ("2026-12-02", "10:00:00")


def test_a_restart_without_a_network_still_stamps_with_the_servers_time(
    harness: Harness,
) -> None:
    assert harness.sync().ok
    harness.restart()  # no request is made after this
    assert harness.core.server_time.offset == -LAPTOP_AHEAD.total_seconds()
    task = min(harness.local_ids(Kind.TODO))
    harness.run(harness.core.actions.attach_photo(Kind.TODO, task, "Tavle", b"\xff\xd8"))
    [photo] = harness.core.outbox.entries(State.PENDING)
    assert (photo.params["createdate"], photo.params["createtime"]) == ("2026-12-02",
                                                                      "10:00:00")


@pytest.mark.parametrize(("server_ahead", "seconds_taken", "offset"), [
    (0, 0.2, 0), (3, 0.1, 0), (-4.4, 0.0, 0),  # noise: the stamp is cut to the second
    (5, 0.3, 5), (-7200, 0.4, -7200), (-7200, 2.5, -7200), (90.6, 0, 91),
])
def test_the_offset_is_measured_from_when_the_request_left_and_noise_is_ignored(
    server_ahead: float, seconds_taken: float, offset: int
) -> None:
    device = ManualClock(SERVER_NOW)
    server_time = ServerTime(device, offset=123)
    # The server stamped the request when it arrived, just after it left the device.
    left = device.now() - timedelta(seconds=seconds_taken)
    server_time.observe(left + timedelta(seconds=server_ahead), seconds_taken)
    assert server_time.offset == offset
    assert server_time.now() == device.now() + timedelta(seconds=offset)
    server_time.observe(None, 0.1)  # an answer without a valid stamp tells nothing
    assert server_time.offset == offset
