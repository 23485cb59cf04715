"""The demo contract's product catalogue: what a Danish HVAC service firm sells and fits.

A product title is an item and one of its sizes, so a few dozen lines give hundreds of
plausible products; groups, units, product states and budget areas are the setup the
app reads with GetProductStates and GetProductUnits.
"""

from __future__ import annotations

from typing import Any

Record = dict[str, Any]

PRODUCT_GROUPS: tuple[Record, ...] = (
    {"id": 1, "title": "VVS"},
    {"id": 2, "title": "Ventilation"},
    {"id": 3, "title": "Køl"},
    {"id": 4, "title": "El"},
    {"id": 5, "title": "Forbrugsvarer"},
    {"id": 6, "title": "Ydelser"},
)

PRODUCT_UNITS: tuple[Record, ...] = tuple(
    {"id": number, "title": title}
    for number, title in enumerate(("stk", "m", "kg", "l", "time", "pk", "sæt"), start=1)
)

PRODUCT_STATES: tuple[Record, ...] = (
    {"id": 1, "title": "Aktiv"},
    {"id": 2, "title": "Bestillingsvare"},
    {"id": 3, "title": "Udgår"},
)

BUDGET_AREAS: tuple[Record, ...] = (
    {"id": 1, "title": "Materialer"},
    {"id": 2, "title": "Arbejdsløn"},
    {"id": 3, "title": "Kørsel"},
    {"id": 4, "title": "Underleverandør"},
)

# (item, unit, group id, base price in DKK, sizes): one product per size.
ITEMS: tuple[tuple[str, str, int, float, tuple[str, ...]], ...] = (
    ("Kobberrør", "m", 1, 68.0, ("10 mm", "12 mm", "15 mm", "18 mm", "22 mm", "28 mm")),
    ("Pressfitting bøjning", "stk", 1, 42.0, ("15 mm", "18 mm", "22 mm", "28 mm")),
    ("Pressfitting T-stykke", "stk", 1, 55.0, ("15 mm", "18 mm", "22 mm", "28 mm")),
    ("Kugleventil", "stk", 1, 129.0, ('1/2"', '3/4"', '1"', '5/4"')),
    ("Termostatventil Danfoss RA-N", "stk", 1, 245.0, ("10", "15", "20")),
    ("Cirkulationspumpe Grundfos Alpha2", "stk", 1, 1895.0, ("25-40", "25-60", "32-60")),
    ("Ekspansionsbeholder", "stk", 1, 620.0, ("8 l", "12 l", "18 l", "25 l", "35 l")),
    ("Sikkerhedsventil", "stk", 1, 210.0, ("1,5 bar", "2,5 bar", "3 bar", "6 bar")),
    ("Radiatorventil", "stk", 1, 185.0, ("lige", "vinkel")),
    ("Filter G4", "stk", 2, 89.0, ("287x592", "592x592", "490x592", "287x287")),
    ("Filter F7 posefilter", "stk", 2, 245.0, ("287x592", "592x592", "490x592")),
    ("Spirorør", "m", 2, 115.0, ("Ø100", "Ø125", "Ø160", "Ø200", "Ø250")),
    ("Spjæld", "stk", 2, 340.0, ("Ø100", "Ø125", "Ø160", "Ø200")),
    ("Ventilator remskive", "stk", 2, 410.0, ("SPA 100", "SPA 125", "SPA 160")),
    ("Kilerem", "stk", 2, 96.0, ("SPZ 1000", "SPZ 1250", "SPA 1400", "SPA 1600")),
    ("Kølemiddel R32", "kg", 3, 385.0, ("flaske 9 kg", "flaske 4,5 kg")),
    ("Kølemiddel R410A", "kg", 3, 495.0, ("flaske 10 kg", "flaske 5 kg")),
    ("Kølemiddel R290", "kg", 3, 420.0, ("flaske 5 kg",)),
    ("Filtertørrer", "stk", 3, 215.0, ('1/4"', '3/8"', '1/2"', '5/8"')),
    ("Skueglas", "stk", 3, 260.0, ('1/4"', '3/8"', '1/2"')),
    ("Kompressorolie POE", "l", 3, 310.0, ("1 l", "4 l")),
    ("Temperaturføler NTC", "stk", 3, 175.0, ("10k", "5k")),
    ("Installationskabel PVIK", "m", 4, 24.0, ("3G1,5", "3G2,5", "5G1,5", "5G2,5")),
    ("Automatsikring", "stk", 4, 145.0, ("B10", "B13", "B16", "C16", "C20")),
    ("HPFI-relæ", "stk", 4, 520.0, ("2-pol 40A", "4-pol 40A")),
    ("Kontaktor", "stk", 4, 380.0, ("9A", "12A", "18A")),
    ("Strips", "pk", 5, 49.0, ("100 mm", "200 mm", "300 mm")),
    ("Gevindtape", "stk", 5, 29.0, ("12 m",)),
    ("Lækagespray", "stk", 5, 79.0, ("400 ml",)),
    ("Skruer rustfri", "pk", 5, 89.0, ("4x30", "4x40", "5x50", "5x60")),
    ("Pakningssæt", "sæt", 5, 149.0, ("VVS", "køl")),
    ("Servicetime", "time", 6, 695.0, ("hverdag", "aften", "weekend")),
    ("Kørsel", "stk", 6, 395.0, ("zone 1", "zone 2", "zone 3")),
    ("Miljøgebyr", "stk", 6, 85.0, ("",)),
)


def product_lines() -> list[tuple[str, str, int, float]]:
    """(title, unit, group id, price) for every item in every size, in catalogue order."""
    return [
        (f"{item} {size}".strip(), unit, group, round(price * (1 + 0.15 * rank), 2))
        for item, unit, group, price, sizes in ITEMS
        for rank, size in enumerate(sizes)
    ]


# Wholesalers the same item is bought from; the catalogue lists an item once per supplier.
SUPPLIERS: tuple[str, ...] = ("Brødrene Dahl", "Sanistål", "Ahlsell", "Solar", "Lemvigh-Müller")
