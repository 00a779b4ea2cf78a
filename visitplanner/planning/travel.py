"""Travel time between venues, estimated from coordinates alone (no routing service)."""
from __future__ import annotations

import math
from dataclasses import dataclass

from visitplanner.planning.programme import VenueView

# Mean Earth radius (IUGG); good to a few metres at city scale.
EARTH_RADIUS_KM = 6371.0088
# Streets are not straight lines: a city trip is typically 1.3-1.5 x the crow-flies distance.
DETOUR_FACTOR = 1.4
# A delegation minibus or taxi through a city centre, including traffic lights.
URBAN_SPEED_KMH = 25.0
# Leaving a building, boarding, parking, finding the next room.
BUFFER_MINUTES = 10


@dataclass(frozen=True)
class TravelEstimate:
    """A trip estimate: straight-line distance and whole minutes, with its reasoning."""

    km: float
    minutes: int

    @property
    def explanation(self) -> str:
        """Say how the minutes were estimated, for a protocol officer."""
        if self.minutes == 0:
            return "same venue"
        return (
            f"{self.km:.1f} km straight line x {DETOUR_FACTOR:g} at {URBAN_SPEED_KMH:g} km/h"
            f" + {BUFFER_MINUTES} min buffer"
        )


def straight_line_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Return the great-circle (haversine) distance in kilometres."""
    phi_a, phi_b = math.radians(a_lat), math.radians(b_lat)
    d_phi = phi_b - phi_a
    d_lambda = math.radians(b_lon - a_lon)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi_a) * math.cos(phi_b) * math.sin(d_lambda / 2) ** 2
    # min() guards asin against rounding just above 1 for antipodal points.
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def minutes_for_km(km: float) -> int:
    """Turn a straight-line distance into whole travel minutes, rounded up."""
    total = km * DETOUR_FACTOR / URBAN_SPEED_KMH * 60 + BUFFER_MINUTES
    # round() first, so float noise (10.000000001) does not cost a whole extra minute.
    return math.ceil(round(total, 6))


def estimate_travel(venue_a: VenueView | None, venue_b: VenueView | None) -> TravelEstimate | None:
    """Estimate the trip between two venues; None when either has no coordinates."""
    if venue_a is None or venue_b is None:
        return None
    if venue_a.id == venue_b.id:
        return TravelEstimate(km=0.0, minutes=0)
    a_lat, a_lon, b_lat, b_lon = venue_a.latitude, venue_a.longitude, venue_b.latitude, venue_b.longitude
    if a_lat is None or a_lon is None or b_lat is None or b_lon is None:
        return None
    km = straight_line_km(a_lat, a_lon, b_lat, b_lon)
    return TravelEstimate(km=km, minutes=minutes_for_km(km))


def estimate_travel_minutes(venue_a: VenueView | None, venue_b: VenueView | None) -> int | None:
    """Estimate whole travel minutes between two venues; 0 for the same venue, None if unknown."""
    estimate = estimate_travel(venue_a, venue_b)
    return None if estimate is None else estimate.minutes
