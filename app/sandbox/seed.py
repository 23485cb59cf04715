"""Deterministic demo data: the same seed and scale give the same objects.

Objects are shaped like a PHP back end sends them: booleans as 1/0, some numbers as strings
(`priority`, `estimate`, `zip`), dates YYYY-MM-DD, empty dates as "". Only the dates move
with `now`, so a demo always has tasks planned for this week.

This module makes the four main kinds and puts the contract together; the seed_* modules
make what hangs off them (planning and the user's agenda, products, threads, relations).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.sandbox import seed_agenda, seed_catalogue, seed_crm, seed_showcase, seed_threads
from app.sandbox import vocabulary as words
from app.sandbox.draws import Draws, domain_label
from app.sandbox.pools import build_pools
from app.sandbox.setup_data import (
    CHECKPOINTS,
    DEFAULT_FUNCTIONS,
    INSTALLED_TOOL_TYPES,
    PERSON_TYPES,
    SCRAPPED_TOOL_STATE,
    SERVICE_AGREEMENTS,
    TODO_STATES,
    TOOL_MODELS,
    TOOL_TYPES,
    WORKAREAS,
    Setup,
    build_setup,
)
from app.sandbox.setup_lists import ICON_IDS
from app.sandbox.showcase import Contract
from app.sandbox.texts import Texts
from app.sandbox.visibility import Audience

Record = dict[str, Any]

# Kinds whose numbers grow with the scale; the others follow from these (see the seed_*).
BASE_COUNTS = {"todo": 2000, "customer": 1000, "person": 1500, "tool": 800, "product": 600}

_CLOSED_STATES = frozenset(s["id"] for s in TODO_STATES if s["isclosed"])
# State ids repeated by weight: about 15% of the tasks are closed.
_STATE_BAG = (1,) * 15 + (2,) * 38 + (3,) * 16 + (4,) * 11 + (5,) * 5 + (6,) * 12 + (7,) * 3
_INSTALLED_GROUPS = sorted(INSTALLED_TOOL_TYPES)
_MOBILE_GROUPS = sorted(t["id"] for t in TOOL_TYPES if t["id"] not in INSTALLED_TOOL_TYPES)
# Tool state ids by weight: installations run, tools mostly wait in stock.
_INSTALLED_STATES = (1, 1, 1, 1, 1, 3, 4)
_MOBILE_STATES = (1, 2, 2, 2, 3, 4)
_CHECKPOINT_IDS = [c["id"] for c in CHECKPOINTS]
_TOOL_PERIOD_DAYS = {
    t["id"]: t["period"] * (365 if t["periodtype"] == "year" else 30) for t in TOOL_TYPES
}


@dataclass(frozen=True, slots=True)
class Dataset:
    setup: Setup
    objects: dict[str, list[Record]]
    """Every kind the server stores, by kind name (the admin routes use the same names)."""
    favourites: dict[int, set[int]]
    """Product ids each user has marked as a favourite (GetProductsByLastChange onlyfavorites)."""


def generate(seed: int, scale: float, now: datetime, username: str) -> Dataset:
    """Setup and objects for the demo contract; `username` becomes the demo technician."""
    rng = random.Random(seed)
    pools = build_pools(seed)
    setup = build_setup(rng, pools, username)
    draws = Draws(rng, pools, now)
    builder = _Builder(draws, setup)
    counts = {kind: max(1, round(base * scale)) for kind, base in BASE_COUNTS.items()}
    customers = builder.customers(counts["customer"])
    persons = builder.persons(counts["person"], customers)
    todos = builder.todos(counts["todo"], customers)
    tools = builder.tools(counts["tool"], customers, todos)
    plans = seed_agenda.production(draws, setup, todos)
    demo = setup.user(setup.current_user_id) or {}
    audience = Audience.of(demo, setup.user_fields("todo"), plans, now)
    products, favourites = seed_catalogue.products(draws, setup, counts["product"], scale)
    objects = {
        "todo": todos,
        "customer": customers,
        "person": persons,
        "tool": tools,
        "product": products,
        "thread": seed_threads.threads(draws, setup, todos, customers, tools),
        "procedure": seed_crm.procedures(draws, customers),
        "relation": seed_crm.relations(draws, persons, customers),
        "prodplanentry": plans,
        "event": seed_agenda.events(draws, setup),
        "registrationentry": seed_agenda.registrations(draws, setup, todos),
        "stodo": seed_agenda.reminders(draws, setup, todos, customers, audience),
        "call": seed_agenda.calls(draws, setup, customers),
        "checkin": seed_agenda.checkins(draws, setup, plans, todos),
        "todoitem": seed_catalogue.product_use(draws, todos, products, tools),
        "document": [],  # photos the app adds (AddPhotoTo…)
    }
    # Every main-page box gets an object where it shows and one where it hides.
    seed_showcase.complete(Contract(objects, setup, DEFAULT_FUNCTIONS, now.date(), audience.sees))
    return Dataset(setup, objects, favourites)


class _Builder:
    def __init__(self, draws: Draws, setup: Setup) -> None:
        self.draws = draws
        self.setup = setup
        self.texts = Texts(setup)
        self.user_teams = {user["id"]: user["teams"] for user in setup.users}
        self.user_ids = [user["id"] for user in setup.users]
        self.team_ids = [0, *(team["id"] for team in setup.teams)]
        self.technicians = setup.technician_ids
        self.colleagues = [t for t in self.technicians if t != setup.current_user_id]
        # The demo technician is drawn twice as often as a colleague: a demo has a full list.
        self.assignees = [*self.technicians, setup.current_user_id]
        # Who a user custom field (custom102, "Kontakt internt") names, 0 most often.
        self.contacts = [0] * 6 + self.setup.office_ids + self.technicians

    def title(self, source: str, object_id: int) -> str:
        return self.texts.text(source, object_id)

    def customers(self, count: int) -> list[Record]:
        draws = self.draws
        office = self.setup.office_ids
        customers: list[Record] = []
        for customer_id in range(1, count + 1):
            place = draws.place()
            name, typeid = draws.company(place["city"])
            invoice = place if draws.chance(0.8) else draws.place()
            domain = f"{domain_label(name)}.dk"
            reference = draws.pick(self.assignees + office)
            is_sub = bool(customers) and draws.chance(0.1)
            stamps, _ = draws.stamps(730, skew=1.5)
            customers.append(
                {
                    "id": customer_id,
                    "customernumber": str(10000 + customer_id),
                    "name": name,
                    **place,
                    "invoiceaddress": invoice["address"],
                    "invoiceaddress2": invoice["address2"],
                    "invoicezip": invoice["zip"],
                    "invoicecity": invoice["city"],
                    "invoicecountry": invoice["country"],
                    "phone": draws.phone(),
                    "email": f"info@{domain}" if typeid != 2 else "",
                    "www": f"www.{domain}" if typeid != 2 else "",
                    "vat": draws.digits(8) if typeid != 2 else "",
                    "ourreference": reference,
                    "ourreferencetext": self.title("user", reference),
                    "theirreference": 0,
                    "theirreferencetext": "",
                    "sellerid": draws.pick((0, *office)),
                    "typeid": typeid,
                    "typetext": self.title("customertype", typeid),
                    "parentcust": draws.pick(customers)["id"] if is_sub else 0,
                    "isblocked": int(draws.chance(0.02)),
                    "description": draws.pick(words.CUSTOMER_NOTES),
                    "team": draws.pick(self.team_ids),
                    "custom201": draws.pick(SERVICE_AGREEMENTS),
                    "custom202": self._service_address() if typeid != 2 else "",
                    "isactive": int(not draws.chance(0.04)),
                    "isdeleted": int(draws.chance(0.03)),
                    **stamps,
                }
            )
        return customers

    def persons(self, count: int, customers: list[Record]) -> list[Record]:
        """Persons employed at the customers; each customer's first becomes its contact."""
        draws = self.draws
        persons = []
        for person_id in range(1, count + 1):
            first, last = draws.person_name()
            employer = draws.pick(customers) if draws.chance(0.95) else None
            typeid = draws.pick(PERSON_TYPES)["id"]
            place = draws.place()
            stamps, _ = draws.stamps(730, skew=1.3)
            persons.append(
                {
                    "id": person_id,
                    "firstname": first,
                    "lastname": last,
                    "title": draws.pick(words.JOB_TITLES),
                    **place,
                    "phone": draws.phone() if draws.chance(0.6) else "",
                    "mobile": draws.phone(),
                    "email": self._email(first, last, employer),
                    "typeid": typeid,
                    "typetext": self.title("persontype", typeid),
                    "customerid": employer["id"] if employer else 0,
                    "custom401": int(draws.chance(0.15)),
                    "isdeleted": int(draws.chance(0.02)),
                    **stamps,
                }
            )
            if employer is not None and not employer["theirreference"]:
                employer["theirreference"] = person_id
                employer["theirreferencetext"] = f"{first} {last}"
        return persons

    def todos(self, count: int, customers: list[Record]) -> list[Record]:
        """About 15% closed; about 8% of the open ones wait unassigned in a team's pool."""
        draws = self.draws
        todos = []
        for todo_id in range(1, count + 1):
            customer = draws.pick(customers)
            state = draws.pick(_STATE_BAG)
            closed = state in _CLOSED_STATES
            stamps, age = draws.stamps(730, skew=1.2 if closed else 2.2)
            pooled = not closed and draws.chance(0.08)
            user = 0 if pooled else draws.pick(self.assignees)
            teams = self.team_ids[1:] if pooled else self.user_teams[user] or [0]
            team = draws.pick(teams)
            workarea = draws.pick(WORKAREAS)["id"]
            estimate = 15 * draws.between(2, 32)
            start = -age - draws.between(0, 14) if closed else draws.between(-30, 45)
            place = _address_of(customer) if draws.chance(0.8) else draws.place()
            todos.append(
                {
                    "id": todo_id,
                    "number": f"T-{10000 + todo_id}",
                    "title": draws.pick(words.TASK_TITLES),
                    "description": draws.sentences(8, 20, "\n")
                    if draws.chance(0.05)
                    else draws.sentences(1, 3),
                    "customerid": customer["id"],
                    "customertext": customer["name"],
                    "workareaid": workarea,
                    "workareatext": self.title("workarea", workarea),
                    "stateid": state,
                    "statetext": self.title("todostate", state),
                    "isclosed": int(closed),
                    "isaccepted": int(state != 1),
                    "priority": str(draws.between(1, 5)),
                    "estimate": str(estimate),
                    "timeusage": estimate + draws.between(-30, 60) if closed else 0,
                    "userid": user,
                    "usertext": self.title("user", user),
                    "additionaluserids": [
                        other
                        for other in draws.some(self.technicians, draws.pick((0, 0, 0, 1, 2)))
                        if other != user
                    ],
                    "team": team,
                    "ispool": int(pooled),
                    "checkpoints": draws.some(_CHECKPOINT_IDS, draws.pick((0, 0, 2, 3, 5))),
                    "checkpointsdone": [],
                    **place,
                    "addresses": [
                        self._extra_address() for _ in range(draws.pick((0, 0, 0, 1, 2)))
                    ],
                    "icons": draws.some(ICON_IDS[:-1], draws.pick((0, 0, 0, 0, 0, 1, 2))),
                    "parenttodo": 0,
                    "startdate": draws.day(start),
                    "enddate": draws.day(start + draws.between(0, 3)),
                    "nextaction": "" if closed else self._next_action(),
                    "custom101": draws.pick(words.ACCESS_NOTES),
                    "custom102": draws.pick(self.contacts),
                    "isdeleted": customer["isdeleted"] or int(draws.chance(0.01)),
                    **stamps,
                }
            )
        return todos

    def tools(self, count: int, customers: list[Record], todos: list[Record]) -> list[Record]:
        """About 60% are installations at a customer (their place of home), the rest travel;
        the demo technician carries two of them, a few colleagues carry others, and a few
        travelling tools are attached to an open task."""
        draws = self.draws
        open_tasks = [t for t in todos if not t["isclosed"] and not t["isdeleted"]] or todos
        carried_by_demo = 2
        tools = []
        for tool_id in range(1, count + 1):
            installed = draws.chance(0.6)
            group = draws.pick(_INSTALLED_GROUPS if installed else _MOBILE_GROUPS)
            home = draws.pick(customers) if installed else None
            location = home if installed else (draws.pick(customers) if draws.chance(0.2) else None)
            carrier = 0
            if not installed and location is None:
                if carried_by_demo:
                    carrier, carried_by_demo = self.setup.current_user_id, carried_by_demo - 1
                elif draws.chance(0.08):
                    carrier = draws.pick(self.colleagues)
            scrapped = draws.chance(0.03)
            states = _INSTALLED_STATES if installed else _MOBILE_STATES
            state = SCRAPPED_TOOL_STATE if scrapped else draws.pick(states)
            period = _TOOL_PERIOD_DAYS[group]
            last_service = -draws.between(0, period)
            serviced = draws.chance(0.9)
            stamps, _ = draws.stamps(730, skew=1.5)
            responsible = draws.pick(self.user_ids)
            attached = not installed and draws.chance(0.06)
            tools.append(
                {
                    "id": tool_id,
                    "number": str(5000 + tool_id),
                    "title": f"{self.title('tooltype', group)} {draws.pick(TOOL_MODELS[group])}",
                    "description": draws.pick(words.TOOL_DESCRIPTIONS),
                    "groupid": group,
                    "grouptext": self.title("tooltype", group),
                    "stateid": state,
                    "statetext": self.title("toolstate", state),
                    "customerid": location["id"] if location else 0,
                    "placeofhome": home["id"] if home else 0,
                    "carrier_userid": carrier,
                    "todoid": draws.pick(open_tasks)["id"] if attached else 0,
                    "userid": responsible,
                    "serialnumber": f"{draws.digits(8)}-{draws.pick('ABCDEFGH')}",
                    "barcode": "57" + draws.digits(11),
                    "lastservice": draws.day(last_service) if serviced else "",
                    "nextservice": draws.day(last_service + period) if serviced else "",
                    "latitude": location["latitude"] if location else 0.0,
                    "longitude": location["longitude"] if location else 0.0,
                    "custom301": draws.day(draws.between(-700, 700)) if installed else "",
                    "isactive": int(not draws.chance(0.04)),
                    "isdeleted": int(scrapped),
                    **stamps,
                }
            )
        return tools

    def _email(self, first: str, last: str, employer: Record | None) -> str:
        """At work for a company with a domain, else a private address."""
        if employer is not None and employer["www"]:
            domain = employer["www"].removeprefix("www.")
            return f"{domain_label(first)}.{domain_label(last)}@{domain}"
        number, domain = self.draws.between(1, 99), self.draws.pick(words.EMAIL_DOMAINS)
        return f"{domain_label(first)}{number}@{domain}"

    def _next_action(self) -> str:
        """Most open tasks have a next action within the month, some none, some later."""
        roll = self.draws.chance
        if roll(0.25):
            return ""
        if roll(0.75):
            return self.draws.day(self.draws.between(-28, 28))
        return self.draws.day(self.draws.pick((-1, 1)) * self.draws.between(32, 120))

    def _service_address(self) -> Record | str:
        """A type-11 custom field value, with the guide's spelling `adress`; "" when unset."""
        if not self.draws.chance(0.25):
            return ""
        place = self.draws.place()
        return {
            "adress": place["address"],
            "adress2": place["address2"],
            "zip": place["zip"],
            "city": place["city"],
            "country": place["country"],
            "lat": place["latitude"],
            "lon": place["longitude"],
        }

    def _extra_address(self) -> Record:
        place = self.draws.place()
        address_type = self.draws.pick(words.TODO_ADDRESS_TYPES)
        return {
            "type": address_type,
            "full": f"{place['address']}, {place['zip']} {place['city']}",
            "name": address_type,
            "name2": "",
            **place,
        }


def _address_of(customer: Record) -> Record:
    keys = ("address", "address2", "zip", "city", "country", "latitude", "longitude")
    return {key: customer[key] for key in keys}
