"""What the words of an event's clause, and of the clauses that govern it, put in doubt.

The stage ``stages.factuality`` asks this module which flags apply to an event's
trigger: a negation, a modal, a conditional or a word of ``data/factuality.tsv`` in its
own clause (``clause_flags``); the same in a clause that governs it through an
infinitive, a prepositional or clausal complement, a clause of purpose or coordination
(``governing_flags``); a noun that denies it ("there were no talks": ``denied_noun``); an
infinitive that "be" or "due" governs (``is_arranged``); the aim of an agreement just made
(``is_agreed_aim``); a "that" clause in the subjunctive (``is_mandative``); "would" in
reported speech, the future seen from the past (``reported_future``). These read the
spaCy parse only; the order in which they are asked, and the switches, are the stage's.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from eventwire.coding.syntax import COMMITTING_VERBS
from eventwire.datafiles import read_word_table

# The flags a clause can give an event.
FLAGS = frozenset({"negated", "hypothetical", "future"})

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
PROMISING_VERBS = (
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


def word_flag(token: Any, words: Mapping[str, str]) -> str | None:
    return words.get(token.lower_) or words.get(token.lemma_.lower())


def _is_present(verb: Any) -> bool:
    """Whether a clause is in the present tense (its verb or first auxiliary)."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (auxiliaries[0] if auxiliaries else verb).tag_ in ("VBP", "VBZ", "VB")


def clause_flags(verb: Any, words: Mapping[str, str]) -> set[str]:
    """Flags from the verb's own auxiliaries, negation and marks, and from a "no" on
    its arguments ("no employee was injured")."""
    flags: set[str] = set()
    for child in verb.children:
        if child.dep_ in _CLAUSE_DEPS:
            flag = word_flag(child, words)
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


def denied_noun(trigger: Any) -> bool:
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
    flag = word_flag(noun, words)
    if flag is None and noun.dep_ in ("dobj", "pobj"):
        governor = noun.head if noun.dep_ == "dobj" else noun.head.head
        flag = word_flag(governor, words) if governor.pos_ == "VERB" else None
    if flag is None:
        return None
    if flag == "future" and word_flag(noun, words) == "future" and _is_stated(noun):
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


def is_infinitive(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def governing_flags(verb: Any, words: Mapping[str, str]) -> set[str]:
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
            flags |= clause_flags(current, words) - {"negated"}
            continue
        infinitive = is_infinitive(current)
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
                flags |= clause_flags(noun.head, words)
                current = noun.head
                continue
            break
        if relation == "prep" and current.lower_ in _TEMPORAL_PREPS:
            break  # "arrested after attacking a guard": the attack happened
        if relation == "dobj" and current.tag_ == "VBG":
            if word_flag(current.head, words) == "negated":
                flags.add("negated")  # "vetoed a resolution censuring the raid", misread
            break
        if relation not in _GOVERNING_DEPS and not (relation == "advcl" and infinitive):
            break
        current = current.head
        flag = word_flag(current, words)
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
            flags |= clause_flags(current, words)
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
        t for t in head.subtree if head.i < t.i < verb.i and t.tag_ == "VB" and is_infinitive(t)
    ]
    return earlier[-1] if earlier else None


def _is_causative(verb: Any, infinitive: bool) -> bool:
    """Whether a complement clause is what a verb lets or makes happen ("allow the
    planes to land"), which takes that verb's scope, unlike reported speech."""
    return infinitive and verb.lemma_.lower() in _CAUSATIVE_VERBS


def is_arranged(verb: Any) -> bool:
    """Whether the clause is an infinitive that "be" or "due" governs ("the minister is
    to visit Cairo", "talks were to resume", "the leaders are due to sign"): an
    arrangement still to come. Not a purpose of a stay ("is in Cairo to meet"), a rank
    ("was the first to sign", "is among the first to sign") or the content of an aim
    ("the goal is to ...": its noun tells it)."""
    if not is_infinitive(verb) or verb.dep_ != "xcomp":
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


def is_agreed_aim(verb: Any) -> bool:
    """Whether the clause is the aim of an agreement just made ("signed an accord to
    increase trade", "reached a deal to reopen the border"): not yet done."""
    return (
        verb.dep_ == "advcl"
        and is_infinitive(verb)
        and verb.head.lemma_.lower() in _AGREEING_VERBS
        and any(c.dep_ == "dobj" for c in verb.head.children)
    )


def is_mandative(verb: Any) -> bool:
    """Whether the clause is a "that" clause in the subjunctive ("demanded that the
    minister resign"; the base form with a third-person subject): what is asked for."""
    return (
        verb.tag_ == "VB"
        and any(c.dep_ in ("mark", "advmod") and c.lower_ == "that" for c in verb.children)
        and any(c.dep_ == "nsubj" and c.lower_ not in ("i", "you", "we", "they")
                for c in verb.children)
        and not _children_of(verb, "aux")
    )  # fmt: skip


def reported_future(flags: set[str], verb: Any) -> set[str]:
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


def tells_its_dead(trigger: Any) -> bool:
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


def is_aimed_arrest(verb: Any) -> bool:
    """Whether an arrest's clause is an infinitive that no verb of success governs."""
    if not is_infinitive(verb) or verb.head.i == verb.i:
        return False
    return verb.head.lemma_.lower() not in _ACHIEVING_WORDS
