"""Turning stored events into rows for people: the typed flat event record
(``EventRecord``: the CLI's JSON/CSV rows, the tabular exports' columns, the API's
event), a text table and a highlighted source sentence. Nothing here touches the
database."""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import dataclass, field, fields
from typing import Any

import click

from eventwire.export.views import acled_view, cameo_view
from eventwire.model import Actor, Document
from eventwire.store import StoredEvent

Record = dict[str, Any]


def _actor_code(actor: Actor | None) -> str | None:
    if actor is None or (actor.country is None and actor.sector is None):
        return None
    return f"{actor.country or '---'}{actor.sector or ''}"


def _views(event_type: str, mode: str | None, recipient: Actor | None) -> Record:
    cameo = cameo_view(event_type)
    acled = acled_view(event_type, mode, recipient)
    return {
        "cameo_root": cameo.root_code if cameo else None,
        "quad_class": cameo.quad_class if cameo else None,
        "acled_event_type": acled.event_type if acled else None,
        "acled_sub_event_type": acled.sub_event_type if acled else None,
    }


@dataclass(frozen=True, slots=True)
class EventRecord:
    """A flat, JSON-ready view of a stored event: the CLI's json/csv row, the columns of
    the tabular exports and the fields of the API's event (``api/schemas.py`` builds its
    model from these fields, their types and their descriptions, kept in each field's
    ``metadata``). Build it with ``event_record``; ``to_dict`` gives the row."""

    id: int
    date: str | None = field(metadata={"description": "ISO date YYYY-MM-DD"})
    date_precision: str | None = field(metadata={"description": "day, week, month or year"})
    type: str = field(metadata={"description": "PLOVER event type"})
    mode: str | None
    contexts: tuple[str, ...]
    cameo_root: str | None
    quad_class: int | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    actor: str | None
    actor_code: str | None
    actor_country: str | None
    actor_sector: str | None
    actor_inferred: bool = field(
        metadata={
            "description": "the text names no actor; a rule supplied it (police for an arrest)"
        }
    )
    recipient: str | None
    recipient_code: str | None
    recipient_country: str | None
    recipient_sector: str | None
    recipient_inferred: bool = field(metadata={"description": "the recipient was inferred"})
    place: str | None
    place_country: str | None = field(metadata={"description": "ISO 3166 alpha-2 (GeoNames)"})
    place_admin1: str | None = field(
        metadata={"description": "the first-level region (state, province) of the place"}
    )
    lat: float | None
    lon: float | None
    geo_precision: str | None
    dead: int | None
    injured: int | None
    arrested: int | None
    confidence: float
    flags: tuple[str, ...] = field(metadata={"description": "negated, hypothetical, future"})
    headline: bool = field(
        metadata={"description": "reported in an article's headline (like GDELT's IsRootEvent)"}
    )
    num_articles: int
    article_id: int | None
    sentence: str | None

    def to_dict(self) -> Record:
        """The record as a dict in field order, its tuples as lists (``json.dumps`` and
        the CSV and Parquet writers take it as it is)."""
        row: Record = {name: getattr(self, name) for name in EVENT_RECORD_FIELDS}
        row["contexts"] = list(self.contexts)
        row["flags"] = list(self.flags)
        return row


# The names of the record's fields, in order: the CLI's and the exports' columns.
EVENT_RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(EventRecord))


def event_record(event: StoredEvent) -> EventRecord:
    """The flat view of a stored event (every face's event row comes from here)."""
    mention = event.mentions[0] if event.mentions else None
    place = event.place
    flags = tuple(
        name
        for name, on in (
            ("negated", event.negated),
            ("hypothetical", event.hypothetical),
            ("future", event.future),
        )
        if on
    )
    return EventRecord(
        id=event.id,
        date=event.date.isoformat() if event.date else None,
        date_precision=str(event.date_precision) if event.date_precision else None,
        type=event.type,
        mode=event.mode,
        contexts=tuple(event.contexts),
        **_views(event.type, event.mode, event.recipient),
        actor=event.actor.text if event.actor else None,
        actor_code=_actor_code(event.actor),
        actor_country=event.actor.country if event.actor else None,
        actor_sector=event.actor.sector if event.actor else None,
        actor_inferred=bool(event.actor and event.actor.inferred),
        recipient=event.recipient.text if event.recipient else None,
        recipient_code=_actor_code(event.recipient),
        recipient_country=event.recipient.country if event.recipient else None,
        recipient_sector=event.recipient.sector if event.recipient else None,
        recipient_inferred=bool(event.recipient and event.recipient.inferred),
        place=place.name if place else None,
        place_country=place.country_code if place else None,
        place_admin1=place.admin1 if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geo_precision=str(place.precision) if place and place.precision else None,
        dead=event.dead,
        injured=event.injured,
        arrested=event.arrested,
        confidence=event.confidence,
        flags=flags,
        headline=event.headline,
        num_articles=event.num_articles,
        article_id=mention.article_id if mention else None,
        sentence=mention.sentence if mention else None,
    )


_TABLE_COLUMNS = (
    ("id", 4), ("date", 10), ("type", 9), ("mode", 10), ("actor_code", 7),
    ("recipient_code", 7), ("place", 14), ("dead", 4), ("injured", 4), ("arrested", 4),
    ("confidence", 4),
)  # fmt: skip
_HEADERS = {
    "actor_code": "actor", "recipient_code": "recip", "injured": "inj",
    "arrested": "arr", "confidence": "conf",
}  # fmt: skip


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(records: list[Record]) -> str:
    """A fixed-width table with the source sentence filling the rest of the line."""
    if not records:
        return "(no events)"
    total = shutil.get_terminal_size((140, 20)).columns
    fixed = sum(w + 1 for _, w in _TABLE_COLUMNS)
    sentence_width = max(30, total - fixed)
    header = " ".join(_cell(_HEADERS.get(n, n), w).ljust(w) for n, w in _TABLE_COLUMNS)
    lines = [header + " sentence", "-" * min(total, fixed + sentence_width)]
    for record in records:
        cells = " ".join(_cell(record.get(n), w).ljust(w) for n, w in _TABLE_COLUMNS)
        sentence = " ".join(str(record.get("sentence") or "").split())
        lines.append(cells + " " + _cell(sentence, sentence_width))
    return "\n".join(lines)


def highlight(text: str, start: int, end: int, *, color: bool, width: int = 88) -> str:
    """The paragraph of ``text`` around [start, end) with that stretch marked: bold and
    underlined on a terminal, between >>> and <<< otherwise."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end == -1 else para_end
    before, marked, after = text[para_start:start], text[start:end], text[end:para_end]
    if color:
        marked = click.style(marked, bold=True, underline=True, fg="yellow")
        return before + marked + after
    return textwrap.fill(before + ">>> " + marked + " <<<" + after, width=width)


def _actor_record(actor: Actor | None) -> Record | None:
    if actor is None:
        return None
    return {
        "text": actor.text,
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "inferred": actor.inferred,
    }


def document_record(doc: Document) -> Record:
    """A JSON-ready view of a processed document: the article and its factual and
    flagged events, with places and dates (the golden-file format)."""
    article = doc.article
    return {
        "origin": doc.origin,
        "title": article.title if article else None,
        "captions": list(article.captions) if article else [],
        "credits": list(article.credits) if article else [],
        "published": article.published.isoformat() if article and article.published else None,
        "published_origin": str(article.published_origin)
        if article and article.published_origin
        else None,
        "body_start": article.body[:60] if article else None,
        "events": [
            {
                "type": e.type,
                "mode": e.mode,
                **_views(e.type, e.mode, e.recipient),
                "trigger": e.trigger,
                "actor": _actor_record(e.actor),
                "recipient": _actor_record(e.recipient),
                "date": e.date.isoformat() if e.date else None,
                "date_precision": str(e.date_precision) if e.date_precision else None,
                "place": e.place.name if e.place else None,
                "place_country": e.place.country_code if e.place else None,
                "lat": round(e.place.lat, 2) if e.place and e.place.lat is not None else None,
                "lon": round(e.place.lon, 2) if e.place and e.place.lon is not None else None,
                "dead": e.dead,
                "injured": e.injured,
                "arrested": e.arrested,
                "negated": e.negated,
                "hypothetical": e.hypothetical,
                "future": e.future,
                "headline": e.headline,
                "sentence": e.sentence,
            }
            for e in doc.events
        ],
        "places": sorted({p.name for p in doc.places if p.name}),
    }
