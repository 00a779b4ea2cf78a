"""Who gets a name badge and a table card, and what each one says."""
from __future__ import annotations

from dataclasses import dataclass

from visitplanner.planning.programme import Programme


@dataclass(frozen=True)
class BadgeHolder:
    """The four lines of a badge; `country` is an ISO code, named in the badge's language."""

    name: str
    function: str | None
    organisation: str | None
    country: str | None


def badge_holders(programme: Programme) -> tuple[BadgeHolder, ...]:
    """Every delegate, then every host-side key figure, in the programme's order."""
    delegates = [BadgeHolder(d.full_name, d.function, d.organisation, d.country)
                 for d in programme.delegates]
    hosts = [BadgeHolder(p.full_name, p.function, p.organisation.name if p.organisation else None,
                         (p.organisation.country if p.organisation else None)
                         or programme.visit.host_country)
             for p in programme.key_figures]
    return tuple(delegates + hosts)
