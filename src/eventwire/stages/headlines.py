"""Headlines stage: fold the title's events into the body's and mark the headline event.

The events stage codes the title like any sentence; here each title event either joins
the body event that tells it (same type and factuality, no disagreeing country), which
is then marked ``headline``, or stays as the article's own headline event when the body
does not tell it. The rules are in ``eventwire.coding.headline_reading``.
"""

from __future__ import annotations

from eventwire.coding.headline_reading import fold_headline_events
from eventwire.model import Document, Zone
from eventwire.stages.registry import stage


@stage(
    "headlines",
    requires=("doc.events", "doc.sentences", "event.dead", "event.future"),
    assigns=("doc.events", "event.headline"),
)
def mark_headlines(doc: Document) -> Document:
    titles = {s.start for s in doc.sentences if s.zone is Zone.TITLE}
    if titles:
        title_events = [e for e in doc.events if e.start in titles]
        body_events = [e for e in doc.events if e.start not in titles]
        doc.events = fold_headline_events(title_events, body_events)
    return doc
