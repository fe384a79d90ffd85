"""The segmentation test set (tests/data/segmentation/, written for eventwire): every
kind of article boundary, hard-wrapped text, captions and repeated titles, scored by
boundary precision and recall; and the streaming reader that ingest uses."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.articles.segment import (
    MAX_ARTICLE_CHARS,
    article_bounds,
    iter_bounds,
    iter_lines,
    split_articles,
)
from eventwire.cli import main
from eventwire.evaluate.segmentation import evaluate_segmentation, gold_files, read_gold
from eventwire.model import RawDocument
from eventwire.sources.text import iter_text_articles

GOLD = Path(__file__).with_name("data") / "segmentation"


def test_boundary_precision_and_recall_on_the_test_set() -> None:
    scores = evaluate_segmentation(GOLD)
    assert scores.dumps == 9 and scores.gold >= 30
    assert scores.precision >= 0.95, scores.summary()
    assert scores.recall >= 0.95, scores.summary()


@pytest.mark.parametrize("path", gold_files(GOLD), ids=lambda p: p.stem)
def test_each_kind_of_boundary(path: Path) -> None:
    scores = evaluate_segmentation(path)
    assert scores.recall >= 0.75 and scores.precision >= 0.75, scores.summary()


def test_eval_command_reports_the_scores() -> None:
    result = CliRunner().invoke(main, ["eval", "segmentation", "--gold", str(GOLD)])
    assert result.exit_code == 0, result.output
    assert "boundary precision" in result.output and "recall" in result.output


def test_a_file_without_markers_is_refused_in_one_line(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Just one article.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "segmentation", "--gold", str(plain)])
    assert result.exit_code == 2
    assert "no <<<article>>> line" in result.stderr


def _stream(text: str, origin: str = "dump.txt") -> list[RawDocument]:
    items = list(iter_text_articles(io.BytesIO(text.encode("utf-8")), origin))
    assert all(item.error is None for item in items)
    return [item.document for item in items if item.document is not None]


@pytest.mark.parametrize("path", gold_files(GOLD), ids=lambda p: p.stem)
def test_streaming_reader_gives_the_same_articles_as_the_whole_text(path: Path) -> None:
    text = read_gold(path).text
    whole = [text[start:end] for start, end in article_bounds(text)]
    streamed = _stream(text)
    assert [doc.text for doc in streamed] == whole
    assert [doc.origin for doc in streamed] == [f"dump.txt#{n}" for n in range(1, len(whole) + 1)]


def test_one_article_keeps_the_file_name_as_origin() -> None:
    (doc,) = _stream("Police arrested two men in Accra on Monday.\n")
    assert doc.origin == "dump.txt"


def test_crlf_and_bom_are_read_as_the_whole_text_reader_does() -> None:
    text = (
        "\ufeffFirst Title Here\r\n\r\nBody one.\r\n----------\r\n"
        "Second Title Here\r\n\r\nBody two."
    )
    docs = _stream(text)
    assert [doc.text for doc in docs] == [
        "First Title Here\n\nBody one.",
        "Second Title Here\n\nBody two.",
    ]


def test_bad_bytes_keep_the_articles_before_them() -> None:
    articles = [f"Title Number {n} Here\n\nBody {n}.\n{'-' * 10}\n" for n in range(30)]
    data = "".join(articles).encode() + b"caf\xe9\n"
    items = list(iter_text_articles(io.BytesIO(data), "bad.txt"))
    assert len([item for item in items if item.document is not None]) >= 9
    assert items[-1].error is not None and "not UTF-8" in str(items[-1].error)


def test_over_long_article_is_cut_into_parts_at_paragraph_breaks() -> None:
    paragraph = "The committee met again on Monday and talked about the harbour. " * 20
    text = "\n\n".join([paragraph.strip()] * (3 * MAX_ARTICLE_CHARS // len(paragraph)))
    items = list(iter_text_articles(io.BytesIO(text.encode()), "long.txt"))
    docs = [item.document for item in items if item.document is not None]
    assert len(docs) >= 3
    assert all(len(doc.text) <= MAX_ARTICLE_CHARS for doc in docs)
    assert "".join(doc.text for doc in docs).replace("\n", "") == text.replace("\n", "")
    notices = [item.notice for item in items if item.notice]
    assert len(notices) == 1 and "stored as" in notices[0] and "parts" in notices[0]


def test_one_huge_line_is_cut_too() -> None:
    text = "word " * (MAX_ARTICLE_CHARS // 2)
    bounds = list(iter_bounds(iter_lines(text)))
    assert len(bounds) >= 3 and all(b.end - b.start <= MAX_ARTICLE_CHARS for b in bounds)


def test_over_long_single_article_is_refused_in_one_line() -> None:
    from eventwire.errors import InputError

    raw = RawDocument(text="word " * MAX_ARTICLE_CHARS, origin="<item 1>")
    with pytest.raises(InputError, match=r"<item 1>: an article of [\d,]+ characters"):
        split_articles(raw)
