"""Trips: how long one takes between venues (from coordinates alone), and an itinerary's legs."""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence
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


@dataclass(frozen=True, slots=True)
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
    minutes = math.ceil(round(driving + BUFFER_MINUTES, 6))  # minutes_for_km(km), driven once
    return TravelEstimate(km=km, minutes=minutes, road_km=road_km, speed_kmh=speed)


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


@dataclass(slots=True)
class Trip:
    """A trip from one item to the next, and who makes it."""

    prev: ProgrammeItem
    item: ProgrammeItem
    estimate: TravelEstimate
    # Delegates whose own chosen items put this trip in their day (in the order met).
    delegates: tuple[int, ...] = ()
    # For a trip between two items of the whole delegation: those who go elsewhere in between
    # (a chosen item ended later). None for any other trip.
    whole_except: frozenset[int] | None = None
    speakers: tuple[int, ...] = ()


NOBODY: frozenset[int] = frozenset()
Judge = Callable[[ProgrammeItem, ProgrammeItem], TravelEstimate | None]


def trips(items: Sequence[ProgrammeItem], judge: Judge) -> list[Trip]:
    """Every person's trips that `judge` keeps (it returns their estimate), each pair judged once.

    Each person goes to an item from the item of theirs that ended last by its start (latest
    end, then start, then id). One sweep over the items in start order follows every delegate
    and speaker at once: O(n log n + audiences), whatever the number of people.
    """
    kept: list[Trip] = []  # in the order first judged
    # Every trip to an item is judged while the sweep stands at it: pairs need no other memo.
    judged: dict[int, Trip | None] = {}  # by the id of the item the trip comes from
    item: ProgrammeItem

    def trip(prev: ProgrammeItem) -> Trip | None:
        if (came := prev.id) in judged:
            return judged[came]
        if (estimate := judge(prev, item)) is None:
            judged[came] = None
            return None
        found = judged[came] = Trip(prev, item, estimate)
        kept.append(found)
        return found

    by_end = sorted(items, key=lambda i: (i.ends, i.starts, i.id))
    ends = [i.ends for i in by_end]
    whole: ProgrammeItem | None = None  # the whole delegation's item that ended last
    away: dict[int, ProgrammeItem] = {}  # delegates whose chosen item ended after `whole`
    back_from: dict[int, tuple[ProgrammeItem, dict[int, None]]] = {}  # the same, by item
    spoke: dict[int, ProgrammeItem] = {}  # each speaker's item that ended last
    done, total = 0, len(by_end)
    for item in items:
        starts, here = item.starts, item.id
        while done < total and ends[done] <= starts:
            over = by_end[done]
            done += 1
            if (audience_ids := over.delegate_ids) is None:
                whole = over
                if away:
                    away.clear()
                    back_from.clear()
            elif audience_ids:
                audience = dict.fromkeys(audience_ids)
                if away:
                    for d in audience.keys() & away.keys():  # set operations: 50 at a time
                        del back_from[away[d].id][1][d]
                    away.update(dict.fromkeys(audience, over))
                else:
                    away = dict.fromkeys(audience, over)
                back_from[over.id] = (over, audience)
            for person in over.speakers:
                spoke[person.id] = over
        judged.clear()
        if speakers := item.speakers:
            for s in ((speakers[0].id,) if len(speakers) == 1  # mostly: nobody twice
                      else dict.fromkeys([person.id for person in speakers])):
                if (came := spoke.get(s)) is not None and came.id != here and (t := trip(came)):
                    t.speakers += (s,)
        if item.delegate_ids is None:  # those away come back; the others come from `whole`
            if whole is not None and whole.id != here and (t := trip(whole)):
                t.whole_except = frozenset(away) if away else NOBODY
            if not back_from:
                continue
            comers = back_from
        else:
            audience = dict.fromkeys(item.delegate_ids)
            if away:
                comers = _by_prev((d, away[d]) for d in audience.keys() & away.keys())
                if whole is not None:
                    comers[whole.id] = (whole, dict.fromkeys(audience.keys() - away.keys()))
            elif whole is not None:
                comers = {whole.id: (whole, audience)}
            else:
                continue
        for prev, people in comers.values():
            if people and prev.id != here and (t := trip(prev)):
                t.delegates += tuple(people)
    return kept


def _by_prev(
    comers: Iterable[tuple[int, ProgrammeItem]],
) -> dict[int, tuple[ProgrammeItem, dict[int, None]]]:
    """Group delegates by the chosen item they come from."""
    groups: dict[int, tuple[ProgrammeItem, dict[int, None]]] = {}
    for d, prev in comers:
        if (group := groups.get(prev.id)) is None:
            group = groups[prev.id] = (prev, {})
        group[1][d] = None
    return groups
