"""One invitation e-mail: text, HTML and the calendar part, in the delegate's language."""
from __future__ import annotations

from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from markupsafe import escape

from visitplanner.outputs.common import day_heading, label, time_span
from visitplanner.outputs.ics import CalendarOptions, Method, address, render_invitation
from visitplanner.planning.programme import DelegateView, Programme, ProgrammeItem

METHODS: dict[str, Method] = {"invite": "REQUEST", "update": "REQUEST", "cancel": "CANCEL"}


@dataclass(frozen=True)
class Invitation:
    """The decision to send one delegate one message about one item."""

    delegate_id: int
    item_id: int
    kind: str  # invite | update | cancel
    sequence: int

    @property
    def key(self) -> str:
        """The idempotency key: the same decision can be queued only once."""
        return f"invitation.{self.delegate_id}.{self.item_id}.{self.sequence}.{self.kind}"


def header_text(value: str) -> str:
    """Header text on one line: user text can never add a header (no CR or LF survives)."""
    return " ".join(value.split())


def mailbox(name: str | None, email: str) -> Address:
    """An address whose display name is header-safe; ValueError when the address is not one."""
    return Address(display_name=header_text(name or ""), addr_spec=email)


def _facts(programme: Programme, item: ProgrammeItem) -> list[tuple[str, str]]:
    lang = programme.lang
    when = (f"{day_heading(item.starts.date(), lang)}, {time_span(item.starts, item.ends, lang)}"
            f" ({programme.visit.timezone})")
    facts = [(label("mail.what", lang), item.title), (label("mail.when", lang), when)]
    if item.venue:
        facts.append((label("mail.where", lang), address(item.venue, lang)))
    return facts


def bodies(programme: Programme, item: ProgrammeItem, delegate: DelegateView, kind: str,
           page_url: str | None) -> tuple[str, str]:
    """The plain-text and HTML bodies: greeting, what changed, what, when, where and the link."""
    lang = programme.lang
    greeting = label("mail.greeting", lang, name=delegate.full_name)
    intro = label(f"mail.intro.{kind}", lang, visit=programme.visit.title)
    facts = _facts(programme, item)
    link = label("ics.personal_page", lang)
    text = [greeting, "", intro, ""] + [f"{name}: {value}" for name, value in facts]
    html = [f"<p>{escape(greeting)}</p>", f"<p>{escape(intro)}</p>", "<dl>"]
    html += [f"<dt>{escape(name)}</dt><dd>{escape(value)}</dd>" for name, value in facts]
    html.append("</dl>")
    if page_url:
        text += ["", f"{link}: {page_url}"]
        html.append(f'<p><a href="{escape(page_url)}">{escape(link)}</a></p>')
    page = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head>'
            f"<body>{''.join(html)}</body></html>")
    return "\n".join(text) + "\n", page


def shown_kind(item: ProgrammeItem, invitation: Invitation) -> str:
    """invite, update or cancel; "removed" for one taken off an item that goes on for others."""
    if invitation.kind == "cancel" and item.status != "cancelled":
        return "removed"
    return invitation.kind


def subject(programme: Programme, item: ProgrammeItem, invitation: Invitation) -> str:
    """'Uitnodiging: Welkom', on one line."""
    return header_text(label(f"mail.{shown_kind(item, invitation)}", programme.lang,
                             title=item.title))


def build_message(programme: Programme, item: ProgrammeItem, delegate: DelegateView,
                  invitation: Invitation, options: CalendarOptions,
                  sender_name: str | None) -> EmailMessage:
    """The multipart/alternative message; every part 7-bit clean so any server takes it."""
    method = METHODS[invitation.kind]
    kind = shown_kind(item, invitation)
    message = EmailMessage()
    message["From"] = mailbox(sender_name, options.organiser_email)
    message["To"] = mailbox(delegate.full_name, delegate.email or "")
    message["Subject"] = subject(programme, item, invitation)
    message["Date"] = format_datetime(options.now)
    message["Message-ID"] = f"<{invitation.key}@{options.uid_host}>"
    text, html = bodies(programme, item, delegate, kind, options.page_url)
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    calendar = render_invitation(programme, item, options, delegate, method, invitation.sequence)
    # Bytes, so the calendar keeps its CRLF line ends and 75-octet folding exactly.
    message.add_alternative(calendar, "text", "calendar", cte="base64",
                            params={"method": method, "charset": "UTF-8"})
    message["Content-Language"] = programme.lang
    return message
