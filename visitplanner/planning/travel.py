"""Trips: how long one takes between venues (from coordinates alone), and which a timeline makes."""
from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from visitplanner.planning.programme import ProgrammeItem, VenueView

# Mean Earth radius (IUGG); good to a few metres at city scale.
EARTH_RADIUS_KM = 6371.0088
# Roads are not straight lines: measured trips between Belgian venues run 1.2-1.5 x the
# crow-flies distance (more in city centres, less on motorways); 1.3 is the middle.
DETOUR_FACTOR = 1.3
# Speeds grow with distance, as a trip leaves the city for regional roads and the motorway:
# each band's road kilometres are driven at its speed (a delegation minibus, with traffic).
#   city:     the first 5 km at 25 km/h (traffic lights, one-way streets);
#   region:   the next 25 km, up to 30 km, at 50 km/h (ring roads, regional roads);
#   motorway: everything beyond 30 km at 100 km/h.
# Brussels -> Liege, 88 km straight: 114 km by road, 5 + 25 + 84 km = 12 + 30 + 51 min, + 10.
SPEED_BANDS: tuple[tuple[float, float], ...] = ((5.0, 25.0), (30.0, 50.0), (math.inf, 100.0))
# Leaving a building, boarding, parking, finding the next room.
BUFFER_MINUTES = 10


@dataclass(frozen=True)
class TravelEstimate:
    """A trip estimate: straight-line distance and whole minutes (conflict_messages words it)."""

    km: float
    minutes: int
    road_km: float = 0.0
    # The mean driving speed over the bands the trip crosses, without the buffer.
    speed_kmh: float = 0.0


def straight_line_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Return the great-circle (haversine) distance in kilometres."""
    phi_a, phi_b = math.radians(a_lat), math.radians(b_lat)
    d_phi = phi_b - phi_a
    d_lambda = math.radians(b_lon - a_lon)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi_a) * math.cos(phi_b) * math.sin(d_lambda / 2) ** 2
    # min() guards asin against rounding just above 1 for antipodal points.
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def driving_minutes(road_km: float) -> float:
    """Minutes at the wheel for a road distance, each band at its own speed."""
    minutes, done = 0.0, 0.0
    for upto, speed in SPEED_BANDS:
        if road_km <= done:
            break
        stretch = min(road_km, upto) - done
        minutes += stretch / speed * 60
        done += stretch
    return minutes


def minutes_for_km(km: float) -> int:
    """Turn a straight-line distance into whole travel minutes, rounded up."""
    total = driving_minutes(km * DETOUR_FACTOR) + BUFFER_MINUTES
    # round() first, so float noise (10.000000001) does not cost a whole extra minute.
    return math.ceil(round(total, 6))


def trip_for_km(km: float) -> TravelEstimate:
    """The whole estimate of a trip over a straight-line distance."""
    road_km = km * DETOUR_FACTOR
    driving = driving_minutes(road_km)
    speed = road_km / driving * 60 if driving else SPEED_BANDS[0][1]
    return TravelEstimate(km=km, minutes=minutes_for_km(km), road_km=road_km, speed_kmh=speed)


def estimate_travel(venue_a: VenueView | None, venue_b: VenueView | None) -> TravelEstimate | None:
    """Estimate the trip between two venues; None when either has no coordinates."""
    if venue_a is None or venue_b is None:
        return None
    if venue_a.id == venue_b.id:
        return TravelEstimate(km=0.0, minutes=0)
    a_lat, a_lon = venue_a.latitude, venue_a.longitude
    b_lat, b_lon = venue_b.latitude, venue_b.longitude
    if a_lat is None or a_lon is None or b_lat is None or b_lon is None:
        return None
    return trip_for_km(straight_line_km(a_lat, a_lon, b_lat, b_lon))


def estimate_travel_minutes(venue_a: VenueView | None, venue_b: VenueView | None) -> int | None:
    """Estimate whole travel minutes between two venues; 0 for the same venue, None if unknown."""
    estimate = estimate_travel(venue_a, venue_b)
    return None if estimate is None else estimate.minutes


def minutes_between(earlier: dt.datetime, later: dt.datetime) -> float:
    """Count real minutes between two moments (in UTC, so a DST night is not off by an hour)."""
    utc = dt.UTC
    return (later.astimezone(utc) - earlier.astimezone(utc)).total_seconds() / 60


class Timeline:
    """One person's items, to ask what they last attended before a given moment."""

    def __init__(self, by_start: Sequence[ProgrammeItem]) -> None:
        self.by_start, self.starts = by_start, [i.starts for i in by_start]
        self.by_end = sorted(by_start, key=_end_key)
        self.ends = [i.ends for i in self.by_end]

    def last_before(self, moment: dt.datetime) -> ProgrammeItem | None:
        """Return the latest-ending item that is over by the moment."""
        k = bisect_right(self.ends, moment)
        return self.by_end[k - 1] if k else None

    def next_end_after(self, moment: dt.datetime) -> dt.datetime | None:
        """Return the first end strictly after the moment."""
        k = bisect_right(self.ends, moment)
        return self.ends[k] if k < len(self.ends) else None

    def starting_between(
        self, low: dt.datetime, high: dt.datetime | None
    ) -> Iterator[ProgrammeItem]:
        """Yield items starting at or after low and before high (None: no upper bound)."""
        for k in range(bisect_left(self.starts, low), len(self.starts)):
            if high is not None and self.starts[k] >= high:
                return
            yield self.by_start[k]

    def legs(self) -> Iterator[tuple[ProgrammeItem, ProgrammeItem]]:
        """Yield (previous, next) trips: each item with the item that ended last before it."""
        for item in self.by_start:
            prev = self.last_before(item.starts)
            if prev is not None and prev.id != item.id:
                yield prev, item


def legs_with_chosen(
    whole: Timeline, chosen_items: Sequence[ProgrammeItem]
) -> Iterator[tuple[ProgrammeItem, ProgrammeItem]]:
    """Yield the trips of whole + chosen items that involve a chosen item, never merging the two."""
    chosen = Timeline(chosen_items)

    def prev_of(item: ProgrammeItem) -> ProgrammeItem | None:
        return _later(whole.last_before(item.starts), chosen.last_before(item.starts))

    seen: set[int] = set()
    for c in chosen_items:
        prev = prev_of(c)
        if prev is not None and prev.id != c.id:
            yield prev, c
        # Whole items that now follow c start after it ends and before anything else ends,
        # so they all overlap one another: a handful, not the whole list.
        ends = (whole.next_end_after(c.ends), chosen.next_end_after(c.ends))
        for item in whole.starting_between(c.ends, min((t for t in ends if t), default=None)):
            prev = prev_of(item)
            if prev is not None and prev.delegate_ids is not None and item.id not in seen:
                seen.add(item.id)
                yield prev, item


def _end_key(item: ProgrammeItem) -> tuple[dt.datetime, dt.datetime, int]:
    """Order by end, then start, then id, so 'the item that ended last' is always one item."""
    return item.ends, item.starts, item.id


def _later(a: ProgrammeItem | None, b: ProgrammeItem | None) -> ProgrammeItem | None:
    """Pick the item that ended last."""
    if a is None or b is None:
        return b if a is None else a
    return max(a, b, key=_end_key)
