"""The one message of a release to one person: greeting, changes or programme, links, contacts."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime
from functools import lru_cache

from markupsafe import escape

from visitplanner.mail.messages import header_text, mailbox
from visitplanner.outputs.common import day_heading, field, label, time_span
from visitplanner.outputs.ics import address
from visitplanner.planning.programme import Programme, ProgrammeItem
from visitplanner.planning.releases import Change, in_lang


@dataclass(frozen=True)
class Contact:
    """Someone to call during the visit, as the signature lists them."""

    name: str
    role: str | None = None
    phone: str | None = None
    email: str | None = None

    def line(self) -> str:
        """'Diane Reynders (Escort) · +32 2 000 00 00 · d.reynders@example.org'."""
        name = f"{self.name} ({self.role})" if self.role else self.name
        return " · ".join(part for part in (name, self.phone, self.email) if part)


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


def _when(starts: str, ends: str, lang: str) -> str:
    start, end = dt.datetime.fromisoformat(starts), dt.datetime.fromisoformat(ends)
    return f"{day_heading(start.date(), lang)}, {time_span(start, end, lang)}"


@lru_cache(maxsize=4096)
def _item_line(item: ProgrammeItem, lang: str) -> str:
    where = f" · {address(item.venue, lang)}" if item.venue else ""
    status = f" ({label('status.' + item.status, lang)})" if item.status != "confirmed" else ""
    return f"{time_span(item.starts, item.ends, lang)}  {item.title}{where}{status}"


def programme_lines(programme: Programme) -> list[tuple[str, list[str]]]:
    """The whole programme by day: (day heading, item lines)."""
    lang = programme.lang
    return [(day_heading(day.date, lang), [_item_line(item, lang) for item in day.items])
            for day in programme.days]


def change_lines(change: Change, lang: str) -> tuple[str, list[str]]:
    """'Changed: Title' and its details ('When: old → new'), or the item's time and place."""
    entry = change.entry
    head = f"{field('release.change.' + change.change, lang)} {change.title}"
    if change.change != "changed":
        place = in_lang(entry.get("venue"), lang)
        when = _when(entry["starts_at"], entry["ends_at"], lang)
        return head, [when, place] if place else [when]
    fields = change.fields
    details = []
    if "title" in fields:
        details.append(f"{field('release.field.title', lang)} {fields['title'][0]} → "
                       f"{fields['title'][1]}")
    if "starts_at" in fields or "ends_at" in fields:
        old_start = fields.get("starts_at", (entry["starts_at"],))[0]
        old_end = fields.get("ends_at", (entry["ends_at"],))[0]
        details.append(f"{field('release.field.when', lang)} {_when(old_start, old_end, lang)} → "
                       f"{_when(entry['starts_at'], entry['ends_at'], lang)}")
    if "venue" in fields:
        old, new = (value or "–" for value in fields["venue"])
        details.append(f"{field('release.field.venue', lang)} {old} → {new}")
    if "status" in fields:
        old, new = (label(f"status.{value}", lang) for value in fields["status"])
        details.append(f"{field('release.field.status', lang)} {old} → {new}")
    return head, details


def bodies(envelope: Envelope, letter: Letter, programme: Programme, changes: list[Change],
           contacts: list[Contact]) -> tuple[str, str]:
    """The plain-text and the HTML body of the message."""
    lang = letter.lang
    intro = label(f"release.intro.{envelope.mode}", lang, visit=envelope.visit_title)
    text = [letter.greeting, "", intro, ""]
    html = [f"<p>{escape(letter.greeting)}</p>", f"<p>{escape(intro)}</p>"]
    if envelope.note:
        text += [field("release.note", lang), envelope.note, ""]
        html.append(f"<p><strong>{escape(field('release.note', lang))}</strong><br>"
                    f"{escape(envelope.note)}</p>")
    blocks = (programme_lines(programme) if envelope.mode == "full"
              else [change_lines(change, lang) for change in changes])
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
        text += ["", "-- ", label("release.contacts", lang)]
        text += [contact.line() for contact in contacts]
        html.append(f"<hr><p><strong>{escape(label('release.contacts', lang))}</strong><br>"
                    + "<br>".join(escape(contact.line()) for contact in contacts) + "</p>")
    page = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head>'
            f"<body>{''.join(html)}</body></html>")
    return "\n".join(text) + "\n", page


def subject(envelope: Envelope, lang: str) -> str:
    """'Study visit: changes to your programme (release 2)'."""
    return header_text(label(f"release.subject.{envelope.mode}", lang,
                             visit=envelope.visit_title, number=envelope.number))


def compose(envelope: Envelope, letter: Letter, programme: Programme, changes: list[Change],
            contacts: list[Contact], key: str) -> EmailMessage:
    """The multipart/alternative message (the worker adds the PDF); every part 7-bit clean."""
    message = EmailMessage()
    message["From"] = mailbox(envelope.sender_name, envelope.sender_email)
    message["To"] = mailbox(letter.name, letter.email)
    if envelope.reply_to:
        message["Reply-To"] = mailbox(None, envelope.reply_to)
    message["Subject"] = subject(envelope, letter.lang)
    message["Date"] = format_datetime(envelope.now)
    message["Message-ID"] = f"<{key}@{envelope.domain}>"
    message["Content-Language"] = letter.lang
    text, html = bodies(envelope, letter, programme, changes, contacts)
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    return message
