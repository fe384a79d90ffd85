"""Attacks on a live ``eventwire serve`` (issue 14, items 1-6), replayed against a
subprocess on 127.0.0.1: a free port, a temporary store holding one article posted
through the API, an ingest token.

Every answer must be JSON, come within its time budget, and hold nothing it should
not: no file of the server's machine, no page of a local service. Then the server must
stop within seconds of SIGTERM, and a second server on a busy port must fail with one
line. Only 127.0.0.1 is ever contacted; private and metadata addresses are given to the
server, which must refuse them before connecting (an answer well within the time a
connection attempt to an unrouted address takes).
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

import eventwire
from eventwire.store import Store
from sources_server import NewsServer, Reply

TOKEN = "attack-suite-token-0123456789"
BUDGET = 5.0  # seconds any answer may take (the server's --time-limit is 2 s)
START_TIMEOUT = 60.0
ARTICLE = (
    "Harbour workers strike in Port Averly\n\n"
    "Dock workers in Port Averly walked off the job on Monday, the harbour authority "
    "said. Police arrested three union leaders near the main gate, and the port's "
    "owners asked the labour ministry to mediate. " * 3
)
SECRET = b"<html><body><p>internal-only-secret-7f3a</p></body></html>"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: Any  # the decoded JSON
    seconds: float


def _env() -> dict[str, str]:
    src = str(Path(eventwire.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    env.pop("EVENTWIRE_INGEST_TOKEN", None)
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve_command(db: Path, port: int, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from eventwire.cli import main; main()",
        "serve",
        "--db",
        str(db),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        *extra,
    ]


class LiveServer:
    """``eventwire serve`` in a subprocess; ``request`` checks every answer's budget
    and that it is JSON."""

    def __init__(self, db: Path, *extra: str) -> None:
        self.port = _free_port()
        self.process = subprocess.Popen(
            _serve_command(db, self.port, *extra),
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.process.poll() is not None:
                out, err = self.process.communicate()
                raise RuntimeError(f"eventwire serve exited: {out}\n{err}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("eventwire serve did not start") from None
                time.sleep(0.1)
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=BUDGET * 4)

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        budget: float = BUDGET,
    ) -> Answer:
        sent = dict(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            sent.setdefault("Content-Type", "application/json")
        started = time.monotonic()
        # The socket waits as long as the answer's budget allows (the first ingest loads
        # the models: its budget is longer than the connection's default timeout).
        self.connection.timeout = max(budget, BUDGET) * 4
        if self.connection.sock is not None:
            self.connection.sock.settimeout(self.connection.timeout)
        try:
            self.connection.request(method, path, body=data, headers=sent)
            response = self.connection.getresponse()
        except (ConnectionError, http.client.HTTPException):
            # A dropped keep-alive connection is a failure of its own, not a retry.
            pytest.fail(f"{method} {path[:80]}: the server dropped the connection")
        raw = response.read()
        seconds = time.monotonic() - started
        answer_headers = {k.lower(): v for k, v in response.getheaders()}
        assert seconds < budget, f"{method} {path[:80]} took {seconds:.1f} s"
        kind = answer_headers.get("content-type", "")
        assert kind.startswith("application/json"), f"{method} {path[:80]}: {kind}: {raw[:200]!r}"
        return Answer(response.status, answer_headers, json.loads(raw), seconds)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    db = tmp_path_factory.mktemp("attacks") / "events.db"
    Store(db).close()
    live = LiveServer(db, "--ingest-token", TOKEN, "--time-limit", "2")
    try:
        posted = live.request(
            "POST", "/ingest", {"text": ARTICLE, "title": "Harbour strike"}, _auth(), 120
        )
        assert posted.status == 200, posted.body
        yield live
    finally:
        live.stop()


def _auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def _articles(server: LiveServer) -> int:
    return int(server.request("GET", "/health").body["articles"])


# --- 1. local files --------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/etc/passwd",
        "../../../../etc/os-release",
        "file:///etc/passwd",
        "file://localhost/etc/hostname",
        "/proc/self/environ",
    ],
)
def test_ingest_reads_no_file_of_the_server(server: LiveServer, url: str) -> None:
    before = _articles(server)
    answer = server.request("POST", "/ingest", {"url": url}, _auth())
    assert answer.status == 422, answer.body
    assert "http" in answer.body["detail"]
    assert _articles(server) == before
    for word in ("root", "bash", "PRETTY_NAME", "VERSION_ID", "localhost"):
        found = server.request("GET", f"/search?q={word}").body["hits"]
        assert found == [], (word, found)
        listed = server.request("GET", f"/articles?q={word}").body["articles"]
        assert listed == [], (word, listed)


# --- 2. server-side request forgery ----------------------------------------------------


def test_ingest_fetches_nothing_local_or_private(server: LiveServer) -> None:
    before = _articles(server)
    with NewsServer() as local:
        local.route("/robots.txt", Reply(status=404))
        local.route("/secret.html", Reply(body=SECRET))
        port = local.url("/").split(":")[2].split("/")[0]
        urls = [
            local.url("/secret.html"),
            f"http://localhost:{port}/secret.html",
            f"http://[::1]:{port}/secret.html",
            f"http://2130706433:{port}/secret.html",
            f"http://127.1:{port}/secret.html",
            f"http://0.0.0.0:{port}/secret.html",
            f"http://127.0.0.1:{server.port}/health",
            "http://169.254.169.254/latest/meta-data/",
            "http://[fd00:ec2::254]/latest/meta-data/",
            "http://10.0.0.1/",
            "http://192.168.1.1/",
            "http://100.100.100.200/latest/meta-data/",
        ]
        for url in urls:
            answer = server.request("POST", "/ingest", {"url": url}, _auth(), budget=2.0)
            assert answer.status == 422, (url, answer.body)
            assert "public" in answer.body["detail"], (url, answer.body)
        assert local.requests == [], "the server fetched from this machine"
    assert _articles(server) == before
    assert server.request("GET", "/search?q=internal").body["hits"] == []


# --- 3. expensive text queries ---------------------------------------------------------


def test_long_and_repetitive_queries_are_cheap(server: LiveServer) -> None:
    repeated = quote("the " * 3000)
    for path in (f"/search?q={repeated}", f"/events?q={repeated}", f"/articles?q={repeated}"):
        answer = server.request("GET", path, budget=2.0)
        assert answer.status == 422 and "q" in answer.body["detail"], answer.body
    many = quote(" ".join(f"word{i}" for i in range(60)))
    answer = server.request("GET", f"/search?q={many}", budget=2.0)
    assert answer.status == 422 and "20" in answer.body["detail"], answer.body
    # A repeated word is one word: within the limits, and it finds the article.
    workers = quote(" ".join(["workers"] * 60))
    found = server.request("GET", f"/search?q={workers}", budget=2.0).body["hits"]
    assert len(found) == 1
    # The most words allowed, all in the article: matched and snippeted at once.
    words = "dock workers port averly walked off the job on monday harbour authority said "
    words += "police arrested three union leaders near gate"
    assert len(set(words.split())) == 20
    found = server.request("GET", f"/search?q={quote(words)}", budget=2.0).body["hits"]
    assert len(found) == 1 and found[0]["snippet"]


# --- 4. numbers out of range -----------------------------------------------------------


def test_numbers_out_of_range_are_422_on_a_kept_connection(server: LiveServer) -> None:
    for path in (
        "/events/99999999999999999999999",
        "/articles/99999999999999999999",
        "/stats?limit=100000000000000000000",
        "/events?limit=100000000000000000000",
        "/articles?limit=-99999999999999999999",
        "/events/-1",
        "/events?radius_km=1e400&near=1,1",
        "/events?min_confidence=nan",
    ):
        answer = server.request("GET", path)  # one connection: a drop fails the test
        assert answer.status == 422, (path, answer.body)
        assert answer.body["detail"], path
    schema = server.request("GET", "/openapi.json").body
    for path, item in schema["paths"].items():
        for parameter in item.get("get", {}).get("parameters", []):
            if parameter["name"] == "limit":
                assert "maximum" in parameter["schema"] or any(
                    "maximum" in option for option in parameter["schema"].get("anyOf", [])
                ), path


# --- 5. dates --------------------------------------------------------------------------


def test_dates_are_calendar_dates(server: LiveServer) -> None:
    unix = server.request("GET", "/events?since=1717200000")
    assert unix.status == 422 and "Unix time" in unix.body["detail"], unix.body
    compact = server.request("GET", "/events/count?since=20240601")
    iso = server.request("GET", "/events/count?since=2024-06-01")
    assert compact.status == iso.status == 200
    assert compact.body == iso.body
    bad = server.request("GET", "/events/count?until=20241340")
    assert bad.status == 422 and "calendar date" in bad.body["detail"], bad.body


# --- 6. hosts, headers, the token in OpenAPI -------------------------------------------


def test_other_hosts_are_refused_and_headers_are_sent(server: LiveServer) -> None:
    for host in ("evil.example", "127.0.0.1.evil.example", "localhost.evil.example", ""):
        answer = server.request("GET", "/health", headers={"Host": host})
        assert answer.status == 400, (host, answer.body)
        assert "host" in answer.body["detail"]
    for host in (f"127.0.0.1:{server.port}", f"localhost:{server.port}", "LOCALHOST"):
        assert server.request("GET", "/health", headers={"Host": host}).status == 200, host
    for path in ("/health", "/events", "/nothing-here", "/openapi.json"):
        headers = server.request("GET", path).headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "no-referrer", path
    schemes = server.request("GET", "/openapi.json").body["components"]["securitySchemes"]
    assert [s["scheme"] for s in schemes.values()] == ["bearer"]


# --- shutdown, busy port ---------------------------------------------------------------


def test_sigterm_stops_the_server_within_seconds(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    Store(db).close()
    live = LiveServer(db)
    try:
        assert live.request("GET", "/health").status == 200  # a kept-alive connection
        idle = socket.create_connection(("127.0.0.1", live.port))
        idle.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
        time.sleep(0.3)
        started = time.monotonic()
        live.process.send_signal(signal.SIGTERM)
        code = live.process.wait(timeout=15)
        seconds = time.monotonic() - started
        idle.close()
    finally:
        live.stop()
    assert code in (0, -signal.SIGTERM)  # uvicorn ends by re-raising the signal it handled
    assert seconds < 8.0, f"the server took {seconds:.1f} s to stop"


def test_sigterm_stops_the_server_while_a_worker_is_busy(tmp_path: Path) -> None:
    """A worker thread coding a long upload does not keep the server alive."""
    import threading

    db = tmp_path / "events.db"
    Store(db).close()
    live = LiveServer(db, "--ingest-token", TOKEN, "--max-upload-mb", "2")
    body = json.dumps({"text": ARTICLE * 800}).encode("utf-8")  # ~0.8 MB: minutes of coding

    def post() -> None:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", live.port, timeout=60)
            connection.request(
                "POST", "/ingest", body, {**_auth(), "Content-Type": "application/json"}
            )
            connection.getresponse().read()
        except OSError:
            pass  # the server went away: that is the point

    sender = threading.Thread(target=post, daemon=True)
    try:
        sender.start()
        time.sleep(3.0)  # the upload is in, the worker is coding it
        started = time.monotonic()
        live.process.send_signal(signal.SIGTERM)
        live.process.wait(timeout=30)
        seconds = time.monotonic() - started
    finally:
        live.stop()
    assert seconds < 10.0, f"the server took {seconds:.1f} s to stop"


def test_a_busy_port_fails_with_one_line(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    Store(db).close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(
            _serve_command(db, port),
            env=_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert "serving" not in done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "in use" in lines[0] and str(port) in lines[0]
