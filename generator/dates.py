"""Dates written out by people: found in page text, and explained when a YAML date is wrong.

The formats are named constants; `parse_written` finds the first date in a text, `date_problem`
says in words what is wrong with a value that should have been YYYY-MM-DD.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTH_NUMBERS = {name[:3].lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_NAMES = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
MONTH_WORD = rf"(?:{_MONTH_NAMES})[a-z]*\.?"  # "Oct.", "October", "Sept": for other modules' patterns
_MONTH = rf"\b(?P<month>{_MONTH_NAMES})[a-z]*\.?"
_WEEKDAY = r"(?:\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+)"
# "Oct. 10, 2025", "Friday, October 10, 2025", "10 October 2025", "2025-10-10"
WRITTEN_FORMS = (
    rf"{_WEEKDAY}?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
    rf"{_WEEKDAY}?\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b",
    r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b",
)
_WRITTEN = [re.compile(f, re.I) for f in WRITTEN_FORMS]
_ISO_LIKE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
_NUMERIC = re.compile(r"^(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})$")


def _month(value: str) -> int:
    return int(value) if value.isdigit() else MONTH_NUMBERS[value[:3].lower()]


def parse_written(text: str) -> tuple[dt.date, re.Match] | None:
    """The first valid written-out date in text, with its match."""
    found = []
    for pattern in _WRITTEN:
        for m in pattern.finditer(text):
            try:
                found.append((m.start(), dt.date(int(m.group("year")), _month(m.group("month")), int(m.group("day"))), m))
            except ValueError:
                continue
    if not found:
        return None
    _, date, m = min(found, key=lambda f: f[0])
    return date, m


def _day_problem(year: int, month: int, day: int) -> str | None:
    """What is wrong with a year, month and day, or None when they make a date."""
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        name = calendar.month_name[month]
        return f"{name} {year} has {days} days" if month == 2 else f"{name} has {days} days"
    return None


def date_problem(value: str) -> str:
    """Say what is wrong with a value that should be a YYYY-MM-DD date, and how to write it."""
    text = " ".join(value.split())
    iso = _ISO_LIKE.match(text)
    if iso:
        year, month, day = (int(iso.group(k)) for k in ("year", "month", "day"))
        problem = _day_problem(year, month, day)
        if problem:
            return f"{text}: {problem}"
        return f"{text}: write {year:04d}-{month:02d}-{day:02d} (two digits for the month and the day)"
    numeric = _NUMERIC.match(text)
    if numeric:
        a, b, year = int(numeric.group("a")), int(numeric.group("b")), int(numeric.group("year"))
        readings = []
        for day, month in ((a, b), (b, a)):
            if _day_problem(year, month, day) is None and (year, month, day) not in readings:
                readings.append((year, month, day))
        if len(readings) == 1:
            year, month, day = readings[0]
            return f"{text}: write {year:04d}-{month:02d}-{day:02d}"
        if len(readings) == 2:
            (y1, m1, d1), (y2, m2, d2) = readings
            return (
                f"{text}: is it {d1} {calendar.month_name[m1]} or {d2} {calendar.month_name[m2]}? "
                f"write {y1:04d}-{m1:02d}-{d1:02d} or {y2:04d}-{m2:02d}-{d2:02d}"
            )
    written = parse_written(text)
    if written and len(written[1].group(0)) >= len(text) - 1:
        return f"{text}: write {written[0].isoformat()}"
    return f"expected a date as YYYY-MM-DD, got {value!r}"
