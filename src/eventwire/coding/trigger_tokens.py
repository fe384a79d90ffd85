"""The parsed token of an event's trigger word, shared by the stages that read the
trigger's clause (its tense, flags, place, casualties, date, speaker).

An event keeps its trigger as character offsets into the document's text; the token is
the root of the span those offsets cover in the parse (widened to whole tokens). An
event with a start but no end takes the one character at its start.
"""

from __future__ import annotations

from typing import Any

from eventwire.model import Event

__all__ = ["trigger_root"]


def trigger_root(spacy_doc: Any | None, event: Event) -> Any | None:
    """The root token of ``event``'s trigger in ``spacy_doc``; None when the document has
    no parse, the event no trigger, or the offsets cover no token."""
    if spacy_doc is None or event.trigger_start is None:
        return None
    end = event.trigger_end if event.trigger_end is not None else event.trigger_start + 1
    span = spacy_doc.char_span(event.trigger_start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root
