"""Generated raw dumps for the ingest tests (memory, concurrency, kill -9): articles of
plain, made-up news prose, each different (a number in the title and the body), with
every kind of separator between them."""

from __future__ import annotations

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


def write_big_dump(path: Path, min_bytes: int, *, paragraphs: int = 12) -> int:
    """Write articles until ``path`` holds at least ``min_bytes``; return their number."""
    count = 0
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < min_bytes:
            chunk = "".join(
                article(count + n, paragraphs) + SEPARATORS[(count + n) % len(SEPARATORS)]
                for n in range(500)
            )
            out.write(chunk)
            written += len(chunk.encode("utf-8"))
            count += 500
    return count
