"""Splitting raw scrape dumps into articles (stages/segment.py)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.articles.layout import CreditKind, find_credit, is_stray, is_title_like, split_lines
from eventwire.articles.segment import article_bounds, split_articles
from eventwire.model import RawDocument


def scraped(title: str, caption: str, paragraphs: list[str], *, joiner: str = "\n\n") -> str:
    """One article in the raw-dump shape: the header block twice with a logo line
    between the copies, then the body."""
    block = [title, "", " " + caption, caption]
    return "\n".join([*block, "TT", "", *block, ""]) + "\n" + joiner.join(paragraphs)


FLOOD = scraped(
    "Floods Displace Thousands in Northern Bangladesh",
    "Villagers wade through floodwater in Sylhet, Bangladesh, Wednesday, July 3, 2024. "
    "(AP Photo/Rafiq Hossain)",
    [
        "Heavy rain flooded hundreds of villages in Sylhet on Wednesday, officials said.",
        "The army evacuated about 2,000 families to shelters on higher ground.",
    ],
)
STRIKE = scraped(
    "Dock Workers Strike at Port of Antwerp",
    "Dock workers gather outside the port gates in Antwerp, Belgium, Monday, Oct. 7, 2024. "
    "(Reuters)",
    [
        "Hundreds of dock workers walked off the job in Antwerp on Monday.",
        "Union leader Pieter Claes said the strike would last two days.",
    ],
    joiner="\n",
)
ELECTION = scraped(
    "Opposition Leader Concedes Defeat in Malawi Vote",
    "Supporters wait for results in Lilongwe, Malawi, Friday, Sept. 20, 2024. (AFP)",
    ["The main opposition candidate conceded defeat on Friday and congratulated the winner."],
)


def dump(*articles: str, gap: str = "\n\n") -> RawDocument:
    return RawDocument(
        text="\n" + gap.join(articles) + "\n\n",
        origin="feeds/dump.txt",
        title="Dump title",
        published=date(2024, 10, 8),
        source="Wire",
        url="https://example.org/dump",
        is_dump=True,
    )


def test_dump_splits_into_articles_at_repeated_titles() -> None:
    raw = dump(FLOOD, STRIKE, ELECTION)
    docs = split_articles(raw)
    assert [doc.origin for doc in docs] == [f"feeds/dump.txt#{n}" for n in (1, 2, 3)]
    assert [doc.text for doc in docs] == [FLOOD, STRIKE, ELECTION]


def test_wide_gap_splits_articles_without_repeated_titles() -> None:
    first = "Rain fell across the region on Monday.\nRivers rose overnight."
    second = "Farmers said crops were lost.\nThe ministry promised aid."
    raw = RawDocument(text=first + "\n\n\n\n" + second, origin="gap.txt", is_dump=True)
    assert [doc.text for doc in split_articles(raw)] == [first, second]


def test_one_blank_line_between_plain_paragraphs_does_not_split() -> None:
    text = "Rain fell across the region on Monday.\n\nFarmers said crops were lost."
    docs = split_articles(RawDocument(text=text, origin="one.txt", is_dump=True))
    assert len(docs) == 1
    assert docs[0].text == text


def test_articles_are_exact_slices_of_the_dump() -> None:
    raw = dump(FLOOD, STRIKE, ELECTION, gap="\n\n\n\n")
    bounds = article_bounds(raw.text)
    docs = split_articles(raw)
    assert len(bounds) == len(docs) == 3
    for (start, end), doc in zip(bounds, docs, strict=True):
        assert raw.text[start:end] == doc.text
        assert doc.text == doc.text.strip()


def test_article_raw_copies_metadata_but_not_the_dump_title() -> None:
    docs = split_articles(dump(FLOOD, STRIKE))
    for doc in docs:
        assert doc.raw is not None
        assert doc.raw.title is None
        assert doc.raw.published == date(2024, 10, 8)
        assert (doc.raw.source, doc.raw.url) == ("Wire", "https://example.org/dump")
        assert doc.raw.origin == doc.origin
        assert doc.raw.text == doc.text
        assert not doc.raw.is_dump


def test_dump_with_one_article_keeps_origin_and_title() -> None:
    raw = dump(FLOOD)
    (doc,) = split_articles(raw)
    assert doc.origin == raw.origin
    assert doc.text == FLOOD
    assert doc.raw is not None and doc.raw.title == "Dump title"


def test_header_block_with_wide_gaps_stays_one_article() -> None:
    text = FLOOD.replace("TT\n", "TT\n\n\n\n")
    docs = split_articles(RawDocument(text=text, origin="d", is_dump=True))
    assert [doc.text for doc in docs] == [text]


def test_plain_text_is_one_document_unchanged() -> None:
    raw = RawDocument(text="  Police arrested two men in Accra.\n", origin="<text>")
    (doc,) = split_articles(raw)
    assert doc.text is raw.text
    assert doc.origin == "<text>"
    assert doc.raw is raw


def test_not_a_dump_is_never_split() -> None:
    raw = RawDocument(text=FLOOD + "\n\n\n\n" + STRIKE, origin="<text>")
    (doc,) = split_articles(raw)
    assert doc.text == raw.text


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
@pytest.mark.parametrize("is_dump", [True, False])
def test_empty_text_gives_no_documents(text: str, is_dump: bool) -> None:
    assert split_articles(RawDocument(text=text, origin="e", is_dump=is_dump)) == []


def test_split_lines_gives_offsets_of_stripped_content() -> None:
    text = "Title\n\n  indented line  \nlast"
    lines = split_lines(text)
    assert [line.text for line in lines] == ["Title", "", "indented line", "last"]
    for line in lines:
        assert text[line.start : line.end] == line.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Floods Displace Thousands in Northern Bangladesh", True),
        ("Is the Ceasefire Holding?", True),
        ("The army evacuated about 2,000 families.", False),
        ("Supporters wait in Lilongwe, Malawi. (AFP)", False),
        ("TT", False),
        ("Advertisement", False),
        ("lowercase start of a line", False),
    ],
)
def test_is_title_like(text: str, expected: bool) -> None:
    assert is_title_like(text) is expected


def test_find_credit_tells_photo_credits_from_agency_tags() -> None:
    photo = find_credit("Villagers wade through water. (AP Photo/Rafiq Hossain)")
    assert photo is not None
    assert (photo.text, photo.kind) == ("AP Photo/Rafiq Hossain", CreditKind.PHOTO)
    agency = find_credit("Supporters wait for results. (AFP)")
    assert agency is not None
    assert (agency.text, agency.kind) == ("AFP", CreditKind.AGENCY)
    assert find_credit("He spoke to the crowd (in Arabic)") is None
    assert find_credit("No credit here.") is None


def test_is_stray() -> None:
    assert is_stray("TT")
    assert is_stray("***")
    assert is_stray("Share this article")
    assert is_stray("Follow us on Telegram for updates")
    assert not is_stray("Police said the attack began at dawn.")
