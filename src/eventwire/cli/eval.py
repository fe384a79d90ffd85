"""``eventwire eval``: measure the coder against gold files (formats in the README of
the evaluation data). Kept apart from ``cli/main.py`` so the main commands stay short."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NoReturn

import click

from eventwire.errors import EventwireError, InputError
from eventwire.evaluate.split import Part

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


def _part(name: str) -> Part:
    return "work" if name == "work" else "set-aside" if name == "set-aside" else "all"


stages_option = click.option(
    "--stages",
    type=click.Choice(["coding", "all"]),
    default="coding",
    show_default=True,
    help="Run only the event-coding stages, or every default stage, as `eventwire ingest` "
    "runs them (places, dates, actor countries from the scene, incidents).",
)


@eval_group.command("events")
@gold_option
@limit_option
@click.option("--step", default=1, show_default=True, help="NGEC: score every K-th story.")
@click.option(
    "--part",
    type=click.Choice(["work", "set-aside", "all"]),
    default="all",
    show_default=True,
    help="Which part of the file (split rule: evaluate/split.py; the detector was trained "
    "on the work part).",
)
@stages_option
def eval_events(gold: Path, limit: int | None, step: int, part: str, stages: str) -> None:
    """Event types, modes, actors, casualties and calibration."""
    from eventwire.evaluate import events
    from eventwire.evaluate.report import format_report

    chosen = _part(part)
    where = f"{gold} (part: {part}, stages: {stages})"
    coder = events.pipeline_coder(whole=stages == "all")
    try:
        kind = event_gold_kind(gold)
        if kind == "plover":
            scores = events.evaluate_plover_gsr(gold, limit=limit, part=chosen, coder=coder)
            section = scores.section(f"PLOVER GSR: {where}")
        elif kind == "ngec":
            ngec = events.evaluate_ngec(gold, limit=limit, step=step, part=chosen, coder=coder)
            section = ngec.section(f"NGEC: {where}")
        else:
            spans = events.evaluate_actor_spans(gold, limit=limit, part=chosen, coder=coder)
            section = spans.section(f"actor spans: {where}")
    except EventwireError as exc:
        _fail(exc)
    click.echo(format_report("eventwire eval events", [section]))


@eval_group.command("places")
@gold_option
@limit_option
@click.option(
    "--lowercase",
    is_flag=True,
    help="Lower-case every article first, as some sources and archives print their text.",
)
def eval_places(gold: Path, limit: int | None, lowercase: bool) -> None:
    """Toponym recognition and resolution (TR-News format), with the population baseline."""
    from eventwire.evaluate.geo import evaluate_geo, format_scores

    try:
        click.echo(format_scores(evaluate_geo(gold, limit=limit, lowercase=lowercase)))
    except EventwireError as exc:
        _fail(exc)


@eval_group.command("segmentation")
@click.option(
    "--gold",
    "gold",
    required=True,
    type=click.Path(exists=True, path_type=Path),
    help="A dump with <<<article>>> lines before each article, or a folder of them "
    "(e.g. tests/data/segmentation/).",
)
def eval_segmentation(gold: Path) -> None:
    """Article boundaries found in raw dumps: boundary precision and recall."""
    from eventwire.evaluate.segmentation import evaluate_segmentation

    try:
        click.echo(evaluate_segmentation(gold).summary())
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


@eval_group.command("casualties")
@gold_option
@limit_option
@click.option(
    "--part",
    type=click.Choice(["work", "set-aside", "all"]),
    default="work",
    show_default=True,
    help="Which records: the work part, the set-aside part (split by incident), or all.",
)
@click.option("--details", is_flag=True, help="Also print the per-article table.")
@click.option(
    "--misses",
    is_flag=True,
    help="Also list the articles with a wrong figure, day or place (work part only).",
)
def eval_casualties(gold: Path, limit: int | None, part: str, details: bool, misses: bool) -> None:
    """An article's main event: killed, injured, date and place (Gun Violence Corpus)."""
    from dataclasses import replace

    from eventwire.evaluate.casualties import evaluate_casualties
    from eventwire.evaluate.report import format_report

    if misses and part != "work":
        _fail(InputError(part, "--misses lists the work part only"))
    try:
        scores = evaluate_casualties(gold, part=part, limit=limit)
    except EventwireError as exc:
        _fail(exc)
    section = scores.section(f"casualties: {gold}")
    if not details:
        section = replace(section, tables=())
    if misses:
        section = replace(section, tables=(*section.tables, scores.misses()))
    click.echo(format_report("eventwire eval casualties", [section]))


part_option = click.option(
    "--part",
    type=click.Choice(["work", "set-aside", "all"]),
    default="set-aside",
    show_default=True,
    help="Which part of the DEV file to score (split rule: evaluate/split.py).",
)


@eval_group.command("police")
@gold_option
@part_option
@limit_option
@stages_option
@click.option("--step", default=1, show_default=True, help="Score every K-th article.")
@click.option(
    "--show",
    type=click.Choice(["misses", "false", "both"]),
    default=None,
    help="Also list the wrong sentences with the events coded in them (WORK part only).",
)
def eval_police(
    gold: Path, part: str, limit: int | None, stages: str, step: int, show: str | None
) -> None:
    """Police KILL and ARREST sentences (IndiaPoliceEvents; give the sents or docs file,
    the other is read from the same folder)."""
    from eventwire.evaluate.events import pipeline_coder
    from eventwire.evaluate.news import evaluate_police
    from eventwire.evaluate.report import format_report

    folder = gold.parent
    sents = gold if "sents" in gold.name else folder / gold.name.replace("docs", "sents")
    docs = gold if "docs" in gold.name else folder / gold.name.replace("sents", "docs")
    try:
        for path in (sents, docs):
            if not path.is_file():
                raise InputError(str(path), "IndiaPoliceEvents file not found next to --gold")
        if show is not None and part != "work":
            raise InputError("--show", "wrong sentences are listed for --part work only")
        scores = evaluate_police(
            sents,
            docs,
            part=_part(part),
            limit=limit,
            step=step,
            errors=show is not None,
            coder=pipeline_coder(whole=stages == "all"),
        )
    except EventwireError as exc:
        _fail(exc)
    section = scores.section(f"police: {docs} (stages: {stages})")
    click.echo(format_report("eventwire eval police", [section]))
    kinds = {"misses": ("miss",), "false": ("false",), "both": ("miss", "false")}
    for error in scores.errors:
        if show is None or error.kind not in kinds[show]:
            continue
        click.echo(f"\n[{error.label} {error.kind}] {error.sentence_id}: {error.text}")
        for line in error.events:
            click.echo(f"    {line}")


@eval_group.command("acled")
@gold_option
@part_option
@limit_option
@stages_option
@click.option(
    "--misses",
    is_flag=True,
    help="List the snippets scored wrong, by ACLED type, with every coded event (WORK "
    "part only: the set-aside part is for scores).",
)
def eval_acled(gold: Path, part: str, limit: int | None, stages: str, misses: bool) -> None:
    """CASE 2021 ACLED snippets: protest F1, PLOVER type top-1 by ACLED type, disasters."""
    from eventwire.evaluate.events import pipeline_coder
    from eventwire.evaluate.news import evaluate_acled
    from eventwire.evaluate.report import format_report

    if misses and part != "work":
        raise click.UsageError("--misses lists the WORK part only: add --part work")
    try:
        scores = evaluate_acled(
            gold,
            part=_part(part),
            limit=limit,
            keep_misses=misses,
            coder=pipeline_coder(whole=stages == "all"),
        )
    except EventwireError as exc:
        _fail(exc)
    sections = [scores.section(f"ACLED snippets: {gold} (stages: {stages})")]
    if misses:
        sections.append(scores.misses_section())
    click.echo(format_report("eventwire eval acled", sections))
