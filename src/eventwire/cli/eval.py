"""``eventwire eval``: measure the coder against gold files (formats in the README of
the evaluation data). Kept apart from ``cli/main.py`` so the main commands stay short."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NoReturn

import click

from eventwire.errors import EventwireError, InputError

gold_option = click.option(
    "--gold",
    "gold",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Gold file (JSON Lines).",
)
limit_option = click.option("--limit", type=int, help="Score only the first N records.")


def _fail(exc: EventwireError) -> NoReturn:
    click.echo(f"eventwire: {exc}", err=True)
    raise SystemExit(2) from exc


def _first_record(path: Path) -> dict[str, object]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(str(path), f"not JSON Lines: {exc}") from exc
                if isinstance(record, dict):
                    return record
                break
    raise InputError(str(path), "no JSON object on the first line")


def event_gold_kind(path: Path) -> str:
    """Which event gold format a file is in: plover, ngec or spans."""
    record = _first_record(path)
    if "tags" in record and "tokens" in record:
        return "spans"
    if "title_template" in record or "prompt" in record:
        return "ngec"
    if "event" in record and "source_actors" in record:
        return "plover"
    raise InputError(str(path), "not a PLOVER GSR, NGEC or ConfliBERT spans file")


@click.group("eval")
def eval_group() -> None:
    """Measure accuracy against gold annotations."""


@eval_group.command("events")
@gold_option
@limit_option
@click.option("--step", default=1, show_default=True, help="NGEC: score every K-th story.")
def eval_events(gold: Path, limit: int | None, step: int) -> None:
    """Event types, modes, actors, casualties and calibration."""
    from eventwire.evaluate import events
    from eventwire.evaluate.report import format_report

    try:
        kind = event_gold_kind(gold)
        if kind == "plover":
            scores = events.evaluate_plover_gsr(gold, limit=limit)
            section = scores.section(f"PLOVER GSR: {gold}")
        elif kind == "ngec":
            section = events.evaluate_ngec(gold, limit=limit, step=step).section(f"NGEC: {gold}")
        else:
            spans = events.evaluate_actor_spans(gold, limit=limit)
            section = spans.section(f"actor spans: {gold}")
    except EventwireError as exc:
        _fail(exc)
    click.echo(format_report("eventwire eval events", [section]))


@eval_group.command("places")
@gold_option
@limit_option
def eval_places(gold: Path, limit: int | None) -> None:
    """Toponym recognition and resolution (TR-News format), with the population baseline."""
    from eventwire.evaluate.geo import evaluate_geo, format_scores

    try:
        click.echo(format_scores(evaluate_geo(gold, limit=limit)))
    except EventwireError as exc:
        _fail(exc)


@eval_group.command("dates")
@gold_option
def eval_dates(gold: Path) -> None:
    """TIMEX3 recognition and normalisation (TempEval-3 format)."""
    from eventwire.evaluate.timex import evaluate_timex

    try:
        click.echo(evaluate_timex(gold).summary())
    except EventwireError as exc:
        _fail(exc)


@eval_group.command("merging")
@gold_option
@click.option(
    "--no-merge", is_flag=True, help="Store every coded event apart (the baseline to compare)."
)
def eval_merging(gold: Path, no_merge: bool) -> None:
    """Cross-article event merging and near-duplicate links (the project's merge set)."""
    from eventwire.evaluate.merging import evaluate_merging
    from eventwire.evaluate.report import format_report

    try:
        scores = evaluate_merging(gold, merge_events=not no_merge)
    except EventwireError as exc:
        _fail(exc)
    click.echo(format_report("eventwire eval merging", [scores.section(f"merging: {gold}")]))


@eval_group.command("audit")
@gold_option
@click.option(
    "--judgments",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The audit file (tests/data/audit/trnews_audit.jsonl).",
)
@click.option(
    "--todo",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the events still to judge, with their sentences, to this file.",
)
def eval_audit(gold: Path, judgments: Path, todo: Path | None) -> None:
    """An analyst's audit: the share of listed factual events judged right."""
    from eventwire.evaluate.audit import score_audit, write_todo

    try:
        scores = score_audit(gold, judgments)
    except EventwireError as exc:
        _fail(exc)
    click.echo(scores.summary())
    if todo is not None:
        write_todo(scores, todo)
        click.echo(f"{len(scores.todo)} events to judge written to {todo}")
