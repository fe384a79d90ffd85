"""The command line: ingest (with bad input), events, show, demo."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main

DUMP = """Troops Clash With Rebels Near Border Town

Soldiers patrol a road near Goma, Democratic Republic of Congo, Tuesday, May 7, 2024. (Photo Desk)
Soldiers patrol a road near Goma, Democratic Republic of Congo, Tuesday, May 7, 2024. (Photo Desk)
TT

Troops Clash With Rebels Near Border Town

Soldiers patrol a road near Goma, Democratic Republic of Congo, Tuesday, May 7, 2024. (Photo Desk)
Soldiers patrol a road near Goma, Democratic Republic of Congo, Tuesday, May 7, 2024. (Photo Desk)

Rebels attacked an army post near Goma on Tuesday, killing two soldiers, the army said.

Police arrested five suspects in the city later that day.
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def dump_file(tmp_path: Path) -> Path:
    path = tmp_path / "news" / "congo.txt"
    path.parent.mkdir()
    path.write_text(DUMP, encoding="utf-8")
    return path


def _events_json(runner: CliRunner, db: Path, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(main, ["events", "--db", str(db), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert isinstance(data, list)
    return data


def test_ingest_is_idempotent(runner: CliRunner, dump_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "ew.db"
    first = runner.invoke(main, ["ingest", "--quiet", "--db", str(db), str(dump_file.parent)])
    assert first.exit_code == 0, first.output
    assert "1 articles (1 new" in first.output
    n_events = len(_events_json(runner, db, "--all"))
    assert n_events >= 2
    second = runner.invoke(main, ["ingest", "--quiet", "--db", str(db), str(dump_file)])
    assert second.exit_code == 0
    assert "(0 new, 1 already stored)" in second.output
    assert len(_events_json(runner, db, "--all")) == n_events


def test_filters_and_formats(runner: CliRunner, dump_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "ew.db"
    runner.invoke(main, ["ingest", "--quiet", "--db", str(db), str(dump_file)])
    assaults = _events_json(runner, db, "--type", "assault")
    assert assaults and all(e["type"] == "ASSAULT" for e in assaults)
    assert assaults[0]["dead"] == 2
    assert assaults[0]["date"] == "2024-05-07"
    assert _events_json(runner, db, "--since", "2030-01-01") == []
    assert _events_json(runner, db, "--query", "suspects")
    result = runner.invoke(main, ["events", "--db", str(db), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {r["type"] for r in rows} >= {"ASSAULT", "COERCE"}
    table = runner.invoke(main, ["events", "--db", str(db)])
    assert "ASSAULT" in table.output


def test_show_highlights_the_sentence(runner: CliRunner, dump_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "ew.db"
    runner.invoke(main, ["ingest", "--quiet", "--db", str(db), str(dump_file)])
    event_id = _events_json(runner, db, "--type", "COERCE")[0]["id"]
    result = runner.invoke(main, ["show", str(event_id), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert ">>> Police arrested five suspects" in result.output
    assert "Troops Clash With Rebels Near Border Town" in result.output
    missing = runner.invoke(main, ["show", "999999", "--db", str(db)])
    assert missing.exit_code == 1


def test_bad_inputs_are_reported_and_skipped(
    runner: CliRunner, dump_file: Path, tmp_path: Path
) -> None:
    db = tmp_path / "ew.db"
    runner.invoke(main, ["ingest", "--quiet", "--db", str(db), str(dump_file)])
    before = len(_events_json(runner, db, "--all"))
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (bad / "latin1.txt").write_bytes("Caf\xe9 owners protested.".encode("latin-1"))
    (bad / "good.txt").write_text("Farmers protested in Lyon on Monday.", encoding="utf-8")
    result = runner.invoke(
        main, ["ingest", "--quiet", "--db", str(db), str(bad), str(tmp_path / "nope.txt")]
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("eventwire:")]
    assert any("empty.txt: empty file" in line for line in errors)
    assert any("binary.txt: binary file" in line for line in errors)
    assert any("latin1.txt: not UTF-8" in line for line in errors)
    assert any("nope.txt: no such file" in line for line in errors)
    assert "skipped 4" in result.stdout
    after = _events_json(runner, db, "--all")
    assert len(after) > before  # the good file was stored and nothing was lost
    assert any(e["type"] == "PROTEST" for e in after)


def test_events_without_database(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no such database" in result.stderr


def test_demo_lists_sample_events(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = runner.invoke(main, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "ASSAULT" in result.output
    again = runner.invoke(main, ["demo", "--db", str(db)])
    assert "0 new" in again.output


def test_eval_dates_on_a_small_gold_file(runner: CliRunner, tmp_path: Path) -> None:
    text = "Ministers met on Tuesday and will meet again in two weeks."
    record = {
        "id": "d1",
        "dct": "2021-06-10",
        "title": "t",
        "text": text,
        "timexes": [
            {"tid": "t1", "text": "Tuesday", "start": 17, "end": 24, "type": "DATE",
             "value": "2021-06-08", "mod": None, "anchor_time_id": None,
             "temporal_function": None},
            {"tid": "t2", "text": "two weeks", "start": 48, "end": 57, "type": "DURATION",
             "value": "P2W", "mod": None, "anchor_time_id": None, "temporal_function": None},
        ],
    }  # fmt: skip
    assert text[17:24] == "Tuesday" and text[48:57] == "two weeks"
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["eval", "dates", "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    assert "value  accuracy 1.000" in result.output


def test_eval_events_refuses_an_unknown_format(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "other.jsonl"
    gold.write_text('{"something": 1}\n', encoding="utf-8")
    result = runner.invoke(main, ["eval", "events", "--gold", str(gold)])
    assert result.exit_code == 2
    assert "not a PLOVER GSR, NGEC or ConfliBERT spans file" in result.stderr


def test_read_only_commands_do_not_create_a_database(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "typo.db"
    result = runner.invoke(main, ["show", "1", "--db", str(db)])
    assert result.exit_code == 2
    assert "no such database" in result.stderr
    assert not db.exists()
    bad_limit = runner.invoke(main, ["events", "--db", str(db), "--limit", "-1"])
    assert bad_limit.exit_code == 2 and "Traceback" not in bad_limit.output


def test_folder_reports_files_it_does_not_read(
    runner: CliRunner, dump_file: Path, tmp_path: Path
) -> None:
    (dump_file.parent / "slides.pdf").write_bytes(b"%PDF-1.4 not read")
    (dump_file.parent / "LICENSE").write_text("All rights reserved.", encoding="utf-8")
    result = runner.invoke(
        main, ["ingest", "--quiet", "--db", str(tmp_path / "e.db"), str(dump_file.parent)]
    )
    assert result.exit_code == 0, result.output
    assert "left out 2 files of formats not read" in result.stderr
    assert "1 inputs, 1 articles" in result.stdout


def test_eval_with_a_broken_gold_file_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "broken.jsonl"
    gold.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(main, ["eval", "events", "--gold", str(gold)])
    assert result.exit_code == 2
    assert result.stderr.startswith("eventwire:") and "not JSON Lines" in result.stderr


def test_workers_and_scheduler_are_exclusive(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        main, ["ingest", "--workers", "2", "--scheduler", "local:2", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "--workers and --scheduler" in result.stderr


def test_events_the_headline_reports(runner: CliRunner, dump_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "ew.db"
    runner.invoke(main, ["ingest", "--quiet", "--db", str(db), str(dump_file)])
    headline = _events_json(runner, db, "--headline")
    assert headline and all(e["headline"] for e in headline)
    assert {e["type"] for e in headline} == {"ASSAULT"}  # "Troops Clash With Rebels ..."
    assert len(_events_json(runner, db)) > len(headline)


def test_eval_events_stages_all_runs_every_default_stage(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.evaluate import events

    asked: list[bool] = []

    def coder(whole: bool = False) -> events.Coder:
        asked.append(whole)
        return lambda raw: []

    monkeypatch.setattr(events, "pipeline_coder", coder)
    record = {
        "id": "own-1", "text": "Troops shelled the town.", "event": "ASSAULT", "mode": None,
        "source_actors": [], "target_actors": [], "source_code": [], "target_code": [],
    }  # fmt: skip
    gold = tmp_path / "plover.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    for stages, whole in (("all", True), ("coding", False)):
        result = runner.invoke(main, ["eval", "events", "--gold", str(gold), "--stages", stages])
        assert result.exit_code == 0, result.output
        assert f"stages: {stages}" in result.output
        assert asked[-1] is whole
