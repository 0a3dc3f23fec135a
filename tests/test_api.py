from __future__ import annotations

import os
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse
from newsparse import Article, DecodeError, InputError, Label, UsageError


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param(b"bytes", "not bytes; use newsparse.parse_bytes", id="bytes"),
        pytest.param(pathlib.Path("x.txt"), "PosixPath; use newsparse.parse_file", id="path"),
        pytest.param(None, "not NoneType", id="none"),
        pytest.param(3, "not int", id="int"),
    ],
)
def test_parse_rejects_non_str_naming_the_type(value: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        newsparse.parse(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", " \t\r\n  \n"])
def test_empty_or_whitespace_text_gives_an_empty_article(text: str) -> None:
    article = newsparse.parse(text)
    assert article.source == text
    assert article.headline is None
    assert article.body == ()
    assert all(block.label is Label.BLANK for block in article.blocks)


def test_prose_mode_makes_every_line_body() -> None:
    text = "One line.\n\nAnother line.\n"
    article = newsparse.parse(text, structure=False)
    assert [p.text for p in article.body] == ["One line.", "Another line."]
    assert article.headline is None


def test_unknown_extractor_is_a_usage_error_listing_the_installed_ones() -> None:
    with pytest.raises(UsageError, match=r"no extractor named 'nope'.*quotes"):
        newsparse.parse("text", extractors=["nope"])


def test_no_extractors_means_no_findings() -> None:
    assert newsparse.parse("Text.", extractors=[]).findings == {}


def test_parse_bytes_reports_the_byte_offset() -> None:
    with pytest.raises(DecodeError, match="byte offset 6") as info:
        newsparse.parse_bytes(b"Hello \xff world", source="page.txt")
    assert info.value.offset == 6


def test_parse_bytes_can_replace_and_record_a_problem() -> None:
    article = newsparse.parse_bytes(b"Hello \xff world", errors="replace")
    assert article.source == "Hello \ufffd world"
    assert [problem.kind for problem in article.problems] == ["decode"]


def test_parse_bytes_drops_a_bom() -> None:
    assert newsparse.parse_bytes(b"\xef\xbb\xbfHi").source == "Hi"


def test_parse_file_reads_utf8(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes("Caf\u00e9 opens\n\nThe caf\u00e9 opened.".encode())
    assert newsparse.parse_file(path).source == "Caf\u00e9 opens\n\nThe caf\u00e9 opened."


def test_parse_file_refuses_a_directory(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        newsparse.parse_file(tmp_path)


def test_parse_file_refuses_a_missing_file(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        newsparse.parse_file(tmp_path / "absent.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_parse_file_refuses_a_pipe(tmp_path: pathlib.Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        newsparse.parse_file(fifo)


def test_parse_file_refuses_more_than_max_bytes(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 100)
    with pytest.raises(InputError, match="more than the limit of 10"):
        newsparse.parse_file(path, max_bytes=10)


TEXTS = st.text(
    alphabet=st.characters(codec="utf-8")
    | st.sampled_from(['"', "\u201c", "\u201d", "'", "\n", "\r", "\u00a0", "\u200d", "\u202e"]),
    max_size=400,
)


@given(TEXTS)
def test_parse_never_raises_and_keeps_its_invariants(text: str) -> None:
    article = newsparse.parse(text)
    position = 0
    for block in article.blocks:
        assert block.span.start == position
        assert block.span.slice(text) == block.text
        position = block.span.end
    assert position == len(text)
    for item in (*article.body, *article.related):
        assert item.span.slice(text).find(getattr(item, "text", getattr(item, "title", ""))) >= 0
    for name, items in article.findings.items():
        for finding in items:
            assert finding.span.slice(text) == finding.text, name
    assert Article.from_dict(article.to_dict()) == article


def test_parse_is_deterministic(seed_page: str) -> None:
    assert newsparse.parse(seed_page) == newsparse.parse(seed_page)
