"""Grammar helpers of the news draft, language by language."""
import datetime as dt

import pytest

from visitplanner.outputs import grammar as g
from visitplanner.outputs import names
from visitplanner.planning.programme import DelegateView

APRIL = dt.date(2024, 4, 1)


def test_only_heads_and_members_count():
    roles = ["head", "member", "member", "interpreter", "escort", "staff"]
    assert g.counted([DelegateView(id=n, full_name="x", role=r) for n, r in enumerate(roles)]) == 3


@pytest.mark.parametrize("lang, six, twenty", [("nl", "zes", "twintig"), ("fr", "six", "vingt"),
                                               ("en", "six", "twenty")])
def test_small_numbers_in_words_larger_in_digits(lang, six, twenty):
    assert (g.number(6, lang), g.number(20, lang), g.number(21, lang)) == (six, twenty, "21")


@pytest.mark.parametrize("lang, joined", [("nl", "A, B en C"), ("fr", "A, B et C"),
                                          ("en", "A, B and C")])
def test_lists(lang, joined):
    assert g.join(["A", "B", "C"], lang) == joined
    assert g.join(["A"], lang) == "A" and g.join([], lang) == ""
    assert g.join(["A, a", "B"], lang).startswith("A, a ")


@pytest.mark.parametrize("lang, same, across, years, one", [
    ("nl", "van 22 tot 26 april", "van 30 april tot 2 mei",
     "van 30 december 2024 tot 2 januari 2025", "op 22 april"),
    ("fr", "du 22 au 26 avril", "du 30 avril au 2 mai",
     "du 30 décembre 2024 au 2 janvier 2025", "le 22 avril"),
    ("en", "from 22 to 26 April", "from 30 April to 2 May",
     "from 30 December 2024 to 2 January 2025", "on 22 April"),
])
def test_date_ranges(lang, same, across, years, one):
    assert g.date_range(dt.date(2024, 4, 22), dt.date(2024, 4, 26), lang, APRIL) == same
    assert g.date_range(dt.date(2024, 4, 30), dt.date(2024, 5, 2), lang, APRIL) == across
    assert g.date_range(dt.date(2024, 12, 30), dt.date(2025, 1, 2), lang, APRIL) == years
    assert g.date_range(dt.date(2024, 4, 22), dt.date(2024, 4, 22), lang, APRIL) == one


def test_year_shown_when_not_this_year_and_french_first_of_month():
    later = dt.date(2026, 1, 5)
    assert g.date_range(dt.date(2024, 4, 22), dt.date(2024, 4, 26), "nl", later) == \
        "van 22 tot 26 april 2024"
    assert g.date_range(dt.date(2024, 5, 1), dt.date(2024, 5, 3), "fr", APRIL) == "du 1er au 3 mai"


def test_tense_follows_the_date():
    start, end = dt.date(2024, 4, 22), dt.date(2024, 4, 26)
    assert g.tense(start, end, dt.date(2024, 4, 21)) == "announce"
    assert g.tense(start, end, start) == g.tense(start, end, end) == "present"
    assert g.tense(start, end, dt.date(2024, 4, 27)) == "past"


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
    assert g.nationality_noun(adjective, description, lang, 6) == plural
    assert g.nationality_noun(adjective, description, lang, 1) == one


def test_french_agreement_and_prepositions():
    assert g.fr_agree("ukrainien", feminine=True) == "ukrainienne"
    assert g.fr_agree("ukrainiens") == "ukrainien"
    assert g.fr_agree("français", feminine=True, plural=True) == "françaises"
    assert g.fr_country("Belgique", "en") == "en Belgique"
    assert g.fr_country("Maroc", "en") == "au Maroc"
    assert g.fr_country("Pays-Bas", "en") == "aux Pays-Bas"
    assert g.fr_country("Ukraine", "de") == "d'Ukraine"
    assert g.fr_indefinite("visite de travail") == "une visite de travail"
    assert g.fr_indefinite("séjour d'étude") == "un séjour d'étude"


def test_english_articles_and_honorifics():
    assert [g.en_article(w) for w in ("Ukrainian", "official", "study", "Uzbek")] == \
        ["a", "an", "a", "an"]
    assert g.honorific("mevrouw", "fr") == "Mme" and g.honorific("mevrouw", "en") == "Ms"
    assert g.honorific("korpschef", "nl") == "korpschef" and g.honorific("Baron", "en") == "Baron"
    assert g.country_name("BE", "nl") == "België" and g.country_name("BE", "en") == "Belgium"


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
    assert names.definite(label, lang, name) == expected


def test_french_prepositions_contract_with_the_article():
    assert names.fr_de("le Conseil fédéral de police") == "du Conseil fédéral de police"
    assert names.fr_de("la DGSP") == "de la DGSP" and names.fr_de("ADVP") == "d'ADVP"
    assert names.fr_a("le Conseil") == "au Conseil" and names.fr_a("la Zone") == "à la Zone"


def test_untranslated_text_keeps_its_words_and_gets_no_guessed_grammar():
    word = g.flagged("Oekraïense", "nl")
    assert g.is_flagged(word) and not g.is_flagged("Oekraïense") and not g.is_flagged(None)
    assert g.fr_agree(word, feminine=True, plural=True) == word  # no French ending on Dutch
    assert names.definite(g.flagged("Politiezone Noord", "nl"), "fr") == \
        g.flagged("Politiezone Noord", "nl")
    assert g.shown_flags(f"pour une visite {g.flagged('werkbezoek', 'nl')}.") == \
        "pour une visite [nl: werkbezoek]."
    assert g.unflagged(f"{g.flagged('Korpschef', 'nl')}, {g.flagged('PZ Noord', 'nl')}") == \
        "Korpschef, PZ Noord"
    assert g.knows_honorific(" Mevrouw") and not g.knows_honorific("meester")
    assert g.lowered(g.flagged("Korpschef", "nl")) == g.flagged("Korpschef", "nl")
