"""What a new object holds before the dispatcher's fields are merged in.

A dispatcher creating a task through /_sandbox/objects/todo gives a title, a customer and a
user, not forty fields; the rest starts as the back office would fill it, so the object the
app receives is complete. `*text` siblings are not here: they follow from the ids.
"""

from __future__ import annotations

from typing import Any

Record = dict[str, Any]

_NO_ADDRESS: Record = {
    "address": "",
    "address2": "",
    "zip": "",
    "city": "",
    "country": "Danmark",
    "latitude": 0.0,
    "longitude": 0.0,
}

_BLANKS: dict[str, Record] = {
    "todo": {
        "title": "",
        "description": "",
        "customerid": 0,
        "workareaid": 1,
        "stateid": 1,
        "isclosed": 0,
        "isaccepted": 0,
        "priority": "3",
        "estimate": "60",
        "timeusage": 0,
        "userid": 0,
        "additionaluserids": [],
        "team": 0,
        "ispool": 0,
        "checkpoints": [],
        "checkpointsdone": [],
        **_NO_ADDRESS,
        "addresses": [],
        "icons": [],
        "parenttodo": 0,
        "startdate": "",
        "enddate": "",
        "nextaction": "",
        "custom101": "",
        "custom102": 0,
    },
    "customer": {
        "name": "",
        **_NO_ADDRESS,
        "phone": "",
        "email": "",
        "www": "",
        "ourreference": 0,
        "theirreference": 0,
        "sellerid": 0,
        "typeid": 1,
        "parentcust": 0,
        "isblocked": 0,
        "team": 0,
        "custom201": "Ingen",
        "custom202": "",
        "isactive": 1,
    },
    "person": {
        "firstname": "",
        "lastname": "",
        "title": "",
        **_NO_ADDRESS,
        "phone": "",
        "mobile": "",
        "email": "",
        "typeid": 1,
        "customerid": 0,
        "custom401": 0,
    },
    "tool": {
        "title": "",
        "description": "",
        "groupid": 7,
        "stateid": 2,
        "customerid": 0,
        "placeofhome": 0,
        "carrier_userid": 0,
        "todoid": 0,
        "userid": 0,
        "serialnumber": "",
        "barcode": "",
        "lastservice": "",
        "nextservice": "",
        "latitude": 0.0,
        "longitude": 0.0,
        "custom301": "",
        "isactive": 1,
    },
    "product": {
        "title": "",
        "unit": "stk",
        "price": 0.0,
        "groupid": 5,
        "supplier": "",
        "stateid": 1,
    },
    "thread": {
        "objecttype": "todo",
        "objectid": 0,
        "title": "",
        "tag": "Noter",
        "ispublic": 0,
        "subscribers": [],
        "messages": [],
    },
    "procedure": {"modcode": "customers", "sysref": 0, "title": "", "text": ""},
    "relation": {"personid": 0, "customerid": 0, "title": ""},
    "prodplanentry": {
        "todoid": 0,
        "userid": 0,
        "date": "",
        "fromtime": "08:00:00",
        "totime": "09:00:00",
    },
}

# Numbered kinds: the number the back office gives a new object, from its id.
_NUMBERS = {
    "todo": ("number", "T-{}", 10000),
    "customer": ("customernumber", "{}", 10000),
    "tool": ("number", "{}", 5000),
    "product": ("number", "{}", 20000),
}


def blank(kind: str, object_id: int) -> Record:
    """A fresh copy of the kind's defaults (nested lists included), not yet deleted."""
    found: Record = {
        key: list(value) if isinstance(value, list) else value
        for key, value in _BLANKS.get(kind, {}).items()
    }
    if kind in _NUMBERS:
        field, pattern, base = _NUMBERS[kind]
        found[field] = pattern.format(base + object_id)
    found["isdeleted"] = 0
    return found
