"""Retellings stage: an event an article tells again is listed once.

A news article tells its news in the lead and again further down: the attack is told
in the first sentence and again as "he was gunned down" or "the attack, condemned by
...", the arrest as "police arrested the opposition leader" and again as "Hassan was
detained at his home". The incidents stage (``stages/incidents.py``) folds the
tellings of an article's main ASSAULT whose sides agree; here, after it, a later
telling of any type that names no one who did it (no actor in its own sentence: none,
or one a rule supplied, as the police of an agentless arrest or the attacker an
earlier sentence named) folds into an earlier event of the same type done to the same
side (its recipient, when it has one, has the earlier one's country and sector; with
no recipient, it says nothing that sets it apart), on the same day and, unless it is a
speech act (ACCUSE, REQUEST, REJECT, THREATEN, SUPPORT, whose place is the speaker's),
in the same place. A telling whose verb says it is one more ("was also arrested",
"attacked again") is another act.

Nothing folds across a disagreement the text states: another day, another place (a
town more than 50 km away, or another country), another victim (a recipient of
another country or sector, or another surname), a summary of the past, or a sentence
that says it tells another incident ("in a separate attack"). A folded telling is kept
in ``Event.retold`` and stored as another mention of the event.
"""

from __future__ import annotations

from eventwire.geodesy import haversine_km
from eventwire.model import Actor, DatePrecision, Document, Event, Place, Precision
from eventwire.stages.factuality import HISTORICAL
from eventwire.stages.incident_continuation import told_as_another
from eventwire.stages.incident_toll import at_least
from eventwire.stages.registry import stage

SPEECH_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"})
_SAME_PLACE_KM = 50.0
# places that contain towns: a telling placed in the country and one placed in its
# capital may be the same event
_WIDE = frozenset({Precision.ADMIN1, Precision.REGION, Precision.COUNTRY})


def _unnamed(event: Event) -> bool:
    """Whether the text of ``event``'s sentence names no one as its actor: none, or one
    a rule supplied from outside the sentence (the police of an agentless arrest, the
    attacker an earlier sentence named)."""
    actor = event.actor
    return actor is None or actor.start is None or not (event.start <= actor.start < event.end)


def _same_name(a: str | None, b: str | None) -> bool:
    """Whether two names can be one person's: unknown, or the same surname ("Raffaele
    Marra", "Marra")."""
    if a is None or b is None:
        return True
    return a.split()[-1].lower() == b.split()[-1].lower()


# adverbs that make an act one more of its kind ("was also arrested")
_ADDED = frozenset({"also", "again", "too", "further", "additionally"})


def _added(doc: Document, event: Event) -> bool:
    """Whether the trigger says its act is one more ("also condemned", "called again",
    "protested too"): another act, not the same told again."""
    if doc.spacy_doc is None or event.trigger_start is None:
        return False
    span = doc.spacy_doc.char_span(
        event.trigger_start, event.trigger_end or event.trigger_start + 1, alignment_mode="expand"
    )
    if span is None:
        return False
    head = span.root
    words = list(head.children)
    if head.dep_ in ("xcomp", "conj", "ccomp") or head.pos_ not in ("VERB", "AUX"):
        words += list(head.head.children)
    return any(w.dep_ == "advmod" and w.lower_ in _ADDED for w in words)


def _same_side(a: Actor | None, b: Actor | None) -> bool:
    """Whether ``a`` and ``b`` are coded as the same side: both named with the same
    country and sector."""
    return (
        a is not None
        and b is not None
        and a.country is not None
        and a.country == b.country
        and a.sector == b.sector
        and _same_name(a.name, b.name)
    )


def _same_day(a: Event, b: Event) -> bool:
    """Whether the two dates can be one day: unknown, or equal at the coarser
    precision of the two."""
    if a.date is None or b.date is None:
        return True
    coarse = {DatePrecision.DAY: 0, DatePrecision.WEEK: 1, DatePrecision.MONTH: 2}
    pa = coarse.get(a.date_precision or DatePrecision.DAY, 3)
    pb = coarse.get(b.date_precision or DatePrecision.DAY, 3)
    level = max(pa, pb)
    if level == 0:
        return a.date == b.date
    if level == 1:
        return abs((a.date - b.date).days) < 7
    if level == 2:
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    return a.date.year == b.date.year


def _same_place(a: Place | None, b: Place | None) -> bool:
    """Whether the two places can be one: unknown, one containing the other (a country
    or a region of the same country), or towns within 50 km."""
    if a is None or b is None:
        return True
    if a.country_code is not None and b.country_code is not None:
        if a.country_code != b.country_code:
            return False
        if a.precision in _WIDE or b.precision in _WIDE:
            return True
    if None in (a.lat, a.lon, b.lat, b.lon):
        return True
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= _SAME_PLACE_KM


def _unnamed_telling(first: Event, later: Event) -> bool:
    """A telling that names no actor, done to the same side (or to none it names)."""
    if not _unnamed(later):
        return False
    if later.recipient is not None and not _same_side(first.recipient, later.recipient):
        return False
    return later.type in SPEECH_TYPES or _same_place(first.place, later.place)


def is_retelling(first: Event, later: Event) -> bool:
    """Whether ``later`` tells the event ``first`` again (see the module docstring)."""
    if later.type != first.type or not (first.factual and later.factual):
        return False
    if HISTORICAL in first.contexts or HISTORICAL in later.contexts:
        return False
    if first.mode is not None and later.mode is not None and first.mode != later.mode:
        return False
    if not _same_day(first, later):
        return False
    return _unnamed_telling(first, later)


def fold(first: Event, later: Event) -> None:
    """Keep ``later`` (and its own tellings) as tellings of ``first``."""
    first.retold.append(later)
    first.retold.extend(later.retold)
    later.retold = []
    for count in ("dead", "injured", "arrested"):
        setattr(first, count, at_least(getattr(first, count), getattr(later, count)))
    first.confidence = max(first.confidence, later.confidence)
    first.headline = first.headline or later.headline


@stage(
    "retellings",
    requires=("doc.events", "event.date", "event.place"),
    assigns=("doc.events", "event.retold", "event.dead", "event.injured", "event.arrested"),
)
def fold_retellings(doc: Document) -> Document:
    kept: list[Event] = []
    gone: set[int] = set()
    # "In a separate attack, ...": a sentence that says it tells another incident
    another = told_as_another(doc, -1)
    for event in sorted(doc.events, key=lambda e: (e.start, e.trigger_start or e.start)):
        first = None
        if event.start not in another and not _added(doc, event):
            first = next((k for k in kept if is_retelling(k, event)), None)
        if first is None:
            kept.append(event)
        else:
            fold(first, event)
            gone.add(id(event))
    if gone:
        doc.events = [e for e in doc.events if id(e) not in gone]
    return doc
