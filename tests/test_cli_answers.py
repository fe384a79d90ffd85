"""Answers that used to be silent: an unreadable folder, an unknown event type, a
country given as an alpha-2 code or a name, and more events than ``events`` shows."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.model import Actor, Document, Event
from eventwire.store import Store


def _folder_with_a_locked_subfolder(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "news"
    locked = folder / "locked"
    locked.mkdir(parents=True)
    (locked / "hidden.txt").write_text("Police arrested two men in Accra.", encoding="utf-8")
    (folder / "good.txt").write_text("Farmers protested in Lyon on Monday.", encoding="utf-8")
    return folder, locked


def _check_locked_report(result: Any, locked: Path) -> None:
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("eventwire:")]
    assert errors == [f"eventwire: {locked}: cannot read: Permission denied"]
    assert "1 inputs, 1 articles" in result.stdout and "skipped 1 (1 cannot read)" in result.stdout


def test_a_folder_that_cannot_be_listed_is_one_line_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, locked = _folder_with_a_locked_subfolder(tmp_path)
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Iterator[os.DirEntry[str]]:
        if Path(path) == locked:  # what chmod 000 does to anyone but root
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = CliRunner().invoke(
        main,
        ["ingest", "--quiet", "--stages", "clean", "--db", str(tmp_path / "x.db"), str(folder)],
    )
    _check_locked_report(result, locked)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads chmod 000")
def test_a_chmod_000_folder_is_one_line_and_exit_1(tmp_path: Path) -> None:
    folder, locked = _folder_with_a_locked_subfolder(tmp_path)
    locked.chmod(0)
    try:
        result = CliRunner().invoke(
            main,
            ["ingest", "--quiet", "--stages", "clean", "--db", str(tmp_path / "x.db"), str(folder)],
        )
    finally:
        locked.chmod(0o755)
    _check_locked_report(result, locked)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with 7 assault events between Russian and Ukrainian actors."""
    path = tmp_path / "events.db"
    with Store(path) as store:
        for n in range(7):
            text = f"Troops shelled village number {n} on Monday."
            event = Event(
                type="ASSAULT",
                sentence=text,
                start=0,
                end=len(text),
                trigger="shelled",
                actor=Actor(text="Troops", country="RUS", sector="MIL", start=0, end=6),
                recipient=Actor(text=f"village number {n}", country="UKR", sector="CVL"),
            )
            store.add_document(Document(text=text, origin=f"t{n}", events=[event]))
    return path


def test_unknown_event_type_lists_the_valid_ones(db: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--db", str(db), "--type", "BOGUS"])
    assert result.exit_code == 2
    assert "unknown event type 'BOGUS'" in result.stderr
    assert "ASSAULT" in result.stderr and "PROTEST" in result.stderr


@pytest.mark.parametrize("given", ["RU", "ru", "Russia", "RUS"])
def test_country_as_alpha2_or_name_says_which_code_was_used(db: Path, given: str) -> None:
    result = CliRunner().invoke(
        main, ["events", "--db", str(db), "--country", given, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.count('"type": "ASSAULT"') == 7
    if given != "RUS":
        assert f"--country {given}: using RUS (Russia)" in result.stderr


def test_unknown_country_is_refused(db: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--db", str(db), "--country", "Atlantis"])
    assert result.exit_code == 2
    assert "'Atlantis' is not a country code" in result.stderr


def test_events_says_when_more_exist_than_shown(db: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--db", str(db), "--limit", "3"])
    assert result.exit_code == 0
    assert "showing 3 of 7 events; use --limit 7" in result.stderr
    everything = CliRunner().invoke(main, ["events", "--db", str(db), "--limit", "7"])
    assert "showing" not in everything.stderr
