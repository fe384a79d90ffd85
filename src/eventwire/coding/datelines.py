"""A wire story's dateline is where the reporter files from, never a party to its news.

A paragraph may open with the place it was filed from in capitals: "NAIROBI - Thousands
marched", "AUSTIN, Texas A leader ...", "COLUMBIA, Ky. (WBKO) - A man was arrested",
"WASHINGTON (RNS) Evangelical leaders ...", or with nothing between the place and the
sentence at all ("WASHINGTON Barack Obama pardoned ..."). The parser reads such a
dateline as part of the sentence: a compound of its subject ("WASHINGTON Christopher
Steele", coded as the US government), the subject itself with the real one as its
apposition ("AUSTIN ... a leader ... is scheduled"), or a second subject beside it
("COLUMBIA ... a man is arrested"). Here: which tokens form a dateline, and what noun
the sentence's subject really is when the parser took the dateline for it.

A dateline is a run of words in capitals (at least three letters, not a stop word nor a
label such as "UPDATE") opening its line and its sentence, followed by a comma, a
parenthesis or a dash, or, with no mark, by a capitalised word when the run names a
place of some size in the gazetteer ("WASHINGTON Barack", not "AN Edmonton man"). Its
qualifiers belong to it: the region after a comma ("Texas", "Ky."), the agency in
parentheses ("(AP)") and the dash, and a filing day after a comma ("NAIROBI, June 20
(Reuters) -"). In an article written all in lower case
("ahmedabad: police arrested ..."), a dateline is a run of lower-case words naming a
place of some size, opening its line and followed by a colon.
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.gazetteer.lowercase import is_lowercase_doc, names_lexicon_place
from eventwire.timex.calendar import MONTHS as _MONTHS

# A word of a dateline's place name ("NEW", "YORK", "ST.", "O'FALLON").
_CAPITALS = re.compile(r"[A-Z][A-Z'’.-]*")
_DASHES = frozenset({"-", "\u2013", "\u2014", "--", "---"})
_MARKS = frozenset({",", "("} | _DASHES)
# Words that open a paragraph in capitals without being a place.
_LABELS = frozenset(
    {"UPDATE", "UPDATED", "BREAKING", "WATCH", "VIDEO", "PHOTOS", "EXCLUSIVE", "ANALYSIS",
     "OPINION", "EDITORIAL", "NOTE", "CORRECTION", "READ", "MORE", "LIVE", "NEW", "AP", "UPI",
     "CNN", "BBC", "AFP", "WARNING", "ALERT", "FILE", "PHOTO", "UPDATES", "URGENT"}
)  # fmt: skip
_PLACE_ENTITIES = frozenset({"GPE", "LOC"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# A place this populous (or a capital or a state) may stand with no mark after it.
_MARKLESS_POPULATION = 50_000
_MARKLESS_FEATURES = frozenset({"PPLC", "PPLA", "ADM1", "PCLI"})
_MAX_QUALIFIER = 3  # words of the region after the comma ("Texas", "Ky.", "New South Wales")
_MAX_AGENCY = 6  # words of the agency in parentheses ("(Reuters)", "(WBKO)")
_USER_DATA_KEY = "eventwire.datelines"
# The filing day a wire dateline may carry after its place ("NAIROBI, June 20 (Reuters)"):
# a month (``timex.calendar.MONTHS``), a day, a year.
_DAY = re.compile(r"[1-9]|[12][0-9]|3[01]")
_YEAR = re.compile(r"(19|20)[0-9]{2}")


def dateline_tokens(doc: Any) -> frozenset[int]:
    """The indices of the tokens of ``doc``'s datelines (read once per document)."""
    known = doc.user_data.get(_USER_DATA_KEY)
    if isinstance(known, frozenset):
        return known
    found = frozenset(i for sentence in doc.sents for i in _dateline_at(doc, sentence.start))
    doc.user_data[_USER_DATA_KEY] = found
    return found


def is_dateline(token: Any) -> bool:
    """Whether ``token`` belongs to a dateline."""
    return token.i in dateline_tokens(token.doc) or _is_dash_dateline(token)


def _is_dash_dateline(token: Any) -> bool:
    """Whether ``token`` is a word in capitals opening its sentence before a dash, even
    where the line does not open with it ("Mason charged. BANTAM - A ...")."""
    # The cheap tests first: this runs for every child of every actor phrase.
    if not token.is_upper or len(token.text) < 2 or token.i + 1 >= len(token.doc):
        return False
    return token.doc[token.i + 1].text in _DASHES and token.i == token.sent.start


def dateline_subject(token: Any) -> Any:
    """The noun a dateline that the parser made an argument stands in front of ("AUSTIN,
    Texas A white nationalist leader ...": "leader"); any other token itself, and the
    dateline itself when no noun follows it."""
    taken = dateline_tokens(token.doc)
    if token.i not in taken:
        return token
    doc = token.doc
    after = max(taken_run(taken, token.i)) + 1
    while after < len(doc) and (doc[after].is_space or doc[after].is_punct):
        after += 1
    if after >= len(doc) or doc[after].sent.start != token.sent.start:
        return token
    current = doc[after]
    while (
        current.head.i != current.i and current.head.pos_ in _NOUNS and current.head.i not in taken
    ):
        current = current.head
    return current if current.pos_ in _NOUNS or current.pos_ == "PRON" else token


def taken_run(taken: frozenset[int], index: int) -> range:
    """The indices of the dateline holding ``index`` (consecutive in ``taken``)."""
    start = index
    while start - 1 in taken:
        start -= 1
    end = index
    while end + 1 in taken:
        end += 1
    return range(start, end + 1)


def _dateline_at(doc: Any, first: int) -> list[int]:
    """The token indices of a dateline that opens the sentence starting at ``first``."""
    while first < len(doc) and doc[first].is_space:
        first += 1
    if first >= len(doc) or not _opens_line(doc, doc[first]):
        return []
    if doc[first].is_lower and is_lowercase_doc(doc):
        return _lowercase_dateline(doc, first)
    run = []
    index = first
    while index < len(doc) and _CAPITALS.fullmatch(doc[index].text) and doc[index].is_upper:
        run.append(index)
        index += 1
    name = " ".join(doc[i].text for i in run)
    letters = sum(ch.isalpha() for ch in name)
    if not run or letters < 3 or name in _LABELS:
        return []
    if len(run) == 1 and doc[first].is_stop:
        return []  # "AN Edmonton man", "THE ..."
    if index >= len(doc):
        return []
    following = doc[index]
    marked = following.text in _MARKS
    if not marked and not (following.is_title and following.is_alpha and _is_sizable_place(name)):
        return []
    qualifiers = _qualifiers(doc, index)
    if following.text == "," and not _is_sizable_place(name) and not _placed(doc, qualifiers):
        # "NATO, the alliance, said", "NATO, May 3 - ministers ...": no region after the
        # comma and no town
        return []
    return run + qualifiers


def _lowercase_dateline(doc: Any, first: int) -> list[int]:
    """A lower-case dateline at ``first``: up to three lower-case words naming a place
    of some size, then a colon ("ahmedabad:", "new delhi:")."""
    index = first
    while index < len(doc) and index - first < 3 and doc[index].is_alpha and doc[index].is_lower:
        index += 1
    if index == first or index >= len(doc) or doc[index].text != ":":
        return []
    name = " ".join(doc[i].text for i in range(first, index))
    if not _is_sizable_place(name):
        return []
    # a common word ("reading:", "update:") only where it names a country, a region,
    # a capital or a great city
    from eventwire.gazetteer import Gazetteer

    candidates = tuple(Gazetteer.load().candidates(name.title(), alternate_names=False))
    return list(range(first, index + 1)) if names_lexicon_place(name, candidates) else []


def _opens_line(doc: Any, token: Any) -> bool:
    """Whether nothing but blanks stands before ``token`` on its line."""
    text = doc.text
    return not text[text.rfind("\n", 0, token.idx) + 1 : token.idx].strip()


def _qualifiers(doc: Any, index: int) -> list[int]:
    """The indices of a dateline's region, agency and dash from ``index`` on."""
    taken: list[int] = []
    if index < len(doc) and doc[index].text == ",":
        region = []
        for offset in range(1, _MAX_QUALIFIER + 1):
            if index + offset >= len(doc):
                break
            word = doc[index + offset]
            if word.text.rstrip(".").lower() in _MONTHS:
                break  # "NAIROBI, Sept. 14": the filing day, no region
            if not (word.ent_type_ in _PLACE_ENTITIES or word.text.endswith(".")):
                break
            if not word.text[:1].isupper():
                break
            region.append(word.i)
        if region:
            taken += [index, *region]
            index = region[-1] + 1
    index, day = _dateline_day(doc, index)
    taken += day
    if index < len(doc) and doc[index].text == "(":
        last = min(len(doc), index + _MAX_AGENCY + 2)
        closing = next((j for j in range(index + 1, last) if doc[j].text == ")"), None)
        if closing is not None:
            taken += list(range(index, closing + 1))
            index = closing + 1
    while index < len(doc) and (doc[index].text in _DASHES or doc[index].is_space):
        if doc[index].text in _DASHES:
            taken.append(index)
        index += 1
    return taken


def _placed(doc: Any, qualifiers: list[int]) -> bool:
    """Whether a dateline's qualifiers open with a region after the comma ("Ky.",
    "Texas"), not only a day or an agency."""
    if len(qualifiers) < 2 or doc[qualifiers[0]].text != ",":
        return False
    word = doc[qualifiers[1]]
    return word.text.rstrip(".").lower() not in _MONTHS and word.text not in ("(", *_DASHES)


def _dateline_day(doc: Any, index: int) -> tuple[int, list[int]]:
    """The filing day of a wire dateline after its place (", June 20", ", Jan. 5, 2024"
    in "NAIROBI, June 20 (Reuters) -"): the index after it and its token indices (none
    when ``index`` does not open one)."""
    if index + 2 >= len(doc) or doc[index].text != ",":
        return index, []
    month, number = doc[index + 1], doc[index + 2]
    if month.text.rstrip(".").lower() not in _MONTHS or not _DAY.fullmatch(number.text):
        return index, []
    end = index + 3
    if end + 1 < len(doc) and doc[end].text == "," and _YEAR.fullmatch(doc[end + 1].text):
        end += 2
    return end, list(range(index, end))


def _is_sizable_place(name: str) -> bool:
    """Whether the gazetteer's best entry for ``name`` is a capital, a state or a town of
    some size (a word like "AN" or "PRIMARY" is none)."""
    from eventwire.gazetteer import Gazetteer  # the gazetteer opens lazily, once

    candidates = Gazetteer.load().candidates(name.title(), alternate_names=False)
    if not candidates:
        return False
    best = candidates[0]
    return best.feature_code in _MARKLESS_FEATURES or best.population >= _MARKLESS_POPULATION
