"""Intents stage: a stated intention is itself an event.

PLOVER, following CAMEO, codes what a statement commits its speaker to:

- an intention to cooperate is AGREE ("the two leaders will meet again", "Norway is
  ready to send aid", "the rebels agreed to withdraw"): what happened is the
  commitment, not (yet) the meeting or the withdrawal;
- an intention to act against someone is THREATEN ("farmers said they would blockade
  the capital", "the army will strike the rebels"), and a promise to do so is no
  agreement ("the rebels vowed to renew their bombing campaign" is THREATEN only);
  whatever is threatened is a threat ("threatened to end the protests by force");
- a refusal to cooperate is REJECT ("the government said it would not meet the
  hostage-takers' demands", "the minister declined to resign").

The factuality stage flags the meeting, the blockade or the resignation as future or
negated; this stage adds the event that did happen, with the same actor, recipient and
sentence. Whether a type is cooperative comes from its quad class (``types`` in
``event_patterns.yaml``). A merely hypothetical action ("could attack") is no
commitment, and a sentence already coded with the derived type for the same actor gets
no second one.

A hostile action a speaker says they could take is a veiled threat, so THREATEN ("the
minister said the country could suspend relations"). Two more statements are events of
their own:

- an intention made conditional on the other side's compliance is an ultimatum, so
  THREATEN whatever the action ("will withdraw its troops unless the government
  holds elections");
- an obligation laid on another party in reported speech is a demand, so REQUEST from
  the speaker to that party ("the minister said the rebels must free the hostages",
  "the council declared that the mayor should resign").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from eventwire.coding import lexicon
from eventwire.coding.actors import actor_at
from eventwire.coding.reported_plans import is_forecast, is_reported_plan
from eventwire.model import Actor, Document, Event, Zone
from eventwire.stages.registry import stage
from eventwire.timex.tense import trigger_root

_COOPERATIVE_QUADS = frozenset({1, 2})
# The flagged event's confidence already carries the factuality stage's penalty.
_CONFIDENCE_FACTOR = 1.0
_OBLIGATION_MODALS = frozenset({"must", "should"})
# Nouns for a message whose "that" clause can lay an obligation on its addressee.
_MESSAGE_NOUNS = frozenset({"reminder", "warning", "message", "ultimatum", "letter", "note"})
_STATEMENT_VERBS = frozenset(
    {"say", "declare", "announce", "tell", "state", "insist", "conclude", "stress", "argue",
     "add", "warn", "write", "reiterate", "repeat", "emphasize", "emphasise", "demand",
     "maintain", "assert", "contend", "believe"}
)  # fmt: skip
_CONDITIONS = frozenset({"unless"})
_POSSIBILITY_MODALS = frozenset({"could", "may", "might"})
_HINTING_VERBS = _STATEMENT_VERBS | {"suggest", "hint", "signal", "indicate"}
_SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})
_THREAT_VERBS = frozenset({"threaten", "warn"})
_PREPARING_VERBS = frozenset({"prepare", "gear", "mass", "position", "mobilize", "mobilise"})
_POSSIBILITY_NOUNS = frozenset({"possibility", "potential", "prospect", "spectre", "specter"})
_RAISING_VERBS = frozenset({"raise", "float", "mention", "evoke", "broach"})
_OFFICIAL_TITLES = frozenset(
    {"leader", "president", "premier", "minister", "spokesman", "spokeswoman",
     "spokesperson", "official", "chancellor", "king", "government"}
)  # fmt: skip
# Climbing from a flagged event to the clause that states or describes its aim.
_AIM_HOPS = 4
_AIM_DEPS = frozenset({"xcomp", "pcomp", "prep", "pobj", "advcl", "dobj", "conj"})
# Nouns that do state an intention ("a pledge to withdraw", "its decision to meet").
_INTENTION_NOUNS = frozenset(
    {"pledge", "promise", "vow", "commitment", "decision", "offer", "plan", "intention",
     "readiness", "willingness", "threat", "ultimatum", "refusal"}
)  # fmt: skip
# Words that offer what their infinitive names rather than promise it.
_WILLINGNESS_WORDS = frozenset({"willing", "ready", "prepared", "offer", "able", "open"})
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Words by which a party commits itself to what their clause names ("vowed to", "agreed
# to", "is ready to", "decided to"): a future told with one is a statement of intent.
# A party's own plan ("plans to impose restrictions") is its intention too (as CAMEO
# and PLOVER code it); the narrator's bare future ("the two leaders will meet again")
# and a forecast ("is expected to", "is likely to", "is set to") are none.
_COMMITTING_WORDS = frozenset(
    {"vow", "swear", "pledge", "promise", "threaten", "warn", "propose", "agree", "offer",
     "willing", "ready", "commit", "consent", "decide", "refuse", "decline", "prepare",
     "commitment", "willingness", "readiness", "intention", "decision", "guarantee",
     "undertake", "resolve", "plan", "intend", "aim"}
)  # fmt: skip
_ATTRIBUTING_WORDS = frozenset(
    {"according", "statement", "quote", "confirm", "report", "claim", "reveal", "disclose",
     "inform", "notify", "tell"}
)  # fmt: skip
_STATING_WORDS = _COMMITTING_WORDS | _HINTING_VERBS | _ATTRIBUTING_WORDS
_FIRST_PERSON = frozenset({"i", "we"})  # "we will arrest them": the speaker's own word
_INTENT_HOPS = 5
_DEMAND_CONFIDENCE = 0.65


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.start, a.end) == (b.start, b.end)


def derived_type(event: Event, cooperative: bool, promised_as: str | None = None) -> str | None:
    """The PLOVER type of the statement behind a flagged event, or None.

    ``promised_as`` is what an intention to do this type is coded as where that is not
    AGREE or THREATEN (``promised_as`` in ``event_patterns.yaml``)."""
    if event.hypothetical or not event.future:
        return None
    if event.negated:
        return "REJECT" if cooperative else None
    if promised_as is not None:
        return promised_as
    return "AGREE" if cooperative else "THREATEN"


def statement_event(event: Event, type_: str) -> Event:
    """The factual event of stating ``event`` as an intention (or a refusal)."""
    return replace(
        event,
        actor=replace(event.actor) if event.actor is not None else None,
        recipient=replace(event.recipient) if event.recipient is not None else None,
        type=type_,
        mode=event.mode if type_ == event.type else None,  # "will investigate": investigate
        contexts=list(event.contexts),
        negated=False,
        hypothetical=False,
        future=False,
        confidence=round(event.confidence * _CONFIDENCE_FACTOR, 2),
    )


def _clause_verb(event: Event, spacy_doc: Any) -> Any | None:
    """The verb of the event's clause (an event noun's light verb)."""
    token = trigger_root(spacy_doc, event)
    while token is not None and token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _offered(event: Event, spacy_doc: Any) -> bool:
    """Whether the event is only offered ("ready to lift the ban", "offered to ease
    the curfew"): willingness, which CAMEO and PLOVER code AGREE, not a promise."""
    token = _clause_verb(event, spacy_doc)
    if token is None:
        return False
    trigger = trigger_root(spacy_doc, event)
    if trigger is not None and trigger.i != token.i and token.lemma_.lower() in _WILLINGNESS_WORDS:
        return True  # "offered concessions"
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in _WILLINGNESS_WORDS


def is_stated_intention(event: Event, spacy_doc: Any) -> bool:
    """Whether a future event is stated as a party's intention: a committing word
    governs it ("vowed to withdraw", "agreed to meet", "plans to impose") or someone
    is reported saying it ("said it will support", "according to a statement"). The
    narrator's own future or a forecast ("the leaders will meet next month", "is
    expected to strike", "is set to sign") states no one's intention."""
    token = _clause_verb(event, spacy_doc)
    if token is None:
        return True  # nothing to judge by: as before
    if any(c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in token.children):
        return True
    if is_reported_plan(token):
        return False  # "prosecutors said he planned to murder the judge": found out
    if is_forecast(token):
        return False  # "the ministry is expected to announce restrictions": a forecast
    for _ in range(_INTENT_HOPS):
        words = [token, *(c for c in token.children if c.dep_ in ("aux", "acomp", "dobj"))]
        if any(w.lemma_.lower() in _STATING_WORDS for w in words):
            return True
        if token.head.i == token.i:
            break
        token = token.head
    return any(
        t.lemma_.lower() in _STATING_WORDS and t.pos_ in ("VERB", "NOUN") for t in token.sent
    )


def is_ultimatum(event: Event, spacy_doc: Any) -> bool:
    """Whether a stated intention is made conditional ("will withdraw ... unless")."""
    token = _clause_verb(event, spacy_doc)
    if token is None or not event.future or event.negated:
        return False
    return any(
        child.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in child.children)
        for child in token.children
    )


def _confidence(actor: Actor | None, recipient: Actor | None) -> float:
    score = _DEMAND_CONFIDENCE
    score += 0.1 if actor is not None and (actor.country or actor.sector) else 0.0
    score += 0.05 if recipient is not None and (recipient.country or recipient.sector) else 0.0
    return round(score, 2)


def obligation_demands(doc: Document) -> Iterator[Event]:
    """REQUEST events for obligations laid on another party in reported speech."""
    spacy_doc = doc.spacy_doc
    for sentence in doc.sentences:
        if sentence.zone is not Zone.BODY:
            continue
        span = spacy_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        # The heads of an obligation's modal ("must", "should"): the only verbs to read.
        obliged = {t.head.i for t in span if t.dep_ == "aux" and t.lower_ in _OBLIGATION_MODALS}
        for verb in span:
            if verb.i not in obliged:
                continue
            modal = next(
                (c for c in verb.children if c.dep_ == "aux" and c.lower_ in _OBLIGATION_MODALS),
                None,
            )
            if modal is None:
                continue
            told = _told_party(verb)
            if told is None and (verb.dep_ != "ccomp" or verb.head.lemma_ not in _STATEMENT_VERBS):
                continue
            if any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
                continue  # "must have known": a guess, not an obligation
            addressees = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if told is not None:
                speakers = [c for c in verb.head.head.children if c.dep_ == "nsubj"]
                if addressees and addressees[0].pos_ == "PRON":
                    addressees = [told]  # "a reminder to Iraq that it must cooperate"
            else:
                speakers = [c for c in verb.head.children if c.dep_ == "nsubj"]
            if not addressees or not speakers or addressees[0].pos_ == "PRON":
                continue  # "Syria said it must ...": a commitment of its own
            speaker = speakers[0]
            if speaker.pos_ == "VERB":  # "The Red Cross operating in Iraq said ..."
                speaker = next((c for c in speaker.children if c.dep_ == "nsubj"), speaker)
            actor = actor_at(doc.actors, speaker)
            recipient = actor_at(doc.actors, addressees[0])
            named = speaker.ent_type_ in _NAMED
            if not named and (actor is None or not (actor.country or actor.sector or actor.name)):
                continue  # "the 2011 decision stated that ...": no one demands
            yield Event(
                type="REQUEST",
                sentence=sentence.text,
                start=sentence.start,
                end=sentence.end,
                actor=replace(actor) if actor is not None else None,
                recipient=replace(recipient) if recipient is not None else None,
                trigger=modal.text,
                trigger_start=modal.idx,
                trigger_end=modal.idx + len(modal.text),
                confidence=_confidence(actor, recipient),
            )


def _told_party(verb: Any) -> Any | None:
    """The party a message noun is addressed to, when ``verb`` heads the message's
    "that" clause ("issued a reminder to Iraq that it must cooperate", "sent a warning
    to the rebels that they should leave"); None otherwise."""
    noun = verb.head
    if verb.dep_ not in ("acl", "ccomp") or noun.lemma_.lower() not in _MESSAGE_NOUNS:
        return None
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return None
    holders = [noun, noun.head]
    preps = [c for h in holders for c in h.children if c.dep_ in ("dative", "prep")]
    parties = [o for p in preps if p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    return parties[0] if parties else None


def _describes_a_thing(event: Event, spacy_doc: Any) -> bool:
    """Whether the flagged event is the aim of a thing rather than of a speaker ("a
    meeting aimed at establishing relations", "a resolution that aims to tighten
    sanctions"): nobody states an intention there."""
    token = trigger_root(spacy_doc, event)
    if token is None:
        return False
    for _ in range(_AIM_HOPS):
        if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
            return token.head.lemma_.lower() not in _INTENTION_NOUNS
        if token.head.i == token.i or token.dep_ not in _AIM_DEPS:
            return False
        token = token.head
    return False


def _threatened(event: Event, spacy_doc: Any) -> bool:
    """Whether the event is what a "threaten"/"warn" verb announces."""
    token = _clause_verb(event, spacy_doc)
    if token is None:
        return False
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in _THREAT_VERBS


def is_veiled_threat(event: Event, doc: Document) -> bool:
    """Whether a speaker says they could do something hostile ("the ministry said it
    could suspend relations", "X suggests it may ban the party"): the hostile clause has
    "could", "may" or "might", hangs on a verb of saying, and its subject is the speaker
    (a pronoun, or an actor of the speaker's country). What others say an actor could
    do is no threat ("analysts said the army could attack")."""
    token = _clause_verb(event, doc.spacy_doc)
    if token is None or not event.hypothetical or event.negated:
        return False
    modal = any(c.dep_ == "aux" and c.lower_ in _POSSIBILITY_MODALS for c in token.children)
    if not modal or token.dep_ != "ccomp" or token.head.lemma_ not in _HINTING_VERBS:
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    speakers = [c for c in token.head.children if c.dep_ == "nsubj"]
    if not subjects or not speakers:
        return False
    if subjects[0].pos_ == "PRON":
        return subjects[0].lower_ in _SPEAKER_PRONOUNS
    speaker = actor_at(doc.actors, speakers[0])
    if speaker is None or event.actor is None or event.actor.country is None:
        return False
    if speaker.country is None:  # "the leader says Mongolia could ...": its own official
        return speaker.sector == "GOV" or speakers[0].lemma_.lower() in _OFFICIAL_TITLES
    return speaker.country == event.actor.country


def _prepared(event: Event, spacy_doc: Any) -> bool:
    """Whether an attack is what its actor gets ready for ("the army prepared to
    resume shelling", "troops are preparing to storm the town"): PLOVER's MOBILIZE,
    a move short of force, not a verbal threat."""
    token = _clause_verb(event, spacy_doc)
    while token is not None and token.dep_ == "xcomp" and token.head.pos_ == "VERB":
        token = token.head  # "prepared to resume shelling"
        if token.lemma_.lower() in _PREPARING_VERBS:
            return True
    return False


def _raised_possibility(event: Event, spacy_doc: Any) -> bool:
    """Whether a hostile event is a possibility its actor raises ("activists raised the
    prospect of protests", "the minister floated the possibility of sanctions"): a
    veiled threat."""
    token = trigger_root(spacy_doc, event)
    if token is None or event.negated or token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    noun = token.head.head
    return (
        noun.lemma_.lower() in _POSSIBILITY_NOUNS
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in _RAISING_VERBS
    )


def _promises_of(event: Event, doc: Document) -> list[Event]:
    """The AGREE events coded from the verb that promises ``event`` ("vowed to renew
    the bombing campaign", "promised not to return the islands"): once the promise is
    coded as the threat or refusal it is, it is no agreement."""
    token = _clause_verb(event, doc.spacy_doc)
    if token is None:
        return []
    promises = {token.idx}  # "agreed to concessions": the light verb promises
    if token.dep_ in ("xcomp", "ccomp") and token.head.i != token.i:
        promises.add(token.head.idx)  # "vowed to renew the campaign"
    return [
        e
        for e in doc.events
        if e.type == "AGREE"
        and e.start == event.start
        and e.trigger_start in promises
        and _same_actor(e.actor, event.actor)
    ]


@stage(
    "intents",
    requires=("doc.events", "event.future", "event.negated", "doc.spacy_doc", "doc.actors"),
    assigns=("doc.events",),
)
def add_intents(doc: Document) -> Document:
    patterns = lexicon.event_patterns()
    types = patterns.types
    added: list[Event] = list(obligation_demands(doc)) if doc.spacy_doc is not None else []
    replaced: list[Event] = []
    for event in doc.events:
        info = types.get(event.type)
        if info is None:
            continue
        cooperative = info.quad_class in _COOPERATIVE_QUADS
        promised = patterns.promised_as.get(event.type)
        if promised is not None and _offered(event, doc.spacy_doc):
            promised = None  # "ready to lift the ban": willingness, not a promise
        type_ = derived_type(event, cooperative, promised)
        if type_ is not None and not is_stated_intention(event, doc.spacy_doc):
            type_ = None  # "the two leaders will meet again": a plan, no statement
        offer = cooperative and event.hypothetical and not event.negated
        if type_ is None and offer and _offered(event, doc.spacy_doc):
            type_ = "AGREE"  # "would be ready to host a meeting": an offer all the same
        if type_ is not None and is_ultimatum(event, doc.spacy_doc):
            type_ = "THREATEN"
        if (
            type_ is None
            and not cooperative
            and (is_veiled_threat(event, doc) or _raised_possibility(event, doc.spacy_doc))
        ):
            type_ = "THREATEN"
        if type_ is not None and _threatened(event, doc.spacy_doc):
            type_ = "THREATEN"  # "threatened to end the protests by force"
        if type_ == "THREATEN" and event.type == "ASSAULT" and _prepared(event, doc.spacy_doc):
            type_ = "MOBILIZE"  # "the army prepared to resume shelling": a military move
        if type_ is None or _describes_a_thing(event, doc.spacy_doc):
            continue
        if type_ == event.type and type_ != promised:
            continue  # a promised concession is one ("agreed to lift the curfew")
        covered = any(
            other.type == type_
            and other.start == event.start
            and other.factual
            and _same_actor(other.actor, event.actor)
            for other in [*doc.events, *added]
        )
        if not covered:
            added.append(statement_event(event, type_))
            if type_ != "AGREE":
                replaced.extend(_promises_of(event, doc))
    doc.events = [e for e in doc.events if not any(e is r for r in replaced)]
    doc.events.extend(added)
    doc.events.sort(key=lambda e: (e.start, e.trigger_start or 0))
    return doc
