"""Helpers for testing newsparse plugins: run one extractor on a text and check its spans.

Everything here works with plain ``assert``-style tests (pytest shows the message) and never
loads plugins installed on the machine, so a plugin's tests see only the plugin under test
(and the built-in extractors it says it ``needs``)::

    from newsparse.testing import assert_finds, run_extractor

    def test_finds_a_date():
        findings = run_extractor(my_plugin, "It opened on 12 January 2025.")
        assert [f.text for f in findings] == ["12 January 2025"]

    def test_table():
        assert_finds(my_plugin, "Closed on 3 May 2024 and 4 May 2024.",
                     ["3 May 2024", "4 May 2024"])

The extractor runs in strict mode: anything the manager would record as a problem in a real
parse (an exception, a finding of the wrong type, a span outside the text, text that is not
what its span holds) is raised as :class:`~newsparse.errors.PluginError` instead, so a test
cannot pass over it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from newsparse.errors import UsageError
from newsparse.extractor import Extractor
from newsparse.hookspecs import hookimpl
from newsparse.model import Article, Span
from newsparse.plugins import DEFAULT_PLUGINS, PluginManager
from newsparse.structure import read_page, read_prose

__all__ = [
    "assert_finds",
    "assert_spans_valid",
    "manager_for",
    "parse_with",
    "run_extractor",
    "span_faults",
]


@attrs.frozen
class _OneExtractor:
    """A plugin object that registers a single :class:`Extractor`."""

    extractor: Extractor

    @property
    def __name__(self) -> str:
        return f"extractor:{self.extractor.name}"

    @hookimpl
    def newsparse_register_extractors(self, register: Callable[[Extractor], None]) -> None:
        register(self.extractor)


def manager_for(*plugins: object, builtins: bool = True) -> PluginManager:
    """A plugin manager with only ``plugins`` (and the built-ins unless ``builtins=False``).

    A plugin is a module or object with :data:`~newsparse.hookimpl` functions, or an
    :class:`Extractor`.  Entry points are never loaded and the environment switches are
    ignored, so the result does not depend on what is installed.
    """
    wrapped = tuple(_OneExtractor(p) if isinstance(p, Extractor) else p for p in plugins)
    try:
        return _cached_manager(wrapped, builtins)
    except TypeError:  # an unhashable plugin object: build it afresh
        return _build_manager(wrapped, builtins)


def _build_manager(plugins: tuple[object, ...], builtins: bool) -> PluginManager:
    return PluginManager(
        load_entry_points=False,
        default_plugins=DEFAULT_PLUGINS if builtins else (),
        plugins=plugins,
        allow=None,
        block=None,
    )


@functools.lru_cache(maxsize=32)
def _cached_manager(plugins: tuple[object, ...], builtins: bool) -> PluginManager:
    return _build_manager(plugins, builtins)


def _own_extractors(manager: PluginManager, plugin: object) -> list[str]:
    """The names of the extractors ``plugin`` registered in ``manager``."""
    if isinstance(plugin, Extractor):
        return [plugin.name]
    names = {name for name, item in manager.pm.list_name_plugin() if item is plugin}
    return [n for n, info in manager.extractors.items() if info.plugin in names]


def parse_with(
    plugin: object,
    text: str,
    *,
    extractors: Sequence[str] | None = None,
    structure: bool = False,
    published: str | None = None,
    strict: bool = True,
) -> Article:
    """Parse ``text`` with ``plugin`` registered and return the whole article.

    Runs ``extractors`` (default: the plugin's own, plus what they need).  ``structure=False``
    reads the text as prose (every line is body), which keeps a test about an extractor
    independent of how pages are laid out.  ``published`` sets ``Article.published`` before
    the extractors run, for extractors that read the page's date.
    """
    manager = manager_for(plugin)
    names = list(extractors) if extractors is not None else _own_extractors(manager, plugin)
    with manager.collect_problems(strict=strict) as problems:
        article = read_page(text, manager=manager) if structure else read_prose(text)
    if published is not None:
        article = attrs.evolve(article, published=published)
    return manager.run(article, names, strict=strict, problems=problems)


def run_extractor(
    extractor_or_plugin: object,
    text: str,
    *,
    name: str | None = None,
    structure: bool = False,
    published: str | None = None,
) -> tuple[Any, ...]:
    """Run one extractor on ``text`` and return its findings, checked.

    ``extractor_or_plugin`` is an :class:`Extractor` or a plugin that registers one (pass
    ``name`` when it registers several).  Built-in extractors it ``needs`` run first.  Any
    fault is raised as :class:`~newsparse.errors.PluginError`; the findings are also checked
    with :func:`assert_spans_valid`.
    """
    manager = manager_for(extractor_or_plugin)
    own = _own_extractors(manager, extractor_or_plugin)
    if name is None:
        if len(own) != 1:
            raise UsageError(
                f"the plugin registers {len(own)} extractors ({', '.join(own) or 'none'}); "
                "pass name= to choose one"
            )
        name = own[0]
    elif name not in own:
        raise UsageError(f"the plugin registers no extractor named {name!r} (it has {own})")
    article = parse_with(
        extractor_or_plugin, text, extractors=[name], structure=structure, published=published
    )
    assert_spans_valid(article)
    return article.findings[name]


def assert_finds(
    extractor_or_plugin: object,
    text: str,
    expected: Iterable[Any],
    *,
    field: str = "text",
    name: str | None = None,
    structure: bool = False,
    published: str | None = None,
) -> tuple[Any, ...]:
    """Assert that the extractor finds exactly ``expected`` (the ``field`` of each finding,
    in page order) in ``text``; return the findings for further checks."""
    findings = run_extractor(
        extractor_or_plugin, text, name=name, structure=structure, published=published
    )
    got = [getattr(item, field) for item in findings]
    want = list(expected)
    if got != want:
        raise AssertionError(
            f"in {text[:80]!r}{'...' if len(text) > 80 else ''}\n"
            f"  expected {field}s: {want!r}\n  found {field}s:    {got!r}"
        )
    return findings


def span_faults(article: Article) -> list[str]:
    """Every way ``article`` breaks the span contract (empty when it keeps it).

    Checked: each :class:`Span` anywhere in the article (blocks, parts, findings and what
    they contain) lies inside ``article.source``; every object with both ``text`` and
    ``span`` has ``text == source[span.start:span.end]``, and so does the headline; the
    blocks, when there are any, partition the source in order.
    """
    source = article.source
    faults: list[str] = []

    def visit(value: Any, where: str) -> None:
        if isinstance(value, Span):
            if value.end > len(source):
                faults.append(f"{where}: span {value.start}:{value.end} is outside the text")
            return
        if isinstance(value, (tuple, list)):
            for i, item in enumerate(value):
                visit(item, f"{where}[{i}]")
            return
        cls = type(value)
        if not attrs.has(cls) or isinstance(value, Article):
            return
        for field in attrs.fields(cls):
            visit(getattr(value, field.name), f"{where}.{field.name}")
        span, text = getattr(value, "span", None), getattr(value, "text", None)
        if (
            isinstance(span, Span)
            and isinstance(text, str)
            and span.end <= len(source)
            and source[span.start : span.end] != text
        ):
            faults.append(
                f"{where}: text {text[:40]!r} is not what its span "
                f"{span.start}:{span.end} holds ({source[span.start : span.end][:40]!r})"
            )

    for field in ("headline_span", "standfirst_span", "captions", "body", "related", "blocks"):
        visit(getattr(article, field), field)
    for name, items in article.findings.items():
        visit(items, f"findings[{name!r}]")
    span = article.headline_span
    headline = article.headline
    if span is not None and headline is not None and source[span.start : span.end] != headline:
        faults.append(f"headline {headline[:40]!r} is not what its span holds")
    if article.blocks:
        position = 0
        for i, block in enumerate(article.blocks):
            if block.span.start != position:
                faults.append(f"blocks[{i}] starts at {block.span.start}, not {position}")
            position = block.span.end
        if position != len(source):
            faults.append(f"the blocks end at {position}, not at the end of the text")
    return faults


def assert_spans_valid(article: Article) -> None:
    """Raise :class:`AssertionError` listing what :func:`span_faults` finds, if anything."""
    faults = span_faults(article)
    if faults:
        shown = "\n  ".join(faults[:10])
        more = f"\n  ... and {len(faults) - 10} more" if len(faults) > 10 else ""
        raise AssertionError(f"{len(faults)} span fault(s):\n  {shown}{more}")
