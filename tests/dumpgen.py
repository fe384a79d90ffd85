"""Generated raw dumps for the ingest tests (memory, concurrency, kill -9): articles of
plain, made-up news prose, each different (a number in the title and the body), with
every kind of separator between them."""

from __future__ import annotations

import random
from pathlib import Path

TOWNS = ("Elmsworth", "Port Hallam", "Tarrow", "Ossbury", "Kettleby", "Quillon", "Renfrew")
SEPARATORS = ("\n\n----------\n\n", "\n\n\n\n", "\n\n==========\n\n", "\n\nAdvertisement\n\n")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def article(number: int, paragraphs: int = 3, tag: str = "") -> str:
    """One article; ``number`` (and ``tag``) make its text unique."""
    town = TOWNS[number % len(TOWNS)]
    day = DAYS[number % len(DAYS)]
    body = [
        f"Police arrested {number % 40 + 2} protesters in {town} on {day} after a march "
        f"against plan {tag}{number} for the harbour district, officials said.",
    ]
    body += [
        f"The council of {town} met again on {day} to discuss plan {tag}{number}; "
        f"paragraph {n} of the report said the work would take {n + 2} years."
        for n in range(1, paragraphs)
    ]
    return f"Council Debates Plan {tag}{number} for {town} Harbour\n\n" + "\n\n".join(body)


def write_dump(path: Path, start: int, count: int, *, paragraphs: int = 3, tag: str = "") -> int:
    """Write articles ``start`` .. ``start + count - 1`` to ``path``; return the size."""
    with path.open("w", encoding="utf-8") as out:
        for number in range(start, start + count):
            out.write(article(number, paragraphs, tag))
            out.write(SEPARATORS[number % len(SEPARATORS)])
    return path.stat().st_size


WORDS: tuple[str, ...] = (
    "council", "harbour", "minister", "police", "river", "bridge", "union", "workers",
    "farmers", "court", "school", "hospital", "election", "market", "railway", "village",
    "province", "mayor", "budget", "storm", "flood", "road", "port", "factory", "teachers",
    "students", "nurses", "drivers", "fishermen", "judges", "engineers", "officials",
    "approved", "rejected", "debated", "announced", "delayed", "opened", "closed",
    "repaired", "protested", "met", "warned", "promised", "signed", "visited", "inspected",
    "cancelled", "postponed", "reported", "discussed", "north", "south", "east", "west",
    "old", "new", "small", "large", "early", "late", "public", "private", "local",
    "regional",
)  # fmt: skip


def varied_article(rng: random.Random, number: int, paragraphs: int) -> str:
    """An article of seeded random words: different from every other one, so no two
    are near-duplicates (the store links those, at a cost that grows with them)."""
    town = TOWNS[number % len(TOWNS)]
    body = []
    for _ in range(paragraphs):
        words = [rng.choice(WORDS) for _ in range(rng.randint(60, 100))]
        body.append(f"In {town} the " + " ".join(words) + f" on {rng.choice(DAYS)}.")
    title = " ".join(word.capitalize() for word in rng.sample(WORDS, 5))
    return f"{title} {number}\n\n" + "\n\n".join(body)


def write_big_dump(path: Path, min_bytes: int, *, paragraphs: int = 12, seed: int = 14) -> int:
    """Write varied articles until ``path`` holds at least ``min_bytes``; return their
    number."""
    rng = random.Random(seed)
    count = 0
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < min_bytes:
            chunk = "".join(
                varied_article(rng, count + n, paragraphs)
                + SEPARATORS[(count + n) % len(SEPARATORS)]
                for n in range(100)
            )
            out.write(chunk)
            written += len(chunk.encode("utf-8"))
            count += 100
    return count
