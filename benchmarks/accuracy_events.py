"""Event-coding accuracy on the shared gold sets: PLOVER records, NGEC stories, actor spans.

Usage::

    python benchmarks/accuracy_events.py [--shared DIR] [--ngec-limit N] [--ngec-step K]

The gold files are read from ``DIR/eval/events`` (default: the ``shared`` folder next
to the repository). NGEC has 4,500 stories; by default the first 1,000 are coded
(``--ngec-limit 0`` codes them all, ``--ngec-step K`` takes every K-th story). The
report starts with the command line that produced it.
"""

from __future__ import annotations

import argparse
import logging
import shlex
import sys
import time
from pathlib import Path

from eventwire.evaluate.events import (
    evaluate_actor_spans,
    evaluate_ngec,
    evaluate_plover_gsr,
    pipeline_coder,
)
from eventwire.evaluate.report import Section, format_report

SHARED = Path(__file__).resolve().parents[2] / "shared"
PLOVER = "plover_gsr.jsonl"
NGEC = "ngec_synthetic.jsonl"
SPANS = "conflibert_cameo_spans_train.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument(
        "--ngec-limit", type=int, default=1000, help="NGEC stories to code (0: all)"
    )
    parser.add_argument("--ngec-step", type=int, default=1, help="code every K-th NGEC story")
    parser.add_argument("--verbose", action="store_true", help="log progress")
    args = parser.parse_args()
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s"
    )

    folder = args.shared / "eval" / "events"
    missing = [name for name in (PLOVER, NGEC, SPANS) if not (folder / name).exists()]
    if missing:
        print(f"gold files missing in {folder}: {', '.join(missing)}", file=sys.stderr)
        return 1
    coder = pipeline_coder()
    ngec_limit = args.ngec_limit or None
    sections: list[Section] = []
    timings: list[str] = []

    start = time.perf_counter()
    plover = evaluate_plover_gsr(folder / PLOVER, coder=coder)
    timings.append(f"{PLOVER}: {time.perf_counter() - start:.0f} s")
    sections.append(plover.section(f"PLOVER gold-standard records ({PLOVER})"))

    start = time.perf_counter()
    ngec = evaluate_ngec(folder / NGEC, limit=ngec_limit, step=args.ngec_step, coder=coder)
    timings.append(f"{NGEC}: {time.perf_counter() - start:.0f} s")
    sampled = f"every {args.ngec_step}-th story, " if args.ngec_step > 1 else ""
    limit = f"first {ngec_limit}" if ngec_limit else "all"
    sections.append(ngec.section(f"NGEC synthetic stories ({NGEC}; {sampled}{limit})"))

    start = time.perf_counter()
    spans = evaluate_actor_spans(folder / SPANS, coder=coder)
    timings.append(f"{SPANS}: {time.perf_counter() - start:.0f} s")
    sections.append(spans.section(f"ConfliBERT actor spans ({SPANS})"))

    command = shlex.join(["python", *sys.argv])
    print(format_report("Event-coding accuracy", sections, command=command), end="")
    print("\ntime: " + "; ".join(timings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
