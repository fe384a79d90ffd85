"""The WORK / SET-ASIDE split of the DEV gold files.

Every DEV file is split by one deterministic rule so that the detector is trained, and
the coder tuned, on the WORK part only, and the SET-ASIDE part is looked at only to
measure. A record's *group key* keeps what must stay together in one part (the
sentences of one article, the stories made from one headline template, the records of
one sentence); the group is SET-ASIDE when the first byte of the SHA-1 of its key is a
multiple of 3 (about a third), WORK otherwise.

| file | group key |
| --- | --- |
| PLOVER GSR | the sentence text (a sentence with two records stays in one part) |
| NGEC synthetic | ``title_template`` (the same headline with other countries filled in) |
| ConfliBERT classes | ``id``; ConfliBERT spans: ``class_id`` (the same sentence), else ``id`` |
| IndiaPoliceEvents docs / sentences | ``doc_id`` (all sentences of an article together) |
| CASE 2021 ACLED snippets, GVC articles | ``id`` |
| TR-News, the 78 articles outside the audit sample | the bare ``id`` (51 work, 27 aside) |
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Literal

Part = Literal["work", "set-aside", "all"]
PARTS: tuple[str, ...] = ("work", "set-aside", "all")

SPLIT_RULE = "set-aside when sha1(group key)[0] % 3 == 0, else work"


def part_of_key(key: str) -> Literal["work", "set-aside"]:
    """The part a group key falls in."""
    return "set-aside" if hashlib.sha1(key.encode("utf-8")).digest()[0] % 3 == 0 else "work"


def group_key(record: Mapping[str, object]) -> str:
    """The group key of a DEV record, whichever file it comes from (see the table)."""
    if "title_template" in record:
        return "ngec:" + str(record["title_template"])
    if "doc_id" in record:
        return "india:" + str(record["doc_id"])
    if "source_actors" in record and "event" in record:
        return "plover:" + str(record["text"])
    if "tags" in record and "tokens" in record:
        class_id = record.get("class_id")
        return "conflibert:" + str(class_id if class_id else record["id"])
    if str(record.get("id", "")).startswith("conflibert-cameo-"):
        return "conflibert:" + str(record["id"])
    return "id:" + str(record["id"])


def in_part(record: Mapping[str, object], part: Part) -> bool:
    """True when ``record`` belongs to ``part`` ("all" takes every record)."""
    return part == "all" or part_of_key(group_key(record)) == part
