"""JSON columns read the same from SQLite's text and psycopg's bytes."""
from __future__ import annotations

import pytest

from visitplanner.extensions import read_json

TRANSLATIONS = '{"fr": {"title": "Visite d\'étude"}, "uk": {"title": "Навчальний візит"}}'


@pytest.mark.parametrize("stored", [TRANSLATIONS, TRANSLATIONS.encode()])
def test_a_json_column_reads_as_its_object(stored: str | bytes) -> None:
    assert read_json(stored) == {"fr": {"title": "Visite d'étude"},
                                 "uk": {"title": "Навчальний візит"}}


@pytest.mark.parametrize("stored", ["{}", b"{}"])
def test_an_empty_object_reads_as_a_new_empty_dict(stored: str | bytes) -> None:
    first, second = read_json(stored), read_json(stored)
    assert first == {} and first is not second  # never one shared dict a row could change
