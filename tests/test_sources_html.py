"""HTML pages: main text and metadata with trafilatura; pages without an article."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.sources import iter_inputs
from eventwire.sources.html import extract_html, html_to_text
from sources_server import article_page

PARAGRAPHS = [
    "Rising water broke through the river walls of Valmora on Wednesday, forcing "
    "hundreds of families to leave their homes, the regional council said.",
    "Soldiers helped volunteers stack sandbags along the eastern bank while police "
    "closed two bridges to traffic.",
]


def _page(**kwargs: object) -> str:
    defaults: dict[str, object] = {
        "published": "2024-03-14T08:30:00+01:00",
        "author": "Ines Kaldor",
        "site": "The Northern Ledger",
        "canonical": "https://ledger.example/news/valmora-flood",
        "comments": ("Reader42: somebody at the council should resign over this.",),
    }
    defaults.update(kwargs)
    return article_page("Flood defences breached in Valmora", PARAGRAPHS, **defaults)  # type: ignore[arg-type]


def test_article_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "valmora.html"
    path.write_text(_page(), encoding="utf-8")
    [item] = list(iter_inputs([str(path)]))
    doc = item.document
    assert doc is not None and item.error is None
    assert doc.origin == str(path) and item.input_name == str(path)
    assert doc.title == "Flood defences breached in Valmora"
    assert doc.published == date(2024, 3, 14)
    assert doc.author == "Ines Kaldor"
    assert doc.source == "The Northern Ledger"
    assert doc.url == "https://ledger.example/news/valmora-flood"
    assert doc.is_dump is False
    # every paragraph once, each its own paragraph; no navigation, comments or footer
    for paragraph in PARAGRAPHS:
        assert doc.text.count(paragraph) == 1
    assert f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}" in doc.text
    for boilerplate in ("Reader42", "Sport", "Copyright", "Comments"):
        assert boilerplate not in doc.text


def test_no_date_in_the_page_is_no_date(tmp_path: Path) -> None:
    """The dates the text reports are not publication dates, nor is today."""
    doc = extract_html(_page(published=None), "x.html")
    assert doc.published is None
    assert doc.url == "https://ledger.example/news/valmora-flood"


def test_fetched_url_is_used_without_a_canonical_one() -> None:
    doc = extract_html(_page(canonical=None), "page", url="http://wire.example/a/1")
    assert doc.url == "http://wire.example/a/1"


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><title>Nothing</title></head><body></body></html>",
        "<html><body><script>var tracking = 1;</script></body></html>",
        "<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>",
    ],
)
def test_page_without_article_text_is_one_error(tmp_path: Path, markup: str) -> None:
    path = tmp_path / "menu.htm"
    path.write_text(markup, encoding="utf-8")
    [item] = list(iter_inputs([str(path)]))
    assert item.document is None and item.error is not None
    assert str(item.error) == f"{path}: no article text found in the HTML"
    assert item.error.reason == "no article text"


def test_empty_html_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^e\.html: empty file$"):
        extract_html(b"  \n", "e.html")


def test_gzipped_page(tmp_path: Path) -> None:
    path = tmp_path / "valmora.html.gz"
    path.write_bytes(gzip.compress(_page().encode("utf-8")))
    [item] = list(iter_inputs([str(path)]))
    assert item.document is not None
    assert item.document.title == "Flood defences breached in Valmora"
    assert PARAGRAPHS[1] in item.document.text


def test_html_to_text() -> None:
    markup = (
        "<p>Police &amp; troops <b>met</b>\n   the marchers.</p><p>A second"
        "<br>line<script>var x = 1;</script></p><ul><li>one</li><li>two</li></ul>tail"
    )
    assert html_to_text(markup) == (
        "Police & troops met the marchers.\n\nA second\n\nline\n\none\n\ntwo\n\ntail"
    )
    assert html_to_text("Plain words, no markup.") == "Plain words, no markup."
