"""The news draft: every fact of the reference article that the demo data holds, in three languages."""
import dataclasses
import datetime as dt
import io
from zoneinfo import ZoneInfo

import docx
import pytest

from visitplanner.core.queries import load_visit
from visitplanner.extensions import db
from visitplanner.outputs.news import compose_news
from visitplanner.outputs.news_export import export, to_html, to_markdown
from visitplanner.planning.build import build_programme
from visitplanner.planning.programme import (
    Day,
    DelegateView,
    DelegationView,
    OrganisationView,
    Programme,
    ProgrammeItem,
    VisitView,
)

AFTER = dt.date(2024, 5, 2)


@pytest.fixture
def demo_programmes(demo_visit):
    visit = load_visit(demo_visit.id)
    return {lang: build_programme(visit, lang) for lang in ("nl", "fr", "en")}


def test_dutch_demo_after_the_visit_reads_like_the_reference(demo_programmes, reads_well):
    draft = compose_news(demo_programmes["nl"], AFTER)
    reads_well(draft, "nl")
    text = draft.body
    assert draft.title == "ADVP en partners verwelkomen Oekraïense delegatie"
    for fact in [
        "Een delegatie van zes Oekraïense openbare aanklagers bracht van 22 tot 26 april een "
        "werkbezoek aan België.", "Zij wilden meer inzicht krijgen in het Belgische "
        "veiligheidslandschap, met bijzondere aandacht voor de Kadernota Integrale Veiligheid "
        "(KIV) en de rol van openbare aanklagers in het lokaal veiligheidsbeleid.",
        "De ADVP (BeSafe) liet de gasten kennismaken met onder meer de Kadernota Integrale "
        "Veiligheid (KIV), strategische veiligheids- en preventieplannen, bestuurlijke handhaving",
        "bestuurlijke handhaving, het European Network on Administrative Approach (ENAA) en het "
        "European Crime Prevention Network (EUCPN).",
        "Tijdens het bezoek waren diverse sleutelfiguren aanwezig, zoals Willy Bruggeman "
        "(Voorzitter Federale Politieraad), korpschef Michaël Jonniaux (PZ Montgomery) en "
        "korpschef Olivier Slosse (PZ Brussel Noord).",
        "Bij Politiezone Montgomery kwamen wijkwerking, slachtofferzorg (in het bijzonder bij "
        "seksueel en intrafamiliaal geweld) en de preventiewagen („Prevention Truck”) aan bod.",
        "Politiezone Brussel Noord gaf de openbare aanklagers uitleg over straatintimidatie, "
        "seksuele agressie op straat, mensenhandel en prostitutie.",
        "Mevrouw Diane Reynders, Belgisch openbaar aanklager op missie voor de Europese Commissie "
        "in Oekraïne, begeleidde de delegatie tijdens het hele bezoek.",
        "— Michaël Jonniaux, Korpschef, Politiezone Montgomery",
        "— Olivier Slosse, Korpschef, Politiezone Brussel Noord",
        "> „Slachtoffers moeten de weg naar de politie makkelijk vinden.",
    ]:
        assert fact in text, fact
    assert draft.captions == ("De Oekraïense delegatie bij Politiezone Montgomery, 24 april",
                              "De Oekraïense delegatie bij Politiezone Brussel Noord, 25 april")
    assert "None" not in text and "Svitlana" not in text and "Олена" not in text
    assert "Bij ADVP" not in text and "Op het programma stonden ook" not in text
    # Each site visit's quote follows its own paragraph.
    assert text.index("Bij Politiezone Montgomery") < text.index("— Michaël Jonniaux") \
        < text.index("Politiezone Brussel Noord gaf") < text.index("— Olivier Slosse")
    assert draft.todo == ()


DUTCH = ["wijkwerking", "Korpschef", "Voorzitter", "Politiezone", "ADVP", "Oekraïne",
         "Belgisch", "straatintimidatie", "à traduire", "to be translated"]


def test_french_and_english_demo_after_the_visit(demo_programmes, reads_well):
    fr = compose_news(demo_programmes["fr"], AFTER)
    reads_well(fr, "fr")
    assert fr.title == ("La DGSP et ses partenaires accueillent une délégation "
                        "ukrainienne")
    for fact in ["Une délégation de six procureurs ukrainiens a effectué du 22 au 26 avril une "
                 "visite d'étude en Belgique.", "Elle souhaitait mieux comprendre",
                 "La DGSP (BeSafe) a présenté aux visiteurs notamment la Note-cadre de "
                 "Sécurité intégrale (NCSI), les plans stratégiques",
                 "Plusieurs personnalités étaient présentes, dont Willy Bruggeman (président du "
                 "Conseil fédéral de police), le chef de corps Michaël Jonniaux (ZP Montgomery)",
                 "À la Zone de police Montgomery, les échanges ont porté sur le travail de "
                 "quartier", "La Zone de police Bruxelles Nord a fait découvrir aux procureurs "
                 "le harcèlement de rue", "la traite des êtres humains et la prostitution",
                 "Mme Diane Reynders, procureure belge en mission pour la Commission européenne",
                 "«\u00a0Les victimes doivent", "— Olivier Slosse, chef de corps, Zone de police"]:
        assert fact in fr.body, fact
    assert "Slachtoffers moeten" not in fr.body  # the French quote replaces the Dutch one
    assert fr.captions[0] == "La délégation ukrainienne à la Zone de police Montgomery, 24 avril"
    en = compose_news(demo_programmes["en"], AFTER)
    reads_well(en, "en")
    assert en.title == "DGSP and partners welcome Ukrainian delegation"
    for fact in ["A delegation of six Ukrainian prosecutors was in Belgium from 22 to 26 April "
                 "on a study visit.", "The aim was to gain a better understanding",
                 "The DGSP (BeSafe) introduced the visitors to the Framework Note",
                 "Willy Bruggeman (Chair of the Federal Police Council)",
                 "At the Montgomery Police Zone, the talks covered community policing",
                 "the “Prevention Truck”", "Chief of Police Olivier Slosse (PZ Brussels North)",
                 "The Brussels North Police Zone briefed the prosecutors on street harassment",
                 "Ms Diane Reynders, Belgian public prosecutor on a European Commission mission",
                 "“Victims must find"]:
        assert fact in en.body, fact
    assert en.captions[0] == "The Ukrainian delegation at the Montgomery Police Zone, 24 April"
    assert "Montgomery police zone" not in en.body + "".join(en.captions)  # one spelling
    for draft in (fr, en):
        for word in DUTCH:
            assert word not in draft.title + draft.body, word


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_demo_during_the_visit_says_each_part_in_its_own_tense(demo_programmes, reads_well,
                                                               lang):
    draft = compose_news(demo_programmes[lang], dt.date(2024, 4, 24))  # Montgomery's day
    reads_well(draft, lang)
    past, today, tomorrow, visit = {
        "nl": ("De ADVP (BeSafe) liet", "Bij Politiezone Montgomery komen",
               "Politiezone Brussel Noord zal de openbare aanklagers uitleg geven over",
               "brengt van 22 tot 26 april"),
        "fr": ("La DGSP (BeSafe) a présenté", "les échanges portent sur",
               "La Zone de police Bruxelles Nord fera découvrir", "effectue du 22 au 26 avril"),
        "en": ("The DGSP (BeSafe) introduced", "the talks cover community policing",
               "The Brussels North Police Zone will brief", "is in Belgium from 22 to 26 April"),
    }[lang]
    for words in (past, today, tomorrow, visit):
        assert words in draft.body, (words, draft.body)
    assert ">" not in draft.body and draft.captions == ()  # nothing has been said or shot yet


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_demo_before_the_visit_announces_without_quotes_or_captions(demo_programmes, reads_well,
                                                                    lang):
    draft = compose_news(demo_programmes[lang], dt.date(2024, 4, 1))
    reads_well(draft, lang)
    title, expected = {
        "nl": ("ADVP en partners verwelkomen binnenkort Oekraïense delegatie",
               ["Tijdens het bezoek worden diverse sleutelfiguren verwacht, zoals",
                "De ADVP (BeSafe) zal de gasten laten kennismaken"]),
        "fr": ("La DGSP et ses partenaires accueilleront une délégation ukrainienne",
               ["Plusieurs personnalités sont attendues, dont", "effectuera du 22 au 26 avril",
                "La DGSP (BeSafe) présentera aux visiteurs"]),
        "en": ("DGSP and partners to welcome Ukrainian delegation",
               ["Key figures expected to attend include", "will be in Belgium",
                "will accompany the delegation"]),
    }[lang]
    assert draft.title == title
    for words in expected:
        assert words in draft.body, (words, draft.body)
    assert ">" not in draft.body and draft.captions == ()
    for guests in ("gasten verwacht", "invités attendus", "Guests expected"):
        assert guests not in draft.body  # the host side is never called guests


def test_untranslated_topics_are_left_out_and_listed(demo_visit, reads_well):
    visit = load_visit(demo_visit.id)
    for item in visit.items:  # keep the translated titles, drop the translated topics
        item.translations = {lang: {k: v for k, v in text.items() if k != "topics"}
                             for lang, text in item.translations.items()}
    for person in visit.key_figures:
        person.translations = {}
    fr = compose_news(build_programme(visit, "fr"), AFTER)
    reads_well(fr, "fr")
    assert "Le programme comprenait une visite à la Zone de police Montgomery." in fr.body
    assert "wijkwerking" not in fr.body and "Kadernota" not in fr.body
    assert any("wijkwerking" in line for line in fr.todo)
    assert "le chef de corps Michaël Jonniaux" in fr.body  # the honorific table's French
    en = compose_news(build_programme(visit, "en"), AFTER)
    reads_well(en, "en")
    assert "straatintimidatie" not in en.body and "Chief of Police Olivier Slosse" in en.body
    assert any(line.startswith("Topics of ") and "straatintimidatie" in line for line in en.todo)
    db.session.rollback()


def _drop_translations(visit):
    """Leave every text of the visit in Dutch only: its own, its items', places' and people's."""
    people = [*visit.key_figures, *(q.person for q in visit.quotes if q.person)]
    people += [person for item in visit.items for person in item.speakers]
    venues = [item.venue for item in visit.items if item.venue]
    orgs = [visit.host_organisation, *visit.partners, *(p.organisation for p in people),
            *(item.host_organisation for item in visit.items), *(v.organisation for v in venues)]
    for row in (visit, *visit.items, *visit.delegates, *people, *venues, *orgs):
        if row is not None:
            row.translations = {}


def test_untranslated_visit_lists_every_dutch_text_and_keeps_sentences_clean(demo_visit,
                                                                           reads_well):
    visit = load_visit(demo_visit.id)
    _drop_translations(visit)
    escort = next(d for d in visit.delegates if d.role == "escort")
    escort.honorific, escort.organisation = "meester", "FOD Justitie"  # unknown to the app
    fr = compose_news(build_programme(visit, "fr"), AFTER)
    en = compose_news(build_programme(visit, "en"), AFTER)
    for draft, lang in ((fr, "fr"), (en, "en")):
        reads_well(draft, lang)
        text = draft.title + draft.body + "".join(draft.captions)
        for word in DUTCH_TEXT:
            assert word not in text, (word, text)
        listed = "\n".join(draft.todo)
        for word in ["werkbezoek", "meer inzicht krijgen", "Kadernota", "wijkwerking",
                     "straatintimidatie", "Voorzitter Federale Politieraad", "Korpschef",
                     "meester", "FOD Justitie", "openbare aanklagers"]:
            assert word in listed, (word, listed)
    assert fr.title == "ADVP et ses partenaires accueillent une délégation ukrainienne"
    assert "Une délégation de six personnes d'Ukraine a effectué du 22 au 26 avril une visite " \
        "en Belgique." in fr.body
    assert "Diane Reynders a accompagné" in fr.body  # names are never left out
    assert "Type de visite\u00a0: «\u00a0werkbezoek\u00a0»" in fr.todo
    assert en.todo[:2] == ("Description of the delegation: “openbare aanklagers”",
                           "Kind of visit: “werkbezoek”")
    assert "Willy Bruggeman (Federale Politieraad)" in en.body
    db.session.rollback()


# Dutch words of the demo's texts, functions and honorifics that a French or English draft
# lists in its to-do rather than writes in a sentence (names of people and bodies aside).
DUTCH_TEXT = ["werkbezoek", "inzicht", "veiligheidslandschap", "aanklager", "Kadernota",
              "handhaving", "wijkwerking", "slachtofferzorg", "straatintimidatie", "mensenhandel",
              "Bezoek aan", "Oekraïense", "Korpschef", "Voorzitter", "meester", "Justitie"]


def test_translated_demo_has_nothing_to_translate(demo_programmes):
    for lang, programme in demo_programmes.items():
        draft = compose_news(programme, AFTER)
        assert draft.todo == (), lang


def _programme(lang="en", delegates=6, start=dt.date(2024, 4, 22), end=dt.date(2024, 4, 26),
               **visit):
    zone = ZoneInfo("Europe/Brussels")
    host = OrganisationView(id=1, name="Directorate", short_name="DIR")
    site = OrganisationView(id=2, name="Police Zone North")
    item = ProgrammeItem(id=1, kind="site_visit", title="Visit to the north zone", host=site,
                         starts=dt.datetime.combine(start, dt.time(10), zone),
                         ends=dt.datetime.combine(start, dt.time(12), zone), topics=("patrols",))
    people = tuple(DelegateView(id=n, full_name=f"D{n}", role="member") for n in range(delegates))
    view = VisitView(id=1, title="Visit", start_date=start, end_date=end, timezone="Europe/Brussels",
                     content_language=lang, status="confirmed", host=host, visit_type="study visit",
                     delegation=DelegationView(country="MD", adjective="Moldovan",
                                               description="judges"))
    view = dataclasses.replace(view, **visit)
    return Programme(visit=view, days=(Day(date=start, items=(item,)),), lang=lang,
                     delegates=people + (DelegateView(id=99, full_name="I", role="interpreter"),))


def test_one_delegate_is_named_and_singular():
    programme = _programme(delegates=1)
    draft = compose_news(programme, AFTER)
    assert draft.title == "DIR welcomes Moldovan judge"
    assert draft.body.startswith("Moldovan judge D0 was in Belgium")
    assert "At the Police Zone North, the talks covered patrols." in draft.body
    nl = compose_news(_programme(lang="nl", delegates=1, visit_type="werkbezoek",
                                 delegation=DelegationView(adjective="Moldavische",
                                                           description="rechters")), AFTER)
    assert nl.body.startswith("De Moldavische rechter D0 bracht")


def test_twenty_one_delegates_in_digits():
    assert "A delegation of 21 Moldovan judges" in compose_news(_programme(delegates=21), AFTER).body
    assert "A delegation of twenty Moldovan judges" in \
        compose_news(_programme(delegates=20), AFTER).body


def test_a_visit_across_two_months():
    programme = _programme(lang="fr", start=dt.date(2024, 4, 30), end=dt.date(2024, 5, 2),
                           visit_type="visite d'étude",
                           delegation=DelegationView(adjective="moldave", description="juges"))
    body = compose_news(programme, dt.date(2024, 5, 3)).body
    assert "six juges moldaves a effectué du 30 avril au 2 mai une visite d'étude en Belgique" \
        in body


def test_future_visit_announces_and_past_visit_reports():
    future = compose_news(_programme(lang="nl", visit_type="werkbezoek"), dt.date(2024, 3, 1))
    assert future.title == "DIR verwelkomt binnenkort Moldovan delegatie"
    assert "brengt van 22 tot 26 april een werkbezoek aan België" in future.body
    assert "patrols aan bod" in future.body and "kwam" not in future.body
    en_future = compose_news(_programme(), dt.date(2024, 3, 1))
    assert en_future.title == "DIR to welcome Moldovan delegation"
    assert "will be in Belgium from 22 to 26 April" in en_future.body
    assert "the talks will cover patrols" in en_future.body
    during = compose_news(_programme(), dt.date(2024, 4, 23)).body
    assert "is in Belgium from 22 to 26 April" in during
    assert "the talks covered patrols" in during  # the site visit was yesterday
    past = compose_news(_programme(), dt.date(2025, 1, 10)).body
    assert "was in Belgium from 22 to 26 April 2024" in past  # another year: the year is shown


def test_missing_data_leaves_no_empty_parts():
    programme = _programme(purpose=None, focus=None, host=None, visit_type=None,
                           delegation=DelegationView(country="MD"))
    draft = compose_news(dataclasses.replace(programme, days=()), AFTER)
    assert draft.title == "Delegation from Moldova on a visit to Belgium"
    assert draft.body == ("A delegation of six people from Moldova was in Belgium "
                          "from 22 to 26 April on a visit.\n")
    assert draft.captions == () and draft.todo == ()


def test_exports_carry_the_same_text_and_may_leave_the_captions_out(demo_programmes):
    draft = compose_news(demo_programmes["nl"], AFTER)
    markdown = export(draft, "md", "nl").decode()
    assert markdown == to_markdown(draft, "nl") and markdown.startswith(f"# {draft.title}\n\n")
    assert markdown.endswith("## Suggesties voor fotobijschriften\n\n"
                             "- De Oekraïense delegatie bij Politiezone Montgomery, 24 april\n"
                             "- De Oekraïense delegatie bij Politiezone Brussel Noord, 25 april\n")
    html = export(draft, "html", "nl").decode()
    assert html == to_html(draft, "nl") and "<blockquote>" in html and '<html lang="nl">' in html
    document = docx.Document(io.BytesIO(export(draft, "docx", "nl")))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Heading 1", draft.title)
    quotes = [text for style, text in paragraphs if style == "Quote"]
    assert len(quotes) == 2 and quotes[0].startswith("„Wijkwerking")
    assert ("Heading 2", "Suggesties voor fotobijschriften") in paragraphs
    assert any(style == "List Bullet" and "24 april" in text for style, text in paragraphs)
    assert any(text.startswith("Een delegatie van zes Oekraïense") for _, text in paragraphs)
    # The same text in all three: every sentence of the Markdown is in the HTML and the Word file.
    words = " ".join(text for _, text in paragraphs)
    for sentence in ("De ADVP (BeSafe) liet de gasten", "— Olivier Slosse, Korpschef"):
        assert sentence in markdown and sentence in html and sentence in words
    without = {fmt: export(draft, fmt, "nl", captions=False) for fmt in ("md", "html", "docx")}
    assert b"fotobijschriften" not in without["md"] and b"24 april" not in without["html"]
    plain = docx.Document(io.BytesIO(without["docx"]))
    assert not any("fotobijschriften" in p.text or "24 april" in p.text for p in plain.paragraphs)
    assert without["md"].decode() == markdown.split("\n\n## Suggesties")[0] + "\n"


def test_user_text_cannot_inject_markup():
    programme = _programme(purpose="<script>alert(1)</script> *learn*")
    draft = compose_news(programme, AFTER)
    html = to_html(draft, "en")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<em>" not in html
