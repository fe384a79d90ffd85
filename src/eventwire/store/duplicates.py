"""Linking near-duplicate articles in the store (the signatures are ``eventwire.store.minhash``).

Each stored article's MinHash signature goes to ``article_fingerprints`` and its LSH
band keys to ``article_bands``. A new article's candidates are the articles sharing a
band key with it (one indexed lookup per band); the most similar candidate at or above
``dedup.DUPLICATE_THRESHOLD`` becomes its canonical copy (``articles.duplicate_of``),
followed to the original when that candidate is itself a copy.
"""

from __future__ import annotations

import sqlite3

from eventwire.model import Document
from eventwire.store.minhash import DUPLICATE_THRESHOLD, SCHEME, Fingerprint


def fingerprint_text(doc: Document) -> str:
    """The words compared for near-duplicates: the cleaned body (headlines and captions
    change between copies), or the whole text when the document was not cleaned."""
    if doc.article is not None and doc.article.body.strip():
        return doc.article.body
    return doc.text


def link_duplicate(
    conn: sqlite3.Connection, article_id: int, signature: Fingerprint | None
) -> int | None:
    """Record ``signature`` for ``article_id`` and link the article to its canonical
    copy; return that copy's id, or None when the article is an original."""
    if signature is None:
        return None
    keys = signature.band_keys()
    marks = ", ".join("?" for _ in keys)
    candidates = conn.execute(
        "SELECT DISTINCT f.article_id, f.signature, a.duplicate_of "
        "FROM article_bands AS b "
        "JOIN article_fingerprints AS f ON f.article_id = b.article_id "
        "JOIN articles AS a ON a.id = b.article_id "
        f"WHERE b.band_key IN ({marks}) AND f.scheme = ? AND b.article_id != ?",
        [*keys, SCHEME, article_id],
    ).fetchall()
    best: tuple[float, int, int | None] | None = None  # (similarity, -id, its canonical)
    for row in candidates:
        similarity = signature.similarity(Fingerprint(bytes(row["signature"])))
        if similarity < DUPLICATE_THRESHOLD:
            continue
        key = (similarity, -int(row["article_id"]), row["duplicate_of"])
        if best is None or key[:2] > best[:2]:
            best = key
    conn.execute(
        "INSERT INTO article_fingerprints (article_id, scheme, signature) VALUES (?, ?, ?)",
        (article_id, SCHEME, signature.values),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO article_bands (band_key, article_id) VALUES (?, ?)",
        [(key, article_id) for key in keys],
    )
    if best is None:
        return None
    similarity, neg_id, canonical = best
    original = int(canonical) if canonical is not None else -neg_id
    conn.execute(
        "UPDATE articles SET duplicate_of = ?, duplicate_similarity = ? WHERE id = ?",
        (original, round(similarity, 4), article_id),
    )
    return original
