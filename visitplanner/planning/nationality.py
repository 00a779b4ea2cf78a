"""Nationality adjectives the app knows, so a delegation's adjective can follow from its country."""
from __future__ import annotations

# country: (Dutch, before a plural noun; French, masculine singular; English)
ADJECTIVES: dict[str, tuple[str, str, str]] = {
    "AL": ("Albanese", "albanais", "Albanian"), "AM": ("Armeense", "arménien", "Armenian"),
    "BA": ("Bosnische", "bosnien", "Bosnian"), "BE": ("Belgische", "belge", "Belgian"),
    "BG": ("Bulgaarse", "bulgare", "Bulgarian"), "BR": ("Braziliaanse", "brésilien", "Brazilian"),
    "CD": ("Congolese", "congolais", "Congolese"), "CN": ("Chinese", "chinois", "Chinese"),
    "CO": ("Colombiaanse", "colombien", "Colombian"), "DE": ("Duitse", "allemand", "German"),
    "ES": ("Spaanse", "espagnol", "Spanish"), "FR": ("Franse", "français", "French"),
    "GB": ("Britse", "britannique", "British"), "GE": ("Georgische", "géorgien", "Georgian"),
    "IT": ("Italiaanse", "italien", "Italian"), "JP": ("Japanse", "japonais", "Japanese"),
    "KE": ("Keniaanse", "kényan", "Kenyan"),
    "LU": ("Luxemburgse", "luxembourgeois", "Luxembourgish"),
    "MA": ("Marokkaanse", "marocain", "Moroccan"), "MD": ("Moldavische", "moldave", "Moldovan"),
    "ME": ("Montenegrijnse", "monténégrin", "Montenegrin"),
    "MK": ("Noord-Macedonische", "macédonien", "North Macedonian"),
    "MX": ("Mexicaanse", "mexicain", "Mexican"), "NL": ("Nederlandse", "néerlandais", "Dutch"),
    "PL": ("Poolse", "polonais", "Polish"), "PT": ("Portugese", "portugais", "Portuguese"),
    "RO": ("Roemeense", "roumain", "Romanian"), "RS": ("Servische", "serbe", "Serbian"),
    "RW": ("Rwandese", "rwandais", "Rwandan"), "SN": ("Senegalese", "sénégalais", "Senegalese"),
    "TN": ("Tunesische", "tunisien", "Tunisian"), "TR": ("Turkse", "turc", "Turkish"),
    "UA": ("Oekraïense", "ukrainien", "Ukrainian"), "US": ("Amerikaanse", "américain", "American"),
    "XK": ("Kosovaarse", "kosovar", "Kosovan"),
}
_POSITION = {"nl": 0, "fr": 1, "en": 2}


def adjective_for(country: str | None, lang: str) -> str | None:
    """The nationality adjective of a country in `lang`, when the app knows it."""
    forms = ADJECTIVES.get((country or "").upper())
    return forms[_POSITION[lang]] if forms and lang in _POSITION else None
