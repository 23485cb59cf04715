"""Setup lists only the app reads: no synced object refers to them by id.

GetCustomAppLinks, GetTodoTemplates, GetPersonalDocuments, GISGetCustomBaselayers,
GetQuestionForms, GetPlanDestinations, GetToolServiceProtocols, GetStocks, GetGPSConfig,
GetIcons. Shapes are the [INF] ones in app/sandbox/README.md; contents are what a small
Danish service firm would set up.
"""

from __future__ import annotations

import base64
import hashlib
import struct
import zlib
from typing import Any

Record = dict[str, Any]

APP_LINKS: tuple[Record, ...] = (
    {"id": 1, "title": "Personalehåndbog", "url": "https://intra.demo.dk/haandbog"},
    {"id": 2, "title": "Sikkerhedsdatablade", "url": "https://intra.demo.dk/datablade"},
    {"id": 3, "title": "Bestil materialer", "url": "https://shop.demo.dk"},
)

TODO_TEMPLATES: tuple[Record, ...] = (
    {
        "id": 1,
        "title": "Årligt serviceeftersyn",
        "workareaid": 5,
        "description": "Eftersyn efter serviceaftalen. Skift filtre og noter målinger.",
        "checkpoints": [1, 2, 5, 11],
        "estimate": "120",
    },
    {
        "id": 2,
        "title": "Akut fejlmelding",
        "workareaid": 4,
        "description": "Kunden har meldt fejl. Ring inden ankomst.",
        "checkpoints": [7, 8],
        "estimate": "60",
    },
    {
        "id": 3,
        "title": "Installation af varmepumpe",
        "workareaid": 3,
        "description": "Montering, opstart og gennemgang med kunden.",
        "checkpoints": [4, 7, 8, 9, 12],
        "estimate": "480",
    },
)

PERSONAL_DOCUMENTS: tuple[Record, ...] = (
    {"id": 1, "title": "Lønseddel marts", "filename": "loenseddel-marts.pdf", "filesize": 48211},
    {"id": 2, "title": "Kørekort (kopi)", "filename": "koerekort.jpg", "filesize": 312774},
    {"id": 3, "title": "F-gas certifikat", "filename": "fgas-certifikat.pdf", "filesize": 95120},
)

BASELAYERS: tuple[Record, ...] = (
    {
        "id": 1,
        "title": "Ledningsoplysninger",
        "type": "wms",
        "url": "https://gis.demo.dk/wms?layers=ledninger",
        "deleted": 0,
    },
    {
        "id": 2,
        "title": "Matrikelkort",
        "type": "wms",
        "url": "https://gis.demo.dk/wms?layers=matrikel",
        "deleted": 0,
    },
)

QUESTION_FORMS: tuple[Record, ...] = (
    {
        "id": 1,
        "title": "Afslutning af service",
        "questions": [
            {"id": 1, "text": "Er anlægget efterladt i drift?", "type": "yesno"},
            {"id": 2, "text": "Målt tryk (bar)", "type": "number"},
            {"id": 3, "text": "Bemærkninger til kunden", "type": "text"},
        ],
    },
    {
        "id": 2,
        "title": "Risikovurdering",
        "questions": [
            {"id": 4, "text": "Arbejde i højden?", "type": "yesno"},
            {"id": 5, "text": "Er området afspærret?", "type": "yesno"},
        ],
    },
)

PLAN_DESTINATIONS: tuple[Record, ...] = (
    {"id": 1, "title": "Kunde"},
    {"id": 2, "title": "Værksted"},
    {"id": 3, "title": "Grossist"},
)

TOOL_SERVICE_PROTOCOLS: tuple[Record, ...] = (
    {"id": 1, "title": "Service af varmepumpe", "tooltypeids": [1], "checkpoints": [1, 2, 5]},
    {"id": 2, "title": "Filterskift ventilation", "tooltypeids": [2], "checkpoints": [1, 9]},
    {"id": 3, "title": "Eftersyn af gaskedel", "tooltypeids": [3], "checkpoints": [4, 6]},
    {"id": 4, "title": "Tæthedskontrol køleanlæg", "tooltypeids": [4], "checkpoints": [3, 6]},
    {"id": 5, "title": "Årligt brandslukkertjek", "tooltypeids": [5], "checkpoints": [11]},
)

STOCKS: tuple[Record, ...] = (
    {"id": 1, "title": "Hovedlager Vejle", "userid": 0},
    {"id": 2, "title": "Servicevogn 1", "userid": 3},
    {"id": 3, "title": "Servicevogn 2", "userid": 4},
    {"id": 4, "title": "Servicevogn 3", "userid": 6},
)

GPS_CONFIG: Record = {"enabled": 1, "interval": 300}


def _png(rgb: tuple[int, int, int], size: int = 16) -> bytes:
    """A small one-colour PNG, built with the stdlib so icons carry real image data."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data)
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _icon(icon_id: int, title: str, rgb: tuple[int, int, int] | None) -> Record:
    """An icon with its PNG as base64 and the PNG's md5 (the app skips icons it holds);
    no colour is an icon without an image: empty data and md5sum."""
    png = _png(rgb) if rgb else b""
    return {
        "id": icon_id,
        "title": title,
        "data": base64.b64encode(png).decode(),
        "md5sum": hashlib.md5(png).hexdigest() if png else "",
    }


ICONS: tuple[Record, ...] = (
    _icon(1, "Akut", (229, 57, 53)),
    _icon(2, "Nøgle hos kunden", (255, 193, 7)),
    _icon(3, "Hund på adressen", (121, 85, 72)),
    _icon(4, "Serviceaftale", (76, 175, 80)),
    _icon(5, "Kræver lift", (33, 150, 243)),
    _icon(6, "Ingen ikon", None),
)
ICON_IDS: tuple[int, ...] = tuple(icon["id"] for icon in ICONS)
