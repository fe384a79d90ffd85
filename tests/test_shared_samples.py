"""Segment and clean the shared raw-dump sample, when ../shared is present."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.articles.segment import split_articles
from eventwire.model import DateOrigin, Document, RawDocument
from eventwire.stages.clean import clean

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "000_28d2adfbf784f50e.txt"


@pytest.fixture(scope="module")
def articles() -> list[Document]:
    if not SAMPLE.is_file():
        pytest.skip(f"{SAMPLE} is not present")
    raw = RawDocument(text=SAMPLE.read_text("utf-8"), origin=str(SAMPLE), is_dump=True)
    return [clean(doc) for doc in split_articles(raw)]


def test_two_articles_with_their_titles(articles: list[Document]) -> None:
    assert [doc.article.title if doc.article else None for doc in articles] == [
        "Blinken Likely to Get Involved in Armenia-Azerbaijan Diplomatic Engagement, "
        "Says US Official",
        "Attacker Wounds Policeman Guarding Israel's Embassy in Serbia before Being Shot Dead",
    ]


def test_one_caption_each_with_credit_removed(articles: list[Document]) -> None:
    credits = []
    for doc in articles:
        assert doc.article is not None
        assert len(doc.article.captions) == 1
        assert not doc.article.captions[0].endswith(")")
        credits.append(doc.article.credits)
    assert credits == [["AP"], ["AP Photo/Marko Drobnjakovic"]]


def test_logo_line_is_gone(articles: list[Document]) -> None:
    for doc in articles:
        assert doc.article is not None
        for text in [doc.article.title or "", *doc.article.captions, doc.article.body]:
            assert "TT" not in text.split()


def test_body_starts_at_first_paragraph(articles: list[Document]) -> None:
    second = articles[1].article
    assert second is not None
    assert second.body.startswith("An attacker with a crossbow")


def test_published_dates_come_from_captions(articles: list[Document]) -> None:
    found = [
        (doc.article.published, doc.article.published_origin) for doc in articles if doc.article
    ]
    assert found == [
        (date(2023, 9, 18), DateOrigin.CAPTION),
        (date(2024, 6, 29), DateOrigin.CAPTION),
    ]
