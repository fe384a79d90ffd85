"""Whether the text gives positive evidence that an undated event is news of the day.

The dates stage gives an event that no time expression of its sentence dates the
publication day. That default holds for what the article reports as the day's news, and
fails for what it retells: an earlier step of the story ("had been charged", "was hired
to investigate the firm", "were sentenced to 15 years and served a decade"), a campaign
pledge, or a standing state ("is now in custody"). This module says when the default has
evidence behind it:

- the event is in the title, a caption or the lead (the first ``LEAD_SENTENCES`` body
  sentences, which report the article's main incident), unless told in the pluperfect
  or as an earlier step of a noun that the present reports ("a mother whose son was
  shot is speaking out": ``Telling.EARLIER``);
- its clause reports the present: a present tense, a progressive, a modal or future
  ("will meet") -- but not a present state of being in custody or the like ("is in
  custody", "remains jailed", "is being held"), nor where a case stands ("is charged
  with assault", "faces charges"), which say nothing of when it began, nor, past the
  lead, a present perfect ("the two parties have discussed a coalition", "the party has
  been blamed for the delay"), which tells what happened before now at a time it does not
  give (in the lead it is the day's news: "the treasurer has been arrested");
- it tells the dead or injured of an incident (not in the pluperfect): the article's
  incident, which the news reports, even far from the lead;
- the narrative around it is today's: a day the sentences just before it name (or its
  lead names) is the publication day itself.

Anything else (the simple past or the pluperfect of a later sentence, with no narrative
day carried to it by ``timex.narrative.carry_reference_time``) is left undated.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from eventwire.model import DatePrecision, Document, Event, Sentence, TimexType, Zone
from eventwire.timex.normalize import calendar_date
from eventwire.timex.tense import governing_verb, is_aspect_complement, trigger_root

# The body sentences that make up the lead.
LEAD_SENTENCES = 2
# How many sentences back a named publication day still makes the narrative today's.
_WINDOW = 3
# Verbs of a state that a present tense reports without dating its start.
_TELLING_VERBS = frozenset(
    {"say", "believe", "tell", "report", "confirm", "think", "allege", "claim", "suspect"}
)
# Verbs whose present tense tells where a case stands, not a step taken today.
_STANDING_VERBS = frozenset({"face", "remain"})
_STATE_VERBS = frozenset({"be", "remain", "stay", "sit", "languish"})


class Telling(StrEnum):
    PRESENT = "present"  # present, progressive, modal or future
    # the present perfect ("has been arrested", "have clashed"): before now, at a time
    # it does not tell
    PERFECT = "perfect"
    STATE = "state"  # a present state: "is in custody", "remains jailed"
    PAST = "past"  # the simple past
    PLUPERFECT = "pluperfect"  # "had been charged"
    UNKNOWN = "unknown"  # no verb governs the trigger
    # a past told of a noun in a clause that reports the present: "a mother whose son was
    # shot is speaking out", "the family of a boy killed by police has hired a lawyer"
    EARLIER = "earlier"


def telling(doc: Document, event: Event) -> Telling:
    """How the clause of ``event``'s trigger is told."""
    trigger = trigger_root(doc.spacy_doc, event)
    if trigger is None:
        return Telling.UNKNOWN
    verb = governing_verb(trigger)
    if verb is None:
        return Telling.UNKNOWN
    if _earlier_step(verb):
        return Telling.EARLIER
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.i != verb.i:
        # a participle after its noun is told in the tense of the noun's clause
        verb = governing_verb(verb.head)
        if verb is None:
            return Telling.UNKNOWN
    for _ in range(3):
        # an infinitive is told in the tense of the verb it completes ("was hired to
        # investigate the firm"), a gerund in that of the verb of its phase ("started
        # shooting", "kept firing")
        infinitive = any(c.tag_ == "TO" for c in verb.children if c.dep_ == "aux")
        if infinitive and verb.dep_ in ("xcomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head
            continue
        if not is_aspect_complement(verb):
            break
        verb = verb.head
    if _reported_now(verb):
        return Telling.PRESENT
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lemmas = {a.lower_ for a in auxiliaries}
    if any(a.tag_ == "MD" for a in auxiliaries):
        return Telling.PAST if "have" in lemmas else Telling.PRESENT
    if "had" in lemmas:
        return Telling.PLUPERFECT
    if any(a.lemma_.lower() == "have" for a in auxiliaries):
        if verb.tag_ == "VBG":
            return Telling.PRESENT  # "have been fighting": still going on
        return Telling.PERFECT  # "has been arrested", "have clashed"
    past = verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries)
    if past:
        return Telling.PAST
    if verb.tag_ == "VBN" and not auxiliaries:
        return Telling.PAST  # a bare participle: "the man killed in the blast"
    passive = [a for a in auxiliaries if a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP")]
    if passive and verb.tag_ == "VBN" and not lemmas & {"been", "being"}:
        return Telling.STATE  # "he is charged with assault": a standing, not a step
    if verb.lemma_.lower() in _STANDING_VERBS:
        return Telling.STATE  # "faces charges of murder"
    if "being" in lemmas or (verb.lemma_.lower() in _STATE_VERBS and trigger.i != verb.i):
        return Telling.STATE  # "is being held", "is now in custody"
    return Telling.PRESENT


def _earlier_step(verb: Any) -> bool:
    """Whether ``verb`` heads a relative clause or a participle of a noun, told in the
    past, in a clause told in the present (see ``Telling.EARLIER``)."""
    if verb.dep_ not in ("relcl", "acl") or verb.head.i == verb.i:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    past = verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries)
    if not past and not (verb.tag_ == "VBN" and not auxiliaries):
        return False
    outer = governing_verb(verb.head)
    if outer is None:
        return False
    around = [c for c in outer.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.tag_ == "VBD" for a in around) or outer.tag_ == "VBD":
        return False
    return outer.tag_ in ("VBZ", "VBP", "VBG") or any(a.tag_ in ("VBZ", "VBP") for a in around)


def _reported_now(verb: Any) -> bool:
    """Whether the simple past clause of ``verb`` is what a present-tense verb of
    saying or believing reports ("police say she was shot", "they believe he fired"):
    the news the article brings today."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return False
    if any(c.lower_ == "had" for c in verb.children if c.dep_ in ("aux", "auxpass")):
        return False
    teller = verb.head
    return teller.tag_ in ("VBZ", "VBP") and teller.lemma_.lower() in _TELLING_VERBS


def _index_of(sentences: Sequence[Sentence], at: int) -> int | None:
    return next((i for i, s in enumerate(sentences) if s.start <= at < s.end), None)


def _days_between(doc: Document, opens: int, closes: int) -> list[date]:
    days = []
    for timex in doc.timexes:
        if not opens <= timex.start < closes:
            continue
        if timex.type not in (TimexType.DATE, TimexType.TIME):
            continue
        when = calendar_date(timex)
        if when is not None and when[1] is DatePrecision.DAY:
            days.append(when[0])
    return days


def news_of_the_day(doc: Document, event: Event, published: date) -> bool:
    """Whether the text gives evidence that ``event``, which no time expression of its
    sentence dates, happened on the publication day (see the module doc)."""
    sentences = sorted(doc.sentences, key=lambda s: s.start)
    index = _index_of(sentences, event.start)
    if index is None:
        return True  # nothing to judge by: keep the default
    sentence = sentences[index]
    if sentence.zone is not Zone.BODY:
        return True
    told = telling(doc, event)
    body = [i for i, s in enumerate(sentences) if s.zone is Zone.BODY]
    lead = body[:LEAD_SENTENCES]
    if index in lead and told not in (Telling.PLUPERFECT, Telling.EARLIER):
        return True
    tolled = event.dead is not None or event.injured is not None
    if tolled and told not in (Telling.PLUPERFECT, Telling.EARLIER):
        return True  # it tells the toll of the incident the article reports
    if told in (Telling.PRESENT, Telling.UNKNOWN):
        return True
    if told in (Telling.PLUPERFECT, Telling.STATE, Telling.PERFECT):
        # past the lead, a present perfect tells what happened before now, at a time it
        # does not give ("the opposition has rejected the budget", "the party has been
        # blamed for the delay"): background, not the day's news
        return False
    earlier = [s for s in sentences[max(0, index - _WINDOW) : index] if s.zone is Zone.BODY]
    if earlier:
        named = _days_between(doc, earlier[0].start, sentence.start)
        if named and named[-1] == published:
            return True
    if lead:
        # the lead reports the article's main incident on the publication day
        opens, closes = sentences[lead[0]].start, sentences[lead[-1]].end
        named = _days_between(doc, opens, closes)
        if named and named[0] == published:
            return True
    return False


def lead_events(doc: Document) -> list[Event]:
    """The events of the title and the lead (the first ``LEAD_SENTENCES`` body
    sentences): the tellings of the article's main incident."""
    sentences = sorted(doc.sentences, key=lambda s: s.start)
    body = [s for s in sentences if s.zone is Zone.BODY][:LEAD_SENTENCES]
    spans = [(s.start, s.end) for s in sentences if s.zone is Zone.TITLE]
    spans += [(s.start, s.end) for s in body]
    return [e for e in doc.events if any(a <= e.start < b for a, b in spans)]
