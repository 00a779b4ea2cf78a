"""The demo: an example visit built from the facts of a real study visit, and a demo login."""
from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from visitplanner.core.accounts import create_user, find_user
from visitplanner.core.logos import set_logo
from visitplanner.extensions import db
from visitplanner.models import (
    Contact,
    Delegate,
    Item,
    ItemSpeaker,
    Journey,
    KeyFigure,
    Organisation,
    Person,
    Quote,
    Stay,
    Venue,
    Visit,
    VisitPartner,
)

DEMO_EMAIL = "organiser@example.org"
DEMO_PASSWORD = "demo"  # demo only: the README says to change or delete this user
DATA_FILE = Path(__file__).with_name("ukraine-2024.json")


def _rows(model: type[Any], specs: dict[str, dict[str, Any]],
          **links: dict[str, Any]) -> dict[str, Any]:
    """Create one row per spec; fields named in `links` are keys into earlier rows."""
    rows = {}
    for key, spec in specs.items():
        spec = dict(spec)
        for field, targets in links.items():
            if field in spec:
                spec[field] = targets[spec[field]]
        rows[key] = model(**spec)
    db.session.add_all(rows.values())
    return rows


def _items(visit: Visit, specs: list[dict[str, Any]], venues: dict[str, Venue],
           orgs: dict[str, Organisation], people: dict[str, Person],
           delegates: dict[str, Delegate]) -> list[Item]:
    items = []
    for spec in specs:
        chosen = spec.get("delegate_ids")
        items.append(Item(
            visit=visit, title=spec["title"], kind=spec["kind"],
            starts_at=dt.datetime.fromisoformat(spec["starts_at"]),
            ends_at=dt.datetime.fromisoformat(spec["ends_at"]),
            venue=venues.get(spec.get("venue", "")),
            host_organisation=orgs.get(spec.get("host", "")),
            topics=spec.get("topics", []), description=spec.get("description"),
            translations=spec.get("translations", {}), whole_delegation=chosen is None,
            chosen_delegates=[delegates[key] for key in chosen or []],
            speaker_links=[ItemSpeaker(person=people[key], position=n)
                           for n, key in enumerate(spec.get("speakers", []))],
            meeting_point=spec.get("meeting_point"), meeting_at=_time(spec.get("meeting_at")),
            dress_code=spec.get("dress_code"), transport=spec.get("transport"),
            interpreting=spec.get("interpreting"),
        ))
    return items


def demo_logo() -> bytes:
    """A plain logo for the demo host, drawn here so that no image file ships with the code."""
    image = Image.new("RGB", (480, 160), "white")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((8, 8, 152, 152), radius=28, fill="#1f5fa8")
    draw.polygon([(80, 34), (128, 58), (118, 112), (80, 132), (42, 112), (32, 58)], fill="white")
    draw.polygon([(80, 52), (110, 68), (104, 104), (80, 116), (56, 104), (50, 68)],
                 fill="#1f5fa8")
    for row, width in ((44, 290), (78, 230), (112, 260)):
        draw.rounded_rectangle((176, row, 176 + width, row + 18), radius=9, fill="#5b6475")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _time(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def _audience(spec: dict[str, Any], delegates: dict[str, Delegate]) -> dict[str, Any]:
    """The spec without its `delegates` keys, plus the audience they name."""
    spec = dict(spec)
    chosen = spec.pop("delegates", None)
    return {**spec, "whole_delegation": chosen is None,
            "chosen_delegates": [delegates[key] for key in chosen or []]}


def _practical(visit: Visit, data: dict[str, Any], venues: dict[str, Venue],
               delegates: dict[str, Delegate]) -> None:
    """The demo's arrivals and departures, hotel stays and contacts on duty."""
    for spec in data["journeys"]:
        journey = _audience(spec, delegates)
        journey["departs_at"] = _time(journey["departs_at"])
        journey["arrives_at"] = _time(journey["arrives_at"])
        visit.journeys.append(Journey(**journey))
    for spec in data["stays"]:
        stay = _audience(spec, delegates)
        stay["venue"] = venues[stay["venue"]]
        stay["check_in"] = dt.date.fromisoformat(stay["check_in"])
        stay["check_out"] = dt.date.fromisoformat(stay["check_out"])
        visit.stays.append(Stay(**stay))
    visit.contacts = [Contact(**spec, position=n) for n, spec in enumerate(data["contacts"])]


def load_demo() -> Visit:
    """Store the demo visit (and the demo login when missing); return the visit."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    orgs = _rows(Organisation, data["organisations"])
    people = _rows(Person, data["people"], organisation=orgs)
    venues = _rows(Venue, data["venues"], organisation=orgs)
    spec = dict(data["visit"])
    host, partners, key_figures = spec.pop("host"), spec.pop("partners"), spec.pop("key_figures")
    spec["start_date"] = dt.date.fromisoformat(spec["start_date"])
    spec["end_date"] = dt.date.fromisoformat(spec["end_date"])
    set_logo(orgs[host], demo_logo())
    visit = Visit(**spec, host_organisation=orgs[host],
                  partner_links=[VisitPartner(organisation=orgs[k], position=n)
                                 for n, k in enumerate(partners)],
                  key_figure_links=[KeyFigure(person=people[k], position=n)
                                    for n, k in enumerate(key_figures)])
    delegates = _rows(Delegate, data["delegates"])
    visit.delegates = list(delegates.values())
    visit.items = _items(visit, data["items"], venues, orgs, people, delegates)
    _practical(visit, data, venues, delegates)
    visit.quotes = [Quote(person=people[q["person"]], text=q["text"], language=q["language"])
                    for q in data["quotes"]]
    db.session.add(visit)
    db.session.commit()
    if find_user(DEMO_EMAIL) is None:
        create_user(DEMO_EMAIL, "organiser", DEMO_PASSWORD, "Demo organiser")
    return visit
