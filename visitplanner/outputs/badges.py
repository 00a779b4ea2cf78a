"""Who gets a name badge and a table card, and what each one says."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import translitua

from visitplanner.outputs.print_rules import delegate_function, names_organisation
from visitplanner.planning.programme import PersonView, Programme
from visitplanner.planning.vocabulary import DELEGATE_ROLES

# The official Latin transliteration of Cyrillic names by the holder's country; Ukraine's
# national standard (KMU 2010) for every other Cyrillic name too.
TRANSLITERATIONS = {"RU": translitua.RussianInternationalPassport1997,
                    "BY": translitua.RussianInternationalPassport1997}


@dataclass(frozen=True)
class BadgeHolder:
    """The lines of a badge; `role` is a label key, `country` an ISO code, named when printed."""

    name: str
    latin_name: str | None
    role: str
    function: str | None
    organisation: str | None
    country: str | None


def is_latin(name: str) -> bool:
    """Whether every letter of `name` is a Latin one (with or without accents)."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha())


def latin_form(name: str, recorded: str | None, country: str | None) -> str | None:
    """The name in Latin letters beside a name in another script: as recorded, or transliterated.

    None when the name is Latin already, or in a script without a transliteration here.
    """
    if is_latin(name):
        return None
    if recorded:
        return recorded
    if any("CYRILLIC" in unicodedata.name(ch, "") for ch in name):
        table = TRANSLITERATIONS.get(country or "", translitua.UkrainianKMU)
        return translitua.translit(name, table)
    return None


def _host_badge(person: PersonView, role: str, host_country: str) -> BadgeHolder:
    org = person.organisation
    country = (org.country if org else None) or host_country
    return BadgeHolder(person.full_name, latin_form(person.full_name, person.latin_name, country),
                       role, person.function,
                       org.name if org and not names_organisation(person.function, org) else None,
                       country)


def badge_holders(programme: Programme) -> tuple[BadgeHolder, ...]:
    """Every delegate by role (head first), then every host-side speaker and key figure."""
    # A delegate without a country of their own comes from the delegation's country.
    home = programme.visit.delegation.country
    by_role = sorted(programme.delegates, key=lambda d: DELEGATE_ROLES.index(d.role))
    delegates = [BadgeHolder(d.full_name, latin_form(d.full_name, d.latin_name, d.country or home),
                             "pdf.delegation" if d.role == "member" else f"role.{d.role}",
                             delegate_function(d), d.organisation, d.country or home)
                 for d in by_role]
    speaker_ids = {person.id for person in programme.speakers}
    hosts: dict[int, BadgeHolder] = {}
    for person in (*programme.key_figures, *programme.speakers):
        role = "pdf.speaker" if person.id in speaker_ids else "pdf.host"
        hosts.setdefault(person.id, _host_badge(person, role, programme.visit.host_country))
    return tuple(delegates + list(hosts.values()))
