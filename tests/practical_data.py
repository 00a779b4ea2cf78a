"""A visit whose two groups arrive on different days, with hotels, contacts and meeting points."""
from __future__ import annotations

import datetime as dt
from typing import Any


def at(text: str) -> dt.datetime:
    """A wall-clock time written as in the API: 2024-05-13T09:30."""
    return dt.datetime.fromisoformat(text)


def two_group_visit() -> Any:
    """Store a visit of five Moldovan judges: three fly in on Monday, two come by train on Tuesday.

    Everyone flies home on Thursday. Group one sleeps at the Metropole from Monday, group two
    at the Sablon from Tuesday. Items: Monday dinner (group one), Tuesday to Thursday sessions
    for everyone, meeting in the hotel lobby.
    """
    from visitplanner.extensions import db
    from visitplanner.models import (
        Contact,
        Delegate,
        Item,
        ItemInterpreter,
        Journey,
        Person,
        Stay,
        Venue,
        Visit,
    )

    visit = Visit(title="Werkbezoek van Moldavische rechters", start_date=dt.date(2024, 5, 13),
                  end_date=dt.date(2024, 5, 16), timezone="Europe/Brussels",
                  content_language="nl", host_country="BE", delegation_country="MD",
                  delegation_description="rechters", dress_code="Zakelijke kledij",
                  practical_notes="Neem uw paspoort mee.",
                  translations={"fr": {"dress_code": "Tenue de ville",
                                       "practical_notes": "Emportez votre passeport."},
                                "en": {"dress_code": "Business attire"}})
    names = ["Ion Rusu", "Maria Popescu", "Vasile Ciobanu", "Elena Lungu", "Andrei Munteanu"]
    delegates = [Delegate(full_name=name, role="head" if n == 0 else "member", country="MD")
                 for n, name in enumerate(names)]
    visit.delegates = delegates
    first, second = delegates[:3], delegates[3:]
    metropole = Venue(name="Hotel Metropole", address="De Brouckèreplein 31", city="1000 Brussel",
                      country="BE", phone="+32 2 217 23 00", latitude=50.8512, longitude=4.3526)
    sablon = Venue(name="Hotel Sablon", address="Grote Zavel 12", city="1000 Brussel",
                   country="BE", phone="+32 2 500 12 34", latitude=50.8399, longitude=4.3551)
    court = Venue(name="Justitiepaleis", address="Poelaertplein 1", city="1000 Brussel",
                  country="BE", latitude=50.8368, longitude=4.3517)
    interpreter = Person(full_name="Ana Rotaru", function="Tolk Roemeens-Nederlands")
    visit.journeys = [
        Journey(direction="arrival", mode="flight", reference="RO 391",
                from_place="Chișinău (KIV)", to_place="Brussels Airport (BRU)",
                departs_at=at("2024-05-13T10:15"), departure_timezone="Europe/Chisinau",
                arrives_at=at("2024-05-13T12:40"), arrival_timezone="Europe/Brussels",
                meeting_point="Aankomsthal, meeting point", met_by="Kristof Janssens",
                whole_delegation=False, chosen_delegates=first,
                translations={"fr": {"meeting_point": "Hall des arrivées, point de rencontre"}}),
        Journey(direction="arrival", mode="train", reference="EUROSTAR 9312",
                from_place="Paris-Nord", to_place="Brussel-Zuid",
                departs_at=at("2024-05-14T07:13"), departure_timezone="Europe/Paris",
                arrives_at=at("2024-05-14T08:35"), arrival_timezone="Europe/Brussels",
                whole_delegation=False, chosen_delegates=second),
        Journey(direction="departure", mode="flight", reference="RO 392",
                from_place="Brussels Airport (BRU)", to_place="Chișinău (KIV)",
                departs_at=at("2024-05-16T18:30"), departure_timezone="Europe/Brussels",
                arrives_at=at("2024-05-16T22:45"), arrival_timezone="Europe/Chisinau"),
    ]
    visit.stays = [
        Stay(venue=metropole, check_in=dt.date(2024, 5, 13), check_out=dt.date(2024, 5, 16),
             booking_reference="MET-4471", whole_delegation=False, chosen_delegates=first),
        Stay(venue=sablon, check_in=dt.date(2024, 5, 14), check_out=dt.date(2024, 5, 16),
             booking_reference="SAB-2210", whole_delegation=False, chosen_delegates=second),
    ]
    visit.contacts = [
        Contact(name="Kristof Janssens", role="Protocolofficier", phone="+32 475 12 34 56",
                available="24/7", position=0,
                translations={"fr": {"role": "Officier de protocole"},
                              "en": {"role": "Protocol officer"}}),
        Contact(name="Jan Peeters", role="Chauffeur", phone="+32 476 65 43 21",
                available="08:00-18:00", position=1),
    ]
    visit.items = [
        Item(title="Diner", kind="meal", starts_at=at("2024-05-13T19:00"),
             ends_at=at("2024-05-13T21:00"), venue=metropole, topics=[],
             whole_delegation=False, chosen_delegates=first),
        Item(title="Ontvangst in het Justitiepaleis", kind="session",
             starts_at=at("2024-05-14T09:30"), ends_at=at("2024-05-14T12:00"), venue=court,
             topics=[], meeting_point="Hotellobby", meeting_at=at("2024-05-14T09:00"),
             dress_code="Toga niet nodig", transport="Te voet",
             interpreting="consecutief ro-nl",
             interpreter_links=[ItemInterpreter(person=interpreter, position=0)],
             translations={"fr": {"meeting_point": "Hall de l'hôtel"}}),
        Item(title="Werksessie", kind="session", starts_at=at("2024-05-15T09:30"),
             ends_at=at("2024-05-15T12:00"), venue=court, topics=[]),
        Item(title="Afsluiting", kind="session", starts_at=at("2024-05-16T10:00"),
             ends_at=at("2024-05-16T12:00"), venue=court, topics=[]),
    ]
    db.session.add(visit)
    db.session.commit()
    return visit
