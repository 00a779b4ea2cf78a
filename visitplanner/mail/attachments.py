"""Attachments the worker renders when it sends: a recipient's personal programme PDF."""
from __future__ import annotations

import email
from email import policy
from email.message import EmailMessage
from typing import Any

from visitplanner.core.printouts import Printout, delegate_printout, make_pdf, person_printout


def personal_programme(delegate_id: int | None, person_id: int | None, visit_id: int,
                       lang: str) -> dict[str, Any]:
    """The attachment spec of a recipient's personal programme, stored with the message."""
    if delegate_id is not None:
        return {"pdf": "delegate", "id": delegate_id, "lang": lang}
    return {"pdf": "person", "visit_id": visit_id, "id": person_id, "lang": lang}


def _printout(spec: dict[str, Any]) -> Printout | None:
    if spec.get("pdf") == "delegate":
        return delegate_printout(spec["id"], spec["lang"])
    if spec.get("pdf") == "person":
        return person_printout(spec["visit_id"], spec["id"], spec["lang"])
    return None


def with_attachment(message: str, spec: dict[str, Any] | None) -> str:
    """The stored message with its attachment rendered and added (cached PDFs are reused)."""
    printout = _printout(spec) if spec else None
    if printout is None:  # nothing to attach, or its delegate was deleted meanwhile
        return message
    parsed = email.message_from_string(message, policy=policy.SMTP)
    assert isinstance(parsed, EmailMessage)
    pdf = make_pdf(printout)  # the worker renders; downloads then find it in the cache
    parsed.add_attachment(pdf, maintype="application", subtype="pdf", filename=printout.filename)
    return parsed.as_string()
