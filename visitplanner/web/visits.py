"""Browser pages about visits."""
from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue
from flask_login import login_required

from visitplanner.queries import list_visits_with_hosts


@login_required
def list_visits() -> ResponseReturnValue:
    """The home page: every visit, upcoming first."""
    return render_template("web/visits.html", visits=list_visits_with_hosts())
