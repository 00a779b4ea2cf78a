"""The wording of conflict messages in nl, fr and en: sentences, names, days, times and trips."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

from babel.numbers import format_decimal

from visitplanner.outputs.languages import language
from visitplanner.planning.travel import BUFFER_MINUTES, TravelEstimate

# Placeholders: {who} names the people, {verb} agrees with them, {a}/{b}/{title}/{prev}/{next}
# are item titles (quoted here, as each language quotes), {day}/{first}/{last} are days,
# {a_span}/{b_span}/{span} are times, {a_at}/{b_at}/{prev_at}/{next_at} say where (or nothing).
SENTENCES: dict[str, dict[str, str]] = {
    "en": {
        "venue_clash": "{venue} is booked twice on {day}: '{a}' ({a_span}) overlaps '{b}'"
                       " ({b_span}).",
        "double_booking": "{who} {verb} in two places at once on {day}: '{a}' ({a_span}{a_at})"
                          " overlaps '{b}' ({b_span}{b_at}).",
        "outside_visit": "'{title}' ({day}, {span}) falls outside the visit, which runs from"
                         " {first} to {last}.",
        "travel_time": "{who} {verb} {gap} min between '{prev}' (ends {prev_end}{prev_at}) and"
                       " '{next}' (starts {next_start}{next_at}) on {day}, but the trip takes"
                       " about {minutes} min ({trip}).",
        "trip": "{km} km straight line, {road} km by road at {speed} km/h on average"
                " + {buffer} min buffer",
        "same_venue": "same venue",
        "overnight": "{start} until {end} on {day}",
        "at": " at {venue}",
        "whole": "the whole delegation",
        "whole_except": "the whole delegation except {names}",
        "delegate": "delegate #{id}",
        "speaker": "{name} (speaker)",
        "before_arrival": "{who} {verb} not arrived yet for '{title}' ({day}, {span}{at}):"
                          " {journey} arrives {moment}.",
        "after_departure": "{who} {verb} already left before '{title}' ({day}, {span}{at})"
                           " ends: {journey} departs {moment}.",
        "no_stay": "No hotel is recorded for {who} for the night of {first}.",
        "no_stay_nights": "No hotel is recorded for {who} for the nights from {first} to"
                          " {last}.",
        "travel_from_stay": "{who} {verb} {gap} min from {hotel} (leaving at {leave}) to"
                            " '{next}' (starts {next_start}{next_at}) on {day}, but the trip"
                            " takes about {minutes} min ({trip}).",
        "moment": "on {day} at {time}",
        "flight": "flight", "train": "train", "coach": "coach", "car": "car",
        "other": "journey",
    },
    "nl": {
        "venue_clash": "{venue} is dubbel geboekt op {day}: ‘{a}’ ({a_span}) overlapt met ‘{b}’"
                       " ({b_span}).",
        "double_booking": "{who} {verb} op {day} op twee plaatsen tegelijk zijn: ‘{a}’"
                          " ({a_span}{a_at}) overlapt met ‘{b}’ ({b_span}{b_at}).",
        "outside_visit": "‘{title}’ ({day}, {span}) valt buiten het bezoek, dat loopt van"
                         " {first} tot {last}.",
        "travel_time": "{who} {verb} op {day} {gap} min tussen ‘{prev}’ (eindigt om"
                       " {prev_end}{prev_at}) en ‘{next}’ (begint om {next_start}{next_at}),"
                       " terwijl de rit ongeveer {minutes} min duurt ({trip}).",
        "trip": "{km} km in rechte lijn, {road} km over de weg aan gemiddeld {speed} km/u"
                " + {buffer} min marge",
        "same_venue": "zelfde locatie",
        "overnight": "{start} tot {day} om {end}",
        "at": ", {venue}",
        "whole": "de hele delegatie",
        "whole_except": "de hele delegatie behalve {names}",
        "delegate": "delegatielid #{id}",
        "speaker": "{name} (spreker)",
        "before_arrival": "{who} {verb} nog niet aangekomen voor ‘{title}’ ({day}, {span}{at}):"
                          " {journey} komt aan {moment}.",
        "after_departure": "{who} {verb} al vertrokken voordat ‘{title}’ ({day}, {span}{at})"
                           " afloopt: {journey} vertrekt {moment}.",
        "no_stay": "Er is geen hotel geregistreerd voor {who} voor de nacht van {first}.",
        "no_stay_nights": "Er is geen hotel geregistreerd voor {who} voor de nachten van"
                          " {first} tot {last}.",
        "travel_from_stay": "{who} {verb} op {day} {gap} min van {hotel} (vertrek om {leave})"
                            " tot ‘{next}’ (begint om {next_start}{next_at}), terwijl de rit"
                            " ongeveer {minutes} min duurt ({trip}).",
        "moment": "op {day} om {time}",
        "flight": "vlucht", "train": "trein", "coach": "bus", "car": "auto", "other": "reis",
    },
    "fr": {
        "venue_clash": "Le lieu {venue} est réservé deux fois le {day} : « {a} » ({a_span})"
                       " chevauche « {b} » ({b_span}).",
        "double_booking": "{who} {verb} être à deux endroits à la fois le {day} : « {a} »"
                          " ({a_span}{a_at}) chevauche « {b} » ({b_span}{b_at}).",
        "outside_visit": "« {title} » ({day}, {span}) a lieu en dehors des dates de la visite,"
                         " qui se déroule du {first} au {last}.",
        "travel_time": "{who} {verb} {gap} min entre « {prev} » (se termine à"
                       " {prev_end}{prev_at}) et « {next} » (commence à {next_start}{next_at})"
                       " le {day}, alors que le trajet prend environ {minutes} min ({trip}).",
        "trip": "{km} km à vol d'oiseau, {road} km par la route à {speed} km/h en moyenne"
                " + {buffer} min de marge",
        "same_venue": "même lieu",
        "overnight": "{start} jusqu'au {day} à {end}",
        "at": ", {venue}",
        "whole": "toute la délégation",
        "whole_except": "toute la délégation sauf {names}",
        "delegate": "délégué n° {id}",
        "speaker": "{name} (intervenant)",
        "before_arrival": "{who} : arrivée le {moment} ({journey}), après le début de"
                          " « {title} » ({day}, {span}{at}).",
        "after_departure": "{who} : départ le {moment} ({journey}), avant la fin de"
                           " « {title} » ({day}, {span}{at}).",
        "no_stay": "Aucun hôtel n'est enregistré pour {who} pour la nuit du {first}.",
        "no_stay_nights": "Aucun hôtel n'est enregistré pour {who} pour les nuits du {first}"
                          " au {last}.",
        "travel_from_stay": "{who} {verb} {gap} min entre {hotel} (départ à {leave}) et"
                            " « {next} » (commence à {next_start}{next_at}) le {day}, alors que"
                            " le trajet prend environ {minutes} min ({trip}).",
        "moment": "{day} à {time}",
        "flight": "vol", "train": "train", "coach": "autocar", "car": "voiture",
        "other": "voyage",
    },
}


SENTENCES = {lang: {key: language(lang).typography(text) for key, text in words.items()}
             for lang, words in SENTENCES.items()}
# The verb of a sentence whose subject is the names, for one name and for several.
VERBS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {"double_booking": ("is", "are"), "travel_time": ("has", "have"),
           "travel_from_stay": ("has", "have"), "before_arrival": ("has", "have"),
           "after_departure": ("has", "have")},
    "nl": {"double_booking": ("moet", "moeten"), "travel_time": ("heeft", "hebben"),
           "travel_from_stay": ("heeft", "hebben"), "before_arrival": ("is", "zijn"),
           "after_departure": ("is", "zijn")},
    # French words these without a verb agreeing with the names (no gender to guess).
    "fr": {"double_booking": ("doit", "doivent"), "travel_time": ("a", "ont"),
           "travel_from_stay": ("a", "ont"), "before_arrival": ("", ""),
           "after_departure": ("", "")},
}


class Wording:
    """Conflict messages in one language; unknown languages get English."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in SENTENCES else "en"
        self.words = SENTENCES[self.lang]
        self.language = language(self.lang)
        self._trips: dict[TravelEstimate, str] = {}
        self._joined: dict[tuple[str, ...], str] = {}

    def day(self, day: dt.date) -> str:
        """'maandag 22 april 2024', 'lundi 22 avril 2024', 'Monday 22 April 2024'."""
        return self.language.day(day)

    def clock(self, moment: dt.datetime) -> str:
        """A wall-clock time, 24-hour: 09:30."""
        return self.language.clock(moment)

    def span(self, starts: dt.datetime, ends: dt.datetime, overnight: bool) -> str:
        """'09:00–10:30'; past midnight, also the day it ends."""
        if not overnight:
            return f"{self.clock(starts)}–{self.clock(ends)}"
        return self.words["overnight"].format(start=self.clock(starts), end=self.clock(ends),
                                              day=self.day(ends.date()))

    def at(self, venue: str | None) -> str:
        """Where an item takes place, to follow its times; nothing when unknown."""
        return "" if venue is None else self.words["at"].format(venue=venue)

    def join(self, names: Sequence[str]) -> str:
        """'A, B and C', 'A, B en C', 'A, B et C'."""
        key = tuple(names)
        text = self._joined.get(key)
        if text is None:  # the same audiences are named in conflict after conflict
            text = self._joined[key] = self.language.join(names)
        return text

    def whole_delegation(self, except_names: Sequence[str] = ()) -> str:
        """The whole delegation, maybe but for a few."""
        if not except_names:
            return self.words["whole"]
        return self.words["whole_except"].format(names=self.join(except_names))

    def delegate(self, delegate_id: int) -> str:
        """Stand-in for a delegate the programme does not list."""
        return self.words["delegate"].format(id=delegate_id)

    def speaker(self, name: str) -> str:
        """A host-side speaker, marked as such."""
        return self.words["speaker"].format(name=name)

    def journey(self, mode: str, reference: str | None) -> str:
        """'flight LO 231', 'vlucht LO 231', 'vol LO 231'; the mode alone without reference."""
        word = self.words.get(mode, self.words["other"])
        return f"{word} {reference}" if reference else word

    def moment(self, day: dt.date, time: str) -> str:
        """'on Sunday 21 April 2024 at 18:10' and its nl and fr forms."""
        return self.words["moment"].format(day=self.day(day), time=time)

    def trip(self, estimate: TravelEstimate) -> str:
        """How the trip time was estimated, with the language's decimal mark."""
        if estimate.minutes == 0:
            return self.words["same_venue"]
        text = self._trips.get(estimate)
        if text is None:  # one venue pair's trip is worded once, however often it is made
            text = self._trips[estimate] = self.words["trip"].format(
                km=_decimal(estimate.km, 1, self.lang),
                road=_decimal(estimate.road_km, 1, self.lang),
                speed=_decimal(estimate.speed_kmh, 0, self.lang), buffer=BUFFER_MINUTES)
        return text

    def sentence(self, kind: str, names: list[str] | None = None, **values: object) -> str:
        """The message of one conflict; with names, they start it and the verb agrees."""
        if names is not None:
            who = self.join(names)
            values["who"] = who[:1].upper() + who[1:]
            values["verb"] = VERBS[self.lang][kind][len(names) > 1]
        return self.words[kind].format_map(values)


# Babel's patterns and roundings (half to even) for numbers with 0 and 1 decimals.
PATTERNS = ("#,##0", "#,##0.0")
QUANTA = (Decimal(1), Decimal("0.1"))


def _decimal(number: float, places: int, lang: str) -> str:
    """A number in the language's notation, rounded to `places` decimals."""
    # Rounded first exactly as Babel rounds (the float's shortest repr, half to even), so that
    # the few hundred distinct figures of a visit are each formatted once: Babel takes 50 µs.
    rounded = Decimal(str(number)).quantize(QUANTA[places])
    return _formatted(rounded, PATTERNS[places], lang)


@lru_cache(maxsize=4096)
def _formatted(number: Decimal, pattern: str, lang: str) -> str:
    return format_decimal(number, pattern, locale=lang)
