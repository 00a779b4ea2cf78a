"""The summit visit of issue 16, stored for the benchmarks: 10 days, 300 items over 30 venues,
80 speakers, 500 delegates, 20% of the items for 50 chosen delegates each, and the practical
side (arrivals, departures, hotels, contacts on duty).

Each day has 24 items for the whole delegation, one after the other, and two slots of three
parallel breakouts for disjoint groups of 50: a busy but sound programme, as organisers plan it.
Call `store_summit()` inside an app context on an empty database.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from visitplanner.extensions import db
from visitplanner.models import (
    Contact,
    Delegate,
    Item,
    ItemSpeaker,
    Journey,
    Organisation,
    Person,
    Stay,
    Venue,
    Visit,
)

DAYS, ITEMS, VENUES, SPEAKERS, DELEGATES = 10, 300, 30, 80, 500
CHOSEN_SHARE, CHOSEN_SIZE = 0.2, 50
START = dt.date(2031, 5, 5)
KINDS = ("session", "site_visit", "session", "meal", "session", "transfer")
THEMES = ("de Kadernota Integrale Veiligheid", "bestuurlijke handhaving",
          "cybercriminaliteit", "gemeenschapsgerichte politiezorg", "drugsbeleid")


@dataclass(frozen=True)
class Summit:
    """What the benchmarks ask for: the visit, one delegate with chosen items, and counts."""

    visit_id: int
    delegate_id: int
    items: int
    delegates: int


def _directory() -> tuple[Organisation, list[Venue], list[Person]]:
    host = Organisation(name="Algemene Directie Veiligheid en Preventie", kind="directorate",
                        address="Waterloolaan 76", city="1000 Brussel", country="BE",
                        phone="+32 2 557 33 99", email="protocol@example.org")
    venues = [Venue(name=f"Zaal {n} – Egmontpaleis" if n % 3 else f"Politiezone {n} Brussel",
                    address=f"Wetstraat {n}", city="1000 Brussel", country="BE",
                    organisation=host) for n in range(1, VENUES + 1)]
    people = [Person(full_name=f"Spreker {n} Peeters", function="Adviseur integrale veiligheid",
                     honorific=("mevrouw", "de heer")[n % 2], organisation=host,
                     email=f"spreker{n}@example.org", phone="+32 2 557 34 10")
              for n in range(1, SPEAKERS + 1)]
    return host, venues, people


def _delegates() -> list[Delegate]:
    return [Delegate(full_name=f"Делегат {n} Коваленко" if n % 3 else f"Delegate {n} Kovalenko",
                     role="head" if n == 0 else ("member", "member", "escort", "staff")[n % 4],
                     honorific=("mevrouw", "de heer", None)[n % 3], function="Procureur",
                     organisation="Regionaal parket", country="UA",
                     email=f"delegate{n}@example.org", language=("nl", "fr", "en", "uk")[n % 4])
            for n in range(DELEGATES)]


def _items(venues: list[Venue], people: list[Person], delegates: list[Delegate]) -> list[Item]:
    items: list[Item] = []
    breakouts = 0
    breakout_slots = (6, 16)  # of the day's 26 half-hour slots, these run three breakouts
    for day_number in range(DAYS):
        day = START + dt.timedelta(days=day_number)
        for slot in range(26):
            starts = dt.datetime(day.year, day.month, day.day, 8, 0) + dt.timedelta(
                minutes=30 * slot)
            tracks = 3 if slot in breakout_slots else 1
            for track in range(tracks):
                n = len(items)
                chosen: list[Delegate] = []
                if tracks > 1:
                    group = breakouts % (DELEGATES // CHOSEN_SIZE)
                    chosen = delegates[group * CHOSEN_SIZE:(group + 1) * CHOSEN_SIZE]
                    breakouts += 1
                theme = THEMES[n % len(THEMES)]
                items.append(Item(
                    title=f"Onderdeel {n + 1}: {theme}", kind=KINDS[n % len(KINDS)],
                    starts_at=starts, ends_at=starts + dt.timedelta(minutes=25),
                    venue=venues[(n + track) % len(venues)], topics=[theme, "preventie"],
                    description=f"Toelichting over {theme} door de betrokken diensten.",
                    whole_delegation=not chosen, chosen_delegates=chosen,
                    speaker_links=[ItemSpeaker(person=people[(n + k) % len(people)], position=k)
                                   for k in range(1 + n % 2)]))
    assert len(items) == ITEMS and breakouts == ITEMS * CHOSEN_SHARE
    return items


def _practical(visit: Visit, venues: list[Venue], delegates: list[Delegate]) -> None:
    flights = DELEGATES // CHOSEN_SIZE
    for n in range(flights):
        group = delegates[n * CHOSEN_SIZE:(n + 1) * CHOSEN_SIZE]
        arrives = dt.datetime(START.year, START.month, START.day, 6, 0) - dt.timedelta(
            hours=2 + n)
        visit.journeys.append(Journey(
            direction="arrival", mode="flight", reference=f"PS {801 + n}", from_place="Kyiv",
            to_place="Brussels Airport", departs_at=arrives - dt.timedelta(hours=3),
            departure_timezone="Europe/Kyiv", arrives_at=arrives,
            arrival_timezone="Europe/Brussels", meeting_point="Hal aankomst, balie 3",
            met_by="Protocoldienst", whole_delegation=False, chosen_delegates=group))
        end = START + dt.timedelta(days=DAYS - 1)
        departs = dt.datetime(end.year, end.month, end.day, 21, 0) + dt.timedelta(minutes=20 * n)
        visit.journeys.append(Journey(
            direction="departure", mode="flight", reference=f"PS {901 + n}",
            from_place="Brussels Airport", to_place="Kyiv", departs_at=departs,
            departure_timezone="Europe/Brussels", arrives_at=departs + dt.timedelta(hours=3),
            arrival_timezone="Europe/Kyiv", whole_delegation=False, chosen_delegates=group))
    for n in range(3):
        visit.stays.append(Stay(
            venue=venues[n], check_in=START, check_out=START + dt.timedelta(days=DAYS - 1),
            booking_reference=f"SUMMIT-{n + 1}", whole_delegation=False,
            chosen_delegates=delegates[n::3]))
    for n in range(6):
        visit.contacts.append(Contact(
            name=f"Contactpersoon {n + 1}", role="Protocol van dienst",
            phone=f"+32 470 12 34 {n:02d}", available="07:00–22:00", position=n))


def store_summit() -> Summit:
    """Store the summit visit (the caller has an app context on an empty database)."""
    host, venues, people = _directory()
    delegates = _delegates()
    visit = Visit(title="Internationale top over integrale veiligheid", start_date=START,
                  end_date=START + dt.timedelta(days=DAYS - 1), timezone="Europe/Brussels",
                  content_language="nl", host_organisation=host, delegation_country="UA",
                  delegation_adjective="Oekraïense", delegation_description="openbare aanklagers",
                  purpose="het Belgische veiligheidslandschap leren kennen", status="confirmed",
                  delegates=delegates)
    visit.items.extend(_items(venues, people, delegates))
    _practical(visit, venues, delegates)
    db.session.add(visit)
    db.session.commit()
    return Summit(visit.id, delegates[0].id, len(visit.items), len(delegates))
