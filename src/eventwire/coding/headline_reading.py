"""Headlines: how a title is read, and which events it announces.

News titles are written in Title Case ("Rebels Quit Peace Talks in Northern Province"),
which spaCy's small model reads as a string of proper nouns: it finds no verb and no
event. ``sentence_case`` gives the parser a sentence-cased copy of such a title, of the
same length so that every offset stays an offset into the article's text. A word keeps
its capital when it is the first word, an acronym or a mixed-case name ("EU",
"McDonald"), a country's one-word name, demonym or capital, a word of a longer country
name written whole ("Cook Islands", not "Cook" alone), or a word the article's
body writes with a capital inside a sentence and never in lower case ("Kharkiv",
"Hamas").

Even sentence-cased, a headline's present-tense verb can read as a noun ("Uganda and
Sudan sign trade agreement": "sign trade agreement" as one noun phrase). When a title's
root is no verb, ``reparse_verbless_title`` parses it again with a word that is an event
trigger's verb form put in the past tense ("signed"), and keeps that parse, on the
original words, if it finds the verb.

A headline leaves out the "was" of a passive: in "Hundreds of Troops Called to Border",
"Priest Burned to Death" or "Curfew Imposed" the parser takes the participle for a past
tense and its subject for the doer. ``read_passive_title`` reads such a title as the passive it is
when nothing else can: its verb has no object, and every event pattern of that verb that
its prepositions allow needs one ("called" + "to" can only be "called [police] to").

``fold_headline_events`` then marks the events the headline reports, the way GDELT's
``IsRootEvent`` marks events of the lead: a title event that the body also tells (the
same type and factuality, no actor or recipient country that disagrees) is folded into
the first such body event, which becomes the headline event; a title event that the body
does not tell is kept, marked as the headline event itself. The body event takes the
actor, recipient and casualty figures it lacks from the title; where both give a
figure, the lower stands (ACLED's rule).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from spacy.attrs import DEP, HEAD, POS, TAG
from spacy.tokens import Doc

from eventwire.coding import lexicon
from eventwire.knowledge.countries import countries
from eventwire.model import CASUALTY_COUNTS, Actor, Event

# A title is in Title Case when at least this share of its words begin with a capital.
_TITLE_CASE_SHARE = 0.6
_MIN_WORDS = 3
_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019.-]*")
# A capitalised word after a lower-case word or a comma is capitalised for itself.
_INNER_CAPITAL_RE = re.compile(r"(?<=[a-z0-9,;:] )([A-Z][\w'\u2019-]*)")
# What the parser makes of a headline verb it misreads ("wounds" as a compound).
_MISREAD = frozenset({"NOUN", "PROPN", "VERB"})


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Lower-cased one-word names, aliases, demonyms and capitals of countries."""
    words: set[str] = set()
    for phrase, _kind, _country in countries().phrases():
        found = _WORD_RE.findall(phrase)
        if len(found) == 1:
            words.add(found[0].lower())
    return frozenset(words)


@lru_cache(maxsize=1)
def _country_phrases() -> re.Pattern[str]:
    """Every country name of several words ("Cook Islands", "Isle of Man"), longest
    first: its words keep their capitals only where the whole name is written."""
    phrases = {
        phrase.lower()
        for phrase, _kind, _country in countries().phrases()
        if len(_WORD_RE.findall(phrase)) > 1
    }
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


def _country_name_spans(title: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _country_phrases().finditer(title.lower())]


def is_title_case(title: str) -> bool:
    """Whether most words of ``title`` begin with a capital (three words or more)."""
    words: list[str] = _WORD_RE.findall(title)
    if len(words) < _MIN_WORDS:
        return False
    capitals = sum(word[0].isupper() for word in words)
    return capitals >= _TITLE_CASE_SHARE * len(words)


def proper_words(body: str) -> frozenset[str]:
    """Words the body writes with a capital inside a sentence (names, not starts) and
    never in lower case ("New" of "New York" is not a name when "new" occurs too). A
    line in Title Case (the title repeated, a caption) says nothing of names."""
    body = "\n".join(line for line in body.splitlines() if not is_title_case(line))
    capitalised = {match.group(1) for match in _INNER_CAPITAL_RE.finditer(body)}
    lower = {word for word in _WORD_RE.findall(body) if word.islower()}
    return frozenset(word for word in capitalised if word.lower() not in lower)


def _keeps_capital(word: str, first: bool, proper: frozenset[str]) -> bool:
    if first or not word[0].isupper():
        return True
    if any(c.isupper() for c in word[1:]):  # "EU", "U.N.", "McDonald"
        return True
    return word in proper or word.lower() in _country_words()


def sentence_case(title: str, proper: frozenset[str] = frozenset()) -> str:
    """``title`` sentence-cased for the parser when it is in Title Case, else unchanged.

    The result has the length of ``title``; a word whose lower-case form would not
    (a rare Unicode case) keeps its capital.
    """
    if not is_title_case(title):
        return title
    names = _country_name_spans(title)
    parts: list[str] = []
    last = 0
    for index, match in enumerate(_WORD_RE.finditer(title)):
        word = match.group(0)
        parts.append(title[last : match.start()])
        lowered = word.lower()
        in_name = any(start <= match.start() < end for start, end in names)
        keep = in_name or _keeps_capital(word, index == 0, proper) or len(lowered) != len(word)
        parts.append(word if keep else lowered)
        last = match.end()
    parts.append(title[last:])
    return "".join(parts)


# The past tense of the irregular verbs among the triggers and light verbs.
_IRREGULAR_PAST = {
    "beat": "beat", "begin": "began", "blow": "blew", "break": "broke", "bring": "brought",
    "build": "built", "cut": "cut", "draw": "drew", "fight": "fought", "find": "found",
    "freeze": "froze", "give": "gave", "hit": "hit", "hold": "held", "lay": "laid",
    "lend": "lent", "make": "made", "meet": "met", "overrun": "overran", "pay": "paid",
    "put": "put", "quit": "quit", "seek": "sought", "send": "sent", "set": "set",
    "shoot": "shot", "shut": "shut", "slay": "slew", "speak": "spoke", "spread": "spread",
    "strike": "struck", "take": "took", "throw": "threw", "undertake": "undertook",
    "win": "won", "withdraw": "withdrew",
}  # fmt: skip


def _past_tense(lemma: str) -> str:
    """The past tense of a verb lemma (enough for the parser to see a verb)."""
    if lemma in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _verb_lemma(word: str, patterns: lexicon.PatternSet) -> str | None:
    """The lemma of ``word`` read as a trigger verb or a light verb, or None."""
    verbs = patterns.for_verb(word)
    if verbs:
        return verbs[0].trigger
    return word if word in patterns.light_verbs else None


def reparse_verbless_title(nlp: Any, doc: Any, start: int, end: int) -> bool:
    """Re-parse the title at ``doc.text[start:end]`` when it has no verb (see the module
    docstring); returns whether the parse of ``doc`` was changed."""
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = [t for t in span if not t.is_space] if span is not None else []
    if not tokens:
        return False
    first, last = tokens[0].i, tokens[-1].i + 1
    if any(not first <= t.head.i < last for t in doc[first:last]):
        return False  # not a sentence of its own
    roots = [t for t in doc[first:last] if t.head.i == t.i]
    if len(roots) != 1 or roots[0].pos_ in ("VERB", "AUX"):
        return False
    patterns = lexicon.event_patterns()
    candidates = [
        (k, lemma)
        for k, token in enumerate(doc[first:last])
        if k > 0
        and token.pos_ in _MISREAD
        and token.text.islower()
        and not token.lower_.endswith("ing")
        and doc[first + k - 1].pos_ not in ("ADP", "DET")  # "suspension of attacks"
        and (lemma := _verb_lemma(token.lower_, patterns)) is not None
    ]
    # A headline's verb agrees with its subject: "force bombs camp" is "bombs"; a
    # trigger verb is likelier than a light verb ("announce suspension of attacks").
    candidates.sort(
        key=lambda c: (
            not doc[first + c[0]].lower_.endswith("s"),
            not patterns.for_verb(doc[first + c[0]].lower_),
        )
    )
    for k, lemma in candidates:
        words = [t.text for t in doc[first:last]]
        words[k] = _past_tense(lemma)
        spaces = [bool(t.whitespace_) for t in doc[first:last]]
        variant = nlp(Doc(doc.vocab, words=words, spaces=spaces))
        if variant[k].pos_ != "VERB" or sum(t.dep_ == "ROOT" for t in variant) != 1:
            continue
        verb_children = list(variant[k].children)
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb_children) or not any(
            c.i > k and not c.is_punct for c in verb_children
        ):
            continue  # "... of attacks against government forced": nothing follows it
        attrs = [HEAD, DEP, POS, TAG]
        rows = doc.to_array(attrs).astype("int64")
        rows[first:last] = variant.to_array(attrs).astype("int64")
        doc.from_array(attrs, rows.astype("uint64"))
        return True
    return False


def _title_root(doc: Any, start: int, end: int) -> Any | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = [t for t in span if not t.is_space] if span is not None else []
    if not tokens:
        return None
    first, last = tokens[0].i, tokens[-1].i + 1
    roots = [t for t in doc[first:last] if t.head.i == t.i and not t.is_space]
    return roots[0] if len(roots) == 1 else None


def _needs_object(pattern: lexicon.EventPattern) -> bool:
    return bool(pattern.transitive or pattern.objects or pattern.animate)


def _only_passive(verb: Any, subject: Any) -> bool:
    """Whether a participle with no object can only be a passive: every event pattern
    of the verb that its prepositions allow needs an object, or the verb is a light
    verb and its subject an event noun ("Curfew Imposed After Clashes")."""
    patterns = lexicon.event_patterns()
    lemma = verb.lemma_.lower()
    preps = {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt", "agent")}
    allowed = [
        p
        for p in patterns.for_verb(verb.lower_) or patterns.for_verb(lemma)
        if (not p.preps or set(p.preps) & preps) and (not p.particles or set(p.particles) & preps)
    ]
    governed = (
        lemma in patterns.light_verbs
        and lemma not in patterns.subject_light_verbs
        and bool(patterns.for_noun(subject.lemma_.lower()))
    )
    return governed or bool(allowed and all(_needs_object(p) for p in allowed))


def read_passive_title(doc: Any, start: int, end: int) -> bool:
    """Read the title at ``doc.text[start:end]`` as a passive whose "was" is left out
    (see the module docstring); returns whether the parse of ``doc`` was changed. The
    parser may also hang the participle on its subject ("Former Leader Sentenced to
    Prison" as a noun phrase): the participle then becomes the root."""
    root = _title_root(doc, start, end)
    if root is None:
        return False
    if root.pos_ in ("NOUN", "PROPN"):
        # the participle may hang on a noun inside the phrase ("Leader of the Province")
        nouns = [t for t in root.subtree if t.pos_ in ("NOUN", "PROPN")]
        made = [
            c for t in nouns for c in t.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN")
        ]
        if len(made) != 1 or {c.dep_ for c in made[0].children} & {"nsubj", "dobj", "aux"}:
            return False
        verb, subject = made[0], root
    elif root.pos_ == "VERB" and root.tag_ in ("VBD", "VBN"):
        deps = {c.dep_ for c in root.children}
        subjects = [c for c in root.children if c.dep_ == "nsubj"]
        if len(subjects) != 1 or deps & {"dobj", "aux", "auxpass", "ccomp", "xcomp", "dative"}:
            return False
        verb, subject = root, subjects[0]
    else:
        return False
    if not _only_passive(verb, subject):
        return False
    rows = doc.to_array([HEAD, DEP, TAG]).astype("int64")
    rows[subject.i, 0] = verb.i - subject.i
    rows[verb.i, 0] = 0
    rows[subject.i, 1] = doc.vocab.strings.add("nsubjpass")
    rows[verb.i, 1] = doc.vocab.strings.add("ROOT")
    rows[verb.i, 2] = doc.vocab.strings.add("VBN")
    doc.from_array([HEAD, DEP, TAG], rows.astype("uint64"))
    return True


# ----------------------------------------------------------------------------- events


def _lower(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def _countries_agree(a: Actor | None, b: Actor | None) -> bool:
    return (
        a is None or b is None or a.country is None or b.country is None or (a.country == b.country)
    )


def _tells_same(title_event: Event, body_event: Event) -> bool:
    return (
        title_event.type == body_event.type
        and title_event.factual == body_event.factual
        and (title_event.mode is None or body_event.mode in (None, title_event.mode))
        and _countries_agree(title_event.actor, body_event.actor)
        and _countries_agree(title_event.recipient, body_event.recipient)
    )


def fold_headline_events(title_events: Iterable[Event], body_events: list[Event]) -> list[Event]:
    """The article's events once the title's are folded in (see the module docstring).

    Title events that the body does not tell come first (the title comes first in the
    text), then the body events in their order; a body event that tells a title event
    is marked ``headline`` and keeps the higher of the two confidences. Body events
    are compared as the body told them; a body event takes sides from the title only
    when one title event folds into it (not from the two directions of "Kenya and
    Ethiopia Sign Agreement").
    """
    as_told = {id(e): replace(e) for e in body_events}
    folded: dict[int, list[Event]] = {}
    kept: list[Event] = []
    for title_event in title_events:
        told = next((e for e in body_events if _tells_same(title_event, as_told[id(e)])), None)
        if told is None:
            title_event.headline = True
            kept.append(title_event)
            continue
        told.headline = True
        # told twice, in the title and in the body: as sure as the surer telling
        told.confidence = max(told.confidence, title_event.confidence)
        folded.setdefault(id(told), []).append(title_event)
        for count in CASUALTY_COUNTS:
            setattr(told, count, _lower(getattr(told, count), getattr(title_event, count)))
    for told in body_events:
        sources = folded.get(id(told), [])
        if len(sources) != 1:
            continue
        for side in ("actor", "recipient"):
            if getattr(told, side) is None and getattr(sources[0], side) is not None:
                setattr(told, side, replace(getattr(sources[0], side)))
    return kept + body_events
