"""The sandbox a tester's test runs against, and its admin interface as a dispatcher uses it.

`Sandbox` talks to a running `SandboxServer` only over its documented admin routes
(`/_sandbox/…`, app/sandbox/README.md), the way a tester's script would talk to a sandbox in
another process: what the test does to the back office goes through the same door as what the
app does, so nothing a test changes bypasses the server's own rules (stamps, `*text` siblings,
which apps receive a change).

`SandboxOptions` is what a tester chooses (seed, scale, layout, functions); `started_sandbox`
builds the server from it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx

from app.sandbox import SandboxCredentials, SandboxServer
from app.sync.layout_file import parse_layout, read_layout_file

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class SandboxOptions:
    """What the sandbox holds when a test starts.

    Parameters:
        seed: the demo data's random seed (the same seed, the same objects and ids).
        scale: the demo data's size; 1.0 is about 6,300 objects, 0.05 (the default) about 300,
            enough for every main-page box to have an object that shows it and one that hides
            it, and quick to sync (well under a second).
        page_size: objects per page of a …ByLastChange answer (small pages exercise paging).
        layout: the main pages and column groups the server sends (`GetMainPages`,
            `GetColumnGroups`): a dict `{"mainpages": [...], "columngroups": [...]}`, or the
            path of a JSON file holding one: the file the layout preview reads
            (`fieldclient preview FILE --check`). Without "columngroups" the demo's are
            kept. None: the demo contract's pages.
        functions: app functions switched on (True) or off (False), e.g. `{"ToolTake":
            False}`; the others keep the demo contract's setting.
        checked_out: the demo technician starts checked out (the default). The seed checks
            them in on the task planned for the wall clock's hour, which would make a test
            depend on the time of day; False keeps the seed's check-in.
    """

    seed: int = 7
    scale: float = 0.05
    page_size: int = 50
    layout: Mapping[str, Any] | str | Path | None = None
    functions: Mapping[str, bool] = field(default_factory=dict)
    checked_out: bool = True

    def but(self, **changes: Any) -> SandboxOptions:
        """These options with some changed (a marker's keywords over a fixture's defaults)."""
        return replace(self, **changes)


def layout_lists(layout: Mapping[str, Any] | str | Path) -> tuple[list[Any], list[Any] | None]:
    """The main pages and column groups to serve, from a layout dict or file, checked as the
    layout preview checks a file (app/sync/layout_file.py): `BadLayoutFile` says what is wrong
    and where (a file's line and column). Entries the app's parser would leave out are served
    as given: seeing the app leave them out may be what a test is for. Column groups: None
    when the layout has none (the demo's are kept)."""
    if isinstance(layout, str | Path):
        read_layout_file(Path(layout))
        data = json.loads(Path(layout).read_text(encoding="utf-8-sig"))
    else:
        parse_layout(json.dumps(layout))
        data = layout
    pages, groups = data["mainpages"], data.get("columngroups")
    return (list(pages.values()) if isinstance(pages, Mapping) else list(pages),
            None if groups is None
            else list(groups.values()) if isinstance(groups, Mapping) else list(groups))


@contextmanager
def started_sandbox(options: SandboxOptions) -> Iterator[Sandbox]:
    """A sandbox on a free loopback port holding what `options` say; stopped afterwards."""
    server = SandboxServer(seed=options.seed, scale=options.scale, page_size=options.page_size)
    if options.layout is not None:
        # Before it serves: the server's state is its own thread's once it runs.
        pages, groups = layout_lists(options.layout)
        setup = server.state.setup
        server.state.setup = replace(
            setup, main_pages=tuple(pages),
            column_groups=setup.column_groups if groups is None else tuple(groups))
    with server:
        sandbox = Sandbox(server)
        if options.functions:
            sandbox.set_functions(**options.functions)
        if options.checked_out:
            sandbox.check_out_everyone()
        yield sandbox


class Sandbox:
    """A running sandbox: where the app connects, and the back office's side of a test.

    Every method is one documented admin route; an error answer raises `httpx.HTTPStatusError`
    (its body says why: an unknown object, a change the back office refuses).
    """

    def __init__(self, server: SandboxServer) -> None:
        self.server = server

    @property
    def url(self) -> str:
        """The Microbizz endpoint the app is configured with."""
        return self.server.url

    @property
    def credentials(self) -> SandboxCredentials:
        """The login the server accepts now (contract, API key, user name, password)."""
        return self.server.credentials

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        reply = httpx.request(method, f"{self.server.base_url}/_sandbox/{path}", json=body,
                              timeout=10.0)
        reply.raise_for_status()
        return reply.json()

    # -- objects, as a dispatcher changes them in the back office ---------------------------

    def get_object(self, kind: str, object_id: int) -> Record:
        """One object as the server holds it (`kind`: todo, customer, person, tool, checkin,
        document, …, see app/sandbox/README.md)."""
        return self._call("GET", f"objects/{kind}/{object_id}")

    def objects(self, kind: str, ids: list[int] | None = None) -> list[Record]:
        """The objects of `kind` (deleted ones too), by id; only `ids` when given."""
        query = f"?ids={','.join(map(str, ids))}" if ids else ""
        return self._call("GET", f"objects/{kind}{query}")

    def change_object(self, kind: str, object_id: int, **fields: Any) -> Record:
        """Change fields of an object, as a dispatcher does: the app gets it at its next sync."""
        return self._call("PATCH", f"objects/{kind}/{object_id}", fields)

    def add_object(self, kind: str, **fields: Any) -> Record:
        """A new object, as a dispatcher creates one; the kind's defaults fill what is not
        given. Returns it with its id."""
        return self._call("POST", f"objects/{kind}", fields)

    def delete_object(self, kind: str, object_id: int) -> Record:
        """Delete an object (Microbizz keeps it, marked `isdeleted`)."""
        return self._call("DELETE", f"objects/{kind}/{object_id}")

    def dispatch(self, kind: str, object_id: int, action: str, **fields: Any) -> Record:
        """A dispatcher's action: `close`, `reopen`, `assign` (a task), `activate`,
        `deactivate` (a customer or equipment), `move` (equipment). Returns the object."""
        return self._call("POST", f"objects/{kind}/{object_id}/{action}", fields)

    def check_out_everyone(self) -> None:
        """End every check-in the server holds (the technician starts the test checked out)."""
        for checkin in self.objects("checkin"):
            if checkin.get("ischeckedin"):
                self.change_object("checkin", checkin["id"], ischeckedin=0)

    # -- the contract ---------------------------------------------------------------------

    def set_functions(self, **switches: bool) -> list[str]:
        """Switch app functions on or off (`ToolTake=False`); the names on afterwards."""
        return self._call("POST", "functions", switches)

    def change_password(self, password: str) -> None:
        """The office changes the technician's password: the old one is refused from now on."""
        self._call("POST", "credentials", {"password": password})

    def showcase(self) -> dict[str, dict[str, Record]]:
        """`{box type: {kind: {"shows": id, "hides": id, "why": rule}}}`: for each main-page
        box, an object the technician's app receives where it shows and one where it hides."""
        return self._call("GET", "showcase")

    def object_showing(self, box_type: str, kind: str = "todo") -> int:
        """An object of `kind` whose main page shows the `box_type` box (LookupError if none)."""
        found = self.showcase().get(box_type, {}).get(kind, {}).get("shows")
        if found is None:
            raise LookupError(f"no {kind} in this sandbox shows the {box_type!r} box")
        return int(found)

    def object_hiding(self, box_type: str, kind: str = "todo") -> int:
        """An object of `kind` whose main page hides the `box_type` box (LookupError if none)."""
        found = self.showcase().get(box_type, {}).get(kind, {}).get("hides")
        if found is None:
            raise LookupError(f"no {kind} in this sandbox hides the {box_type!r} box")
        return int(found)

    # -- faults -------------------------------------------------------------------------

    def fault(self, mode: str, **options: Any) -> None:
        """Make the next request(s) fail: `mode` is http_500, malformed, drop, delay,
        bandwidth, refuse_resumekey, bad_objects or lose_answer; options `times`, `after`,
        `command` (only requests carrying it), `delay`, `bytes_per_second`."""
        self._call("POST", "faults", {"mode": mode, **options})

    def clear_faults(self) -> None:
        """Forget the faults not used yet."""
        self._call("DELETE", "faults")

    # -- the request log ----------------------------------------------------------------

    def request_log(self) -> list[Record]:
        """Every request received, in order: `{"commands": [{"command": name, …}], …}`
        (credentials left out)."""
        return self._call("GET", "log")

    def clear_log(self) -> None:
        """Start the request log afresh (to see only what comes after this)."""
        self._call("DELETE", "log")

    def commands_sent(self, name: str | None = None) -> list[Record]:
        """Every command received, in order; only those called `name` when given."""
        return [
            command
            for request in self.request_log()
            for command in request["commands"]
            if name is None or command["command"] == name
        ]
