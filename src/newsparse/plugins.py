"""The plugin manager: discovery, selection, dependency order and fault isolation.

The built-in extractors are plugins like any other: the modules in :data:`DEFAULT_PLUGINS`
are registered through the same manager and the same hook as third-party distributions found
through the ``newsparse`` entry-point group.

The manager is built once per process (:func:`get_plugin_manager`) and is cheap to send to
worker processes: it pickles as a recipe and is rebuilt on the other side.

Environment switches, read when the manager is built:

``NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD``
    any non-empty value: load no entry-point plugins (the built-ins still load).
``NEWSPARSE_PLUGINS``
    a comma-separated allow-list of entry-point plugin names to load (empty: none).
``NEWSPARSE_DISABLE_PLUGINS``
    a comma-separated block-list of plugin or extractor names (built-ins included).
"""

from __future__ import annotations

import functools
import importlib
import os
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
import pluggy

from newsparse import hookspecs
from newsparse.errors import PluginError, UsageError
from newsparse.extractor import Extractor
from newsparse.model import Article, Findings, Label, Problem, Span

__all__ = ["DEFAULT_PLUGINS", "ExtractorInfo", "PluginManager", "get_plugin_manager"]

#: The modules registered as plugins before any third-party one.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "newsparse.extractors.quotes",
    "newsparse.extractors.numbers",
    "newsparse.extractors.places",
)

BUILTIN = "newsparse (built-in)"


@attrs.frozen
class ExtractorInfo:
    """An extractor as the manager knows it: what it is and who registered it."""

    extractor: Extractor
    plugin: str
    distribution: str

    @property
    def name(self) -> str:
        return self.extractor.name


def _env_list(name: str) -> set[str] | None:
    raw = os.environ.get(name)
    if raw is None:
        return None
    return {item.strip() for item in raw.split(",") if item.strip()}


class PluginManager:
    """A typed facade over a :class:`pluggy.PluginManager` for newsparse's hooks."""

    def __init__(
        self,
        *,
        load_entry_points: bool | None = None,
        default_plugins: Sequence[str] = DEFAULT_PLUGINS,
        plugins: Iterable[object] = (),
    ) -> None:
        if load_entry_points is None:
            load_entry_points = not os.environ.get("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD")
        self._recipe = (load_entry_points, tuple(default_plugins), tuple(plugins))
        blocked = _env_list("NEWSPARSE_DISABLE_PLUGINS") or set()
        self.pm = pluggy.PluginManager(hookspecs.NAME)
        self.pm.add_hookspecs(hookspecs)
        self._distributions: dict[str, str] = {}
        for module_name in default_plugins:
            if module_name in blocked or module_name.rsplit(".", 1)[-1] in blocked:
                continue
            module = importlib.import_module(module_name)
            self.pm.register(module, name=module_name)
            self._distributions[module_name] = BUILTIN
        for plugin in plugins:
            name = self.pm.register(plugin)
            if name is not None:
                self._distributions[name] = "registered by hand"
        if load_entry_points:
            self._load_entry_points(blocked)
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            raise PluginError(
                str(exc), plugin=getattr(exc, "plugin", None) and str(exc.plugin)
            ) from exc
        self._extractors = self._collect_extractors(blocked)
        self._order = self._dependency_order()

    # -- building ---------------------------------------------------------------------------

    def _load_entry_points(self, blocked: set[str]) -> None:
        from importlib.metadata import entry_points

        allowed = _env_list("NEWSPARSE_PLUGINS")
        for ep in entry_points(group=hookspecs.NAME):
            if ep.name in blocked or (allowed is not None and ep.name not in allowed):
                continue
            if self.pm.get_plugin(ep.name) is not None or self.pm.is_blocked(ep.name):
                continue
            try:
                plugin = ep.load()
            except Exception as exc:
                raise PluginError(
                    f"plugin {ep.name!r} failed to load: {type(exc).__name__}: {exc}",
                    plugin=ep.name,
                ) from exc
            self.pm.register(plugin, name=ep.name)
            dist = ep.dist
            self._distributions[ep.name] = f"{dist.name} {dist.version}" if dist else ep.value

    def _collect_extractors(self, blocked: set[str]) -> dict[str, ExtractorInfo]:
        found: dict[str, ExtractorInfo] = {}
        # get_hookimpls() lists plugins in registration order: built-ins first.
        for impl in self.pm.hook.newsparse_register_extractors.get_hookimpls():
            plugin_name = self.pm.get_name(impl.plugin) or repr(impl.plugin)

            def register(extractor: Extractor, _plugin: str = plugin_name) -> None:
                if not isinstance(extractor, Extractor):
                    raise PluginError(
                        f"plugin {_plugin!r} registered a {type(extractor).__name__}, "
                        "not a newsparse.Extractor",
                        plugin=_plugin,
                    )
                if extractor.name in found:
                    other = found[extractor.name].plugin
                    raise PluginError(
                        f"two plugins register an extractor named {extractor.name!r}: "
                        f"{other!r} and {_plugin!r}; disable one of them "
                        "(NEWSPARSE_DISABLE_PLUGINS)",
                        plugin=_plugin,
                    )
                if extractor.name in blocked:
                    return
                found[extractor.name] = ExtractorInfo(
                    extractor, _plugin, self._distributions.get(_plugin, "unknown")
                )

            impl.function(register=register)
        for info in found.values():
            missing = [need for need in info.extractor.needs if need not in found]
            if missing:
                raise PluginError(
                    f"extractor {info.name!r} needs {missing}, which no plugin provides",
                    plugin=info.plugin,
                )
        return found

    def _dependency_order(self) -> tuple[str, ...]:
        order: list[str] = []
        state: dict[str, int] = {}

        def visit(name: str, path: tuple[str, ...]) -> None:
            if state.get(name) == 2:
                return
            if state.get(name) == 1:
                cycle = " -> ".join((*path, name))
                raise PluginError(f"extractors depend on each other in a cycle: {cycle}")
            state[name] = 1
            for need in self._extractors[name].extractor.needs:
                visit(need, (*path, name))
            state[name] = 2
            order.append(name)

        for name in self._extractors:
            visit(name, ())
        return tuple(order)

    def __reduce__(self) -> tuple[Any, ...]:
        load, defaults, plugins = self._recipe
        return (_rebuild, (load, defaults, plugins))

    # -- what is installed ------------------------------------------------------------------

    @property
    def extractors(self) -> Mapping[str, ExtractorInfo]:
        """Every extractor that can run, in dependency order."""
        return {name: self._extractors[name] for name in self._order}

    def finding_types(self) -> dict[str, type[Any]]:
        """The finding class of each extractor, for reading findings back from JSON."""
        return {name: info.extractor.finding_type for name, info in self._extractors.items()}

    def plugin_names(self) -> list[tuple[str, str]]:
        """``(plugin name, where it comes from)`` for every registered plugin."""
        return [
            (name, self._distributions.get(name, "registered by hand"))
            for name, plugin in self.pm.list_name_plugin()
            if plugin is not None
        ]

    @functools.cached_property
    def structure_phrases(self) -> Mapping[str, tuple[str, ...]]:
        """Extra structure phrases from every plugin, merged by category."""
        merged: dict[str, list[str]] = {}
        for result in self.pm.hook.newsparse_structure_phrases():
            if not result:
                continue
            for category, phrases in result.items():
                merged.setdefault(str(category), []).extend(str(p) for p in phrases)
        return {category: tuple(phrases) for category, phrases in merged.items()}

    @functools.cached_property
    def has_line_labellers(self) -> bool:
        return bool(self.pm.hook.newsparse_line_label.get_hookimpls())

    def line_label(self, line: Any, lines: Sequence[Any], proposed: Label) -> Label:
        """The label plugins give ``line`` (``proposed`` when no plugin votes)."""
        if not self.has_line_labellers:
            return proposed
        vote = self.pm.hook.newsparse_line_label(line=line, lines=lines, proposed=proposed)
        return vote if isinstance(vote, Label) else proposed

    # -- running ----------------------------------------------------------------------------

    def select(self, names: Iterable[str] | None) -> tuple[str, ...]:
        """The extractors to run for a requested list, dependencies added, in run order."""
        if names is None:
            return self._order
        if isinstance(names, str):
            raise UsageError("extractors must be a list of names, not a single string")
        wanted = set()
        pending = list(names)
        while pending:
            name = pending.pop()
            if name not in self._extractors:
                known = ", ".join(sorted(self._extractors)) or "none"
                raise UsageError(f"no extractor named {name!r} is installed (installed: {known})")
            if name not in wanted:
                wanted.add(name)
                pending.extend(self._extractors[name].extractor.needs)
        return tuple(name for name in self._order if name in wanted)

    def run(
        self, article: Article, names: Iterable[str] | None = None, *, strict: bool = False
    ) -> Article:
        """Run the selected extractors and the finishing hooks on a structured article."""
        findings: dict[str, tuple[Any, ...]] = {}
        problems = list(article.problems)
        for name in self.select(names):
            info = self._extractors[name]
            view = attrs.evolve(
                article,
                findings=Findings({n: findings[n] for n in info.extractor.needs if n in findings}),
            )
            items, errors = _run_one(info, view)
            if errors and strict:
                raise PluginError(f"extractor {name!r} ({info.plugin}): {errors[0]}", plugin=name)
            problems.extend(Problem(name, message) for message in errors)
            findings[name] = items
        finished = attrs.evolve(article, findings=Findings(findings), problems=tuple(problems))
        return self._finish(finished, strict=strict)

    def _finish(self, article: Article, *, strict: bool) -> Article:
        impls = self.pm.hook.newsparse_article_finished.get_hookimpls()
        for impl in impls:
            plugin = self.pm.get_name(impl.plugin) or repr(impl.plugin)
            try:
                result = impl.function(article=article)
            except Exception as exc:
                message = f"newsparse_article_finished raised {type(exc).__name__}: {exc}"
                if strict:
                    raise PluginError(f"plugin {plugin!r}: {message}", plugin=plugin) from exc
                article = _add_problem(article, Problem(plugin, message))
                continue
            if result is None:
                continue
            message = ""
            if not isinstance(result, Article):
                message = f"newsparse_article_finished returned a {type(result).__name__}"
            elif result.source != article.source:
                message = "newsparse_article_finished changed the source text"
            if message:
                if strict:
                    raise PluginError(f"plugin {plugin!r}: {message}", plugin=plugin)
                article = _add_problem(article, Problem(plugin, message))
                continue
            article = typing.cast(Article, result)
        return article


def _add_problem(article: Article, problem: Problem) -> Article:
    return attrs.evolve(article, problems=(*article.problems, problem))


def _run_one(info: ExtractorInfo, article: Article) -> tuple[tuple[Any, ...], list[str]]:
    """Run one extractor, keeping only well-formed findings; never raises ``Exception``."""
    extractor = info.extractor
    try:
        raw = tuple(extractor.extract(article))
    except Exception as exc:
        return (), [f"raised {type(exc).__name__}: {exc}"]
    source = article.source
    kept: list[Any] = []
    errors: list[str] = []
    for item in raw:
        fault = _check_finding(item, extractor.finding_type, source)
        if fault:
            errors.append(fault)
        else:
            kept.append(item)
    if len(errors) > 3:
        errors = [*errors[:3], f"... and {len(errors) - 3} more malformed findings dropped"]
    return tuple(kept), errors


def _check_finding(item: Any, finding_type: type[Any], source: str) -> str | None:
    if not isinstance(item, finding_type):
        return f"returned a {type(item).__name__}, not a {finding_type.__name__}"
    span = getattr(item, "span", None)
    if not isinstance(span, Span):
        return f"returned a {finding_type.__name__} without a Span in .span"
    if span.end > len(source):
        return f"returned a span {span.start}:{span.end} outside the text (length {len(source)})"
    text = getattr(item, "text", None)
    if isinstance(text, str) and text != source[span.start : span.end]:
        return (
            f"returned text {text[:40]!r} that is not what its span {span.start}:{span.end} holds"
        )
    return None


def _rebuild(load: bool, defaults: tuple[str, ...], plugins: tuple[object, ...]) -> PluginManager:
    if load and not plugins and defaults == DEFAULT_PLUGINS:
        return get_plugin_manager()
    return PluginManager(load_entry_points=load, default_plugins=defaults, plugins=plugins)


@functools.cache
def get_plugin_manager() -> PluginManager:
    """The process-wide manager: built-ins plus entry-point plugins, built on first use."""
    return PluginManager()
