"""Organiser pages of the practical side: add, edit and delete journeys, stays and contacts."""
from __future__ import annotations

from web_client import logged_in, post

from visitplanner.extensions import db
from visitplanner.models import Contact, Journey, Stay, Venue


def _delegate_ids(visit):
    return [d.id for d in visit.delegates]


def test_the_visit_page_shows_the_demo_logistics(client, demo_visit):
    logged_in(client)
    page = client.get(f"/visits/{demo_visit.id}?lang=en").get_data(as_text=True)
    for text in ("Practical information", "Emergency number", 'href="tel:112"',
                 "Business attire", "Kristof Janssens", 'href="tel:+32475123456"',
                 "LO 231", "IC 706", "Europe/Kyiv", "Hotel Poelaert", "+32 2 511 00 45",
                 "Meeting point: Hotel lobby 08:35", "Transport: Minibus, driver Jan Peeters"):
        assert text in page, text


def test_add_edit_and_delete_a_journey_in_its_own_zones(client, demo_visit):
    logged_in(client)
    olena = demo_visit.delegates[1].id
    form = client.get(f"/visits/{demo_visit.id}/journeys/new").get_data(as_text=True)
    assert 'value="Europe/Brussels"' in form  # zones start as the visit's
    sent = {"direction": "arrival", "mode": "flight", "reference": "PS 101",
            "from_place": "Rzeszów", "departs_at": "2024-04-21T09:00",
            "departure_timezone": "Europe/Warsaw", "to_place": "Brussels Airport",
            "arrives_at": "2024-04-21T11:05", "arrival_timezone": "Europe/Brussels",
            "audience": "chosen", "delegate_ids": [str(olena)],
            "translations-fr-meeting_point": "Hall des arrivées"}
    response = post(client, f"/visits/{demo_visit.id}/journeys/new", sent)
    assert response.status_code == 302, response.get_data(as_text=True)
    journey = db.session.query(Journey).filter_by(reference="PS 101").one()
    assert journey.delegate_ids == [olena] and journey.departure_timezone == "Europe/Warsaw"
    assert journey.translations == {"fr": {"meeting_point": "Hall des arrivées"}}
    edited = post(client, f"/journeys/{journey.id}/edit",
                  {**sent, "reference": "PS 103", "version": journey.version})
    assert edited.status_code == 302
    db.session.refresh(journey)
    assert journey.reference == "PS 103" and journey.version == 2
    gone = post(client, f"/journeys/{journey.id}/delete", {"version": journey.version})
    assert gone.status_code == 302 and db.session.get(Journey, journey.id) is None


def test_bad_journeys_are_refused_naming_the_field_and_nothing_is_stored(client, demo_visit):
    logged_in(client)
    count = db.session.query(Journey).count()
    base = {"direction": "arrival", "mode": "train", "departs_at": "2024-04-21T10:00",
            "departure_timezone": "Europe/Kyiv", "arrives_at": "2024-04-21T08:30",
            "arrival_timezone": "Europe/Brussels", "audience": "whole"}
    early = post(client, f"/visits/{demo_visit.id}/journeys/new", base)
    assert early.status_code == 422
    assert "The arrival must be after the departure" in early.get_data(as_text=True)
    unknown = post(client, f"/visits/{demo_visit.id}/journeys/new",
                   {**base, "arrives_at": "2024-04-21T18:30", "departure_timezone": "Mars/Base"})
    assert unknown.status_code == 422 and "Mars/Base" in unknown.get_data(as_text=True)
    stranger = post(client, f"/visits/{demo_visit.id}/journeys/new",
                    {**base, "arrives_at": "2024-04-21T18:30", "audience": "chosen",
                     "delegate_ids": ["999999"]})
    assert stranger.status_code == 422
    assert db.session.query(Journey).count() == count


def test_add_a_stay_and_a_contact_and_refuse_bad_ones(client, demo_visit):
    logged_in(client)
    hotel = Venue(name="Hotel Amigo", city="Brussel", phone="+32 2 547 47 47")
    db.session.add(hotel)
    db.session.commit()
    backwards = post(client, f"/visits/{demo_visit.id}/stays/new", {
        "venue_id": str(hotel.id), "check_in": "2024-04-26", "check_out": "2024-04-22",
        "audience": "whole"})
    assert backwards.status_code == 422
    assert "The check-out date must be after the check-in date." in backwards.get_data(as_text=True)
    added = post(client, f"/visits/{demo_visit.id}/stays/new", {
        "venue_id": str(hotel.id), "check_in": "2024-04-21", "check_out": "2024-04-26",
        "audience": "chosen", "delegate_ids": [str(_delegate_ids(demo_visit)[0])],
        "booking_reference": "AMI-1"})
    assert added.status_code == 302
    assert db.session.query(Stay).filter_by(booking_reference="AMI-1").one().venue_id == hotel.id
    no_phone = post(client, f"/visits/{demo_visit.id}/contacts/new", {"name": "Embassy"})
    assert no_phone.status_code == 422
    contact = post(client, f"/visits/{demo_visit.id}/contacts/new", {
        "name": "Embassy of Ukraine", "role": "Consular section", "phone": "+32 2 379 21 00"})
    assert contact.status_code == 302
    assert db.session.query(Contact).filter_by(name="Embassy of Ukraine").one().phone \
        == "+32 2 379 21 00"
    page = client.get(f"/visits/{demo_visit.id}?lang=en").get_data(as_text=True)
    assert "Hotel Amigo" in page and "Embassy of Ukraine" in page


def test_a_venue_that_is_someones_hotel_is_not_deleted(client, demo_visit):
    logged_in(client)
    hotel = demo_visit.stays[0].venue
    response = client.get(f"/venues/{hotel.id}/delete")
    assert response.status_code == 302
    assert "hotel stays (1)" in client.get("/venues").get_data(as_text=True)
    assert db.session.get(Venue, hotel.id) is not None


def test_item_form_saves_the_practical_fields(client, demo_visit):
    logged_in(client)
    from web_client import form_values

    item = demo_visit.items[8]  # the visit to PZ Montgomery
    sent = form_values(client.get(f"/items/{item.id}/edit").get_data(as_text=True))
    sent.update({"meeting_point": "Entrance", "meeting_at": "2024-04-24T09:40",
                 "dress_code": "Smart casual"})
    late = post(client, f"/items/{item.id}/edit", sent)
    assert late.status_code == 422
    assert "The meeting time must not be after the start time." in late.get_data(as_text=True)
    sent["meeting_at"] = "2024-04-24T09:20"
    assert post(client, f"/items/{item.id}/edit", sent).status_code == 302
    db.session.refresh(item)
    assert (item.meeting_point, item.dress_code) == ("Entrance", "Smart casual")
    assert item.transport == "Minibus, chauffeur Jan Peeters"  # kept as it was


def test_visit_form_keeps_the_practical_fields(client, app):
    from web_client import VISIT

    from visitplanner.models import Visit

    logged_in(client)
    response = post(client, "/visits/new", {**VISIT, "dress_code": "Business attire",
                                            "practical_notes": "Bring your passport."})
    assert response.status_code == 302
    visit = db.session.query(Visit).filter_by(title=VISIT["title"]).one()
    assert (visit.emergency_number, visit.dress_code) == ("112", "Business attire")
    assert visit.practical_notes == "Bring your passport."


def test_a_night_without_a_hotel_shows_among_the_conflicts(client, demo_visit):
    import datetime as dt

    logged_in(client)
    url = f"/visits/{demo_visit.id}?lang=en"
    assert "Night without a hotel" not in client.get(url).get_data(as_text=True)
    demo_visit.stays[0].check_out = dt.date(2024, 4, 24)
    db.session.commit()
    page = client.get(url).get_data(as_text=True)
    assert ("Night without a hotel:</strong> No hotel is recorded for the whole delegation"
            " except Svitlana Boiko") in page  # the interpreter lives in Belgium
    assert "for the nights from Wednesday 24 April 2024 to Thursday 25 April 2024." in page
    assert '<a href="#stays-heading">Hotels</a>' in page


def test_the_practical_side_reads_in_dutch_and_french(client, demo_visit):
    from web_client import page

    logged_in(client)
    dutch = page(client, f"/visits/{demo_visit.id}?lang=nl")
    for text in ("Praktische informatie", "Noodnummer", "5 nachten", "Aankomst en vertrek",
                 "Vlucht LO 231", "Verzamelpunt: Hotellobby 08:35", "Zakelijke kledij"):
        assert text in dutch, text
    french = page(client, f"/visits/{demo_visit.id}?lang=fr")
    for text in ("Informations pratiques", "5 nuits", "Arrivées et départs", "Vol LO 231",
                 "Tenue de ville", "Hall de l&#39;hôtel", "Officier de protocole DGSP"):
        assert text in french, text
