"""Statements a trigger word matches that assert no specific event as done.

Unlike the sentences of ``coding.non_events`` (headings, warnings, results), these
are kept and flagged by the factuality stage, so an analyst can still see them:

- *planned*: an event noun that a plan or a schedule governs ("talks planned for the
  next day", "a meeting to be held in Moscow", "the upcoming summit", "the vote is
  scheduled for Friday"; "a meeting about Syria to be held", where the parser makes
  the noun the subject of the infinitive): ``future``;
- *present* (in an article's body only, the whole text when the source gave its
  title apart; titles, captions and lone sentences tell news in the present): a main
  clause in the present simple of a third person outside quotes ("the family calls
  its farm ...", "trade agreements level the field"), or an event noun described by a
  present copula ("the loans are interest-free"): a description, not a report;
- *ability*: what one can do ("police can hold suspects for two days");
- *courtesy*: thanks in a speech ("I want to thank my family");
- *standing*: a state held for long ("have long opposed the dam", "a long-standing
  alliance"), an agreement on an opinion ("agreed that youth crime is a problem",
  "agreed with the critics"): no event;
- *reporting frame*: how the news was told, not what happened ("spoke on condition
  of anonymity", "asked not to be named"; "declined to comment" was taken out: PLOVER
  GSR codes it as a REJECT);
- *word sense*: the trigger word in another sense than its type's ("demonstrated
  his skill" is no protest, "military strikes" no labour strike, "amassed charges"
  no mobilization, "killing off the siesta" no attack, "meet their needs", "call
  the farm X" and "called the police" (a report) no consultation, "seeking office"
  no request, "accepting new patients" no agreement, "pleaded guilty" no request, a
  visit by private persons ("her parents are visiting Rome") no consultation,
  "reinforced the sense of unease" no mobilization; ``coding.flagged_senses``).

- *background*: a relative clause in the active present perfect with no time of its
  own ("their countries, which have backed opposing sides"), the noun's history;
- *purpose*: an infinitive on a noun described by a participle ("a squad assigned to
  investigate crime", "the group, founded in 1959 to fight for independence"), or on
  money gathered or set aside ("raised enough money to fund a recount");
- *maxim*: a clause in the present simple of the generic "you" ("you fight the
  battles you have to fight").

A relative clause in the present simple ("the cleric whom the government accuses of
the coup", *generic*) is found but does not flag (``stages.factuality``: it cost one
NGEC set-aside story).

Habitual and generic subjects ("police usually detain them", "children throw
stones") were tried and taken out: they cost PLOVER GSR events ("soldiers routinely
beat up detainees" is coded there) and removed no judged event of the audit.

``nonspecific_reason`` returns the flag and the reason, or None.
"""

from __future__ import annotations

from typing import Any

from eventwire.coding.flagged_senses import other_sense
from eventwire.coding.non_events import clause_verb
from eventwire.coding.syntax import children, has_child

# What plans or schedules an event noun, as the verb of its clause or its modifier.
_PLANNING = frozenset(
    {"plan", "schedule", "set", "slate", "expect", "propose", "due", "intend", "envisage"}
)
_PLANNED_ADJECTIVES = frozenset(
    {"upcoming", "planned", "scheduled", "proposed", "forthcoming", "future", "impending",
     "expected", "prospective", "next", "coming", "possible", "potential", "intended"}
)  # fmt: skip
# Words that make a state standing.
_STANDING_ADVERBS = frozenset({"long", "traditionally", "historically", "consistently"})
_STANDING_ADJECTIVES = frozenset(
    {"longstanding", "long-standing", "standing", "traditional", "historic", "historical",
     "decades-old", "age-old", "longtime", "long-time", "old", "enduring", "lasting"}
)  # fmt: skip
_STATE_VERBS = frozenset({"be", "have", "seem", "remain", "exist", "need", "matter", "deserve"})
# Gathering or setting aside money, and the words for money ("raised funds to ..."),
# whose purpose infinitive is an aim (``_is_purpose_of_means``).
_FUNDING = frozenset(
    {"raise", "collect", "gather", "allocate", "earmark", "budget", "seek", "solicit", "borrow"}
)  # fmt: skip
_MONEY = frozenset({"money", "fund", "funds", "cash", "donation", "pledge", "dollar", "budget"})


def nonspecific_reason(trigger: Any, type_: str | None, *, in_body: bool) -> tuple[str, str] | None:
    """The factuality flag (``future`` or ``hypothetical``) and the reason why the
    clause of ``trigger`` (a spaCy token), coded as ``type_``, asserts no specific
    event as done, or None. The present tense is judged only in an article's body
    (``in_body``): titles, captions and lone sentences tell news in the present."""
    verb = clause_verb(trigger)
    if _is_planned(trigger, verb):
        return "future", "planned"
    sense = other_sense(trigger, verb, type_)
    if sense is not None:
        return "hypothetical", sense
    if _is_reporting_frame(trigger, verb):
        return "hypothetical", "reporting"
    if _is_standing(trigger, verb, type_):
        return "hypothetical", "standing"
    if _is_courtesy(trigger, verb):
        return "hypothetical", "courtesy"
    if _is_ability(verb):
        return "hypothetical", "ability"
    if _is_background_of_noun(verb):
        return "hypothetical", "background"
    if _is_purpose_of_noun(verb) or _is_purpose_of_means(verb):
        return "hypothetical", "purpose"
    if _has_generic_you(verb):
        return "hypothetical", "maxim"
    if _is_description_of_noun(trigger, verb):
        return "hypothetical", "generic"
    if in_body and _is_described(trigger, verb):
        return "hypothetical", "description"
    if in_body and _is_present_state(trigger, verb):
        return "hypothetical", "present"
    # (Direct speech not in a past tense was flagged too, and taken out: on the GVC
    # set-aside part it cost a shooting report its main event's death count.)
    return None


def _is_planned(trigger: Any, verb: Any) -> bool:
    """An event noun with a plan on it ("talks planned for Monday", "a meeting to be
    held", "the upcoming summit"), or the subject of a plan ("the vote is scheduled")."""
    if trigger.dep_ == "acl" and trigger.head.pos_ == "NOUN":
        trigger = trigger.head  # "a planned strike called by the union"
    if trigger.pos_ != "NOUN":
        return False
    for child in trigger.children:
        if child.dep_ == "amod" and child.lower_ in _PLANNED_ADJECTIVES:
            return True
        if child.dep_ == "acl" and (
            (child.tag_ == "VBN" and child.lemma_.lower() in _PLANNING)
            or (has_child(child, "aux", "to") and any(c.dep_ == "auxpass" for c in child.children))
        ):
            return True
    head = trigger.head
    if (
        trigger.dep_ == "nsubjpass"
        and has_child(head, "aux", "to")
        and any(c.dep_ == "auxpass" for c in head.children)
    ):
        return True  # "before a meeting about Syria to be held in Moscow", misparsed
    return (
        trigger.dep_ in ("nsubj", "nsubjpass")
        and trigger.head.i == verb.i
        and verb.lemma_.lower() in _PLANNING
        and not any(c.dep_ == "neg" for c in verb.children)
    )


def _is_courtesy(trigger: Any, verb: Any) -> bool:
    """Thanks given in a speech ("I want to thank my family", "'We thank everyone who
    came,' she said"): a courtesy, no political act."""
    if trigger.lemma_.lower() not in ("thank", "thanks"):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return _quoted(trigger) or any(s.lower_ in _FIRST_PERSON for s in subjects)


def _is_ability(verb: Any) -> bool:
    """What one can do ("police can hold suspects for two days"): an ability or a
    power, not an act."""
    return any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in verb.children)


def _present_simple(verb: Any) -> bool:
    """The present simple, active ("forbids") or passive ("is often cited")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxiliaries:
        return verb.tag_ in ("VBZ", "VBP")
    if any(a.dep_ == "aux" and a.lower_ not in ("do", "does") for a in auxiliaries):
        return False
    return verb.tag_ in ("VBZ", "VBP") or (
        verb.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries)
    )


def _is_described(trigger: Any, verb: Any) -> bool:
    """An event noun described by a present copula ("the loans are interest-free",
    "such visits are something that ..."): a description, not a report."""
    subject = trigger.head if trigger.dep_ == "compound" else trigger
    return (
        trigger.pos_ == "NOUN"
        and subject.dep_ == "nsubj"
        and subject.head.i == verb.i
        and verb.lemma_.lower() == "be"
        and verb.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ == "aux" for c in verb.children)
    )


_FIRST_PERSON = frozenset({"i", "we", "you"})
_SPEAKING = frozenset({"say", "tell", "add", "state", "claim", "report", "write", "note"})


def _is_present_state(trigger: Any, verb: Any) -> bool:
    """A main clause of the body in the present simple, of a third person, outside
    quotes and not speech ("the family calls its farm ...", "the group backs ..."):
    body text reports what happened in the past tense."""
    if not _present_simple(verb) or verb.dep_ not in ("ROOT", "conj"):
        return False
    if verb.tag_ == "VBN":
        return False  # "the man is charged with assault": news in the passive
    if verb.lemma_.lower() in _SPEAKING or _quoted(trigger):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and not any(s.lower_ in _FIRST_PERSON for s in subjects)


_QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})


def _quoted(token: Any) -> bool:
    return sum(1 for t in token.sent if t.i < token.i and t.text in _QUOTE_MARKS) % 2 == 1


def _is_standing(trigger: Any, verb: Any, type_: str | None) -> bool:
    """A state held for long ("have long opposed", "a long-standing alliance") or an
    agreement on an opinion ("agreed that crime is a problem", "agreed with them")."""
    if any(c.dep_ == "advmod" and c.lower_ in _STANDING_ADVERBS for c in verb.children):
        return True
    if trigger.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound") and c.lower_ in _STANDING_ADJECTIVES
        for c in trigger.children
    ):
        return True
    if type_ != "AGREE" or trigger.i != verb.i or trigger.lemma_.lower() != "agree":
        return False
    if any(c.dep_ in ("xcomp", "dobj") for c in verb.children):
        return False  # "agreed to withdraw", "agreed a ceasefire"
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        auxiliaries = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        if clause.lemma_.lower() in _STATE_VERBS and not auxiliaries & {"would", "will", "should"}:
            return True  # "agreed that youth crime is a problem"
    return has_child(verb, "prep", "with") and not any(c.dep_ == "ccomp" for c in verb.children)


def _is_reporting_frame(trigger: Any, verb: Any) -> bool:
    """Whether the clause is the report's frame: "spoke on condition of anonymity",
    "asked not to be named"."""
    scope = [trigger, verb]
    if any(t.lemma_.lower() == "anonymity" for s in scope for t in s.subtree):
        return True
    for clause in (c for c in verb.children if c.dep_ == "xcomp"):
        negated = any(c.dep_ == "neg" for c in clause.children)
        if negated and clause.lemma_.lower() in ("name", "identify", "quote"):
            return True  # "asked not to be named"
    return False


# Relations by which a clause hangs on the clause that describes a noun ("a pairing
# which connects phones to allow drivers ...", "battles that you have to fight").
_CLAUSE_LINKS = frozenset({"xcomp", "advcl", "conj"})
_DESCRIBING_HOPS = 3
# Subjects of speech done as it is told ("the time that we ask for"), not a description.
_SPEAKERS = frozenset({"i", "we"})
# Generic subjects: the reader or anyone ("you fight the battles you have to fight").
_GENERIC_SUBJECTS = frozenset({"you", "one"})
# Words that tie a clause to a time ("who has met him twice this year").
_TIME_WORDS = frozenset(
    {"today", "yesterday", "tonight", "now", "just", "recently", "earlier", "later",
     "ago", "last", "this", "since", "week", "month", "morning", "evening", "night",
     "afternoon", "day", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday"}
)  # fmt: skip


def _describing_clause(verb: Any) -> Any | None:
    """The relative clause that ``verb``'s clause belongs to, or None: a clause on a
    noun, the verb itself or a verb it is a complement of."""
    current = verb
    for _ in range(_DESCRIBING_HOPS):
        if current.dep_ == "relcl" and current.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return current
        if current.dep_ not in _CLAUSE_LINKS or current.head.pos_ not in ("VERB", "AUX"):
            return None
        if _is_finite(current):
            return None  # "who claim they were forced": a clause with its own tense
        current = current.head
    return None


def _is_finite(verb: Any) -> bool:
    """Whether a clause has a tense or a subject of its own (not an infinitive nor a
    bare participle that takes the time of the clause it hangs on)."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "expl") for c in verb.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ != "to" for c in verb.children):
        return True
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD")


def _is_description_of_noun(trigger: Any, verb: Any) -> bool:
    """An event told in a relative clause in the present simple, which describes its
    noun rather than reports what happened ("a body that organizes the World Cup", "the
    cleric whom the government accuses of the coup", "a pairing which connects phones to
    allow voice control"): a property, a habit or a standing attitude of the noun."""
    clause = _describing_clause(verb)
    if clause is None or clause.tag_ == "VBN":
        return False  # "the man who is charged with assault": news in the passive
    if (
        trigger.i != clause.i
        and trigger.dep_ in ("nsubj", "nsubjpass")
        and trigger.head.i == clause.i
    ):
        return False  # "countries where mass arrests continue": the event told as going on
    if any(s.lower_ in _SPEAKERS for s in children(clause, "nsubj", "nsubjpass")):
        return False  # "the extension that we ask for": said as it is done
    return _present_simple(clause)


def _is_background_of_noun(verb: Any) -> bool:
    """An event told in a relative clause in the present perfect with no time of its
    own, in the active ("their countries, which have backed opposing sides", "a champion
    whom she has met in person"): the noun's history, told as background, not the
    news."""
    clause = _describing_clause(verb)
    if clause is None or clause.tag_ != "VBN":
        return False
    perfect = any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in clause.children
    )
    if not perfect or any(c.dep_ in ("auxpass", "nsubjpass") for c in clause.children):
        return False  # "the men who have been arrested": the news itself, in the passive
    timed = any(
        t.lower_ in _TIME_WORDS or t.ent_type_ in ("DATE", "TIME")
        for c in clause.children
        if c.dep_ in ("prep", "npadvmod", "advmod", "tmod")
        for t in c.subtree
    )
    return not timed


def _is_purpose_of_noun(verb: Any) -> bool:
    """An infinitive that tells the purpose of a noun described by a participle ("a
    squad assigned to investigate crime", "the group, founded in 1959 to fight for
    independence"): what the noun is for, no event done."""
    if not has_child(verb, "aux", "to") or verb.dep_ not in ("xcomp", "advcl"):
        return False
    head = verb.head
    if head.dep_ != "acl" or head.tag_ != "VBN" or head.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return not _is_finite(head)  # "a statement that they have agreed to support": speech


def _is_purpose_of_means(verb: Any) -> bool:
    """An infinitive that tells what money gathered or set aside is for ("raised enough
    money to fund a recount", "collected donations to pay for the defence"): the aim of
    the means, not an act done."""
    if not has_child(verb, "aux", "to") or verb.dep_ not in ("xcomp", "advcl", "acl"):
        return False
    head = verb.head
    means = head if head.pos_ == "NOUN" else None
    if head.pos_ == "VERB" and head.lemma_ in _FUNDING:
        means = next((c for c in head.children if c.dep_ == "dobj"), None)
    return means is not None and (means.lemma_ in _MONEY or means.ent_type_ == "MONEY")


def _has_generic_you(verb: Any) -> bool:
    """A clause in the present simple whose subject, or that of a clause it is a
    complement of, is the generic "you" ("you fight the battles you have to fight"):
    a maxim, no event."""
    current = verb
    for _ in range(_DESCRIBING_HOPS):
        subjects = children(current, "nsubj", "nsubjpass")
        if subjects:
            return _present_simple(current) and all(s.lower_ in _GENERIC_SUBJECTS for s in subjects)
        if current.dep_ not in _CLAUSE_LINKS or current.head.pos_ not in ("VERB", "AUX"):
            return False
        current = current.head
    return False
