"""``create_app``: the FastAPI application that serves an event store.

The app reads the store through read-only connections (``reader.py``). It writes only
when it is given an ingest token, through ``POST /ingest``. It serves the dashboard's
static files from ``eventwire/web/static`` and offline API docs at ``/docs``.

Every answer carries security headers (``security.py``), every error is JSON
(``{"detail": "..."}``), each read has a time budget (``Database``), and with
``allowed_hosts`` a request naming another host is refused.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.api.docs import add_docs
from eventwire.api.routes_articles import router as articles_router
from eventwire.api.routes_events import router as events_router
from eventwire.api.routes_ingest import IngestConfig, default_stages, ingest_router
from eventwire.api.routes_map import router as map_router
from eventwire.api.security import JsonErrors, SecurityHeaders, TrustedHosts
from eventwire.errors import EventwireError, InputError
from eventwire.store.read.database import Database
from eventwire.store.read.query import QueryError, QueryTimeout

log = logging.getLogger(__name__)

TITLE = "eventwire"
DEFAULT_MAX_UPLOAD_BYTES = 5_000_000
DEFAULT_TIME_LIMIT = 10.0  # seconds a request's reads may take
_SHORT_TOKEN = 16

_MISSING_DASHBOARD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>eventwire</title></head>
<body><h1>eventwire</h1>
<p>The dashboard's files are missing from this installation
(<code>eventwire/web/static/index.html</code>).</p>
<p>The API works: see <a href="docs">the API docs</a> or
<a href="health">the store's health</a>.</p></body></html>
"""


def static_folder() -> Path | None:
    """The dashboard's static files (``eventwire/web/static``), if installed."""
    folder = Path(str(resources.files("eventwire") / "web" / "static"))
    return folder if folder.is_dir() else None


def create_app(
    db_path: str,
    *,
    ingest_token: str | None = None,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    stages: Sequence[str] | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    allowed_hosts: Sequence[str] | None = None,
) -> FastAPI:
    """The API over the store at ``db_path`` (which must exist).

    Read-only unless ``ingest_token`` is given: then ``POST /ingest`` accepts articles
    from clients that send it as a Bearer token, with bodies of at most
    ``max_upload_bytes``, and codes them with the pipeline of ``stages`` (the default
    pipeline when None). A read running past ``time_limit`` seconds is stopped and
    answered 503 (None: no limit). With ``allowed_hosts`` (names, ``*.domain``, or
    ``*``), a request whose ``Host`` header names another host is answered 400. Raises
    StoreError when the store cannot be served.
    """
    if ingest_token is not None and not ingest_token.strip():
        raise ValueError("the ingest token must not be empty")
    if max_upload_bytes < 1:
        raise ValueError(f"max_upload_bytes must be 1 or more, not {max_upload_bytes}")
    database = Database(db_path, time_limit=time_limit)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # What is loaded by now (the app, its routes and models) lives as long as the
        # server: frozen, the garbage collector stops walking it, which took a full
        # collection (every few hundred requests) tens of milliseconds.
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()
            database.interrupt()  # a query still running stops now, not at its budget
            database.close()

    app = FastAPI(
        title=TITLE,
        summary="Coded political events (PLOVER) from news, with their source sentences.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.database = database
    app.add_middleware(JsonErrors)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHosts, hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)  # the last added runs first: on every answer
    _add_error_handlers(app)
    app.include_router(events_router)
    app.include_router(articles_router)
    app.include_router(map_router)
    if ingest_token is not None:
        if len(ingest_token) < _SHORT_TOKEN:
            log.warning("the ingest token is short (%d characters)", len(ingest_token))
        config = IngestConfig(db_path, ingest_token, max_upload_bytes, default_stages(stages))
        app.include_router(ingest_router(config))
    add_docs(app, TITLE)
    _add_dashboard(app)
    return app


def _version() -> str:
    from eventwire import __version__

    return __version__


def _add_dashboard(app: FastAPI) -> None:
    folder = static_folder()
    if folder is not None:
        app.mount("/static", StaticFiles(directory=folder), name="static")

    @app.get("/", include_in_schema=False, response_model=None)
    def dashboard() -> Response:
        if folder is not None and (folder / "index.html").is_file():
            return FileResponse(folder / "index.html", media_type="text/html")
        return HTMLResponse(_MISSING_DASHBOARD)


def _add_error_handlers(app: FastAPI) -> None:
    """Every error answer is ``{"detail": "one line"}``: 422 for parameters and input
    that cannot be used, 500 (logged) for a store that fails."""

    async def validation(_request: Request, exc: Exception) -> Response:
        if not isinstance(exc, RequestValidationError):  # pragma: no cover - registration
            raise exc
        problems = []
        for error in exc.errors():
            where = [str(part) for part in error.get("loc", ())]
            name = where[-1] if len(where) > 1 else "request"
            kind = f"{where[0]} parameter" if where and where[0] in ("query", "path") else "field"
            problems.append(f"{kind} {name!r}: {error.get('msg', 'invalid')}")
        return JSONResponse({"detail": "; ".join(problems)}, status_code=422)

    async def unusable(_request: Request, exc: Exception) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    async def failed(request: Request, exc: Exception) -> Response:
        log.error("%s %s failed: %s", request.method, request.url.path, exc)
        return JSONResponse({"detail": str(exc)}, status_code=500)

    async def too_long(request: Request, exc: Exception) -> Response:
        log.warning("%s %s stopped: %s", request.method, request.url.path, exc)
        return JSONResponse({"detail": str(exc)}, status_code=503)

    async def http_error(request: Request, exc: Exception) -> Response:
        if not isinstance(exc, StarletteHTTPException):  # pragma: no cover - registration
            raise exc
        detail = str(exc.detail)
        path = request.url.path[:200]
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"nothing at {path!r} (the API's paths are listed at /docs)"
        elif exc.status_code == 405 and detail == "Method Not Allowed":
            allowed = (exc.headers or {}).get("Allow") or (exc.headers or {}).get("allow")
            detail = f"{request.method} is not allowed on {path!r}" + (
                f" (allowed: {allowed})" if allowed else ""
            )
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)

    app.add_exception_handler(RequestValidationError, validation)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(QueryError, unusable)
    app.add_exception_handler(InputError, unusable)
    app.add_exception_handler(QueryTimeout, too_long)
    app.add_exception_handler(EventwireError, failed)
