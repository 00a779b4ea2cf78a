"""Trips: how long one takes between venues (from coordinates alone), and an itinerary's legs."""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass
from operator import attrgetter

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
    # Differences taken unsigned: the distance is the same either way to the last bit.
    d_phi = abs(phi_b - phi_a)
    d_lambda = math.radians(abs(b_lon - a_lon))
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
    # Delegates whose own chosen items put this trip in their day (messages put them in order).
    delegates: tuple[int, ...] = ()
    # For a trip between two items of the whole delegation: those who go elsewhere in between
    # (a chosen item ended later). None for any other trip.
    whole_except: frozenset[int] | None = None
    speakers: tuple[int, ...] = ()


NOBODY: frozenset[int] = frozenset()
Judge = Callable[[ProgrammeItem, ProgrammeItem], TravelEstimate | None]


@dataclass(frozen=True, slots=True)
class Horizon:
    """How far back a kept trip can start: the judge keeps none of `longest` or more."""

    longest: dt.timedelta
    # The items' real (UTC) starts and ends by item id, to measure gaps in real time.
    starts: Mapping[int, dt.datetime]
    ends: Mapping[int, dt.datetime]


def trips(items: Sequence[ProgrammeItem], judge: Judge,
          horizon: Horizon | None = None) -> list[Trip]:
    """Every person's trips that `judge` keeps (it returns their estimate), each pair judged once.

    Each person goes to an item from the item of theirs that ended last by its start (latest
    end, then start, then id). One sweep over the items in start order follows every delegate
    and speaker at once: O(n log n + audiences), whatever the number of people. Beyond the
    horizon, the judge is not asked: a speaker's last item was often days before.
    """
    kept: list[Trip] = []  # in the order first judged
    # Every trip to an item is judged while the sweep stands at it: pairs need no other memo.
    judged: dict[int, Trip | None] = {}  # by the id of the item the trip comes from
    item: ProgrammeItem
    ended = horizon.ends if horizon is not None else {}
    since: dt.datetime | None = None  # trips from items ended by then are too long to keep

    def trip(prev: ProgrammeItem) -> Trip | None:
        if (came := prev.id) in judged:
            return judged[came]
        if since is not None and ended[came] <= since:
            return None
        if (estimate := judge(prev, item)) is None:
            judged[came] = None
            return None
        found = judged[came] = Trip(prev, item, estimate)
        kept.append(found)
        return found

    by_end = sorted(items, key=attrgetter("ends", "starts", "id"))
    ends = [i.ends for i in by_end]
    whole: ProgrammeItem | None = None  # the whole delegation's item that ended last
    away: dict[int, ProgrammeItem] = {}  # delegates whose chosen item ended after `whole`
    back_from: dict[int, tuple[ProgrammeItem, set[int]]] = {}  # the same, by item
    spoke: dict[int, ProgrammeItem] = {}  # each speaker's item that ended last
    audiences: dict[int, frozenset[int]] = {}  # of chosen items begun, not yet over
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
                # Its audience as made when it began (a zero-length item may end first).
                audience = audiences.pop(over.id, None) or frozenset(audience_ids)
                if away:
                    for d in audience & away.keys():  # set operations: 50 at a time
                        back_from[away[d].id][1].discard(d)
                    away.update(dict.fromkeys(audience, over))
                else:
                    away = dict.fromkeys(audience, over)
                back_from[over.id] = (over, set(audience))
            for person in over.speakers:
                spoke[person.id] = over
        judged.clear()
        if horizon is not None:
            since = horizon.starts[here] - horizon.longest
        if speakers := item.speakers:
            for s in ((speakers[0].id,) if len(speakers) == 1  # mostly: nobody twice
                      else dict.fromkeys([person.id for person in speakers])):
                if (came := spoke.get(s)) is not None and came.id != here and (t := trip(came)):
                    t.speakers += (s,)
        comers: Mapping[int, tuple[ProgrammeItem, Set[int]]]
        if item.delegate_ids is None:  # those away come back; the others come from `whole`
            if whole is not None and whole.id != here and (t := trip(whole)):
                t.whole_except = frozenset(away) if away else NOBODY
            if not back_from:
                continue
            comers = back_from
        else:
            audience = audiences[here] = frozenset(item.delegate_ids)
            if away and (met := audience & away.keys()):
                groups: dict[int, tuple[ProgrammeItem, set[int]]] = {}
                for d in met:  # grouped by the chosen item they come from
                    if (group := groups.get((prev := away[d]).id)) is None:
                        group = groups[prev.id] = (prev, set())
                    group[1].add(d)
                if whole is not None:
                    groups[whole.id] = (whole, set(audience) - met)
                comers = groups
            elif whole is not None:
                comers = {whole.id: (whole, audience)}
            else:
                continue
        for prev, people in comers.values():
            if people and prev.id != here and (t := trip(prev)):
                t.delegates += tuple(people)
    return kept
