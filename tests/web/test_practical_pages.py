"""The practical side on the visit page: arrivals, departures, hotels, contacts, in few queries."""
from __future__ import annotations

import datetime as dt

from visitplanner.extensions import db
from visitplanner.models import Contact, Journey, Stay, Venue


def _add_practical_rows(visit, count):
    """Add `count` journeys (for chosen delegates), stays and contacts to a visit."""
    hotel = Venue(name="Hotel", city="Brussel")
    chosen = visit.delegates[:2]
    for n in range(count):
        db.session.add_all([
            Journey(visit=visit, direction="arrival", mode="train", departs_at=dt.datetime.fromisoformat("2024-05-13T08:00"),
                    departure_timezone="Europe/Paris", arrives_at=dt.datetime.fromisoformat("2024-05-13T09:30"),
                    arrival_timezone="Europe/Brussels", whole_delegation=False,
                    chosen_delegates=chosen),
            Stay(visit=visit, venue=hotel, check_in=dt.date(2024, 5, 13),
                 check_out=dt.date(2024, 5, 14), whole_delegation=False, chosen_delegates=chosen),
            Contact(visit=visit, name=f"Contact {n}", phone=f"+32 470 00 00 {n:02d}"),
        ])
    db.session.commit()


def test_visit_loads_in_a_fixed_number_of_queries_whatever_its_practical_side(
        app, client, api, two_group_visit, count_queries, logged_in, empty_output_cache):
    logged_in(client)
    visit_id = two_group_visit.id
    paths = [f"/api/v1/visits/{visit_id}", f"/api/v1/visits/{visit_id}/programme",
             f"/api/v1/visits/{visit_id}/conflicts", f"/visits/{visit_id}"]

    def counts():
        found = []
        for path in paths:
            db.session.expire_all()
            empty_output_cache()  # the visit page's body made afresh, not read from the cache
            with count_queries(app) as statements:
                if path.startswith("/api"):
                    response = api.client.get(path, headers=api.headers)
                else:
                    response = client.get(path)
                assert response.status_code == 200, path
            found.append(len(statements))
        return found

    counts()  # the token's first use also records when it was used (once per few minutes)
    before = counts()
    _add_practical_rows(two_group_visit, 12)
    assert counts() == before
