"""Lenient decoding: what a PHP back end really sends must read as the value it means."""

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.values import as_bool, as_date, as_float, as_id, as_int, as_int_list, as_time


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(12, 12), ("12", 12), (" 7 ", 7), ("3.0", 3), (True, 1), (None, 0), ("", 0), ("abc", 0),
     ([1], 0)],
)
def test_numbers_arrive_as_numbers_or_strings(raw: object, expected: int) -> None:
    assert as_int(raw) == expected


@pytest.mark.parametrize("raw", [1, "1", True, "true", "yes", "YES"])
def test_true_in_every_documented_spelling(raw: object) -> None:
    assert as_bool(raw) is True


@pytest.mark.parametrize("raw", [0, "0", False, "false", "no", "", None, "maybe"])
def test_false_in_every_documented_spelling_and_garbage(raw: object) -> None:
    assert as_bool(raw) is False


@pytest.mark.parametrize("raw", ["2011-08-05", "05-08-2011", "5-8-2011", "05/08/2011"])
def test_dates_in_documented_formats(raw: str) -> None:
    assert as_date(raw) == date(2011, 8, 5)


@pytest.mark.parametrize("raw", ["", "0000-00-00", None, "yesterday", 17])
def test_no_date_for_empty_or_garbage(raw: object) -> None:
    assert as_date(raw) is None


@pytest.mark.parametrize("raw", ["18:45:00", "18:45", "18.45"])
def test_times_in_documented_formats(raw: str) -> None:
    assert as_time(raw) == time(18, 45)


def test_floats_accept_decimal_comma() -> None:
    assert as_float("55,676") == pytest.approx(55.676)
    assert as_float("x") == 0.0


@pytest.mark.parametrize("raw", [1e30, 2**63, -(2**63) - 1, "1e30", float("inf")])
def test_a_number_sqlite_cannot_hold_is_no_number(raw: object) -> None:
    assert as_int(raw) == 0


@pytest.mark.parametrize(("raw", "expected"), [(7, 7), ("7", 7), (" 7 ", 7), (7.0, 7),
                                               (2**63 - 1, 2**63 - 1)])
def test_ids_arrive_as_numbers_or_numeric_strings(raw: object, expected: int) -> None:
    assert as_id(raw) == expected


@pytest.mark.parametrize("raw", [True, False, 7.5, "7.5", "+7", "1e3", -7, 0, 2**63, 1e30,
                                 "\u0667", None, [7], {"id": 7}])
def test_anything_but_a_positive_64_bit_whole_number_is_no_id(raw: object) -> None:
    assert as_id(raw) == 0


def test_id_lists_accept_strings_and_skip_garbage() -> None:
    assert as_int_list(["1", 2, "x", 0, True, 2**64 - 1]) == [1, 2]
    assert as_int_list("4,5") == [4, 5]
    assert as_int_list(None) == []


@given(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                 st.text(), st.lists(st.integers())))
def test_decoders_never_raise(value: object) -> None:
    as_int(value)
    as_id(value)
    as_float(value)
    as_bool(value)
    as_date(value)
    as_time(value)
    as_int_list(value)


@pytest.mark.parametrize("raw", ["2026-13-01", "2026-02-30", "abcd-ef-gh"])
def test_impossible_dates_in_the_canonical_shape_are_none(raw: str) -> None:
    assert as_date(raw) is None


def test_impossible_time_in_the_canonical_shape_is_none() -> None:
    assert as_time("25:61:00") is None
