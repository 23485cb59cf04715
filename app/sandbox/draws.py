"""Random building blocks of demo objects: places, change stamps, dates, company names.

All randomness comes from one `random.Random(seed)`, so the same seed draws the same
objects; dates are offsets from `now`, so they stay fresh on every start.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, TypeVar

from app.sandbox import vocabulary as words
from app.sandbox.pools import Pools
from app.sandbox.towns import TOWNS

Record = dict[str, Any]
T = TypeVar("T")

LAT_RANGE = (54.6, 57.7)
LON_RANGE = (8.1, 12.6)
_NO_LOCATION_SHARE = 0.1
_ADDRESS2 = ("", "", "", "", "", "st. tv.", "1. sal", "2. th.", "Bygning B", "Bagbygningen")
_SLUG_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u"})
_COMPANY_FORM = re.compile(r"\s+(ApS|A/S|I/S)$")
_DAY = 86_400


class Draws:
    def __init__(self, rng: random.Random, pools: Pools, now: datetime) -> None:
        self.pools = pools
        self._random = rng.random
        self._now = now.replace(microsecond=0)
        self._today = self._now.date()

    # random.choice, randint and sample cost a microsecond or more each, and scale 19 makes
    # over a million draws; indexing by random() is several times faster and as deterministic.
    def pick(self, options: Sequence[T]) -> T:
        return options[int(self._random() * len(options))]

    def between(self, low: int, high: int) -> int:
        return low + int(self._random() * (high - low + 1))

    def chance(self, share: float) -> bool:
        return self._random() < share

    def some(self, options: Sequence[T], count: int) -> list[T]:
        """`count` different options (a few), in their order in `options`."""
        chosen: set[int] = set()
        while len(chosen) < count:
            chosen.add(int(self._random() * len(options)))
        return [options[index] for index in sorted(chosen)]

    def place(self) -> Record:
        """An address in a real town; about one in ten has no position (0/0)."""
        town = self.pick(TOWNS)
        located = not self.chance(_NO_LOCATION_SHARE)
        return {
            "address": self.pick(self.pools.streets),
            "address2": self.pick(_ADDRESS2),
            "zip": town.zip,
            "city": town.city,
            "country": "Danmark",
            "latitude": self._near(town.latitude, LAT_RANGE) if located else 0.0,
            "longitude": self._near(town.longitude, LON_RANGE) if located else 0.0,
        }

    def stamps(self, max_age_days: float, skew: float = 1.0) -> tuple[Record, int]:
        """Create/change date and time fields, and the age in days of the change.

        `skew` > 1 crowds the changes towards now, as in a live contract.
        """
        changed = 1 + int(max_age_days * _DAY * self._random() ** skew)
        created = changed + int(self._random() * 90 * _DAY)
        create_stamp = self._stamp(created)
        change_stamp = self._stamp(changed)
        return {
            "createdate": create_stamp[:10],
            "createtime": create_stamp[11:],
            "changedate": change_stamp[:10],
            "changetime": change_stamp[11:],
        }, changed // _DAY

    @property
    def now(self) -> datetime:
        return self._now

    def at(self, moment: datetime) -> Record:
        """Create and change stamps both at `moment` (an object made once, never edited)."""
        stamp = moment.isoformat(" ")
        return {
            "createdate": stamp[:10],
            "createtime": stamp[11:],
            "changedate": stamp[:10],
            "changetime": stamp[11:],
        }

    def day(self, offset_days: int) -> str:
        """The date `offset_days` from today (negative is the past), as YYYY-MM-DD."""
        return (self._today + timedelta(days=offset_days)).isoformat()

    def person_name(self) -> tuple[str, str]:
        return self.pick(self.pools.first_names), self.pick(self.pools.last_names)

    def phone(self) -> str:
        return self.pick(self.pools.phones)

    def digits(self, count: int) -> str:
        return str(self.between(10 ** (count - 1), 10**count - 1))

    def sentences(
        self,
        low: int,
        high: int,
        separator: str = " ",
        source: Sequence[str] = words.DESCRIPTION_SENTENCES,
    ) -> str:
        count = min(self.between(low, high), len(source))
        return separator.join(self.some(source, count))

    def company(self, town: str) -> tuple[str, int]:
        """A customer name and its customer type id (1 business, 2 private, 3 public, 4 housing)."""
        roll = self._random()
        last = self.pick(self.pools.last_names)
        if roll < 0.55:
            trade, form = self.pick(words.CUSTOMER_TRADES), self.pick(words.COMPANY_SUFFIXES)
            return f"{last} {trade} {form}".strip(), 1
        if roll < 0.65:
            return f"{last} & Søn {self.pick(words.COMPANY_SUFFIXES)}".strip(), 1
        if roll < 0.85:
            pattern = self.pick(words.CUSTOMER_INSTITUTIONS)
            name = pattern.format(self.pick((*words.INSTITUTION_NAMES, town)))
            return name, 4 if "forening" in pattern else 3
        first, last = self.person_name()
        return f"{first} {last}", 2

    def _stamp(self, seconds_ago: int) -> str:
        return (self._now - timedelta(seconds=seconds_ago)).isoformat(" ")

    def _near(self, centre: float, bounds: tuple[float, float]) -> float:
        value = centre + (self._random() - 0.5) * 0.06
        return round(min(max(value, bounds[0]), bounds[1]), 6)


@lru_cache(maxsize=4096)
def domain_label(name: str) -> str:
    """A name as a domain or e-mail label: "Hansen & Søn ApS" -> "hansen-soen"."""
    base = _COMPANY_FORM.sub("", name).lower().translate(_SLUG_LETTERS)
    return re.sub(r"[^a-z0-9]+", "-", base).strip("-")
