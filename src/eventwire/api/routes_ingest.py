"""``POST /ingest``: code and store an article sent by a client.

The route exists only when the app is given an ingest token; a request must carry it as
``Authorization: Bearer <token>`` (compared in constant time). The body is limited to
``max_upload_bytes``: a larger ``Content-Length`` is refused before anything is read,
and a body without one is counted while it streams in and refused as soon as it
passes the limit. A body is either JSON (``IngestIn``: one article) or a multipart
upload of a UTF-8 text file (``file``, a dump of one or more articles, with optional
``title``, ``published``, ``url`` and ``source`` fields).

A ``url`` to fetch must be an absolute ``http`` or ``https`` URL of a public host: no
file path, no other scheme, no address of this machine or of a private, link-local or
reserved network, before or after redirects and name resolution (``sources.fetch``,
``public_only``). It is read by the same reader as ``eventwire ingest URL``, and every
article is coded by the same ``process_one`` as the command's runner.
"""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPBearer
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.types import Message, Receive

from eventwire.api.schemas import ErrorOut, IngestIn, IngestOut
from eventwire.errors import InputError, PipelineError
from eventwire.model import Document, RawDocument
from eventwire.run.ingest import Added, IngestOptions, StoreSink, ingest
from eventwire.sources import InputItem
from eventwire.sources.fetch import FetchPolicy, is_private_url
from eventwire.sources.published import published_date
from eventwire.sources.text import decode_text
from eventwire.stages.registry import DEFAULT_STAGES
from eventwire.store import IngestResult, Store
from eventwire.store.read.query import QueryError

log = logging.getLogger(__name__)

_FORM_FIELDS = ("title", "published", "url", "source")
# A URL posted to /ingest is fetched once, briefly: no long retries inside a request.
_FETCH_TIMEOUT = 15.0
_MAX_URL_CHARS = 2048

# Declares the token in the OpenAPI document (so /docs has an Authorize button); the
# check itself is _authorize, in constant time, with its own message.
bearer = HTTPBearer(
    auto_error=False,
    scheme_name="ingest token",
    description="the token given to 'eventwire serve --ingest-token'",
)


class BodyTooLarge(Exception):
    """A request body passed the upload limit while it was read."""


@dataclass(frozen=True, slots=True)
class IngestConfig:
    db_path: str
    token: str
    max_upload_bytes: int
    stages: tuple[str, ...]


class _RecordingSink(StoreSink):
    """The store, keeping what it did with each article for the answer."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.results: list[IngestResult] = []

    def add(self, doc: Document) -> Added:
        result = self.store.add_document(doc)
        self.results.append(result)
        return Added(
            result.inserted, result.n_events, result.n_merged, result.duplicate_of is not None
        )


class Ingester:
    """Codes and stores posted articles through the CLI's own ``ingest()``, one request
    at a time (the pipeline's models are loaded once per process, on first use)."""

    def __init__(self, config: IngestConfig) -> None:
        self.config = config
        self._lock = threading.Lock()
        self._options = IngestOptions(progress=False, stages=config.stages, skip_stored=False)

    def ingest(self, raws: list[RawDocument]) -> list[IngestResult]:
        """What the store did with each article of ``raws``; an input that could not be
        coded or stored raises ``InputError`` (or ``PipelineError``) with its line."""
        problems: list[str] = []
        with self._lock, Store(self.config.db_path, create=False) as store:
            sink = _RecordingSink(store)
            items = [InputItem(origin=raw.origin, document=raw) for raw in raws]
            summary = ingest([], sink, self._options, problems.append, items=items)
        if problems:
            failed = summary.skipped.get("processing failed", 0)
            if failed and not sink.results:
                raise PipelineError(problems[0])
            if not sink.results:
                origin = raws[0].origin if raws else "<api>"
                detail = problems[0].removeprefix(f"{origin}: ")
                raise InputError(origin, detail)
        return sink.results


def _authorize(request: Request, token: str) -> None:
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode("utf-8"), token.encode("utf-8")
    ):
        raise HTTPException(
            status_code=401,
            detail="ingest needs the header Authorization: Bearer <ingest token>",
            headers={"WWW-Authenticate": "Bearer"},
        )


def _too_large(limit: int) -> HTTPException:
    return HTTPException(status_code=413, detail=f"request body is larger than {limit} bytes")


def _limited(request: Request, limit: int) -> Request:
    """``request`` with a body that raises BodyTooLarge once more than ``limit`` bytes
    have arrived."""
    received = 0
    receive: Receive = request.receive

    async def counting() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge
        return message

    return Request(request.scope, counting)


def check_public_url(url: str) -> str:
    """``url`` stripped, when it is an absolute http(s) URL of a public host; raises
    QueryError (422) naming the problem otherwise. Nothing is sent to the host."""
    url = url.strip()
    if len(url) > _MAX_URL_CHARS:
        raise QueryError(f"url is longer than {_MAX_URL_CHARS} characters")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise QueryError(f"url {url[:100]!r} is malformed ({exc})") from exc
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise QueryError(
            f"url must be an absolute http:// or https:// URL of a public host, not "
            f"{url[:100]!r} (the server reads no files)"
        )
    if is_private_url(url):
        raise QueryError(
            f"url {url[:100]!r} is on this machine or a private network; ingest fetches "
            "only public hosts"
        )
    return url


def _fetched(url: str, max_bytes: int) -> list[RawDocument]:
    """The documents at ``url`` (a page, or a feed's entries), fetched politely from a
    public host only; the first problem raises ``InputError``."""
    from eventwire.sources import iter_inputs

    policy = FetchPolicy(timeout=_FETCH_TIMEOUT, retries=0, max_bytes=max_bytes)
    documents: list[RawDocument] = []
    for item in iter_inputs([check_public_url(url)], policy=policy, public_only=True):
        if item.error is not None:
            raise item.error
        if item.document is not None:
            documents.append(item.document)
    return documents


async def _raw_documents(request: Request, limit: int) -> list[RawDocument]:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body_request = _limited(request, limit)
    if content_type == "application/json":
        try:
            item = IngestIn.model_validate_json(await body_request.body())
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in exc.errors()
            )
            raise QueryError(f"bad ingest body: {problems}") from exc
        origin = item.url or "<api>"
        if item.text is None and item.url:
            return await run_in_threadpool(_fetched, item.url, limit)
        return [
            RawDocument(
                text=item.text or "",
                origin=origin,
                title=item.title,
                published=published_date(item.published, origin),
                source=item.source,
                url=item.url,
            )
        ]
    if content_type == "multipart/form-data":
        form = await body_request.form(max_files=1, max_fields=len(_FORM_FIELDS) + 1)
        try:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise QueryError("a multipart ingest needs a file field named 'file'")
            origin = upload.filename or "<upload>"
            fields = {name: form.get(name) for name in _FORM_FIELDS}
            texts = {k: v for k, v in fields.items() if isinstance(v, str) and v.strip()}
            return [
                RawDocument(
                    text=decode_text(await upload.read(), origin),
                    origin=origin,
                    title=texts.get("title"),
                    published=published_date(texts.get("published"), origin),
                    source=texts.get("source"),
                    url=texts.get("url"),
                    is_dump=True,
                )
            ]
        finally:
            await form.close()  # the upload's temporary file goes, whatever happened
    raise HTTPException(
        status_code=415, detail="send application/json or a multipart/form-data file upload"
    )


def ingest_router(config: IngestConfig) -> APIRouter:
    """The router holding ``POST /ingest`` for this configuration."""
    router = APIRouter(tags=["ingest"])
    ingester = Ingester(config)
    body_schema = {
        "content": {
            "application/json": {"schema": IngestIn.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        **{name: {"type": "string"} for name in _FORM_FIELDS},
                    },
                }
            },
        },
        "required": True,
    }
    errors: dict[int | str, dict[str, Any]] = {
        code: {"model": ErrorOut} for code in (401, 413, 415, 422)
    }

    @router.post(
        "/ingest",
        response_model=IngestOut,
        responses=errors,
        openapi_extra={"requestBody": body_schema},
        dependencies=[Depends(bearer)],
    )
    async def ingest(request: Request) -> dict[str, Any]:
        """Code one article (JSON: its text, or a url to fetch) or a text file (multipart)
        and store it. Needs the
        ingest token as a Bearer token."""
        _authorize(request, config.token)
        limit = config.max_upload_bytes
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise _too_large(limit)
        try:
            raws = await _raw_documents(request, limit)
        except BodyTooLarge:
            raise _too_large(limit) from None
        try:
            results = await run_in_threadpool(ingester.ingest, raws)
        except PipelineError as exc:
            log.error("ingest failed: %s", exc)
            raise HTTPException(status_code=500, detail=str(exc)) from exc
        return {
            "articles": [
                {
                    "id": r.article_id,
                    "inserted": r.inserted,
                    "n_events": r.n_events,
                    "n_merged": r.n_merged,
                    "duplicate_of": r.duplicate_of,
                }
                for r in results
            ]
        }

    return router


def default_stages(stages: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(DEFAULT_STAGES if stages is None else stages)
