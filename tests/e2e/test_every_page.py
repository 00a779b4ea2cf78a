"""Every page in Chromium: no horizontal overflow on a 375 px phone, and axe-core finds no
serious or critical accessibility violation."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

AXE = Path(__file__).parent / "vendor" / "axe-core-4.11.0" / "axe.min.js"
DAY = dt.date(2031, 9, 15)


def _seed(app, seed_visit) -> dict[str, str]:
    """A visit with items, a delegate and directory entries; the URLs of every page."""
    from visitplanner.core.calendars import delegate_links
    from visitplanner.extensions import db
    from visitplanner.models import Delegate, Organisation, Person, Venue, Visit

    visit_id, (item_id, _) = seed_visit(app, "Every page visit", DAY, [
        ("Meeting with the prosecutor general of the Court of Appeal",
         dt.datetime(2031, 9, 15, 9), dt.datetime(2031, 9, 15, 11)),
        ("Dinner", dt.datetime(2031, 9, 15, 20), dt.datetime(2031, 9, 16, 0, 30))])
    with app.app_context():
        org = Organisation(name="Parquet général de Bruxelles", kind="court")
        db.session.add_all([org, Person(full_name="Johan Delmulle", organisation=org),
                            Venue(name="Palais de justice", organisation=org)])
        delegate = Delegate(visit_id=visit_id, full_name="Ion Popescu",
                            email="ion@example.md", role="head", language="en")
        db.session.add(delegate)
        db.session.commit()
        with app.test_request_context():
            personal = delegate_links(delegate)["personal_url"].removeprefix("http://127.0.0.1")
        ids = {"org": org.id, "delegate": delegate.id}
        db.session.get(Visit, visit_id).host_organisation_id = org.id
        db.session.commit()
        db.session.remove()
    v = f"/visits/{visit_id}"
    return {
        "visits": "/", "visit": v, "timeline": f"{v}/timeline", "delegates": f"{v}/delegates",
        "new-delegate": f"{v}/delegates/new", "edit-delegate": f"/delegates/{ids['delegate']}/edit",
        "import": f"{v}/delegates/import", "new-item": f"{v}/items/new",
        "edit-item": f"/items/{item_id}/edit", "delete-item": f"/items/{item_id}/delete",
        "new-visit": "/visits/new", "edit-visit": f"{v}/edit", "copy-visit": f"{v}/copy",
        "organisations": "/organisations", "people": "/people", "venues": "/venues",
        "new-organisation": "/organisations/new", "edit-organisation":
        f"/organisations/{ids['org']}/edit", "new-person": "/people/new",
        "new-venue": "/venues/new", "users": "/users", "new-user": "/users/new",
        "news": f"{v}/news", "outbox": f"{v}/outbox", "personal": personal,
        "translations": f"{v}/translations", "item-delegates": f"{v}/delegates?item={item_id}",
    }


@pytest.fixture(scope="module")
def pages(e2e_app, seed_visit) -> dict[str, str]:
    return _seed(e2e_app, seed_visit)


def _serious(tab) -> list[str]:
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] for node in v["nodes"][:3])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_fits_a_phone_and_passes_axe(browser, live_server, pages, lang, log_in, shot):
    context = browser.new_context(base_url=live_server, viewport={"width": 375, "height": 800},
                                  bypass_csp=True)  # axe is injected as a script of the test
    context.set_default_timeout(15_000)
    tab = context.new_page()
    problems: list[str] = []
    try:
        log_in(tab, "admin")
        for name, url in pages.items():
            tab.goto(f"{url}{'&' if '?' in url else '?'}lang={lang}")
            tab.wait_for_load_state("load")
            if name == "timeline":
                tab.locator("#calendar[data-ready=true]").wait_for()
                if not tab.locator(".fc-event").first.is_visible():
                    problems.append("timeline: the calendar shows no item")
            width = tab.evaluate("document.documentElement.scrollWidth")
            if width > 375:
                problems.append(f"{name}: {width} px wide at 375 px")
            problems.extend(f"{name}: {v}" for v in _serious(tab))
            if lang == "en" and name in ("visit", "timeline", "new-item", "visits"):
                shot(tab, f"phone-{name}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
