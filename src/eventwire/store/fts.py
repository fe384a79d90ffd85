"""Turn what a user types into a safe FTS5 MATCH expression.

FTS5 has its own query syntax (quotes, ``AND``/``OR``/``NOT``, ``NEAR``, ``column:``,
parentheses), so raw user text such as ``don't`` or a lone ``"`` is a syntax error.
Here every whitespace-separated word becomes a quoted FTS5 string, so it is matched
literally, and the words are joined by FTS5's implicit AND. A word ending in ``*``
keeps its star outside the quotes and matches as a prefix (``negotiat*``).
"""

from __future__ import annotations


def match_terms(text: str) -> list[str]:
    """The FTS5 terms of ``text``'s words, each once, in order of first appearance.

    Words with no letter or digit (``"``, ``-``, ``…``) are dropped: the tokenizer would
    drop them too. A word repeated adds nothing to an AND of words, so it is kept once.
    """
    terms: list[str] = []
    for word in text.split():
        core = word.rstrip("*")
        if not any(char.isalnum() for char in core):
            continue
        star = "*" if core != word else ""
        term = '"' + core.replace('"', '""') + '"' + star
        if term not in terms:
            terms.append(term)
    return terms


def match_expression(text: str) -> str | None:
    """The FTS5 expression matching rows that hold every word of ``text``; None when
    nothing searchable is left."""
    terms = match_terms(text)
    return " ".join(terms) if terms else None
