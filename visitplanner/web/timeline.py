"""Lay a programme out as a timeline: one column per day, items placed by time, side by side
when they overlap. Pure: takes a Programme, returns positions in percent."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from visitplanner.planning.programme import Programme, ProgrammeItem

EARLIEST_HOUR, LATEST_HOUR = 8, 18  # shown even when the programme is shorter


@dataclass(frozen=True)
class Block:
    """An item and where it sits in its day's column (percent of the column)."""

    item: ProgrammeItem
    top: float
    height: float
    left: float
    width: float


@dataclass(frozen=True)
class Column:
    """One day."""

    date: dt.date
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Timeline:
    """The days and the hours the columns span."""

    columns: tuple[Column, ...]
    hours: tuple[int, ...]


def _minutes(moment: dt.datetime) -> int:
    return moment.hour * 60 + moment.minute


def _day_end(item: ProgrammeItem, day: dt.date) -> int:
    """Minutes into the day the item ends; items past midnight stop at the day's end."""
    return 24 * 60 if item.ends.date() > day else _minutes(item.ends)


def lay_out(programme: Programme) -> Timeline:
    """Place every item, one column for each day of the visit (and any day with items);
    overlapping items share their slot in lanes."""
    items = programme.items
    visit = programme.visit
    days: dict[dt.date, tuple[ProgrammeItem, ...]] = {
        visit.start_date + dt.timedelta(days=n): ()
        for n in range((visit.end_date - visit.start_date).days + 1)
    }
    days.update({day.date: day.items for day in programme.days})
    first = min([EARLIEST_HOUR, *(item.starts.hour for item in items)])
    last = max([LATEST_HOUR, *(-(-_day_end(i, i.starts.date()) // 60) for i in items)])
    span = (last - first) * 60
    columns = []
    for date in sorted(days):
        blocks: list[Block] = []
        for group in _overlapping_groups(days[date], date):
            lanes = _lanes(group, date)
            count = max(lanes.values()) + 1
            for item in group:
                top = (_minutes(item.starts) - first * 60) / span * 100
                height = max((_day_end(item, date) - _minutes(item.starts)) / span * 100, 2.5)
                blocks.append(Block(item, round(top, 3), round(height, 3),
                                    round(lanes[item.id] / count * 100, 3), round(100 / count, 3)))
        columns.append(Column(date, tuple(blocks)))
    return Timeline(tuple(columns), tuple(range(first, last)))


def _overlapping_groups(items: tuple[ProgrammeItem, ...],
                        day: dt.date) -> list[list[ProgrammeItem]]:
    """Split a day's items (in start order) into runs that overlap one another."""
    groups: list[list[ProgrammeItem]] = []
    group_end = -1
    for item in items:
        if not groups or _minutes(item.starts) >= group_end:
            groups.append([])
            group_end = -1
        groups[-1].append(item)
        group_end = max(group_end, _day_end(item, day))
    return groups


def _lanes(group: list[ProgrammeItem], day: dt.date) -> dict[int, int]:
    """Give each item the first lane free at its start."""
    lane_ends: list[int] = []
    lanes: dict[int, int] = {}
    for item in group:
        start = _minutes(item.starts)
        lane = next((n for n, end in enumerate(lane_ends) if end <= start), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(0)
        lane_ends[lane] = _day_end(item, day)
        lanes[item.id] = lane
    return lanes
