"""Dependency-tree helpers shared by the event stages.

Token-level tests that decide no role: the children and prepositions of a token,
whether a noun may name a participant, a sum of money, people or a group, and the
subject of a clause; and the phrase a personal pronoun stands for in its own sentence.
The trigger finder, the argument finder and the event stage use them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventwire import knowledge
from eventwire.coding import lexicon
from eventwire.coding.actors import (
    PLURAL_NOUNS,
    actor_at,
    is_part_of_group,
    phrase_tokens,
    reported_speaker,
)
from eventwire.coding.datelines import dateline_subject
from eventwire.model import Actor, Document

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Clauses that share the subject of the clause they hang on (not reported speech).
_INHERIT_SUBJECT_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "acomp"})
# Verbs that commit their subject to the event their "to" object names ("agreed to a
# ceasefire", "consented to talks"): the triggers stage takes them as that noun's light
# verb, the factuality stage reads what they govern as promised.
COMMITTING_VERBS = frozenset({"agree", "consent", "commit"})
# Entities that are never participants ("fired on Tuesday", "attacked at dawn").
NOT_PARTICIPANTS = frozenset(
    {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}
)
NAMED_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Pronouns that stand for people or a group.
PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they", "us", "me"})
# Verbs whose subject also does what their complement clause says ("let free").
_CAUSATIVES = frozenset({"let", "help", "make"})
# Words that make a noun phrase an amount of money, not a participant ("USD 88,550,000",
# "45m euros in support") when the parser tags no MONEY entity.
_MONEY_WORDS = frozenset(
    {"usd", "eur", "gbp", "chf", "jpy", "cny", "inr", "dollar", "euro", "pound", "yen",
     "yuan", "rupee", "franc", "shilling", "naira", "rand", "peso", "ruble", "rouble"}
)  # fmt: skip


def children(token: Any, *deps: str) -> list[Any]:
    """The children of ``token`` attached by one of ``deps``."""
    return [child for child in token.children if child.dep_ in deps]


def has_child(token: Any, dep: str, word: str) -> bool:
    """Whether ``token`` has the word ``word`` (lower case) as a ``dep`` dependent."""
    return any(c.dep_ == dep and c.lower_ == word for c in token.children)


def prepositions(token: Any) -> list[Any]:
    """The prepositions on ``token``, with a "to" the parser calls a dative ("sent aid
    to the camp")."""
    return [
        child
        for child in token.children
        if child.dep_ == "prep" or (child.dep_ == "dative" and child.pos_ == "ADP")
    ]


def _nearer_subject(conjunct: Any) -> Any | None:
    """The subject of a verb conjoined between ``conjunct`` and its head, which it shares
    ("the gunmen opened fire, but guards posted there killed one of them" when the
    parser hangs "killed" on "opened" beside "posted")."""
    siblings = [
        c for c in conjunct.head.children
        if c.dep_ == "conj" and c.i < conjunct.i and c.pos_ in ("VERB", "AUX")
    ]  # fmt: skip
    for sibling in sorted(siblings, key=lambda t: -t.i):
        subjects = children(sibling, "nsubj")
        if subjects and subjects[0].tag_ not in ("WDT", "WP"):
            return subjects[0]
    return None


def clause_subject(doc: Document, verb: Any, transitive: bool = False) -> tuple[Any | None, bool]:
    """The subject head of ``verb``'s clause and whether the clause is passive; a
    participle describing a noun is passive when it has an agent, or when the verb is
    ``transitive`` and has no object ("NGOs banned for ties to foreign governments")."""
    passive = any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)
    current = verb
    for _ in range(4):
        subjects = children(current, *_SUBJECT_DEPS)
        if not subjects:  # "The UK and France however have opposed": hung on "have"
            subjects = [s for aux in children(current, "aux") for s in children(aux, "nsubj")]
        if subjects:
            subject = dateline_subject(subjects[0])  # "COLUMBIA, Ky. - A man is arrested"
            if subject.pos_ == "VERB":  # "The Red Cross operating in Iraq said ..."
                subject = next(iter(children(subject, "nsubj")), subject)
            if subject.tag_ in ("WDT", "WP") and current.dep_ == "relcl":
                return current.head, passive  # "rebels who attacked the base"
            speaker = reported_speaker(subject)
            return (subject if speaker is None else speaker), passive
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            noun = current.head
            participle = current.i == verb.i and current.tag_ in ("VBN", "VBD")
            if participle and (
                children(verb, "agent") or (transitive and not children(verb, "dobj"))
            ):
                return noun, True  # "a city blockaded by troops": what it was done to
            owners = children(noun, "poss")
            if owners and owners[0].tag_ != "PRP$":
                return owners[0], passive  # "Putin's offer to mediate"
            if (
                noun.dep_ in ("dobj", "attr")
                and noun.head.pos_ in ("VERB", "AUX")
                and not is_participant(doc, noun)
            ):
                # "issued a statement calling on the council"; "Grenada expressed its
                # willingness to cooperate": the one who expressed it
                current = noun.head
                continue
            if owners:
                return owners[0], passive  # "their offer to mediate"
            return noun, passive  # "an officer guarding the embassy"
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head.head  # "responded by shooting"
            continue
        if _participle_past_a_subordinate_clause(current):
            # "walking around the officer as he lay there and shooting him": the bare
            # participle goes on from "walking", not from the "as" clause's "lay"
            current = current.head.head
            continue
        misread = subject_read_as_object(current)
        if misread is not None:
            return misread, passive  # "killed in police firing as mobs torched shops"
        if current.dep_ == "conj" and current.head.i != current.i:
            between = _nearer_subject(current)
            if between is not None:
                return between, passive
        if current.dep_ in _INHERIT_SUBJECT_DEPS and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in _CAUSATIVES:
            current = current.head  # "Ethiopia let free 74 prisoners"
            continue
        break
    return None, passive


_FINITE = frozenset({"VBD", "VBZ", "VBP"})
# Words that open a clause of time or reason, which the parser may read as prepositions
# ("as", "after") and so take the clause's subject for their object.
_SUBORDINATORS = frozenset({"as", "after", "before", "while", "since", "until", "because"})


def subject_read_as_object(verb: Any) -> Any | None:
    """The subject of a finite verb the parser coordinated with the clause above when it
    read the subordinating word before it as a preposition: in "two men were killed in
    police firing as rampaging mobs torched shops", "mobs" is taken for the object of
    "as" and "torched" for a second verb of "were killed", whose victims would become
    the ones who torched. The noun just before the verb is its subject."""
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.i == 0 or verb.head.i == verb.i:
        return None
    if children(verb, "aux", "auxpass", *_SUBJECT_DEPS):
        return None
    noun = verb.doc[verb.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("pobj", "dobj"):
        return None
    opener = noun.head
    if noun.dep_ == "dobj" and opener.tag_ == "VBG" and opener.dep_ == "pcomp":
        opener = opener.head  # "as rampaging mobs": "rampaging" read as a gerund
    if opener.dep_ != "prep" or opener.lower_ not in _SUBORDINATORS:
        return None
    if not verb.head.i < opener.i < noun.i:
        return None
    if any(t.dep_ == "cc" for t in verb.doc[opener.i : verb.i]):
        return None  # a true coordination: "after the talks and signed"
    return noun


def _participle_past_a_subordinate_clause(verb: Any) -> bool:
    """Whether ``verb`` is a bare -ing participle (no auxiliary, no subject) that the
    parser coordinated with the intransitive finite verb of a subordinate clause ("as he
    lay") hung on another participle or clause: a participle cannot share a finite
    verb's subject, so it goes on from what that clause is subordinate to (a transitive
    one, "as the mob attacked the shops and looting goods", the participle may go on)."""
    if verb.dep_ != "conj" or verb.tag_ != "VBG" or verb.head.i == verb.i:
        return False
    if children(verb, "aux", "auxpass", *_SUBJECT_DEPS):
        return False
    finite = verb.head
    return (
        finite.tag_ in _FINITE
        and finite.dep_ == "advcl"
        and bool(children(finite, *_SUBJECT_DEPS))
        and not children(finite, "dobj")  # "as the mob attacked the shops and looting"
        and finite.head.i != finite.i
    )


def agent_of(verb: Any) -> Any | None:
    """The object of a passive verb's "by" ("was attacked by gunmen"), also where the
    parser hangs the "by" on the verb's infinitive ("was invited to speak by the
    president")."""
    found = next((o for agent in children(verb, "agent") for o in children(agent, "pobj")), None)
    if found is not None:
        return found
    for clause in children(verb, "xcomp"):
        if children(clause, "dobj", "nsubj", "nsubjpass"):
            continue  # the infinitive's own participants
        by = [p for p in children(clause, "agent", "prep") if p.lower_ == "by"]
        for prep in by:
            for obj in children(prep, "pobj"):
                if obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    return None


def names_own_actors(trigger: Any, verb: Any) -> bool:
    """Whether an event noun names its own actors, not the subject of its verb: the
    subject of "clashes erupted", the object of a reporting verb ("observers reported an
    attack by gunmen"), the agent of a passive ("the plant was disabled by an attack")."""
    if trigger.i == verb.i:
        return False
    if trigger.dep_ == "nsubj" and trigger.head.i == verb.i:
        return True
    if _counted(trigger, verb):
        return True  # "the death toll in the clashes rose to nine": no one did the rising
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "agent" and trigger.head.head.i == verb.i:
        return True
    reporting = lexicon.event_patterns().reporting_verbs
    return trigger.head.i == verb.i and bool({verb.lemma_.lower(), verb.lower_} & reporting)


# Nouns of a count ("the death toll in the riots", "the number of arrests").
_COUNT_NOUNS = frozenset({"toll", "tally", "count", "number", "figure"})


def _counted(trigger: Any, verb: Any) -> bool:
    """Whether the event noun is what the subject of ``verb`` counts ("the death toll in
    the riots rose to 12", "the number of arrests climbed"): what the verb tells is the
    count's, so the count is no actor; "a number of clashes" says several, and they are
    the subject's own."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ not in ("in", "of", "from"):
        return False
    count = trigger.head.head
    if count.lemma_.lower() not in _COUNT_NOUNS or count.head.i != verb.i:
        return False
    several = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in count.children)
    return count.dep_ in ("nsubj", "nsubjpass") and not several


def may_participate(token: Any) -> bool:
    """Whether a noun can name a participant: not a date, a number or a sum of money,
    unless the number counts people ("dozens of demonstrators")."""
    if is_amount(token) or is_instrument(token):
        return False
    if token.ent_type_ not in NOT_PARTICIPANTS:
        return True
    return token.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children
    )


def is_instrument(token: Any) -> bool:
    """Whether a noun is the weapon an action is done with ("pounded the hideouts with
    heavy artillery", "dispersed them with tear gas"): the object of "with" that the
    weapon lexicon names, unless the sector lexicon says it names people ("gunmen")."""
    if token.dep_ != "pobj" or token.head.lower_ != "with":
        return False
    weapons = lexicon.assault_modes()
    words = [token.lemma_.lower(), token.lower_]
    if not any(w in weapons for w in words):
        return False
    term = knowledge.sector_terms().lookup(token.lower_)
    return term is None or (term.sector == "MIL" and term.kind == "noun")


def is_amount(token: Any) -> bool:
    """Whether a noun names a sum of money the parser did not tag as such ("USD
    88,550,000", "€ 45m support", "1.5 million euros"): a currency word or sign as the
    noun or among its modifiers."""
    if token.lemma_.lower() in _MONEY_WORDS or token.is_currency:
        return True
    return any(
        t.is_currency or t.lemma_.lower() in _MONEY_WORDS
        for left in token.lefts
        if left.dep_ != "poss"
        for t in left.subtree
    )


def is_participant(doc: Document, token: Any) -> bool:
    """Whether a noun names a participant: a coded actor or a named person, group or
    place ("Kim", "AMISOM"), not a thing ("a statement", "training")."""
    return token.ent_type_ in NAMED_ENTITIES or is_coded(doc_actor_at(doc, token))


def names_actor(token: Any, actors: Sequence[Actor]) -> bool:
    """Whether a noun names people or a group: a name, a personal pronoun, a coded
    actor or a word of the sector lexicon ("prisoners", "dozens of students")."""
    if token.pos_ in ("PRON", "NUM") and is_part_of_group(token):
        return any(names_actor(o, actors) for o in of_objects(token))  # "some of them"
    if token.pos_ == "PRON":
        return token.lower_ in PERSONAL_PRONOUNS
    if token.ent_type_ in NAMED_ENTITIES:
        return True
    actor = actor_at(actors, token)
    if actor is not None and (actor.sector or actor.name or token.pos_ == "PROPN"):
        return True
    if is_sector_word(token):
        return True
    return any(names_actor(o, actors) for o in of_objects(token))


def is_sector_word(token: Any) -> bool:
    """Whether the noun itself (with its compounds) is a word of the sector lexicon
    ("prisoners", "police officer"), whatever its complements say."""
    terms = knowledge.sector_terms()
    compounds = " ".join(c.lower_ for c in token.children if c.dep_ == "compound")
    for words in (token.lower_, token.lemma_.lower(), f"{compounds} {token.lower_}".strip()):
        if terms.lookup(words) is not None:
            return True
    return False


def of_objects(noun: Any) -> list[Any]:
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]


def doc_actor_at(doc: Document, token: Any | None) -> Actor | None:
    """The coded actor of the phrase at ``token`` in ``doc``, if any."""
    return actor_at(doc.actors, token)


def doc_group_at(doc: Document, token: Any | None) -> list[Actor]:
    """The parties a counted plural description at ``token`` stands for ("the two
    leaders": one actor per party, coded on the same words by the actors stage), in
    text order; an empty list for any other phrase."""
    first = doc_actor_at(doc, token)
    if first is None or first.start is None:
        return []
    same = [a for a in doc.actors if (a.start, a.end) == (first.start, first.end)]
    if len({a.country for a in same}) < 2:
        return []
    found: list[Actor] = []
    for actor in same:
        if all(a.country != actor.country for a in found):
            found.append(actor)
    return found


def conjuncts(token: Any | None) -> list[Any]:
    """The token and the phrases coordinated with it, also through an apposition
    ("Prime Minister Nikol Pashinyan and Blinken")."""
    if token is None:
        return []
    found = [token]
    for anchor in [token, *children(token, "appos")]:
        found.extend(c for c in anchor.conjuncts if c.dep_ == "conj" and c.i > anchor.i)
    return found


def is_coded(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.country or actor.sector or actor.name)


def is_each_other(token: Any | None) -> bool:
    return (
        token is not None
        and token.lower_ == "other"
        and any(c.lower_ == "each" for c in token.children)
    )


def is_infinitive(clause: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


_HUMAN_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"they", "them"})
_ANTECEDENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative", "appos", "oprd", "conj"}
)
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})


def antecedent(doc: Document, pronoun: Any) -> Any | None:
    """The phrase a personal pronoun stands for in its own sentence: the nearest phrase
    before it that agrees with it ("he"/"him": a named or titled person; "it": a state
    or an organisation; "they"/"them": people or a group), not the subject of the
    pronoun's own clause when the pronoun is its object ("Trump called Erdogan and
    urged him": Erdogan). None when the sentence names none."""
    word = pronoun.lower_
    if pronoun.pos_ != "PRON" or word not in (_HUMAN_PRONOUNS | _GROUP_PRONOUNS | {"it"}):
        return None
    excluded: set[int] = set()
    if pronoun.dep_ in _OBJECT_DEPS:
        clause = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
        subject, _ = clause_subject(doc, clause)
        for token in conjuncts(subject):
            excluded.update(t.i for t in phrase_tokens(token))
    for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        if token.i in excluded or token.dep_ not in _ANTECEDENT_DEPS:
            continue
        if token.pos_ not in ("NOUN", "PROPN") or not may_participate(token):
            continue
        if _agrees(doc, token, word):
            return token
    return None


def _agrees(doc: Document, token: Any, word: str) -> bool:
    plural = token.tag_ in ("NNS", "NNPS") or token.lower_ in PLURAL_NOUNS
    if word in _GROUP_PRONOUNS:
        return plural and names_actor(token, doc.actors)
    if plural:
        return False
    actor = doc_actor_at(doc, token)
    if word in _HUMAN_PRONOUNS:
        if token.ent_type_ == "PERSON":
            return True
        return (
            actor is not None
            and actor.sector is not None
            and is_sector_word(token)
            and token.ent_type_ not in ("GPE", "ORG", "NORP")
        )
    # "it": a state, a named organisation or a coded body ("the ministry", "the army")
    if token.ent_type_ == "PERSON":
        return False
    return token.ent_type_ in ("GPE", "ORG") or is_coded(actor)


# Verbs that report what their subject clause's source says ("..., the ministry said").
_REPORTING = frozenset({"say", "tell", "report", "add", "state", "announce", "confirm", "claim"})


def misread_main_verb(noun: Any) -> Any | None:
    """The participle with an object of its own that the parser hung on ``noun`` when
    it is the clause's real verb and the noun its subject: in "Israeli air strikes
    killed at least 12 people in Rafah, the health ministry said", "killed" is read as
    describing "strikes", the subject of "said"."""
    if noun.dep_ != "nsubj" or noun.head.lemma_.lower() not in _REPORTING:
        return None
    for child in noun.children:
        if (
            child.dep_ == "acl"
            and child.tag_ in ("VBD", "VBN")
            and child.i == noun.i + 1
            and children(child, "dobj")
            and not children(child, "agent", "aux", "auxpass")
        ):
            return child
    return None


# Shots "in the air" or "into the sky" are fired at no one: warning shots, to disperse.
ALOFT = frozenset({"air", "sky"})


def fired_aloft(trigger: Any, verb: Any) -> bool:
    """Whether a firing is told as shots into the air ("opened fire in the air to
    disperse the mob", "fired into the air"): force to disperse a crowd, not an attack
    on anyone (mode crowd-control, no recipient of its own)."""
    for word in {trigger, verb}:
        for prep in children(word, "prep"):
            if prep.lower_ in ("in", "into") and any(
                o.lemma_.lower() in ALOFT for o in children(prep, "pobj")
            ):
                return True
    return False
