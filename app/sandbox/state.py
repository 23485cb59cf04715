"""The contract as the server holds it: objects per kind, setup, app functions, the clock.

Only the server's event-loop thread changes it (commands and admin routes run there);
tests may read it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.sandbox.clock import ServerClock, date_and_time
from app.sandbox.credentials import SandboxCredentials
from app.sandbox.seed import Dataset, generate
from app.sandbox.setup_data import DEFAULT_FUNCTIONS, DEFAULT_SETTINGS
from app.sandbox.store import KindStore

Record = dict[str, Any]


class UnknownObject(LookupError):
    """No object of that kind with that id (or no such kind)."""


class SandboxState:
    def __init__(
        self,
        dataset: Dataset,
        credentials: SandboxCredentials,
        page_size: int,
        clock: ServerClock,
    ) -> None:
        self.setup = dataset.setup
        self.credentials = credentials
        self.page_size = page_size
        self.clock = clock
        # Per-contract switches GetMobileAppSettings reports; tests and admin may change them.
        self.functions: set[str] = set(DEFAULT_FUNCTIONS)
        self.settings: Record = dict(DEFAULT_SETTINGS)
        self.stores = {kind: KindStore(objects) for kind, objects in dataset.objects.items()}

    @classmethod
    def generated(
        cls,
        *,
        seed: int,
        scale: float,
        page_size: int,
        credentials: SandboxCredentials,
        clock: ServerClock,
    ) -> SandboxState:
        """Demo data from `seed` and `scale`, dated relative to the clock's now."""
        dataset = generate(seed, scale, clock.now(), credentials.username)
        return cls(dataset, credentials, page_size, clock)

    def store(self, kind: str) -> KindStore:
        try:
            return self.stores[kind]
        except KeyError:
            raise UnknownObject(f"no object kind {kind!r}") from None

    def get(self, kind: str, object_id: int) -> Record:
        obj = self.store(kind).get(object_id)
        if obj is None:
            raise UnknownObject(f"no {kind} with id {object_id}")
        return obj

    def create(self, kind: str, fields: Mapping[str, Any]) -> Record:
        """A new object with the next free id, created and changed now."""
        store = self.store(kind)
        return self._save(store, {"isdeleted": 0, **fields, "id": store.max_id + 1}, new=True)

    def update(self, kind: str, object_id: int, fields: Mapping[str, Any]) -> Record:
        """Merge `fields` into the object, as a dispatcher's edit: it changes now."""
        return self._save(
            self.store(kind), {**self.get(kind, object_id), **fields, "id": object_id}
        )

    def delete(self, kind: str, object_id: int) -> Record:
        """Microbizz keeps deleted objects and marks them, so syncing clients can drop them."""
        return self.update(kind, object_id, {"isdeleted": 1})

    def _save(self, store: KindStore, obj: Record, *, new: bool = False) -> Record:
        day, time = date_and_time(self.clock.now())
        if new:
            obj["createdate"], obj["createtime"] = day, time
        obj["changedate"], obj["changetime"] = day, time
        store.save(obj)
        return obj
