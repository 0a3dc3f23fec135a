"""Coverage-guided fuzzing of parse and parse_bytes with atheris.

    python benchmarks/fuzz.py [-max_total_time=600] [-dict=...] benchmarks/fuzz-corpus seeds

Any exception other than the documented ones (DecodeError for invalid UTF-8) is a crash; a
parse whose spans do not slice the input, or whose blocks do not partition it, is one too.
The fuzzer writes every new input it finds into the *first* directory, so give it a scratch
one (``benchmarks/fuzz-corpus/``, ignored by git) and the bundled pages (``seeds/``) after it
as a read-only head start.  atheris is an optional tool (``pip install atheris``), not a
dependency.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import newsparse
    from newsparse import Article, DecodeError


def check(article: Article, text: str) -> None:
    position = 0
    for block in article.blocks:
        if block.span.start != position or block.span.slice(text) != block.text:
            raise AssertionError(f"blocks do not partition the input at {position}")
        position = block.span.end
    if position != len(text):
        raise AssertionError("blocks stop before the end of the input")
    for name, items in article.findings.items():
        for item in items:
            if item.span.slice(text) != item.text:
                raise AssertionError(f"{name} finding {item!r} does not slice the input")
    failed = [problem for problem in article.problems if problem.kind != "decode"]
    if failed:
        raise AssertionError(f"an extractor failed: {failed}")


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    if provider.ConsumeBool():
        text = provider.ConsumeUnicodeNoSurrogates(len(data))
        check(newsparse.parse(text), text)
    else:
        raw = provider.ConsumeBytes(len(data))
        try:
            article = newsparse.parse_bytes(raw)
        except DecodeError:
            article = newsparse.parse_bytes(raw, errors="replace")
        check(article, article.source)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
