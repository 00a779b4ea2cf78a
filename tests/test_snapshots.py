"""A visit's snapshot (core.snapshots) builds the same programme as the visit the ORM loads,
in every language, in a fixed number of statements."""
from __future__ import annotations

import pytest

from visitplanner.core.queries import load_visit
from visitplanner.core.snapshots import load_visit_snapshot
from visitplanner.extensions import db
from visitplanner.models import Delegate, Item, ItemInterpreter, Organisation, Person
from visitplanner.planning.build import build_programme
from visitplanner.planning.untranslated import missing_translations

LANGS = ("nl", "fr", "en", "uk")


def _same_programmes(visit_id: int) -> None:
    visit, snapshot = load_visit(visit_id), load_visit_snapshot(visit_id)
    assert snapshot is not None
    for lang in LANGS:
        assert build_programme(snapshot, lang) == build_programme(visit, lang), lang
    assert missing_translations(snapshot, LANGS) == missing_translations(visit, LANGS)


def test_the_demo_visit_builds_the_same_programme_from_its_snapshot(demo_visit):
    programme = build_programme(load_visit_snapshot(demo_visit.id), "fr")
    assert programme.key_figures and programme.quotes and programme.visit.partners
    assert programme.visit.host is not None and programme.visit.host.logo.startswith(b"\x89PNG")
    _same_programmes(demo_visit.id)


def test_practical_side_audiences_interpreters_and_the_host_logo_come_as_stored(two_group_visit):
    host = Organisation(name="FOD Justitie", kind="ministry", logo=b"\x89PNG logo",
                        logo_type="image/png")
    other = Organisation(name="Tolkendienst", kind="other", logo=b"other logo",
                         logo_type="image/png")
    interpreter = Person(full_name="Ion Tolk", organisation=other)
    two_group_visit.host_organisation = host
    first = two_group_visit.items[0]
    first.interpreter_links = [ItemInterpreter(person=interpreter, position=0)]
    stranger = Delegate(visit=two_group_visit, full_name="Late Addition", role="member")
    db.session.add(stranger)
    db.session.commit()
    snapshot = load_visit_snapshot(two_group_visit.id)
    programme = build_programme(snapshot, "nl")
    assert programme.visit.host.logo == b"\x89PNG logo"  # only the host's logo is read
    assert snapshot.items[0].interpreters[0].organisation.logo is None
    assert programme.journeys[0].delegate_ids == tuple(d.id for d in two_group_visit.delegates[:3])
    assert programme.stays and programme.contacts
    _same_programmes(two_group_visit.id)


def test_a_snapshot_takes_the_same_statements_whatever_the_size(app, demo_visit, count_queries):
    with count_queries(app) as before:
        load_visit_snapshot(demo_visit.id)
    first = demo_visit.items[0]
    extra = [Delegate(visit=demo_visit, full_name=f"Gast {n}", role="member") for n in range(5)]
    db.session.add_all(extra)
    for n in range(5):
        db.session.add(Item(visit_id=demo_visit.id, title=f"Extra {n}", kind="session",
                            starts_at=first.starts_at, ends_at=first.ends_at, topics=[],
                            whole_delegation=False, chosen_delegates=extra, translations={},
                            venue=first.venue))
    db.session.commit()
    with count_queries(app) as after:
        snapshot = load_visit_snapshot(demo_visit.id)
    assert len(after) == len(before)
    assert len(snapshot.items) == len(demo_visit.items)
    _same_programmes(demo_visit.id)


@pytest.mark.parametrize("visit_id", [0, 999_999])
def test_no_snapshot_of_a_visit_that_is_not_there(app, visit_id):
    assert load_visit_snapshot(visit_id) is None
