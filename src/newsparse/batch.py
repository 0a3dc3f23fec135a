"""Parse many pages: in this process, or on every core through a process pool.

:func:`parse_many` streams.  It pulls inputs only as fast as results are taken, keeps a bounded
window of chunks in flight and yields the articles in input order, so a stream of millions of
pages runs in flat memory.  Each worker builds its plugin manager once, in the pool initializer;
after that a chunk costs one round of pickling each way.

One bad input never stops the others: whatever goes wrong with a page (an exception in the
parser, a plugin failing under ``strict=True``, a worker process dying on it) becomes an
:class:`~newsparse.model.Article` holding that page's source and one
:class:`~newsparse.model.Problem` of kind :data:`FAILED` saying why.
"""

from __future__ import annotations

import collections
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from newsparse.errors import NewsparseError, UsageError
from newsparse.model import Article, Problem

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

    from newsparse.plugins import PluginManager

__all__ = ["DEFAULT_CHUNKSIZE", "FAILED", "Markup", "encode_many", "failure", "parse_many"]

#: Pages sent to a worker at a time.  Large enough that pickling overhead is small next to
#: parsing a news-sized page, small enough that a window of chunks stays a few megabytes.
DEFAULT_CHUNKSIZE = 16

#: ``Problem.kind`` of the one problem on an article whose page could not be parsed at all.
FAILED = "failed"

#: Chunks in flight per worker: one being parsed, one queued, one result on its way back.
_WINDOW_PER_WORKER = 3

#: Pool deaths in a row, with no chunk parsed in between, after which :func:`parse_many` gives up.
_MAX_DEATHS = 3


def failure(article: Article) -> Problem | None:
    """The problem that stopped ``article`` from being parsed, or ``None`` if it was parsed."""
    for problem in article.problems:
        if problem.kind == FAILED:
            return problem
    return None


def parse_many(
    texts: Iterable[str | bytes | Markup],
    *,
    workers: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    extractors: Sequence[str] | None = None,
    structure: bool = True,
    strict: bool = False,
    html: bool = False,
    plugins: PluginManager | None = None,
    mp_context: str | BaseContext | None = None,
) -> Iterator[Article]:
    """Parse every text of ``texts`` and yield one :class:`Article` per text, in input order.

    ``workers=None`` or ``1`` parses in this process; ``N > 1`` uses a pool of ``N`` worker
    processes; ``0`` uses one per available CPU.  ``chunksize`` pages go to a worker at a time.
    Inputs are read lazily and at most a few chunks per worker are held at once, so ``texts``
    may be an endless generator.  ``extractors``, ``structure`` and ``strict`` mean what they
    mean for :func:`newsparse.parse`; ``plugins`` is a manager to use instead of the
    process-wide one (it travels to the workers as a recipe).  ``html=True`` reads every
    input as an HTML page (``str`` or ``bytes``) the way :func:`newsparse.parse_html` does;
    an input wrapped in :class:`Markup` is read so whatever ``html`` says.  Reading HTML
    needs the ``html`` extra, and a missing one is an error at once, not one per page.

    An input that cannot be parsed yields an article with its source and a problem of kind
    :data:`FAILED` (see :func:`failure`) instead of raising; so does a page on which a worker
    process dies.  ``mp_context`` picks how workers start (``"spawn"``, ``"forkserver"``,
    ``"fork"`` or a context).  The default is ``"fork"`` on Linux when this process runs no
    other thread (workers start at once and share what newsparse has loaded already),
    otherwise ``"forkserver"`` where the platform has it and ``"spawn"`` elsewhere, which are
    safe in a process that runs threads.
    """
    options = _Options(extractors, structure, strict, False, html)
    results: Iterator[Article] = _start(texts, workers, chunksize, options, plugins, mp_context)
    return results


def encode_many(
    texts: Iterable[str | bytes | Markup],
    *,
    workers: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    extractors: Sequence[str] | None = None,
    structure: bool = True,
    strict: bool = False,
    html: bool = False,
) -> Iterator[tuple[str | None, str]]:
    """Like :func:`parse_many`, but yield ``(failure message or None, article as JSON)``.

    The JSON is made where the page was parsed, in the worker, so the process reading the
    results only writes strings: ``newsparse parse -j N`` runs on this.
    """
    options = _Options(extractors, structure, strict, True, html)
    results: Iterator[tuple[str | None, str]] = _start(
        texts, workers, chunksize, options, None, None
    )
    return results


def _start(
    texts: Iterable[Any],
    workers: int | None,
    chunksize: int,
    options: _Options,
    plugins: PluginManager | None,
    mp_context: str | BaseContext | None,
) -> Iterator[Any]:
    if isinstance(texts, (str, bytes)):
        raise TypeError("parse_many() needs an iterable of str, not a single str or bytes")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise UsageError(f"chunksize must be a positive int, not {chunksize!r}")
    count = _worker_count(workers)
    if options.extractors is not None:
        # An unknown extractor name is the caller's mistake: say so now, not once per page.
        from newsparse.plugins import get_plugin_manager

        (plugins or get_plugin_manager()).select(options.extractors)
    if options.html:
        from newsparse.html.document import require_parser

        require_parser()  # a missing extra is one error now, not one per page
    if count == 1:
        return _serial(iter(texts), options, plugins)
    return _pooled(iter(texts), options, plugins, count, chunksize, mp_context)


def _worker_count(workers: int | None) -> int:
    if workers is None:
        return 1
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 0:
        raise UsageError(f"workers must be None or an int >= 0, not {workers!r}")
    if workers == 0:
        return (
            len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else os.cpu_count() or 1
        )
    return workers


class _Options:
    """What every parse of one batch is asked for; plain data so it pickles to workers."""

    __slots__ = ("encode", "extractors", "html", "strict", "structure")

    def __init__(
        self,
        extractors: Sequence[str] | None,
        structure: bool,
        strict: bool,
        encode: bool,
        html: bool,
    ) -> None:
        self.extractors = tuple(extractors) if extractors is not None else None
        self.structure = structure
        self.strict = strict
        self.encode = encode
        self.html = html

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _Options,
            (self.extractors, self.structure, self.strict, self.encode, self.html),
        )

    def output(self, article: Article) -> Any:
        """What goes back to the caller: the article, or its failure and JSON."""
        if not self.encode:
            return article
        import json

        problem = failure(article)
        message = problem.message if problem is not None else None
        return message, json.dumps(article.to_dict(), ensure_ascii=False)


class Markup:
    """One HTML page among inputs that are otherwise text: ``newsparse parse -j`` on a mix of
    ``.txt`` and ``.html`` files.  ``data`` is the markup (``bytes`` are decoded by their
    ``<meta charset>``), ``url`` the page's address when known."""

    __slots__ = ("data", "url")

    def __init__(self, data: str | bytes, url: str | None = None) -> None:
        self.data = data
        self.url = url

    def __reduce__(self) -> tuple[Any, ...]:
        return (Markup, (self.data, self.url))


def _failed(text: object, message: str) -> Article:
    source = text if isinstance(text, str) else ""
    return Article(source=source, problems=(Problem("newsparse", message, kind=FAILED),))


def _parse_one(text: object, options: _Options, plugins: PluginManager) -> Article:
    from newsparse.api import parse

    try:
        if options.html or isinstance(text, Markup):
            return _parse_markup(text, options, plugins)
        return parse(
            text,  # type: ignore[arg-type]  # non-str input is reported, not refused
            extractors=options.extractors,
            structure=options.structure,
            strict=options.strict,
            plugins=plugins,
        )
    except Exception as exc:
        # An HTML page's source would be the text read out of it: there is none.
        return _failed(None if options.html else text, f"{type(exc).__name__}: {exc}")


def _parse_markup(page: object, options: _Options, plugins: PluginManager) -> Article:
    from newsparse.api import parse_html

    url = None
    if isinstance(page, Markup):
        url = page.url
        page = page.data
    return parse_html(
        page,  # type: ignore[arg-type]  # non-str input is reported, not refused
        url=url,
        extractors=options.extractors,
        strict=options.strict,
        plugins=plugins,
    )


def _serial(
    texts: Iterator[str], options: _Options, plugins: PluginManager | None
) -> Iterator[Any]:
    if plugins is None:
        from newsparse.plugins import get_plugin_manager

        plugins = get_plugin_manager()
    for text in texts:
        yield options.output(_parse_one(text, options, plugins))


# -- the worker side ---------------------------------------------------------------------------

_worker_state: tuple[_Options, PluginManager] | None = None


def _init_worker(options: _Options, plugins: PluginManager | None) -> None:
    """Pool initializer: build the plugin manager once for the life of the worker."""
    global _worker_state
    if plugins is None:
        from newsparse.plugins import get_plugin_manager

        plugins = get_plugin_manager()
    _worker_state = (options, plugins)


def _parse_chunk(texts: list[str]) -> list[Any]:
    if _worker_state is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("newsparse worker used before its initializer ran")
    options, plugins = _worker_state
    return [options.output(_parse_one(text, options, plugins)) for text in texts]


# -- the parent side ---------------------------------------------------------------------------


class _Pool:
    """A process pool that is rebuilt when a worker dies, so one fatal page kills no other."""

    def __init__(
        self,
        workers: int,
        options: _Options,
        plugins: PluginManager | None,
        mp_context: str | BaseContext | None,
    ) -> None:
        import multiprocessing

        if mp_context is None:
            mp_context = _default_start_method()
        self._context = (
            multiprocessing.get_context(mp_context) if isinstance(mp_context, str) else mp_context
        )
        self._args = (workers, options, plugins)
        self._options = options
        self._executor = self._start()
        #: Pool deaths since a chunk last came back: a pool that dies again and again before
        #: parsing anything cannot start at all, which no retry will mend.
        self._deaths = 0

    def _start(self) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        workers, options, plugins = self._args
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=self._context,
            initializer=_init_worker,
            initargs=(options, plugins),
        )

    def submit(self, texts: list[str]) -> Future[list[Any]]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._executor.submit(_parse_chunk, texts)
        except BrokenProcessPool:
            self.restart()
            return self._executor.submit(_parse_chunk, texts)

    def isolated(self, text: str) -> Any:
        """Parse one page alone on the pool, restarting the pool if it kills its worker."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            article = self._executor.submit(_parse_chunk, [text]).result()[0]
        except BrokenProcessPool as exc:
            self.restart()
            return self._options.output(_failed(text, _describe(exc)))
        except Exception as exc:
            return self._options.output(_failed(text, _describe(exc)))
        self.succeeded()
        return article

    def succeeded(self) -> None:
        self._deaths = 0

    def restart(self) -> None:
        self._deaths += 1
        if self._deaths > _MAX_DEATHS:
            raise NewsparseError(
                "newsparse worker processes keep dying before they parse anything; if this is "
                "a script, start it under `if __name__ == '__main__':` (worker processes "
                "import the main module)"
            )
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._start()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _default_start_method() -> str:
    """``fork`` on Linux in a process that runs no other thread, else ``forkserver`` or ``spawn``.

    A forked worker starts at once and shares, copy-on-write, whatever newsparse has already
    loaded in this process (the plugin manager, gazetteers, phrase lists): no interpreter start,
    no import, no second load of the data.  Forking a process that runs threads can deadlock
    the child, so then workers start from a fresh interpreter instead.
    """
    import multiprocessing
    import sys
    import threading

    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


class _Chunk:
    __slots__ = ("future", "single", "texts")

    def __init__(self, texts: list[str], future: Future[list[Any]], single: bool) -> None:
        self.texts = texts
        self.future = future
        self.single = single


def _pooled(
    texts: Iterator[str],
    options: _Options,
    plugins: PluginManager | None,
    workers: int,
    chunksize: int,
    mp_context: str | BaseContext | None,
) -> Iterator[Any]:
    from concurrent.futures.process import BrokenProcessPool

    window = workers * _WINDOW_PER_WORKER
    pool = _Pool(workers, options, plugins, mp_context)
    in_flight: collections.deque[_Chunk] = collections.deque()
    exhausted = False
    try:
        while True:
            while not exhausted and len(in_flight) < window:
                chunk = list(itertools.islice(texts, chunksize))
                if not chunk:
                    exhausted = True
                    break
                in_flight.append(_Chunk(chunk, pool.submit(chunk), single=len(chunk) == 1))
            if not in_flight:
                return
            head = in_flight.popleft()
            try:
                results = head.future.result()
            except BaseException as exc:
                if not isinstance(exc, Exception) and not _is_cancelled(exc):
                    raise
                if isinstance(exc, BrokenProcessPool) or _is_cancelled(exc):
                    # A worker died and took the pool with it; any chunk in flight may be the
                    # culprit.  Parse this chunk's pages one at a time on a fresh pool, so only
                    # a page that kills a worker on its own is marked, then resend the rest.
                    pool.restart()
                    for text in head.texts:
                        yield pool.isolated(text)
                    for other in in_flight:
                        other.future = pool.submit(other.texts)
                    continue
                if head.single:
                    yield options.output(_failed(head.texts[0], _describe(exc)))
                    continue
                # Something failed outside the parser (a result that would not pickle): retry
                # page by page so only the page at fault is marked.
                retries = [_Chunk([text], pool.submit([text]), single=True) for text in head.texts]
                in_flight.extendleft(reversed(retries))
                continue
            pool.succeeded()
            yield from results
    finally:
        pool.close()


def _is_cancelled(exc: BaseException) -> bool:
    from concurrent.futures import CancelledError

    return isinstance(exc, CancelledError)


def _describe(exc: BaseException) -> str:
    from concurrent.futures.process import BrokenProcessPool

    if isinstance(exc, BrokenProcessPool):
        return "the worker process parsing this page died (BrokenProcessPool)"
    return f"{type(exc).__name__}: {exc}"
