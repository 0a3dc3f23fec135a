from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse.errors import DecodeError
from newsparse.text import decode, line_bounds, lines_and_bounds, split_lines


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        pytest.param("", [], id="empty"),
        pytest.param("a", ["a"], id="one-line-no-break"),
        pytest.param("a\n", ["a"], id="final-newline"),
        pytest.param("a\n\nb", ["a", "", "b"], id="blank-line"),
        pytest.param("a\r\nb\rc\nd", ["a", "b", "c", "d"], id="mixed-breaks"),
        pytest.param("a\u2028b", ["a\u2028b"], id="unicode-separator-stays-inside"),
        pytest.param("\n\n", ["", ""], id="only-breaks"),
    ],
)
def test_split_lines(text: str, lines: list[str]) -> None:
    assert [line.text for line in split_lines(text)] == lines


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\r\n")))
def test_line_spans_partition_the_text(text: str) -> None:
    position = 0
    for line in split_lines(text):
        assert line.full.start == position
        assert text[line.span.start : line.span.end] == line.text
        assert "\n" not in line.text
        assert "\r" not in line.text
        position = line.full.end
    assert position == len(text)


@pytest.mark.parametrize(
    ("data", "text", "replaced"),
    [
        pytest.param(b"plain", "plain", 0, id="ascii"),
        pytest.param("caf\u00e9".encode(), "caf\u00e9", 0, id="utf8"),
        pytest.param(b"\xef\xbb\xbfbom", "bom", 0, id="bom-dropped"),
        pytest.param(b"a\xffb\xfe", "a\ufffdb\ufffd", 2, id="replaced"),
    ],
)
def test_decode_replace(data: bytes, text: str, replaced: int) -> None:
    assert decode(data, errors="replace") == (text, replaced)


@pytest.mark.parametrize(
    ("data", "offset"),
    [(b"abc\xff", 3), (b"\xef\xbb\xbfab\xc3", 5), (b"\x80", 0)],
)
def test_decode_strict_reports_the_byte_offset(data: bytes, offset: int) -> None:
    with pytest.raises(DecodeError, match=f"byte offset {offset}") as info:
        decode(data, source="page.txt")
    assert info.value.offset == offset
    assert "page.txt" in str(info.value)


def _bounds_by_regex(text: str) -> list[tuple[int, int, int]]:
    """Line bounds by the plain definition: a line ends at each break found by a scan."""
    bounds, start = [], 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        bounds.append((start, match.start(), match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text), len(text)))
    return bounds


@given(st.text(alphabet=st.sampled_from(["a", " ", "\n", "\r", "é", "\u2028"])))
def test_line_bounds_follow_the_plain_definition(text: str) -> None:
    # Texts with and without "\r" take different paths through line_bounds.
    assert line_bounds(text) == _bounds_by_regex(text)
    assert line_bounds(text.replace("\r", "")) == _bounds_by_regex(text.replace("\r", ""))


@given(st.text(alphabet=st.sampled_from(["a", " ", "\n", "\r", "é"])))
def test_lines_and_bounds_agree(text: str) -> None:
    texts, bounds = lines_and_bounds(text)
    assert bounds == line_bounds(text)
    assert texts == [text[start:end] for start, end, _ in bounds]
