"""Who does what a gerund after "for" or "of" says: the object of the verb it hangs on.

"Evangelical leaders praised the president for pressing for the pastor's release": the
president pressed, not the leaders. After a verb with a direct object, a "for"/"of"
phrase with a gerund tells what the object did (is praised, blamed, thanked, accused,
arrested or punished for): "accused the council of violating the law", "thanked Norway
for hosting the talks", "arrested two men for stealing". With no object ("responded by
shooting", "apologised for attacking") the clause's subject does it, as before. The
object must name a party (a person, a group, a coded actor), not a thing ("used tear
gas for dispersing the crowd": the police dispersed it).
"""

from __future__ import annotations

from typing import Any

_CONTROL_PREPS = frozenset({"for", "of"})
_PARTY_POS = frozenset({"NOUN", "PROPN", "PRON"})


def object_doer(gerund: Any) -> Any | None:
    """The object of the verb that ``gerund`` (the object of a "for"/"of") hangs on,
    when that verb has one: who does what the gerund says; else None."""
    prep = gerund.head
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG" or prep.lower_ not in _CONTROL_PREPS:
        return None
    verb = prep.head
    if prep.dep_ != "prep" or verb.pos_ != "VERB":
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in _PARTY_POS]
    if not objects or objects[0].i > gerund.i:
        return None
    return objects[0]
