"""The one message of a release to one person: greeting, changes or programme, links, contacts.

Written by the worker from the release's snapshot and what the outbox row keeps (the letter
and the changes), so that publishing only decides and stores, whatever the number of people.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime
from itertools import groupby
from typing import Any

from markupsafe import escape

from visitplanner.mail.messages import header_text, mailbox
from visitplanner.outputs.common import day_heading, field, label, long_date, time_span
from visitplanner.planning.releases import Change, Entry, in_lang


@dataclass(frozen=True)
class Letter:
    """Who a message goes to and what it carries besides the programme."""

    name: str
    email: str
    lang: str
    greeting: str
    page_url: str | None = None
    feed_url: str | None = None  # webcal://
    attached: bool = True


@dataclass(frozen=True)
class Envelope:
    """The release a message belongs to, and who it comes from."""

    visit_title: str
    number: int
    mode: str  # changes | full
    note: str | None
    sender_name: str | None
    sender_email: str
    reply_to: str | None
    now: dt.datetime
    domain: str


def contact_line(contact: Sequence[str | None]) -> str:
    """'Diane Reynders (Escort) · +32 2 000 00 00 · d.reynders@example.org'."""
    name, role, phone, email = contact
    named = f"{name} ({role})" if role else name
    return " · ".join(part for part in (named, phone, email) if part)


def _when(starts: str, ends: str, lang: str) -> str:
    start, end = dt.datetime.fromisoformat(starts), dt.datetime.fromisoformat(ends)
    return f"{day_heading(start.date(), lang)}, {time_span(start, end, lang)}"


def _nights(entry: Entry, lang: str) -> str:
    return (f"{long_date(dt.date.fromisoformat(entry['check_in']), lang)} → "
            f"{long_date(dt.date.fromisoformat(entry['check_out']), lang)}")


def programme_lines(entries: Sequence[Entry], lang: str) -> list[tuple[str, list[str]]]:
    """A whole programme by day: (day heading, item lines); a stay on its first night."""
    blocks = []
    for day, items in groupby(entries, key=lambda entry: entry["starts_at"][:10]):
        lines = []
        for entry in items:
            where = in_lang(entry["venue"], lang)
            if entry.get("kind") == "stay":
                lines.append(f"{in_lang(entry['title'], lang)} · {_nights(entry, lang)}")
                continue
            span = time_span(dt.datetime.fromisoformat(entry["starts_at"]),
                             dt.datetime.fromisoformat(entry["ends_at"]), lang)
            status = (f" ({label('status.' + entry['status'], lang)})"
                      if entry["status"] != "confirmed" else "")
            lines.append(f"{span}  {in_lang(entry['title'], lang)}"
                         f"{' · ' + where if where else ''}{status}")
        blocks.append((day_heading(dt.date.fromisoformat(day), lang), lines))
    return blocks


def change_lines(change: Change, lang: str) -> tuple[str, list[str]]:
    """'Changed: Title' and its details ('When: old → new'), or the item's time and place."""
    entry = change.entry
    head = f"{field('release.change.' + change.change, lang)} {change.title}"
    fields = change.fields
    if entry.get("kind") == "stay":
        if change.change != "changed" or "check_in" in fields or "check_out" in fields:
            return head, [_nights(entry, lang)]
        return head, []
    if change.change != "changed":
        when = _when(entry["starts_at"], entry["ends_at"], lang)
        place = in_lang(entry.get("venue"), lang)
        return head, [when, place] if place else [when]
    details = []
    if "title" in fields:
        details.append(f"{field('release.field.title', lang)} {fields['title'][0]} → "
                       f"{fields['title'][1]}")
    if "starts_at" in fields or "ends_at" in fields:
        old_start = str(fields.get("starts_at", (entry["starts_at"],))[0])
        old_end = str(fields.get("ends_at", (entry["ends_at"],))[0])
        details.append(f"{field('release.field.when', lang)} {_when(old_start, old_end, lang)} → "
                       f"{_when(entry['starts_at'], entry['ends_at'], lang)}")
    if "venue" in fields:
        old, new = (value or "–" for value in fields["venue"])
        details.append(f"{field('release.field.venue', lang)} {old} → {new}")
    if "status" in fields:
        old, new = (label(f"status.{value}", lang) for value in fields["status"])
        details.append(f"{field('release.field.status', lang)} {old} → {new}")
    return head, details


def bodies(envelope: Envelope, letter: Letter, blocks: list[tuple[str, list[str]]],
           contacts: Sequence[Sequence[str | None]]) -> tuple[str, str]:
    """The plain-text and the HTML body of the message."""
    lang = letter.lang
    intro = label(f"release.intro.{envelope.mode}", lang, visit=envelope.visit_title)
    text = [letter.greeting, "", intro, ""]
    html = [f"<p>{escape(letter.greeting)}</p>", f"<p>{escape(intro)}</p>"]
    if envelope.note:
        text += [field("release.note", lang), envelope.note, ""]
        html.append(f"<p><strong>{escape(field('release.note', lang))}</strong><br>"
                    f"{escape(envelope.note)}</p>")
    for head, lines in blocks:
        text += [head] + [f"  {line}" for line in lines] + [""]
        html.append(f"<h3>{escape(head)}</h3><ul>"
                    + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>")
    for key, url in (("release.page", letter.page_url), ("release.feed", letter.feed_url)):
        if url:
            text.append(f"{field(key, lang)} {url}")
            html.append(f'<p><a href="{escape(url)}">{escape(label(key, lang))}</a></p>')
    if letter.attached:
        text.append(label("release.attached", lang))
        html.append(f"<p>{escape(label('release.attached', lang))}</p>")
    if contacts:
        lines = [contact_line(contact) for contact in contacts]
        text += ["", "-- ", label("release.contacts", lang), *lines]
        html.append(f"<hr><p><strong>{escape(label('release.contacts', lang))}</strong><br>"
                    + "<br>".join(escape(line) for line in lines) + "</p>")
    page = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head>'
            f"<body>{''.join(html)}</body></html>")
    return "\n".join(text) + "\n", page


def subject(visit_title: str, number: int, mode: str, lang: str) -> str:
    """'Study visit: changes to your programme (release 2)'."""
    return header_text(label(f"release.subject.{mode}", lang, visit=visit_title, number=number))


def compose(envelope: Envelope, letter: Letter, blocks: list[tuple[str, list[str]]],
            contacts: Sequence[Sequence[str | None]], key: str) -> EmailMessage:
    """The multipart/alternative message (the worker adds the PDF); every part 7-bit clean."""
    message = EmailMessage()
    message["From"] = mailbox(envelope.sender_name, envelope.sender_email)
    message["To"] = mailbox(letter.name, letter.email)
    if envelope.reply_to:
        message["Reply-To"] = mailbox(None, envelope.reply_to)
    message["Subject"] = subject(envelope.visit_title, envelope.number, envelope.mode,
                                 letter.lang)
    message["Date"] = format_datetime(envelope.now)
    message["Message-ID"] = f"<{key}@{envelope.domain}>"
    message["Content-Language"] = letter.lang
    text, html = bodies(envelope, letter, blocks, contacts)
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    return message


def letter_from(data: Mapping[str, Any]) -> Letter:
    """The letter as the outbox row keeps it."""
    return Letter(**data)
