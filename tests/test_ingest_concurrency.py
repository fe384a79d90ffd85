"""Two ``eventwire ingest`` runs on one database while ``eventwire serve`` reads it:
nothing is lost, nothing is stored twice, no "database is locked"; and ``kill -9`` at
any moment leaves a database that passes ``PRAGMA integrity_check``, after which a
rerun completes without duplicates."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from dumpgen import write_dump
from eventwire.articles.segment import article_bounds
from eventwire.store import Store

SRC = Path(__file__).resolve().parents[1] / "src"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    return env


def _eventwire(*args: str) -> list[str]:
    return [sys.executable, "-c", "from eventwire.cli import main; main()", *args]


def _n_articles(path: Path) -> int:
    return len(article_bounds(path.read_text(encoding="utf-8")))


def _counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        distinct = conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0]
    return int(articles), int(distinct)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_two_writers_and_a_reader_lose_nothing(tmp_path: Path) -> None:
    shared, first, second = tmp_path / "shared.txt", tmp_path / "a.txt", tmp_path / "b.txt"
    write_dump(shared, 0, 8, paragraphs=2, tag="S")  # both runs store these: once only
    write_dump(first, 0, 10, paragraphs=2, tag="A")
    write_dump(second, 0, 10, paragraphs=2, tag="B")
    expected = sum(_n_articles(p) for p in (shared, first, second))
    db = tmp_path / "team.db"
    Store(db).close()
    port = _free_port()
    server = subprocess.Popen(
        _eventwire("serve", "--db", str(db), "--port", str(port)),
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    answers: list[int] = []
    stop = threading.Event()

    def read_while_writing() -> None:
        while not stop.is_set():
            for path in ("/stats", "/events?limit=5"):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
                        json.load(r)
                        answers.append(r.status)
                except OSError:
                    if answers:  # the server is up: a failure is an answer that is lost
                        answers.append(0)
            time.sleep(0.05)

    reader = threading.Thread(target=read_while_writing)
    reader.start()
    try:
        runs = [
            subprocess.Popen(
                _eventwire("ingest", "--quiet", "--db", str(db), str(shared), str(mine)),
                env=_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for mine in (first, second)
        ]
        outputs = [run.communicate(timeout=600) for run in runs]
    finally:
        stop.set()
        reader.join()
        server.terminate()
        server.wait(timeout=30)
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert "locked" not in err.lower() and "locked" not in out.lower()
    assert _counts(db) == (expected, expected)
    assert answers and set(answers) == {200}
    assert server.stderr is not None and "locked" not in server.stderr.read().lower()
    with Store(db) as store:
        stats = store.stats()
    assert stats.n_events > 0


def test_kill_9_leaves_a_sound_database_and_a_rerun_completes(tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    write_dump(dump, 0, 1500, paragraphs=4)
    expected = _n_articles(dump)
    db = tmp_path / "killed.db"
    command = _eventwire("ingest", "--quiet", "--stages", "clean", "--db", str(db), str(dump))
    stored = 0
    # Killed while starting (creating and migrating the database), then each time a
    # moment after it has committed more articles than were stored before.
    for wait in (None, 0.3, 0.8):
        run = subprocess.Popen(
            command, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 120
        while wait is not None and time.monotonic() < deadline and run.poll() is None:
            if _stored(db) > stored:
                time.sleep(wait)
                break
            time.sleep(0.02)
        run.send_signal(signal.SIGKILL)
        run.wait()
        if db.exists():
            with sqlite3.connect(db) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = _counts(db)[0]
    assert 0 < stored < expected, "the kills came too late (or commits do not stream)"
    rerun = subprocess.run(command, env=_env(), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{expected} articles ({expected - stored} new, {stored} already stored" in rerun.stdout
    assert _counts(db) == (expected, expected)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _stored(db: Path) -> int:
    """Articles committed so far (0 while the database is being created)."""
    if not db.exists():
        return 0
    try:
        return _counts(db)[0]
    except sqlite3.Error:
        return 0
