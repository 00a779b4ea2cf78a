"""Greetings of messages, with the recipient's honorific, in nl, fr and en."""
from __future__ import annotations

import pytest

from visitplanner.outputs.greetings import greeting


@pytest.mark.parametrize(("name", "honorific", "lang", "expected"), [
    ("Amina Mwangi", "Commissioner", "en", "Dear Commissioner Mwangi,"),
    ("Olena Kovalenko", "mevrouw", "nl", "Geachte mevrouw Kovalenko,"),
    ("Olena Kovalenko", "mevrouw", "en", "Dear Ms Kovalenko,"),
    ("Olena Kovalenko", "Mme", "fr", "Madame Kovalenko,"),
    ("Vasile Moraru", "Son Excellence Monsieur", "fr", "Excellence, Monsieur Moraru,"),
    ("Vasile Moraru", "Son Excellence Monsieur", "en", "Your Excellency,"),
    ("Vasile Moraru", "Zijne Excellentie", "nl", "Excellentie,"),
    ("Jan Peeters", "de heer", "nl", "Geachte heer Peeters,"),
    ("Jan Peeters", "de heer", "fr", "Monsieur Peeters,"),
    ("Oleksandr Shevchenko", None, "en", "Dear Oleksandr Shevchenko,"),
    ("Oleksandr Shevchenko", None, "nl", "Geachte Oleksandr Shevchenko,"),
    ("Oleksandr Shevchenko", "", "fr", "Bonjour Oleksandr Shevchenko,"),
])
def test_greetings_use_the_honorific_in_the_recipients_language(name, honorific, lang, expected):
    assert greeting(name, honorific, lang) == expected


def test_an_organisers_own_translation_is_used_as_given():
    assert greeting("Michaël Jonniaux", "Chief Commissioner", "en", translated=True) == \
        "Dear Chief Commissioner Jonniaux,"
