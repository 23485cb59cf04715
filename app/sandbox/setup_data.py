"""The demo contract's setup: users, teams, states, types, checkpoints, custom fields.

Microbizz calls this the setup of a contract; the app only reads it. It lives beside the
objects so the setup commands (GetTodoStates, GetToolTypes, GetCheckpoints, GetTeams, ...)
answer from the same data the objects refer to.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from app.sandbox import setup_lists as lists
from app.sandbox.catalogue import BUDGET_AREAS, PRODUCT_GROUPS, PRODUCT_STATES, PRODUCT_UNITS
from app.sandbox.layouts import COLUMN_GROUPS, MAIN_PAGES
from app.sandbox.pools import Pools

Record = dict[str, Any]

TEAMS: tuple[Record, ...] = (
    {"id": 1, "title": "Team Nord"},
    {"id": 2, "title": "Team Syd"},
    {"id": 3, "title": "Team Hovedstaden"},
    {"id": 4, "title": "Ventilation & Køl"},
)

WORKAREAS: tuple[Record, ...] = (
    {"id": 1, "title": "Service"},
    {"id": 2, "title": "Reparation"},
    {"id": 3, "title": "Installation"},
    {"id": 4, "title": "Akut"},
    {"id": 5, "title": "Eftersyn"},
    {"id": 6, "title": "Projekt"},
)
_ALL_WORKAREAS = [w["id"] for w in WORKAREAS]

# `workareaids`: the work areas whose tasks may take the state.
TODO_STATES: tuple[Record, ...] = tuple(
    {"id": number, "title": title, "color": color, "isclosed": closed, "workareaids": areas}
    for number, (title, color, closed, areas) in enumerate(
        (
            ("Oprettet", "#9e9e9e", 0, _ALL_WORKAREAS),
            ("Planlagt", "#2196f3", 0, _ALL_WORKAREAS),
            ("I gang", "#ff9800", 0, _ALL_WORKAREAS),
            ("Afventer dele", "#9c27b0", 0, [1, 2, 3, 4]),
            ("Afventer kunde", "#795548", 0, [1, 2, 5, 6]),
            ("Afsluttet", "#4caf50", 1, _ALL_WORKAREAS),
            ("Annulleret", "#f44336", 1, _ALL_WORKAREAS),
        ),
        start=1,
    )
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
    {"id": number, "title": title, "description": description, "frequency": frequency}
    for number, (title, description, frequency) in enumerate(
        (
            ("Kontroller og skift filtre", "Skift filtre der er halvt fyldte.", "halfyearly"),
            ("Aflæs og noter tryk", "Noter trykket på anlæggets manometer.", "monthly"),
            ("Rens kondensator", "Rens lameller med børste og trykluft.", "yearly"),
            ("Test sikkerhedsafbryder", "Udløs afbryderen og kontroller genstart.", "yearly"),
            ("Mål fremløbstemperatur", "Mål ved fremløbet efter 10 minutters drift.", "monthly"),
            ("Kontroller for lækage", "Brug lækagespray på samlinger.", "quarterly"),
            ("Tag fotodokumentation", "Foto af typeskilt og anlæg før og efter.", "daily"),
            ("Gennemgå anlægget med kunden", "Forklar hvad der er udført.", "daily"),
            ("Rengør arbejdsområdet", "Efterlad stedet som du fandt det.", "daily"),
            ("Kontroller kondensafløb", "Afløbet skal være frit og tæt.", "yearly"),
            ("Opdater servicemærkat", "Dato og initialer på mærkatet.", "yearly"),
            ("Få kundens underskrift", "Underskrift på tablet ved afslutning.", "daily"),
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

EVENT_TYPES: tuple[Record, ...] = (
    {"id": 1, "title": "Møde", "color": "#3f51b5"},
    {"id": 2, "title": "Kursus", "color": "#009688"},
    {"id": 3, "title": "Intern", "color": "#607d8b"},
    {"id": 4, "title": "Privat", "color": "#9e9e9e"},
    {"id": 5, "title": "Ferie", "color": "#8bc34a"},
)

# regtypeid of a registration entry; the internal ones are time not spent on a task.
REGISTRATION_TYPES: tuple[Record, ...] = (
    {"id": 1, "title": "Normal tid", "internal": 0},
    {"id": 2, "title": "Overtid", "internal": 0},
    {"id": 3, "title": "Kørsel", "internal": 1},
    {"id": 4, "title": "Værksted", "internal": 1},
    {"id": 5, "title": "Møde", "internal": 1},
    {"id": 6, "title": "Kursus", "internal": 1},
)

# GetProductionByUserAndDate `activitycolors`, indexed by activity state: 0 closed,
# 1 in progress, 2 visited, 3 not visited, 4 later today, 5 later.
ACTIVITY_COLORS = ("#4caf50", "#ff9800", "#03a9f4", "#f44336", "#ffeb3b", "#9e9e9e")


def _field(
    field_id: int, objecttype: str, title: str, type_: int, visibility: list[int], **extra: Any
) -> Record:
    return {
        "id": field_id,
        "objecttype": objecttype,
        "title": title,
        "type": type_,
        "visibility": visibility,
        **extra,
    }


# Values live on the objects as `custom<id>`. Types (CF): 1 text, 2 checkbox, 3 dropdown,
# 4 number, 6 date, 8 longtext, 9 user, 11 address (value {adress, adress2, zip, city,
# country, lat, lon}, the guide's spelling). `objecttype` is the GetCustomFields group;
# `visibility` lists the type ids the field applies to (todo: workareaid, customers: typeid,
# tools: groupid, person: typeid, users: usertypeid).
CUSTOM_FIELDS: tuple[Record, ...] = (
    _field(101, "todo", "Adgang", 1, _ALL_WORKAREAS),
    _field(102, "todo", "Kontakt internt", 9, _ALL_WORKAREAS),
    _field(201, "customers", "Serviceaftale", 3, [1, 2, 3, 4], options=list(SERVICE_AGREEMENTS)),
    _field(202, "customers", "Serviceadresse", 11, [1, 3, 4]),
    _field(301, "tools", "Garanti udløber", 6, [1, 2, 3, 4, 5]),
    _field(401, "person", "Nøgleansvarlig", 2, [1, 2, 3, 4]),
    _field(501, "users", "Kørekort til trailer", 2, [1, 2]),
)
CUSTOM_FIELD_GROUPS = ("todo", "customers", "tools", "person", "users")

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
    event_types: tuple[Record, ...] = EVENT_TYPES
    registration_types: tuple[Record, ...] = REGISTRATION_TYPES
    activity_colors: tuple[str, ...] = ACTIVITY_COLORS
    product_groups: tuple[Record, ...] = PRODUCT_GROUPS
    product_units: tuple[Record, ...] = PRODUCT_UNITS
    product_states: tuple[Record, ...] = PRODUCT_STATES
    budget_areas: tuple[Record, ...] = BUDGET_AREAS
    stocks: tuple[Record, ...] = lists.STOCKS
    app_links: tuple[Record, ...] = lists.APP_LINKS
    todo_templates: tuple[Record, ...] = lists.TODO_TEMPLATES
    personal_documents: tuple[Record, ...] = lists.PERSONAL_DOCUMENTS
    baselayers: tuple[Record, ...] = lists.BASELAYERS
    question_forms: tuple[Record, ...] = lists.QUESTION_FORMS
    plan_destinations: tuple[Record, ...] = lists.PLAN_DESTINATIONS
    tool_service_protocols: tuple[Record, ...] = lists.TOOL_SERVICE_PROTOCOLS
    icons: tuple[Record, ...] = lists.ICONS
    gps_config: Record = field(default_factory=lambda: dict(lists.GPS_CONFIG))

    @property
    def technician_ids(self) -> list[int]:
        return [user["id"] for user in self.users if user["usertypeid"] == 1]

    @property
    def office_ids(self) -> list[int]:
        return [user["id"] for user in self.users if user["usertypeid"] == 2]

    def user(self, user_id: int) -> Record | None:
        return next((user for user in self.users if user["id"] == user_id), None)

    def user_fields(self, objecttype: str) -> tuple[str, ...]:
        """The `custom<id>` keys of the user-type (9) custom fields of one object type."""
        return tuple(
            f"custom{f['id']}"
            for f in self.custom_fields
            if f["objecttype"] == objecttype and f["type"] == 9
        )

    @property
    def internal_registrations(self) -> tuple[Record, ...]:
        return tuple(t for t in self.registration_types if t["internal"])


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
                "custom501": int(rng.random() < 0.4),
                "isdeleted": 0,
            }
        )
    return Setup(users=tuple(users), current_user_id=DEMO_USER_ID, teams=_staffed(users))


def _staffed(users: list[Record]) -> tuple[Record, ...]:
    """The teams with their members (GetTeams); office staff in a team lead it."""
    return tuple(
        {
            **team,
            "members": [u["id"] for u in users if team["id"] in u["teams"]],
            "leaders": [
                u["id"] for u in users if team["id"] in u["teams"] and u["usertypeid"] == 2
            ],
        }
        for team in TEAMS
    )


def _unique_initials(first: str, last: str, taken: set[str]) -> str:
    """Microbizz initials are unique per contract; take more of the last name until they are."""
    candidates = [(first[:1] + last[:length]).upper() for length in range(1, len(last) + 1)]
    initials = next((c for c in candidates if c not in taken), f"{candidates[0]}{len(taken)}")
    taken.add(initials)
    return initials
