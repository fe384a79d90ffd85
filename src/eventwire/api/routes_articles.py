"""Routes over articles: the store's health, article pages, one article, full-text search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query

from eventwire.api.params import (
    MAX_ID,
    MAX_PAGE,
    MAX_Q_CHARS,
    MAX_Q_TERMS,
    DatabaseDep,
    text_query,
)
from eventwire.api.schemas import (
    ArticleOut,
    ArticlePageOut,
    ErrorOut,
    HealthOut,
    SearchOut,
    article_json,
    article_page_json,
    health_json,
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
    return health_json(found)


@router.get("/articles", response_model=ArticlePageOut, tags=["articles"])
def list_articles(
    db: DatabaseDep,
    q: Annotated[
        str | None,
        Query(
            max_length=MAX_Q_CHARS,
            description="words that must all appear in the title, captions or body "
            f"(at most {MAX_Q_TERMS} different words)",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    cursor: Annotated[
        str | None, Query(max_length=1000, description="next_cursor of the previous page")
    ] = None,
) -> dict[str, Any]:
    """Stored articles, most recently stored first."""
    position = decode_article_cursor(cursor) if cursor else None
    text = text_query(q)
    with db.reader() as reader:
        page = reader.article_page(text, limit, position)
    return article_page_json(page)


@router.get(
    "/articles/{article_id}", response_model=ArticleOut, responses=_NOT_FOUND, tags=["articles"]
)
def get_article(
    article_id: Annotated[int, Path(ge=1, le=MAX_ID, description="the article's id")],
    db: DatabaseDep,
) -> dict[str, Any]:
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
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_Q_CHARS,
            description=f"words that must all appear (at most {MAX_Q_TERMS} different words)",
        ),
    ],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Articles holding every word of ``q``, best first, each with a snippet given as
    parts (never HTML) so that clients escape it themselves."""
    text = text_query(q)
    if text is None:
        return search_json([])
    with db.reader() as reader:
        return search_json(reader.search(text, limit))
