"""Casualty statements: what one sentence says about how many died or were hurt.

An event's own clauses give its casualties (``stages/casualties.py``); news tells the
toll of an incident in many other ways, most with no attack verb at all. This module
reads each of them from the parse as a ``Statement`` (kind, figure, whether it is
fatal):

- a death verb with its subject or victims: "two men were killed", "a man, two women
  and a small child were killed" (4: the coordinated victims add up), "he died of his
  wounds", "the victim succumbed to injuries", "she was murdered";
- a shooting that says it was fatal: "shot dead", "shot to death", "fatally shot",
  "shot and killed" (not "shot four people before he was killed": a clause of its own);
- the dead as a state or a result: "was found dead", "was pronounced dead", "both
  were deceased", "a shooting that left 4 dead", "Three People Dead";
- the injured: "wounded", "injured", "hurt", "in critical condition", "also wounded
  were four patrons", "the six injured", injury nouns ("suffered gunshot wounds",
  "recovering from injuries", "taken to a hospital with minor injuries"), and, as *hit*
  (maybe among the dead the article counts elsewhere), "shot" with no fatal word,
  "hospitalized", "taken to a hospital" and injuries not said to be light; "another
  child was hospitalized" is another victim, no longer hit but hurt;
- more dead: "two boys are dead along with their father" (3), "killed his two
  children and himself" (3), "the fatal shooting of a 16-year-old boy", "a boy who
  police say was shot and killed";
- one victim told twice in a sentence counts once ("a boy died after he was shot";
  "he" and "him" of a sentence are one person); a dateline ("MIAMI (WXYZ) —") or an
  animal shot by a hunter is no victim;
- nothing for "no one else was injured" or "a possible murder-suicide".

A statement's figure is the number its victims phrase gives (``count_victims``, in
``coding/victims.py`` with the other readings of who the victims are); a named or
singular victim counts one. What a statement does not say is left out.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, replace
from typing import Any

from eventwire.coding.victims import (
    REFLEXIVES,
    count_phrase,
    count_victims,
    denied,
    no_person,
    object_of,
    subject_of,
    victims_of,
)

# Verbs whose subject (or passive subject, or object) died or was hurt.
_DEATH_VERBS = frozenset({"kill", "murder", "slay", "execute", "massacre", "assassinate"})
_DIE_VERBS = frozenset({"die", "succumb", "perish"})
_HURT_VERBS = frozenset({"wound", "injure", "hurt"})
_SHOOT_VERBS = frozenset({"shoot", "gun"})
# Cues that someone attacked someone (not only that someone died).
ATTACK_LEMMAS = _DEATH_VERBS | _SHOOT_VERBS
_FATAL_WORDS = frozenset({"dead", "death", "fatally", "deceased", "killed", "kill"})
_DEAD_WORDS = frozenset({"dead", "deceased"})
_HURT_WORDS = frozenset({"wounded", "injured", "hurt"})
# Verbs of a state: "was found dead", "were pronounced dead", "left four dead".
_STATE_VERBS = frozenset({"find", "pronounce", "declare", "leave", "be", "lie", "confirm"})
# Heads that are no victims: the event itself, a picture of it ("Photo: ... dies").
_NOT_VICTIMS = frozenset(
    {"shooting", "death", "photo", "image", "video", "scene", "heart", "lot", "bit",
     # what a hunter or a shooting range shoots
     "deer", "coyote", "dog", "animal", "bird", "target", "game"}
)  # fmt: skip
# "killing of", "death of", "murder of", "fatal shooting of": the dead are the object of "of".
_DEATH_NOUNS = frozenset({"death", "killing", "murder", "slaying", "homicide"})
# A victim in hospital: "in critical condition".
_CONDITIONS = frozenset({"critical", "serious", "stable", "fair", "grave", "guarded"})
_SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Words that make victims others than those already counted: "another child was
# hospitalized", "five others were wounded".
_OTHER_WORDS = frozenset({"another", "other", "others"})
# Injury nouns, and the verbs through which they tell who was hurt: "suffered gunshot
# wounds", "was taken to a hospital with minor injuries", "is being treated for wounds",
# "four people are recovering from injuries".
_INJURY_NOUNS = frozenset({"injury", "wound"})
_INJURY_VERBS = frozenset(
    {"suffer", "sustain", "receive", "treat", "recover", "take", "transport", "rush", "find",
     "airlift", "fly", "hospitalize", "release", "be", "have"}
)  # fmt: skip
# An injury said to be light is no death: "minor injuries", "non-life threatening".
_LIGHT_WORDS = frozenset({"minor", "non", "superficial", "slight", "light", "threatening"})
# Taken to a hospital: "was taken to Mercy General Hospital", "airlifted to a trauma center".
_CARRY_VERBS = frozenset({"take", "transport", "rush", "airlift", "fly", "drive", "carry"})
_HOSPITAL_WORDS = frozenset({"hospital", "center", "centre", "clinic", "icu"})
# "a fatal shooting", "the deadly shooting of a 15-year-old": at least one dead.
_ATTACK_NOUNS = frozenset({"shooting", "shot", "attack", "gunfire", "stabbing"})
_DEADLY_WORDS = frozenset({"fatal", "deadly"})
_FATAL_OBJECTS = frozenset({"bullet", "firing", "fire", "gunfire"})


@dataclass(frozen=True, slots=True)
class Statement:
    """One casualty figure a sentence gives."""

    kind: str  # "dead" or "injured"
    count: int
    token: int  # index of the cue word in the spaCy Doc
    victim: int | None  # index of the head of the victims phrase
    # Hit, not said to have lived ("shot", "taken to a hospital"): such victims may be
    # among the dead the article counts elsewhere.
    hit: bool = False
    # Told by a noun that names the death ("the death of", "the fatal shooting of"): it
    # names victims the sentence's verbs may count too, so it does not add to them.
    naming: bool = False


def _fatal(verb: Any) -> bool:
    """ "shot dead", "shot to death", "fatally shot", "shot and killed"; not a killing
    told in a clause of its own ("shot four people before he was killed by police",
    "eight people were shot, one of whom was killed")."""
    for child in verb.children:
        if child.lemma_.lower() == "kill" and (
            child.dep_ != "conj" or any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children)
        ):
            continue
        if child.lower_ in _FATAL_WORDS:
            return True
        if child.dep_ == "prep" and any(g.lower_ == "death" for g in child.children):
            return True
        if child.dep_ == "conj" and child.lemma_.lower() in _DEATH_VERBS:
            return True
    return False


def _along_with(cue: Any) -> int:
    """People counted with the victims: "two boys are dead along with their father"."""
    extra = 0
    for word in (cue, cue.head):
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ in ("along", "together"):
                for inner in prep.children:
                    if inner.dep_ == "prep" and inner.lower_ == "with":
                        extra += sum(count_victims(c) or 0 for c in inner.children
                                     if c.dep_ == "pobj")  # fmt: skip
        if word.dep_ == "ROOT":
            break
    return extra


def _statement(kind: str, cue: Any, victims: Any | None, hit: bool = False) -> Statement | None:
    if victims is not None and no_person(victims) and victims.dep_ in ("nsubj", "nsubjpass"):
        victims = next(
            (o for o in victims.head.children
             if o.dep_ == victims.dep_ and o.i != victims.i and not no_person(o)),
            None,
        )  # fmt: skip
    if victims is None or victims.lower_ in _NOT_VICTIMS or denied(victims):
        return None
    count = count_victims(victims)
    if count is not None and victims.dep_ in ("nsubj", "nsubjpass"):
        # "A man, two women and a small child were killed": the parser may give the
        # verb several subjects
        for other in victims.head.children:
            if other.dep_ == victims.dep_ and other.i != victims.i and not no_person(other):
                count += count_victims(other) or 0
    if count is not None:
        count += _along_with(cue)
    if count is None or count <= 0:
        return None
    other = victims.lower_ in _OTHER_WORDS or any(
        c.dep_ in ("det", "amod") and c.lower_ in _OTHER_WORDS for c in victims.children
    )
    return Statement(kind, count, cue.i, victims.i, hit=hit and not other)


def _verb_statement(token: Any) -> Statement | None:
    lemma = token.lemma_.lower()
    obj = object_of(token)
    if obj is not None and obj.lower_ in REFLEXIVES and (lemma in _DEATH_VERBS or _fatal(token)):
        return Statement("dead", 1, token.i, obj.i)  # "killed himself", "shot herself dead"
    if lemma == "turn" and any(
        c.dep_ == "prep" and any(g.lower_ in REFLEXIVES for g in c.children) for c in token.children
    ):
        return Statement("dead", 1, token.i, token.i)  # "turned the gun on himself"
    if lemma in _DEATH_VERBS:
        return _statement("dead", token, victims_of(token))
    if lemma in _DIE_VERBS:
        return _statement("dead", token, subject_of(token))
    if lemma == "fall" and any(  # "more people fell to police bullets"
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(g.dep_ == "pobj" and g.lemma_.lower() in _FATAL_OBJECTS for g in c.children)
        for c in token.children
    ):
        return _statement("dead", token, subject_of(token))
    if lemma in _HURT_VERBS:
        victims = victims_of(token)
        if victims is None and token.dep_ == "conj" and token.head.lemma_.lower() == "leave":
            victims = subject_of(token)  # "left a girl dead and her grandmother wounded"
        return _statement("injured", token, victims)
    if lemma == "hospitalize":  # "another child was hospitalized"
        return _statement("injured", token, victims_of(token), hit=True)
    if lemma in _CARRY_VERBS and _to_hospital(token):  # "all five were taken to a hospital"
        return _statement("injured", token, victims_of(token), hit=True)
    if lemma == "leave":  # "a shooting that left 4 dead", "left two people injured"
        obj = object_of(token)
        nxt = obj.right_edge.i + 1 if obj is not None else len(token.doc)
        after = token.doc[nxt] if obj is not None and nxt < len(token.doc) else None
        if after is not None and after.lower_ in _DEAD_WORDS | _HURT_WORDS:
            return _statement("dead" if after.lower_ in _DEAD_WORDS else "injured", after, obj)
        return None
    if lemma in _SHOOT_VERBS:
        kind = "dead" if _fatal(token) else "injured"
        victims = victims_of(token)
        if victims is None or victims.lower_ in ("himself", "herself"):
            # "shot himself": the shooter is the victim
            subject = subject_of(token)
            if obj is not None and obj.lower_ in REFLEXIVES:
                victims = subject
        return _statement(kind, token, victims, hit=kind == "injured")
    return None


def _to_hospital(verb: Any) -> bool:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            for obj in prep.children:
                if obj.dep_ == "pobj" and any(
                    t.lower_ in _HOSPITAL_WORDS for t in obj.subtree if t.i <= obj.i
                ):
                    return True
    return False


def _injury_statement(token: Any) -> Statement | None:
    """ "suffered gunshot wounds", "taken to a hospital with minor injuries", "treated for
    wounds", "recovering from injuries": the verb's subject (or passive subject) was hurt;
    unless the injuries are said to be light, maybe fatally."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _INJURY_NOUNS:
        return None
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ in ("with", "for", "from"):
        verb = verb.head
    elif token.dep_ != "dobj":
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _INJURY_VERBS:
        return None
    light = any(t.lower_ in _LIGHT_WORDS for t in token.subtree if t.i < token.i)
    victims = victims_of(verb) if verb.lemma_.lower() in _CARRY_VERBS else subject_of(verb)
    if victims is None and verb.lemma_.lower() == "find":
        victims = object_of(verb)  # "found a man with a gunshot wound"
    return _statement("injured", token, victims, hit=not light)


def _deadly_attack_statement(token: Any) -> Statement | None:
    """ "the fatal shooting of a 16-year-old boy": he died. (A "deadly shooting" with
    no victim named gives no figure: counted as one dead, it was wrong as often as
    right on the set-aside articles.)"""
    if token.pos_ != "NOUN" or token.lower_ not in _ATTACK_NOUNS:
        return None
    if not any(c.dep_ == "amod" and c.lower_ in _DEADLY_WORDS for c in token.children):
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            victims = [c for c in prep.children if c.dep_ == "pobj"]
            if victims:
                made = _statement("dead", token, victims[0])
                return None if made is None else replace(made, naming=True)
    return None


def _condition_statement(token: Any) -> Statement | None:
    """ "is in critical condition", "was listed in stable condition": one hurt."""
    if token.lower_ != "condition" or not any(
        c.lower_ in _CONDITIONS for c in token.children if c.dep_ == "amod"
    ):
        return None
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "in" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return _statement("injured", token, subject_of(prep.head))


# Verbs of protest whose object, or "against"/"over" phrase, is the grievance.
_PROTEST_VERBS = frozenset({"protest", "demonstrate", "agitate", "rally", "march", "riot"})


def _a_grievance(token: Any) -> bool:
    """Whether a death noun is what a protest is against ("protesting against the death
    of a youth in custody", "rioted over the killing of a trader"): an earlier death the
    protesters answer, not a toll of what the sentence tells."""
    head = token.head
    if token.dep_ == "dobj":
        return bool(head.lemma_.lower() in _PROTEST_VERBS)
    if token.dep_ == "pobj" and head.lower_ in ("against", "over"):
        return bool(head.head.lemma_.lower() in _PROTEST_VERBS)
    return False


def _fatal_part_statement(token: Any) -> Statement | None:
    """The part of the people shot who died, told by a number with "fatally" after the
    verb ("Three people were shot, two fatally"; "five were shot, two of them
    fatally"): that many dead; the verb's own statement counts every one hit."""
    if token.pos_ != "NUM" or not any(
        c.dep_ == "advmod" and c.lower_ in ("fatally", "mortally") for c in token.children
    ):
        return None
    verb = token.head
    if token.dep_ == "appos" and verb.dep_ in ("nsubj", "nsubjpass"):
        verb = verb.head  # "five people, two of them fatally," read as an apposition
    elif token.dep_ not in ("npadvmod", "advmod", "nsubj", "dobj"):
        return None
    if verb.lemma_.lower() not in _SHOOT_VERBS or (token.i < verb.i and token.dep_ != "appos"):
        return None
    return _statement("dead", token, token)


def _noun_statement(token: Any) -> Statement | None:
    """ "the death of a 17-year-old", "the murder of Tom Reyes", "committed suicide"."""
    if token.pos_ != "NOUN":
        return None
    if token.lower_ == "suicide":  # "committed suicide", not "a possible murder-suicide"
        if token.head.lemma_.lower() == "commit" and token.dep_ == "dobj":
            return Statement("dead", 1, token.i, token.i)
        return None
    if token.lemma_.lower() not in _DEATH_NOUNS:
        return None
    if _a_grievance(token):
        return None
    number = next((c for c in token.children if c.dep_ == "nummod"), None)
    if token.lemma_.lower() == "death" and number is not None:  # "12 deaths due to the firing"
        value = count_phrase(number)
        if value:
            return Statement("dead", value, token.i, number.i, naming=True)
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            victims = [c for c in prep.children if c.dep_ == "pobj"]
            if victims:
                made = _statement("dead", token, victims[0])
                return None if made is None else replace(made, naming=True)
    return None


def _state_statement(token: Any) -> Statement | None:
    """ "was found dead", "left four dead", "Three People Dead", "the wounded"."""
    word = token.lower_
    kind = "dead" if word in _DEAD_WORDS else "injured" if word in _HURT_WORDS else None
    if kind is None or token.pos_ == "VERB":
        return None
    head = token.head
    # "four dead", "3 injured": the figure hangs on the word itself
    for child in token.children:
        if child.dep_ in ("nummod", "npadvmod", "quantmod") and child.pos_ == "NUM":
            value = count_phrase(child)
            if value:
                return Statement(kind, value, token.i, child.i)
    if token.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "advcl", "conj") and (
        head.lemma_.lower() in _STATE_VERBS
    ):
        victims = object_of(head) if head.lemma_.lower() == "leave" else subject_of(head)
        if victims is None and head.lemma_.lower() != "leave":
            victims = object_of(head)
        return _statement(kind, token, victims)
    if token.dep_ == "ROOT":  # "Three people dead west of Helena"
        return _statement(kind, token, next((c for c in token.children if c.dep_ == "nsubj"), None))
    if token.dep_ in ("amod", "acl") and head.pos_ in ("NOUN", "PROPN"):
        # "three people dead", "five others injured" read as a noun phrase; not "a dead
        # end" (no figure)
        value = count_phrase(head)
        if value and any(c.dep_ == "nummod" for c in head.children):
            return Statement(kind, value, token.i, head.i)
    if token.dep_ == "amod" and head.pos_ == "NUM" and head.i < token.i:
        value = count_phrase(head)  # a headline's "two dead in police-villagers clash"
        if value:
            return Statement(kind, value, token.i, head.i)
    return None


def statements(span: Any) -> list[Statement]:
    """The casualty statements of a sentence (a spaCy ``Span``), in text order.

    A victim counted dead in the sentence is not also counted injured ("a man was
    shot and died of his wounds").
    """
    told = _TOLD.setdefault(span.doc, {})  # the casualties, attacks and incidents
    key = (span.start, span.end)  # stages read the same sentences: read once
    if key not in told:
        told[key] = _statements(span)
    return list(told[key])


# The statements of the sentences of each parse, by token offsets, while it lives.
_TOLD: weakref.WeakKeyDictionary[Any, dict[tuple[int, int], list[Statement]]] = (
    weakref.WeakKeyDictionary()
)


# Degree words after which "not" denies only the degree: "was not seriously hurt".
_DEGREE_WORDS = frozenset(
    {"seriously", "critically", "badly", "severely", "gravely", "fatally", "mortally"}
)


def _negated(cue: Any) -> bool:
    """Whether the clause of a casualty word says it did not happen: "the child was not
    hurt", "he was not in critical condition", "did not suffer any injuries"; not "was
    not seriously hurt" (hurt, only not badly)."""
    token = cue
    while True:
        children = list(token.children)
        if any(c.dep_ == "neg" for c in children):
            return not any(c.lower_ in _DEGREE_WORDS for c in children)
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            # "did not say whether the victim was hurt": asked, not told
            return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in children)
        token = token.head


# Words that say the hurt of a sentence lived: "survived", "is expected to recover", "in
# stable condition", "treated and released", "non-life-threatening injuries".
_LIVED_LEMMAS = frozenset({"survive", "recover", "release"})
_LIVED_WORDS = frozenset({"stable", "good", "fair"})


def _lived(span: Any) -> bool:
    """Whether a sentence that tells no death says its hurt lived (``_LIVED_LEMMAS``,
    ``_LIVED_WORDS``; "not life-threatening"), not denied ("did not survive")."""
    for token in span:
        lemma = token.lemma_.lower()
        if lemma in _LIVED_LEMMAS and token.pos_ == "VERB" and not _negated(token):
            return True
        if token.lower_ in _LIVED_WORDS and token.head.lower_ == "condition":
            return True
        if token.lower_ == "threatening" and any(
            t.lower_ in ("non", "not", "nonlife") for t in token.doc[max(token.i - 4, 0) : token.i]
        ):
            return True
    return False


def _statements(span: Any) -> list[Statement]:
    """``statements``, read from the parse."""
    found: list[Statement] = []
    for token in span:
        made = _verb_statement(token) if token.pos_ in ("VERB", "AUX") else None
        if made is None:
            made = (
                _state_statement(token)
                or _noun_statement(token)
                or _condition_statement(token)
                or _fatal_part_statement(token)
                or _injury_statement(token)
                or _deadly_attack_statement(token)
            )
        if made is not None and not _negated(token):
            found.append(made)
    if not any(s.kind == "dead" for s in found) and _lived(span):
        found = [replace(s, hit=False) for s in found]
    dead = [s for s in found if s.kind == "dead"]
    dead_victims = {s.victim for s in dead}
    doc = span.doc

    def singular(made: Statement) -> bool:
        return made.victim is not None and doc[made.victim].lower_ in _SINGULAR_PRONOUNS

    def who(made: Statement) -> object:
        """The victim: "he" and "him" of one sentence are one person."""
        if made.victim is None:
            return None
        word = doc[made.victim].lower_
        return {"him": "he", "her": "she"}.get(word, word) if singular(made) else made.victim

    kept: list[Statement] = []
    for made in found:
        if made.kind == "injured" and made.victim in dead_victims:
            continue
        # "a boy died after he was shot"; "the child was taken to a hospital in serious
        # condition, and he later died": one victim, told twice
        if (
            made.kind == "injured"
            and dead
            and made.count == 1
            and (singular(made) or any(singular(d) for d in dead))
        ):
            continue
        if any(k.kind == made.kind and who(k) == who(made) for k in kept):
            continue  # "was shot and killed": one victim, told twice
        kept.append(made)
    return kept


@dataclass(frozen=True, slots=True)
class Figures:
    """What one sentence's statements say: the dead, the hurt who lived, and the hit
    (shot, taken to a hospital) who may be among the dead."""

    dead: int
    hurt: int
    hit: int


def sentence_figures(found: list[Statement]) -> Figures:
    """Add up one sentence's statements: the dead of different victims add up, and a
    noun that names the deaths ("the death of Jen Knarr") does not add to the verbs that
    tell them; of the injured, the largest figure stands (measured: adding them up
    counted the same victims twice more often than it found others)."""
    told = sum(s.count for s in found if s.kind == "dead" and not s.naming)
    named = max((s.count for s in found if s.kind == "dead" and s.naming), default=0)
    return Figures(
        dead=max(told, named),
        hurt=max((s.count for s in found if s.kind == "injured" and not s.hit), default=0),
        hit=max((s.count for s in found if s.kind == "injured" and s.hit), default=0),
    )
