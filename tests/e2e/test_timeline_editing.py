"""End to end in Chromium: move items on the timeline by mouse and keyboard; a stale move."""
from __future__ import annotations

import datetime as dt

from browser_helpers import (  # noqa: F401
    browser,
    e2e_app,
    live_server,
    log_in,
    page,
    save_times,
    seed_visit,
    shot,
    stored_item,
)

DAY = dt.date(2031, 3, 4)


def _at(hour: int, minute: int = 0, days: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY + dt.timedelta(days=days), dt.time(hour, minute))


def _open_timeline(page, visit_id: int) -> None:
    page.set_viewport_size({"width": 1280, "height": 1400})  # the whole day without scrolling
    page.goto(f"/visits/{visit_id}/timeline?lang=en")
    page.locator("#calendar[data-ready=true]").wait_for()


def _drag(page, title: str, dx: float, dy: float, handle: str = "") -> None:
    """Press on the item (or its resize handle), move in small steps, release. The pointer
    starts in the middle of the item's first quarter hour (or on its resize handle)."""
    event = page.locator(".fc-event", has_text=title)
    target = event.locator(handle) if handle else event
    event.hover()
    box = target.bounding_box()
    middle_of_first_step = _hour_height(page) / 8
    x = box["x"] + box["width"] / 2
    y = box["y"] + (box["height"] / 2 if handle else middle_of_first_step)
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 8, y, steps=2)  # past the drag threshold, still in the same slot
    page.mouse.move(x + dx / 2, y + dy / 2, steps=8)
    page.mouse.move(x + dx, y + dy, steps=8)
    page.wait_for_timeout(150)  # the calendar follows the pointer once per frame
    page.mouse.move(x + dx, y + dy + 1)
    page.mouse.up()


def _hour_height(page) -> float:
    def top(time: str) -> float:
        return page.locator(f'.fc-timegrid-slot-lane[data-time="{time}"]').bounding_box()["y"]
    return (top("12:00:00") - top("09:00:00")) / 3


def _shown_times(page, title: str) -> tuple[str, str]:
    """The times the calendar shows on an item, '09:30', '10:30'."""
    text = page.locator(".fc-event", has_text=title).locator(".fc-event-time").inner_text()
    starts, ends = (part.strip() for part in text.split("-"))
    return starts, ends


def test_drag_saves_the_item_and_shows_the_new_conflict(page, e2e_app):
    visit_id, (talk, lunch) = seed_visit(e2e_app, "Drag visit", DAY, [
        ("Talk at the court", _at(9), _at(10)), ("Lunch with the mayor", _at(12), _at(13))])
    log_in(page, "organiser")
    _open_timeline(page, visit_id)
    assert "(0)" in page.locator("#timeline-conflicts h2").inner_text()
    _drag(page, "Lunch with the mayor", 0, -2.5 * _hour_height(page))
    page.get_by_role("status").filter(has_text="Saved: Lunch with the mayor").wait_for()
    starts, ends, version = stored_item(e2e_app, lunch)
    assert _at(9) < starts < _at(10) and ends - starts == dt.timedelta(hours=1)  # overlaps
    assert _shown_times(page, "Lunch with the mayor") == (f"{starts:%H:%M}", f"{ends:%H:%M}")
    assert version == 2
    conflicts = page.locator("#timeline-conflicts")
    assert "Double booking" in conflicts.inner_text() and "(1)" in conflicts.inner_text()
    assert page.locator(".fc-event.conflicting").count() == 2
    shot(page, "timeline-dragged")

    _drag(page, "Talk at the court", 0, _hour_height(page), ".fc-event-resizer-end")
    page.get_by_role("status").filter(has_text="Saved: Talk at the court, 09:00–").wait_for()
    talk_starts, talk_ends, _ = stored_item(e2e_app, talk)
    assert talk_starts == _at(9) and talk_ends > _at(10, 30)  # resized: only the end moved
    assert _shown_times(page, "Talk at the court")[1] == f"{talk_ends:%H:%M}"

    day_width = page.locator(".fc-timegrid-col").nth(1).bounding_box()["width"]
    _drag(page, "Lunch with the mayor", day_width, 0)
    page.get_by_role("status").filter(has_text="Saved: Lunch with the mayor").wait_for()
    assert stored_item(e2e_app, lunch)[0] == starts + dt.timedelta(days=1)
    assert "(0)" in page.locator("#timeline-conflicts h2").inner_text()


def test_stale_drag_is_refused_and_shows_the_colleagues_change(page, e2e_app):
    visit_id, (item,) = seed_visit(e2e_app, "Stale visit", DAY, [
        ("Visit of the port", _at(14), _at(15))])
    log_in(page, "organiser")
    _open_timeline(page, visit_id)
    save_times(e2e_app, item, _at(16), _at(17))  # a colleague saves meanwhile
    _drag(page, "Visit of the port", 0, -_hour_height(page))
    alert = page.get_by_role("status").filter(has_text="Someone else changed Visit of the port")
    alert.wait_for()
    assert "16:00–17:00" in alert.inner_text() and "not saved" in alert.inner_text()
    assert stored_item(e2e_app, item)[:2] == (_at(16), _at(17))
    assert "16:00" in page.locator(".fc-event", has_text="Visit of the port").inner_text()
    shot(page, "timeline-stale")


def test_keyboard_moves_and_resizes_an_item(page, e2e_app):
    visit_id, (item,) = seed_visit(e2e_app, "Keyboard visit", DAY, [
        ("Press briefing", _at(11), _at(12))])
    log_in(page, "organiser")
    _open_timeline(page, visit_id)
    page.locator(".fc-event", has_text="Press briefing").focus()
    page.keyboard.press("ArrowDown")
    page.get_by_role("status").filter(has_text="Saved: Press briefing, 11:15–12:15").wait_for()
    page.keyboard.press("Shift+ArrowDown")
    page.get_by_role("status").filter(has_text="Saved: Press briefing, 11:15–12:30").wait_for()
    assert stored_item(e2e_app, item)[:2] == (_at(11, 15), _at(12, 30))


def test_timeline_without_javascript_keeps_links_to_the_forms(browser, live_server, e2e_app):
    visit_id, (item,) = seed_visit(e2e_app, "No-script visit", DAY, [
        ("Night train", _at(22), _at(7, days=1))])
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    tab = context.new_page()
    try:
        log_in(tab, "organiser")
        tab.goto(f"/visits/{visit_id}/timeline?lang=en")
        block = tab.locator("#timeline-static a.block", has_text="Night train")
        assert "22:00–07:00 +1" in block.inner_text()
        assert block.get_attribute("href") == f"/items/{item}/edit"
        assert tab.locator("#calendar").is_hidden()
    finally:
        context.close()
