"""Conflicts of the practical side: arrivals and departures, nights without a hotel, hotel trips."""
from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from test_conflicts import DIRECTORATE, IVAN, MARIA, OLENA, POLICE, at, item, kinds, programme

from visitplanner.planning.conflicts import find_conflicts
from visitplanner.planning.programme import DelegateView, JourneyView, StayView, VenueView

NB = "\u00a0"
HOTEL = VenueView(20, "Hotel Metropole", latitude=50.8512, longitude=4.3526)  # 0.5 km: 11 min
FAR_HOTEL = VenueView(21, "Hotel Liège", latitude=50.6245, longitude=5.5667)  # 88 km: 103 min
KYIV, WARSAW = ZoneInfo("Europe/Kyiv"), ZoneInfo("Europe/Warsaw")


def journey(id: int, direction: str, departs: dt.datetime, arrives: dt.datetime,
            delegate_ids: tuple[int, ...] | None = None, reference: str = "LO 231",
            mode: str = "flight") -> JourneyView:
    return JourneyView(id=id, direction=direction, mode=mode, departs=departs, arrives=arrives,
                       departure_timezone=str(departs.tzinfo), arrival_timezone=str(arrives.tzinfo),
                       reference=reference, delegate_ids=delegate_ids)


def stay(id: int, check_in: int, check_out: int, hotel: VenueView = HOTEL,
         delegate_ids: tuple[int, ...] | None = None) -> StayView:
    return StayView(id=id, hotel=hotel, check_in=dt.date(2024, 4, check_in),
                    check_out=dt.date(2024, 4, check_out), delegate_ids=delegate_ids)


def found(*items, journeys=(), stays=(), lang="en"):
    plan = dataclasses.replace(programme(*items), journeys=tuple(journeys), stays=tuple(stays),
                               lang=lang)
    return find_conflicts(plan)


# Olena and Ivan fly in on Sunday evening; Maria comes by train on Monday at 10:40.
FLIGHT = journey(1, "arrival", dt.datetime(2024, 4, 21, 15, 55, tzinfo=WARSAW), at(18, 10, 21),
                 delegate_ids=(1, 2))
TRAIN = journey(2, "arrival", dt.datetime(2024, 4, 21, 19, 40, tzinfo=KYIV), at(10, 40),
                delegate_ids=(3,), reference="IC 706", mode="train")
HOME = journey(3, "departure", at(16, 40, 26), dt.datetime(2024, 4, 26, 18, 45, tzinfo=WARSAW))


def test_someone_not_arrived_yet_is_named_with_their_journey():
    welcome = item(1, "Welcome", at(9), at(10))
    lunch = item(2, "Lunch", at(12), at(13))
    conflicts = found(welcome, lunch, journeys=[FLIGHT, TRAIN, HOME])
    assert kinds(conflicts) == [("before_arrival", (1,))]
    assert conflicts[0].message == (
        "Maria Bondar has not arrived yet for 'Welcome' (Monday 22 April 2024, 09:00–10:00 at"
        " Federal Directorate): train IC 706 arrives on Monday 22 April 2024 at 10:40.")


def test_only_the_audience_counts_and_the_conflict_goes_when_the_train_is_earlier():
    for_two = item(1, "Briefing", at(9), at(10), delegate_ids=(1, 2))
    assert found(for_two, journeys=[FLIGHT, TRAIN, HOME]) == []
    welcome = item(1, "Welcome", at(9), at(10))
    earlier = dataclasses.replace(TRAIN, arrives=at(8, 5))
    assert found(welcome, journeys=[FLIGHT, earlier, HOME]) == []


def test_an_item_ending_after_the_departure_in_nl_and_fr():
    dinner = item(1, "Afscheid", at(15, 0, 26), at(17, 0, 26))
    dutch = found(dinner, journeys=[FLIGHT, TRAIN, HOME], lang="nl")
    assert kinds(dutch) == [("before_arrival", (1,))]
    assert dutch[0].message == (
        "De hele delegatie is al vertrokken voordat ‘Afscheid’ (vrijdag 26 april 2024,"
        " 15:00–17:00, Federal Directorate) afloopt: vlucht LO 231 vertrekt op vrijdag 26 april"
        " 2024 om 16:40.")
    french = found(dinner, journeys=[FLIGHT, TRAIN, HOME], lang="fr")
    assert french[0].message == (
        f"Toute la délégation{NB}: départ le vendredi 26 avril 2024 à 16:40 (vol LO 231), avant"
        f" la fin de «{NB}Afscheid{NB}» (vendredi 26 avril 2024, 15:00–17:00, Federal"
        " Directorate).")


def test_the_last_leg_of_an_arrival_counts():
    to_warsaw = journey(4, "arrival", dt.datetime(2024, 4, 20, 19, 40, tzinfo=KYIV),
                        dt.datetime(2024, 4, 21, 10, 5, tzinfo=WARSAW), reference="IC 706")
    late_flight = dataclasses.replace(FLIGHT, delegate_ids=None, arrives=at(9, 30))
    conflicts = found(item(1, "Welcome", at(9), at(10)), journeys=[to_warsaw, late_flight])
    assert [c.message.split(":")[0] for c in conflicts] == [
        "The whole delegation has not arrived yet for 'Welcome' (Monday 22 April 2024, 09"]


def test_nights_without_a_hotel_once_any_stay_is_recorded():
    nothing = found(journeys=[FLIGHT, TRAIN, HOME])
    assert nothing == []  # no stay yet: hotels are simply not planned
    # Olena and Ivan from Sunday, Maria from Monday, but only until Wednesday morning.
    conflicts = found(journeys=[FLIGHT, TRAIN, HOME],
                      stays=[stay(1, 21, 24, delegate_ids=(1, 2)), stay(2, 22, 24, delegate_ids=(3,))])
    assert kinds(conflicts) == [("no_stay", ())]
    assert conflicts[0].message == (
        "No hotel is recorded for the whole delegation for the nights from Wednesday 24 April"
        " 2024 to Thursday 25 April 2024.")
    covered = found(journeys=[FLIGHT, TRAIN, HOME],
                    stays=[stay(1, 21, 26, delegate_ids=(1, 2)), stay(2, 22, 26, delegate_ids=(3,))])
    assert covered == []


def test_one_night_without_a_hotel_names_who_in_nl():
    conflicts = found(journeys=[FLIGHT, TRAIN, HOME],
                      stays=[stay(1, 21, 26, delegate_ids=(1, 2)), stay(2, 23, 26, delegate_ids=(3,))],
                      lang="nl")
    assert [c.message for c in conflicts] == [
        "Er is geen hotel geregistreerd voor Maria Bondar voor de nacht van maandag 22 april 2024."]


def test_too_little_time_from_the_hotel_to_the_first_item():
    first = item(1, "Site visit", at(9, 30), at(11), POLICE, meeting_at=at(9, 20),
                 meeting_point="Hotel lobby")
    conflicts = found(first, stays=[stay(1, 21, 26)])
    assert kinds(conflicts) == [("travel_time", (1,))]
    assert conflicts[0].message.startswith(
        "The whole delegation has 10 min from Hotel Metropole (leaving at 09:20) to 'Site visit'"
        " (starts 09:30 at Police Zone North) on Monday 22 April 2024, but the trip takes about")
    later = dataclasses.replace(first, meeting_at=at(8, 50))
    assert found(later, stays=[stay(1, 21, 26)]) == []


def test_without_a_meeting_time_people_leave_after_breakfast():
    early = item(1, "Breakfast meeting", at(7, 30), at(9), FAR_HOTEL)
    conflicts = found(early, stays=[stay(1, 21, 26)])
    assert [c.kind for c in conflicts] == ["travel_time"]
    assert "(leaving at 07:00)" in conflicts[0].message and "104 min" in conflicts[0].message
    nearby = dataclasses.replace(early, venue=DIRECTORATE)
    assert found(nearby, stays=[stay(1, 21, 26)]) == []


def test_a_transfer_is_the_trip_and_its_own_duration_stands():
    transfer = dataclasses.replace(item(1, "Transfer", at(9), at(9, 15), POLICE), kind="transfer")
    visit = item(2, "Site visit", at(9, 15), at(11), POLICE)
    session = item(3, "Session", at(8), at(9), DIRECTORATE)
    # From the hotel and from the session to the transfer, nothing: the transfer is the trip.
    assert found(session, transfer, visit, stays=[stay(1, 21, 26)]) == []
    assert found(transfer, visit, stays=[stay(1, 21, 26)]) == []


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_every_new_message_is_worded_in_each_language(lang):
    items = [item(1, "Welcome", at(9), at(10), POLICE, meeting_at=at(8, 55)),
             item(2, "Farewell", at(15, 0, 26), at(17, 0, 26))]
    conflicts = found(*items, journeys=[FLIGHT, TRAIN, HOME],
                      stays=[stay(1, 21, 23, delegate_ids=(1, 2))], lang=lang)
    assert {c.kind for c in conflicts} == {"before_arrival", "no_stay", "travel_time"}
    for conflict in conflicts:
        assert "{" not in conflict.message and conflict.message.endswith(".")


def test_two_groups_on_different_days_in_one_visit():
    conflicts = found(item(1, "Monday", at(11), at(12)), item(2, "Tuesday", at(9, 0, 23), at(10, 0, 23)),
                      journeys=[FLIGHT, TRAIN, HOME], stays=[stay(1, 21, 26)])
    assert conflicts == []  # Maria's train is in by 10:40, the hotel is near the directorate
    assert OLENA.id == 1 and IVAN.id == 2 and MARIA.id == 3


def test_someone_booked_twice_sleeps_at_the_first_stay_recorded():
    welcome = item(1, "Welcome", at(8, 30, 23), at(10, 0, 23))
    near = stay(1, 21, 26)  # everyone, 500 m from the directorate
    far = stay(2, 22, 23, hotel=FAR_HOTEL, delegate_ids=(1,))  # Olena, 88 km away
    assert found(welcome, journeys=[FLIGHT, TRAIN, HOME], stays=[near, far]) == []
    conflicts = found(welcome, journeys=[FLIGHT, TRAIN, HOME], stays=[far, near])
    assert kinds(conflicts) == [("travel_time", (1,))]
    assert conflicts[0].message.startswith("Olena Kovalenko has 90 min from Hotel Liège")


def test_at_summit_scale_a_late_flight_and_ten_without_a_hotel_are_named():
    delegates = tuple(DelegateView(d, f"Delegate {d:03}") for d in range(1, 501))
    early = journey(1, "arrival", dt.datetime(2024, 4, 21, 15, 55, tzinfo=WARSAW),
                    at(18, 10, 21), delegate_ids=tuple(range(1, 451)))
    late = journey(2, "arrival", dt.datetime(2024, 4, 22, 8, 40, tzinfo=WARSAW), at(10, 40),
                   delegate_ids=tuple(range(451, 501)), reference="SN 2552")
    plan = dataclasses.replace(
        programme(item(1, "Welcome", at(9), at(10)), delegates=delegates),
        journeys=(early, late, HOME), stays=(stay(1, 21, 27, delegate_ids=tuple(range(1, 491))),))
    conflicts = find_conflicts(plan)
    assert kinds(conflicts) == [("before_arrival", (1,)), ("no_stay", ())]
    fifty = ", ".join(f"Delegate {d}" for d in range(451, 500)) + " and Delegate 500"
    assert conflicts[0].message == (
        f"{fifty} have not arrived yet for 'Welcome' (Monday 22 April 2024, 09:00–10:00 at"
        " Federal Directorate): flight SN 2552 arrives on Monday 22 April 2024 at 10:40.")
    ten = ", ".join(f"Delegate {d}" for d in range(491, 500)) + " and Delegate 500"
    assert conflicts[1].message == (
        f"No hotel is recorded for {ten} for the nights from Monday 22 April 2024 to Thursday"
        " 25 April 2024.")
