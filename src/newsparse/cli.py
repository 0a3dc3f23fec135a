"""The ``newsparse`` command line.

Exit codes: 0 everything was parsed; 1 at least one input could not be read or parsed (the
others are still written); 2 the command line itself was wrong.  Messages go to stderr, results
to stdout, so the command composes in a pipeline like any Unix tool.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import IO, Any

from newsparse import clibatch
from newsparse._version import __version__
from newsparse.errors import NewsparseError, UsageError

__all__ = ["main"]

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def _extractor_list(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsparse",
        description="Read the plain text of scraped news pages into typed articles.",
    )
    parser.add_argument("--version", action="version", version=f"newsparse {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    parse = commands.add_parser(
        "parse",
        help="parse pages and print their articles",
        description="Parse each FILE (or standard input for '-') and print its article.",
    )
    parse.add_argument("files", nargs="+", metavar="FILE", help="a UTF-8 text file, or - for stdin")
    parse.add_argument(
        "-f",
        "--format",
        choices=("json", "jsonl", "text"),
        default=None,
        help="json: one indented object per file; jsonl: one line per file; "
        "text: a readable outline (default: json; jsonl in batch mode)",
    )
    chosen = parse.add_mutually_exclusive_group()
    chosen.add_argument(
        "--extractors",
        type=_extractor_list,
        metavar="A,B",
        help="run only these extractors (comma-separated names)",
    )
    chosen.add_argument(
        "--no-extractors", action="store_true", help="only read the structure; run no extractor"
    )
    parse.add_argument(
        "--prose", action="store_true", help="the input is plain prose: every line is body"
    )
    parse.add_argument(
        "--strict", action="store_true", help="fail an input when a plugin fails on it"
    )
    parse.add_argument(
        "--replace-errors",
        action="store_true",
        help="replace invalid UTF-8 with U+FFFD (recorded as a problem) instead of failing",
    )
    clibatch.add_arguments(parse)

    commands.add_parser(
        "plugins",
        help="list installed plugins and extractors",
        description="List every extractor with its version, plugin and finding type.",
    ).add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _inputs(files: Sequence[str]) -> Iterator[tuple[str, bytes | None, str | None]]:
    """Yield ``(name, data, error)`` for each input, reading one at a time."""
    from newsparse.api import DEFAULT_MAX_BYTES

    for name in files:
        if name == "-":
            yield "-", sys.stdin.buffer.read(), None
            continue
        try:
            if os.path.isdir(name):
                yield name, None, "is a directory, not a file"
                continue
            size = os.path.getsize(name)
            if size > DEFAULT_MAX_BYTES:
                yield name, None, f"{size} bytes is more than the limit of {DEFAULT_MAX_BYTES}"
                continue
            with open(name, "rb") as handle:
                yield name, handle.read(), None
        except OSError as exc:
            yield name, None, exc.strerror or str(exc)


def _write(out: IO[str], fmt: str, name: str, article: Any) -> None:
    if fmt == "text":
        from newsparse.outline import outline

        out.write(f"== {name}\n" + outline(article))
        return
    record = {"path": name, "article": article.to_dict()}
    if fmt == "jsonl":
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")


def _cmd_parse(args: argparse.Namespace) -> int:
    from newsparse.api import parse_bytes

    if clibatch.is_batch(args):
        return clibatch.run(args)
    args.format = args.format or "json"

    extractors: list[str] | None = [] if args.no_extractors else args.extractors
    if extractors:
        from newsparse.plugins import get_plugin_manager

        try:
            get_plugin_manager().select(extractors)
        except UsageError as exc:
            print(f"newsparse: {exc}", file=sys.stderr)
            return EXIT_USAGE
    status = EXIT_OK
    for name, data, error in _inputs(args.files):
        if data is None:
            print(f"newsparse: {name}: {error}", file=sys.stderr)
            status = EXIT_INPUT
            continue
        try:
            article = parse_bytes(
                data,
                source=name,
                errors="replace" if args.replace_errors else "strict",
                extractors=extractors,
                structure=not args.prose,
                strict=args.strict,
            )
        except NewsparseError as exc:
            print(f"newsparse: {exc}", file=sys.stderr)
            status = EXIT_INPUT
            continue
        _write(sys.stdout, args.format, name, article)
    return status


def _cmd_plugins(args: argparse.Namespace) -> int:
    from newsparse.plugins import get_plugin_manager

    manager = get_plugin_manager()
    rows = [
        {
            "name": info.name,
            "version": info.extractor.version,
            "plugin": info.plugin,
            "from": info.distribution,
            "finding_type": f"{info.extractor.finding_type.__module__}."
            f"{info.extractor.finding_type.__qualname__}",
            "needs": list(info.extractor.needs),
        }
        for info in manager.extractors.values()
    ]
    if args.format == "json":
        print(json.dumps(rows, indent=2))
        return EXIT_OK
    width = max((len(row["name"]) for row in rows), default=4)
    for row in rows:
        needs = f"  needs: {', '.join(row['needs'])}" if row["needs"] else ""
        print(
            f"{row['name']:<{width}}  {row['version']:<8}  {row['finding_type']}"
            f"  from {row['from']}{needs}"
        )
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = {"parse": _cmd_parse, "plugins": _cmd_plugins}[args.command]
    try:
        return handler(args)
    except BrokenPipeError:
        # The reader went away (``newsparse parse ... | head``): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except NewsparseError as exc:
        print(f"newsparse: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
