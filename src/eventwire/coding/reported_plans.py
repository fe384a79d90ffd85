"""A plan that others report, which its holder never stated.

"Prosecutors said he planned to murder the judge", "police allege the man intended to
bomb the embassy", "court papers show she plotted to kill him": the plan is what others
found out, not a statement of intent, so it is no THREATEN or AGREE (``stages.intents``).
A party's own word about its plan ("the ministry said it planned to impose a curfew",
"the minister said he intends to resign", "we plan to march") stays a statement.
"""

from __future__ import annotations

from typing import Any

# Words of a plan: told in the past of another party, they report a plan found out.
_PLAN_WORDS = frozenset({"plan", "intend", "plot", "conspire", "scheme", "aim", "want", "mean"})
# Plans that are secret by nature: never a statement, whoever tells them.
_SECRET_PLANS = frozenset({"plot", "conspire", "scheme"})
# Subjects that are the speaker's own ("the ministry said it planned").
_OWN_PRONOUNS = frozenset({"it", "they", "we", "i"})
_PAST_TAGS = frozenset({"VBD", "VBN"})


def is_reported_plan(clause: Any) -> bool:
    """Whether ``clause`` (the verb of a future event's clause) is the infinitive of a
    plan word that is secret ("plotted to kill") or that another party reports in the
    past ("prosecutors said he planned to murder")."""
    plan = clause
    while plan.dep_ in ("xcomp", "conj") and plan.head.i != plan.i:
        plan = plan.head
        if str(plan.lemma_).lower() in _PLAN_WORDS:
            break
    else:
        return False
    if plan.i == clause.i or str(plan.lemma_).lower() not in _PLAN_WORDS:
        return False
    if str(plan.lemma_).lower() in _SECRET_PLANS:
        return True
    if plan.tag_ not in _PAST_TAGS or plan.dep_ != "ccomp":
        return False
    subjects = [c for c in plan.children if c.dep_ == "nsubj"]
    speakers = [c for c in plan.head.children if c.dep_ == "nsubj"]
    if not subjects or not speakers:
        return False
    subject, speaker = subjects[0], speakers[0]
    if subject.lower_ in _OWN_PRONOUNS:
        return False
    if subject.pos_ == "PRON":
        # "he"/"she" told by a plural or an institution: another party's plan
        return speaker.tag_ in ("NNS", "NNPS") or speaker.ent_type_ == "ORG"
    return subject.lemma_ != speaker.lemma_
