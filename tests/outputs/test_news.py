"""The news draft: every fact of the reference article that the demo data holds, in three languages."""
import dataclasses
import datetime as dt
import io
import re
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


def test_dutch_draft_states_the_reference_facts(demo_programmes):
    draft = compose_news(demo_programmes["nl"], AFTER)
    text = draft.body
    assert "Oekraïense delegatie" in draft.title and "ADVP (BeSafe)" in draft.title
    assert "PZ Montgomery en PZ Brussel Noord" in draft.title
    for fact in [
        "delegatie van zes Oekraïense openbare aanklagers", "van 22 tot 26 april", "in België",
        "werkbezoek", "meer inzicht krijgen in het Belgische veiligheidslandschap",
        "de Kadernota Integrale Veiligheid (KIV) en de rol van openbare aanklagers",
        "strategische veiligheids- en preventieplannen", "bestuurlijke handhaving",
        "European Network on Administrative Approach (ENAA)", "(EUCPN)",
        "Willy Bruggeman (Voorzitter Federale Politieraad)",
        "korpschef Michaël Jonniaux (PZ Montgomery)", "korpschef Olivier Slosse (PZ Brussel Noord)",
        "Bij Politiezone Montgomery", "wijkwerking", "seksueel en intrafamiliaal geweld",
        "Prevention Truck", "Bij Politiezone Brussel Noord", "straatintimidatie",
        "seksuele agressie op straat", "mensenhandel en prostitutie",
        "Mevrouw Diane Reynders, Belgisch openbaar aanklager op missie voor de Europese Commissie",
        "— Michaël Jonniaux, Korpschef, Politiezone Montgomery",
        "— Olivier Slosse, Korpschef, Politiezone Brussel Noord",
        "> „Slachtoffers moeten de weg naar de politie makkelijk vinden.",
        "## Suggesties voor fotobijschriften", "bezoek aan Politiezone Montgomery, 24 april",
    ]:
        assert fact in text, fact
    assert "was van 22 tot 26 april" in text and "begeleidde" in text  # after the visit: past
    assert "None" not in text and "Svitlana" not in text and "Олена" not in text
    # Each site visit's quote follows its own paragraph.
    assert text.index("Bij Politiezone Montgomery") < text.index("— Michaël Jonniaux") \
        < text.index("Bij Politiezone Brussel Noord") < text.index("— Olivier Slosse")


DUTCH = ["wijkwerking", "Korpschef", "Voorzitter", "Politiezone", "ADVP", "Oekraïne",
         "Belgisch", "straatintimidatie", "à traduire", "to be translated"]


def test_french_and_english_drafts(demo_programmes):
    fr = compose_news(demo_programmes["fr"], AFTER)
    assert fr.title == ("Délégation ukrainienne accueillie par la DGSP (BeSafe), "
                        "la ZP Montgomery et la ZP Bruxelles Nord")
    for fact in ["Une délégation de six procureurs ukrainiens a séjourné en Belgique",
                 "du 22 au 26 avril", "une visite d'étude", "mieux comprendre",
                 "Les exposés de la DGSP (BeSafe) ont porté notamment sur la Note-cadre de "
                 "Sécurité intégrale (NCSI), les plans stratégiques",
                 "Willy Bruggeman (président du Conseil fédéral de police)",
                 "le chef de corps Michaël Jonniaux (ZP Montgomery)",
                 "visites de terrain à la Zone de police Montgomery et à la Zone de police "
                 "Bruxelles Nord", "À la Zone de police Montgomery, les échanges ont porté sur "
                 "le travail de quartier", "la traite des êtres humains et la prostitution",
                 "Mme Diane Reynders, procureure belge en mission pour la Commission européenne",
                 "«\u00a0Les victimes doivent",
                 "— Olivier Slosse, chef de corps, Zone de police"]:
        assert fact in fr.body, fact
    assert "Slachtoffers moeten" not in fr.body  # the French quote replaces the Dutch one
    en = compose_news(demo_programmes["en"], AFTER)
    assert en.title == ("Ukrainian delegation visits DGSP (BeSafe), PZ Montgomery and "
                        "PZ Brussels North")
    for fact in ["A delegation of six Ukrainian prosecutors was in Belgium from 22 to 26 April",
                 "on a study visit", "aimed to gain a better understanding",
                 "Presentations by the DGSP (BeSafe) covered topics including the Framework Note",
                 "Willy Bruggeman (Chair of the Federal Police Council)",
                 "visits to the Montgomery Police Zone and the Brussels North Police Zone",
                 "At the Montgomery Police Zone, the delegation learned about community policing",
                 "Chief of Police Olivier Slosse (PZ Brussels North)",
                 "Ms Diane Reynders, Belgian public prosecutor on a European Commission mission",
                 "“Victims must find", "visit to the Montgomery police zone, 24 April"]:
        assert fact in en.body, fact
    for draft in (fr, en):
        for word in DUTCH:
            assert word not in draft.title + draft.body, word


def test_untranslated_topics_are_flagged_and_honorifics_fall_back(demo_visit):
    visit = load_visit(demo_visit.id)
    for item in visit.items:  # keep the translated titles, drop the translated topics
        item.translations = {lang: {k: v for k, v in text.items() if k != "topics"}
                             for lang, text in item.translations.items()}
    for person in visit.key_figures:
        person.translations = {}
    fr = compose_news(build_programme(visit, "fr"), AFTER).body
    assert "notamment sur [nl: Kadernota Integrale Veiligheid (KIV)], [nl: strategische" in fr
    assert "les échanges ont porté sur [nl: wijkwerking]" in fr and "thèmes" not in fr
    assert "le chef de corps Michaël Jonniaux" in fr  # the honorific table's French
    en = compose_news(build_programme(visit, "en"), AFTER).body
    assert "topics including [nl: Kadernota Integrale Veiligheid (KIV)]" in en
    assert "learned about [nl: straatintimidatie], [nl: seksuele agressie op straat]" in en
    assert "Chief of Police Olivier Slosse" in en
    db.session.rollback()


# Dutch words of the demo's texts, names and functions that a French or English draft may only
# show inside a '[nl: ...]' flag.
DUTCH_TEXT = ["werkbezoek", "inzicht", "veiligheidslandschap", "aanklager", "Kadernota",
              "handhaving", "wijkwerking", "slachtofferzorg", "straatintimidatie", "mensenhandel",
              "Bezoek aan", "Oekraïense", "Politiezone", "Brussel", "Korpschef", "Voorzitter",
              "ADVP", "meester", "Justitie"]
FLAG = re.compile(r"\[nl: [^\]]*\]")


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


def test_untranslated_visit_flags_every_dutch_text(demo_visit):
    visit = load_visit(demo_visit.id)
    _drop_translations(visit)
    escort = next(d for d in visit.delegates if d.role == "escort")
    escort.honorific, escort.organisation = "meester", "FOD Justitie"  # unknown to the app
    fr = compose_news(build_programme(visit, "fr"), AFTER)
    en = compose_news(build_programme(visit, "en"), AFTER)
    assert fr.title.endswith("accueillie par [nl: ADVP (BeSafe)], [nl: PZ Montgomery] et "
                             "[nl: PZ Brussel Noord]")
    assert en.title.endswith("visits [nl: ADVP (BeSafe)], [nl: PZ Montgomery] and "
                             "[nl: PZ Brussel Noord]")
    for fact in ["Les exposés de [nl: ADVP (BeSafe)] ont porté",
                 "Willy Bruggeman ([nl: Voorzitter Federale Politieraad])",
                 "le chef de corps Michaël Jonniaux ([nl: PZ Montgomery])",  # the table's honorific
                 "visites de terrain à [nl: Politiezone Montgomery] et à [nl: Politiezone "
                 "Brussel Noord]", "— Olivier Slosse, [nl: Korpschef], [nl: Politiezone Brussel "
                 "Noord]", "[nl: meester] Diane Reynders, [nl: Belgisch openbaar aanklager op "
                 "missie voor de Europese Commissie in Oekraïne], [nl: FOD Justitie], a accompagné",
                 "Délégation ukrainienne accueillie", "Une délégation de six personnes "
                 "([nl: openbare aanklagers]) a séjourné", "pour une visite [nl: werkbezoek].",
                 "La délégation souhaitait [nl: meer inzicht krijgen in het Belgische "
                 "veiligheidslandschap].", "L'accent a été mis sur [nl: de Kadernota",
                 "notamment sur [nl: Kadernota Integrale Veiligheid (KIV)]",
                 "les échanges ont porté sur [nl: wijkwerking]",
                 "- La délégation ukrainienne – [nl: Bezoek aan Politiezone Montgomery], 24 avril"]:
        assert fact in fr.body or fact in fr.title, fact
    for fact in ["Ukrainian delegation visits", "A delegation of six people ([nl: openbare "
                 "aanklagers]) was in Belgium", "on a visit [nl: werkbezoek].",
                 "The delegation aimed to [nl: meer inzicht krijgen",
                 "learned about [nl: wijkwerking]", "At [nl: Politiezone Montgomery], the",
                 "Chief of Police Michaël Jonniaux ([nl: PZ Montgomery])",
                 "— Michaël Jonniaux, [nl: Korpschef], [nl: Politiezone Montgomery]",
                 "[nl: meester] Diane Reynders, [nl: Belgisch openbaar aanklager",
                 "- The Ukrainian delegation – [nl: Bezoek aan Politiezone Montgomery], 24 April"]:
        assert fact in en.body or fact in en.title, fact
    for draft in (fr, en):
        unflagged = FLAG.sub("", draft.title + draft.body)
        for word in DUTCH_TEXT:
            assert word not in unflagged, word
    db.session.rollback()


def test_translated_demo_has_no_flags(demo_programmes):
    for lang, programme in demo_programmes.items():
        draft = compose_news(programme, AFTER)
        assert "[nl:" not in draft.title + draft.body, lang


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


def test_one_delegate_is_singular():
    draft = compose_news(_programme(delegates=1), AFTER)
    assert draft.title.startswith("Moldovan judge visits DIR")
    assert "A Moldovan judge was in Belgium" in draft.body
    assert "At the Police Zone North, the judge learned about patrols." in draft.body
    nl = compose_news(_programme(lang="nl", delegates=1, visit_type="werkbezoek",
                                 delegation=DelegationView(adjective="Moldavische",
                                                           description="rechters")), AFTER)
    assert "Een Moldavische rechter was" in nl.body


def test_twenty_one_delegates_in_digits():
    assert "A delegation of 21 Moldovan judges" in compose_news(_programme(delegates=21), AFTER).body
    assert "A delegation of twenty Moldovan judges" in \
        compose_news(_programme(delegates=20), AFTER).body


def test_a_visit_across_two_months():
    programme = _programme(lang="fr", start=dt.date(2024, 4, 30), end=dt.date(2024, 5, 2),
                           visit_type="visite d'étude",
                           delegation=DelegationView(adjective="moldave", description="juges"))
    body = compose_news(programme, dt.date(2024, 5, 3)).body
    assert "six juges moldaves a séjourné en Belgique du 30 avril au 2 mai pour une visite" in body


def test_future_visit_announces_and_past_visit_reports():
    future = compose_news(_programme(lang="nl", visit_type="werkbezoek"), dt.date(2024, 3, 1))
    assert future.title.startswith("Moldovan delegatie binnenkort te gast")
    assert "komt van 22 tot 26 april naar België" in future.body
    assert "krijgt de delegatie uitleg over patrols" in future.body
    en_future = compose_news(_programme(), dt.date(2024, 3, 1))
    assert en_future.title.startswith("Moldovan delegation to visit")
    assert "will be in Belgium from 22 to 26 April" in en_future.body
    during = compose_news(_programme(), dt.date(2024, 4, 23)).body
    assert "is in Belgium from 22 to 26 April" in during
    past = compose_news(_programme(), dt.date(2025, 1, 10)).body
    assert "was in Belgium from 22 to 26 April 2024" in past  # another year: the year is shown


def test_missing_data_leaves_no_empty_parts():
    programme = _programme(purpose=None, focus=None, host=None, visit_type=None,
                           delegation=DelegationView(country="MD"))
    draft = compose_news(dataclasses.replace(programme, days=()), AFTER)
    assert draft.title == "Delegation from Moldova on a visit to Belgium"
    assert draft.body == ("A delegation of six people from Moldova was in Belgium "
                          "from 22 to 26 April on a visit.\n")


def test_exports_carry_the_same_text(demo_programmes):
    draft = compose_news(demo_programmes["nl"], AFTER)
    markdown = export(draft, "md", "nl").decode()
    assert markdown == to_markdown(draft) and markdown.startswith(f"# {draft.title}\n\n")
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


def test_user_text_cannot_inject_markup():
    programme = _programme(purpose="<script>alert(1)</script> *learn*")
    draft = compose_news(programme, AFTER)
    html = to_html(draft, "en")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<em>" not in html
