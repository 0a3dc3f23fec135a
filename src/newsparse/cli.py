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
        "--html",
        action="store_true",
        help="the inputs are HTML (default for files ending in .html or .htm); "
        "needs the html extra",
    )
    parse.add_argument(
        "--max-bytes",
        type=_byte_count,
        default=None,
        metavar="SIZE",
        help="refuse any input larger than SIZE (bytes, or with K/M/G; default 256M)",
    )
    parse.add_argument(
        "--replace-errors",
        action="store_true",
        help="replace invalid UTF-8 with U+FFFD (recorded as a problem) instead of failing",
    )
    parse.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text outline: auto (a terminal, unless NO_COLOR is set), always, never",
    )
    clibatch.add_arguments(parse)

    commands.add_parser(
        "plugins",
        help="list installed plugins and extractors",
        description="List every extractor with its version, plugin and finding type.",
    ).add_argument("--format", choices=("text", "json"), default="text")
    _add_render_command(commands)
    commands.add_parser(
        "schema",
        help="print the JSON Schema of the JSON output",
        description="Print the JSON Schema (draft 2020-12) of an article as 'parse' writes it.",
    )
    return parser


def _add_render_command(commands: Any) -> None:
    render = commands.add_parser(
        "render",
        help="draw a page as newsparse read it, as one HTML file",
        description="Parse FILE (or standard input for '-') and write a self-contained HTML "
        "report: every block with its label, every finding highlighted, a side panel.",
    )
    render.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for stdin")
    render.add_argument(
        "-o", "--output", default="-", metavar="PATH", help="the HTML file (default: stdout)"
    )
    render.add_argument(
        "--extractors", type=_extractor_list, metavar="A,B", help="run only these extractors"
    )
    render.add_argument("--prose", action="store_true", help="every line is body")
    render.add_argument(
        "--replace-errors", action="store_true", help="replace invalid UTF-8 with U+FFFD"
    )


def _byte_count(value: str) -> int:
    """``--max-bytes`` values: a whole number of bytes, or with a K, M or G suffix (powers of 1024)."""
    scale = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}.get(value[-1:].lower(), 1)
    digits = value[:-1] if scale != 1 else value
    if not digits.isdigit() or int(digits) <= 0:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a size such as 1000000, 512K, 256M or 2G"
        )
    return int(digits) * scale


def _inputs(
    files: Sequence[str], max_bytes: int | None = None
) -> Iterator[tuple[str, bytes | None, str | None]]:
    """Yield ``(name, data, error)`` for each input, reading one at a time.

    No input is read past ``max_bytes`` (default: :data:`newsparse.api.DEFAULT_MAX_BYTES`):
    a larger one is refused with a message instead of filling the memory, whether it is a
    file, a pipe or standard input.
    """
    from newsparse.api import DEFAULT_MAX_BYTES

    limit = max_bytes or DEFAULT_MAX_BYTES
    too_big = f"more than the limit of {limit} bytes (raise it with --max-bytes)"
    for name in files:
        try:
            if name == "-":
                data = sys.stdin.buffer.read(limit + 1)
            elif os.path.isdir(name):
                yield name, None, "is a directory, not a file"
                continue
            elif os.path.isfile(name) and os.path.getsize(name) > limit:
                yield name, None, too_big
                continue
            else:
                with open(name, "rb") as handle:
                    data = handle.read(limit + 1)
        except OSError as exc:
            yield name, None, exc.strerror or str(exc)
            continue
        if len(data) > limit:
            yield name, None, too_big
            continue
        yield name, data, None


def _write(out: IO[str], fmt: str, name: str, article: Any, *, color: bool = False) -> None:
    if fmt == "text":
        from newsparse.render.terminal import neutralise, terminal_outline

        out.write(f"== {neutralise(name)}\n" + terminal_outline(article, color=color))
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
    color = False
    if args.format == "text":
        from newsparse.render.terminal import color_enabled

        color = color_enabled(args.color, sys.stdout)
    for name, data, error in _inputs(args.files, args.max_bytes):
        if data is None:
            print(f"newsparse: {name}: {error}", file=sys.stderr)
            status = EXIT_INPUT
            continue
        try:
            if args.html or name.lower().endswith((".html", ".htm")):
                from newsparse.api import parse_html

                article = parse_html(data, extractors=extractors, strict=args.strict)
                _write(sys.stdout, args.format, name, article)
                continue
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
        _write(sys.stdout, args.format, name, article, color=color)
    return status


def _cmd_render(args: argparse.Namespace) -> int:
    from newsparse.api import parse_bytes
    from newsparse.render import to_html

    for name, data, error in _inputs([args.file]):
        if data is None:
            print(f"newsparse: {name}: {error}", file=sys.stderr)
            return EXIT_INPUT
        try:
            article = parse_bytes(
                data,
                source=name,
                errors="replace" if args.replace_errors else "strict",
                extractors=args.extractors,
                structure=not args.prose,
            )
        except UsageError as exc:
            print(f"newsparse: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except NewsparseError as exc:
            print(f"newsparse: {exc}", file=sys.stderr)
            return EXIT_INPUT
        page = to_html(article, source_name="standard input" if name == "-" else name)
        if args.output == "-":
            sys.stdout.write(page)
            return EXIT_OK
        try:
            with open(args.output, "w", encoding="utf-8") as handle:
                handle.write(page)
        except OSError as exc:
            print(f"newsparse: {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_INPUT
    return EXIT_OK


def _cmd_plugins(args: argparse.Namespace) -> int:
    from newsparse.plugins import get_plugin_manager

    manager = get_plugin_manager()
    rows: list[dict[str, Any]] = [
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
    # Plugins that only vote on labels, add phrases or finish articles: listed too.
    with_extractors = {info.plugin for info in manager.extractors.values()}
    rows += [
        {
            "name": plugin.name,
            "version": "-",
            "plugin": plugin.name,
            "from": plugin.distribution,
            "finding_type": None,
            "needs": [],
            "hooks": list(plugin.hooks),
        }
        for plugin in manager.plugins()
        if plugin.name not in with_extractors
    ]
    if args.format == "json":
        print(json.dumps(rows, indent=2))
        return EXIT_OK
    width = max((len(row["name"]) for row in rows), default=4)
    for row in rows:
        needs = f"  needs: {', '.join(row['needs'])}" if row["needs"] else ""
        what = row["finding_type"] or f"(no extractor; hooks: {', '.join(row['hooks'])})"
        print(f"{row['name']:<{width}}  {row['version']:<8}  {what}  from {row['from']}{needs}")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from newsparse.schema import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = {
        "parse": _cmd_parse,
        "plugins": _cmd_plugins,
        "render": _cmd_render,
        "schema": _cmd_schema,
    }[args.command]
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
