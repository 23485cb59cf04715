"""The contract as the server holds it: objects per kind, setup, app functions, the clock.

Only the server's event-loop thread changes it (commands and admin routes run there);
tests may read it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from datetime import datetime
from typing import Any, TypeVar

from app.sandbox.blanks import blank
from app.sandbox.clock import ServerClock, date_and_time
from app.sandbox.credentials import SandboxCredentials
from app.sandbox.seed import Dataset, generate
from app.sandbox.setup_data import DEFAULT_FUNCTIONS, DEFAULT_SETTINGS
from app.sandbox.store import KindStore
from app.sandbox.texts import Texts
from app.sandbox.values import truthy, whole
from app.sandbox.visibility import Audience

Record = dict[str, Any]
T = TypeVar("T")

# A change to an object of the first kind is also a change of the object its field names
# (kind, field, kind changed): planning a task changes which apps receive the task.
_TOUCHES: tuple[tuple[str, str, str], ...] = (("prodplanentry", "todoid", "todo"),)


class UnknownObject(LookupError):
    """No object of that kind with that id (or no such kind)."""


class InvalidChange(ValueError):
    """A dispatcher's change the back office would refuse (an unknown user, an open state
    to close with, ...)."""


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
        self.favourites = dataset.favourites
        self.stores = {kind: KindStore(objects) for kind, objects in dataset.objects.items()}
        # The outputs of the writes applied so far, by the client's request id: a write sent
        # again (a client retrying after a lost answer) is answered without applying it twice.
        self.applied_writes: dict[str, Record] = {}
        self.texts = Texts(self.setup, lambda kind, object_id: self.stores[kind].get(object_id))
        self._version = 0
        self._memo_version = 0
        self._memo: dict[Hashable, Any] = {}

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

    @property
    def demo_user_id(self) -> int:
        """The user the API credentials log in as: the demo technician."""
        return self.setup.current_user_id

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

    def where(self, kind: str, **equal: Any) -> list[Record]:
        """The objects of `kind` that are not deleted and whose fields equal `equal` (ids
        compared as numbers), by id."""
        return sorted(
            (
                obj
                for obj in self.store(kind).objects()
                if not truthy(obj.get("isdeleted"))
                and all(whole(obj.get(name)) == value for name, value in equal.items())
            ),
            key=lambda obj: obj["id"],
        )

    def create(self, kind: str, fields: Mapping[str, Any]) -> Record:
        """A new object with the next free id, created and changed now."""
        object_id = self.store(kind).max_id + 1
        given = {**blank(kind, object_id), **fields}
        return self._save(kind, {**given, "id": object_id}, given)

    def update(self, kind: str, object_id: int, fields: Mapping[str, Any]) -> Record:
        """Merge `fields` into the object, as a dispatcher's edit: it changes now."""
        old = self.get(kind, object_id)
        return self._save(kind, {**old, **fields, "id": object_id}, fields, old)

    def delete(self, kind: str, object_id: int) -> Record:
        """Microbizz keeps deleted objects and marks them, so syncing clients can drop them."""
        return self.update(kind, object_id, {"isdeleted": 1})

    def user(self, user_id: Any) -> Record:
        """A user of the contract; InvalidChange for an id that is not one."""
        found = self.setup.user(whole(user_id))
        if found is None:
            raise InvalidChange(f"no user with id {user_id}")
        return found

    def audience(self, user_id: int, now: datetime) -> Audience:
        """The user as the task rules see them today (kept until something changes)."""

        def build() -> Audience:
            user = self.setup.user(user_id) or {"id": user_id}
            plans = self.store("prodplanentry").objects()
            return Audience.of(user, self.setup.user_fields("todo"), plans, now)

        return self.derived(("audience", user_id, now.date()), build)

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, remembered under `key` until the next change of any object.

        Derived views (who sees which task, the importance order, unread counts) are asked
        for on every page of a sync; recomputing them per page would scan the whole contract
        each time. A change forgets them all, so the memo never outgrows one version. (Tests
        ask for views from their own thread; a memo swapped meanwhile only costs a recompute.)
        """
        if self._memo_version != self._version:
            self._memo, self._memo_version = {}, self._version
        memo = self._memo
        if key not in memo:
            memo[key] = compute()
        return memo[key]

    def summary(self) -> Record:
        """Counts of live and deleted objects per kind, the functions and the demo user."""
        kinds = {}
        for kind, store in sorted(self.stores.items()):
            deleted = sum(1 for obj in store.objects() if truthy(obj.get("isdeleted")))
            kinds[kind] = {"live": len(store) - deleted, "deleted": deleted}
        return {
            "userid": self.setup.current_user_id,
            "functions": sorted(self.functions),
            "page_size": self.page_size,
            "now": self.clock.now().isoformat(" "),
            "kinds": kinds,
        }

    def _save(
        self, kind: str, obj: Record, given: Mapping[str, Any], old: Record | None = None
    ) -> Record:
        """Stamp `obj` now with the next sequence, refresh its texts, and touch what it
        refers to (`given` are the fields the change set)."""
        day, time = date_and_time(self.clock.now())
        if old is None:
            obj["createdate"], obj["createtime"] = day, time
        obj["changedate"], obj["changetime"] = day, time
        self.texts.refresh(kind, obj, given)
        self.stores[kind].save(obj)
        self._version += 1
        for source, field, target in _TOUCHES:
            if source == kind:
                refs = {whole(obj.get(field)), whole(old.get(field)) if old else 0} - {0}
                for ref in sorted(refs):
                    if self.stores[target].get(ref) is not None:
                        self.update(target, ref, {})
        return obj
