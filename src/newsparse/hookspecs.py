"""Every hook a newsparse plugin can implement.

A plugin is any module or object with functions decorated by :data:`newsparse.hookimpl`,
found through the ``newsparse`` entry-point group (or registered by hand on the manager).
Hooks are always called with keyword arguments, so an implementation may accept fewer
parameters than the specification lists; parameters are only ever added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

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

    Called once per process, when the plugin manager is built.  Registering two extractors
    under one name is an error at start-up (:class:`~newsparse.errors.PluginError`), never a
    silent override.  Returns nothing.

    Since 0.1.
    """


@hookspec
def newsparse_structure_phrases() -> Mapping[str, Iterable[str]] | None:
    """Return extra phrases for the structure parser, keyed by category.

    Categories are those of the built-in phrase file ``newsparse/structure/data/en.json``
    (for example ``"boilerplate"``, ``"promo_prefixes"``, ``"credit_markers"``,
    ``"related_labels"``).  The results of all plugins are merged with the built-in lists;
    unknown categories are reported as a problem.  Called once per process.

    Since 0.1.
    """


@hookspec(firstresult=True)
def newsparse_line_label(line: Line, lines: Sequence[Line], proposed: Label) -> Label | None:
    """Vote on the label of one line.

    ``line`` is the line being labelled, ``lines`` every line of the page (so neighbours can
    be read) and ``proposed`` the label the parser would give it.  Return a
    :class:`~newsparse.model.Label` to override that label, or ``None`` to leave it.  The
    first non-``None`` result wins (plugins registered later are asked first).  Only called
    when some plugin implements it, so it costs nothing otherwise.

    Since 0.1.
    """


@hookspec
def newsparse_article_finished(article: Article) -> Article | None:
    """Post-process a finished article.

    Called after every extractor has run.  Return a new article (``attrs.evolve(article,
    ...)``) to replace it, or ``None`` to keep it.  Implementations are chained: each one
    receives the article the previous one returned.  An implementation that raises or returns
    something else than an :class:`~newsparse.model.Article` is recorded as a problem and
    skipped; its ``source`` can never change.

    Since 0.1.
    """
