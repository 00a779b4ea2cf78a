"""News drafts of visits unlike each other, in nl, fr and en, read as an editor reads them.

Each draft is checked for its facts, and for what makes a draft publishable with light edits:
no sentence opening three times in a row, the delegation word at most once in 40 words,
articles before organisations, no untranslated text inside sentences, tense by date, gender.
"""
from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from visitplanner.outputs.news import DraftText, compose_news
from visitplanner.planning.programme import (
    Day,
    DelegateView,
    DelegationView,
    OrganisationView,
    PersonView,
    Programme,
    ProgrammeItem,
    QuoteView,
    VisitView,
)

ZONE = ZoneInfo("Europe/Brussels")


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), ZONE)


def item(n: int, kind: str, day: dt.date, hour: int, host: OrganisationView | None,
         topics: tuple[str, ...] = (), title: str = "Item", topics_lang: str | None = None
         ) -> ProgrammeItem:
    return ProgrammeItem(id=n, kind=kind, title=title, starts=at(day, hour),
                         ends=at(day, hour + 2), host=host, topics=topics,
                         topics_lang=topics_lang)


def programme(lang: str, visit: VisitView, items: list[ProgrammeItem],
              delegates: tuple[DelegateView, ...], key_figures: tuple[PersonView, ...] = (),
              quotes: tuple[QuoteView, ...] = ()) -> Programme:
    days = sorted({i.starts.date() for i in items})
    return Programme(visit=visit, lang=lang, delegates=delegates, key_figures=key_figures,
                     quotes=quotes,
                     days=tuple(Day(date=d, items=tuple(i for i in items if i.starts.date() == d))
                                for d in days))


# One Kenyan police commissioner, a woman, one day (12 March 2025).
KENYA_DAY = dt.date(2025, 3, 12)
KENYA = {
    "en": ("Federal Police", "Federal Computer Crime Unit", "Commissioner General",
           "Commissioner General of the Federal Police", "Kenyan", "police commissioners",
           "working visit", "learn how Belgium fights cybercrime", ("digital forensics",
                                                                      "online child protection")),
    "nl": ("Federale Politie", "Federal Computer Crime Unit", "commissaris-generaal",
           "Commissaris-generaal van de Federale Politie", "Keniaanse", "politiecommissarissen",
           "werkbezoek", "leren hoe België cybercriminaliteit bestrijdt",
           ("digitaal forensisch onderzoek", "online kinderbescherming")),
    "fr": ("Police fédérale", "Federal Computer Crime Unit", "commissaire général",
           "Commissaire général de la Police fédérale", "kényan", "commissaires de police",
           "visite de travail", "découvrir comment la Belgique lutte contre la cybercriminalité",
           ("l'expertise numérique", "la protection des enfants en ligne")),
}


def kenya(lang: str, gender: str | None = "female", honorific: str | None = None) -> Programme:
    police_name, unit_name, title, function, adjective, description, kind, purpose, topics = \
        KENYA[lang]
    police = OrganisationView(id=1, name=police_name, kind="other")
    unit = OrganisationView(id=2, name=unit_name, short_name="FCCU", kind="other")
    visit = VisitView(id=1, title="Kenya", start_date=KENYA_DAY, end_date=KENYA_DAY,
                      timezone="Europe/Brussels", content_language=lang, status="confirmed",
                      host=police, visit_type=kind, purpose=purpose,
                      delegation=DelegationView(country="KE", adjective=adjective,
                                                description=description))
    snoeck = PersonView(id=1, full_name="Eric Snoeck", honorific=title, function=function,
                        organisation=police)
    guest = DelegateView(id=1, full_name="Grace Wanjiru", role="head", gender=gender,
                         honorific=honorific)
    quote = QuoteView(id=1, text="Cybercrime knows no borders.", language="en",
                      speaker_name="Olivier Bogaert", speaker_function="FCCU")
    return programme(lang, visit, [item(1, "site_visit", KENYA_DAY, 10, unit, topics)],
                     (guest,), (snoeck,), (quote,))


# 21 Georgian mayors, 3-5 June 2025, written in Dutch only.
JUNE = dt.date(2025, 6, 3)


def mayors(lang: str = "nl") -> Programme:
    vvsg = OrganisationView(id=1, name="Vereniging van Vlaamse Steden en Gemeenten",
                            short_name="VVSG", kind="network")
    gent = OrganisationView(id=2, name="Stad Gent", kind="municipality", city="9000 Gent")
    leuven = OrganisationView(id=3, name="Stad Leuven", kind="municipality", city="3000 Leuven")
    untranslated = frozenset({"visit_type", "purpose"}) if lang != "nl" else frozenset()
    visit = VisitView(id=2, title="Georgië", start_date=JUNE, end_date=JUNE + dt.timedelta(2),
                      timezone="Europe/Brussels", content_language="nl", status="confirmed",
                      host=vvsg, partners=(gent, leuven), visit_type="studiebezoek",
                      purpose="de Vlaamse aanpak van lokaal bestuur leren kennen",
                      untranslated=untranslated,
                      delegation=DelegationView(
                          country="GE", adjective={"nl": "Georgische", "fr": "géorgien",
                                                   "en": "Georgian"}[lang],
                          description={"nl": "burgemeesters", "fr": "bourgmestres",
                                       "en": "mayors"}[lang]))
    topics_lang = "nl"
    items = [item(1, "session", JUNE, 9, vvsg, ("intergemeentelijke samenwerking",
                                                "lokale financiën"), topics_lang=topics_lang),
             item(2, "site_visit", JUNE + dt.timedelta(1), 10, gent,
                  ("burgerparticipatie", "de Gentse wijkaanpak"), topics_lang=topics_lang),
             item(3, "site_visit", JUNE + dt.timedelta(2), 10, leuven)]
    de_clercq = PersonView(id=1, full_name="Mathias De Clercq", honorific="burgemeester",
                           function="Burgemeester van Gent", organisation=gent,
                           untranslated=frozenset({"function", "honorific"}) if lang != "nl"
                           else frozenset())
    quote = QuoteView(id=1, text="Gent leert evenveel van Georgië als omgekeerd.", language="nl",
                      person=de_clercq)
    delegates = tuple(DelegateView(id=n, full_name=f"Mayor {n}", role="member")
                      for n in range(21))
    return programme(lang, visit, items, delegates, (de_clercq,), (quote,))


# Four Moroccan judges at one host, no partners, no site visits, no quotes (past).
MOROCCO = dt.date(2024, 10, 7)


def judges(lang: str) -> Programme:
    name, topics, description = {
        "nl": ("Hoge Raad voor de Justitie", ("de benoeming van magistraten", "tuchtrecht"),
               "rechters"),
        "fr": ("Conseil supérieur de la Justice", ("la nomination des magistrats",
                                                   "le droit disciplinaire"), "juges"),
        "en": ("High Council of Justice", ("the appointment of magistrates",
                                           "disciplinary law"), "judges"),
    }[lang]
    council = OrganisationView(id=1, name=name, short_name="HRJ" if lang == "nl" else "CSJ",
                               kind="court")
    visit = VisitView(id=3, title="Maroc", start_date=MOROCCO, end_date=MOROCCO + dt.timedelta(1),
                      timezone="Europe/Brussels", content_language=lang, status="confirmed",
                      host=council, delegation=DelegationView(
                          country="MA", adjective={"nl": "Marokkaanse", "fr": "marocain",
                                                   "en": "Moroccan"}[lang],
                          description=description))
    delegates = tuple(DelegateView(id=n, full_name=f"Judge {n}", role="member") for n in range(4))
    return programme(lang, visit, [item(1, "session", MOROCCO, 9, council, topics)], delegates)


# Three prison directors from the Netherlands, three site visits, during the visit.
PRISONS = dt.date(2025, 2, 10)


def prisons(lang: str) -> Programme:
    names = {"nl": ("Gevangenis Haren", "Gevangenis Leuze-en-Hainaut", "Gevangenis Beveren"),
             "fr": ("Prison de Haren", "Prison de Leuze-en-Hainaut", "Prison de Beveren"),
             "en": ("Haren Prison", "Leuze-en-Hainaut Prison", "Beveren Prison")}[lang]
    sites = [OrganisationView(id=n + 1, name=name, kind="other") for n, name in enumerate(names)]
    visit = VisitView(id=4, title="NL", start_date=PRISONS, end_date=PRISONS + dt.timedelta(2),
                      timezone="Europe/Brussels", content_language=lang, status="confirmed",
                      delegation=DelegationView(country="NL"))
    items = [item(n + 1, "site_visit", PRISONS + dt.timedelta(n), 10, site)
             for n, site in enumerate(sites)]
    delegates = tuple(DelegateView(id=n, full_name=f"Director {n}", role="member")
                      for n in range(3))
    return programme(lang, visit, items, delegates)


@pytest.fixture
def draft(reads_well: Any) -> Any:
    """Compose a draft and check what every draft must hold."""
    def compose(lang: str, made: Programme, today: dt.date) -> DraftText:
        text = compose_news(made, today)
        reads_well(text, lang)
        assert compose_news(made, today) == text  # deterministic: no randomness
        return text
    return compose


def test_one_kenyan_woman_one_day_in_english_after_the_visit(draft: Any) -> None:
    text = draft("en", kenya("en"), KENYA_DAY + dt.timedelta(1))
    assert text.title == "Federal Police welcomes Kenyan police commissioner"
    body = text.body
    for fact in ["Kenyan police commissioner Grace Wanjiru was in Belgium on 12 March on a "
                 "working visit.", "The aim was to learn how Belgium fights cybercrime.",
                 "Eric Snoeck (Commissioner General of the Federal Police) was also present.",
                 "digital forensics and online child protection", "“Cybercrime knows no borders.”",
                 "— Olivier Bogaert, FCCU"]:
        assert fact in body, (fact, body)
    assert body.count("Federal Computer Crime Unit") == 1 and "At the Federal Computer" in body
    assert "Guests" not in body and "delegation" not in body  # one person, hosts not guests
    assert text.captions == ("Grace Wanjiru at the Federal Computer Crime Unit, 12 March",)
    assert "Commissioner General Eric Snoeck" not in body  # the function says it


def test_one_kenyan_woman_in_french_and_dutch_agrees_in_gender(draft: Any) -> None:
    fr = draft("fr", kenya("fr"), KENYA_DAY + dt.timedelta(1))
    assert fr.title == "La Police fédérale accueille une commissaire de police kényane"
    assert fr.body.startswith("La commissaire de police kényane Grace Wanjiru a effectué le "
                              "12 mars une visite de travail en Belgique. Elle souhaitait "
                              "découvrir comment"), fr.body
    assert "Eric Snoeck (commissaire général de la Police fédérale)" in fr.body
    assert "À la Federal Computer Crime Unit, les échanges ont porté" in fr.body  # la ... Unit
    nl = draft("nl", kenya("nl", gender=None, honorific="mevrouw"), KENYA_DAY + dt.timedelta(1))
    assert nl.body.startswith("De Keniaanse politiecommissaris Grace Wanjiru bracht op 12 maart "
                              "een werkbezoek aan België. Zij wilde leren hoe"), nl.body
    assert nl.title == "Federale Politie verwelkomt Keniaanse politiecommissaris"
    assert "de Federale Politie" in nl.body or "Federal Computer Crime Unit" in nl.body
    fr_unknown = draft("fr", kenya("fr", gender=None), KENYA_DAY + dt.timedelta(1))
    assert fr_unknown.body.startswith("Le commissaire de police kényan Grace Wanjiru")
    assert "L'objectif était de découvrir" in fr_unknown.body  # no guessed 'elle'/'il'


def test_one_guest_before_the_visit_has_no_quotes_or_captions(draft: Any) -> None:
    text = draft("en", kenya("en"), KENYA_DAY - dt.timedelta(5))
    assert "will be in Belgium on 12 March" in text.body
    assert "will cover" in text.body or "will introduce" in text.body or \
        "will brief" in text.body or "the focus will be" in text.body
    assert "is expected to attend" in text.body
    assert "“" not in text.body and text.captions == ()
    assert text.title == "Federal Police to welcome Kenyan police commissioner"


def test_twenty_one_georgian_mayors_in_dutch_before_the_visit(draft: Any) -> None:
    text = draft("nl", mayors(), JUNE - dt.timedelta(10))
    assert text.title == "VVSG en partners verwelkomen binnenkort Georgische delegatie"
    body = text.body
    for fact in ["Een delegatie van 21 Georgische burgemeesters brengt van 3 tot 5 juni een "
                 "studiebezoek aan België.", "Zij willen de Vlaamse aanpak van lokaal bestuur "
                 "leren kennen.", "De VVSG zal de gasten laten kennismaken met onder meer "
                 "intergemeentelijke samenwerking en lokale financiën.",
                 "Verwacht wordt ook Mathias De Clercq (Burgemeester van Gent).",
                 "In Gent komen burgerparticipatie en de Gentse wijkaanpak aan bod.",
                 "Ook een bezoek aan Leuven staat op het programma."]:
        assert fact in body, (fact, body)
    for wrong in ["Bij VVSG", "Bij Stad Gent", "burgemeester Mathias", "Stad Gent)",
                  "kwamen", "bracht", "„", "gasten verwacht"]:
        assert wrong not in body, (wrong, body)
    assert text.captions == () and text.todo == ()
    after = draft("nl", mayors(), JUNE + dt.timedelta(10))
    assert "— Mathias De Clercq, Burgemeester van Gent\n" in after.body  # not '..., Stad Gent'
    assert after.captions == ("De Georgische delegatie in Gent, 4 juni",
                              "De Georgische delegatie in Leuven, 5 juni")
    assert "In Gent kwamen burgerparticipatie" in after.body


def test_twenty_one_mayors_in_english_list_the_dutch_text_as_a_todo(draft: Any) -> None:
    text = draft("en", mayors("en"), JUNE - dt.timedelta(10))
    assert "A delegation of 21 Georgian mayors will be in Belgium from 3 to 5 June on a visit." \
        in text.body
    assert "aim" not in text.body and "studiebezoek" not in text.body
    assert "intergemeentelijke" not in text.body and "Gentse" not in text.body
    assert "Mathias De Clercq" in text.body and "Burgemeester" not in text.body
    assert text.todo[:2] == ("Kind of visit: “studiebezoek”",
                             "Purpose: “de Vlaamse aanpak van lokaal bestuur leren kennen”")
    assert "Function of Mathias De Clercq: “Burgemeester van Gent”" in text.todo
    assert any(t.startswith("Topics of “Item”: “burgerparticipatie") for t in text.todo)
    assert all("Stad Gent" not in t and "VVSG" not in t for t in text.todo)  # names: never
    assert "The programme also includes a visit to Ghent" not in text.body  # names as written
    assert "Leuven" in text.body


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_one_host_no_partners_no_quotes_after_the_visit(draft: Any, lang: str) -> None:
    text = draft(lang, judges(lang), MOROCCO + dt.timedelta(30))
    expected = {
        "nl": ("HRJ verwelkomt Marokkaanse delegatie",
               ["Een delegatie van vier Marokkaanse rechters bracht van 7 tot 8 oktober een "
                "bezoek aan België.", "De HRJ liet de gasten kennismaken met onder meer de "
                "benoeming van magistraten en tuchtrecht."]),
        "fr": ("Le CSJ accueille une délégation marocaine",
               ["Une délégation de quatre juges marocains a effectué du 7 au 8 octobre une "
                "visite en Belgique.", "Le CSJ a présenté aux visiteurs notamment la nomination "
                "des magistrats et le droit disciplinaire."]),
        "en": ("CSJ welcomes Moroccan delegation",
               ["A delegation of four Moroccan judges was in Belgium from 7 to 8 October on a "
                "visit.", "The CSJ introduced the visitors to the appointment of magistrates "
                "and disciplinary law."]),
    }[lang]
    assert text.title == expected[0]
    for fact in expected[1]:
        assert fact in text.body, (fact, text.body)
    assert ">" not in text.body and text.captions == ()


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_site_visits_without_topics_vary_and_follow_their_dates(draft: Any, lang: str) -> None:
    text = draft(lang, prisons(lang), PRISONS + dt.timedelta(1))
    past, present, future = {
        "nl": ("Op het programma stond een bezoek aan Gevangenis Haren.",
               "Ook een bezoek aan Gevangenis Leuze-en-Hainaut staat op het programma.",
               "Daarnaast staat een bezoek aan Gevangenis Beveren op het programma."),
        "fr": ("Le programme comprenait une visite à la Prison de Haren.",
               "Une visite à la Prison de Leuze-en-Hainaut figure aussi au programme.",
               "Le programme comprend également une visite à la Prison de Beveren."),
        "en": ("The programme included a visit to Haren Prison.",
               "A visit to Leuze-en-Hainaut Prison is also on the programme.",
               "The programme also includes a visit to Beveren Prison."),
    }[lang]
    for sentence in (past, present, future):
        assert sentence in text.body, (sentence, text.body)
    assert text.captions and len(text.captions) == 1  # only the visit that has happened
    assert {"nl": "uit Nederland", "fr": "des Pays-Bas", "en": "from the Netherlands"}[lang] \
        in text.body or "Netherlands" in text.body


def test_twenty_one_mayors_in_french_after_the_visit_keep_names_and_quote_the_mayor(draft: Any
                                                                                  ) -> None:
    text = draft("fr", mayors("fr"), JUNE + dt.timedelta(10))
    assert text.title == "VVSG et ses partenaires accueillent une délégation géorgienne"
    for fact in ["Une délégation de 21 bourgmestres géorgiens a effectué du 3 au 5 juin une "
                 "visite en Belgique.", "Parmi les personnalités présentes figurait Mathias De "
                 "Clercq (Stad Gent).", "Le programme comprenait une visite à Gent.",
                 "Une visite à Leuven figurait aussi au programme.",
                 "«\u00a0Gent leert evenveel van Georgië als omgekeerd.\u00a0»",
                 "*(Citation en néerlandais, à traduire.)*"]:
        assert fact in text.body, (fact, text.body)
    assert "studiebezoek" not in text.body and "burgemeester" not in text.body.lower()
    assert text.captions == ("La délégation géorgienne à Gent, 4 juin",
                             "La délégation géorgienne à Leuven, 5 juin")
    assert "Type de visite\u00a0: «\u00a0studiebezoek\u00a0»" in text.todo
