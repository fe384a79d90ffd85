"""The exporters and ``eventwire export``, on a store built from hand-made documents
(no spaCy). Every export is read back with a standard reader."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventwire.cli import export as cli_export
from eventwire.cli.export import export_command
from eventwire.export import EXPORT_FORMATS, iter_all_events, write_export
from eventwire.export.acled import ACLED_COLUMNS
from eventwire.export.common import in_batches, record_columns
from eventwire.export.countries import country, is_alpha3
from eventwire.export.gdelt_common import write_row
from eventwire.export.gdelt_events import EVENT_COLUMNS
from eventwire.export.gdelt_mentions import MENTION_COLUMNS
from eventwire.model import (
    Actor,
    Article,
    DatePrecision,
    Document,
    Event,
    Mention,
    Place,
    Precision,
)
from eventwire.store import EventFilter, EventQuery, Store, StoredEvent

# --- documents written for these tests ---------------------------------------------

NORTH_TITLE = "Gunmen strike checkpoint outside Varnica"
ATTACK = "Gunmen attacked a police checkpoint outside Varnica on Friday, killing three officers."
PROTEST = (
    'Hundreds of students protested in Doravia province last month, demanding "clean air, '
    'water" and jobs.'
)
TALKS = "The interior minister met envoys of the Regional Council in the capital."

COAST_TITLE = "Coast guard detains fishermen"
DETAIN = "The coast guard detained twelve fishermen off the coast on 3 March 2024."
DENIAL = "Officials denied that troops shelled the harbour."
MARCH = "Residents marched along the harbour road."
TRIGGERS = {"attacked", "protested", "met", "detained", "marched"}


def _span(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    start = text.index(phrase, after)
    return start, start + len(phrase)


def _actor(text: str, words: str, sentence: str, **fields: Any) -> Actor:
    start, end = _span(text, words, text.index(sentence))
    return Actor(text=words, start=start, end=end, **fields)


def _event(text: str, sentence: str, trigger: str, **fields: Any) -> Event:
    start, end = _span(text, sentence)
    t_start, t_end = _span(text, trigger, start)
    return Event(
        sentence=sentence, start=start, end=end, trigger=trigger,
        trigger_start=t_start, trigger_end=t_end, **fields,
    )  # fmt: skip


def _place(text: str, words: str, sentence: str, **fields: Any) -> Place:
    start, end = _span(text, words, text.index(sentence))
    return Place(text=words, start=start, end=end, **fields)


def north_doc() -> Document:
    """An attack (a point; the headline's event), a protest (a province, month
    precision), talks (no place)."""
    text = f"{NORTH_TITLE}\n{ATTACK} {PROTEST} {TALKS}\n"
    varnica = _place(
        text, "Varnica", ATTACK, name="Varnica", lat=44.1, lon=20.7, geonameid=9990001,
        country_code="RS", feature_code="PPL", precision=Precision.POINT, confidence=0.8,
        admin1="Sumadija",
    )  # fmt: skip
    doravia = _place(
        text, "Doravia", PROTEST, name="Doravia", lat=43.5, lon=21.9, geonameid=9990002,
        country_code="RS", feature_code="ADM1", precision=Precision.ADMIN1, confidence=0.7,
    )  # fmt: skip
    events = [
        _event(
            text, ATTACK, "attacked", type="ASSAULT", mode="firearms", contexts=["security"],
            actor=_actor(text, "Gunmen", ATTACK, sector="UAF"),
            recipient=_actor(text, "three officers", ATTACK, country="SRB", sector="COP"),
            date=date(2024, 5, 10), date_precision=DatePrecision.DAY, place=varnica,
            dead=3, confidence=0.9, headline=True,
        ),
        _event(
            text, PROTEST, "protested", type="PROTEST", mode="demonstrate",
            contexts=["education", "economic"],
            actor=_actor(text, "Hundreds of students", PROTEST, country="SRB", sector="EDU"),
            date=date(2024, 4, 1), date_precision=DatePrecision.MONTH, place=doravia,
            confidence=0.8,
        ),
        _event(
            text, TALKS, "met", type="CONSULT",
            actor=_actor(
                text, "The interior minister", TALKS, name="Interior Minister",
                country="SRB", sector="GOV",
            ),
            recipient=_actor(text, "the Regional Council", TALKS, country="IGO", sector="IGO"),
            date=date(2024, 5, 11), date_precision=DatePrecision.DAY,
            date_from_publication=True, confidence=0.6,
        ),
    ]  # fmt: skip
    return Document(
        text=text,
        origin="feeds/north.html",
        article=Article(
            title=NORTH_TITLE,
            body=f"{ATTACK} {PROTEST} {TALKS}",
            source="North Wire",
            url="https://news.example.org/varnica",
            published=date(2024, 5, 11),
        ),
        events=events,
        places=[varnica, doravia],
    )


def coast_doc() -> Document:
    """An arrest placed at country level, a denied shelling, an undated march; the
    article has neither URL nor publisher."""
    text = f"{COAST_TITLE}\n{DETAIN} {DENIAL} {MARCH}\n"
    georgia = _place(
        text, "coast", DETAIN, name="Georgia", lat=42.0, lon=43.5, geonameid=614540,
        country_code="GE", feature_code="PCLI", precision=Precision.COUNTRY, confidence=0.5,
    )  # fmt: skip
    events = [
        _event(
            text, DETAIN, "detained", type="COERCE", mode="arrest",
            actor=_actor(text, "The coast guard", DETAIN, country="GEO", sector="MIL"),
            recipient=_actor(text, "twelve fishermen", DETAIN, country="GEO", sector="CVL"),
            date=date(2024, 3, 3), date_precision=DatePrecision.DAY, place=georgia,
            arrested=12, confidence=0.85,
        ),
        _event(
            text, DENIAL, "shelled", type="ASSAULT", mode="heavy-weapons",
            actor=_actor(text, "troops", DENIAL, sector="MIL"), confidence=0.4, negated=True,
        ),
        _event(
            text, MARCH, "marched", type="PROTEST",
            actor=_actor(text, "Residents", MARCH, sector="CVL"), confidence=0.7,
        ),
    ]  # fmt: skip
    return Document(
        text=text,
        origin="dumps/coast.txt",
        article=Article(title=COAST_TITLE, body=f"{DETAIN} {DENIAL} {MARCH}"),
        events=events,
        places=[georgia],
    )


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "ew.db"
    with Store(path) as store:
        store.add_document(north_doc())
        store.add_document(coast_doc())
    return path


@pytest.fixture()
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path, create=False) as opened:
        yield opened


def export(store: Store, fmt: str, flt: EventFilter | None = None, **options: Any) -> bytes:
    out = io.BytesIO()
    events = iter_all_events(store, flt or EventFilter())
    write_export(fmt, events, store, out, **options)
    return out.getvalue()


def by_type(store: Store) -> dict[str, StoredEvent]:
    """The factual events by type (one of each type is factual in the fixture)."""
    return {e.type: e for e in iter_all_events(store, EventFilter())}


def gdelt_rows(data: bytes) -> list[list[str]]:
    text = io.StringIO(data.decode("utf-8"), newline="")
    return list(csv.reader(text, delimiter="\t", quoting=csv.QUOTE_NONE))


# --- the registry and reading --------------------------------------------------------


def test_formats_are_registered_with_media_types_and_suffixes() -> None:
    assert list(EXPORT_FORMATS) == [
        "plover", "csv", "parquet", "geojson", "gdelt-events", "gdelt-mentions", "acled",
    ]  # fmt: skip
    assert EXPORT_FORMATS["geojson"].media_type == "application/geo+json"
    assert EXPORT_FORMATS["parquet"].suffix == ".parquet"
    assert EXPORT_FORMATS["parquet"].binary
    assert not EXPORT_FORMATS["csv"].binary


def test_unknown_format_names_the_known_ones(store: Store) -> None:
    with pytest.raises(ValueError, match=r"'xlsx'.*plover, csv, parquet"):
        write_export("xlsx", [], store, io.BytesIO())


def test_iter_all_events_ignores_limit_and_offset(store: Store) -> None:
    everything = store.events(EventFilter(limit=1000))
    paged = list(iter_all_events(store, EventFilter(limit=1, offset=3), batch_size=2))
    assert [e.id for e in paged] == [e.id for e in everything]
    assert len(paged) == 5  # factual events only
    everything_flagged = EventFilter(EventQuery(include_flagged=True))
    flagged = list(iter_all_events(store, everything_flagged, batch_size=1))
    assert len(flagged) == 6
    assert all(e.mentions for e in flagged)


def _dated_doc(n: int, day: date) -> Document:
    sentence = f"Protest number {n} took place."
    event = Event(
        type="PROTEST", sentence=sentence, start=0, end=len(sentence), date=day,
        date_precision=DatePrecision.DAY, confidence=0.6,
    )  # fmt: skip
    return Document(text=sentence, origin=f"p{n}.txt", events=[event])


def test_iter_all_events_pages_stay_right_while_events_are_stored(tmp_path: Path) -> None:
    with Store(tmp_path / "paging.db", merge_events=False) as store:
        for n in range(5):
            store.add_document(_dated_doc(n, date(2025, 1, 10 + n)))
        before = [e.id for e in store.events(EventFilter(limit=100))]
        found = []
        for number, event in enumerate(iter_all_events(store, EventFilter(), batch_size=2)):
            found.append(event.id)
            if number == 1:  # between pages: an earlier event (offset paging would
                store.add_document(_dated_doc(9, date(2025, 1, 1)))  # repeat one)
        assert found == before


def test_in_batches_keeps_every_item_in_order() -> None:
    assert list(in_batches(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(in_batches([], 3)) == []
    with pytest.raises(ValueError, match="batch size"):
        list(in_batches([1], 0))


def test_country_codes_come_from_the_gazetteer_packages() -> None:
    serbia = country("RS")
    assert serbia is not None
    assert (serbia.alpha3, serbia.name, serbia.fips) == ("SRB", "Serbia", "RI")
    uk = country("gb")
    assert uk is not None and uk.fips == "UK"
    assert country(None) is None and country("QQ") is None
    assert is_alpha3("SRB") and not is_alpha3("IGO") and not is_alpha3(None)


# --- PLOVER --------------------------------------------------------------------------


def test_plover_lines_use_the_manual_field_names(store: Store) -> None:
    lines = export(store, "plover").decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 5
    attack = next(r for r in records if r["event"] == ["ASSAULT"])
    assert attack["has_event"] is True
    assert attack["date"] == "2024-05-10"
    assert attack["source"] == [
        {
            "code": None,
            "sector": "UAF",
            "actor_text": "Gunmen",
            "identifier_text": None,
            "inferred": False,
        }
    ]
    assert attack["recipient"][0]["code"] == "SRB"
    assert attack["recipient"][0]["sector"] == "COP"
    assert attack["mode"] == ["firearms"]
    assert attack["context"] == ["security"]
    assert attack["quad_code"] == 4
    assert attack["event_text"] == ["attacked"]
    assert attack["dead"] == 3
    loc = attack["event_loc"]
    assert (loc["latitude"], loc["longitude"], loc["geonameid"]) == (44.1, 20.7, 9990001)
    assert (loc["country_code"], loc["cc3"], loc["feature_code"]) == ("RS", "SRB", "PPL")
    assert attack["text"] == ATTACK
    assert attack["cite_info"]["url"] == "https://news.example.org/varnica"
    assert attack["cite_info"]["publication"] == "North Wire"
    assert attack["coder"].startswith("eventwire")
    article = store.article(by_type(store)["ASSAULT"].mentions[0].article_id)
    assert article is not None
    assert attack["coded_date"] == article.ingested_at.date().isoformat()
    talks = next(r for r in records if r["event"] == ["CONSULT"])
    assert talks["event_loc"] is None and talks["mode"] == []
    assert talks["source"][0]["identifier_text"] == "Interior Minister"
    assert {r["event"][0]: r["headline"] for r in records} == {
        "ASSAULT": True, "PROTEST": False, "CONSULT": False, "COERCE": False,
    }  # fmt: skip


def test_plover_keeps_every_mention_with_its_article(store: Store) -> None:
    events = by_type(store)
    attack, detain = events["ASSAULT"], events["COERCE"]
    # A merged event reported by both articles (as cross-article merging stores it).
    second = detain.mentions[0]
    attack.mentions.append(
        Mention(
            article_id=second.article_id, sentence=second.sentence, start=second.start,
            end=second.end, confidence=0.5, trigger_start=second.trigger_start,
            trigger_end=second.trigger_end,
        )
    )  # fmt: skip
    out = io.BytesIO()
    assert write_export("plover", [attack], store, out) == 1
    record = json.loads(out.getvalue())
    mentions = record["mentions"]
    assert [m["sentence"] for m in mentions] == [ATTACK, DETAIN]
    assert [m["trigger"] for m in mentions] == ["attacked", "detained"]
    assert mentions[0]["url"] == "https://news.example.org/varnica"
    assert mentions[1]["url"] is None and mentions[1]["origin"] == "dumps/coast.txt"
    assert record["event_text"] == ["attacked", "detained"]
    assert record["cite_info"]["citation"] == "https://news.example.org/varnica"


# --- CSV -----------------------------------------------------------------------------


def test_csv_has_the_event_record_columns_and_survives_quotes(store: Store) -> None:
    data = export(store, "csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    assert len(rows) == 5
    assert tuple(rows[0]) == record_columns()
    protest = next(r for r in rows if r["type"] == "PROTEST" and r["place"])
    assert protest["sentence"] == PROTEST  # commas and quotes round-trip
    assert protest["contexts"] == "education;economic"
    assert protest["date_precision"] == "month"
    assert protest["acled_event_type"] == "Protests"
    attack = next(r for r in rows if r["type"] == "ASSAULT")
    assert (attack["lat"], attack["lon"], attack["dead"]) == ("44.1", "20.7", "3")
    assert attack["injured"] == ""  # unknown stays empty
    assert (attack["place_admin1"], protest["place_admin1"]) == ("Sumadija", "")
    assert [r["headline"] for r in rows].count("true") == 1 and attack["headline"] == "true"
    assert protest["headline"] == "false"


def test_csv_without_header_starts_with_data(store: Store) -> None:
    data = export(store, "csv", header=False).decode("utf-8")
    first = next(csv.reader(io.StringIO(data, newline="")))
    assert first[0].isdigit()
    assert len(first) == len(record_columns())


def test_csv_streams_rows_as_events_arrive(store: Store) -> None:
    events = list(iter_all_events(store, EventFilter()))
    out = io.BytesIO()

    def lazily() -> Iterator[StoredEvent]:
        for i, event in enumerate(events):
            if i == 2:
                assert out.tell() > 0, "nothing written before the events ran out"
            yield event

    assert write_export("csv", lazily(), store, out) == len(events)


# --- Parquet -------------------------------------------------------------------------


def test_parquet_columns_are_typed(store: Store) -> None:
    flagged = EventFilter(EventQuery(include_flagged=True))
    table = pq.read_table(io.BytesIO(export(store, "parquet", flagged)))
    assert table.num_rows == 6
    schema = table.schema
    assert schema.field("date").type == pa.date32()
    assert schema.field("dead").type == pa.int32()
    assert schema.field("lat").type == pa.float64()
    assert schema.field("quad_class").type == pa.int8()
    assert schema.field("negated").type == pa.bool_()
    assert schema.field("contexts").type == pa.list_(pa.string())
    assert pa.types.is_struct(schema.field("mentions").type.value_type)
    rows = {r["type"] + str(r["negated"]): r for r in table.to_pylist()}
    attack = rows["ASSAULTFalse"]
    assert attack["date"] == date(2024, 5, 10)
    assert attack["dead"] == 3 and attack["injured"] is None
    assert attack["geonameid"] == 9990001
    assert attack["mentions"][0]["sentence"] == ATTACK
    assert rows["ASSAULTTrue"]["date"] is None
    assert rows["CONSULTFalse"]["actor_name"] == "Interior Minister"
    assert schema.field("headline").type == pa.bool_()
    assert attack["headline"] is True
    assert [key for key, row in rows.items() if row["headline"]] == ["ASSAULTFalse"]


def test_parquet_of_no_events_is_a_valid_empty_table(store: Store) -> None:
    data = export(store, "parquet", EventFilter(EventQuery(types=("SANCTION",))))
    table = pq.read_table(io.BytesIO(data))
    assert table.num_rows == 0
    assert "mentions" in table.schema.names


# --- GeoJSON -------------------------------------------------------------------------


def test_geojson_points_are_lon_lat_and_only_placed_events(store: Store) -> None:
    collection = json.loads(export(store, "geojson"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert len(features) == 3  # the talks and the march have no place
    by_place = {f["properties"]["place"]: f for f in features}
    varnica = by_place["Varnica"]
    assert varnica["type"] == "Feature"
    assert varnica["geometry"] == {"type": "Point", "coordinates": [20.7, 44.1]}
    assert varnica["id"] == varnica["properties"]["id"]
    assert by_place["Doravia"]["properties"]["contexts"] == "education;economic"
    assert varnica["properties"]["headline"] is True
    assert by_place["Doravia"]["properties"]["headline"] is False
    assert all(not isinstance(v, list | dict) for f in features for v in f["properties"].values())


def test_geojson_of_no_events_is_an_empty_collection(store: Store) -> None:
    out = io.BytesIO()
    assert write_export("geojson", [], store, out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


# --- GDELT ---------------------------------------------------------------------------


def test_gdelt_column_lists_have_gdelts_shape() -> None:
    assert len(EVENT_COLUMNS) == 61 == len(set(EVENT_COLUMNS))
    assert EVENT_COLUMNS[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    assert EVENT_COLUMNS[25:30] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    )  # fmt: skip
    assert EVENT_COLUMNS[51] == "ActionGeo_Type"
    assert EVENT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert len(MENTION_COLUMNS) == 16
    assert MENTION_COLUMNS[6:10] == (
        "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    )  # fmt: skip


def test_gdelt_events_put_values_in_the_right_columns(store: Store) -> None:
    rows = gdelt_rows(export(store, "gdelt-events"))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert all(len(row) == 61 for row in rows)
    records = [dict(zip(EVENT_COLUMNS, row, strict=True)) for row in rows[1:]]
    attack = next(r for r in records if r["EventRootCode"] == "18")
    assert (attack["Day"], attack["MonthYear"], attack["Year"]) == ("20240510", "202405", "2024")
    assert attack["FractionDate"] == "2024.3589"  # day 131 (leap year) / 365
    assert (attack["EventCode"], attack["EventBaseCode"], attack["QuadClass"]) == ("18", "18", "4")
    assert (attack["Actor1Code"], attack["Actor1CountryCode"]) == ("UAF", "")
    assert (attack["Actor2Code"], attack["Actor2CountryCode"]) == ("SRBCOP", "SRB")
    assert attack["Actor2Type1Code"] == "COP"
    assert (attack["NumMentions"], attack["NumSources"], attack["NumArticles"]) == ("1", "1", "1")
    assert attack["ActionGeo_Type"] == "4"
    assert attack["ActionGeo_FullName"] == "Varnica, Serbia"
    assert attack["ActionGeo_CountryCode"] == "RI"  # FIPS, not ISO "RS"
    assert (attack["ActionGeo_Lat"], attack["ActionGeo_Long"]) == ("44.1", "20.7")
    assert attack["ActionGeo_FeatureID"] == "9990001"
    assert attack["SOURCEURL"] == "https://news.example.org/varnica"
    assert len(attack["DATEADDED"]) == 14 and attack["DATEADDED"].isdigit()
    assert attack["GoldsteinScale"] == "" and attack["Actor1Geo_Lat"] == ""
    assert attack["IsRootEvent"] == "1"
    assert [r["IsRootEvent"] for r in records].count("1") == 1
    assert {r["IsRootEvent"] for r in records} == {"0", "1"}
    talks = next(r for r in records if r["EventRootCode"] == "04")
    assert talks["Actor2Code"] == "IGOIGO" and talks["Actor2CountryCode"] == ""
    assert talks["Actor1Name"] == "Interior Minister"
    assert talks["ActionGeo_Type"] == ""
    detain = next(r for r in records if r["EventRootCode"] == "17")
    assert detain["ActionGeo_Type"] == "1"
    assert detain["ActionGeo_FullName"] == "Georgia"
    assert detain["ActionGeo_CountryCode"] == detain["ActionGeo_ADM1Code"] == "GG"
    assert detain["SOURCEURL"] == "dumps/coast.txt"
    protest = next(r for r in records if r["ActionGeo_FullName"].startswith("Doravia"))
    assert protest["ActionGeo_Type"] == "5"
    march = next(r for r in records if r["EventRootCode"] == "14" and not r["Day"])
    assert march["FractionDate"] == ""


def test_gdelt_events_without_header_as_gdelts_files(store: Store) -> None:
    rows = gdelt_rows(export(store, "gdelt-events", header=False))
    assert len(rows) == 5
    assert rows[0][0].isdigit()


def test_gdelt_rows_never_hold_tabs_or_line_breaks() -> None:
    out = io.StringIO()
    write_row(out, ["a\tb", "c\nd", None, 7, 2.50])
    assert out.getvalue() == "a b\tc d\t\t7\t2.5\n"


def test_gdelt_mentions_point_into_the_article_text(store: Store) -> None:
    rows = gdelt_rows(export(store, "gdelt-mentions"))
    assert tuple(rows[0]) == MENTION_COLUMNS
    records = [dict(zip(MENTION_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert len(records) == 5
    events = {e.id: e for e in iter_all_events(store, EventFilter())}
    for record in records:
        event = events[int(record["GlobalEventID"])]
        article = store.article(event.mentions[0].article_id)
        assert article is not None
        text = article.text
        assert record["MentionDocLen"] == str(len(text))
        trigger = int(record["ActionCharOffset"])
        assert text[trigger : event.mentions[0].trigger_end] in TRIGGERS
        assert event.actor is not None
        assert text[int(record["Actor1CharOffset"]) :].startswith(event.actor.text)
        if event.recipient is None:
            assert record["Actor2CharOffset"] == "-1"
        assert record["InRawText"] == "1"
        assert 0 <= int(record["Confidence"]) <= 100
        assert record["EventTimeDate"] == record["MentionTimeDate"]
    attack = next(r for r in records if r["MentionSourceName"] == "North Wire" and
                  r["Confidence"] == "90")  # fmt: skip
    assert attack["MentionType"] == "1"
    assert attack["MentionIdentifier"] == "https://news.example.org/varnica"
    detain = next(r for r in records if r["MentionIdentifier"] == "dumps/coast.txt")
    assert detain["MentionType"] == "2" and detain["MentionSourceName"] == ""


# --- ACLED ---------------------------------------------------------------------------


def test_acled_exports_only_events_acled_has_a_category_for(store: Store) -> None:
    data = export(store, "acled").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert len(rows) == 4  # the talks have no ACLED category
    attack = next(r for r in rows if r["event_type"] == "Battles")
    assert attack["sub_event_type"] == "Armed clash"
    assert attack["event_id_cnty"].startswith("SRB")
    assert (attack["event_date"], attack["year"], attack["time_precision"]) == (
        "2024-05-10", "2024", "1",
    )  # fmt: skip
    assert (attack["actor1"], attack["actor2"]) == ("Gunmen", "three officers")
    # A town's first-level region (schema 8); a region stored without one is its own.
    assert (attack["country"], attack["location"], attack["admin1"]) == (
        "Serbia", "Varnica", "Sumadija",
    )  # fmt: skip
    assert (attack["latitude"], attack["longitude"], attack["geo_precision"]) == (
        "44.1", "20.7", "1",
    )  # fmt: skip
    assert attack["fatalities"] == "3"
    assert attack["notes"] == ATTACK
    assert attack["source"] == "North Wire"
    protest = next(r for r in rows if r["event_type"] == "Protests")
    assert (protest["admin1"], protest["geo_precision"], protest["time_precision"]) == (
        "Doravia", "3", "3",
    )  # fmt: skip
    assert protest["fatalities"] == ""
    detain = next(r for r in rows if r["event_type"] == "Strategic developments")
    assert (detain["sub_event_type"], detain["country"]) == ("Arrests", "Georgia")
    assert detain["source"] == ""
    march = next(r for r in rows if r["event_date"] == "")
    assert march["event_id_cnty"].isdigit() and march["country"] == ""


# --- the command ---------------------------------------------------------------------


def test_command_writes_csv_to_stdout_with_filters(db_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        export_command, ["--db", str(db_path), "--format", "csv", "--type", "assault"]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [r["type"] for r in rows] == ["ASSAULT"]
    result = runner.invoke(
        export_command, ["--db", str(db_path), "--format", "csv", "--type", "assault", "--all"]
    )
    assert len(list(csv.DictReader(io.StringIO(result.stdout, newline="")))) == 2


def test_command_exports_only_headline_events_with_headline(db_path: Path) -> None:
    result = CliRunner().invoke(
        export_command, ["--db", str(db_path), "--format", "plover", "--headline"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["event"], r["headline"]) for r in records] == [(["ASSAULT"], True)]


def test_command_writes_parquet_to_a_file(db_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    result = CliRunner().invoke(
        export_command,
        ["--db", str(db_path), "--format", "parquet", "--out", str(target), "--country", "geo"],
    )
    assert result.exit_code == 0, result.output
    assert "1 rows written" in result.stderr
    table = pq.read_table(target)
    assert table.column("type").to_pylist() == ["COERCE"]
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())


def test_command_refuses_parquet_to_a_terminal(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_export, "_is_terminal", lambda stream: True)
    result = CliRunner().invoke(export_command, ["--db", str(db_path), "--format", "parquet"])
    assert result.exit_code == 2
    assert result.stderr.startswith("eventwire: Parquet is binary")
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_command_errors_are_one_line(db_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(export_command, ["--db", str(tmp_path / "no.db"), "--format", "csv"])
    assert missing.exit_code == 2
    assert missing.stderr.startswith("eventwire: ") and "no such database" in missing.stderr
    assert missing.stderr.count("\n") == 1
    target = tmp_path / "absent" / "out.csv"
    bad_out = runner.invoke(
        export_command, ["--db", str(db_path), "--format", "csv", "--out", str(target)]
    )
    assert bad_out.exit_code == 2
    assert bad_out.stderr.startswith(f"eventwire: {target}: cannot write")
    unknown = runner.invoke(export_command, ["--db", str(db_path), "--format", "xlsx"])
    assert unknown.exit_code == 2


def test_failed_export_leaves_no_file(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli_export, "write_export", broken)
    target = tmp_path / "events.csv"
    result = CliRunner().invoke(
        export_command, ["--db", str(db_path), "--format", "csv", "--out", str(target)]
    )
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    assert not target.exists()
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())


def test_command_help_lists_the_formats() -> None:
    result = CliRunner().invoke(export_command, ["--help"])
    assert result.exit_code == 0
    for name in EXPORT_FORMATS:
        assert name in result.output


# --- an event two articles report (merged by the store) ------------------------------

WITNESS = "Gunmen attacked a police checkpoint outside Varnica on Friday, killing three officers."


def south_doc() -> Document:
    """A second paper's report of the Varnica attack, with a different lead-in."""
    title = "Witnesses describe checkpoint attack"
    text = f"{title}\nA witness told reporters what she saw.\n{WITNESS}\n"
    varnica = _place(
        text, "Varnica", WITNESS, name="Varnica", lat=44.1, lon=20.7, geonameid=9990001,
        country_code="RS", feature_code="PPL", precision=Precision.POINT, confidence=0.8,
    )  # fmt: skip
    attack = _event(
        text, WITNESS, "attacked", type="ASSAULT", mode="firearms",
        actor=_actor(text, "Gunmen", WITNESS, sector="UAF"),
        recipient=_actor(text, "three officers", WITNESS, country="SRB", sector="COP"),
        date=date(2024, 5, 10), date_precision=DatePrecision.DAY, place=varnica,
        dead=3, confidence=0.7,
    )  # fmt: skip
    return Document(
        text=text,
        origin="feeds/south.html",
        article=Article(
            title=title,
            body=text[len(title) + 1 :],
            source="South Post",
            url="https://south.example.net/attack",
            published=date(2024, 5, 11),
        ),
        events=[attack],
        places=[varnica],
    )


def test_an_event_two_articles_report_keeps_both_mentions(store: Store) -> None:
    result = store.add_document(south_doc())
    assert result.n_merged == 1, "the store no longer merges this report: rewrite the fixture"
    attack = by_type(store)["ASSAULT"]
    assert (attack.num_mentions, attack.num_articles) == (2, 2)

    rows = gdelt_rows(export(store, "gdelt-mentions", EventFilter(EventQuery(types=("ASSAULT",)))))
    records = [dict(zip(MENTION_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert [r["MentionIdentifier"] for r in records] == [
        "https://news.example.org/varnica",
        "https://south.example.net/attack",
    ]
    south = store.article(result.article_id)
    assert south is not None
    second = records[1]
    assert south.text[int(second["Actor1CharOffset"]) :].startswith("Gunmen")
    assert south.text[int(second["Actor2CharOffset"]) :].startswith("three officers")
    assert south.text[int(second["ActionCharOffset"]) :].startswith("attacked")
    assert second["MentionDocLen"] == str(len(south.text))

    assaults = EventFilter(EventQuery(types=("ASSAULT",)))
    events = gdelt_rows(export(store, "gdelt-events", assaults, header=False))
    event = dict(zip(EVENT_COLUMNS, events[0], strict=True))
    assert (event["NumMentions"], event["NumArticles"]) == ("2", "2")
    assert event["SOURCEURL"] == "https://news.example.org/varnica"  # the first report

    acled = list(csv.DictReader(io.StringIO(export(store, "acled").decode(), newline="")))
    assert next(r for r in acled if r["event_type"] == "Battles")["source"] == (
        "North Wire; South Post"
    )
    plover = json.loads(export(store, "plover", EventFilter(EventQuery(types=("ASSAULT",)))))
    assert [m["source"] for m in plover["mentions"]] == ["North Wire", "South Post"]
