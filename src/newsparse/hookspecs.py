"""Every hook a newsparse plugin can implement.

A plugin is any module or object with functions decorated by :data:`newsparse.hookimpl`,
found through the ``newsparse`` entry-point group (or registered by hand on the manager).
Hooks are always called with keyword arguments, so an implementation may accept fewer
parameters than the specification lists; parameters are only ever added.  Each
implementation is called by the manager itself, so that whatever goes wrong is pinned on the
plugin it came from: ``tryfirst``/``trylast`` order the calls, but hook wrappers are refused
when the plugin is registered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from newsparse.extractor import Extractor
    from newsparse.model import Article, Label
    from newsparse.text import Line

__all__ = ["NAME", "hookimpl", "hookspec"]

#: The project name: it names the hook markers and the entry-point group.
NAME = "newsparse"

hookspec = pluggy.HookspecMarker(NAME)
hookimpl = pluggy.HookimplMarker(NAME)


@hookspec
def newsparse_register_extractors(register: Callable[[Extractor], None]) -> None:
    """Contribute extractors by calling ``register(Extractor(...))`` once for each.

    Called once, when the plugin manager is built; ``register`` may not be kept and called
    later.  Registering two extractors under one name, needing an extractor nobody provides,
    needs that form a cycle, or a hook that raises are errors at start-up
    (:class:`~newsparse.errors.PluginError` naming the plugin), never a silent override.
    Every implementation is called; returns nothing.

    Since 0.1.
    """


@hookspec
def newsparse_structure_phrases() -> Mapping[str, Iterable[str]] | None:
    """Return extra phrases for the structure parser, keyed by category.

    Categories are those of the structure parser's built-in phrase lists (for example
    ``"boilerplate"``, ``"promo_prefixes"``, ``"credit_markers"``, ``"related_labels"``); the
    parser reads the categories it knows and ignores others.  The results of all plugins are
    merged by category, duplicates removed, and offered to the parser as
    ``PluginManager.structure_phrases``.  Called once, when the plugin manager is built: a
    plugin that raises or returns something else than a mapping of names to lists of strings
    is a :class:`~newsparse.errors.PluginError` at start-up.  Every result is used (this is
    not a first-result hook).

    Since 0.1.
    """


@hookspec(firstresult=True)
def newsparse_line_label(line: Line, lines: Sequence[Line], proposed: Label) -> Label | None:
    """Vote on the label of one line.

    ``line`` is the line being labelled, ``lines`` every line of the page (so neighbours can
    be read) and ``proposed`` the label the parser would give it.  Return a
    :class:`~newsparse.model.Label` to override that label, or ``None`` to leave it.  The
    first ``Label`` returned wins (plugins registered later are asked first; ``tryfirst`` and
    ``trylast`` are respected).  The structure parser asks for every line, but the hook is
    only called when some plugin implements it, so it costs nothing otherwise.  A plugin that
    raises or returns something else than a ``Label`` is skipped and recorded as a problem on
    the article (raised as :class:`~newsparse.errors.PluginError` with ``strict=True``).

    Since 0.1.
    """


@hookspec
def newsparse_article_finished(article: Article) -> Article | None:
    """Post-process a finished article.

    Called once per parse, after every extractor has run.  Return a new article
    (``attrs.evolve(article, ...)``) to replace it, or ``None`` to keep it.  Implementations
    are chained in pluggy's call order (the plugin registered last runs first): each one
    receives the article the previous one returned.  An implementation that raises, returns
    something else than an :class:`~newsparse.model.Article` or changes ``source`` is
    recorded as a problem and its result dropped (with ``strict=True``, a
    :class:`~newsparse.errors.PluginError` naming the plugin).

    Since 0.1.
    """


@hookspec(firstresult=True)
def newsparse_render_finding(name: str, finding: Any) -> Mapping[str, str] | None:
    """Say how one finding is drawn in the HTML report (``newsparse render``, ``Article.to_html``).

    ``name`` is the extractor that returned ``finding``.  Return ``None`` to keep the default
    drawing, or a mapping with any of these keys (a key left out keeps its default):

    - ``"label"``: a short text drawn right after the highlighted words (a value, a score);
    - ``"tooltip"``: a longer description, shown on hover and in the side panel;
    - ``"css_class"``: space-separated class names for the highlight; ``np-hue-1`` to
      ``np-hue-6`` are the report's built-in colours, each readable at WCAG AA contrast.

    Everything returned is escaped.  By default quotes, numbers and places are drawn by their
    type and any other finding gets a colour of its own with its extractor's name as label.
    The first non-``None`` result wins (plugins registered later are asked first).  An
    implementation that raises, or returns something other than a mapping, is skipped and
    noted in the report.

    Since 0.1.
    """
