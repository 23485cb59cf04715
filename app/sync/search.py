"""Finding objects by what a technician types: the store's index asked, the results typed.

Read on the calling thread like every Session read (the index is part of the store, so WAL
lets the search run while a sync writes), and fast enough to run on each keystroke
(bench/search.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import orjson

from app.core.kinds import Kind
from app.core.searchable import SEARCHED_KINDS, matched_field, title_line, tokens
from app.db import Store


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One found object: its one-line `title`, and the field that matched when the title does
    not show it (`field` is the object's key, e.g. "phone" or "custom101"; "" when the title
    shows the match) with that field's `text`."""

    kind: Kind
    id: int
    title: str
    field: str = ""
    text: str = ""


SearchResults = Mapping[Kind, tuple[SearchHit, ...]]


def search(store: Store, text: str, limit_per_kind: int) -> SearchResults:
    """Objects with a word beginning with each word of `text`, grouped by kind in the order
    of SEARCHED_KINDS (kinds without a result left out); empty for text without a word."""
    words = tokens(text)
    if not words:
        return {}
    queries = [words]
    if len(words) > 1 and all(word.isdigit() for word in words):
        queries.append(["".join(words)])  # "23 45 67" is also the phone number 234567…
    every_word = [word for query in queries for word in query]
    results: dict[Kind, tuple[SearchHit, ...]] = {}
    for kind in SEARCHED_KINDS:
        ids = store.search.find(kind, queries, limit_per_kind)
        if ids:
            results[kind] = _hits(store, kind, ids, every_word)
    return results


def _hits(store: Store, kind: Kind, ids: list[int], words: list[str]) -> tuple[SearchHit, ...]:
    cursor = store.database.execute_sql(
        f'SELECT id, data FROM "{kind.value}" WHERE id IN (SELECT value FROM json_each(?))',
        (orjson.dumps(ids).decode(),),
    )
    objects = {row[0]: orjson.loads(row[1]) for row in cursor.fetchall()}
    hits = []
    for object_id in ids:
        obj = objects.get(object_id)
        if obj is None:  # removed between the two reads
            continue
        title, shown = title_line(kind, obj)
        match = matched_field(kind, obj, words, skip=shown)
        field, value = match or ("", "")
        hits.append(SearchHit(kind, object_id, title, field, value))
    return tuple(hits)
