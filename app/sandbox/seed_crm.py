"""What the CRM keeps beside companies and persons: who is related to which company in what
role (cprelationship), and companies' procedures (instructions for the technician)."""

from __future__ import annotations

from typing import Any

from app.sandbox import vocabulary as words
from app.sandbox.draws import Draws

Record = dict[str, Any]


def relations(draws: Draws, persons: list[Record], customers: list[Record]) -> list[Record]:
    """One or two per person: the employer first, sometimes a second company (a board seat,
    a tenancy); a person without an employer is related to some company all the same."""
    found: list[Record] = []
    for person in persons:
        companies = [person["customerid"] or draws.pick(customers)["id"]]
        roles = [draws.pick(words.RELATION_ROLES)]
        if draws.chance(0.3):
            other = draws.pick(customers)["id"]
            if other != companies[0]:
                companies.append(other)
                roles.append(draws.pick(words.SECOND_RELATION_ROLES))
        for company, role in zip(companies, roles, strict=True):
            stamps, _ = draws.stamps(730, skew=1.3)
            found.append(
                {
                    "id": len(found) + 1,
                    "personid": person["id"],
                    "customerid": company,
                    "title": role,
                    "isdeleted": person["isdeleted"] or int(draws.chance(0.01)),
                    **stamps,
                }
            )
    return found


def procedures(draws: Draws, customers: list[Record]) -> list[Record]:
    """About one per three companies (some companies have several, most none)."""
    found: list[Record] = []
    for _ in range(max(1, len(customers) // 3)):
        customer = draws.pick(customers)
        stamps, _ = draws.stamps(730, skew=1.3)
        found.append(
            {
                "id": len(found) + 1,
                "modcode": "customers",
                "sysref": customer["id"],
                "title": draws.pick(words.PROCEDURE_TITLES),
                "text": draws.sentences(2, 4, source=words.PROCEDURE_SENTENCES),
                "isdeleted": customer["isdeleted"] or int(draws.chance(0.02)),
                **stamps,
            }
        )
    return found
