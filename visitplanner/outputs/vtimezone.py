"""VTIMEZONE with yearly RRULEs from the zone's rules, as Outlook and Thunderbird read it right."""
from __future__ import annotations

import calendar
import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # icalendar itself loads at the first calendar: a tenth of a second of start-up
    from icalendar import Timezone

NAME = r"(?:<[^>]+>|[A-Za-z]{3,})"
OFFSET = r"[+-]?\d{1,3}(?::\d{2}){0,2}"
RULE = r"M(\d{1,2})\.([1-5])\.([0-6])(?:/(" + OFFSET + r"))?"
POSIX_TZ = re.compile(rf"^({NAME})({OFFSET})(?:({NAME})({OFFSET})?,{RULE},{RULE})?$")
WEEKDAYS = ("SU", "MO", "TU", "WE", "TH", "FR", "SA")  # POSIX numbers Sunday 0


@dataclass(frozen=True)
class Observance:
    """One STANDARD or DAYLIGHT part: when it starts (local time before it) and its offsets."""

    daylight: bool
    name: str
    starts: dt.datetime
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    rule: tuple[int, int, int, int] | None = None  # month, week (5 = last), weekday, seconds

    @property
    def rrule(self) -> dict[str, object] | None:
        """The yearly RRULE of a rule: BYMONTH=3;BYDAY=-1SU for 'last Sunday of March'."""
        if self.rule is None:
            return None
        month, week, weekday, _ = self.rule
        return {"FREQ": "YEARLY", "BYMONTH": month,
                "BYDAY": f"{-1 if week == 5 else week}{WEEKDAYS[weekday]}"}


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(part) for part in text.lstrip("+-").split(":")] + [0, 0]
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


@cache
def _posix_footer(key: str) -> str | None:
    """The POSIX TZ string at the end of the zone's TZif file: its rules for the future."""
    candidates: list[Path | Traversable] = [Path(base) / key for base in zoneinfo.TZPATH]
    try:
        candidates.append(resources.files("tzdata.zoneinfo").joinpath(*key.split("/")))
    except ModuleNotFoundError:
        pass
    for candidate in candidates:
        if candidate.is_file():
            data = candidate.read_bytes()
            return data.rstrip(b"\n").rsplit(b"\n", 1)[-1].decode("ascii", "replace")
    return None


def _onset(year: int, month: int, week: int, weekday: int, seconds: int) -> dt.datetime:
    """The local start of a rule `Mmonth.week.weekday/time` in `year` (week 5 = the last)."""
    first = (weekday - (calendar.weekday(year, month, 1) + 1) % 7) % 7 + 1
    day = first + 7 * (week - 1)
    if day > calendar.monthrange(year, month)[1]:
        day -= 7
    return dt.datetime(year, month, day) + dt.timedelta(seconds=seconds)


def rule_observances(key: str, year: int) -> list[Observance] | None:
    """Observances with RRULEs from the zone's rules, first onsets in `year`; None if none fit."""
    match = POSIX_TZ.match(_posix_footer(key) or "")
    if match is None:
        return None
    std_name, std_off, dst_name, dst_off, *rules = match.groups()
    standard = dt.timedelta(seconds=-_seconds(std_off))
    if dst_name is None:
        return [Observance(False, std_name.strip("<>"), dt.datetime(1970, 1, 1), standard,
                           standard)]
    daylight = (dt.timedelta(seconds=-_seconds(dst_off)) if dst_off
                else standard + dt.timedelta(hours=1))
    parts = []
    for n, (to_dst, before, after, name) in enumerate(
            ((True, standard, daylight, dst_name), (False, daylight, standard, std_name))):
        month, week, weekday, at = rules[4 * n:4 * n + 4]
        seconds = _seconds(at) if at else 7200
        if not 0 <= seconds < 86400:
            return None  # RRULE cannot say "24:00 or later"; the explicit list serves those zones
        rule = (int(month), int(week), int(weekday), seconds)
        parts.append(Observance(to_dst, name.strip("<>"), _onset(year, *rule), before, after, rule))
    return parts


def _agrees(key: str, observances: list[Observance], first: dt.date, last: dt.date) -> bool:
    """Check the rules against the zone's own transitions over the dates the calendar covers."""
    explicit = explicit_observances(key, first, last)
    onsets = {(_onset(year, *part.rule), part.offset_from, part.offset_to)
              for part in observances if part.rule for year in range(first.year, last.year + 1)}
    in_force = any(part.offset_to == explicit[0].offset_to for part in observances)
    return in_force and all((part.starts, part.offset_from, part.offset_to) in onsets
                            for part in explicit[1:])


def explicit_observances(key: str, first: dt.date, last: dt.date) -> list[Observance]:
    """One observance per transition of the zone between two dates (found by day, then bisected)."""
    zone = zoneinfo.ZoneInfo(key)

    def offset(moment: dt.datetime) -> dt.timedelta:
        """The zone's UTC offset at a moment (a ZoneInfo always has one)."""
        return moment.astimezone(zone).utcoffset() or dt.timedelta(0)

    moment = dt.datetime.combine(first, dt.time(), dt.UTC) - dt.timedelta(days=1)
    start = moment.astimezone(zone)
    parts = [Observance(bool(start.dst()), start.tzname() or key, dt.datetime(1970, 1, 1),
                        offset(moment), offset(moment))]
    end = dt.datetime.combine(last, dt.time(), dt.UTC) + dt.timedelta(days=2)
    while moment < end:
        following = moment + dt.timedelta(days=1)
        if offset(following) != offset(moment):
            low, high = moment, following
            while high - low > dt.timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if offset(middle) == offset(low) else (low, middle)
            local = high.astimezone(zone)
            parts.append(Observance(bool(local.dst()), local.tzname() or key,
                                    (high + offset(low)).replace(tzinfo=None, microsecond=0),
                                    offset(low), offset(high)))
        moment = following
    return parts


@lru_cache(maxsize=256)
def vtimezone(key: str, first: dt.date, last: dt.date) -> Timezone:
    """The VTIMEZONE of zone `key` valid from `first` to `last`: made once, then the same
    component for every calendar and invitation (callers add it, never change it)."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    observances = rule_observances(key, first.year - 1)
    if observances is None or not _agrees(key, observances, first, last):
        observances = explicit_observances(key, first, last)
    component = Timezone()
    component.add("tzid", key)
    for part in observances:
        sub = TimezoneDaylight() if part.daylight else TimezoneStandard()
        sub.add("dtstart", part.starts)
        sub.add("tzname", part.name)
        sub.add("tzoffsetfrom", part.offset_from)
        sub.add("tzoffsetto", part.offset_to)
        if part.rrule:
            sub.add("rrule", part.rrule)
        component.add_component(sub)
    return component
