"""Where a loop stands, page by page: a loop that runs for minutes asks again, once done, from
the server time of its FIRST page, so what changed on the server while it read is read on the
next pass; a killed sync resumes from the last page's resumekey."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.in_dir(tmp_path)
    yield store
    store.close()


def test_a_loop_keeps_its_first_pages_time_and_counts_its_pages(store: Store) -> None:
    cursors = store.cursors
    for page, (time, key) in enumerate([("10:00:00", "r1"), ("10:03:00", "r2"),
                                        ("10:07:00", "r3")]):
        store.write_blocking(cursors.page_committed, "todos", resumekey=key,
                             loop_date="2026-12-07", loop_time=time, objects=500 + page)
    under_way = cursors.get("todos")
    assert (under_way.resumekey, under_way.loop_time) == ("r3", "10:00:00")
    assert (under_way.pages, under_way.objects) == (3, 1503)

    store.write_blocking(cursors.loop_completed, "todos", date=under_way.loop_date or "",
                         time=under_way.loop_time or "", finished_at="2026-12-07 10:09")
    store.write_blocking(cursors.page_committed, "todos", resumekey="n1",
                         loop_date="2026-12-07", loop_time="11:00:00", objects=7)
    next_loop = cursors.get("todos")
    assert (next_loop.changetime, next_loop.loop_time) == ("10:00:00", "11:00:00")
    assert (next_loop.pages, next_loop.objects) == (1, 7)
