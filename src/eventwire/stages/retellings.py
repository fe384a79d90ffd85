"""Retellings stage: one act told in several sentences of an article is one event.

News tells its event more than once: the headline says "Police arrest aide", the lead
"a top aide has been arrested", a later paragraph "Marra was arrested on Friday". The
incidents stage (``stages/incidents.py``) folds the tellings of the article's main
attack; this stage does the same for the acts that an article retells as one
real-world act (``FOLDED_TYPES``): an arrest or a seizure, a charge, a release or a
resignation, a sanction, a protest, a mobilization. Statements (requests, agreements,
consultations, accusations other than a charge) are left apart: two demands by one
government in one article are often two demands.

A telling folds into an earlier one (the headline's first) when nothing known about
them disagrees, by the incidents stage's test (``same_incident``: the same type, told
in another sentence, factual and no summary of the past, no side whose country or
sector differs or that is turned round, dated within a day, placed within 50 km), and
when, besides, the two have the same mode, and no side that both name differs by its
name (names that share no word but a title differ). A folded telling is kept in
``Event.retold`` and stored as another mention of the same event. The kept event takes
what it lacks from its tellings, in the order they are told: a side it leaves empty, a
place the telling's own sentence names when its own comes from outside its sentence (or
it has none), a day the telling's text gives when its own is only the publication date,
and the larger count.
"""

from __future__ import annotations

from eventwire.model import Actor, Document, Event, Place
from eventwire.stages.factuality import HISTORICAL
from eventwire.stages.incidents import same_incident
from eventwire.stages.registry import stage

# Types whose tellings in one article are one act. ASSAULT is the incidents stage's.
FOLDED_TYPES = frozenset({"COERCE", "RETREAT", "SANCTION", "PROTEST", "MOBILIZE"})
# Modes of other types that are acts, not statements: a charge laid.
FOLDED_MODES = frozenset({("ACCUSE", "allege")})
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "the"})


def foldable(event: Event) -> bool:
    """Whether ``event`` is of a kind whose tellings in one article are one act."""
    return (
        event.factual
        and HISTORICAL not in event.contexts
        and (event.type in FOLDED_TYPES or (event.type, event.mode) in FOLDED_MODES)
    )


def _name_words(actor: Actor | None) -> set[str]:
    if actor is None or actor.name is None:
        return set()
    return {w.strip(".,'").casefold() for w in actor.name.split()} - _TITLES


def _names_differ(a: Actor | None, b: Actor | None) -> bool:
    """Whether both sides are named and the names share no word ("Raffaele Marra" and
    "Mr Marra" are one man)."""
    words_a, words_b = _name_words(a), _name_words(b)
    return bool(words_a and words_b) and not words_a & words_b


def same_act(main: Event, other: Event) -> bool:
    """Whether ``other`` can be a telling of the act ``main``."""
    if other.mode != main.mode or not foldable(other):
        return False
    if _names_differ(main.actor, other.actor) or _names_differ(main.recipient, other.recipient):
        return False
    return same_incident(main, other)


def _own_place(event: Event) -> Place | None:
    """The event's place when its own sentence names it."""
    place = event.place
    if place is None or not (event.start <= place.start < event.end):
        return None
    return place


def _take_from(main: Event, told: Event) -> None:
    """Fill what ``main`` lacks from a telling of it."""
    if main.actor is None and told.actor is not None:
        main.actor = told.actor
    if main.recipient is None and told.recipient is not None:
        main.recipient = told.recipient
    if _own_place(main) is None and _own_place(told) is not None:
        main.place = told.place
    if (main.date is None or main.date_from_publication) and (
        told.date is not None and not told.date_from_publication
    ):
        main.date, main.date_precision = told.date, told.date_precision
        main.date_from_publication = False
    for count in ("dead", "injured", "arrested"):
        mine, theirs = getattr(main, count), getattr(told, count)
        if theirs is not None and (mine is None or theirs > mine):
            setattr(main, count, theirs)
    main.confidence = max(main.confidence, told.confidence)


@stage(
    "retellings",
    requires=("doc.events", "event.date", "event.place", "event.retold"),
    assigns=("doc.events", "event.retold"),
)
def fold_retellings(doc: Document) -> Document:
    ordered = sorted(
        (e for e in doc.events if foldable(e)), key=lambda e: (not e.headline, e.start)
    )
    gone: set[int] = set()
    for i, main in enumerate(ordered):
        if id(main) in gone:
            continue
        for other in ordered[i + 1 :]:
            if id(other) in gone or not same_act(main, other):
                continue
            main.retold.append(other)
            _take_from(main, other)
            gone.add(id(other))
    if gone:
        doc.events = [e for e in doc.events if id(e) not in gone]
    return doc
