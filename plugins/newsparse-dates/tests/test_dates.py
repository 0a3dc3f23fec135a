"""newsparse-dates: what it finds, how it resolves, and that newsparse finds it installed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import newsparse
import pytest
from hypothesis import given
from hypothesis import strategies as st
from newsparse import Article, Part, Span
from newsparse.plugins import PluginManager
from newsparse.serialize import article_from_dict
from newsparse.testing import assert_finds, assert_spans_valid, parse_with, run_extractor

import newsparse_dates
from newsparse_dates import DateKind, DateMention

PUBLISHED = "Published Wednesday 15 January 2025, 09:00 GMT"  # a Wednesday

# (text, the mentions found as (text, kind, value, resolved)); developed on, written for these tests.
CASES = [
    pytest.param(
        "It opened on 12 January 2025.",
        [("12 January 2025", "date", "2025-01-12", "2025-01-12")],
        id="day-month-year",
    ),
    pytest.param(
        "By January 12, 2025 it was gone.",
        [("January 12, 2025", "date", "2025-01-12", "2025-01-12")],
        id="month-day-comma-year",
    ),
    pytest.param(
        "Signed on the 3rd of March 2024.",
        [("3rd of March 2024", "date", "2024-03-03", "2024-03-03")],
        id="ordinal-of",
    ),
    pytest.param(
        "Due on Sept. 30 and Dec 1st.",
        [
            ("Sept. 30", "date", "--09-30", "2025-09-30"),
            ("Dec 1st", "date", "--12-01", "2025-12-01"),
        ],
        id="abbreviations-without-year",
    ),
    pytest.param(
        "Sunday 12 Jan 2025 was cold.",
        [("Sunday 12 Jan 2025", "date", "2025-01-12", "2025-01-12")],
        id="weekday-before-date",
    ),
    pytest.param(
        "Sales fell in March 2024.", [("March 2024", "date", "2024-03", None)], id="month-year"
    ),
    pytest.param(
        "Filed 2024-11-05T10:00Z.", [("2024-11-05", "date", "2024-11-05", "2024-11-05")], id="iso"
    ),
    pytest.param(
        "He was arrested last Tuesday.",
        [("last Tuesday", "relative", None, "2025-01-14")],
        id="last-weekday",
    ),
    pytest.param(
        "Talks resume next Wednesday.",
        [("next Wednesday", "relative", None, "2025-01-22")],
        id="next-same-weekday-is-a-week-on",
    ),
    pytest.param(
        "Police said on Monday that ...",
        [("Monday", "relative", None, "2025-01-13")],
        id="bare-weekday-is-the-last-one",
    ),
    pytest.param(
        "Yesterday it rained; tomorrow it snows.",
        [
            ("Yesterday", "relative", None, "2025-01-14"),
            ("tomorrow", "relative", None, "2025-01-16"),
        ],
        id="day-words",
    ),
    pytest.param(
        "The blast came at 10:30 GMT.",
        [("10:30 GMT", "time", "10:30+00:00", None)],
        id="time-with-zone",
    ),
    pytest.param(
        "Doors open at 7.45pm and close at 11 p.m.",
        [("7.45pm", "time", "19:45", None), ("11 p.m.", "time", "23:00", None)],
        id="twelve-hour-clock",
    ),
    pytest.param(
        "The vote closed at 22:00, an hour late.",
        [("22:00", "time", "22:00", None)],
        id="bare-time-after-at",
    ),
    pytest.param("The score was 10:30 after extra time.", [], id="bare-ratio-is-not-a-time"),
    pytest.param("It grew 3.5 per cent to 2025 levels.", [], id="numbers-are-not-times"),
    pytest.param("The Sun said Wed was a typo.", [], id="abbreviations-alone-are-words"),
    pytest.param(
        "It ends on 14 June. Then",
        [("14 June", "date", "--06-14", "2025-06-14")],
        id="sentence-full-stop-is-not-part-of-a-month",
    ),
    pytest.param(
        "Tuesday, Jan. 28, 2025 and 3:47 PM EST",
        [
            ("Tuesday, Jan. 28, 2025", "date", "2025-01-28", "2025-01-28"),
            ("3:47 PM EST", "time", "15:47-05:00", None),
        ],
        id="american-style",
    ),
    pytest.param("It happened on 31 February 2024.", [], id="impossible-date"),
    pytest.param("They may 12 times march.", [], id="lower-case-words"),
    pytest.param("At 13pm nothing.", [], id="impossible-twelve-hour-time"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_finds_dates_and_times(
    text: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    found = run_extractor(newsparse_dates, text, published=PUBLISHED)
    got = [(f.text, f.kind.value, f.value, f.resolved) for f in found]
    assert got == expected


@pytest.mark.parametrize(
    ("published", "resolved"),
    [
        pytest.param("2025-01-15T09:00:00Z", "2025-01-14", id="iso-timestamp"),
        pytest.param("Wed 15 Jan 2025 09.00 GMT", "2025-01-14", id="abbreviated"),
        pytest.param("Updated 20 January 2025", "2025-01-14", id="monday-after"),
        pytest.param("some time ago", None, id="unreadable"),
        pytest.param(None, None, id="absent"),
    ],
)
def test_relative_dates_count_from_the_page_date(
    published: str | None, resolved: str | None
) -> None:
    (found,) = run_extractor(newsparse_dates, "It was last Tuesday.", published=published)
    assert found.kind is DateKind.RELATIVE
    assert found.resolved == resolved


def test_every_mention_says_where_it_was_read() -> None:
    source = "Storm on 3 May 2024\nIt hit at 6am on Friday."
    article = Article(
        source=source,
        headline="Storm on 3 May 2024",
        headline_span=Span(0, 19),
        body=(newsparse.Paragraph("It hit at 6am on Friday.", Span(20, 44)),),
    )
    mentions = tuple(newsparse_dates.extract_dates(article))
    assert [(m.text, m.part) for m in mentions] == [
        ("3 May 2024", Part.HEADLINE),
        ("6am", Part.BODY),
        ("Friday", Part.BODY),
    ]


def test_assert_finds_reads_like_a_table() -> None:
    assert_finds(
        newsparse_dates, "From 1 June 2024 to 2 June 2024.", ["1 June 2024", "2 June 2024"]
    )


@given(
    st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(" 0123456789:.-JanuaryMonday"))
)
def test_never_raises_and_spans_hold_their_text(text: str) -> None:
    article = parse_with(newsparse_dates, text, published=PUBLISHED)
    assert_spans_valid(article)
    assert all(isinstance(m, DateMention) for m in article.findings["dates"])


def test_adversarial_input_stays_fast() -> None:
    import time

    text = ("12 " * 20000) + ("Monday, " * 20000) + ("1:" * 20000)
    started = time.perf_counter()
    run_extractor(newsparse_dates, text)
    assert time.perf_counter() - started < 10


# -- found through the entry point ----------------------------------------------------------


def test_the_installed_distribution_is_found_through_its_entry_point() -> None:
    manager = PluginManager()
    info = manager.extractors["dates"]
    assert info.plugin == "dates"
    assert info.distribution == f"newsparse-dates {newsparse_dates.__version__}"
    assert info.extractor.finding_type is DateMention
    article = newsparse.parse("Polls close at 10pm on 4 July 2024.", plugins=manager)
    assert [m.text for m in article.findings["dates"]] == ["10pm", "4 July 2024"]


def test_the_switches_turn_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPARSE_DISABLE_PLUGINS", "dates")
    assert "dates" not in PluginManager().extractors
    monkeypatch.delenv("NEWSPARSE_DISABLE_PLUGINS")
    monkeypatch.setenv("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert "dates" not in PluginManager().extractors


def test_findings_round_trip_through_json() -> None:
    article = parse_with(
        newsparse_dates, "Last Tuesday, at 9:15 BST, on 3 May.", published=PUBLISHED
    )
    data = json.loads(article.to_json())
    assert [item["kind"] for item in data["findings"]["dates"]] == ["relative", "time", "date"]
    assert data["findings"]["dates"][2]["resolved"] == "2025-05-03"
    assert article_from_dict(data, PluginManager().finding_types()) == article


def test_newsparse_plugins_lists_it() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSPARSE_")}
    src = str(Path(newsparse.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join([src, env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-m", "newsparse", "plugins"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    (line,) = [row for row in done.stdout.splitlines() if row.startswith("dates ")]
    assert "newsparse_dates.DateMention" in line
    assert f"newsparse-dates {newsparse_dates.__version__}" in line


def test_the_readme_examples_run(capsys: pytest.CaptureFixture[str]) -> None:
    readme = Path(__file__).resolve().parents[1] / "README.md"
    blocks = re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 3
    for block in blocks:
        exec(compile(block, str(readme), "exec"), {})
        printed = capsys.readouterr().out.splitlines()
        shown = [line[2:] for line in block.splitlines() if line.startswith("# ")]
        assert printed == shown
