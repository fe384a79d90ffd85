"""The runners: a validated ``Pipeline`` of registered stages run in this process or a
local pool (``pipeline``), on a Dask cluster (``cluster``), and ``ingest``: read inputs,
code them, write them to a sink (the SQLite store or Parquet)."""
