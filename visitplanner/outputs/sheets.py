"""Sheets for the people who make the visit run: delegation, transport, catering, access.

Each is a plain table built from the Programme; sheet_files.py writes it as .xlsx or PDF.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from visitplanner.outputs.common import clock, country_name, label, long_date, time_span
from visitplanner.outputs.practical import journey_means, zone_city
from visitplanner.planning.programme import DelegateView, Programme, ProgrammeItem

SHEET_KINDS = ("delegation", "transport", "catering", "access")
Cell = str | int
Row = tuple[Cell, ...]
# (item id, delegate id) of each delegate who declined that item.
Declines = frozenset[tuple[int, int]]


@dataclass(frozen=True)
class Sheet:
    """One table: its title, column headers and widths (in characters), and rows."""

    kind: str
    title: str
    columns: tuple[str, ...]
    widths: tuple[int, ...]
    rows: tuple[Row, ...]


def audience(programme: Programme, ids: tuple[int, ...] | None) -> tuple[DelegateView, ...]:
    """The delegates of an item or journey: all of them when `ids` is None."""
    return tuple(d for d in programme.delegates if ids is None or d.id in ids)


def names(people: tuple[DelegateView, ...]) -> str:
    """'A, B, C'."""
    return ", ".join(person.full_name for person in people)


def dietary_needs(people: tuple[DelegateView, ...]) -> dict[str, list[str]]:
    """Each need ('vegetarian', 'halal') with the names of those who have it, most common first.

    A delegate may list several needs ('vegetarian, no nuts'); spellings differing only in
    case count as one need.
    """
    needs: dict[str, tuple[str, list[str]]] = {}
    for person in people:
        for need in (person.dietary or "").replace(";", ",").split(","):
            if need.strip():
                key = need.strip().casefold()
                needs.setdefault(key, (need.strip(), []))[1].append(person.full_name)
    ordered = sorted(needs.values(), key=lambda entry: (-len(entry[1]), entry[0].casefold()))
    return {need: people_with for need, people_with in ordered}


def _header(kind: str, lang: str, *keys: str) -> tuple[str, ...]:
    return tuple(label(f"sheet.{kind}.{key}", lang) for key in keys)


def delegation_sheet(programme: Programme) -> Sheet:
    """One row per delegate, with everything reception, catering and security ask for."""
    lang = programme.lang
    rows = tuple((d.full_name, label(f"role.{d.role}", lang), d.function or "",
                  d.organisation or "", country_name(d.country, lang) or "", d.email or "",
                  d.phone or "", d.language or "", d.dietary or "", d.accessibility or "")
                 for d in programme.delegates)
    columns = _header("delegation", lang, "name", "role", "function", "organisation",
                      "country", "email", "phone", "language", "dietary", "accessibility")
    return Sheet("delegation", label("sheet.delegation", lang), columns,
                 (28, 18, 32, 32, 14, 28, 18, 10, 20, 20), rows)


def _place(item: ProgrammeItem | None) -> str:
    return item.venue.name if item is not None and item.venue is not None else ""


def _transfer_rows(programme: Programme) -> list[tuple[dt.datetime, Row]]:
    lang = programme.lang
    contact = programme.contacts[0] if programme.contacts else None
    rows: list[tuple[dt.datetime, Row]] = []
    for day in programme.days:
        for n, item in enumerate(day.items):
            if item.kind != "transfer" or item.status == "cancelled":
                continue
            before = day.items[n - 1] if n else None
            after = day.items[n + 1] if n + 1 < len(day.items) else None
            start = _place(before) or (programme.stays[0].hotel.name if programme.stays else "")
            route = f"{start} → {_place(item) or _place(after)}"
            meeting = ", ".join(part for part in (
                clock(item.meeting_at, lang) if item.meeting_at else "", item.meeting_point or "")
                if part)
            people = audience(programme, item.delegate_ids)
            rows.append((item.starts, (
                long_date(day.date, lang), time_span(item.starts, item.ends, lang), route,
                item.transport or item.title, meeting, len(people), names(people),
                f"{contact.name} {contact.phone}" if contact else "")))
    return rows


def _journey_rows(programme: Programme) -> list[tuple[dt.datetime, Row]]:
    lang = programme.lang
    rows: list[tuple[dt.datetime, Row]] = []
    for journey in programme.journeys:
        # The driver meets arrivals where they land and takes departures to where they leave.
        arrival = journey.direction == "arrival"
        moment = journey.arrives if arrival else journey.departs
        zone = journey.arrival_timezone if arrival else journey.departure_timezone
        people = audience(programme, journey.delegate_ids)
        rows.append((moment, (
            long_date(moment.date(), lang), f"{clock(moment, lang)} ({zone_city(zone, lang)})",
            " → ".join(p for p in (journey.from_place, journey.to_place) if p),
            f"{label(f'release.{journey.direction}', lang)}: {journey_means(journey, lang)}",
            journey.meeting_point or "", len(people), names(people), journey.met_by or "")))
    return rows


def transport_sheet(programme: Programme) -> Sheet:
    """The driver's run sheet: transfers, arrivals and departures by day and time."""
    lang = programme.lang
    rows = sorted(_transfer_rows(programme) + _journey_rows(programme), key=lambda r: r[0])
    columns = _header("transport", lang, "day", "time", "route", "mode", "meeting",
                      "count", "passengers", "contact")
    return Sheet("transport", label("sheet.transport", lang), columns,
                 (18, 20, 44, 32, 28, 8, 50, 30), tuple(cells for _, cells in rows))


def catering_sheet(programme: Programme, declined: Declines = frozenset()) -> Sheet:
    """One row per meal: how many guests and each dietary need counted and named.

    Delegates who declined a meal on their personal page are not counted for it.
    """
    lang = programme.lang
    rows = []
    for item in programme.items:
        if item.kind != "meal" or item.status == "cancelled":
            continue
        delegates = tuple(d for d in audience(programme, item.delegate_ids)
                          if (item.id, d.id) not in declined)
        needs = dietary_needs(delegates)
        rows.append((long_date(item.starts.date(), lang), time_span(item.starts, item.ends, lang),
                     item.title, _place(item), len(delegates) + len(item.person_ids),
                     "; ".join(f"{need}: {len(who)} ({', '.join(who)})"
                               for need, who in needs.items())))
    columns = _header("catering", lang, "day", "time", "meal", "place", "guests", "dietary")
    return Sheet("catering", label("sheet.catering", lang), columns,
                 (18, 12, 30, 30, 8, 60), tuple(rows))


def access_sheet(programme: Programme) -> Sheet:
    """One row per site visit: everyone expected, for the host's reception or security."""
    lang = programme.lang
    rows = []
    for item in programme.items:
        if item.kind != "site_visit" or item.status == "cancelled":
            continue
        expected = [", ".join(p for p in (d.full_name, d.function, d.organisation,
                                          country_name(d.country, lang)) if p)
                    for d in audience(programme, item.delegate_ids)]
        expected += [", ".join(p for p in (person.full_name, person.function,
                                           person.organisation.name if person.organisation
                                           else None) if p)
                     for person in item.speakers + item.interpreters]
        rows.append((long_date(item.starts.date(), lang), time_span(item.starts, item.ends, lang),
                     item.title, _place(item), len(expected), "\n".join(expected)))
    columns = _header("access", lang, "day", "time", "visit", "place", "count", "expected")
    return Sheet("access", label("sheet.access", lang), columns,
                 (18, 12, 34, 30, 8, 80), tuple(rows))


BUILDERS: dict[str, Callable[[Programme], Sheet]] = {
    "delegation": delegation_sheet, "transport": transport_sheet, "access": access_sheet}


def build_sheet(programme: Programme, kind: str, declined: Declines = frozenset()) -> Sheet:
    """The sheet of `kind`; ValueError for a kind the app does not make."""
    if kind == "catering":
        return catering_sheet(programme, declined)
    if kind not in BUILDERS:
        raise ValueError(f"Unknown sheet {kind!r}: use one of {', '.join(SHEET_KINDS)}.")
    return BUILDERS[kind](programme)
