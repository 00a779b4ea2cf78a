"""The practical side in the Programme view-model: loaded once, resolved to the output language."""
from __future__ import annotations

import datetime as dt

from practical_data import at

from visitplanner.core.queries import load_visit
from visitplanner.extensions import db
from visitplanner.planning.build import build_programme
from visitplanner.planning.practical import emergency_number_for

UTC = dt.UTC


def test_journeys_carry_both_zones_and_come_in_departure_order(two_group_visit):
    programme = build_programme(load_visit(two_group_visit.id))
    flight, train, home = programme.journeys
    assert (flight.reference, train.reference, home.reference) == (
        "RO 391", "EUROSTAR 9312", "RO 392")
    # Chișinău is UTC+3 in May, Brussels UTC+2: 10:15 there, 12:40 here.
    assert flight.departs.astimezone(UTC) == dt.datetime(2024, 5, 13, 7, 15, tzinfo=UTC)
    assert flight.arrives.astimezone(UTC) == dt.datetime(2024, 5, 13, 10, 40, tzinfo=UTC)
    assert (flight.departure_timezone, flight.arrival_timezone) == (
        "Europe/Chisinau", "Europe/Brussels")
    assert [j.reference for j in programme.arrivals] == ["RO 391", "EUROSTAR 9312"]
    assert [j.reference for j in programme.departures] == ["RO 392"]
    assert home.delegate_ids is None and len(flight.delegate_ids) == 3


def test_stays_contacts_and_visit_fields_in_the_output_language(two_group_visit):
    french = build_programme(load_visit(two_group_visit.id), lang="fr")
    metropole, sablon = french.stays
    assert metropole.hotel.name == "Hotel Metropole"
    assert metropole.hotel.phone == "+32 2 217 23 00"
    assert metropole.nights == (dt.date(2024, 5, 13), dt.date(2024, 5, 14), dt.date(2024, 5, 15))
    assert sablon.booking_reference == "SAB-2210" and len(sablon.delegate_ids) == 2
    assert [(c.name, c.role, c.phone) for c in french.contacts] == [
        ("Kristof Janssens", "Officier de protocole", "+32 475 12 34 56"),
        ("Jan Peeters", "Chauffeur", "+32 476 65 43 21")]
    assert french.contacts[1].untranslated == {"role", "available"}
    assert french.visit.emergency_number == "112"
    assert french.visit.dress_code == "Tenue de ville"
    assert french.visit.practical_notes == "Emportez votre passeport."
    assert french.journeys[0].meeting_point == "Hall des arrivées, point de rencontre"
    english = build_programme(load_visit(two_group_visit.id), lang="en")
    assert english.visit.dress_code == "Business attire"
    assert english.visit.practical_notes == "Neem uw paspoort mee."
    assert {"practical_notes", "dress_code"} & english.visit.untranslated == {"practical_notes"}


def test_items_carry_their_practical_fields(two_group_visit):
    french = build_programme(load_visit(two_group_visit.id), lang="fr")
    reception = next(i for i in french.items if i.title == "Ontvangst in het Justitiepaleis")
    assert reception.meeting_point == "Hall de l'hôtel"
    assert reception.meeting_at == at("2024-05-14T09:00").replace(tzinfo=reception.starts.tzinfo)
    assert (reception.dress_code, reception.transport) == ("Toga niet nodig", "Te voet")
    assert reception.interpreting == "consecutief ro-nl"
    assert [p.full_name for p in reception.interpreters] == ["Ana Rotaru"]
    assert {"dress_code", "transport", "interpreting"} <= reception.untranslated


def test_personal_programme_keeps_only_that_delegates_journeys_and_hotel(two_group_visit):
    visit = load_visit(two_group_visit.id)
    train_traveller = next(d for d in visit.delegates if d.full_name == "Elena Lungu")
    personal = build_programme(visit, delegate_id=train_traveller.id)
    assert [j.reference for j in personal.journeys] == ["EUROSTAR 9312", "RO 392"]
    assert [s.hotel.name for s in personal.stays] == ["Hotel Sablon"]
    assert len(personal.contacts) == 2  # everyone may call the people on duty
    assert "Diner" not in [i.title for i in personal.items]


def test_emergency_number_follows_the_host_country_unless_given(two_group_visit):
    assert emergency_number_for("be") == "112" and emergency_number_for("US") == "911"
    assert emergency_number_for(None) is None and emergency_number_for("ZZ") is None
    two_group_visit.emergency_number = "+32 2 555 00 00"
    db.session.commit()
    programme = build_programme(load_visit(two_group_visit.id))
    assert programme.visit.emergency_number == "+32 2 555 00 00"


def test_two_groups_arriving_on_different_days_have_no_conflict_until_a_train_is_late(
        two_group_visit):
    from visitplanner.planning.conflicts import find_conflicts

    assert find_conflicts(build_programme(load_visit(two_group_visit.id), lang="en")) == []
    train = next(j for j in two_group_visit.journeys if j.mode == "train")
    train.arrives_at = at("2024-05-14T10:05")
    db.session.commit()
    conflicts = find_conflicts(build_programme(load_visit(two_group_visit.id), lang="en"))
    assert [c.kind for c in conflicts] == ["before_arrival"]
    assert conflicts[0].message.startswith(
        "Elena Lungu and Andrei Munteanu have not arrived yet for 'Ontvangst in het"
        " Justitiepaleis' (Tuesday 14 May 2024, 09:30–12:00 at Justitiepaleis): train"
        " EUROSTAR 9312 arrives on Tuesday 14 May 2024 at 10:05.")
