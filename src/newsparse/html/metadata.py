"""What a page says about itself: JSON-LD ``NewsArticle``, OpenGraph and ``<meta>`` tags.

Used where the visible text is silent (a page with no byline line still names its author in
JSON-LD) and as evidence for decisions on the text (the ``<h1>`` that matches ``og:title`` is the
headline; the paragraphs that JSON-LD ``articleBody`` contains are the body).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import attrs

__all__ = ["Metadata", "read_metadata"]

_ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "techarticle",
        "scholarlyarticle",
        "report",
        "webpage",
    }
)
_MAX_JSON = 2_000_000


@attrs.frozen
class Metadata:
    """The page's own description of itself; every field may be missing."""

    headline: str | None = None
    title: str | None = None  # og:title / twitter:title / <title>
    byline: str | None = None
    published: str | None = None
    updated: str | None = None
    section: str | None = None
    description: str | None = None
    article_body: str | None = None
    url: str | None = None
    site_name: str | None = None


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


def _without_site_name(title: str | None, site: str | None) -> str | None:
    """``Headline | Site`` without the site's name, when the page names its site."""
    if not title or not site:
        return title
    folded = site.casefold()
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head and tail.strip().casefold() == folded:
            return head.strip()
        head, found, tail = title.partition(separator)
        if found and tail and head.strip().casefold() == folded:
            return tail.strip()
    return title


def _date(value: str | None) -> str | None:
    """A date, unless it is a template's placeholder (year 0 or 1)."""
    if value is None or value.startswith(("0000", "0001")):
        return None
    return value


def _names(value: Any) -> list[str]:
    """Author names from a JSON-LD ``author`` (a string, a Person, or a list of them)."""
    found: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:20]:
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        if name and not name.startswith(("http://", "https://")) and name not in found:
            found.append(name)
    return found


def _objects(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD document, through lists and ``@graph``."""
    if depth > 8:
        return
    if isinstance(data, list):
        for item in data[:200]:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if key in data:
                yield from _objects(data[key], depth + 1)


def _is_article(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds)


def _json_ld(tree: Any) -> dict[str, Any]:
    """The richest article object among the page's JSON-LD scripts."""
    best: dict[str, Any] = {}
    best_score = -1
    for script in tree.css('script[type="application/ld+json"]'):
        raw = script.text(deep=True) or ""
        if not raw.strip() or len(raw) > _MAX_JSON:
            continue
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue
        for obj in _objects(data):
            if not _is_article(obj):
                continue
            score = sum(
                1 for key in ("headline", "articleBody", "author", "datePublished") if key in obj
            )
            kind = obj.get("@type")
            if isinstance(kind, str) and kind.lower() == "webpage":
                score -= 2
            if score > best_score:
                best, best_score = obj, score
    return best


def _meta(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.css("meta"):
        attributes = node.attributes
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        content = attributes.get("content")
        if not key or content is None:
            continue
        key = key.strip().lower()
        value = " ".join(content.split())
        if value and key not in found:
            found[key] = value
    return found


def read_metadata(tree: Any) -> Metadata:
    """Read the metadata of a parsed page (a Lexbor parser)."""
    ld = _json_ld(tree)
    meta = _meta(tree)
    title_node = tree.css_first("title")
    page_title = _text(title_node.text(deep=True)) if title_node is not None else None
    authors = _names(ld.get("author")) if ld else []
    byline = ", ".join(authors) if authors else None
    if byline is None:
        author = meta.get("author") or meta.get("article:author") or meta.get("parsely-author")
        if author and not author.startswith(("http://", "https://")):
            byline = author
    section = _text(ld.get("articleSection")) if ld else None
    return Metadata(
        headline=_text(ld.get("headline")) if ld else None,
        title=_without_site_name(
            meta.get("og:title") or meta.get("twitter:title") or page_title,
            meta.get("og:site_name") or meta.get("application-name"),
        ),
        byline=byline,
        published=_date(_text(ld.get("datePublished")) if ld else None)
        or meta.get("article:published_time")
        or meta.get("datepublished")
        or meta.get("pubdate")
        or meta.get("date"),
        updated=(_text(ld.get("dateModified")) if ld else None)
        or meta.get("article:modified_time"),
        section=section or meta.get("article:section"),
        description=(_text(ld.get("description")) if ld else None)
        or meta.get("og:description")
        or meta.get("description"),
        article_body=ld.get("articleBody") if isinstance(ld.get("articleBody"), str) else None,
        url=meta.get("og:url"),
        site_name=meta.get("og:site_name"),
    )
