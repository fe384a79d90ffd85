"""Recipients found when the clause's own arguments name none: a coded participant
among the prepositional objects around the trigger ("halted economic aid to Serbia",
"demanded that North Korea give up..."), else the state or region where the event
happens ("declared a ceasefire in Yemen"), as CAMEO coders do."""

from __future__ import annotations

from typing import Any

from eventwire.coding.participants import names_participant_itself
from eventwire.coding.syntax import (
    NOT_PARTICIPANTS,
    children,
    doc_actor_at,
    is_amount,
    is_coded,
    is_infinitive,
    is_instrument,
    of_objects,
    prepositions,
)
from eventwire.model import Document

_PLACE_PREPS = frozenset({"in", "into", "to", "across", "throughout", "inside"})
_WIDE_RECIPIENT_PREPS = frozenset(
    {"to", "with", "against", "on", "at", "toward", "towards", "upon", "into", "from", "for"}
)
# Verbs whose object is whom an appeal or a fund is for ("funds to help the victims").
_HELPING_VERBS = frozenset({"help", "assist", "support", "feed", "shelter", "aid", "relieve"})


def coded_recipient(doc: Document, trigger: Any, verb: Any, actor_head: Any | None) -> Any | None:
    """When the object names no participant ("halted economic aid to Serbia",
    "threatened to shell Iraqi towns", "demanded that North Korea give up..."), the
    first coded participant among the prepositional objects of the trigger, its verb and
    their objects (also through what describes the object: "lifted sanctions imposed on
    Eritrea", "rejected accusations by the opposition"), then inside the clause the verb
    governs."""
    objects = [*children(trigger, "dobj"), *children(verb, "dobj")]
    # "called for sanctions against the companies": the things a preposition names
    objects += [
        obj
        for anchor in (trigger, verb)
        for prep in prepositions(anchor)
        if prep.lower_ in ("for", "on")
        for obj in children(prep, "pobj")
        if not names_participant_itself(obj)
    ]
    described = [clause for obj in objects for clause in children(obj, "acl")]
    by_object = {obj.i for obj in objects}
    candidates = []
    for anchor in [trigger, verb, *objects, *described]:
        preps = _WIDE_RECIPIENT_PREPS | ({"by"} if anchor.i in by_object else set())
        for prep in prepositions(anchor):
            if prep.lower_ in preps:
                candidates += children(prep, "pobj")
    candidates += [t for t in children(verb, "dative") if t.pos_ != "ADP"]
    purposes = [c for c in children(verb, "advcl") if is_infinitive(c)]  # "... to help Chad"
    for clause in [*children(verb, "xcomp", "ccomp"), *purposes]:
        candidates += children(clause, "dobj")
        if clause.dep_ == "ccomp":  # not "warned that they will ...": the speaker
            candidates += [t for t in children(clause, "nsubj") if t.pos_ != "PRON"]
        if clause.lemma_.lower() in _HELPING_VERBS:  # "sent aid to help Chad cope"
            candidates += [t for c in children(clause, "ccomp") for t in children(c, "nsubj")]
        for anchor in [clause, *children(clause, "dobj")]:
            for prep in prepositions(anchor):
                if prep.lower_ in _WIDE_RECIPIENT_PREPS:
                    candidates += children(prep, "pobj")
    for token in candidates:
        if actor_head is not None and token.i == actor_head.i:
            continue
        if token.ent_type_ in NOT_PARTICIPANTS or is_amount(token) or is_instrument(token):
            continue
        if is_coded(doc_actor_at(doc, token)):
            return token
    # "an appeal for funds to help flood victims": the people the object is meant for
    helped = [
        obj
        for clause in described
        if is_infinitive(clause) and clause.lemma_.lower() in _HELPING_VERBS
        for obj in children(clause, "dobj")
    ]
    return next((o for o in helped if names_participant_itself(o)), None)


def place_recipient(doc: Document, trigger: Any, verb: Any, thing: Any | None = None) -> Any | None:
    """A state or region where the event happens, as its target when it names no other
    ("declared a ceasefire in Yemen", "lifted the curfew in Montenegro"), as CAMEO
    coders do: the place of the trigger, its verb or their object, of what the verb
    agrees to ("agreed to a ceasefire in Hodeidah") or agrees to do ("agreed to postpone
    the march in Baku"), or of the ``thing`` found as the
    recipient ("rioted at a jail in northern Chad")."""
    agreed = [o for p in prepositions(verb) if p.lower_ == "to" for o in children(p, "pobj")]
    anchors = [trigger, verb, *children(trigger, "dobj"), *children(verb, "dobj"), *agreed]
    if trigger.i == verb.i:
        # what the actor agrees or threatens to do ("agreed to postpone the march in
        # Baku", "threatened to impose a curfew in Algiers"): where that is done
        acts = [c for c in children(verb, "xcomp") if is_infinitive(c)]
        anchors += [*acts, *(o for act in acts for o in children(act, "dobj"))]
    if thing is not None and thing.pos_ == "NOUN":
        anchors.append(thing)
    for role in (o for p in prepositions(verb) if p.lower_ == "as" for o in children(p, "pobj")):
        # "resigned as president of Peru", "sworn in as governor of Kano State"
        for obj in of_objects(role):
            actor = doc_actor_at(doc, obj)
            if actor is not None and actor.country and obj.ent_type_ in ("GPE", "LOC"):
                return obj
    for anchor in anchors:
        for prep in prepositions(anchor):
            if prep.lower_ not in _PLACE_PREPS:
                continue
            for obj in children(prep, "pobj"):
                actor = doc_actor_at(doc, obj)
                if actor is None or not actor.country:
                    continue
                if obj.ent_type_ in ("GPE", "LOC"):
                    return obj
                inside = any(o.ent_type_ in ("GPE", "LOC") for o in of_objects(obj))
                if obj.pos_ == "NOUN" and inside:
                    return obj  # "imposed a curfew in parts of Kashmir"
    return None
