"""Pools of Danish names, streets and phone numbers drawn once from a seeded Faker.

Faker is far too slow to call per field at 100k objects; a few thousand draws up front,
then `random.choice` from the pools, keeps generation at a few seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

from faker import Faker

_POOL_SIZE = 2000


@dataclass(frozen=True, slots=True)
class Pools:
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    streets: tuple[str, ...]
    phones: tuple[str, ...]


def build_pools(seed: int) -> Pools:
    fake = Faker("da_DK")
    fake.seed_instance(seed)
    return Pools(
        first_names=tuple(fake.first_name() for _ in range(_POOL_SIZE // 2)),
        last_names=tuple(fake.last_name() for _ in range(_POOL_SIZE // 2)),
        streets=tuple(fake.street_address() for _ in range(_POOL_SIZE)),
        phones=tuple(fake.phone_number() for _ in range(_POOL_SIZE)),
    )
