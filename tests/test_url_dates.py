"""The day an article's web address files it under is its publication date when the
source gives none: before captions and the text's guess, never over metadata."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.articles.url_dates import date_in_url
from eventwire.model import DateOrigin, RawDocument
from eventwire.stages.clean import publication_date


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("http://news.example.com/2016/12/14/world/harbour-strike/index.html", date(2016, 12, 14)),
        ("https://example.org/local/2019/3/7/council-vote", date(2019, 3, 7)),
        ("https://example.net/stories/2021-06-30-bridge-reopens?ref=home", date(2021, 6, 30)),
        (
            "http://web.archive.org/web/20160929223606/http://example.tv/news/2016/07/24/fire",
            date(2016, 7, 24),
        ),
    ],
)
def test_a_day_in_the_address_is_read(url: str, day: date) -> None:
    assert date_in_url(url) == day


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "http://www.example.com/news/world-europe-38090185",
        "http://web.archive.org/web/20160929223606/http://example.tv/news/local-fire",
        "https://example.com/articles/20161214/harbour",  # eight digits: an id as well
        "https://example.com/2016/02/30/no-such-day",
        "https://example.com/2016/12/index.html",  # a month is no day
    ],
)
def test_no_day_is_read_where_the_address_names_none(url: str | None) -> None:
    assert date_in_url(url) is None


def test_the_address_dates_an_article_without_metadata() -> None:
    raw = RawDocument(text="x", origin="<test>", url="https://example.com/2018/05/04/story")
    body = "The port reopened on May 2, 2018."
    assert publication_date(raw, [], body) == (date(2018, 5, 4), DateOrigin.URL)


def test_metadata_wins_over_the_address() -> None:
    raw = RawDocument(
        text="x",
        origin="<test>",
        url="https://example.com/2018/05/04/story",
        published=date(2018, 5, 5),
    )
    assert publication_date(raw, [], "") == (date(2018, 5, 5), DateOrigin.METADATA)


def test_the_address_day_is_a_lower_bound_for_weekdays() -> None:
    # A story keeps the address of the day it was first filed through its updates: an
    # address filed on a Sunday with "on Monday" in the past tense is the next day.
    from eventwire.run.pipeline import default_pipeline

    raw = RawDocument(
        text=(
            "Blast Hits Harbour Church\n\nFears spread across the port city on Monday as "
            "police investigated the bombing of a church the day before."
        ),
        origin="<test>",
        url="https://example.com/2016/12/11/world/harbour-church/index.html",
    )
    doc = default_pipeline().process_raw(raw)[0]
    assert doc.article is not None and doc.article.published == date(2016, 12, 11)
    dated = [e.date for e in doc.events if e.date is not None]
    assert dated and all(d >= date(2016, 12, 11) for d in dated)
