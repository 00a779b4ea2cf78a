"""The output languages' rules, language by language, and the news draft's own helpers."""
import datetime as dt

import pytest

from visitplanner.outputs.languages import all_languages, gender_of_honorific, honorific, language
from visitplanner.outputs.news_facts import Facts, tense_of
from visitplanner.planning.programme import DelegateView, Programme, VisitView

APRIL = dt.date(2024, 4, 1)


def test_only_heads_and_members_count():
    roles = ["head", "member", "member", "interpreter", "escort", "staff"]
    delegates = tuple(DelegateView(id=n, full_name="x", role=r) for n, r in enumerate(roles))
    visit = VisitView(id=1, title="x", start_date=APRIL, end_date=APRIL, timezone="UTC",
                      content_language="en", status="draft")
    facts = Facts(Programme(visit=visit, days=(), lang="en", delegates=delegates), APRIL)
    assert len(facts.delegates()) == 3 and facts.guest() is None


@pytest.mark.parametrize("lang, six, twenty", [("nl", "zes", "twintig"), ("fr", "six", "vingt"),
                                               ("en", "six", "twenty")])
def test_small_numbers_in_words_larger_in_digits(lang, six, twenty):
    assert (language(lang).number(6), language(lang).number(20), language(lang).number(21)) == (six, twenty, "21")


@pytest.mark.parametrize("lang, joined", [("nl", "A, B en C"), ("fr", "A, B et C"),
                                          ("en", "A, B and C")])
def test_lists(lang, joined):
    assert language(lang).join(["A", "B", "C"]) == joined
    assert language(lang).join(["A"]) == "A" and language(lang).join([]) == ""
    assert language(lang).join(["A, a", "B"]).startswith("A, a ")


@pytest.mark.parametrize("lang, same, across, years, one", [
    ("nl", "van 22 tot 26 april", "van 30 april tot 2 mei",
     "van 30 december 2024 tot 2 januari 2025", "op 22 april"),
    ("fr", "du 22 au 26 avril", "du 30 avril au 2 mai",
     "du 30 décembre 2024 au 2 janvier 2025", "le 22 avril"),
    ("en", "from 22 to 26 April", "from 30 April to 2 May",
     "from 30 December 2024 to 2 January 2025", "on 22 April"),
])
def test_date_ranges(lang, same, across, years, one):
    assert language(lang).date_range(dt.date(2024, 4, 22), dt.date(2024, 4, 26), APRIL) == same
    assert language(lang).date_range(dt.date(2024, 4, 30), dt.date(2024, 5, 2), APRIL) == across
    assert language(lang).date_range(dt.date(2024, 12, 30), dt.date(2025, 1, 2), APRIL) == years
    assert language(lang).date_range(dt.date(2024, 4, 22), dt.date(2024, 4, 22), APRIL) == one


def test_year_shown_when_not_this_year_and_french_first_of_month():
    later = dt.date(2026, 1, 5)
    assert language("nl").date_range(dt.date(2024, 4, 22), dt.date(2024, 4, 26), later) == \
        "van 22 tot 26 april 2024"
    assert language("fr").date_range(dt.date(2024, 5, 1), dt.date(2024, 5, 3), APRIL) == \
        "du 1er au 3 mai"


def test_tense_follows_the_date():
    start, end = dt.date(2024, 4, 22), dt.date(2024, 4, 26)
    assert tense_of(start, end, dt.date(2024, 4, 21)) == "future"
    assert tense_of(start, end, start) == tense_of(start, end, end) == "present"
    assert tense_of(start, end, dt.date(2024, 4, 27)) == "past"


@pytest.mark.parametrize("lang, adjective, description, plural, one", [
    ("nl", "Oekraïense", "openbare aanklagers", "Oekraïense openbare aanklagers",
     "Oekraïense openbare aanklager"),
    ("fr", "ukrainien", "procureurs", "procureurs ukrainiens", "procureur ukrainien"),
    ("fr", "Moldave", "juges d'instruction", "juges d'instruction moldaves",
     "juge d'instruction moldave"),
    ("en", "Ukrainian", "prosecutors", "Ukrainian prosecutors", "Ukrainian prosecutor"),
    ("en", "Kenyan", "heads of police", "Kenyan heads of police", "Kenyan head of police"),
])
def test_nationality_and_description_agree(lang, adjective, description, plural, one):
    assert language(lang).nationality_noun(adjective, description, 6) == plural
    assert language(lang).nationality_noun(adjective, description, 1) == one


def test_french_agreement_and_prepositions():
    fr = language("fr")
    assert fr.agree("ukrainien", feminine=True) == "ukrainienne"
    assert fr.agree("ukrainiens") == "ukrainien"
    assert fr.agree("français", feminine=True, plural=True) == "françaises"
    assert fr.in_country("Belgique") == "en Belgique"
    assert fr.in_country("Maroc") == "au Maroc"
    assert fr.in_country("Pays-Bas") == "aux Pays-Bas"
    assert fr.from_country("Ukraine") == "d'Ukraine"
    assert fr.indefinite("visite de travail") == "une visite de travail"
    assert fr.indefinite("séjour d'étude") == "un séjour d'étude"


def test_english_articles_and_honorifics():
    assert [language("en").indefinite(w) for w in ("Ukrainian", "official", "study", "Uzbek")] \
        == ["a Ukrainian", "an official", "a study", "an Uzbek"]
    assert honorific("mevrouw", "fr") == "Mme" and honorific("mevrouw", "en") == "Ms"
    assert honorific("korpschef", "nl") == "korpschef" and honorific("Baron", "en") == "Baron"
    assert language("nl").country_name("BE") == "België"
    assert language("en").country_name("BE") == "Belgium"
    assert gender_of_honorific("Mme") == gender_of_honorific("mevrouw") == "female"
    assert gender_of_honorific("Mr.") == "male" and gender_of_honorific("Dr") is None


@pytest.mark.parametrize("label, lang, name, expected", [
    ("Zone de police Montgomery", "fr", None, "la Zone de police Montgomery"),
    ("DGSP (BeSafe)", "fr", "Direction générale Sécurité et Prévention", "la DGSP (BeSafe)"),
    ("Office des étrangers", "fr", None, "l'Office des étrangers"),
    ("Europol", "fr", None, "Europol"),
    ("Montgomery Police Zone", "en", None, "the Montgomery Police Zone"),
    ("DGSP (BeSafe)", "en", "Directorate-General for Security and Prevention", "the DGSP (BeSafe)"),
    ("PZ Montgomery", "en", "Montgomery Police Zone", "PZ Montgomery"),
    ("Politiezone Montgomery", "nl", None, "Politiezone Montgomery"),
])
def test_organisation_names_take_the_article_their_noun_calls_for(label, lang, name, expected):
    assert language(lang).definite(label, name) == expected


def test_french_prepositions_contract_with_the_article():
    fr = language("fr")
    assert fr.of("le Conseil fédéral de police") == "du Conseil fédéral de police"
    assert fr.of("la DGSP") == "de la DGSP" and fr.of("ADVP") == "d'ADVP"
    assert fr.to("le Conseil") == "au Conseil" and fr.to("la Zone") == "à la Zone"


def test_dutch_articles_and_topics():
    nl = language("nl")
    assert nl.definite("ADVP (BeSafe)", "Algemene Directie Veiligheid en Preventie") == \
        "de ADVP (BeSafe)"
    assert nl.definite("VVSG", "Vereniging van Vlaamse Steden en Gemeenten") == "de VVSG"
    assert nl.definite("Politiezone Montgomery") == "Politiezone Montgomery"
    assert nl.definite("NICC", "Nationaal Instituut voor Criminalistiek") == "het NICC"
    assert nl.topic("Kadernota Integrale Veiligheid (KIV)") == \
        "de Kadernota Integrale Veiligheid (KIV)"
    assert nl.topic("wijkwerking") == "wijkwerking"
    assert nl.topic("European Network on Administrative Approach (ENAA)") == \
        "het European Network on Administrative Approach (ENAA)"
    assert nl.singular("politiecommissarissen") == "politiecommissaris"
    assert language("en").in_country("Netherlands") == "in the Netherlands"
    assert language("fr").definite("Federal Computer Crime Unit") == \
        "la Federal Computer Crime Unit"
    assert language("en").curly('the "Prevention Truck"') == "the \u201cPrevention Truck\u201d"


@pytest.mark.parametrize("lang, host, colon_mail", [
    ("nl", "Gastheer:", "Uitnodiging: KIV"), ("fr", "Hôte\u00a0:", "Invitation\u00a0: KIV"),
    ("en", "Host:", "Invitation: KIV"),
])
def test_one_colon_rule_for_fields_mail_subjects_and_messages(lang, host, colon_mail):
    assert language(lang).field("pdf.host") == host
    assert language(lang).label("mail.invite", title="KIV") == colon_mail


def test_every_language_has_every_label_and_one_day_pattern():
    keys = set(language("en").labels)
    for lang in all_languages():
        assert set(lang.labels) == keys, lang.code
    assert [lang.day(dt.date(2024, 4, 22)) for lang in all_languages()] == \
        ["maandag 22 april 2024", "lundi 22 avril 2024", "Monday 22 April 2024"]
    assert language("fr").quote("KIV") == "«\u00a0KIV\u00a0»"
    assert language("nl").quote("KIV") == "\u201eKIV\u201d"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="use one of nl, fr, en"):
        language("xx")
