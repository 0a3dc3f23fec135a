"""The functions users call: parse a string, bytes or a file into an Article."""

from __future__ import annotations

import functools
import gc
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import attrs

from newsparse.errors import InputError
from newsparse.model import Article, Problem
from newsparse.structure import read_page, read_prose
from newsparse.text import decode

if TYPE_CHECKING:
    from newsparse.plugins import PluginManager

__all__ = ["DEFAULT_MAX_BYTES", "parse", "parse_bytes", "parse_file", "parse_html"]

#: The largest file :func:`parse_file` reads unless told otherwise (256 MiB).  A news page is a
#: few hundred kilobytes; anything near this is almost certainly not one.
DEFAULT_MAX_BYTES = 256 * 1024 * 1024


#: Inputs longer than this (characters) are parsed with the cyclic garbage collector paused.
GC_PAUSE_CHARS = 32 * 1024

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _gc_paused_for_long_text(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Pause the cyclic garbage collector while a long text is parsed.

    A long page makes millions of small objects (lines, spans, blocks) that all stay alive
    until the article is built, and none of them form cycles; the collector would walk them
    again and again as they grow, which made a 10 MB page take 15 times as long as a 1 MB one
    instead of 10; in a process that already holds many objects (caches, earlier results) the
    collector's passes cost more still, and a 200 KB page of short lines took eight times as
    long as one of 50 KB.  Short pages are left alone, and so is a collector the caller
    switched off.
    """

    @functools.wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        text: Any = args[0] if args else kwargs.get("text")
        if not (isinstance(text, str) and len(text) > GC_PAUSE_CHARS and gc.isenabled()):
            return func(*args, **kwargs)
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            gc.enable()

    return wrapper


@_gc_paused_for_long_text
def parse(
    text: str,
    *,
    extractors: Sequence[str] | None = None,
    structure: bool = True,
    strict: bool = False,
    plugins: PluginManager | None = None,
) -> Article:
    """Read the plain text of a news page into an :class:`Article`.

    ``extractors`` limits which extractors run (``None``: all installed; ``[]``: none).
    ``structure=False`` treats the text as plain prose: every non-blank line is body.
    ``strict=True`` raises :class:`~newsparse.errors.PluginError` when a plugin fails instead
    of recording the failure in ``Article.problems``.  ``plugins`` is a manager to use instead
    of the process-wide one.
    """
    if not isinstance(text, str):
        hint = ""
        if isinstance(text, (bytes, bytearray, memoryview)):
            hint = "; use newsparse.parse_bytes() for bytes"
        elif isinstance(text, os.PathLike):
            hint = "; use newsparse.parse_file() for a path"
        raise TypeError(f"parse() needs a str, not {type(text).__name__}{hint}")
    if plugins is None:
        from newsparse.plugins import get_plugin_manager

        plugins = get_plugin_manager()
    with plugins.collect_problems(strict=strict) as problems:
        article = read_page(text, manager=plugins) if structure else read_prose(text)
    return plugins.run(article, extractors, strict=strict, problems=problems)


def parse_bytes(
    data: bytes,
    *,
    errors: str = "strict",
    source: str | None = None,
    extractors: Sequence[str] | None = None,
    structure: bool = True,
    strict: bool = False,
    plugins: PluginManager | None = None,
) -> Article:
    """Decode UTF-8 bytes (BOM-aware) and parse them.

    Invalid UTF-8 raises :class:`~newsparse.errors.DecodeError` with the byte offset; with
    ``errors="replace"`` bad bytes become U+FFFD and a problem is recorded instead.
    ``source`` names the input in messages (a path, a URL).
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"parse_bytes() needs bytes, not {type(data).__name__}")
    text, replaced = decode(bytes(data), errors=errors, source=source)
    article = parse(
        text, extractors=extractors, structure=structure, strict=strict, plugins=plugins
    )
    if replaced:
        where = f"{source}: " if source else ""
        problem = Problem(
            "newsparse",
            f"{where}{replaced} invalid UTF-8 sequence(s) replaced with U+FFFD",
            kind="decode",
        )
        article = attrs.evolve(article, problems=(problem, *article.problems))
    return article


def parse_file(
    path: str | os.PathLike[str],
    *,
    errors: str = "strict",
    max_bytes: int = DEFAULT_MAX_BYTES,
    extractors: Sequence[str] | None = None,
    structure: bool = True,
    strict: bool = False,
    plugins: PluginManager | None = None,
) -> Article:
    """Read a UTF-8 file and parse it.

    Refuses directories, devices, pipes and files larger than ``max_bytes`` with an
    :class:`~newsparse.errors.InputError` that names the path.
    """
    path = Path(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file")
    if info.st_size > max_bytes:
        raise InputError(
            f"{path}: {info.st_size} bytes is more than the limit of {max_bytes} "
            "(raise max_bytes to read it)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return parse_bytes(
        data,
        errors=errors,
        source=str(path),
        extractors=extractors,
        structure=structure,
        strict=strict,
        plugins=plugins,
    )


def parse_html(
    html: str | bytes,
    *,
    url: str | None = None,
    extractors: Sequence[str] | None = None,
    strict: bool = False,
    plugins: PluginManager | None = None,
) -> Article:
    """Read a news page from its HTML (needs the ``html`` extra).

    ``Article.source`` is the text extracted from the markup (one line per line of a block
    element, blank lines between blocks) and every span indexes it; ``Block.path`` is the
    XPath of the element each line came from.  Bytes are decoded by their byte-order mark or
    ``<meta charset>``, falling back to UTF-8 and windows-1252 (recorded as a problem).
    ``url`` is the page's address: related links and image sources are resolved against it.
    Raises :class:`~newsparse.errors.MissingDependencyError` when the extra is not installed.
    """
    from newsparse.html import read_html

    article = read_html(html, url=url)
    if plugins is None:
        from newsparse.plugins import get_plugin_manager

        plugins = get_plugin_manager()
    return plugins.run(article, extractors, strict=strict)
