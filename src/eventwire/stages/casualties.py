"""Casualties stage: count the dead, injured and arrested of each event.

Counts come from the event's own sentence, following ACLED's habits: the lowest
figure given ("at least 12" is 12), vague words at their floor ("several" 3,
"dozens" 12, "hundreds" 100; ``data/quantities.tsv``), a singular victim counts one
("wounded a police officer" is one injured), "shot dead" and "fatally shot" are deaths.
The clauses counted are the trigger's own object (for killing, wounding and arrest
verbs), casualty clauses hanging on it ("attacked a post, killing three officers and
wounding five civilians") and, for attacks (dead, injured) and coercion (arrested),
passive casualty clauses in the same sentence ("two soldiers were killed"). A count
the text does not give stays ``None``.

Deaths told beside the attack rather than by its clause (``_told_deaths``): an attack
whose clause gives no dead takes the dead its sentence tells ("97 died in police
firing", read by ``coding/tolls.py``) when it is the only attack coded there; and a
sentence with no attack coded, where people "died in police firing", "succumbed to the
police firing" or "were killed in firing by the police", gets an ASSAULT (confidence
0.5) by the attacker that noun phrase names, found as the ``agents`` stage finds it
(``noun_phrase_agent``) or, where the actors stage coded no actor there, by coding the
attack noun's modifier or "by" phrase; deaths with no attacker named code no attack.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from eventwire.coding import lexicon
from eventwire.coding.actors import code_phrase
from eventwire.coding.datelines import is_dateline
from eventwire.coding.tolls import sentence_figures, statements
from eventwire.coding.victims import count_phrase, count_victims, no_person
from eventwire.model import Actor, Document, Event
from eventwire.stages.agents import noun_phrase_agent
from eventwire.stages.factuality import judge_events
from eventwire.stages.incident_toll import TOLD_ZONES, is_period
from eventwire.stages.registry import stage
from eventwire.timex.tense import trigger_root

# Where an attack that killed is named after a death word: "died in / succumbed to /
# fell to / was killed due to police firing".
_SCENE_PREPS = frozenset({"in", "to", "by", "during", "from", "due", "after"})
_ATTACK_NOUNS = frozenset(
    {"firing", "fire", "gunfire", "shelling", "strike", "airstrike", "bombing", "bullet",
     "bombardment", "attack", "raid", "shooting", "crossfire", "assault", "offensive"}
)  # fmt: skip
# "deaths due to police firing": the adjective that carries the cause's "to".
_CAUSE_ADJECTIVES = frozenset({"due", "owing"})
# Death words whose dead no figure counts ("more people fell to police bullets", "the
# injured succumbed to police firing"): one died, when an attack noun names the attacker.
_UNCOUNTED_DEATH_LEMMAS = frozenset({"die", "succumb", "fall", "kill", "death"})
_FALL_PREPS = frozenset({"to"})
# The confidence of an attack coded from the deaths told in its sentence alone.
_TOLD_CONFIDENCE = 0.5
# An attack told by a death word whose dead no figure counts ("more people died in
# police firing", "the people killed in the firing"): at least one died (the lowest
# figure the text allows).
_DEATH_LEMMAS = frozenset({"kill", "die", "death"})
_FATAL_WORDS = frozenset({"dead", "fatally", "death"})
# Verbs of violence that kill when done "to death" ("stabbed to death"), and the words
# that hedge it ("beaten nearly to death").
_TO_DEATH_VERBS = frozenset(
    {"shoot", "stab", "hack", "beat", "bludgeon", "club", "stone", "lynch", "strangle",
     "burn", "torture", "kick", "knife", "gun", "batter", "chop", "slash", "maul", "choke"}
)  # fmt: skip
_HEDGES = frozenset({"nearly", "almost", "half", "virtually"})
# Parts of speech of coordinated victims ("a man, two women and a child", "Joe and Jen").
_PEOPLE = frozenset({"NOUN", "PROPN", "NUM"})
_ATTACHED_DEPS = frozenset({"advcl", "conj", "xcomp", "relcl"})
# Which counts an event may take from passive clauses elsewhere in its sentence.
_TOLL_TYPES: Mapping[str, frozenset[str]] = {
    "ASSAULT": frozenset({"dead", "injured"}),
    "COERCE": frozenset({"arrested"}),
}


def _casualty_kind(token: Any) -> str | None:
    for pattern in lexicon.event_patterns().for_verb(token.lemma_.lower()):
        if pattern.casualty is not None:
            return pattern.casualty
    return None


def _custody_verb(trigger: Any) -> Any | None:
    """The verb that puts people in custody when the trigger is the custody noun ("the
    suspect was taken into custody", "police took two men into custody")."""
    if trigger.pos_ != "NOUN" or trigger.lower_ != "custody" or trigger.dep_ != "pobj":
        return None
    verb = trigger.head.head if trigger.head.dep_ == "prep" else None
    return verb if verb is not None and verb.pos_ in ("VERB", "AUX") else None


def _no_victim(token: Any) -> bool:
    """A place, an organisation or a dateline read as a subject ("TOLEDO, Ohio — Two
    men were killed")."""
    return no_person(token) or is_dateline(token)


def _victims(verb: Any, recipient: Actor | None = None) -> Any | None:
    """The people a casualty verb is done to: its object, or its passive subject, or the
    subject of a headline-like active form the coder read as passive ("3 policemen and 2
    civilians also killed": the recipient is that subject)."""
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
    for child in verb.children:
        if child.dep_ == "nsubjpass" and not _no_victim(child):  # "DAYTON, Ohio — Two people"
            return child
    if recipient is not None and recipient.start is not None:
        for child in verb.children:
            if child.dep_ == "nsubj" and (
                child.left_edge.idx <= recipient.start <= child.right_edge.idx
            ):
                return child
    return None


def _is_fatal(verb: Any) -> bool:
    """A casualty verb told as fatal: "shot dead", "fatally stabbed", and a verb of
    violence "to death" ("hacked to death", "beaten to death"; not "sentenced to
    death", "arrested over the death of", "beaten nearly to death")."""
    return any(child.lower_ in _FATAL_WORDS or _to_death(verb, child) for child in verb.children)


def _to_death(verb: Any, prep: Any) -> bool:
    """Whether ``prep`` is the "to death" of a verb of violence, not hedged ("nearly")."""
    if verb.lemma_.lower() not in _TO_DEATH_VERBS or prep.dep_ != "prep" or prep.lower_ != "to":
        return False
    if any(t.lower_ in _HEDGES for t in (*prep.children, *verb.children) if t.dep_ == "advmod"):
        return False
    return any(g.dep_ == "pobj" and g.lower_ == "death" for g in prep.children)


@dataclass(slots=True)
class Casualties:
    """How many people an event killed, injured and arrested (None: not said)."""

    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None

    def add(self, kind: str, value: int | None) -> None:
        if value is not None:
            setattr(self, kind, (getattr(self, kind) or 0) + value)


def _count_of(victims: Any, recipient: Actor | None, split: bool) -> int | None:
    """How many people a victims phrase counts for one event. Coordinated victims add
    up ("a man, two women and a small child were killed" is 4); where the coder made
    one event per coordinated recipient ("killed three soldiers and two villagers": one
    against the soldiers, one against the villagers), each counts its own part."""
    if victims.pos_ not in _PEOPLE:
        return count_phrase(victims)  # "them"
    heads = [victims]  # the parser may give the verb several subjects ("A man, two women")
    heads += [
        o for o in victims.head.children
        if o.dep_ == victims.dep_ and o.i > victims.i and not _no_victim(o)
    ]  # fmt: skip
    parts = sorted(
        {p.i: p for h in heads for p in (h, *h.conjuncts) if p.i >= victims.i and p.pos_ in _PEOPLE}
        .values(),
        key=lambda p: p.i,
    )  # fmt: skip
    if len(parts) == 1:
        return count_victims(victims)  # "a total of four people"
    if split:
        start = recipient.start if recipient is not None else None
        last = victims.doc[parts[-1].right_edge.i]
        if start is None or not victims.left_edge.idx <= start <= last.idx:
            return count_phrase(victims)
        own = max((p for p in parts if p.left_edge.idx <= start), key=lambda p: p.i)
        return count_phrase(own)
    figures = [count_phrase(p) for p in parts]
    if any(f is None for f in figures):
        return count_phrase(victims)  # "two officers and others": the figure given
    return sum(f for f in figures if f is not None)


def count_event(
    event: Event, spacy_doc: Any, owned: frozenset[int] = frozenset(), split: bool = False
) -> Casualties:
    """The casualties of one event. ``owned`` holds the trigger tokens of the other
    events of the document: clauses that are events of their own are not counted here
    ("police arrested five men while two civilians were wounded"). ``split``: the event
    is one of several the coder made from one trigger, one per coordinated recipient."""
    counts = Casualties()
    trigger = trigger_root(spacy_doc, event)
    if trigger is None:
        return counts
    seen: set[int] = set()

    def visit(verb: Any) -> None:
        if verb.i in seen:
            return
        seen.add(verb.i)
        victims = _victims(verb, event.recipient if verb.i == trigger.i else None)
        kind = "dead" if _is_fatal(verb) else _casualty_kind(verb)
        if kind is not None and victims is not None:
            counts.add(kind, _count_of(victims, event.recipient, split))
        for child in verb.children:
            attached = child.dep_ in _ATTACHED_DEPS and child.pos_ == "VERB"
            own_clause = child.i in owned or any(c.dep_ == "nsubj" for c in child.children)
            if (
                attached
                and not own_clause
                and (_casualty_kind(child) is not None or _is_fatal(child))
            ):
                visit(child)

    visit(trigger)
    if event.type == "COERCE" and counts.arrested is None:
        held = _custody_verb(trigger)
        victims = _victims(held) if held is not None else None
        if victims is not None:
            counts.add("arrested", _count_of(victims, event.recipient, split))
    # Passive casualty clauses elsewhere in the sentence that no event of their own
    # claims: "the army said two soldiers were killed". They count for an attack (dead
    # and injured) or a coercion (arrested), not for a curfew lifted in the same breath.
    sentence = spacy_doc.char_span(event.start, event.end, alignment_mode="expand")
    if sentence is None or event.type not in _TOLL_TYPES:
        return counts
    for token in sentence:
        if token.i in seen or token.i in owned or token.pos_ != "VERB":
            continue
        if not any(c.dep_ == "auxpass" for c in token.children):
            continue
        kind = _casualty_kind(token)
        victims = _victims(token)
        if kind not in _TOLL_TYPES[event.type] or victims is None:
            continue
        if getattr(counts, kind) is None:
            seen.add(token.i)
            counts.add(kind, count_phrase(victims))
    return counts


def _sentence_dead(spacy_doc: Any, start: int, end: int) -> tuple[int, Any | None]:
    """The dead a sentence tells, and the first death word that tells them."""
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None or is_period(span):
        return 0, None
    found = [s for s in statements(span) if s.kind == "dead"]
    cue = spacy_doc[found[0].token] if found else None
    return sentence_figures(found).dead, cue


def _scene_preps(cue: Any) -> list[Any]:
    """The prepositions after a death word, with the "to" of "due to" ("45 deaths due
    to police firing", where "due" is read as an adjective)."""
    preps = [c for c in cue.children if c.dep_ in ("prep", "agent")]
    for adjective in cue.children:
        if adjective.dep_ == "amod" and adjective.lower_ in _CAUSE_ADJECTIVES:
            preps += [c for c in adjective.children if c.dep_ == "prep" and c.lower_ == "to"]
    return preps


def _named_attacker(cue: Any, preps: frozenset[str] = _SCENE_PREPS) -> Actor | None:
    """The attacker an attack noun after a death word names, where the actors stage
    coded no actor there: "succumbed to the police firing", "died in army shelling",
    "killed in firing by the police", "deaths due to police firing"."""
    for prep in _scene_preps(cue):
        if prep.lower_ not in preps:
            continue
        for noun in prep.subtree:
            if noun.pos_ not in ("NOUN", "VERB") or not (
                noun.lower_ in _ATTACK_NOUNS or noun.lemma_.lower() in _ATTACK_NOUNS
            ):
                continue  # "firing" may be read as a gerund
            named = [c for c in noun.children if c.dep_ in ("compound", "amod", "poss")]
            for by in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"):
                named += [c for c in by.children if c.dep_ == "pobj"]
            for head in named:
                actor = code_phrase(head).actor
                if actor.sector is not None or actor.country is not None:
                    return actor
    return None


def _uncounted_death(doc: Document, start: int, end: int) -> tuple[Any | None, Actor | None]:
    """A death word whose dead no figure counts, and the attacker the attack noun after
    it names: "more people fell to police bullets", "the boy succumbed to the police
    firing" (none in a sentence about a period)."""
    span = doc.spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, None
    deaths = [t for t in span if t.lemma_.lower() in _UNCOUNTED_DEATH_LEMMAS]
    if not deaths or is_period(span):  # the cheap test first
        return None, None
    for token in deaths:
        fall = token.lemma_.lower() == "fall"  # only "fell to police bullets"
        actor = _named_attacker(token, _FALL_PREPS if fall else _SCENE_PREPS)
        if actor is None and token.pos_ == "VERB" and not fall:
            actor = noun_phrase_agent(doc, token)
        if actor is not None:
            return token, actor
    return None, None


def _told_deaths(doc: Document) -> None:
    """Deaths told beside an attack whose clause gives none: an attack's sentence that
    says "97 died in police firing" gives the attack its dead; a sentence with no attack
    coded where people "died in police firing", "succumbed to the police firing", "fell
    to police bullets" or were "killed in firing by the police" gets an ASSAULT by the
    attacker that noun phrase names (none is coded when it names no attacker)."""
    spacy_doc = doc.spacy_doc
    attacks: dict[int, list[Event]] = {}
    for event in doc.events:
        if event.type == "ASSAULT":
            attacks.setdefault(event.start, []).append(event)
    for start, told in attacks.items():
        if any(e.dead for e in told):
            continue
        open_ = [e for e in told if e.dead is None and not e.negated]
        # One attack, or the two sides of one clash ("activists and police clashed").
        if open_ and len({e.trigger_start for e in open_}) == 1:
            dead, _ = _sentence_dead(spacy_doc, start, open_[0].end)
            for event in open_ if dead else []:
                event.dead = dead
    added: list[Event] = []
    for sentence in doc.sentences:
        if sentence.start in attacks or sentence.zone not in TOLD_ZONES:
            continue
        dead, cue = _sentence_dead(spacy_doc, sentence.start, sentence.end)
        actor = None
        if dead and cue is not None:
            actor = noun_phrase_agent(doc, cue) or _named_attacker(cue)
        elif not dead:
            dead, cue, actor = 1, *_uncounted_death(doc, sentence.start, sentence.end)
        if actor is None or cue is None:
            continue
        added.append(
            Event(
                type="ASSAULT",
                sentence=sentence.text,
                start=sentence.start,
                end=sentence.end,
                actor=actor,
                trigger=cue.text,
                trigger_start=cue.idx,
                trigger_end=cue.idx + len(cue.text),
                dead=dead,
                confidence=_TOLD_CONFIDENCE,
            )
        )
    # An attack read from a death toll passes the non-event checks the events coded
    # before it passed (``stages.factuality``): a toll in a heading, an accident's
    # standing count, a death that is planned or denied.
    doc.events.extend(judge_events(doc, added))
    doc.events.sort(key=lambda e: e.start)


@stage(
    "casualties",
    requires=("doc.events", "doc.spacy_doc", "doc.actors", "doc.sentences"),
    assigns=("doc.events", "event.dead", "event.injured", "event.arrested"),
)
def count_casualties(doc: Document) -> Document:
    triggers = {event.trigger_start: trigger_root(doc.spacy_doc, event) for event in doc.events}
    for event in doc.events:
        if event.negated:
            continue
        own = triggers.get(event.trigger_start)
        owned = frozenset(
            token.i for token in triggers.values() if token is not None and token is not own
        )
        split = sum(e.trigger_start == event.trigger_start for e in doc.events) > 1
        counts = count_event(event, doc.spacy_doc, owned, split)
        event.dead, event.injured, event.arrested = counts.dead, counts.injured, counts.arrested
    if doc.spacy_doc is not None:
        _told_deaths(doc)
        for event in doc.events:
            if event.type != "ASSAULT" or event.dead is not None or not event.factual:
                continue
            trigger = trigger_root(doc.spacy_doc, event)
            if trigger is not None and trigger.lemma_.lower() in _DEATH_LEMMAS:
                event.dead = 1
    return doc
