"""Partitioned Parquet output: layout, columns, types, ids and skipping stored articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq_module
import pytest

from eventwire.errors import StoreError
from eventwire.model import (
    Actor,
    Article,
    DateOrigin,
    DatePrecision,
    Document,
    Event,
    Place,
    Precision,
)
from eventwire.store.parquet import NULL_PARTITION, ParquetSink, event_id
from eventwire.store.rows import ARTICLE_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS


def _doc(text: str, published: date | None, events: list[Event]) -> Document:
    title, _, body = text.partition("\n")
    return Document(
        text=text,
        origin=f"<{title}>",
        article=Article(
            title=title,
            body=body,
            captions=["A caption about the harbour."],
            source="Fictional Wire",
            published=published,
            published_origin=DateOrigin.METADATA if published else None,
        ),
        events=events,
    )


def _event(text: str, sentence: str, day: date | None, **extra: object) -> Event:
    start = text.index(sentence)
    return Event(
        type="ASSAULT",
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        date=day,
        date_precision=DatePrecision.DAY if day else None,
        confidence=0.8,
        **extra,  # type: ignore[arg-type]
    )


def rally_doc() -> Document:
    text = (
        "Harbour strike in Portvale\n"
        "Dockers in Portvale marched on the port office on 3 June.\n"
        "Guards beat two dockers outside the gate."
    )
    place = Place(text="Portvale", start=38, end=46, name="Portvale", lat=41.5, lon=2.25,
                  geonameid=9999001, country_code="ES", feature_code="PPL",
                  precision=Precision.POINT, confidence=0.9)  # fmt: skip
    beating = _event(
        text,
        "Guards beat two dockers outside the gate.",
        date(2024, 6, 3),
        actor=Actor(text="Guards", sector="COP", start=85, end=91),
        recipient=Actor(text="two dockers", sector="LAB"),
        place=place,
        injured=2,
        trigger="beat",
        headline=True,
    )
    threat = _event(text, "Dockers in Portvale marched on the port office on 3 June.",
                    date(2024, 6, 3), hypothetical=True)  # fmt: skip
    return _doc(text, date(2024, 6, 4), [beating, threat])


def raid_doc() -> Document:
    text = "Raid in Eastmere\nSoldiers raided a farm near Eastmere in July, witnesses said."
    raid = _event(text, "Soldiers raided a farm near Eastmere in July, witnesses said.",
                  date(2024, 7, 1), arrested=3)  # fmt: skip
    return _doc(text, date(2024, 7, 20), [raid])


def undated_doc() -> Document:
    text = "Clash at the border\nBorder guards fired on smugglers, officials said."
    return _doc(
        text, None, [_event(text, "Border guards fired on smugglers, officials said.", None)]
    )


def _read(path: Path) -> pa.Table:
    return ds.dataset(path, format="parquet", partitioning="hive").to_table()


def _partition_dirs(path: Path) -> set[str]:
    return {p.name for p in path.iterdir() if p.is_dir()}


def test_tables_partitions_columns_and_types(tmp_path: Path) -> None:
    with ParquetSink(tmp_path) as sink:
        results = [sink.add(d) for d in (rally_doc(), raid_doc(), undated_doc())]
    assert [r.inserted for r in results] == [True, True, True]
    assert [r.n_events for r in results] == [2, 1, 1]

    assert _partition_dirs(tmp_path / "articles") == {
        "year_month=2024-06", "year_month=2024-07", f"year_month={NULL_PARTITION}",
    }  # fmt: skip
    assert _partition_dirs(tmp_path / "events") == _partition_dirs(tmp_path / "articles")

    articles, events, mentions = (_read(tmp_path / t) for t in ("articles", "events", "mentions"))
    assert (articles.num_rows, events.num_rows, mentions.num_rows) == (3, 4, 4)
    assert articles.column_names == ["id", *ARTICLE_COLUMNS, "year_month"]
    assert events.column_names == ["id", *EVENT_COLUMNS, "year_month"]
    assert mentions.column_names == ["id", *MENTION_COLUMNS, "year_month"]

    assert articles.schema.field("published").type == pa.date32()
    assert articles.schema.field("captions").type == pa.list_(pa.string())
    assert pa.types.is_timestamp(articles.schema.field("ingested_at").type)
    assert events.schema.field("date").type == pa.date32()
    assert events.schema.field("hypothetical").type == pa.bool_()
    assert events.schema.field("headline").type == pa.bool_()
    assert events.schema.field("place_geonameid").type == pa.int64()
    assert mentions.schema.field("start").type == pa.int64()

    by_month = dict(
        zip(articles.column("title").to_pylist(), articles.column("year_month").to_pylist(),
            strict=True)
    )  # fmt: skip
    assert by_month == {
        "Harbour strike in Portvale": "2024-06",
        "Raid in Eastmere": "2024-07",
        "Clash at the border": None,  # Hive's null partition reads back as null
    }


def test_values_and_content_derived_ids(tmp_path: Path) -> None:
    doc = rally_doc()
    with ParquetSink(tmp_path) as sink:
        sink.add(doc)
    article = _read(tmp_path / "articles").to_pylist()[0]
    assert article["id"] == article["content_hash"] == doc.content_hash
    assert article["captions"] == ["A caption about the harbour."]
    assert article["published"] == date(2024, 6, 4)
    assert article["published_origin"] == "metadata"
    assert article["text"] == doc.text

    events = sorted(_read(tmp_path / "events").to_pylist(), key=lambda row: row["id"])
    assert [e["id"] for e in events] == [event_id(doc.content_hash, i) for i in (0, 1)]
    beating, threat = events
    assert beating["actor_sector"] == "COP" and beating["injured"] == 2
    assert beating["place_name"] == "Portvale" and beating["place_lat"] == 41.5
    assert beating["place_precision"] == "point" and beating["negated"] is False
    assert beating["contexts"] == [] and beating["date"] == date(2024, 6, 3)
    assert threat["hypothetical"] is True and threat["place_name"] is None
    assert beating["headline"] is True and threat["headline"] is False

    mentions = {m["id"]: m for m in _read(tmp_path / "mentions").to_pylist()}
    first = mentions[f"{doc.content_hash}:0"]
    assert first["event_id"] == f"{doc.content_hash}:0"
    assert first["article_id"] == doc.content_hash
    assert doc.text[first["start"] : first["end"]] == first["sentence"]
    assert (first["actor_start"], first["actor_end"]) == (85, 91)
    assert (first["place_start"], first["place_end"]) == (38, 46)


def test_readding_the_same_articles_adds_nothing(tmp_path: Path) -> None:
    docs = [rally_doc(), raid_doc()]
    with ParquetSink(tmp_path) as sink:
        for doc in docs:
            sink.add(doc)
        assert sink.add(rally_doc()).inserted is False  # within one run
    files_before = sorted(tmp_path.rglob("*.parquet"))

    with ParquetSink(tmp_path) as sink:  # a later run on the same directory
        again = [sink.add(doc) for doc in docs]
        new = sink.add(undated_doc())
    assert [r.inserted for r in again] == [False, False]
    assert [r.n_events for r in again] == [0, 0]
    assert new.inserted is True
    assert _read(tmp_path / "articles").num_rows == 3
    assert _read(tmp_path / "events").num_rows == 4
    assert set(files_before) < set(tmp_path.rglob("*.parquet"))  # appended, none rewritten


def test_rows_are_flushed_in_bounded_batches(tmp_path: Path) -> None:
    sink = ParquetSink(tmp_path, articles_per_flush=2)
    sink.add(rally_doc())
    assert not list(tmp_path.rglob("*.parquet"))  # still buffered
    sink.add(raid_doc())
    written = list((tmp_path / "articles").rglob("*.parquet"))
    assert len(written) == 2  # one file per partition of the flush
    sink.add(undated_doc())
    sink.close()
    sink.close()
    names = [p.name for p in tmp_path.rglob("*.parquet")]
    assert len(names) == len(set(names))  # every file has its own name
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".")]
    assert _read(tmp_path / "articles").num_rows == 3
    with pytest.raises(StoreError, match="closed"):
        sink.add(rally_doc())


def test_year_partitions(tmp_path: Path) -> None:
    with ParquetSink(tmp_path, partition="year") as sink:
        sink.add(rally_doc())
        sink.add(raid_doc())
    assert _partition_dirs(tmp_path / "events") == {"year=2024"}
    assert _read(tmp_path / "events").num_rows == 3


def test_bad_directories_and_options_are_refused(tmp_path: Path) -> None:
    with ParquetSink(tmp_path / "out") as sink:
        sink.add(rally_doc())
    with pytest.raises(StoreError, match="partitioned by 'year_month', not 'year'"):
        ParquetSink(tmp_path / "out", partition="year")
    with pytest.raises(StoreError, match="unknown partition 'week'"):
        ParquetSink(tmp_path / "other", partition="week")
    a_file = tmp_path / "file.txt"
    a_file.write_text("not a folder", encoding="utf-8")
    with pytest.raises(StoreError, match=r"file\.txt: not a directory"):
        ParquetSink(a_file)
    broken = next((tmp_path / "out" / "articles").rglob("*.parquet"))
    broken.write_bytes(b"not parquet at all")
    with pytest.raises(StoreError, match="cannot read the stored articles"):
        ParquetSink(tmp_path / "out")


def test_duckdb_reads_the_partitions(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    with ParquetSink(tmp_path) as sink:
        for doc in (rally_doc(), raid_doc(), undated_doc()):
            sink.add(doc)

    def table(name: str) -> str:
        pattern = tmp_path / name / "**" / "*.parquet"
        return f"read_parquet('{pattern}', hive_partitioning = true)"

    rows = duckdb.sql(
        f"SELECT year_month, count(*) FROM {table('events')} GROUP BY year_month ORDER BY 1"
    ).fetchall()
    assert rows == [("2024-06", 2), ("2024-07", 1), (None, 1)]
    joined = duckdb.sql(
        f"SELECT a.title, e.arrested FROM {table('events')} e "
        f"JOIN {table('mentions')} m ON m.event_id = e.id "
        f"JOIN {table('articles')} a ON a.id = m.article_id WHERE e.arrested IS NOT NULL"
    ).fetchall()
    assert joined == [("Raid in Eastmere", 3)]


def test_a_failed_flush_writes_nothing_and_keeps_the_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "pq"
    sink = ParquetSink(out)
    sink.add(rally_doc())
    real_write = pq_module.write_table

    def fail_on_events(table: pa.Table, where: Path, **options: object) -> None:
        if "/events/" in str(where):
            raise OSError(28, "No space left on device")
        real_write(table, where, **options)

    monkeypatch.setattr(pq_module, "write_table", fail_on_events)
    with pytest.raises(StoreError, match="No space left"):
        sink.flush()
    assert not list(out.rglob("*.parquet")) and not list(out.rglob(".*.tmp"))
    monkeypatch.setattr(pq_module, "write_table", real_write)
    sink.close()  # the disk has room again: everything is written, once
    assert _read(out / "articles").num_rows == 1
    assert _read(out / "events").num_rows == len(rally_doc().events)
