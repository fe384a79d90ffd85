"""Property-based fuzz of every route's parameters (hypothesis): whatever a client
sends, the API answers without a 500, in JSON (except a file export and the HTML
pages), within the request's budget. Examples are bounded and derandomised, so the fuzz
takes seconds and a failure replays the same way in CI.

No traffic leaves the process: name resolution and connections are refused while the
ingest route is fuzzed.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from typing import Any
from unittest import mock
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CODING_STAGES
from eventwire.api import create_app
from test_api_data import build_store

TOKEN = "fuzz-token-0123456789abcdef"
BUDGET = 5.0
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Values that have broken APIs before: numbers past 64 bits, NaN, dates as Unix times,
# FTS5 syntax, markup, control characters, very long words.
TRICKY = [
    "", " ", "0", "-1", "1e400", "nan", "inf", "-inf", "99999999999999999999999",
    "9223372036854775808", "-9223372036854775809", "1717200000", "20240601", "2024-02-30",
    "2024-06-01", '"', "*", "NEAR(a b)", "a OR b", "col:word", "(", "\x00", "\ud7ff",
    "<script>alert(1)</script>", "../../etc/passwd", "%00", "🙂", "x" * 600,
    "a,b,c,d", "170,-20,-170,20", "0,0", "91,0", "-date", "date", "-mentions", "day,type",
    "dyad", "type,type", "csv", "parquet", "geojson", "plover", "true", "false",
]  # fmt: skip
VALUES = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
EVENT_FILTERS = (
    "type", "mode", "country", "actor_country", "recipient_country", "actor_sector",
    "recipient_sector", "since", "until", "bbox", "near", "radius_km", "q",
    "min_confidence", "include_flagged", "headline",
)  # fmt: skip
ROUTES: dict[str, tuple[str, ...]] = {
    "/events": (*EVENT_FILTERS, "sort", "limit", "cursor"),
    "/events/count": EVENT_FILTERS,
    "/stats": (*EVENT_FILTERS, "group", "limit"),
    "/export": (*EVENT_FILTERS, "format", "sort"),
    "/articles": ("q", "limit", "cursor"),
    "/search": ("q", "limit"),
    "/health": (),
}
NOT_JSON_WHEN_OK = {"/export"}


def params_for(names: tuple[str, ...]) -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({}, optional={name: VALUES for name in names})


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Iterator[TestClient]:
    path = build_store(tmp_path_factory.mktemp("fuzz") / "events.db")
    app = create_app(
        str(path), ingest_token=TOKEN, stages=CODING_STAGES, time_limit=2.0, max_upload_bytes=4000
    )
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def check(response: Any, route: str, elapsed: float) -> None:
    assert response.status_code < 500 or response.status_code == 503, (
        route,
        response.status_code,
        response.text[:300],
    )
    assert elapsed < BUDGET, (route, elapsed)
    if response.status_code == 200 and route in NOT_JSON_WHEN_OK:
        return
    assert response.headers["content-type"].startswith("application/json"), (route, response)
    body = response.json()
    if response.status_code >= 400:
        assert isinstance(body["detail"], str) and body["detail"], (route, body)


def get(client: TestClient, route: str, params: Any) -> None:
    started = time.monotonic()
    response = client.get(route, params=params)
    check(response, route, time.monotonic() - started)


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_query_parameters(client: TestClient, route: str) -> None:
    @FUZZ
    @given(params=params_for(ROUTES[route]))
    def run(params: dict[str, str]) -> None:
        get(client, route, params)

    run()


@FUZZ
@given(
    types=st.lists(VALUES, max_size=4),
    extra=params_for(("country", "since", "q")),
)
def test_repeated_type_parameters(client: TestClient, types: list[str], extra: Any) -> None:
    get(client, "/events", [*[("type", t) for t in types], *extra.items()])


@pytest.mark.parametrize("route", ["/events", "/articles"])
def test_path_ids(client: TestClient, route: str) -> None:
    @FUZZ
    @given(item=VALUES.filter(lambda v: "/" not in v and "?" not in v and "#" not in v))
    def run(item: str) -> None:
        target = f"{route}/{quote(item, safe='')}"
        started = time.monotonic()
        response = client.get(target)
        check(response, route, time.monotonic() - started)

    run()


JSON_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), VALUES,
    st.lists(st.integers(), max_size=3),
)  # fmt: skip
INGEST_BODIES = st.one_of(
    st.fixed_dictionaries(
        {},
        optional={
            name: JSON_VALUES for name in ("text", "title", "published", "url", "source", "x")
        },
    ),
    st.lists(st.integers(), max_size=3),
    VALUES,
)


def _no_network(*_args: Any, **_kwargs: Any) -> Any:
    raise socket.gaierror(socket.EAI_NONAME, "no network in the fuzz")


@FUZZ
@given(body=INGEST_BODIES, with_token=st.booleans())
def test_ingest_bodies(client: TestClient, body: Any, with_token: bool) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"} if with_token else {}
    with (
        mock.patch.object(socket, "getaddrinfo", _no_network),
        mock.patch.object(socket.socket, "connect", _no_network),
    ):
        started = time.monotonic()
        response = client.post("/ingest", json=body, headers=headers)
    check(response, "/ingest", time.monotonic() - started)
    if not with_token:
        assert response.status_code == 401


@FUZZ
@given(path=st.text(alphabet=st.characters(codec="ascii", exclude_characters="?#"), max_size=30))
def test_unknown_paths_and_methods(client: TestClient, path: str) -> None:
    for method in ("GET", "POST", "PUT", "DELETE"):
        started = time.monotonic()
        response = client.request(method, "/" + quote(path.lstrip("/"), safe="/"))
        if response.status_code == 200 and method == "GET":
            continue  # the dashboard, the docs and their files
        check(response, path, time.monotonic() - started)
