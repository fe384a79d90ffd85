"""Whether an attack's own injured figure counts the people it says were shot.

"A hunter was shot" gives the attack one injured, yet that hunter may be the one the
article says is dead: like the toll's "shot" (``stages/incidents.py``), such a figure
is a hit, and the incident's injured are the shot less the dead.
"""

from __future__ import annotations

from eventwire.model import Document, Event

_SHOT_LEMMAS = frozenset({"shoot", "gun"})


def shot_only(doc: Document, main: Event) -> bool:
    """Whether the injured the attack's own tellings give are the people they say were
    shot ("a hunter was shot"), not said to have lived: every telling with an injured
    figure is told by a shooting verb."""
    for event in (main, *main.retold):
        if not event.injured:
            continue
        if event.trigger_start is None or event.trigger_end is None:
            return False
        span = doc.spacy_doc.char_span(
            event.trigger_start, event.trigger_end, alignment_mode="expand"
        )
        if span is None or span.root.lemma_.lower() not in _SHOT_LEMMAS:
            return False
    return True
