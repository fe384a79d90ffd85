"""MiniLM's forward pass over several texts packed end to end, without padding.

Every layer but attention works on each token by itself (the linear layers, with a
scale per token, ``detection.rowquant``; the layer norms; GELU), so the tokens of all
the texts go through them as one matrix; attention runs text by text over that text's
own tokens. A text's numbers are those it has alone, whatever is packed with it, at the
cost of one call per layer instead of one per text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import torch


def _attention(layer: Any, hidden: torch.Tensor, bounds: Sequence[tuple[int, int]]) -> torch.Tensor:
    """The self-attention of ``layer`` (a ``BertSelfAttention``), text by text."""
    heads = layer.num_attention_heads
    size = layer.attention_head_size
    query, key, value = layer.query(hidden), layer.key(hidden), layer.value(hidden)
    parts = []
    for start, end in bounds:

        def split(x: torch.Tensor, start: int = start, end: int = end) -> torch.Tensor:
            return x[start:end].view(end - start, heads, size).transpose(0, 1)

        out = torch.nn.functional.scaled_dot_product_attention(
            split(query), split(key), split(value)
        )
        parts.append(out.transpose(0, 1).reshape(end - start, heads * size))
    return torch.cat(parts)


def packed_embeddings(bert: Any, sequences: Sequence[Sequence[int]]) -> torch.Tensor:
    """The mean-pooled, L2-normalised last layer of ``bert`` (a ``BertModel`` in eval
    mode) for each sequence of word-piece ids, one row per sequence."""
    lengths = [len(ids) for ids in sequences]
    ids = torch.tensor([i for seq in sequences for i in seq], dtype=torch.long)
    positions = torch.cat([torch.arange(n, dtype=torch.long) for n in lengths])
    embeddings = bert.embeddings
    hidden = (
        embeddings.word_embeddings(ids)
        + embeddings.token_type_embeddings(torch.zeros_like(ids))
        + embeddings.position_embeddings(positions)
    )
    hidden = embeddings.LayerNorm(hidden)
    bounds, start = [], 0
    for n in lengths:
        bounds.append((start, start + n))
        start += n
    for layer in bert.encoder.layer:
        attention = layer.attention
        context = _attention(attention.self, hidden, bounds)
        hidden = attention.output.LayerNorm(attention.output.dense(context) + hidden)
        inner = layer.intermediate.intermediate_act_fn(layer.intermediate.dense(hidden))
        hidden = layer.output.LayerNorm(layer.output.dense(inner) + hidden)
    pooled = torch.stack([hidden[a:b].mean(dim=0) for a, b in bounds])
    return torch.nn.functional.normalize(pooled, p=2, dim=1)
