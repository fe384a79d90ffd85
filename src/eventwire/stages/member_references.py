"""Members of a body named by a possessive, coded with the body (actors stage helper).

"The union said its members would strike", "the squad whose members met him", "the
company's employees": the owning body is found by ``coding.member_bodies.member_owner``
and resolved as the article's references are (a possessive pronoun to the nearest body
of its number named before it in the sentence, else to the body it stands for; a noun
to its own coding); the member phrase takes the body's sector and country.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.coding.actors import PhraseCode, code_phrase
from eventwire.coding.member_bodies import MemberOwner, member_owner, with_body
from eventwire.stages.actor_references import References

__all__ = ["member_body"]


def member_body(references: References, code: PhraseCode, head: Any, sentence: int) -> PhraseCode:
    """``code`` with its owning body's sector and country, when a possessive names one."""
    owner = member_owner(head)
    if owner is None:
        return code
    if owner.pronoun is not None:
        body = _body_before(references, owner) or references.stands_for(
            code_phrase(owner.token), owner.pronoun, sentence
        )
    else:
        body = references.by_token.get(owner.token.i) or references.resolve(
            code_phrase(owner.token), owner.token, sentence
        )
    if body.person is not None:
        return code  # "the mayor's staff": a person's people, not a body's
    return replace(code, actor=with_body(code.actor, body.actor))


def _body_before(references: References, owner: MemberOwner) -> PhraseCode | None:
    """The nearest body named before the possessive in its own sentence ("the union said
    its members ..."), of the pronoun's number: a body, not a person."""
    pronoun = owner.token
    plural = owner.pronoun == "they"
    for token in reversed(list(pronoun.sent[: pronoun.i - pronoun.sent.start])):
        code = references.by_token.get(token.i)
        if code is None or code.person is not None or code.actor.sector is None:
            continue
        if code.plural == plural:
            return code
    return None
