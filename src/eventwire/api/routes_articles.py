"""Routes over articles: the store's health, article pages, one article, full-text search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from eventwire.api.params import MAX_PAGE, DatabaseDep
from eventwire.api.schemas import (
    ArticleOut,
    ArticlePageOut,
    ErrorOut,
    HealthOut,
    SearchOut,
    article_json,
    article_page_json,
    search_json,
)
from eventwire.store.read.reader import decode_article_cursor

router = APIRouter()

_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut}}


@router.get("/health", response_model=HealthOut, tags=["store"])
def health(db: DatabaseDep) -> dict[str, Any]:
    """The schema version and how many articles and events are stored."""
    with db.reader() as reader:
        found = reader.health()
    return {
        "status": "ok",
        "schema_version": found.schema_version,
        "articles": found.articles,
        "events": found.events,
    }


@router.get("/articles", response_model=ArticlePageOut, tags=["articles"])
def list_articles(
    db: DatabaseDep,
    q: Annotated[
        str | None, Query(description="words that must all appear in the title, captions or body")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
) -> dict[str, Any]:
    """Stored articles, most recently stored first."""
    position = decode_article_cursor(cursor) if cursor else None
    text = q.strip() if q is not None else None
    with db.reader() as reader:
        page = reader.article_page(text or None, limit, position)
    return article_page_json(page)


@router.get(
    "/articles/{article_id}", response_model=ArticleOut, responses=_NOT_FOUND, tags=["articles"]
)
def get_article(article_id: int, db: DatabaseDep) -> dict[str, Any]:
    """One article with its places, time expressions and event mentions; every offset
    indexes into ``text``."""
    with db.reader() as reader:
        detail = reader.article_detail(article_id)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id}")
    return article_json(detail)


@router.get("/search", response_model=SearchOut, tags=["articles"])
def search(
    db: DatabaseDep,
    q: Annotated[str, Query(min_length=1, description="words that must all appear")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Articles holding every word of ``q``, best first, each with a snippet given as
    parts (never HTML) so that clients escape it themselves."""
    with db.reader() as reader:
        return search_json(reader.search(q, limit))
