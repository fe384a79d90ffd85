"""Literals a regex needs: a text that holds none of them cannot match it.

Scanning a text with a regex costs time at every character, even where nothing
matches. ``may_match`` reads from the regex's own parse the literal words every
match must hold ("ago", "century", a month name) and tells, with a few substring tests,
when a scan would find nothing. It never skips a scan that could match, so results do
not change.

``first_checked`` does the same for the characters a match can begin with: a regex that
opens with lookbehinds ("not after a word") is tried at every position of the text,
and a lookahead for the class of its possible first characters ("[ADFJMNOS...]") lets
most positions fail at once. The class is read from the regex's parse and is never
narrower than what the regex allows, so the matches stay the same.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

# Characters that a case-insensitive regex matches to an ASCII letter although their
# ``str.lower()`` is no ASCII letter ("İ" lowers to two characters).
_CASE_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
# A requirement: (literal, case-insensitive) pairs, one of which every match holds.
_Needs = frozenset[tuple[str, bool]]


def fold_case(text: str) -> str:
    """``text`` lowered as a case-insensitive regex compares it (see ``may_match``)."""
    return text.translate(_CASE_FOLDS).lower()


def may_match(pattern: re.Pattern[str], text: str, folded: str) -> bool:
    """False when no match of ``pattern`` can be in ``text`` (``folded`` is
    ``fold_case(text)``): the cheap test that spares a scan of the text."""
    return all(
        any((word in folded) if folding else (word in text) for word, folding in needs)
        for needs in _required_literals(pattern)
    )


@lru_cache(maxsize=256)
def _required_literals(pattern: re.Pattern[str]) -> tuple[_Needs, ...]:
    """Requirements every match of ``pattern`` meets (each a set of ASCII literals, one
    of which the match holds), read from the regex's parse, the most selective first."""
    if pattern.flags & re.LOCALE:
        return ()  # case folding by the locale: not read here
    parser: Any = importlib.import_module("re._parser")
    tree = parser.parse(pattern.pattern, pattern.flags)
    options = _sequence_options(tree, bool(pattern.flags & re.IGNORECASE))
    return tuple(sorted(options, key=_selectivity, reverse=True))


def _selectivity(needs: _Needs) -> tuple[int, int]:
    """Longer literals, and fewer of them, are rarer in a text."""
    return min(len(word) for word, _ in needs), -len(needs)


def _sequence_needs(items: Any, folding: bool) -> _Needs | None:
    """What a sequence of regex nodes requires: its most selective part's needs."""
    options = _sequence_options(items, folding)
    return max(options, key=_selectivity) if options else None


def _sequence_options(items: Any, folding: bool) -> list[_Needs]:
    """The requirements of the parts of a sequence of regex nodes (each must be met)."""
    consts: Any = importlib.import_module("re._constants")
    options: list[_Needs] = []
    run: list[str] = []

    def close_run() -> None:
        word = "".join(run)
        if word and word.isascii():
            options.append(frozenset({(word.lower() if folding else word, folding)}))
        run.clear()

    for op, av in items:
        if op is consts.LITERAL:
            run.append(chr(av))
            continue
        close_run()
        needs: _Needs | None = None
        if op is consts.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            inner = (folding or bool(add_flags & re.IGNORECASE)) and not (del_flags & re.IGNORECASE)
            needs = _sequence_needs(sub, inner)
        elif op is consts.ATOMIC_GROUP:
            needs = _sequence_needs(av, folding)
        elif op in (consts.MAX_REPEAT, consts.MIN_REPEAT, consts.POSSESSIVE_REPEAT):
            low, _high, sub = av
            needs = _sequence_needs(sub, folding) if low >= 1 else None
        elif op is consts.BRANCH:
            branches = [_sequence_needs(sub, folding) for sub in av[1]]
            if all(b is not None for b in branches):
                needs = frozenset().union(*(b for b in branches if b is not None))
        if needs is not None:
            options.append(needs)
    close_run()
    return options


def first_checked(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` opened with a lookahead for the characters its matches can begin
    with, or ``pattern`` itself when they cannot be read (an empty match is possible, or
    a node the reader does not know). It finds the same matches, with the same groups."""
    first = first_characters(pattern)
    if first is None:
        return pattern
    return re.compile(f"(?={first})" + pattern.pattern, pattern.flags)


class _Unknown(Exception):
    """A regex node whose first characters are not read here."""


def first_characters(pattern: re.Pattern[str]) -> str | None:
    """A character class ("[0-3\\dMS]") holding every character a match of ``pattern``
    can begin with, or None. Case folding is the pattern's own: the class is tested under
    the same flags, so a letter also stands for its other cases where the regex folds."""
    parser: Any = importlib.import_module("re._parser")
    tree = parser.parse(pattern.pattern, pattern.flags)
    try:
        first, may_be_empty = _first_of_sequence(tree, bool(pattern.flags & re.IGNORECASE))
    except _Unknown:
        return None
    if may_be_empty or not first:
        return None
    return "[" + "".join(sorted(first)) + "]"


def _first_of_sequence(items: Any, folding: bool) -> tuple[set[str], bool]:
    """(class items a sequence of nodes can begin with, whether it can match empty)."""
    first: set[str] = set()
    for op, av in items:
        found, may_be_empty = _first_of_node(op, av, folding)
        first |= found
        if not may_be_empty:
            return first, False
    return first, True


def _first_of_node(op: Any, av: Any, folding: bool) -> tuple[set[str], bool]:
    consts: Any = importlib.import_module("re._constants")
    if op is consts.LITERAL:
        return {re.escape(chr(av))}, False
    if op is consts.IN:
        return _class_items(av, consts), False
    if op is consts.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE and not folding:
            raise _Unknown  # folded inside, exact outside: the class would be too narrow
        return _first_of_sequence(sub, folding)
    if op is consts.ATOMIC_GROUP:
        return _first_of_sequence(av, folding)
    if op in (consts.MAX_REPEAT, consts.MIN_REPEAT, consts.POSSESSIVE_REPEAT):
        low, _high, sub = av
        found, may_be_empty = _first_of_sequence(sub, folding)
        return found, may_be_empty or low == 0
    if op is consts.BRANCH:
        first: set[str] = set()
        any_empty = False
        for sub in av[1]:
            found, may_be_empty = _first_of_sequence(sub, folding)
            first |= found
            any_empty = any_empty or may_be_empty
        return first, any_empty
    if op in (consts.AT, consts.ASSERT, consts.ASSERT_NOT):
        return set(), True  # zero width: the next node gives the first character
    raise _Unknown


def _class_items(av: Any, consts: Any) -> set[str]:
    """The items of a character class node as class syntax; a negated class or an
    unusual category is not read."""
    categories = {
        consts.CATEGORY_DIGIT: r"\d",
        consts.CATEGORY_WORD: r"\w",
        consts.CATEGORY_SPACE: r"\s",
    }
    items: set[str] = set()
    for op, value in av:
        if op is consts.LITERAL:
            items.add(re.escape(chr(value)))
        elif op is consts.RANGE:
            items.add(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
        elif op is consts.CATEGORY and value in categories:
            items.add(categories[value])
        else:
            raise _Unknown
    return items
