"""Dates as a Swedish report prints them: "12 mars 2025", "12–13 mars 2025"."""

from __future__ import annotations

from datetime import date

_MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


def long_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def date_span(start: date | None, end: date | None) -> str:
    """A visit's dates, sharing month and year where they can; "" when neither is known."""
    if start is None or end is None or start == end:
        known = start or end
        return long_date(known) if known else ""
    first, last = sorted((start, end))
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {_MONTHS[last.month - 1]} {last.year}"
    if first.year == last.year:
        return f"{first.day} {_MONTHS[first.month - 1]} – {long_date(last)}"
    return f"{long_date(first)} – {long_date(last)}"
