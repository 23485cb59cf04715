"""Each step of the sync plan is recorded when a pass runs it: when, how long, how it ended,
so the sync status page can list the whole plan."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.sandbox import SandboxServer
from app.sync.plan import LOOPS
from app.sync.step_log import FIRST_CALLS_STEP, PLAN_STEPS, SETUP_CALLS_STEP, StepLog
from tests.admin import fault
from tests.sync_harness import Harness


@pytest.fixture
def harness(sandbox: SandboxServer, data_dir: Path, loop) -> Iterator[Harness]:
    harness = Harness(sandbox, data_dir, loop)
    yield harness
    harness.close()


def test_a_pass_records_every_step_it_ran_with_its_time_and_outcome(harness: Harness) -> None:
    assert harness.sync().ok
    runs = StepLog(harness.core.store).last_runs()
    ran = {FIRST_CALLS_STEP, SETUP_CALLS_STEP, *(step.key for step in LOOPS
                                                 if not step.reads_companies)}
    ran |= {"registrations-60-days", "calendar-month-around", "calendar-day-30-ahead"}
    assert ran <= runs.keys()
    assert runs.keys() <= {step.key for step in PLAN_STEPS}
    for key in ran:
        assert runs[key].ok and runs[key].finished and runs[key].seconds >= 0, key
    assert runs["GetTodosByLastChange"].seconds > 0  # it paged through the tasks


@pytest.mark.expected_warnings("app.sync.engine")
def test_a_failing_step_keeps_its_error_and_the_others_their_success(harness: Harness) -> None:
    assert harness.sync().ok
    fault(harness.server, "http_500", times=100, command="GetCustomersByLastChange")
    assert not harness.sync().ok
    runs = StepLog(harness.core.store).last_runs()
    assert runs["GetCustomersByLastChange"].error
    assert runs["GetTodosByLastChange"].ok
    # The setup tier was not due in the second pass: its first run stays on record.
    harness.restart()
    assert StepLog(harness.core.store).last_runs()[SETUP_CALLS_STEP].ok


def test_the_plan_steps_have_readable_unique_names() -> None:
    keys = [step.key for step in PLAN_STEPS]
    names = [step.english for step in PLAN_STEPS]
    assert len(set(keys)) == len(keys) and len(set(names)) == len(names)
    assert all(" " in name for name in names)  # words, not command names
