"""The text of a spaCy ``Doc``, joined once.

spaCy rebuilds ``Doc.text`` from its tokens at every read, and a span's ``.text`` builds
a ``Span`` first; the coders read slices of the parsed text thousands of times per
article. ``parsed_text`` joins it once per ``Doc`` (kept while the ``Doc`` lives), and
``text_between`` gives the text of tokens ``first`` to ``last`` as ``Span.text`` does.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

_TEXTS: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def parsed_text(doc: Any) -> str:
    """``doc.text``, joined at the first read and remembered while ``doc`` lives."""
    with _LOCK:
        text = _TEXTS.get(doc)
    if text is None:
        text = str(doc.text)
        with _LOCK:
            _TEXTS[doc] = text
    return text


def text_between(first: Any, last: Any) -> str:
    """The text from token ``first`` to token ``last`` (of one ``Doc``) inclusive,
    without the space after ``last``: ``doc[first.i : last.i + 1].text``."""
    return parsed_text(first.doc)[first.idx : last.idx + len(last.text)]
