"""PLOVER JSON Lines: one JSON object per line per event, with the field names of the
PLOVER manual's data-interchange chapter ("JSON Data Fields"), which recommends
newline-delimited JSON. Every field is present; ``null`` (or an empty list) means
eventwire does not know the value.

Fields from the PLOVER manual
-----------------------------
``id``          eventwire event id (unique within the database)
``has_event``   always true: every record is a coded event
``date``        event date ``YYYY-MM-DD``; the first day of the week, month or year
                when ``date_precision`` (an eventwire field, below) is coarser
``source``      list of actor objects (empty when no actor was found); an actor object
                has ``code`` (ISO alpha-3 or IGO, NGO, ...), ``sector`` (GOV, MIL, ...),
                ``actor_text`` (the words in the sentence) and ``identifier_text``
                (eventwire's canonical name for the person, organisation or country)
``recipient``   list of actor objects, as ``source``
``event``       list of PLOVER event types (eventwire codes one per record)
``mode``        list of PLOVER modes (empty when none was coded)
``context``     list of PLOVER contexts
``quad_code``   1..4 (verbal/material cooperation/conflict), from the event type
``event_text``  the trigger words of each mention, each once
``event_loc``   location object, named as in GeoNames (underscores for the spaces of
                "feature code" and "country code"): ``geonameid``, ``name``,
                ``latitude``, ``longitude``, ``feature_code``, ``country_code`` (ISO
                alpha-2), ``cc3`` (alpha-3); plus eventwire's ``text`` (the toponym as
                written) and ``precision`` (point, admin2, admin1, region, country).
                null when no place was resolved
``dead`` / ``injured`` / ``arrested``  the size fields (lowest figure reported)
``text``        the source sentence of the first mention
``text_info``   ``start`` and ``end`` of that sentence in its article's text
``cite_info``   the first mention's article: ``url``, ``title``, ``publication`` (the
                publisher), ``citation`` (where the text was read from: URL or file)
``coder``       ``eventwire <version>``
``coded_date``  the day the first reporting article was stored and coded (UTC)

Fields the manual leaves open (time, enddate, event_scale, link, comment, actor
identifiers such as Wikidata ids) are not written: eventwire does not produce them.

eventwire's own fields (the manual invites extra named fields)
--------------------------------------------------------------
``date_precision``, ``date_from_publication`` (no time expression governed the
sentence: the date is the article's), ``confidence`` (0..1), ``negated``,
``hypothetical``, ``future``, ``headline`` (an article's headline reports the event,
like GDELT's ``IsRootEvent``), ``cameo_root``, ``acled_event_type``,
``acled_sub_event_type``, ``num_mentions``, ``num_articles``, ``num_sources``, and
``mentions``: every report of the event, first first, each with ``article_id``,
``sentence``, ``start`` / ``end`` (of the sentence in the article's text),
``trigger`` with ``trigger_start`` / ``trigger_end``, ``confidence``, and the article's
``url``, ``title``, ``source``, ``published`` and ``origin``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, BinaryIO

from eventwire.export.common import (
    coder_name,
    in_batches,
    load_articles,
    text_stream,
    trigger_text,
)
from eventwire.export.countries import country
from eventwire.export.views import acled_view, cameo_view
from eventwire.model import Actor, Mention, Place
from eventwire.store import ArticleInfo, Store, StoredEvent


def write_plover(events: Iterable[StoredEvent], store: Store, out: BinaryIO, header: bool) -> int:
    """Write ``events`` as PLOVER JSON Lines."""
    del header  # JSON Lines has no header row
    count = 0
    with text_stream(out) as text:
        for batch in in_batches(events):
            articles = load_articles(store, batch)
            for event in batch:
                text.write(json.dumps(plover_record(event, articles), ensure_ascii=False))
                text.write("\n")
                count += 1
    return count


def plover_record(event: StoredEvent, articles: dict[int, ArticleInfo]) -> dict[str, Any]:
    """The PLOVER JSON object of one event (``articles``: the mentions' articles)."""
    first = event.mentions[0] if event.mentions else None
    first_article = articles.get(first.article_id) if first is not None else None
    cameo = cameo_view(event.type)
    acled = acled_view(event.type, event.mode, event.recipient)
    triggers = [t for t in (trigger_text(m) for m in event.mentions) if t is not None]
    return {
        "id": event.id,
        "has_event": True,
        "date": event.date.isoformat() if event.date else None,
        "source": _actors(event.actor),
        "recipient": _actors(event.recipient),
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": list(event.contexts),
        "quad_code": cameo.quad_class if cameo else None,
        "event_text": list(dict.fromkeys(triggers)),
        "event_loc": _location(event.place),
        "dead": event.dead,
        "injured": event.injured,
        "arrested": event.arrested,
        "text": first.sentence if first else None,
        "text_info": {"start": first.start, "end": first.end} if first else None,
        "cite_info": _citation(first_article),
        "coder": coder_name(),
        "coded_date": first_article.ingested_at.date().isoformat() if first_article else None,
        # eventwire's own fields
        "date_precision": str(event.date_precision) if event.date_precision else None,
        "date_from_publication": event.date_from_publication,
        "confidence": event.confidence,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "future": event.future,
        "headline": event.headline,
        "cameo_root": cameo.root_code if cameo else None,
        "acled_event_type": acled.event_type if acled else None,
        "acled_sub_event_type": acled.sub_event_type if acled else None,
        "num_mentions": event.num_mentions,
        "num_articles": event.num_articles,
        "num_sources": event.num_sources,
        "mentions": [_mention(m, articles.get(m.article_id)) for m in event.mentions],
    }


def _actors(actor: Actor | None) -> list[dict[str, Any]]:
    if actor is None:
        return []
    return [
        {
            "code": actor.country,
            "sector": actor.sector,
            "actor_text": actor.text,
            "identifier_text": actor.name,
            "inferred": actor.inferred,
        }
    ]


def _location(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    codes = country(place.country_code)
    return {
        "geonameid": place.geonameid,
        "name": place.name,
        "latitude": place.lat,
        "longitude": place.lon,
        "feature_code": place.feature_code,
        "country_code": place.country_code,
        "cc3": codes.alpha3 if codes else None,
        "text": place.text,
        "precision": str(place.precision) if place.precision else None,
    }


def _citation(article: ArticleInfo | None) -> dict[str, Any] | None:
    if article is None:
        return None
    return {
        "url": article.url,
        "title": article.title,
        "publication": article.source,
        "citation": article.identifier,
    }


def _mention(mention: Mention, article: ArticleInfo | None) -> dict[str, Any]:
    return {
        "article_id": mention.article_id,
        "sentence": mention.sentence,
        "start": mention.start,
        "end": mention.end,
        "trigger": trigger_text(mention),
        "trigger_start": mention.trigger_start,
        "trigger_end": mention.trigger_end,
        "confidence": mention.confidence,
        "url": article.url if article else None,
        "title": article.title if article else None,
        "source": article.source if article else None,
        "published": article.published.isoformat() if article and article.published else None,
        "origin": article.origin if article else None,
    }
