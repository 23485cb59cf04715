"""Once the window is up, the interpreter runs no full collection by itself: one during a first
sync walked the pages in flight for 18-30 ms, a stall of the window whichever thread it ran on.
The window runs one when a sync pass has ended (app/core/interpreter.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from app.core.interpreter import settle_for_a_window


@pytest.fixture
def full_collections(interpreter_as_it_was: None) -> Iterator[list[int]]:
    """The collector's passes of the oldest generation, as they happen."""
    seen: list[int] = []

    def heard(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            seen.append(2)

    gc.callbacks.append(heard)
    yield seen
    gc.callbacks.remove(heard)


def _pages_in_flight(pages: int) -> None:
    """Pages of objects alive across collections, as the decoder's and the writer's are, and
    the cyclic garbage answers leave: what makes the interpreter start full collections."""
    in_flight: list[list[dict[str, object]]] = []
    for _ in range(pages):
        in_flight.append([{"id": n, "tags": []} for n in range(500)])
        for _ in range(500):
            cycle: list[object] = []
            cycle.append(cycle)


def test_a_window_runs_the_full_collections_between_passes_not_the_interpreter(
    full_collections: list[int],
) -> None:
    collections = settle_for_a_window()
    collections.heard(True)  # a pass starts
    _pages_in_flight(400)
    assert full_collections == []
    collections.heard(True)  # still running: progress, not an end
    assert full_collections == []
    collections.heard(False)  # the pass has ended
    assert full_collections == [2]
    collections.heard(False)  # an idle window's progress collects nothing more
    assert full_collections == [2]
