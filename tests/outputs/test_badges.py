"""Who gets a badge, in which order, with which country."""
import datetime as dt

from visitplanner.outputs.badges import badge_holders
from visitplanner.planning.programme import (
    DelegateView,
    DelegationView,
    OrganisationView,
    PersonView,
    Programme,
    VisitView,
)


def test_head_of_delegation_first_and_country_from_the_delegation():
    visit = VisitView(id=1, title="Visit", start_date=dt.date(2024, 4, 22),
                      end_date=dt.date(2024, 4, 26), timezone="Europe/Brussels",
                      content_language="nl", status="draft",
                      delegation=DelegationView(country="MD"))
    programme = Programme(visit=visit, days=(), lang="fr", delegates=(
        DelegateView(id=1, full_name="Ana Rotaru", role="member"),
        DelegateView(id=2, full_name="Ion Popescu", role="head", country="RO"),
        DelegateView(id=3, full_name="Elena Ciobanu", role="interpreter"),
    ), key_figures=(PersonView(id=9, full_name="Willy Bruggeman",
                               organisation=OrganisationView(id=4, name="Federale Politieraad")),))
    holders = badge_holders(programme)
    assert [h.name for h in holders] == ["Ion Popescu", "Ana Rotaru", "Elena Ciobanu",
                                         "Willy Bruggeman"]
    assert [h.country for h in holders] == ["RO", "MD", "MD", "BE"]
