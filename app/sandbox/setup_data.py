"""The demo contract's setup: users, teams, states, types, checkpoints, custom fields.

Microbizz calls this the setup of a contract; the app only reads it. It lives beside the
objects so stage-2 commands (GetTodoStates, GetToolTypes, GetCheckpoints, GetTeams, ...)
answer from the same data the objects refer to.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from app.sandbox.layouts import COLUMN_GROUPS, MAIN_PAGES
from app.sandbox.pools import Pools

Record = dict[str, Any]

TEAMS: tuple[Record, ...] = (
    {"id": 1, "title": "Team Nord"},
    {"id": 2, "title": "Team Syd"},
    {"id": 3, "title": "Team Hovedstaden"},
    {"id": 4, "title": "Ventilation & Køl"},
)

TODO_STATES: tuple[Record, ...] = (
    {"id": 1, "title": "Oprettet", "color": "#9e9e9e", "isclosed": 0},
    {"id": 2, "title": "Planlagt", "color": "#2196f3", "isclosed": 0},
    {"id": 3, "title": "I gang", "color": "#ff9800", "isclosed": 0},
    {"id": 4, "title": "Afventer dele", "color": "#9c27b0", "isclosed": 0},
    {"id": 5, "title": "Afventer kunde", "color": "#795548", "isclosed": 0},
    {"id": 6, "title": "Afsluttet", "color": "#4caf50", "isclosed": 1},
    {"id": 7, "title": "Annulleret", "color": "#f44336", "isclosed": 1},
)

WORKAREAS: tuple[Record, ...] = (
    {"id": 1, "title": "Service"},
    {"id": 2, "title": "Reparation"},
    {"id": 3, "title": "Installation"},
    {"id": 4, "title": "Akut"},
    {"id": 5, "title": "Eftersyn"},
    {"id": 6, "title": "Projekt"},
)

TOOL_CLASSES: dict[str, str] = {"1": "Anlæg", "2": "Værktøj", "3": "Måleudstyr"}

# `installed` types live at a customer (they get a place of home); the others travel.
TOOL_TYPES: tuple[Record, ...] = (
    {"id": 1, "title": "Varmepumpe", "classid": 1, "periodtype": "month", "period": 12},
    {"id": 2, "title": "Ventilationsanlæg", "classid": 1, "periodtype": "month", "period": 6},
    {"id": 3, "title": "Gaskedel", "classid": 1, "periodtype": "month", "period": 12},
    {"id": 4, "title": "Køleanlæg", "classid": 1, "periodtype": "month", "period": 3},
    {"id": 5, "title": "Brandslukker", "classid": 1, "periodtype": "year", "period": 1},
    {"id": 6, "title": "Borehammer", "classid": 2, "periodtype": "year", "period": 2},
    {"id": 7, "title": "Skruemaskine", "classid": 2, "periodtype": "year", "period": 2},
    {"id": 8, "title": "Måleinstrument", "classid": 3, "periodtype": "month", "period": 12},
)
INSTALLED_TOOL_TYPES = frozenset({1, 2, 3, 4, 5})
TOOL_MODELS: dict[int, tuple[str, ...]] = {
    1: ("Nibe F2040", "Daikin Altherma 3", "Panasonic Aquarea", "Bosch Compress 7000i"),
    2: ("Nilan Compact P", "Genvex Combi 185", "Systemair SAVE VTR 300"),
    3: ("Vaillant ecoTEC plus", "Viessmann Vitodens 100", "Baxi Platinum"),
    4: ("Danfoss Optyma", "Bitzer LH64", "Carrier Xarios"),
    5: ("Housegard 6 kg pulver", "Presto CO2 5 kg"),
    6: ("Hilti TE 30", "Bosch GBH 2-28", "Makita HR2631F"),
    7: ("Makita DDF484", "Milwaukee M18 FPD2", "DeWalt DCD796"),
    8: ("Fluke 1664 FC", "Testo 550", "Kamstrup Multical 603"),
}

TOOL_STATES: tuple[Record, ...] = (
    {"id": 1, "title": "I drift", "color": "#4caf50", "access": 1},
    {"id": 2, "title": "På lager", "color": "#2196f3", "access": 1},
    {"id": 3, "title": "Til service", "color": "#ff9800", "access": 1},
    {"id": 4, "title": "Defekt", "color": "#f44336", "access": 1},
    {"id": 5, "title": "Kasseret", "color": "#9e9e9e", "access": 0},
)
SCRAPPED_TOOL_STATE = 5

CHECKPOINTS: tuple[Record, ...] = tuple(
    {"id": number, "title": title, "description": "", "frequency": frequency}
    for number, (title, frequency) in enumerate(
        (
            ("Kontroller og skift filtre", "halfyearly"),
            ("Aflæs og noter tryk", "monthly"),
            ("Rens kondensator", "yearly"),
            ("Test sikkerhedsafbryder", "yearly"),
            ("Mål fremløbstemperatur", "monthly"),
            ("Kontroller for lækage", "quarterly"),
            ("Tag fotodokumentation", "daily"),
            ("Gennemgå anlægget med kunden", "daily"),
            ("Rengør arbejdsområdet", "daily"),
            ("Kontroller kondensafløb", "yearly"),
            ("Opdater servicemærkat", "yearly"),
            ("Få kundens underskrift", "daily"),
        ),
        start=1,
    )
)

CUSTOMER_TYPES: tuple[Record, ...] = (
    {"id": 1, "title": "Erhverv"},
    {"id": 2, "title": "Privat"},
    {"id": 3, "title": "Offentlig"},
    {"id": 4, "title": "Boligforening"},
)

PERSON_TYPES: tuple[Record, ...] = (
    {"id": 1, "title": "Kontaktperson"},
    {"id": 2, "title": "Driftsansvarlig"},
    {"id": 3, "title": "Vicevært"},
    {"id": 4, "title": "Bogholder"},
)

SERVICE_AGREEMENTS = ("Ingen", "Bronze", "Sølv", "Guld")

# Values live on the objects as `custom<id>`; type 1 text, 3 dropdown, 9 user (CF).
CUSTOM_FIELDS: tuple[Record, ...] = (
    {"id": 101, "objecttype": "todo", "title": "Adgang", "type": 1, "visibility": []},
    {"id": 102, "objecttype": "todo", "title": "Kontakt internt", "type": 9, "visibility": []},
    {
        "id": 201,
        "objecttype": "customer",
        "title": "Serviceaftale",
        "type": 3,
        "visibility": [],
        "options": list(SERVICE_AGREEMENTS),
    },
)

# What GetMobileAppSettings switches on; LimitNumObjects stays off until a test enables it.
DEFAULT_FUNCTIONS = frozenset(
    {
        "CheckIn",
        "ToolTake",
        "CustomersProcedures",
        "CustomersView",
        "CustomersEdit",
        "CustomersNotes",
        "CalendarView",
        "Checkout_Registration_Optional_On",
    }
)
DEFAULT_SETTINGS: Record = {
    "autosyncminutes": 10,
    "language": "da",
    "workdaystart": "07:00:00",
    "workdayend": "15:30:00",
}

# (title, usertypeid, teams); the demo technician is the third user, not the first.
_STAFF: tuple[tuple[str, int, tuple[int, ...]], ...] = (
    ("Disponent", 2, (1, 2, 3, 4)),
    ("Servicetekniker", 1, (1,)),
    ("Servicetekniker", 1, (1, 4)),
    ("Servicetekniker", 1, (2,)),
    ("Tekniker", 1, (2,)),
    ("Tekniker", 1, (3,)),
    ("Servicetekniker", 1, (3,)),
    ("Køletekniker", 1, (4,)),
    ("Ventilationsmontør", 1, (4,)),
    ("Lærling", 1, (1,)),
    ("Tekniker", 1, (3, 4)),
    ("Kontorassistent", 2, ()),
    ("Salgschef", 2, (1, 2, 3)),
    ("Projektleder", 2, (3,)),
    ("Servicechef", 2, (1, 2, 3, 4)),
)
DEMO_USER_ID = 3
USER_TYPES: tuple[Record, ...] = ({"id": 1, "title": "Tekniker"}, {"id": 2, "title": "Kontor"})


@dataclass(frozen=True, slots=True)
class Setup:
    """Everything the objects refer to by id, and the layouts the app shows them in.

    Read-only, and the default tables are shared by every sandbox in the process: a change
    (stage 2, a dispatcher editing layouts) replaces a field with `dataclasses.replace`.
    """

    users: tuple[Record, ...]
    current_user_id: int
    teams: tuple[Record, ...] = TEAMS
    todo_states: tuple[Record, ...] = TODO_STATES
    workareas: tuple[Record, ...] = WORKAREAS
    tool_types: tuple[Record, ...] = TOOL_TYPES
    tool_classes: dict[str, str] = field(default_factory=lambda: dict(TOOL_CLASSES))
    tool_states: tuple[Record, ...] = TOOL_STATES
    checkpoints: tuple[Record, ...] = CHECKPOINTS
    customer_types: tuple[Record, ...] = CUSTOMER_TYPES
    person_types: tuple[Record, ...] = PERSON_TYPES
    user_types: tuple[Record, ...] = USER_TYPES
    custom_fields: tuple[Record, ...] = CUSTOM_FIELDS
    main_pages: tuple[Record, ...] = MAIN_PAGES
    column_groups: tuple[Record, ...] = COLUMN_GROUPS

    @property
    def technician_ids(self) -> list[int]:
        return [user["id"] for user in self.users if user["usertypeid"] == 1]

    @property
    def office_ids(self) -> list[int]:
        return [user["id"] for user in self.users if user["usertypeid"] == 2]


def build_setup(rng: random.Random, pools: Pools, username: str) -> Setup:
    """The demo staff; the logged-in technician's e-mail is the login `username`."""
    users = []
    taken_initials: set[str] = set()
    for user_id, (title, usertypeid, teams) in enumerate(_STAFF, start=1):
        first, last = rng.choice(pools.first_names), rng.choice(pools.last_names)
        initials = _unique_initials(first, last, taken_initials)
        email = username if user_id == DEMO_USER_ID else f"{initials.lower()}@demo.dk"
        users.append(
            {
                "id": user_id,
                "name": f"{first} {last}",
                "initials": initials,
                "email": email,
                "phone": rng.choice(pools.phones),
                "title": title,
                "usertypeid": usertypeid,
                "teams": list(teams),
                "isdeleted": 0,
            }
        )
    return Setup(users=tuple(users), current_user_id=DEMO_USER_ID)


def _unique_initials(first: str, last: str, taken: set[str]) -> str:
    """Microbizz initials are unique per contract; take more of the last name until they are."""
    candidates = [(first[:1] + last[:length]).upper() for length in range(1, len(last) + 1)]
    initials = next((c for c in candidates if c not in taken), f"{candidates[0]}{len(taken)}")
    taken.add(initials)
    return initials
