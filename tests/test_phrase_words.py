"""The remembered lexicon answers for a phrase's words: the tables' own answers."""

from __future__ import annotations

import pytest

from eventwire import knowledge
from eventwire.coding import phrase_words

TEXTS = ["Kenya", "Kenyan", "Kenyans", "Nairobi", "the Red Cross", "police", "Police officers",
         "Hamas's", "the U.S.", "Kremlin", "nothing at all", "us", "US", ""]  # fmt: skip


@pytest.mark.parametrize("text", TEXTS)
def test_the_answers_are_the_tables_own(text: str) -> None:
    countries = knowledge.countries()
    expected_country, expected_kind = countries.lookup_name(text), "name"
    if expected_country is None:
        expected_country, expected_kind = countries.lookup_demonym(text), "demonym"
    if expected_country is None:
        expected_country, expected_kind = countries.lookup_capital(text), "capital"
    for _ in range(2):  # the first answer and the remembered one
        words = phrase_words.lookup().words(text)
        assert words.organization == knowledge.organizations().lookup(text)
        assert (words.country, words.kind) == (expected_country, expected_kind)
        assert words.sector_term == knowledge.sector_terms().lookup(text.lower())


def test_a_new_lexicon_starts_afresh() -> None:
    first = phrase_words.lookup()
    assert phrase_words.lookup() is first
    knowledge.sector_terms.cache_clear()  # as a test loading its own tables does
    try:
        assert phrase_words.lookup() is not first
        assert phrase_words.lookup().tables[2] is knowledge.sector_terms()
    finally:
        knowledge.sector_terms.cache_clear()
