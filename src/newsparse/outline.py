"""A readable plain-text outline of an Article, for people reading a terminal."""

from __future__ import annotations

from collections.abc import Callable

from newsparse.model import Article

__all__ = ["outline"]


def _plain(text: str, _style: str) -> str:
    return text


def outline(article: Article, *, style: Callable[[str, str], str] = _plain) -> str:
    """The article as an indented outline: fields, captions, body, related, findings.

    ``style(text, role)`` may decorate each piece (colour on a terminal); roles are
    ``"heading"``, ``"label"``, ``"dim"`` and ``"problem"``.
    """
    out: list[str] = []

    def field(name: str, value: str | None) -> None:
        if value:
            out.append(f"{style(name + ':', 'label')} {value}")

    field("headline", article.headline)
    field("section", article.section)
    field("byline", article.byline)
    field("published", article.published)
    field("updated", article.updated)
    field("standfirst", article.standfirst)
    if article.captions:
        out.append(style(f"captions ({len(article.captions)})", "heading"))
        for caption in article.captions:
            credit = f"  [{caption.credit}]" if caption.credit else ""
            out.append(f"  - {caption.text}{style(credit, 'dim')}")
    out.append(style(f"body ({len(article.body)} paragraphs)", "heading"))
    for number, paragraph in enumerate(article.body, 1):
        out.append(f"  {number:>2}. {paragraph.text}")
    if article.related:
        out.append(style(f"related ({len(article.related)})", "heading"))
        for link in article.related:
            label = f"  | {link.label}" if link.label else ""
            out.append(f"  - {link.title}{style(label, 'dim')}")
    for name, items in article.findings.items():
        out.append(style(f"{name} ({len(items)})", "heading"))
        for item in items:
            out.append(f"  - {_describe(item)}")
    for problem in article.problems:
        out.append(style(f"problem [{problem.source}] {problem.message}", "problem"))
    return "\n".join(out) + "\n"


def _describe(item: object) -> str:
    text = getattr(item, "text", None)
    head = repr(text) if isinstance(text, str) else type(item).__name__
    if len(head) > 90:
        head = head[:87] + "...'"
    extras = []
    for name in ("speaker", "value", "kind", "unit", "name", "country_code", "noun"):
        value = getattr(item, name, None)
        if value is not None and value != "":
            extras.append(f"{name}={value}")
    return head + (f"  ({', '.join(extras)})" if extras else "")
