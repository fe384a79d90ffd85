"""The API's models are made from the dataclasses behind them (``api/schemas.py``'s
``record_model``): these tests fail when a model and its record drift apart, and check
that the OpenAPI document still lists each field with its type and description."""

from __future__ import annotations

import json
import types
from collections.abc import Iterator
from dataclasses import Field, fields
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from eventwire.api import create_app
from eventwire.api.schemas import (
    ArticleOut,
    ArticlePageOut,
    EventDetailOut,
    EventOut,
    EventPageOut,
    MentionRef,
    PlaceOut,
    TimexOut,
    record_model,
)
from eventwire.export.event_records import EVENT_RECORD_FIELDS, EventRecord, event_record
from eventwire.model import Place, TimeExpression
from eventwire.store import Store, StoredArticle
from eventwire.store.read.results import ArticlePage, EventPage, MentionDetail
from test_api_data import build_store

# What the API adds to an event's record, in order.
EVENT_ADDITIONS = ["num_mentions", "num_sources", "mention"]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("schemas") / "events.db")


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db_path))) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def components(client: TestClient) -> dict[str, Any]:
    schemas: dict[str, Any] = client.get("/openapi.json").json()["components"]["schemas"]
    return schemas


_JSON_TYPES = {int: "integer", float: "number", str: "string", bool: "boolean"}


def expected_schema(hint: Any) -> dict[str, Any]:
    """The JSON schema the OpenAPI document should give a field of type ``hint`` (the
    types of ``EventRecord``: scalars, optional scalars, tuples of strings)."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        assert len(options) == 1, hint
        return {"anyOf": [expected_schema(options[0]), {"type": "null"}]}
    if origin is tuple:
        assert args[1:] == (Ellipsis,), hint
        return {"type": "array", "items": expected_schema(args[0])}
    return {"type": _JSON_TYPES[hint]}


def description(field: Field[Any]) -> str | None:
    text = field.metadata.get("description")
    return None if text is None else str(text)


def test_the_event_schema_is_the_event_record_then_its_additions(
    components: dict[str, Any],
) -> None:
    record = [f.name for f in fields(EventRecord)]
    assert list(components["EventOut"]["properties"]) == record + EVENT_ADDITIONS
    assert list(components["EventDetailOut"]["properties"]) == [
        *record, *EVENT_ADDITIONS, "mentions",
    ]  # fmt: skip
    assert list(EventOut.model_fields) == record + EVENT_ADDITIONS
    assert set(components["EventOut"]["required"]) == set(record + EVENT_ADDITIONS)


def test_openapi_gives_each_record_field_its_type_and_description(
    components: dict[str, Any],
) -> None:
    hints = get_type_hints(EventRecord)
    described = 0
    for name in ("EventOut", "EventDetailOut"):
        properties = components[name]["properties"]
        for field in fields(EventRecord):
            documented = properties[field.name]
            shape = {k: v for k, v in documented.items() if k not in ("title", "description")}
            assert shape == expected_schema(hints[field.name]), (name, field.name)
            assert documented.get("description") == description(field), (name, field.name)
            described += description(field) is not None
    assert described >= 2 * 8  # the record describes its dates, codes, flags and headline
    assert components["EventOut"]["properties"]["date"]["description"] == "ISO date YYYY-MM-DD"


@pytest.mark.parametrize(
    ("model", "record", "own"),
    [
        (EventOut, EventRecord, set(EVENT_ADDITIONS)),
        (EventDetailOut, EventRecord, {*EVENT_ADDITIONS, "mentions"}),
        (MentionRef, MentionDetail, set()),
        (PlaceOut, Place, set()),
        (TimexOut, TimeExpression, set()),
        (ArticleOut, StoredArticle, {"places", "timexes", "mentions"}),
        (ArticlePageOut, ArticlePage, {"articles"}),
        (EventPageOut, EventPage, {"events"}),
    ],
)
def test_each_model_takes_its_fields_types_from_its_record(
    model: type[BaseModel], record: type[Any], own: set[str]
) -> None:
    """Every field a model shares with its record has the record's type; the others are
    the model's own (a nested record under the API's name, or a count)."""
    hints = get_type_hints(record)
    shared = [name for name in model.model_fields if name not in own]
    assert shared, model
    for name in shared:
        assert name in hints, (model.__name__, name)
        assert model.model_fields[name].annotation == hints[name], (model.__name__, name)
    assert own <= set(model.model_fields)


def test_a_place_and_a_time_expression_show_the_records_fields_in_order(
    components: dict[str, Any],
) -> None:
    for name, record in (("PlaceOut", Place), ("TimexOut", TimeExpression)):
        shown = list(components[name]["properties"])
        order = [f.name for f in fields(record)]
        assert shown == [n for n in order if n in shown], name
    precision = components["PlaceOut"]["properties"]["precision"]["anyOf"][0]["$ref"]
    assert components[precision.rsplit("/", 1)[1]]["enum"] == [
        "point", "admin2", "admin1", "region", "country",
    ]  # fmt: skip


def test_a_model_of_fields_a_record_lacks_is_refused() -> None:
    with pytest.raises(TypeError, match="Place has no field nowhere"):
        record_model(Place, "text nowhere")
    with pytest.raises(TypeError, match="a type for name, not shown"):
        record_model(Place, "text start end", name=int)


def test_the_event_record_row_is_its_fields_in_order(db_path: Path) -> None:
    with Store(db_path, create=False) as store:
        stored = store.event(1)
    assert stored is not None
    row = event_record(stored).to_dict()
    assert tuple(row) == EVENT_RECORD_FIELDS
    assert isinstance(row["contexts"], list) and isinstance(row["flags"], list)
    assert json.loads(json.dumps(row)) == row
