"""The throughput benchmark's figure to quote on a shared machine: the median of the
rounds' ratios."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "throughput.py"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("throughput_benchmark", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_median_ratio_pairs_each_round_with_its_own_bare_parse() -> None:
    median_ratio = _benchmark()._median_ratio
    # rounds: 2/4, 3/5, 2/2 -> 0.5, 0.6, 1.0: one lucky round does not move the median
    assert median_ratio([2.0, 3.0, 2.0], [4.0, 5.0, 2.0]) == 0.6
    assert median_ratio([1.0, 1.0], [2.0, 4.0]) == 0.375
