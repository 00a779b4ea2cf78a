"""Who gets a name badge and a table card, and what each one says."""
from __future__ import annotations

from dataclasses import dataclass

from visitplanner.planning.programme import Programme
from visitplanner.planning.vocabulary import DELEGATE_ROLES


@dataclass(frozen=True)
class BadgeHolder:
    """The four lines of a badge; `country` is an ISO code, named in the badge's language."""

    name: str
    function: str | None
    organisation: str | None
    country: str | None


def badge_holders(programme: Programme) -> tuple[BadgeHolder, ...]:
    """Every delegate by role (head first), then every host-side key figure."""
    # A delegate without a country of their own comes from the delegation's country.
    home = programme.visit.delegation.country
    by_role = sorted(programme.delegates, key=lambda d: DELEGATE_ROLES.index(d.role))
    delegates = [BadgeHolder(d.full_name, d.function, d.organisation, d.country or home)
                 for d in by_role]
    hosts = [BadgeHolder(p.full_name, p.function, p.organisation.name if p.organisation else None,
                         (p.organisation.country if p.organisation else None)
                         or programme.visit.host_country)
             for p in programme.key_figures]
    return tuple(delegates + hosts)
