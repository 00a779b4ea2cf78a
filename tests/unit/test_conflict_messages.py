"""Conflict messages in the programme's language: Dutch, French and English."""
from __future__ import annotations

import dataclasses
import random

import pytest
from babel.numbers import format_decimal
from test_conflicts import DIRECTORATE, IVAN, NEXT_DOOR, OLENA, PEETERS, POLICE, at, item, programme

from visitplanner.planning.conflict_messages import Wording
from visitplanner.planning.conflicts import Conflict, find_conflicts
from visitplanner.planning.programme import ProgrammeItem, VenueView
from visitplanner.planning.travel import TravelEstimate, estimate_travel

NB = "\u00a0"  # French sets unbreakable spaces inside « » and before :


def found_in(lang: str, *items: ProgrammeItem) -> list[Conflict]:
    """Find the conflicts of a programme in `lang` made of these items."""
    return find_conflicts(dataclasses.replace(programme(*items), lang=lang))


def message(lang: str, kind: str, *items: ProgrammeItem) -> str:
    """The one message of `kind` among the conflicts."""
    [text] = [c.message for c in found_in(lang, *items) if c.kind == kind]
    return text


@pytest.mark.parametrize("lang, expected", [
    ("nl", "De hele delegatie moet op maandag 22 april 2024 op twee plaatsen tegelijk zijn:"
           " ‘Welcome’ (09:00–10:30, Federal Directorate) overlapt met ‘Briefing’"
           " (10:00–11:00, Federal Directorate)."),
    ("fr", f"Toute la délégation doit être à deux endroits à la fois le lundi 22 avril 2024{NB}:"
           f" «{NB}Welcome{NB}» (09:00–10:30, Federal Directorate) chevauche «{NB}Briefing{NB}»"
           " (10:00–11:00, Federal Directorate)."),
])
def test_double_booking_of_the_whole_delegation(lang: str, expected: str) -> None:
    assert message(lang, "double_booking", item(1, "Welcome", at(9), at(10, 30)),
                   item(2, "Briefing", at(10), at(11))) == expected


@pytest.mark.parametrize("lang, expected", [
    ("nl", "Olena Kovalenko, Ivan Petrenko en Jan Peeters (spreker) moeten op maandag"),
    ("fr", "Olena Kovalenko, Ivan Petrenko et Jan Peeters (intervenant) doivent être à deux"),
    ("en", "Olena Kovalenko, Ivan Petrenko and Jan Peeters (speaker) are in two places"),
])
def test_double_booked_names_are_joined_and_the_verb_agrees(lang: str, expected: str) -> None:
    text = message(lang, "double_booking",
                   item(1, "Court", at(9), at(11), POLICE, delegate_ids=(1, 2),
                        speakers=(PEETERS,)),
                   item(2, "Prison", at(10), at(12), delegate_ids=(2, 1), speakers=(PEETERS,)))
    assert text.startswith(expected)


@pytest.mark.parametrize("lang, expected", [
    ("nl", "Federal Directorate is dubbel geboekt op maandag 22 april 2024: ‘Court’"
           " (09:00–11:00) overlapt met ‘Prison’ (10:00–12:00)."),
    ("fr", f"Le lieu Federal Directorate est réservé deux fois le lundi 22 avril 2024{NB}:"
           f" «{NB}Court{NB}» (09:00–11:00) chevauche «{NB}Prison{NB}» (10:00–12:00)."),
])
def test_venue_clash(lang: str, expected: str) -> None:
    assert message(lang, "venue_clash", item(1, "Court", at(9), at(11), delegate_ids=(1,)),
                   item(2, "Prison", at(10), at(12), delegate_ids=(2,))) == expected


@pytest.mark.parametrize("lang, expected", [
    ("nl", "‘Night’ (vrijdag 26 april 2024, 22:00 tot zaterdag 27 april 2024 om 01:00) valt"
           " buiten het bezoek, dat loopt van maandag 22 april 2024 tot vrijdag 26 april 2024."),
    ("fr", f"«{NB}Night{NB}» (vendredi 26 avril 2024, 22:00 jusqu'au samedi 27 avril 2024 à"
           " 01:00) a lieu en dehors des dates de la visite, qui se déroule du lundi 22 avril"
           " 2024 au vendredi 26 avril 2024."),
])
def test_outside_the_visit_past_midnight(lang: str, expected: str) -> None:
    assert message(lang, "outside_visit", item(1, "Night", at(22, 0, 26), at(1, 0, 27))) == expected


@pytest.mark.parametrize("lang, expected", [
    ("nl", "De hele delegatie heeft op maandag 22 april 2024 10 min tussen ‘A’ (eindigt om"
           " 10:30, Federal Directorate) en ‘B’ (begint om 10:40, Police Zone North), terwijl de"
           " rit ongeveer 26 min duurt (6,0 km in rechte lijn, 7,8 km over de weg aan gemiddeld"
           " 30 km/u + 10 min marge)."),
    ("fr", f"Toute la délégation a 10 min entre «{NB}A{NB}» (se termine à 10:30, Federal"
           f" Directorate) et «{NB}B{NB}» (commence à 10:40, Police Zone North) le lundi 22 avril"
           " 2024, alors que le trajet prend environ 26 min (6,0 km à vol d'oiseau, 7,8 km par la"
           " route à 30 km/h en moyenne + 10 min de marge)."),
])
def test_travel_time_with_the_decimal_comma(lang: str, expected: str) -> None:
    assert message(lang, "travel_time", item(1, "A", at(9), at(10, 30)),
                   item(2, "B", at(10, 40), at(11), POLICE)) == expected


@pytest.mark.parametrize("lang, expected", [
    ("nl", "De hele delegatie behalve Olena Kovalenko heeft op maandag 22 april 2024 20 min"),
    ("fr", "Toute la délégation sauf Olena Kovalenko a 20 min entre"),
    ("en", "The whole delegation except Olena Kovalenko has 20 min between"),
])
def test_whole_delegation_but_one(lang: str, expected: str) -> None:
    found = found_in(lang, item(1, "Welcome", at(9), at(10), POLICE),
                     item(2, "Interview", at(10), at(10, 10), NEXT_DOOR, delegate_ids=(1,)),
                     item(3, "Lunch", at(10, 20), at(12)))
    assert found[1].item_ids == (1, 3) and found[1].message.startswith(expected)


def test_unlisted_delegate_and_an_unknown_language() -> None:
    found = find_conflicts(dataclasses.replace(programme(
        item(1, "Court", at(9), at(11), POLICE, delegate_ids=(7,)),
        item(2, "Prison", at(10), at(12), delegate_ids=(7,)), delegates=(OLENA, IVAN)), lang="de"))
    assert found[0].message.startswith("Delegate #7 is in two places at once on Monday")
    assert Wording("fr").delegate(7) == f"délégué n°{NB}7"
    assert Wording("nl").delegate(7) == "delegatielid #7"


@pytest.mark.parametrize("lang, expected", [
    ("nl", ["Olena", "Olena en Ivan", "Olena, Ivan en Maria"]),
    ("fr", ["Olena", "Olena et Ivan", "Olena, Ivan et Maria"]),
    ("en", ["Olena", "Olena and Ivan", "Olena, Ivan and Maria"]),
])
def test_lists_are_joined_as_each_language_does(lang: str, expected: list[str]) -> None:
    names = ["Olena", "Ivan", "Maria"]
    assert [Wording(lang).join(names[:n]) for n in (1, 2, 3)] == expected


@pytest.mark.parametrize("lang, expected", [
    ("nl", "2,1 km in rechte lijn, 2,8 km over de weg aan gemiddeld 25 km/u + 10 min marge"),
    ("fr", "2,1 km à vol d'oiseau, 2,8 km par la route à 25 km/h en moyenne + 10 min de marge"),
    ("en", "2.1 km straight line, 2.8 km by road at 25 km/h on average + 10 min buffer"),
])
def test_trip_explanation_says_how_it_was_estimated(lang: str, expected: str) -> None:
    berlaymont = VenueView(9, "Berlaymont", latitude=50.8433, longitude=4.3826)
    grand_place = VenueView(8, "Grand-Place", latitude=50.8467, longitude=4.3525)
    trip = estimate_travel(grand_place, berlaymont)
    same_place = estimate_travel(DIRECTORATE, DIRECTORATE)
    assert trip is not None and same_place is not None
    assert Wording(lang).trip(trip) == expected
    assert Wording(lang).trip(same_place) in (
        "zelfde locatie", "même lieu", "same venue")


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_trip_figures_read_as_babel_writes_them(lang: str) -> None:
    # Figures are rounded before Babel formats them, so that each is formatted once: the text
    # must stay what Babel gives for the raw figure, halves (0.25, 2.5) and thousands included.
    rng = random.Random(7)
    figures = [rng.uniform(0, 2500) for _ in range(300)] + [0.0, 0.05, 0.25, 0.35, 2.5, 3.5,
                                                           1234.45, 999.95, 12345.678]
    for figure in figures:
        trip = TravelEstimate(km=figure, minutes=20, road_km=figure * 1.3, speed_kmh=figure / 7)
        assert Wording(lang).trip(trip) == Wording(lang).words["trip"].format(
            km=format_decimal(figure, "#,##0.0", locale=lang),
            road=format_decimal(figure * 1.3, "#,##0.0", locale=lang),
            speed=format_decimal(figure / 7, "#,##0", locale=lang), buffer=10)
