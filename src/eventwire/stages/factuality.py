"""Factuality stage: flag events the text does not assert as having happened.

An event is *negated* ("did not attack", "no one was injured", "denied attacking", "nor
did they fire", "instead of attacking"),
*hypothetical* ("would attack", "if they attack", "accused each other of building up
troops", "could presage") or *future* ("will meet", "likely to get involved", "plans
to withdraw"). The words are in ``data/factuality.tsv``; this module looks for them
in the clause of the trigger (auxiliaries, negation, a determiner "no" on an argument,
"if" marks) and in the clauses that govern it through infinitive or prepositional
complements, clauses of purpose ("will give a grant to finance schools") and
coordination ("refused to meet or negotiate"). What a noun proposes, requests or
alleges is not a fact ("an offer to host talks", "the right to fire", "a demand that
the army withdraw"), nor is a "that" clause in the subjunctive ("its demand today that
Israel ease restrictions", wherever the parser hangs it), nor is what a light verb
promises ("pledged aid", "offered concessions": future) or what "until"/"before" set as
a condition still to be met. An
infinitive that no verb governs is a headline's future ("Leaders to meet on Friday").
Prepositions of time and cause ("after attacking") put nothing in doubt. Flagged
events are kept, with a lower confidence, but not listed by default. An event told as a
summary of the past ("have already fought two wars over the region") did happen: it is
listed, with PLOVER's "historical" context and a lower confidence, and left undated.
A body sentence that reports no event at all (a heading, a weather warning, a result in
a competition, an instruction to the reader, a question reported as speech: see
``coding.non_events``) loses its events, as does a standing state. A clause that
asserts no specific event as done (a plan on an event noun, a description in the
present, quoted speech not in a past tense, an ability, a courtesy, a state held for
long, the report's frame, a word in another sense: ``coding.nonspecific``; a question,
a punishment faced, a routine call-out, a market's demand, a restriction by weather:
``coding.unasserted``) keeps its events, flagged ``future`` or ``hypothetical``, so
analysts still see them. An event noun that its own "no" denies ("there were no talks")
is negated; an infinitive that "be" or "due" governs ("the minister is to visit", "is
due to sign") is an arrangement still to come.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from eventwire.coding.conjoined import shared_head
from eventwire.coding.habitual import is_habitual
from eventwire.coding.non_events import clause_verb
from eventwire.coding.nonspecific import nonspecific_reason
from eventwire.coding.other_senses import other_sense_reason
from eventwire.coding.past_telling import (
    is_standing_state,
    is_summary_of_past,
    is_told_as_series,
    reports_no_event,
    trigger_and_verb,
)
from eventwire.coding.syntax import COMMITTING_VERBS
from eventwire.coding.unasserted import unasserted_reason
from eventwire.coding.unhappened import is_open_question, unhappened_reason
from eventwire.datafiles import read_word_table
from eventwire.model import Document, Event, Zone
from eventwire.stages.registry import stage

FLAGS = frozenset({"negated", "hypothetical", "future"})
# PLOVER's context for an event told as part of the past ("have already fought two wars").
HISTORICAL = "historical"
FLAGGED_PENALTY = 0.1
# An article whose source gave its title apart from the text (``Article.title``, no
# title line in the text) is an article with a title too: its text is all body, where
# the present tense describes rather than reports (``coding.nonspecific``).
TITLE_GIVEN_APART = True
# Words that make the gerund after them an alternative not taken.
_NOT_TAKEN = frozenset({("instead", "of"), ("rather", "than")})
# Relations through which a governing word scopes over the event's clause.
_GOVERNING_DEPS = frozenset({"xcomp", "pcomp", "prep", "acomp", "ccomp"})
_CLAUSE_DEPS = frozenset({"aux", "auxpass", "neg", "mark", "advmod"})
_MAX_HOPS = 4
_SPEECH_VERBS = frozenset(
    {"say", "announce", "tell", "state", "declare", "report", "add", "warn", "insist",
     "confirm", "indicate", "signal", "write", "quote"}
)  # fmt: skip
_MODALS = frozenset({"could", "might", "may", "should", "must"})
_CAUSATIVE_VERBS = frozenset({"allow", "let", "permit", "enable", "help", "make", "force"})
# "until"/"before" with the present tense: a condition not yet met.
_PENDING_MARKS = frozenset({"until", "before"})
# Light verbs that promise the event their noun names.
_PROMISING_VERBS = (
    frozenset({"offer", "promise", "pledge", "propose", "vow", "threaten"}) | COMMITTING_VERBS
)
# Verbs by which a subject states an intention noun as its own ("made a commitment").
_STATING_VERBS = frozenset(
    {"make", "reach", "give", "announce", "express", "reiterate", "renew", "repeat",
     "sign", "conclude", "strike", "issue", "declare"}
)  # fmt: skip
# Verbs that make an agreement, whose purpose clause is its aim.
_AGREEING_VERBS = frozenset({"sign", "conclude", "reach", "ratify", "approve", "strike", "seal"})
# Pronouns that deny their clause as its subject or object ("nobody was arrested").
_NEGATIVE_PRONOUNS = frozenset({"nobody", "none", "noone", "nothing"})
# An arrest told by an infinitive is an aim, an order or a power ("orders to arrest
# anyone", "sent teams to apprehend him", "free to arrest us", "unable to arrest
# them"), not an arrest made, unless a verb of success governs it ("managed to arrest").
_ACHIEVING_WORDS = frozenset({"manage", "succeed", "able", "proceed", "go"})
# Prepositions of time and cause do not put the events they govern in doubt.
_TEMPORAL_PREPS = frozenset(
    {"after", "before", "since", "following", "during", "despite", "amid", "until"}
)


@lru_cache(maxsize=1)
def factuality_words() -> Mapping[str, str]:
    """Word -> the flag it gives the clauses it governs (``data/factuality.tsv``)."""
    return read_word_table(
        "factuality.tsv", "flag", lambda cell: cell if cell in FLAGS else None,
        f"flag ({', '.join(sorted(FLAGS))})",
    )  # fmt: skip


def _word_flag(token: Any, words: Mapping[str, str]) -> str | None:
    return words.get(token.lower_) or words.get(token.lemma_.lower())


def _is_present(verb: Any) -> bool:
    """Whether a clause is in the present tense (its verb or first auxiliary)."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (auxiliaries[0] if auxiliaries else verb).tag_ in ("VBP", "VBZ", "VB")


def _clause_flags(verb: Any, words: Mapping[str, str]) -> set[str]:
    """Flags from the verb's own auxiliaries, negation and marks, and from a "no" on
    its arguments ("no employee was injured")."""
    flags: set[str] = set()
    for child in verb.children:
        if child.dep_ in _CLAUSE_DEPS:
            flag = _word_flag(child, words)
            if flag is not None and (child.dep_ != "advmod" or flag == "negated"):
                flags.add(flag)
            if child.dep_ == "aux" and child.lower_ == "going":
                flags.add("future")
            if child.dep_ == "mark" and child.lower_ in _PENDING_MARKS and _is_present(verb):
                flags.add("hypothetical")  # "until their demands are met": not yet
        elif child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and (
            child.lower_ in _NEGATIVE_PRONOUNS
            or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)
        ):
            flags.add("negated")  # "no employee was injured", "there were no talks"
    if _instead(verb):
        flags.add("negated")  # "instead of allowing the opposition to find out"
    if _after_nor(verb):
        flags.add("negated")  # "did not invite him nor do we endorse his views"
    return flags


def _denied_noun(trigger: Any) -> bool:
    """Whether an event noun is denied by its own determiner ("no attack", "no talks
    took place", "there were no negotiations"), wherever the parser hangs it."""
    return trigger.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("no", "neither") for c in trigger.children
    )


def _instead(verb: Any) -> bool:
    """Whether the clause is an alternative not taken: "instead of allowing", "rather
    than attacking"."""
    start = verb.left_edge.i
    if start < 2 or verb.tag_ != "VBG":
        return False
    before = (verb.doc[start - 2].lower_, verb.doc[start - 1].lower_)
    return before in _NOT_TAKEN


def _after_nor(verb: Any) -> bool:
    """Whether a "nor" opens the clause: on the verb itself ("Nor did they fire") or
    on the clause it is joined to ("did not invite him, nor do we endorse him")."""
    heads = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    return any(
        c.dep_ in ("cc", "preconj") and c.lower_ == "nor" and c.i < verb.i
        for head in heads
        for c in head.children
    )


def _children_of(token: Any, dep: str) -> list[Any]:
    return [child for child in token.children if child.dep_ == dep]


def _noun_flag(noun: Any, words: Mapping[str, str]) -> str | None:
    """What a noun does to the clause it heads: "a refusal to meet" negates it, "an
    offer to host talks" or "an admission (demanded) that troops fired" leaves it a
    mere proposition."""
    flag = _word_flag(noun, words)
    if flag is None and noun.dep_ in ("dobj", "pobj"):
        governor = noun.head if noun.dep_ == "dobj" else noun.head.head
        flag = _word_flag(governor, words) if governor.pos_ == "VERB" else None
    if flag is None:
        return None
    if flag == "future" and _word_flag(noun, words) == "future" and _is_stated(noun):
        return "future"  # "made a commitment to ease restrictions": an intention stated
    return "negated" if flag == "negated" else "hypothetical"


def _is_stated(noun: Any) -> bool:
    """Whether an intention noun is made or announced by the subject of its verb ("made
    a commitment", "reached an agreement"), not rejected or reported of others."""
    verb = noun.head
    return (
        noun.dep_ == "dobj"
        and verb.lemma_.lower() in _STATING_VERBS
        and not _children_of(verb, "neg")
    )


def _is_infinitive(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _governing_flags(verb: Any, words: Mapping[str, str]) -> set[str]:
    """Flags from the words of the clauses that take this clause as a complement, or
    as their purpose ("will give a grant to finance schools"). What a noun proposes,
    requests or allows is not a fact ("an offer to host talks", "the right to fire",
    "an appeal for deploying troops")."""
    flags: set[str] = set()
    current = verb
    for _ in range(_MAX_HOPS):
        relation = current.dep_
        if current.head.i == current.i:
            break
        shared = _shared_infinitive(current)
        if shared is not None:
            current = shared  # "planned to kill him and then attack a station"
            continue
        if relation == "conj" and current.head.pos_ in ("VERB", "AUX"):
            current = current.head  # "refused to let the planes land and evacuate ..."
            flags |= _clause_flags(current, words) - {"negated"}
            continue
        infinitive = _is_infinitive(current)
        if relation in ("acl", "relcl") and current.head.pos_ == "NOUN":
            noun = current.head
            flag = _noun_flag(noun, words)
            if flag is not None and (
                infinitive or _children_of(current, "mark") or current.tag_ == "VBG"
            ):
                # "efforts to end the fighting", "a demand that ...", "vetoed a
                # resolution censuring the raid"
                flags.add(flag)
            elif infinitive and noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
                # "will give a grant to finance schools", "urged him to set up a committee
                # to coordinate regulators": the purpose takes its verb's scope
                flags |= _clause_flags(noun.head, words)
                current = noun.head
                continue
            break
        if relation == "prep" and current.lower_ in _TEMPORAL_PREPS:
            break  # "arrested after attacking a guard": the attack happened
        if relation == "dobj" and current.tag_ == "VBG":
            if _word_flag(current.head, words) == "negated":
                flags.add("negated")  # "vetoed a resolution censuring the raid", misread
            break
        if relation not in _GOVERNING_DEPS and not (relation == "advcl" and infinitive):
            break
        current = current.head
        flag = _word_flag(current, words)
        if relation == "ccomp" and not _is_causative(current, infinitive):
            # Reported speech keeps its own tense; only denials, allegations and
            # requests ("demanded that the army withdraw") scope.
            if flag in ("negated", "hypothetical") and current.pos_ in ("VERB", "NOUN"):
                flags.add(flag)
            elif flag == "future" and infinitive and current.pos_ == "VERB":
                # "expect the rebels to attack", "wanted her parents to accept": an
                # infinitive has no tense of its own to report
                flags.add(flag)
            break
        if flag is not None and current.pos_ == "NOUN":
            flags.add(_noun_flag(current, words) or flag)
        elif flag is not None and current.pos_ in ("VERB", "ADJ", "AUX", "SCONJ"):
            flags.add(flag)
        if current.pos_ in ("VERB", "AUX", "ADJ"):
            flags |= _clause_flags(current, words)
    return flags


def _shared_infinitive(verb: Any) -> Any | None:
    """The infinitive a bare verb shares its "to" with when the parser joined it to the
    finite verb instead ("planned to kill him and then attack a station": "attack" is
    planned too). A base form with no subject nor auxiliary of its own cannot be a
    clause of a finite verb in the past or third person."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VB" or head.tag_ not in ("VBD", "VBZ", "VBN"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return None
    earlier = [
        t for t in head.subtree if head.i < t.i < verb.i and t.tag_ == "VB" and _is_infinitive(t)
    ]
    return earlier[-1] if earlier else None


def _is_causative(verb: Any, infinitive: bool) -> bool:
    """Whether a complement clause is what a verb lets or makes happen ("allow the
    planes to land"), which takes that verb's scope, unlike reported speech."""
    return infinitive and verb.lemma_.lower() in _CAUSATIVE_VERBS


def _is_arranged(verb: Any) -> bool:
    """Whether the clause is an infinitive that "be" or "due" governs ("the minister is
    to visit Cairo", "talks were to resume", "the leaders are due to sign"): an
    arrangement still to come. Not a purpose of a stay ("is in Cairo to meet"), a rank
    ("was the first to sign", "is among the first to sign") or the content of an aim
    ("the goal is to ...": its noun tells it)."""
    if not _is_infinitive(verb) or verb.dep_ != "xcomp":
        return False
    head = verb.head
    if head.lower_ == "due":
        return True
    if head.lemma_.lower() != "be" or verb.lemma_.lower() == "blame":
        return False  # "they are to blame": responsible, no plan
    if any(c.dep_ in ("attr", "acomp", "prep", "advmod") and c.i < verb.i for c in head.children):
        return False
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "expl")]
    return bool(subjects) and not any(s.lemma_.lower() in _AIM_NOUNS for s in subjects)


# Nouns whose "is to" tells their content, not an arrangement ("the goal is to ...").
_AIM_NOUNS = frozenset(
    {"goal", "aim", "purpose", "objective", "idea", "plan", "intention", "task", "mission",
     "job", "priority", "point", "role", "function", "hope", "challenge", "solution",
     "answer", "way", "step", "option", "strategy", "policy", "target", "ambition", "dream",
     "intent", "agenda", "focus", "concern", "alternative", "choice", "decision", "wish"}
)  # fmt: skip


def _is_agreed_aim(verb: Any) -> bool:
    """Whether the clause is the aim of an agreement just made ("signed an accord to
    increase trade", "reached a deal to reopen the border"): not yet done."""
    return (
        verb.dep_ == "advcl"
        and _is_infinitive(verb)
        and verb.head.lemma_.lower() in _AGREEING_VERBS
        and any(c.dep_ == "dobj" for c in verb.head.children)
    )


def _is_mandative(verb: Any) -> bool:
    """Whether the clause is a "that" clause in the subjunctive ("demanded that the
    minister resign"; the base form with a third-person subject): what is asked for."""
    return (
        verb.tag_ == "VB"
        and any(c.dep_ in ("mark", "advmod") and c.lower_ == "that" for c in verb.children)
        and any(c.dep_ == "nsubj" and c.lower_ not in ("i", "you", "we", "they")
                for c in verb.children)
        and not _children_of(verb, "aux")
    )  # fmt: skip


def _reported_future(flags: set[str], verb: Any) -> set[str]:
    """In reported speech "would" is the future seen from the past ("they said they
    would boycott the talks"): a stated intention, not a hypothesis."""
    if "hypothetical" not in flags or verb.dep_ != "ccomp":
        return flags
    if verb.head.lemma_.lower() not in _SPEECH_VERBS:
        return flags
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    conditional = any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)
    if auxiliaries & {"would", "'d"} and not auxiliaries & _MODALS and not conditional:
        return (flags - {"hypothetical"}) | {"future"}
    return flags


# The reasons of ``coding.nonspecific`` that flag an event (all of them; an empty set
# turns the check off, to measure what it does).
NONSPECIFIC_REASONS: frozenset[str] = frozenset(
    {"planned", "sense", "metaphor", "reporting", "standing", "courtesy", "ability",
     "description", "present", "quoted", "background", "purpose", "maxim"}
)  # fmt: skip
# Left out: "generic", a relative clause in the present simple ("the cleric whom the
# government accuses of the coup"): right on the WORK TR-News articles (2 events), but it
# cost one NGEC set-aside story (0.876 -> 0.874, under the floor 0.875).


# The reasons of ``coding.unasserted`` that flag an event (a question, a punishment
# faced, a routine call-out, a market's demand, a restriction by weather or money).
UNASSERTED_REASONS: frozenset[str] = frozenset(
    {"question", "faced", "routine", "market", "circumstance", "thanks"}
)
# Left out: a participle describing its noun ("the banned party"; "the arrested men" are
# news: police set-aside ARREST F1 under its floor), and "aim" ("the militia was founded
# to fight"): it cost one NGEC set-aside story (under the floor 0.875) and, on WORK, a
# story whose body was set up "to recruit".


# A verb joined to another with no subject of its own is read as that one
# (``coding.conjoined``).
SHARED_CLAUSES = True
# An indirect question ("whether", "asked if") tells nothing as done.
OPEN_QUESTIONS = True
# A habit by the calendar in the present simple (``coding.habitual``).
HABITS = True
# Senses of trigger words their type does not have (``coding.other_senses``).
OTHER_SENSES: frozenset[str] = frozenset({"cause", "give"})
# The reasons of ``coding.unhappened`` that flag an event (called off or failed, a reward
# offered, "called" an event read as a telephone call).
UNHAPPENED_REASONS: frozenset[str] = frozenset({"called_off", "reward", "called_event"})
# Left out: "no_comment" ("declined to comment", "refused to say"): 6 non-events fewer
# on the GVC work articles, but PLOVER GSR codes it REJECT and its set-aside micro-F1
# fell 0.866 -> 0.860 with it (one gold REJECT lost).


def nonspecific(event: Event, spacy_doc: Any, *, in_body: bool = False) -> tuple[str, str] | None:
    """The flag and the reason why ``event`` is told as no specific event done (a plan,
    a habit, a standing state, the report's frame, another sense of the word:
    ``coding.nonspecific``), or None."""
    found = trigger_and_verb(event, spacy_doc)
    if found is None:
        return None
    return nonspecific_reason(found[0], event.type, in_body=in_body)


def assess(event: Event, spacy_doc: Any, *, in_body: bool = False) -> set[str]:
    """The factuality flags that apply to ``event`` (``in_body``: told in the body of
    an article with a title, not in a title, a caption or a lone sentence)."""
    if event.trigger_start is None or event.trigger_end is None:
        return set()
    span = spacy_doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if span is None:
        return set()
    trigger = span.root
    words = factuality_words()
    verb = trigger
    flags: set[str] = set()
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        if verb.pos_ == "ADP" and verb.head.pos_ == "NOUN" and verb.lower_ in ("of", "for"):
            flag = _word_flag(verb.head, words)  # "raised the possibility of sanctions"
            if flag is not None:
                flags.add("negated" if flag == "negated" else "hypothetical")
        if verb.lower_ == "of" and verb.head.lower_ == "ahead":
            flags.add("future")  # "police deployed ahead of the protests"
        verb = verb.head  # an event noun: look at its light verb's clause
    flags |= _clause_flags(trigger, words) | _clause_flags(verb, words)
    if _denied_noun(trigger):
        flags.add("negated")  # "there has been no attack since", "reported no arrests"
    if trigger.i != verb.i and verb.lemma_.lower() in _PROMISING_VERBS:
        flags.add("future")  # "offered concessions", "pledged aid": not yet given
    if _is_infinitive(verb) and not any(a.pos_ in ("VERB", "AUX") for a in verb.ancestors):
        flags.add("future")  # a headline's "Leaders to meet next week"
    if _is_arranged(verb):
        flags.add("future")  # "the minister is to visit", "is due to sign"
    if _is_agreed_aim(verb):
        flags.add("hypothetical")  # "signed an agreement to increase trade": its aim
    if _is_mandative(verb):
        flags.add("hypothetical")  # "its demand that Israel ease restrictions"
    if event.type == "COERCE" and event.mode == "arrest" and _is_aimed_arrest(verb):
        flags.add("hypothetical")
    flags = _reported_future(flags, verb)
    if OPEN_QUESTIONS and is_open_question(verb):
        flags.add("hypothetical")  # "declined to say whether troops would be sent"
    flags |= _governing_flags(verb, words)
    if flags == {"hypothetical"} and _tells_its_dead(trigger):
        flags.clear()  # "had ordered firing at the rioters in which three men were killed"
    if not flags:
        found = nonspecific_reason(trigger, event.type, in_body=in_body)
        if found is not None and found[1] in NONSPECIFIC_REASONS:
            flags.add(found[0])  # planned, habitual, standing, a frame, another sense
    joined = shared_head(trigger) if SHARED_CLAUSES else None
    if not flags and joined is not None:
        found = nonspecific_reason(joined, event.type, in_body=in_body)
        if found is not None and found[1] in NONSPECIFIC_REASONS:
            flags.add(found[0])  # "kills people and destroys families": both generic
    if not flags:
        reason = unasserted_reason(trigger, clause_verb(trigger), event.type)
        if reason is not None and reason in UNASSERTED_REASONS:
            flags.add("future" if reason == "faced" else "hypothetical")
    if not flags:
        reason = unhappened_reason(trigger, clause_verb(trigger), event.type)
        if reason is not None and reason in UNHAPPENED_REASONS:
            flags.add("negated" if reason == "called_off" else "hypothetical")
    if not flags and HABITS and is_habitual(verb):
        flags.add("hypothetical")  # "every year, pilgrims march to the shrine"
    if not flags:
        sense = other_sense_reason(trigger, verb, event.type)
        if sense is not None and sense in OTHER_SENSES:
            flags.add("hypothetical")  # "fight for independence", "gave a speech in"
    return flags


def _tells_its_dead(trigger: Any) -> bool:
    """Whether an attack's own phrase tells, in a relative clause of the past, who died
    in it ("ordered firing at the mob in which four were killed"): it was carried out."""
    for token in trigger.subtree:
        if (
            token.dep_ == "relcl"
            and token.lemma_.lower() in _DEATH_LEMMAS
            and token.tag_ in ("VBD", "VBN")
            and not any(
                c.dep_ in ("neg", "aux") and c.lower_ not in _PAST_AUX for c in token.children
            )
        ):
            return True
    return False


_DEATH_LEMMAS = frozenset({"kill", "die"})
_PAST_AUX = frozenset({"was", "were", "had", "has", "have"})


def _is_aimed_arrest(verb: Any) -> bool:
    """Whether an arrest's clause is an infinitive that no verb of success governs."""
    if not _is_infinitive(verb) or verb.head.i == verb.i:
        return False
    return verb.head.lemma_.lower() not in _ACHIEVING_WORDS


__all__ = [
    "HISTORICAL",
    "assess",
    "flag_factuality",
    "is_summary_of_past",
    "is_told_as_series",
    "judge_events",
    "nonspecific",
    "reports_no_event",
]


def judge_events(doc: Document, events: list[Event]) -> list[Event]:
    """The events that a body sentence reports as events (titles and captions are not
    judged), each flagged as the text tells it: negated, hypothetical, future, or
    historical. Stages that add events after this one (``stages.casualties``) judge
    theirs here too."""
    kept = [
        event
        for event in events
        if doc.zone_at(event.start) in (Zone.TITLE, Zone.CAPTION)
        or not (
            is_standing_state(event, doc.spacy_doc)
            or reports_no_event(event, doc.spacy_doc, doc.text)
        )
    ]
    titled = any(span.zone is Zone.TITLE for span in doc.spans) or (
        TITLE_GIVEN_APART and doc.article is not None and doc.article.title is not None
    )
    for event in kept:
        # An article's body (it has a title): lone sentences and captions tell news in
        # the present.
        in_body = titled and doc.zone_at(event.start) == Zone.BODY
        flags = assess(event, doc.spacy_doc, in_body=in_body)
        event.negated = "negated" in flags
        event.hypothetical = "hypothetical" in flags
        event.future = "future" in flags
        if flags:
            # Less likely to stand for what happened than an asserted event.
            event.confidence = round(max(0.05, event.confidence - FLAGGED_PENALTY), 2)
        elif HISTORICAL not in event.contexts and (
            is_summary_of_past(event, doc.spacy_doc) or is_told_as_series(event, doc.spacy_doc)
        ):
            # It happened, but not when the article appeared: the dates stage leaves
            # it undated rather than date it on the publication day.
            event.contexts.append(HISTORICAL)
            event.confidence = round(max(0.05, event.confidence - FLAGGED_PENALTY), 2)
    return kept


@stage(
    "factuality",
    requires=("doc.events", "doc.spacy_doc"),
    assigns=("event.negated", "event.hypothetical", "event.future", "event.contexts"),
)
def flag_factuality(doc: Document) -> Document:
    doc.events = judge_events(doc, doc.events)
    return doc
