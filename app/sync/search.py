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
    """Objects with a word beginning with each word of `text`, grouped by kind (kinds without
    a result left out); empty for text without a word. The kinds whose number or name matched
    come first, so a customer's name brings the customer before the tasks at that customer;
    otherwise the order of SEARCHED_KINDS (tasks, customers, persons, equipment)."""
    words = tokens(text)
    if not words:
        return {}
    queries = [words]
    if len(words) > 1 and all(word.isdigit() for word in words):
        queries.append(["".join(words)])  # "23 45 67" is also the phone number 234567…
    every_word = [word for query in queries for word in query]
    found = {kind: store.search.find(kind, queries, limit_per_kind) for kind in SEARCHED_KINDS}
    ranked = sorted((kind for kind in SEARCHED_KINDS if found[kind].ids),
                    key=lambda kind: not found[kind].in_head)
    return {kind: _hits(store, kind, found[kind].ids, words, every_word) for kind in ranked}


def _hits(store: Store, kind: Kind, ids: list[int], words: list[str],
          every_word: list[str]) -> tuple[SearchHit, ...]:
    """The found objects with their title lines and, where the title line does not hold every
    word typed, the field that matched."""
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
        in_title = tokens(title)
        explained = all(any(t.startswith(word) for t in in_title) for word in words)
        match = None if explained else matched_field(kind, obj, every_word, skip=shown)
        field, value = match or ("", "")
        hits.append(SearchHit(kind, object_id, title, field, value))
    return tuple(hits)
