"""Passive participles that tell a stance the subject holds, not a deed done to it.

"Israel is opposed to the plan", "the party is committed to the deal", "residents are
dead set against the mine" read as passives to the parser (an ``auxpass`` and an
``nsubjpass``), so the argument finder would take the subject for the one acted on and
look for an agent that is never there. A participle of stance with no "by" agent is an
adjective: its subject holds the stance (the actor) and the object of its "to" is what
the stance is about ("opposed to the tariffs").
"""

from __future__ import annotations

from typing import Any

from eventwire.coding.syntax import children

# Participles that name the subject's own stance toward what follows "to".
_STANCE_PARTICIPLES = frozenset(
    {"opposed", "committed", "dedicated", "devoted", "resigned", "reconciled", "averse"}
)


def holds_stance(verb: Any) -> bool:
    """Whether ``verb`` is a participle of stance with no agent ("is opposed to")."""
    return verb.lower_ in _STANCE_PARTICIPLES and not children(verb, "agent")


def stance_holder(verb: Any, subject: Any | None) -> Any | None:
    """The subject that holds the stance: ``subject``, else the one the parser hangs on
    the participle's "is" ("the union | is opposed": ``nsubj`` of the auxiliary)."""
    if subject is not None:
        return subject
    return next((s for aux in children(verb, "auxpass") for s in children(aux, "nsubj")), None)
