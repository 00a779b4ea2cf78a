"""build_programme on hand-built rows: days, order, audience, languages."""
import datetime as dt
from types import SimpleNamespace as Row

from visitplanner.planning.build import build_programme


def org(id, name, short_name=None, translations=None):
    return Row(id=id, name=name, short_name=short_name, kind="other", address=None, city=None,
               country="BE", website=None, phone=None, email=None, translations=translations or {},
               logo=None, logo_type=None)


def item(id, title, start, end, delegate_ids=None, translations=None, speakers=()):
    return Row(id=id, kind="session", title=title, description=None, translations=translations or {},
               starts_at=dt.datetime.fromisoformat(start), ends_at=dt.datetime.fromisoformat(end),
               status="confirmed", sequence=0, venue=None, host_organisation=None,
               speakers=list(speakers), topics=["KIV"], delegate_ids=delegate_ids, updated_at=None,
               meeting_point=None, meeting_at=None, dress_code=None, transport=None,
               interpreting=None, interpreters=[])


def visit(items, **extra):
    fields = dict(id=1, title="Studiebezoek", translations={"fr": {"title": "Visite d'étude"}},
                  start_date=dt.date(2024, 3, 30), end_date=dt.date(2024, 4, 1),
                  timezone="Europe/Brussels", content_language="nl", status="draft",
                  host_country="BE", host_organisation=org(1, "ADVP"), partners=[],
                  delegation_country="UA", delegation_adjective=None,
                  delegation_description="openbare aanklagers", visit_type=None, purpose=None,
                  focus=None, items=items, key_figures=[], quotes=[], journeys=[], stays=[],
                  contacts=[], emergency_number=None, dress_code=None, practical_notes=None,
                  delegates=[Row(id=7, full_name="Олена Коваленко", role="head", honorific=None, gender=None,
                                 function=None, organisation=None, country="UA", email=None,
                                 phone=None, language="en", latin_name=None,
                                 dietary=None, accessibility=None,
                                 translations={"fr": {"function": "Procureure"}})])
    fields.update(extra)
    return Row(**fields)


def test_days_and_items_in_time_order_across_daylight_saving():
    programme = build_programme(visit([
        item(2, "Late", "2024-03-31T14:00", "2024-03-31T15:00"),
        item(1, "Early", "2024-03-30T09:00", "2024-03-30T10:00"),
        item(3, "Morning", "2024-03-31T09:00", "2024-03-31T10:00"),
    ]))
    assert [day.date for day in programme.days] == [dt.date(2024, 3, 30), dt.date(2024, 3, 31)]
    assert [i.title for i in programme.days[1].items] == ["Morning", "Late"]
    # Wall-clock times become aware in the visit's zone: CET before, CEST after the change.
    assert programme.days[0].items[0].starts.utcoffset() == dt.timedelta(hours=1)
    assert programme.days[1].items[0].starts.utcoffset() == dt.timedelta(hours=2)


def test_personal_programme_keeps_only_the_delegates_items():
    programme = build_programme(visit([
        item(1, "For all", "2024-03-30T09:00", "2024-03-30T10:00"),
        item(2, "For others", "2024-03-30T11:00", "2024-03-30T12:00", delegate_ids=[8]),
        item(3, "For her", "2024-03-30T13:00", "2024-03-30T14:00", delegate_ids=[7]),
    ]), delegate_id=7)
    assert [i.title for i in programme.items] == ["For all", "For her"]
    assert programme.audience.full_name == "Олена Коваленко"


def test_text_in_the_requested_language_with_fallback():
    rows = [item(1, "Lunch", "2024-03-30T12:00", "2024-03-30T13:00",
                 translations={"fr": {"title": "Déjeuner"}})]
    french = build_programme(visit(rows), lang="fr")
    assert french.visit.title == "Visite d'étude" and french.items[0].title == "Déjeuner"
    english = build_programme(visit(rows), lang="en")
    assert english.visit.title == "Studiebezoek" and english.items[0].title == "Lunch"


def test_delegation_adjective_follows_from_the_country_when_not_given():
    assert build_programme(visit([]), lang="nl").visit.delegation.adjective == "Oekraïense"
    assert build_programme(visit([]), lang="en").visit.delegation.adjective == "Ukrainian"
    given = build_programme(visit([], delegation_adjective="Oekraïens-Belgische"))
    assert given.visit.delegation.adjective == "Oekraïens-Belgische"


def test_host_names_functions_and_topics_in_the_requested_language_with_fallback():
    zone = org(2, "Politiezone Montgomery", "PZ Montgomery",
               {"fr": {"name": "Zone de police Montgomery", "short_name": "ZP Montgomery"}})
    chief = Row(id=3, full_name="Michaël Jonniaux", honorific="korpschef", function="Korpschef",
                organisation=zone, email=None, phone=None, latin_name=None,
                translations={"en": {"honorific": "Chief of Police",
                                     "function": "Chief of Police"}})
    rows = [item(1, "Bezoek", "2024-03-30T09:00", "2024-03-30T12:00", speakers=[chief],
                 translations={"fr": {"topics": ["la Note-cadre de Sécurité intégrale"]}})]
    built = {lang: build_programme(visit(rows, partners=[zone], key_figures=[chief]), lang=lang)
             for lang in ("fr", "en")}
    french, english = built["fr"], built["en"]
    assert french.visit.partners[0].name == "Zone de police Montgomery"
    assert french.items[0].speakers[0].organisation.short_name == "ZP Montgomery"
    assert french.items[0].topics == ("la Note-cadre de Sécurité intégrale",)
    assert french.items[0].topics_lang == "fr"
    assert french.key_figures[0].function == "Korpschef"
    assert not french.key_figures[0].honorific_translated
    assert french.delegates[0].function == "Procureure"
    # No translation into English: the stored text, in the content language.
    assert english.visit.partners[0].name == "Politiezone Montgomery"
    assert english.items[0].topics == ("KIV",) and english.items[0].topics_lang == "nl"
    assert english.key_figures[0].honorific == "Chief of Police"
    assert english.key_figures[0].honorific_translated
    assert english.delegates[0].function is None


def test_venue_name_and_address_in_the_requested_language():
    venue = Row(id=3, name="ADVP, vergaderzaal Europa", address="Waterloolaan 76",
                city="1000 Brussel", country="BE", latitude=None, longitude=None, phone=None,
                organisation=None, translations={"fr": {"name": "DGSP, salle Europe",
                                                        "address": "Boulevard de Waterloo 76",
                                                        "city": "1000 Bruxelles"}})
    row = item(1, "KIV", "2024-03-30T09:00", "2024-03-30T10:00")
    row.venue = venue
    french = build_programme(visit([row]), lang="fr").items[0].venue
    assert (french.name, french.address, french.city) == (
        "DGSP, salle Europe", "Boulevard de Waterloo 76", "1000 Bruxelles")
    dutch = build_programme(visit([row]), lang="nl").items[0].venue
    assert (dutch.name, dutch.city) == ("ADVP, vergaderzaal Europa", "1000 Brussel")


def test_text_without_a_translation_is_flagged_untranslated():
    zone = org(2, "Politiezone Montgomery", "PZ Montgomery",
               {"fr": {"name": "Zone de police Montgomery", "short_name": "ZP Montgomery"}})
    chief = Row(id=3, full_name="Michaël Jonniaux", honorific="korpschef", function="Korpschef",
                organisation=zone, email=None, phone=None, latin_name=None,
                translations={"en": {"honorific": "Chief of Police"}})
    venue = Row(id=4, name="Hoofdcommissariaat", address="Europalaan 2", city="Brussel",
                country="BE", latitude=None, longitude=None, phone=None, organisation=zone,
                translations={"fr": {"name": "Commissariat central"}})
    row = item(1, "Bezoek", "2024-03-30T09:00", "2024-03-30T12:00", speakers=[chief],
               translations={"en": {"title": "Visit"}})
    row.venue, row.description = venue, "Rondleiding"
    rows = visit([row], partners=[zone], key_figures=[chief], purpose="leren",
                 delegation_adjective="Oekraïense")
    french = build_programme(rows, lang="fr")
    assert french.visit.untranslated == {"purpose"}  # the title has its French translation
    assert french.visit.delegation.untranslated == {"adjective", "description"}
    assert french.visit.partners[0].untranslated == frozenset()
    assert french.key_figures[0].untranslated == {"honorific", "function"}
    assert french.items[0].untranslated == {"title", "description"}
    assert french.items[0].venue.untranslated == {"address", "city"}
    assert french.delegates[0].untranslated == frozenset()  # the function is translated
    english = build_programme(rows, lang="en")
    assert english.visit.partners[0].untranslated == {"name", "short_name"}
    assert english.items[0].speakers[0].untranslated == {"function"}
    assert english.items[0].speakers[0].organisation.untranslated == {"name", "short_name"}
    assert english.items[0].untranslated == {"description"}
    # Empty fields and text in the content language itself are never flagged.
    dutch = build_programme(rows)
    assert not dutch.visit.untranslated and not dutch.items[0].untranslated
    assert not dutch.key_figures[0].untranslated
    no_adjective = build_programme(visit([]), lang="fr").visit.delegation  # made from the country
    assert no_adjective.untranslated == {"description"}
