"""The REST API over an event store (``eventwire serve``).

``create_app(db_path, ingest_token=None, max_upload_bytes=5_000_000)`` builds the
FastAPI application: JSON endpoints over events, articles, full-text search, stats and
exports, offline API docs at ``/docs``, and the dashboard at ``/``. See ``app.py``.
"""

from eventwire.api.app import create_app

__all__ = ["create_app"]
