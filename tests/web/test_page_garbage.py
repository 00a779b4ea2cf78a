"""Pages made afresh leave no reference cycles: what they loaded and built is freed when the
request ends, not by a later pass of the garbage collector (a summit's programme is 6,000
objects). Jinja macros made in a page's own context would hold all of it in such a cycle."""
from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

import pytest

from visitplanner.core.calendars import delegate_links


def _cycles_left_by(get: Callable[[], Any]) -> tuple[str, list[str]]:
    """The page `get()` answers and the kinds of the app's and Jinja's objects (records, views,
    template contexts) that it left in reference cycles. (Werkzeug's test request keeps its
    own small cycle with its environ.)"""
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)  # what a pass finds goes to gc.garbage, to be looked at
    try:
        response = get()
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        del response
        gc.collect()
        left = sorted({type(found).__qualname__ for found in gc.garbage
                       if type(found).__module__.startswith(("visitplanner.", "jinja2."))})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    return page, left


@pytest.mark.parametrize("role", ["organiser", "viewer"])
def test_the_visit_page_made_afresh_leaves_no_cycles(client, logged_in, demo_visit,
                                                    empty_output_cache, role):
    url = f"/visits/{demo_visit.id}"
    logged_in(client, role)
    client.get(url)  # templates compiled, macros' modules made once per process
    empty_output_cache()
    page, left = _cycles_left_by(lambda: client.get(url))
    # The macros ran: audiences, times in the arrivals' zones, each row's links.
    assert "Arrivals and departures" in page and "Hotels" in page
    assert ("/edit" in page) == (role == "organiser")
    assert left == []


def test_the_personal_page_made_afresh_leaves_no_cycles(client, demo_visit, empty_output_cache):
    url = delegate_links(demo_visit.delegates[0])["personal_url"]
    client.get(url)
    empty_output_cache()
    page, left = _cycles_left_by(lambda: client.get(url))
    assert 'name="response" value="accepted"' in page  # the answer forms' macro ran
    assert left == []
