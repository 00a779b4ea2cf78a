"""The practical side as print words it: journey moments in their own zones, stay dates."""
from __future__ import annotations

import datetime as dt
from functools import cache

from babel.dates import get_timezone_location

from visitplanner.outputs.common import clock, label, long_date
from visitplanner.outputs.languages import language
from visitplanner.planning.programme import (
    DelegateView,
    JourneyView,
    Programme,
    StayView,
    VenueView,
)

# Cities whose name the app's locale data still spells the old way in some languages; the
# IANA zone itself was renamed to Kyiv in 2022.
CITY_NAMES = {"Europe/Kyiv": "Kyiv", "Europe/Kiev": "Kyiv"}


@cache
def zone_city(zone: str, lang: str) -> str:
    """The city a time zone is named after, in the language: 'Warschau', 'Varsovie'."""
    if zone in CITY_NAMES:
        return CITY_NAMES[zone]
    try:
        return str(get_timezone_location(zone, locale=lang, return_city=True))
    except LookupError:
        return zone.rsplit("/", 1)[-1].replace("_", " ")


def zone_moment(moment: dt.datetime, zone: str, lang: str) -> str:
    """'21 April 15:55 (Warsaw)': the local time where it happens and the zone's city."""
    day = language(lang).day_in_text(moment.date())
    return f"{day} {clock(moment, lang)} ({zone_city(zone, lang)})"


def journey_means(journey: JourneyView, lang: str) -> str:
    """'Train IC 706', 'Flight LO 231': the mode in the language and the reference."""
    return " ".join(part for part in (label(f"mode.{journey.mode}", lang), journey.reference)
                    if part)


def travellers(programme: Programme, ids: tuple[int, ...] | None, lang: str) -> str:
    """'the whole delegation' or the names of the chosen delegates."""
    chosen: list[DelegateView] = [d for d in programme.delegates if ids is None or d.id in ids]
    if ids is None or len(chosen) == len(programme.delegates):
        return label("pdf.whole_delegation", lang)
    return ", ".join(delegate.full_name for delegate in chosen)


def stay_dates(stay: StayView, lang: str) -> str:
    """'21 april 2024 – 26 april 2024'."""
    return f"{long_date(stay.check_in, lang)} – {long_date(stay.check_out, lang)}"


def map_url(venue: VenueView) -> str | None:
    """An OpenStreetMap link to the venue's coordinates, or None when they are not known."""
    if venue.latitude is None or venue.longitude is None:
        return None
    lat, lon = f"{venue.latitude:.6f}", f"{venue.longitude:.6f}"
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"


def tel_url(phone: str) -> str:
    """'tel:+3222172300' from '+32 2 217 23 00': digits and a leading plus only."""
    digits = "".join(char for char in phone if char.isdigit())
    return f"tel:{'+' if phone.strip().startswith('+') else ''}{digits}"


PRACTICAL_GLOBALS = {"zone_moment": zone_moment, "journey_means": journey_means,
                     "travellers": travellers, "stay_dates": stay_dates, "clock": clock,
                     "map_url": map_url, "tel_url": tel_url}
