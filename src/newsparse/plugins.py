"""The plugin manager: discovery, selection, dependency order and fault isolation.

The built-in extractors are plugins like any other: the modules in :data:`DEFAULT_PLUGINS`
are registered through the same manager and the same hook as third-party distributions found
through the ``newsparse`` entry-point group.

The manager is built once per process (:func:`get_plugin_manager`) and is cheap to send to
worker processes: it pickles as the recipe it was built from and is rebuilt on the other side.

Environment switches, read when a manager is built (a pickled manager carries the values it
was built with):

``NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD``
    any non-empty value: load no entry-point plugins (the built-ins still load).  The
    project's own tests set it, so what is installed on the machine cannot change them.
``NEWSPARSE_PLUGINS``
    a comma-separated allow-list of entry-point plugin names to load (empty: none).
    Built-ins and plugins registered by hand are not affected.
``NEWSPARSE_DISABLE_PLUGINS``
    a comma-separated block-list of plugin or extractor names, built-ins included
    (``quotes`` blocks the built-in quotes plugin and its extractor).

Fault isolation: whatever a plugin does wrong while an article is being read (raising,
returning the wrong type, a span outside the text, text that is not what its span holds,
replacing the article with one of another source) is recorded as a
:class:`~newsparse.model.Problem` on the article and the rest of the parse goes on; with
``strict=True`` it raises :class:`~newsparse.errors.PluginError` naming the plugin instead.
Mistakes in what a plugin *declares* (two extractors with one name, a dependency nobody
provides, a cycle, a misspelled hook) are errors when the manager is built.
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import functools
import importlib
import os
import types
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs
import pluggy

from newsparse import hookspecs
from newsparse._version import __version__
from newsparse.errors import PluginError, UsageError
from newsparse.extractor import Extractor
from newsparse.model import Article, Findings, Label, Part, Problem, Span

__all__ = [
    "DEFAULT_PLUGINS",
    "ExtractorInfo",
    "PluginInfo",
    "PluginManager",
    "get_plugin_manager",
]

#: The modules registered as plugins before any third-party one.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "newsparse.extractors.quotes",
    "newsparse.extractors.numbers",
    "newsparse.extractors.places",
)

BUILTIN = f"newsparse {__version__} (built-in)"
BY_HAND = "registered by hand"

#: At most this many malformed findings of one extractor are described in problems.
MAX_FAULTS_LISTED = 3


class _Env(enum.Enum):
    """Marks a switch whose value comes from the environment."""

    FROM_ENV = "env"


FROM_ENV = _Env.FROM_ENV


@attrs.frozen
class ExtractorInfo:
    """An extractor as the manager knows it: what it is and who registered it."""

    extractor: Extractor
    plugin: str
    distribution: str

    @property
    def name(self) -> str:
        return self.extractor.name


@attrs.frozen
class PluginInfo:
    """A registered plugin: its name, where it comes from and the hooks it implements."""

    name: str
    distribution: str
    hooks: tuple[str, ...]


@attrs.frozen
class _Impl:
    """One hook implementation, ready to call with only the arguments it accepts."""

    plugin: str
    function: Callable[..., Any]
    argnames: tuple[str, ...]

    def call(self, **kwargs: Any) -> Any:
        return self.function(**{name: kwargs[name] for name in self.argnames})


@attrs.define
class _Faults:
    """What plugins did wrong during one parse (see :meth:`PluginManager.collect_problems`)."""

    strict: bool
    problems: list[Problem] = attrs.Factory(list)
    seen: set[tuple[str, str]] = attrs.Factory(set)


_FAULTS: contextvars.ContextVar[_Faults | None] = contextvars.ContextVar(
    "newsparse_plugin_faults", default=None
)


def _env_list(name: str) -> frozenset[str] | None:
    raw = os.environ.get(name)
    if raw is None:
        return None
    return frozenset(item.strip() for item in raw.split(",") if item.strip())


def _given_or_env(value: Iterable[str] | _Env | None, env: str) -> frozenset[str] | None:
    if value is FROM_ENV:
        return _env_list(env)
    if value is None:
        return None
    if isinstance(value, str):
        raise UsageError(f"a list of plugin names is needed, not the string {value!r}")
    return frozenset(value)


def _plugin_name(plugin: object) -> str:
    """The name a plugin registered by hand is known by (its module or class name)."""
    if isinstance(plugin, types.ModuleType):
        return plugin.__name__
    name = getattr(plugin, "__name__", None)
    return name if isinstance(name, str) else type(plugin).__name__


def _is_blocked(name: str, blocked: frozenset[str]) -> bool:
    return name in blocked or name.rsplit(".", 1)[-1] in blocked


@attrs.frozen
class _ModuleRef:
    """A module plugin in a pickled recipe: modules do not pickle, their names do."""

    name: str


def _pickle_ref(plugin: object) -> object:
    return _ModuleRef(plugin.__name__) if isinstance(plugin, types.ModuleType) else plugin


def _unpickle_ref(plugin: object) -> object:
    return importlib.import_module(plugin.name) if isinstance(plugin, _ModuleRef) else plugin


class PluginManager:
    """A typed facade over a :class:`pluggy.PluginManager` for newsparse's hooks.

    ``plugins`` are registered by hand after the built-ins (the way tests and applications
    add a plugin without installing it); ``load_entry_points`` loads the ``newsparse``
    entry-point group (default: unless ``NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD`` is set).
    ``allow`` and ``block`` default to ``NEWSPARSE_PLUGINS`` and ``NEWSPARSE_DISABLE_PLUGINS``.
    A manager pickles as this recipe, so plugins registered by hand must pickle too (modules,
    module-level classes and objects do).
    """

    def __init__(
        self,
        *,
        load_entry_points: bool | None = None,
        default_plugins: Sequence[str] = DEFAULT_PLUGINS,
        plugins: Iterable[object] = (),
        allow: Iterable[str] | _Env | None = FROM_ENV,
        block: Iterable[str] | _Env | None = FROM_ENV,
    ) -> None:
        if load_entry_points is None:
            load_entry_points = not os.environ.get("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD")
        plugins = tuple(plugins)
        allowed = _given_or_env(allow, "NEWSPARSE_PLUGINS")
        blocked = _given_or_env(block, "NEWSPARSE_DISABLE_PLUGINS") or frozenset()
        self._recipe = (
            load_entry_points,
            tuple(default_plugins),
            tuple(_pickle_ref(p) for p in plugins),
            allowed,
            blocked,
        )
        self.pm = pluggy.PluginManager(hookspecs.NAME)
        self.pm.add_hookspecs(hookspecs)
        self._distributions: dict[str, str] = {}
        self._blocked = blocked
        for module_name in default_plugins:
            if not _is_blocked(module_name, blocked):
                self._register(importlib.import_module(module_name), module_name, BUILTIN)
        for plugin in plugins:
            name = _plugin_name(plugin)
            if not _is_blocked(name, blocked):
                self._register(plugin, name, BY_HAND)
        if load_entry_points:
            self._load_entry_points(allowed, blocked)
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            name = self.pm.get_name(exc.plugin) or _plugin_name(exc.plugin)
            raise PluginError(f"plugin {name!r}: {exc}", plugin=name) from exc
        self._refuse_wrappers()
        self._extractors = self._collect_extractors(blocked)
        self._order = self._dependency_order()
        self._finish_impls = self._impls("newsparse_article_finished")
        self._label_impls = self._impls("newsparse_line_label")
        #: Extra structure phrases from every plugin, merged by category (built at start-up).
        self.structure_phrases: Mapping[str, tuple[str, ...]] = self._collect_phrases()
        self._selected: dict[tuple[str, ...], tuple[str, ...]] = {}

    # -- building ---------------------------------------------------------------------------

    def _register(self, plugin: object, name: str, distribution: str) -> None:
        if self.pm.has_plugin(name):
            raise PluginError(
                f"two plugins are named {name!r} ({self._distributions.get(name, BY_HAND)} "
                f"and {distribution}); disable one of them (NEWSPARSE_DISABLE_PLUGINS)",
                plugin=name,
            )
        try:
            self.pm.register(plugin, name=name)
        except pluggy.PluginValidationError as exc:
            raise PluginError(f"plugin {name!r}: {exc}", plugin=name) from exc
        except ValueError as exc:  # the same object registered twice
            raise PluginError(f"plugin {name!r}: {exc}", plugin=name) from exc
        self._distributions[name] = distribution

    def _load_entry_points(self, allowed: frozenset[str] | None, blocked: frozenset[str]) -> None:
        from importlib.metadata import entry_points

        seen: dict[str, str] = {}
        for ep in entry_points(group=hookspecs.NAME):
            if _is_blocked(ep.name, blocked) or (allowed is not None and ep.name not in allowed):
                continue
            if seen.get(ep.name) == ep.value:
                continue  # one distribution seen twice on sys.path
            seen[ep.name] = ep.value
            try:
                plugin = ep.load()
            except Exception as exc:
                raise PluginError(
                    f"plugin {ep.name!r} ({ep.value}) failed to load: {type(exc).__name__}: {exc}",
                    plugin=ep.name,
                ) from exc
            if self.pm.is_registered(plugin):
                continue  # also registered by hand: the same plugin, not a rival
            dist = getattr(ep, "dist", None)
            where = f"{dist.name} {dist.version}" if dist is not None else ep.value
            self._register(plugin, ep.name, where)

    def _refuse_wrappers(self) -> None:
        for caller in vars(self.pm.hook).values():
            for impl in caller.get_hookimpls() if hasattr(caller, "get_hookimpls") else ():
                if impl.hookwrapper or impl.wrapper:
                    raise PluginError(
                        f"plugin {impl.plugin_name!r}: {caller.name} is a hook wrapper; "
                        "newsparse hooks take plain implementations",
                        plugin=impl.plugin_name,
                    )

    def _impls(self, hook: str) -> tuple[_Impl, ...]:
        """The plain implementations of ``hook`` in pluggy's call order."""
        caller = getattr(self.pm.hook, hook)
        return tuple(
            _Impl(impl.plugin_name, impl.function, tuple(impl.argnames))
            for impl in reversed(caller.get_hookimpls())
        )

    def _collect_extractors(self, blocked: frozenset[str]) -> dict[str, ExtractorInfo]:
        found: dict[str, ExtractorInfo] = {}
        # get_hookimpls() lists plugins in registration order: built-ins first.
        for impl in self.pm.hook.newsparse_register_extractors.get_hookimpls():
            plugin_name = impl.plugin_name
            open_ = [True]

            def register(
                extractor: Extractor, _plugin: str = plugin_name, _open: list[bool] = open_
            ) -> None:
                if not _open[0]:
                    raise PluginError(
                        f"plugin {_plugin!r} called register() after its "
                        "newsparse_register_extractors hook returned",
                        plugin=_plugin,
                    )
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
                    extractor, _plugin, self._distributions.get(_plugin, BY_HAND)
                )

            try:
                _Impl(plugin_name, impl.function, tuple(impl.argnames)).call(register=register)
            except PluginError as exc:
                if exc.plugin is None or exc.plugin not in self._distributions:
                    raise PluginError(f"plugin {plugin_name!r}: {exc}", plugin=plugin_name) from exc
                raise
            except Exception as exc:
                raise PluginError(
                    f"plugin {plugin_name!r}: newsparse_register_extractors raised "
                    f"{type(exc).__name__}: {exc}",
                    plugin=plugin_name,
                ) from exc
            finally:
                open_[0] = False
        for info in found.values():
            missing = [need for need in info.extractor.needs if need not in found]
            if missing:
                why = " (disabled)" if any(need in blocked for need in missing) else ""
                raise PluginError(
                    f"extractor {info.name!r} of plugin {info.plugin!r} needs "
                    f"{', '.join(map(repr, missing))}{why}, which no plugin provides",
                    plugin=info.plugin,
                )
        return found

    def _dependency_order(self) -> tuple[str, ...]:
        """Every extractor after those it needs; otherwise in registration order."""
        order: list[str] = []
        state: dict[str, int] = {}

        def visit(name: str, path: tuple[str, ...]) -> None:
            if state.get(name) == 2:
                return
            if state.get(name) == 1:
                cycle = " -> ".join((*path[path.index(name) :], name))
                raise PluginError(
                    f"extractors need each other in a cycle: {cycle}",
                    plugin=self._extractors[name].plugin,
                )
            state[name] = 1
            for need in self._extractors[name].extractor.needs:
                visit(need, (*path, name))
            state[name] = 2
            order.append(name)

        for name in self._extractors:
            visit(name, ())
        return tuple(order)

    def _collect_phrases(self) -> Mapping[str, tuple[str, ...]]:
        merged: dict[str, list[str]] = {}
        for impl in reversed(self._impls("newsparse_structure_phrases")):
            try:
                result = impl.call()
            except Exception as exc:
                raise PluginError(
                    f"plugin {impl.plugin!r}: newsparse_structure_phrases raised "
                    f"{type(exc).__name__}: {exc}",
                    plugin=impl.plugin,
                ) from exc
            if result is None:
                continue
            if not isinstance(result, Mapping):
                raise PluginError(
                    f"plugin {impl.plugin!r}: newsparse_structure_phrases returned a "
                    f"{type(result).__name__}, not a mapping of category to phrases",
                    plugin=impl.plugin,
                )
            for category, phrases in result.items():
                if (
                    not isinstance(category, str)
                    or isinstance(phrases, str)
                    or not isinstance(phrases, Iterable)
                ):
                    raise PluginError(
                        f"plugin {impl.plugin!r}: newsparse_structure_phrases must map "
                        f"category names to lists of phrases, got {category!r}: {phrases!r}",
                        plugin=impl.plugin,
                    )
                items = list(phrases)
                if not all(isinstance(p, str) for p in items):
                    raise PluginError(
                        f"plugin {impl.plugin!r}: phrases for {category!r} must be strings",
                        plugin=impl.plugin,
                    )
                merged.setdefault(category, []).extend(items)
        return types.MappingProxyType(
            {category: tuple(dict.fromkeys(phrases)) for category, phrases in merged.items()}
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, self._recipe)

    # -- what is installed ------------------------------------------------------------------

    @property
    def extractors(self) -> Mapping[str, ExtractorInfo]:
        """Every extractor that can run, in dependency order."""
        return {name: self._extractors[name] for name in self._order}

    def finding_types(self) -> dict[str, type[Any]]:
        """The finding class of each extractor, for reading findings back from JSON."""
        return {name: info.extractor.finding_type for name, info in self._extractors.items()}

    def plugins(self) -> list[PluginInfo]:
        """Every registered plugin, in registration order, with the hooks it implements."""
        rows = []
        for name, plugin in self.pm.list_name_plugin():
            if plugin is None:
                continue
            hooks = tuple(caller.name for caller in self.pm.get_hookcallers(plugin) or ())
            rows.append(PluginInfo(name, self._distributions.get(name, BY_HAND), hooks))
        return rows

    def plugin_names(self) -> list[tuple[str, str]]:
        """``(plugin name, where it comes from)`` for every registered plugin."""
        return [(info.name, info.distribution) for info in self.plugins()]

    # -- the structure parser's hooks -------------------------------------------------------

    @property
    def has_line_labellers(self) -> bool:
        """Whether any plugin votes on line labels (when none does, labelling costs nothing)."""
        return bool(self._label_impls)

    def line_label(self, line: Any, lines: Sequence[Any], proposed: Label) -> Label:
        """The label plugins give ``line`` (``proposed`` when no plugin votes).

        Plugins are asked in pluggy's call order and the first :class:`Label` wins.  A plugin
        that raises or votes with something that is not a ``Label`` is skipped, and the fault
        is recorded (see :meth:`collect_problems`).
        """
        if not self._label_impls:
            return proposed
        for impl in self._label_impls:
            try:
                vote = impl.call(line=line, lines=lines, proposed=proposed)
            except Exception as exc:
                _fault(
                    impl.plugin,
                    "newsparse_line_label",
                    f"raised {type(exc).__name__}: {exc} (line {getattr(line, 'index', '?')})",
                    exc,
                )
                continue
            if vote is None:
                continue
            if isinstance(vote, Label):
                return vote
            _fault(
                impl.plugin,
                "newsparse_line_label",
                f"returned a {type(vote).__name__}, not a newsparse.Label",
            )
        return proposed

    @contextlib.contextmanager
    def collect_problems(self, *, strict: bool = False) -> Iterator[list[Problem]]:
        """Collect what plugin hooks do wrong while the structure is read.

        Inside the block, a structure hook that fails is recorded in the yielded list (once
        per plugin and hook) or, with ``strict``, raises :class:`PluginError`.  Outside any
        such block a failure becomes a :class:`RuntimeWarning`.  ``newsparse.parse`` wraps
        the structure parser in this and hands the list to :meth:`run`.
        """
        faults = _Faults(strict=strict)
        token = _FAULTS.set(faults)
        try:
            yield faults.problems
        finally:
            _FAULTS.reset(token)

    # -- running ----------------------------------------------------------------------------

    def select(self, names: Iterable[str] | None) -> tuple[str, ...]:
        """The extractors to run for a requested list, dependencies added, in run order."""
        if names is None:
            return self._order
        if isinstance(names, str):
            raise UsageError("extractors must be a list of names, not a single string")
        key = tuple(names)
        cached = self._selected.get(key)
        if cached is not None:
            return cached
        wanted: set[str] = set()
        pending = list(key)
        while pending:
            name = pending.pop()
            if not isinstance(name, str):
                raise UsageError(f"extractor names must be strings, not {type(name).__name__}")
            if name not in self._extractors:
                known = ", ".join(sorted(self._extractors)) or "none"
                why = (
                    "is disabled (NEWSPARSE_DISABLE_PLUGINS)"
                    if _is_blocked(name, self._blocked)
                    else "is installed"
                )
                raise UsageError(f"no extractor named {name!r} {why} (installed: {known})")
            if name not in wanted:
                wanted.add(name)
                pending.extend(self._extractors[name].extractor.needs)
        selected = tuple(name for name in self._order if name in wanted)
        if len(self._selected) < 256:
            self._selected[key] = selected
        return selected

    def run(
        self,
        article: Article,
        names: Iterable[str] | None = None,
        *,
        strict: bool = False,
        problems: Iterable[Problem] = (),
    ) -> Article:
        """Run the selected extractors, then the finishing hooks, on a structured article.

        Each extractor sees the article with only the findings it declared it ``needs``.
        ``problems`` (for example from :meth:`collect_problems`) are added to the article's.
        """
        findings: dict[str, tuple[Any, ...]] = {}
        all_problems = [*article.problems, *problems]
        bare = article if not article.findings else attrs.evolve(article, findings=Findings())
        for name in self._order if names is None else self.select(names):
            info = self._extractors[name]
            needs = info.extractor.needs
            view = (
                attrs.evolve(bare, findings=Findings({n: findings[n] for n in needs}))
                if needs
                else bare
            )
            items, errors = _run_one(info.extractor, view)
            findings[name] = items
            if not errors:
                continue
            if strict:
                raise PluginError(
                    f"plugin {info.plugin!r}: extractor {name!r} {errors[0]}", plugin=info.plugin
                )
            all_problems.extend(
                Problem(name, f"plugin {info.plugin!r}: extractor {name!r} {message}", "plugin")
                for message in errors
            )
        finished = attrs.evolve(article, findings=Findings(findings), problems=tuple(all_problems))
        return self._finish(finished, strict=strict) if self._finish_impls else finished

    def _finish(self, article: Article, *, strict: bool) -> Article:
        for impl in self._finish_impls:
            hook = "newsparse_article_finished"
            try:
                result = impl.call(article=article)
            except Exception as exc:
                message = f"{hook} raised {type(exc).__name__}: {exc}"
                if strict:
                    raise PluginError(
                        f"plugin {impl.plugin!r}: {message}", plugin=impl.plugin
                    ) from exc
                article = _add_problem(article, impl.plugin, message)
                continue
            if result is None:
                continue
            message = ""
            if not isinstance(result, Article):
                message = f"{hook} returned a {type(result).__name__}, not a newsparse.Article"
            elif result.source != article.source:
                message = f"{hook} changed the source text (the article it returned was dropped)"
            if message:
                if strict:
                    raise PluginError(f"plugin {impl.plugin!r}: {message}", plugin=impl.plugin)
                article = _add_problem(article, impl.plugin, message)
                continue
            article = result
        return article


def _fault(plugin: str, hook: str, message: str, exc: BaseException | None = None) -> None:
    """Record, raise or warn about a structure hook that misbehaved (see ``collect_problems``)."""
    text = f"plugin {plugin!r}: {hook} {message}"
    faults = _FAULTS.get()
    if faults is None:
        warnings.warn(text, RuntimeWarning, stacklevel=3)
        return
    if faults.strict:
        raise PluginError(text, plugin=plugin) from exc
    if (plugin, hook) not in faults.seen:
        faults.seen.add((plugin, hook))
        faults.problems.append(Problem(plugin, text, "plugin"))


def _add_problem(article: Article, source: str, message: str) -> Article:
    problem = Problem(source, f"plugin {source!r}: {message}", "plugin")
    return attrs.evolve(article, problems=(*article.problems, problem))


_NO_ERRORS: tuple[str, ...] = ()


def _run_one(extractor: Extractor, article: Article) -> tuple[tuple[Any, ...], Sequence[str]]:
    """Run one extractor, keeping only well-formed findings; never raises ``Exception``.

    The common cases (a tuple, a list or a generator of findings; no findings) take the
    shortest path, since this runs for every extractor on every page.
    """
    try:
        raw = extractor.extract(article)
        kind = type(raw)
        if kind is tuple or kind is list or kind is types.GeneratorType:
            found = tuple(raw)
        elif isinstance(raw, (str, bytes, Mapping)) or not isinstance(raw, Iterable):
            return (), [f"returned a {kind.__name__}, not an iterable of findings"]
        else:
            found = tuple(raw)
    except Exception as exc:
        return (), [f"raised {type(exc).__name__}: {exc}"]
    if not found:
        return found, _NO_ERRORS
    finding_type = extractor.finding_type
    source = article.source
    kept: list[Any] = []
    errors: list[str] = []
    dropped = 0
    for item in found:
        fault = _check_finding(item, finding_type, source)
        if fault is None:
            kept.append(item)
        elif len(errors) < MAX_FAULTS_LISTED:
            errors.append(fault)
        else:
            dropped += 1
    if dropped:
        errors.append(f"returned {dropped} more malformed findings (dropped)")
    return tuple(kept), errors


def _check_finding(item: Any, finding_type: type[Any], source: str) -> str | None:
    """Why ``item`` is not a well-formed finding, or ``None`` when it is."""
    if not isinstance(item, finding_type):
        return f"returned a {type(item).__name__}, not a {finding_type.__name__}"
    span = getattr(item, "span", None)
    if not isinstance(span, Span):
        return f"returned a {finding_type.__name__} whose span is a {type(span).__name__}"
    if not 0 <= span.start <= span.end <= len(source):
        return f"returned a span {span.start}:{span.end} outside the text (length {len(source)})"
    text = getattr(item, "text", None)
    if text is not None and text != source[span.start : span.end]:
        shown = text[:40] if isinstance(text, str) else text
        return f"returned text {shown!r} that is not what its span {span.start}:{span.end} holds"
    part = getattr(item, "part", None)
    if not isinstance(part, Part):
        return f"returned a part {part!r} that is not a newsparse.Part"
    return None


def _rebuild(
    load: bool,
    defaults: tuple[str, ...],
    plugins: tuple[object, ...],
    allowed: frozenset[str] | None,
    blocked: frozenset[str],
) -> PluginManager:
    recipe = (load, defaults, plugins, allowed, blocked)
    if recipe == _default_recipe():
        return get_plugin_manager()
    return PluginManager(
        load_entry_points=load,
        default_plugins=defaults,
        plugins=[_unpickle_ref(p) for p in plugins],
        allow=allowed,
        block=blocked,
    )


def _default_recipe() -> tuple[Any, ...]:
    return (
        not os.environ.get("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD"),
        DEFAULT_PLUGINS,
        (),
        _env_list("NEWSPARSE_PLUGINS"),
        _env_list("NEWSPARSE_DISABLE_PLUGINS") or frozenset(),
    )


@functools.cache
def get_plugin_manager() -> PluginManager:
    """The process-wide manager: built-ins plus entry-point plugins, built on first use."""
    return PluginManager()
