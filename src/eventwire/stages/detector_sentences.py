"""Which sentences the detector scores, and how its scores rank the sentences' events.

Split from ``stages/detector.py`` (the stage and its rules): the cue words that make a
sentence worth embedding (``worth_scoring``), which sentence an event belongs to
(``in_sentence``), and the weighing of each sentence's events by the detector's type
probability (``rank_sentences``).
"""

from __future__ import annotations

from eventwire.coding import lexicon
from eventwire.model import Detection, Document, Event, Sentence

# Words that make a sentence worth scoring even when the patterns coded nothing in it
# (besides every pattern's trigger): deaths, arrests and the police.
_CUE_WORDS = frozenset(
    {"police", "policeman", "policemen", "cop", "cops", "dead", "die", "death", "kill",
     "firing", "fire", "shoot", "shot", "arrest", "held", "hold", "custody", "nab", "jail",
     "detain", "protest", "strike", "march", "rally", "agitation", "bandh", "clash", "mob"}
)  # fmt: skip


# Triggers too common to be cues: they code an event only with a given word ("a die-in",
# "downed tools", "submitted a memorandum"), and a sentence where they code one is
# scored for its event anyway.
_NOT_CUES = frozenset({"in", "down", "present", "submit"})


def _cue_lemmas() -> frozenset[str]:
    global _CUES
    if _CUES is None:
        triggers = {p.trigger for p in lexicon.event_patterns().patterns}
        _CUES = frozenset((triggers - _NOT_CUES) | _CUE_WORDS)
    return _CUES


_CUES: frozenset[str] | None = None


def worth_scoring(doc: Document, sentence: Sentence) -> bool:
    """Only sentences that hold a coded event, a trigger word or a cue word are embedded
    (the encoder costs more than the parse); the rules seldom apply elsewhere."""
    if any(in_sentence(e, sentence) for e in doc.events):
        return True
    if doc.spacy_doc is None:
        return True
    span = doc.spacy_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return True
    cues = _cue_lemmas()
    return any(t.lemma_.lower() in cues or t.lower_ in cues for t in span)


def in_sentence(event: Event, sentence: Sentence) -> bool:
    """Whether the event's trigger (else its sentence's start) lies in the sentence."""
    anchor = event.trigger_start if event.trigger_start is not None else event.start
    return sentence.start <= anchor < sentence.end


# Which sentence tells an article's main event: in an article with factual events in
# more than one sentence, each sentence's events are weighed by how probable the
# detector finds the type of its most confident factual event there, times
# (SENTENCE_WEIGHT_FLOOR + p) / (SENTENCE_WEIGHT_FLOOR + 1). The same factor for every
# event of a sentence keeps their order (and so the actor chosen for a one-sentence
# report); across sentences, a sure pattern event of a type the detector does not see
# in its sentence ("protesters defied the ban", "the government rejects any
# responsibility") ranks below a protest or an attack the detector agrees with.
# ACLED WORK type top-1, each fold coded with a head that did not see it: 0.826 -> 0.842.
SENTENCE_RANKING = True
SENTENCE_WEIGHT_FLOOR = 0.3


def rank_sentences(doc: Document, sentences: list[Sentence], detections: list[Detection]) -> None:
    """Weigh each sentence's events by the detector's probability of the type of its most
    confident factual event (the rule above); nothing changes where only one sentence
    holds factual events."""
    told = []
    for sentence, found in zip(sentences, detections, strict=True):
        own = [e for e in doc.events if in_sentence(e, sentence)]
        factual = [e for e in own if e.factual]
        if factual and found.types:
            top = max(factual, key=lambda e: e.confidence)
            told.append((own, found.types.get(top.type, 0.0)))
    if len(told) < 2:
        return
    for own, p in told:
        factor = (SENTENCE_WEIGHT_FLOOR + p) / (SENTENCE_WEIGHT_FLOOR + 1.0)
        for event in own:
            event.confidence = round(event.confidence * factor, 3)


# Which type the article as a whole tells: the detector's type probabilities averaged
# over its scored sentences. Where that average is this sure of one type (DOC_TYPE_SURE)
# and the most confident factual event is of another, the article's most confident
# factual event of the sure type changes places with it (their confidences are
# swapped); nothing is added, and an article of one scored sentence is left as it is.
# ACLED WORK snippets, three folds each coded with a head that did not see it: type
# top-1 0.844 -> 0.849 (0.857 with one-sentence articles at ONE_SENTENCE_SURE); the
# SET-ASIDE snippets 0.805 -> 0.810 (0.819).
DOC_TYPE_RANKING = True
DOC_TYPE_SURE = 0.5
# An article of one scored sentence (a headline, a snippet) only when the detector is
# this sure of it.
ONE_SENTENCE_SURE = 0.75


def rank_by_article_type(doc: Document, detections: list[Detection]) -> None:
    """Put the article's surest event of the type the detector sees across its scored
    sentences first (the rule above)."""
    scored = [d for d in detections if d.types]
    if not DOC_TYPE_RANKING or not scored:
        return
    labels = scored[0].types.keys()
    mean = {k: sum(d.types.get(k, 0.0) for d in scored) / len(scored) for k in labels}
    sure = max(mean, key=lambda k: mean[k])
    if mean[sure] < (DOC_TYPE_SURE if len(scored) > 1 else ONE_SENTENCE_SURE):
        return
    factual = [e for e in doc.events if e.factual]
    if not factual:
        return
    top = max(factual, key=lambda e: e.confidence)
    of_type = [e for e in factual if e.type == sure]
    if top.type == sure or not of_type:
        return
    best = max(of_type, key=lambda e: e.confidence)
    best.confidence, top.confidence = top.confidence, best.confidence


# Which protest the article is about: where the protest head (learnt from the ACLED
# snippets' protest label, riots included) holds that the article reports a protest (its
# probability averaged over the scored sentences at or above its cross-validated
# threshold) and the type head agrees (summed over the scored sentences, PROTEST at
# least as probable as the type of the most confident factual event), the article's
# surest factual PROTEST changes places with that event (confidences swapped; nothing
# is added). Riots and protests met with force had the force ranked first ("police
# fired tear gas to disperse the protesters"). ACLED type top-1, WORK coded with three
# heads each trained without its third: 0.850 -> 0.871 (riots 15 -> 17 of 20, protests
# 33 -> 34 of 39); SET-ASIDE 0.819 -> 0.831 (riots 11 -> 12 of 14). With the protest
# head's highest sentence instead of its average: SET-ASIDE 0.839, but the NGEC
# set-aside accuracy fell below its floor (0.878 -> 0.874; 0.876 with the average).
# Without the type head's agreement: WORK 0.900, SET-ASIDE 0.811 (explosions and
# strategic developments lost one each).
PROTEST_RANKING = True


def rank_by_protest_head(
    doc: Document,
    protest: list[float],
    threshold: float | None,
    detections: list[Detection],
) -> None:
    """Put the article's surest factual PROTEST first where the protest head holds the
    article a protest (``protest``: its probability for each scored sentence) and the
    type head agrees (the rule above)."""
    if not PROTEST_RANKING or threshold is None or not protest:
        return
    if sum(protest) / len(protest) < threshold:
        return
    factual = [e for e in doc.events if e.factual]
    protests = [e for e in factual if e.type == "PROTEST"]
    if not protests:
        return
    top = max(factual, key=lambda e: e.confidence)
    scored = [d for d in detections if d.types]
    if top.type == "PROTEST" or not scored:
        return
    p_protest = sum(d.types.get("PROTEST", 0.0) for d in scored)
    if p_protest < sum(d.types.get(top.type, 0.0) for d in scored):
        return
    best = max(protests, key=lambda e: e.confidence)
    best.confidence, top.confidence = top.confidence, best.confidence
