"""Plain-text reports of evaluation figures, shared by every evaluation.

An evaluation describes its results as ``Section``s: named headline figures (the names
are stable keys, e.g. for a file of CI floors) and optional tables. This module only
lays them out::

    == PLOVER gold-standard records (plover_gsr.jsonl)
    plover.micro_f1          0.512
    plover.sentences         316

    per type
    type     gold  P      R
    ASSAULT  32    0.700  0.656
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Value = str | float | int | None
Figure = tuple[str, float | int]

_MISSING = "-"


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of values under named columns; the first column is usually a label."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]


@dataclass(frozen=True, slots=True)
class Section:
    """The results of one evaluation on one gold file."""

    title: str
    figures: tuple[Figure, ...]
    tables: tuple[Table, ...] = ()
    notes: tuple[str, ...] = ()


def format_value(value: Value) -> str:
    """Integers as they are, fractions with three decimals, None as a dash."""
    if value is None:
        return _MISSING
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def format_figures(figures: Sequence[Figure]) -> str:
    if not figures:
        return ""
    width = max(len(name) for name, _ in figures)
    return "\n".join(f"{name:<{width}}  {format_value(value)}" for name, value in figures)


def format_table(table: Table) -> str:
    cells = [list(table.columns)] + [[format_value(v) for v in row] for row in table.rows]
    widths = [max(len(row[i]) for row in cells if i < len(row)) for i in range(len(table.columns))]
    lines = [table.title] if table.title else []
    for row in cells:
        padded = [cell.ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines)


def format_section(section: Section) -> str:
    parts = [f"== {section.title}"]
    if section.figures:
        parts.append(format_figures(section.figures))
    parts.extend(format_table(table) for table in section.tables)
    parts.extend(section.notes)
    return "\n\n".join(parts)


def format_report(title: str, sections: Sequence[Section], *, command: str | None = None) -> str:
    """The whole report: a title, the command that produced it, then each section."""
    head = [title, "=" * len(title)]
    if command is not None:
        head.append(f"command: {command}")
    return "\n\n".join(["\n".join(head), *(format_section(s) for s in sections)]) + "\n"
