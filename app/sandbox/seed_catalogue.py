"""Products, each user's favourite products, and product use (todoitems) on tasks.

The catalogue lists each item once per wholesaler, so titles repeat with different numbers
and prices, as in a real price list. Favourites are the products a user picks most; the
initial configuration reads only those (onlyfavorites).
"""

from __future__ import annotations

from typing import Any

from app.sandbox.catalogue import SUPPLIERS, product_lines
from app.sandbox.draws import Draws
from app.sandbox.setup_data import Setup
from app.sandbox.texts import Texts

Record = dict[str, Any]

_DEMO_FAVOURITES = 40  # at scale 1
_USE_SHARE = 0.3
_MEASURED_UNITS = frozenset({"m", "kg", "l", "time"})


def products(
    draws: Draws, setup: Setup, count: int, scale: float
) -> tuple[list[Record], dict[int, set[int]]]:
    """`count` products, and the favourites of every user (the demo technician's ~40 at
    scale 1, colleagues' 10 to 40)."""
    lines = product_lines()
    texts = Texts(setup)
    found: list[Record] = []
    for product_id in range(1, count + 1):
        title, unit, group, price = lines[(product_id - 1) % len(lines)]
        supplier = SUPPLIERS[(product_id - 1) // len(lines) % len(SUPPLIERS)]
        stamps, _ = draws.stamps(730, skew=1.3)
        found.append(
            {
                "id": product_id,
                "number": str(20000 + product_id),
                "title": title,
                "unit": unit,
                "price": round(price * (0.9 + 0.2 * draws.between(0, 10) / 10), 2),
                "groupid": group,
                "grouptext": texts.text("productgroup", group),
                "supplier": supplier,
                "stateid": draws.pick((1, 1, 1, 1, 2, 3)),
                "isdeleted": int(draws.chance(0.03)),
                **stamps,
            }
        )
    ids = [p["id"] for p in found]
    favourites = {}
    for user in setup.users:
        wanted = _DEMO_FAVOURITES if user["id"] == setup.current_user_id else draws.between(10, 40)
        favourites[user["id"]] = set(draws.some(ids, min(len(ids), max(3, round(wanted * scale)))))
    return found, favourites


def product_use(
    draws: Draws, todos: list[Record], catalogue: list[Record], tools: list[Record]
) -> list[Record]:
    """One to four product lines on about 30% of the tasks, some on equipment at the task's
    customer (so GetProductUseByToolID finds them too)."""
    at_customer: dict[int, list[int]] = {}
    for tool in tools:
        for customer_id in {tool["placeofhome"], tool["customerid"]} - {0}:
            at_customer.setdefault(customer_id, []).append(tool["id"])
    today = draws.day(0)
    found: list[Record] = []
    for task in todos:
        if not draws.chance(_USE_SHARE):
            continue
        here = at_customer.get(task["customerid"], [])
        for _ in range(draws.between(1, 4)):
            product = draws.pick(catalogue)
            measured = product["unit"] in _MEASURED_UNITS
            stamps, _ = draws.stamps(365, skew=1.5)
            found.append(
                {
                    "id": len(found) + 1,
                    "todoid": task["id"],
                    "toolid": draws.pick(here) if here and draws.chance(0.4) else 0,
                    "productid": product["id"],
                    "producttext": product["title"],
                    "amount": draws.between(1, 40) / 2 if measured else draws.between(1, 6),
                    "unit": product["unit"],
                    "date": min(task["startdate"], today),
                    "isdeleted": int(draws.chance(0.02)),
                    **stamps,
                }
            )
    return found
