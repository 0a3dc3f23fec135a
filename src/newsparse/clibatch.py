"""``newsparse parse`` in batch mode: many files or a JSONL stream, on one or many cores.

Inputs are read one at a time and handed to :func:`newsparse.parse_many`, which keeps only a
bounded window of pages in flight, so a stream of any length runs in flat memory.  One record
is written per input, in input order; an input that cannot be read or parsed gets a record with
an ``error`` field (and a line on stderr) while every other input is still written.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from collections.abc import Iterator, Sequence
from typing import IO, Any

import attrs

from newsparse.batch import DEFAULT_CHUNKSIZE, Markup, encode_many, failure, parse_many
from newsparse.errors import MissingDependencyError, NewsparseError, UsageError
from newsparse.model import Article, Problem
from newsparse.render.terminal import color_enabled, terminal_outline
from newsparse.serialize import to_data
from newsparse.text import decode

__all__ = ["add_arguments", "is_batch", "run"]

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The batch options of ``newsparse parse``."""
    group = parser.add_argument_group("batch")
    group.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="parse on N worker processes (0: one per CPU; default 1: in this process)",
    )
    group.add_argument(
        "--input-format",
        choices=("text", "jsonl"),
        default="text",
        help="text: each FILE is one page; jsonl: each line of each FILE is a JSON object "
        "holding a page in --text-field, its other fields copied to the output (default: text)",
    )
    group.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="the field of a JSONL record that holds the page (default: text)",
    )
    group.add_argument(
        "--chunksize",
        type=int,
        default=DEFAULT_CHUNKSIZE,
        metavar="N",
        help=f"pages sent to a worker at a time (default: {DEFAULT_CHUNKSIZE})",
    )
    group.add_argument("-q", "--quiet", action="store_true", help="no progress bar on a terminal")


def is_batch(args: argparse.Namespace) -> bool:
    """Whether the options ask for batch mode (worker processes or a JSONL stream)."""
    return bool(args.jobs != 1 or args.input_format == "jsonl")


@attrs.define
class _Input:
    """One input as read: what to copy to its output record, and its text or why it has none."""

    label: str
    meta: dict[str, Any]
    text: str | Markup | None = None
    error: str | None = None
    replaced: int = 0
    size: int = 0


def run(args: argparse.Namespace, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """Run ``newsparse parse`` in batch mode; returns the exit code."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    extractors: list[str] | None = [] if args.no_extractors else args.extractors
    fmt = args.format or "jsonl"
    if args.jobs < 0:
        print("newsparse: -j/--jobs must be 0 or more", file=err)
        return EXIT_USAGE
    if args.chunksize < 1:
        print("newsparse: --chunksize must be 1 or more", file=err)
        return EXIT_USAGE
    errors = "replace" if args.replace_errors else "strict"
    color = fmt == "text" and color_enabled(getattr(args, "color", "never"), out)
    html = bool(getattr(args, "html", False))
    if args.input_format == "jsonl":
        inputs = _jsonl_inputs(args.files, args.text_field, errors)
    else:
        inputs = _file_inputs(args.files, errors, getattr(args, "max_bytes", None), html)
    pending: collections.deque[_Input] = collections.deque()

    def texts() -> Iterator[str | Markup]:
        for item in inputs:
            pending.append(item)
            if item.text is not None:
                yield item.text

    many = parse_many if fmt == "text" else encode_many
    try:
        results: Iterator[Any] = many(
            texts(),
            workers=args.jobs,
            chunksize=args.chunksize,
            extractors=extractors,
            structure=not args.prose,
            strict=args.strict,
            # A JSONL record holds its page as text: --html says that text is markup.
            html=html and args.input_format == "jsonl",
        )
    except UsageError as exc:
        print(f"newsparse: {exc}", file=err)
        return EXIT_USAGE
    except MissingDependencyError as exc:
        print(f"newsparse: {exc}", file=err)
        return EXIT_INPUT
    total = len(args.files) if args.input_format == "text" else None
    progress = _Progress(err, total, enabled=not args.quiet and _isatty(err))
    failed = 0

    def failed_input(item: _Input, reason: str) -> None:
        nonlocal failed
        failed += 1
        progress.clear()
        print(f"newsparse: {item.label}: {reason}", file=err)
        _write_error(out, fmt, item, reason)
        progress.step(item.size, failed)

    try:
        for result in results:
            while pending[0].text is None:
                item = pending.popleft()
                failed_input(item, item.error or "unreadable")
            item = pending.popleft()
            if fmt == "text":
                problem = failure(result)
                reason = problem.message if problem is not None else None
            else:
                reason, encoded = result
            if reason is not None:
                failed_input(item, reason)
                continue
            if fmt == "text":
                out.write(
                    f"== {item.label}\n" + terminal_outline(_with_note(item, result), color=color)
                )
            else:
                _write_encoded(out, fmt, item, encoded)
            progress.step(item.size, failed)
        while pending:
            item = pending.popleft()
            failed_input(item, item.error or "unreadable")
    except NewsparseError as exc:
        progress.clear()
        print(f"newsparse: {exc}", file=err)
        return EXIT_INPUT
    finally:
        progress.close()
    return EXIT_INPUT if failed else EXIT_OK


def _note(item: _Input) -> Problem:
    return Problem(
        "newsparse",
        f"{item.label}: {item.replaced} invalid UTF-8 sequence(s) replaced with U+FFFD",
        kind="decode",
    )


def _with_note(item: _Input, article: Article) -> Article:
    if not item.replaced:
        return article
    return attrs.evolve(article, problems=(_note(item), *article.problems))


def _write_encoded(out: IO[str], fmt: str, item: _Input, encoded: str) -> None:
    """Write a record around an article the worker already turned into JSON."""
    if fmt == "json" or item.replaced:
        article = json.loads(encoded)
        if item.replaced:
            article["problems"] = [to_data(_note(item)), *article["problems"]]
        _dump(out, fmt, {**item.meta, "article": article})
        return
    head = json.dumps(item.meta, ensure_ascii=False)
    comma = ", " if item.meta else ""
    out.write(f'{head[:-1]}{comma}"article": {encoded}}}\n')


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _file_inputs(
    files: Sequence[str], errors: str, max_bytes: int | None = None, html: bool = False
) -> Iterator[_Input]:
    from newsparse.cli import _inputs

    for name, data, error in _inputs(files, max_bytes):
        item = _Input(name, {"path": name}, error=error, size=len(data or b""))
        if data is not None and error is None and (html or _is_html_name(name)):
            item.text = Markup(data)  # its bytes are decoded as its <meta charset> says
        elif data is not None and error is None:
            try:
                item.text, item.replaced = decode(data, errors=errors, source=name)
            except NewsparseError as exc:
                item.error = str(exc).removeprefix(f"{name}: ")
        yield item


def _is_html_name(name: str) -> bool:
    return name.lower().endswith((".html", ".htm"))


def _jsonl_inputs(files: Sequence[str], field: str, errors: str) -> Iterator[_Input]:
    for name in files:
        try:
            handle = sys.stdin.buffer if name == "-" else open(name, "rb")  # noqa: SIM115
        except OSError as exc:
            yield _Input(name, {"path": name}, error=exc.strerror or str(exc))
            continue
        try:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                yield _record(name, number, raw, field, errors)
        except OSError as exc:
            yield _Input(name, {"path": name}, error=exc.strerror or str(exc))
        finally:
            if handle is not sys.stdin.buffer:
                handle.close()


def _record(name: str, number: int, raw: bytes, field: str, errors: str) -> _Input:
    label = f"{name}:{number}"
    where = {"path": name, "line": number}
    if number == 1:
        raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        line, replaced = decode(raw, errors=errors)
        record = json.loads(line)
    except (NewsparseError, ValueError) as exc:
        return _Input(label, where, error=f"not a JSON line: {exc}", size=len(raw))
    if not isinstance(record, dict):
        kind = type(record).__name__
        return _Input(label, where, error=f"a JSON {kind}, not an object", size=len(raw))
    meta = {key: value for key, value in record.items() if key != field}
    text = record.get(field)
    if not isinstance(text, str):
        reason = (
            f"no {field!r} field"
            if field not in record
            else f"the {field!r} field is a {type(text).__name__}, not a string"
        )
        return _Input(label, {**meta, **where}, error=reason, size=len(raw))
    return _Input(label, meta, text=text, replaced=replaced, size=len(raw))


def _write_error(out: IO[str], fmt: str, item: _Input, reason: str) -> None:
    if fmt != "text":
        _dump(out, fmt, {**item.meta, "error": reason})


def _dump(out: IO[str], fmt: str, record: dict[str, Any]) -> None:
    indent = 2 if fmt == "json" else None
    out.write(json.dumps(record, ensure_ascii=False, indent=indent) + "\n")


class _Progress:
    """A one-line progress report on a terminal, redrawn at most ten times a second."""

    def __init__(self, stream: IO[str], total: int | None, *, enabled: bool) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.done = 0
        self.failed = 0
        self.bytes = 0
        self.started = self.drawn = time.monotonic()
        self.shown = False

    def step(self, size: int, failed: int) -> None:
        self.done += 1
        self.bytes += size
        self.failed = failed
        if self.enabled and time.monotonic() - self.drawn >= 0.1:
            self.draw()

    def draw(self) -> None:
        self.drawn = time.monotonic()
        elapsed = max(self.drawn - self.started, 1e-9)
        count = f"{self.done:,}" + (f"/{self.total:,}" if self.total is not None else "")
        line = (
            f"{count} pages  {self.done / elapsed:,.0f} pages/s  "
            f"{self.bytes / elapsed / 1e6:,.1f} MB/s"
        )
        if self.failed:
            line += f"  {self.failed:,} failed"
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

    def close(self) -> None:
        if self.enabled and self.done:
            self.draw()
            self.stream.write("\n")
            self.stream.flush()
