"""What the search field looks through, and how text is folded so that typing finds it.

The index (app/db/search.py) and the query (app/sync/session.py) fold text the same way, so a
technician finds "Ålborg" by typing "aalb", "Aalborg" by typing "Ålb", "Søndergade" by typing
"soender" and "Müller" by typing "mueller" or "muller": Danish keyboards and Danish spelling
habits (aa for å, oe for ø, ae for æ) meet in the middle. Letters with other accents lose the
accent (é → e). Phone numbers are also kept as one run of digits, with and without the +45
country code, so "23456" finds "+45 23 45 67 89".

Each searchable object gives a short `head` (its number and name: what a technician types
most) and a `body` (addresses, phones, e-mail, serial numbers, custom fields); results whose
head matches come first. Descriptions are left out: they are long (the index would grow by a
fifth and each sync page take longer to write) and their common words would bury the object
a technician means under objects that merely mention it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.core.kinds import Kind
from app.core.values import as_str

# The kinds the search field finds, in the order their results are shown.
SEARCHED_KINDS: tuple[Kind, ...] = (Kind.TODO, Kind.CUSTOMER, Kind.PERSON, Kind.TOOL)

# Spelled out by one `str.replace` each: `str.translate` with a table of strings took 8 µs
# for a customer's body text against 1.3 µs, and a first sync folds some 70,000 such texts.
_SPELLED_OUT = (
    ("å", "aa"), ("æ", "ae"), ("ø", "oe"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"),
)
_TOKEN = re.compile(r"[^\W_]+")
_ACCENTS = re.compile(r"[\u0300-\u036f]+")  # what NFKD splits off é, ñ, ç …
_CUSTOM = re.compile(r"custom\d+")
_NOT_ASCII_DIGIT = re.compile(r"[^0-9]+")
_COUNTRY_CODE = "45"


def fold(text: str) -> str:
    """Lower case, Danish and German letters spelled out (å → aa), other accents dropped.
    Plain ASCII, most of what a sync indexes, returns after the case fold alone."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    spelled = folded
    for letter, spelling in _SPELLED_OUT:
        spelled = spelled.replace(letter, spelling)
    if spelled.isascii():
        return spelled
    return _ACCENTS.sub("", unicodedata.normalize("NFKD", spelled))


def tokens(text: str) -> list[str]:
    """The folded words and numbers of `text`, split where SQLite's tokenizer splits."""
    return _TOKEN.findall(fold(text))


@dataclass(frozen=True, slots=True)
class Field:
    """A searchable field: `key` names it on the object (a view labels it), `phone` marks a
    phone number (indexed also as plain digits)."""

    key: str
    phone: bool = False


# The head fields (number and name) and the body fields of each kind, in the order a match
# is reported in. Custom fields (`custom<id>`) are searched in every kind after these.
HEAD_FIELDS: Mapping[Kind, tuple[Field, ...]] = {
    Kind.TODO: (Field("number"), Field("title")),
    Kind.CUSTOMER: (Field("customernumber"), Field("name")),
    Kind.PERSON: (Field("firstname"), Field("lastname")),
    Kind.TOOL: (Field("number"), Field("title")),
}
BODY_FIELDS: Mapping[Kind, tuple[Field, ...]] = {
    Kind.TODO: (
        Field("customertext"), Field("address"), Field("address2"), Field("zip"),
        Field("city"), Field("secondary_text"),
    ),
    Kind.CUSTOMER: (
        Field("address"), Field("address2"), Field("zip"), Field("city"),
        Field("phone", phone=True), Field("email"), Field("www"), Field("vat"),
        Field("secondary_text"),
    ),
    Kind.PERSON: (
        Field("title"), Field("email"), Field("phone", phone=True),
        Field("mobile", phone=True), Field("address"), Field("address2"), Field("zip"),
        Field("city"), Field("secondary_text"),
    ),
    Kind.TOOL: (
        Field("serialnumber"), Field("barcode"), Field("grouptext"),
    ),
}


# documents()'s keys per kind: head, body, and the body's phone numbers.
_DOCUMENT_KEYS: Mapping[Kind, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    kind: (
        tuple(field.key for field in HEAD_FIELDS[kind]),
        tuple(field.key for field in BODY_FIELDS[kind]),
        tuple(field.key for field in BODY_FIELDS[kind] if field.phone),
    )
    for kind in SEARCHED_KINDS
}


def field_texts(kind: Kind, obj: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(key, text) of every searchable field of `obj` that holds text: head, body, then its
    custom fields (a text, a chosen option, an address's parts)."""
    for field in (*HEAD_FIELDS[kind], *BODY_FIELDS[kind]):
        text = as_str(obj.get(field.key)).strip()
        if text:
            yield field.key, text
    for key, value in obj.items():
        if _is_custom(key):
            text = " ".join(_texts(value))
            if text:
                yield key, text


def documents(kind: Kind, obj: Mapping[str, Any]) -> tuple[str, str]:
    """The folded (head, body) text the index keeps for `obj`. Runs for every object a sync
    writes (about 10 µs each, a second per 100k objects on the writer thread), so the keys are
    looked up from plain tuples and each column is folded once, as one string."""
    head_keys, body_keys, phone_keys = _DOCUMENT_KEYS[kind]
    get = obj.get
    head = " ".join([as_str(get(key)) for key in head_keys])
    body = [as_str(get(key)) for key in body_keys]
    for key in phone_keys:
        body += _phone_digits(as_str(get(key)))
    body += [text for key in _custom_keys(tuple(obj)) for text in _texts(obj[key])]
    return fold(head), fold(" ".join(body))


# The fields a result's title line is made of, per kind: number and name, then where or
# whose it is.
_TITLE_FIELDS: Mapping[Kind, tuple[tuple[str, ...], ...]] = {
    Kind.TODO: (("number",), ("title",), ("customertext",), ("city",)),
    Kind.CUSTOMER: (("customernumber",), ("name",), ("address",), ("zip", "city")),
    Kind.PERSON: (("firstname", "lastname"), ("title",), ("email",)),
    Kind.TOOL: (("number",), ("title",), ("serialnumber",)),
}


def title_line(kind: Kind, obj: Mapping[str, Any]) -> tuple[str, frozenset[str]]:
    """The one line a result shows ("T-10042 · Replace pump · Jensen ApS · Aalborg") and the
    keys it shows, which a match hint need not repeat."""
    parts = []
    for group in _TITLE_FIELDS[kind]:
        part = " ".join(t for t in (as_str(obj.get(key)).strip() for key in group) if t)
        if part:
            parts.append(part)
    shown = frozenset(key for group in _TITLE_FIELDS[kind] for key in group)
    return " · ".join(parts), shown


def matched_field(kind: Kind, obj: Mapping[str, Any], query: Sequence[str],
                  *, skip: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """The first field (key, text) outside `skip` with a word that a query word begins, or a
    phone number whose digits hold a query number: what to show beside a result so the
    technician sees why it was found. None when only skipped fields match."""
    phones = {f.key for f in BODY_FIELDS[kind] if f.phone}
    for key, text in field_texts(kind, obj):
        if key in skip:
            continue
        words = tokens(text)
        if key in phones:
            words += _phone_digits(text)
        if any(word.startswith(q) for q in query for word in words):
            return key, text
    return None


def _is_custom(key: str) -> bool:
    return key.startswith("custom") and _CUSTOM.fullmatch(key) is not None


@lru_cache(maxsize=64)
def _custom_keys(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The custom fields among an object's keys. The objects of one kind share their keys, so
    this is worked out once per set of keys, not for each of some thirty keys per object."""
    return tuple(key for key in keys if _is_custom(key))


def _phone_digits(text: str) -> list[str]:
    """The number as one run of digits, and without the Danish country code when it has one."""
    digits = (_NOT_ASCII_DIGIT.sub("", text) if text.isascii()
              else "".join(c for c in text if c.isdigit()))
    if not digits:
        return []
    local = digits.removeprefix("00").removeprefix(_COUNTRY_CODE)
    if len(local) == 8 and local != digits:
        return [digits, local]
    return [digits]


def _texts(value: Any) -> Iterator[str]:
    """The text in a custom field's value: a string or number, or the strings in a set or a
    list (an address, a multi-choice); a checkbox's true/false is not text."""
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, str | int | float):
        text = as_str(value).strip()
        if text:
            yield text
    elif isinstance(value, Mapping):
        for part in value.values():
            if isinstance(part, str) and part.strip():
                yield part.strip()
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
