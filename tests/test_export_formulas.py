"""CSV exports keep article text that a spreadsheet would run as a formula inert."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from eventwire.export import iter_all_events, write_export
from eventwire.model import Actor, Article, DatePrecision, Document, Event, Place, Precision
from eventwire.store import EventFilter, Store

SENTENCE = '=HYPERLINK("https://evil.example/x","click") Gunmen attacked a post near Varnica.'


def _document() -> Document:
    text = f"Attack near Varnica\n{SENTENCE}\n"
    start = text.index(SENTENCE)
    place = Place(
        text="Varnica", start=text.index("Varnica", start), end=text.index("Varnica", start) + 7,
        name="Varnica", lat=44.1, lon=-20.7, geonameid=9990001, country_code="RS",
        feature_code="PPL", precision=Precision.POINT, confidence=0.8,
    )  # fmt: skip
    event = Event(
        type="ASSAULT", sentence=SENTENCE, start=start, end=start + len(SENTENCE),
        actor=Actor(text="@gunmen", sector="UAF"), recipient=None,
        date=date(2024, 5, 10), date_precision=DatePrecision.DAY, place=place,
        dead=3, confidence=0.9,
    )  # fmt: skip
    article = Article(title="Attack near Varnica", body=SENTENCE, source="+Wire")
    return Document(text=text, origin="x.html", article=article, events=[event], places=[place])


def _rows(tmp_path: Path, fmt: str) -> list[dict[str, str]]:
    with Store(tmp_path / "ew.db") as store:
        store.add_document(_document())
        out = io.BytesIO()
        write_export(fmt, iter_all_events(store, EventFilter()), store, out)
    return list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"), newline="")))


def test_csv_cells_that_would_run_as_formulas_are_quoted_as_text(tmp_path: Path) -> None:
    [row] = _rows(tmp_path, "csv")
    assert row["sentence"] == "'" + SENTENCE
    assert row["actor"] == "'@gunmen"
    assert row["lon"] == "-20.7"  # a number, not text: left alone
    assert row["actor_code"] == "---UAF"  # a code of ours, not article text


def test_acled_cells_that_would_run_as_formulas_are_quoted_as_text(tmp_path: Path) -> None:
    [row] = _rows(tmp_path, "acled")
    assert row["notes"] == "'" + SENTENCE
    assert row["actor1"] == "'@gunmen"
    assert row["source"] == "'+Wire"
