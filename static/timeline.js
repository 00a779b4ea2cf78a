/* Timeline editing: FullCalendar's timeGrid over the server-rendered timeline.
   Drag or resize an item (or use the arrow keys on a focused item) and the move is saved
   through /items/<id>/move with the item's version; a stale or refused move is undone and
   explained, and the conflicts list is redrawn from the server's answer. Without JavaScript
   the static timeline below stays, with a link to each item's form. */
(function () {
  "use strict";
  var box = document.getElementById("calendar");
  if (!box || !window.FullCalendar) { return; }
  var data = box.dataset;
  var editable = data.editable === "true";
  var state = JSON.parse(data.state);
  var statusLine = document.getElementById("timeline-status");
  var focusAfterRender = null;
  var STEP = 15 * 60 * 1000;
  var DAY = 24 * 60 * 60 * 1000;

  function wallTime(date) {  // the calendar runs in UTC, so UTC fields are the wall clock
    return date.toISOString().slice(0, 16);
  }

  function say(text, bad) {
    statusLine.textContent = text;
    statusLine.classList.toggle("bad", Boolean(bad));
  }

  function showConflicts(conflicts) {
    var section = document.getElementById("timeline-conflicts");
    var list = section.querySelector("ul");
    list.replaceChildren();
    conflicts.forEach(function (conflict) {
      var li = document.createElement("li");
      var kind = document.createElement("strong");
      kind.textContent = conflict.kind + ":";
      li.append(kind, " " + conflict.message);
      list.append(li);
    });
    section.querySelector(".count").textContent = String(conflicts.length);
    section.querySelector("p.none").hidden = conflicts.length > 0;
    section.classList.toggle("has-conflicts", conflicts.length > 0);
    section.classList.toggle("no-conflicts", conflicts.length === 0);
  }

  function apply(answer) {  // the server's events replace ours: versions, flags, times
    calendar.batchRendering(function () {
      calendar.removeAllEvents();
      calendar.addEventSource(answer.events);
    });
    showConflicts(answer.conflicts);
  }

  function save(event, undo) {
    say(data.saving);
    var url = data.moveUrl.replace("/0/", "/" + event.id + "/");
    focusAfterRender = event.id;
    fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": data.csrf},
      body: JSON.stringify({starts_at: wallTime(event.start), ends_at: wallTime(event.end),
                            version: event.extendedProps.version})
    }).then(function (response) {
      return response.json().then(function (answer) { return [response.ok, answer]; });
    }).then(function (result) {
      var ok = result[0], answer = result[1];
      if (!ok) { undo(); }
      if (answer.events) { apply(answer); }
      say(ok ? answer.message : answer.error, !ok);
    }).catch(function () {
      undo();
      say(data.failed, true);
    });
  }

  function moved(info) { save(info.event, info.revert); }

  function onKey(event, keyEvent) {
    var start = event.start.getTime(), end = event.end.getTime();
    var keys = {ArrowUp: -STEP, ArrowDown: STEP, ArrowLeft: -DAY, ArrowRight: DAY};
    var step = keys[keyEvent.key];
    if (step === undefined || keyEvent.altKey || keyEvent.ctrlKey || keyEvent.metaKey) { return; }
    keyEvent.preventDefault();
    if (keyEvent.shiftKey) {
      if (Math.abs(step) === DAY || end + step <= start) { return; }
      end += step;
    } else {
      start += step;
      end += step;
    }
    var before = {start: event.start, end: event.end};
    event.setDates(new Date(start), new Date(end));
    save(event, function () { event.setDates(before.start, before.end); });
  }

  var narrow = window.matchMedia("(max-width: 40rem)").matches;
  var days = Number(data.days);
  var visitEnd = new Date(Date.parse(data.start + "T00:00:00Z") + days * DAY);
  var calendar = new FullCalendar.Calendar(box, {
    timeZone: "UTC",
    locale: data.lang === "en" ? "en-gb" : data.lang,  // day first, as the app writes dates
    initialDate: data.start,
    initialView: narrow ? "timeGridDay" : "visit",
    views: {visit: {type: "timeGrid", duration: {days: Math.min(days, 14)}}},
    validRange: {start: data.start, end: visitEnd.toISOString().slice(0, 10)},
    headerToolbar: narrow || days > 14 ? {left: "prev,next", center: "title", right: ""} : false,
    allDaySlot: false,
    slotEventOverlap: false,
    slotMinTime: String(Math.max(Number(data.firstHour) - 1, 0)).padStart(2, "0") + ":00",
    slotMaxTime: String(Math.min(Number(data.lastHour) + 1, 24)).padStart(2, "0") + ":00",
    slotDuration: "00:30:00",
    snapDuration: "00:15:00",
    eventTimeFormat: {hour: "2-digit", minute: "2-digit", hour12: false},
    slotLabelFormat: {hour: "2-digit", minute: "2-digit", hour12: false},
    height: "auto",
    editable: editable,
    eventStartEditable: editable,
    eventDurationEditable: editable,
    events: state.events,
    eventDrop: moved,
    eventResize: moved,
    datesSet: function () {  // the arrows' icons are decoration: the buttons have titles
      box.querySelectorAll(".fc-icon").forEach(function (icon) {
        icon.setAttribute("aria-hidden", "true");
      });
    },
    eventDidMount: function (info) {
      var el = info.el;
      var props = info.event.extendedProps;
      el.setAttribute("aria-label", props.span + " " + info.event.title
                      + (props.venue ? ", " + props.venue : "")
                      + (props.conflicting ? " ⚠" : ""));
      el.title = props.span + " " + info.event.title + (props.venue ? " · " + props.venue : "");
      if (editable) {
        el.setAttribute("aria-describedby", "timeline-help");
        el.addEventListener("keydown", function (keyEvent) { onKey(info.event, keyEvent); });
      }
      if (focusAfterRender === info.event.id) {
        focusAfterRender = null;
        window.setTimeout(function () { el.focus(); }, 0);
      }
    }
  });
  box.hidden = false;
  document.getElementById("timeline-static") && document.getElementById("timeline-static")
    .setAttribute("hidden", "");
  calendar.render();
  box.dataset.ready = "true";
  performance.mark("timeline-ready");
}());
