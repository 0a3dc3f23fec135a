"""``newsparse parse`` in batch mode: -j, JSONL in and out, one bad input among good ones."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsparse
from newsparse import Article
from newsparse.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _records(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def _article(record: dict[str, object]) -> Article:
    data = record["article"]
    assert isinstance(data, dict)
    return Article.from_dict(data)


@pytest.fixture
def pages(tmp_path: Path) -> list[Path]:
    paths = []
    for i in range(5):
        path = tmp_path / f"page{i}.txt"
        path.write_text(f"Headline {i}\n\nBody paragraph {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("jobs", [pytest.param("2", id="j2"), pytest.param("0", id="j0")])
def test_many_files_on_workers(
    pages: list[Path], jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["parse", "-j", jobs, *map(str, pages)])
    out, err = capsys.readouterr()
    assert status == 0, err
    records = _records(out)
    assert [r["path"] for r in records] == [str(p) for p in pages]
    for record, path in zip(records, pages, strict=True):
        assert _article(record) == newsparse.parse(path.read_text(encoding="utf-8"))
    assert err == ""  # stderr is not a terminal here: no progress bar


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param("missing", id="missing-file"),
        pytest.param("directory", id="directory"),
        pytest.param("not-utf8", id="invalid-utf8"),
    ],
)
def test_a_bad_file_is_reported_and_the_others_written(
    pages: list[Path], tmp_path: Path, bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / bad
    if bad == "directory":
        target.mkdir()
    elif bad == "not-utf8":
        target.write_bytes(b"caf\xe9\n")
    files = [str(pages[0]), str(target), str(pages[1])]
    status = main(["parse", "-j", "2", *files])
    out, err = capsys.readouterr()
    assert status == 1
    records = _records(out)
    assert [r["path"] for r in records] == files
    assert "article" in records[0]
    assert "article" in records[2]
    assert "article" not in records[1]
    assert records[1]["error"]
    assert str(target) in err


def _jsonl(tmp_path: Path, rows: list[object]) -> Path:
    path = tmp_path / "pages.jsonl"
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", [pytest.param("1", id="j1"), pytest.param("2", id="j2")])
def test_jsonl_stream_passes_other_fields_through(
    tmp_path: Path, jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [{"id": f"doc-{i}", "lang": "en", "body": f"Title {i}\n\nText {i}.\n"} for i in range(7)]
    path = _jsonl(tmp_path, rows)
    argv = ["parse", "-j", jobs, "--input-format", "jsonl", "--text-field", "body", str(path)]
    status = main(argv)
    out, err = capsys.readouterr()
    assert status == 0, err
    records = _records(out)
    assert [r["id"] for r in records] == [row["id"] for row in rows]
    assert all(r["lang"] == "en" and "body" not in r for r in records)
    assert [_article(r).source for r in records] == [row["body"] for row in rows]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        pytest.param('{"id": "b", "text": 42}', "not a string", id="text-not-a-string"),
        pytest.param('{"id": "b"}', "no 'text' field", id="no-text-field"),
        pytest.param('{"id": "b", "text": ', "not a JSON line", id="truncated-json"),
        pytest.param("[1, 2]", "not an object", id="json-array"),
    ],
)
def test_a_bad_jsonl_record_is_reported_and_the_others_written(
    tmp_path: Path, line: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _jsonl(tmp_path, [{"id": "a", "text": "A\n"}, line, {"id": "c", "text": "C\n"}])
    status = main(["parse", "-j", "2", "--input-format", "jsonl", str(path)])
    out, err = capsys.readouterr()
    assert status == 1
    records = _records(out)
    assert len(records) == 3
    assert [_article(records[i]).source for i in (0, 2)] == ["A\n", "C\n"]
    assert reason in str(records[1]["error"])
    assert records[1]["line"] == 2
    assert f"{path}:2" in err


def test_a_page_that_fails_to_parse_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _jsonl(tmp_path, [{"id": "a", "text": "A\n"}, {"id": "b", "text": "B\n"}])
    status = main(
        ["parse", "-j", "2", "--input-format", "jsonl", "--extractors", "nope", str(path)]
    )
    assert status == 2
    assert "nope" in capsys.readouterr().err


def test_jsonl_from_stdin_in_a_real_process(tmp_path: Path) -> None:
    rows = [{"n": i, "text": f"Head {i}\n\nBody {i}.\n"} for i in range(30)]
    stream = "".join(json.dumps(row) + "\n" for row in rows)
    done = subprocess.run(
        [sys.executable, "-m", "newsparse", "parse", "-j", "2", "--input-format", "jsonl", "-"],
        input=stream,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD": "1"},
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert [r["n"] for r in _records(done.stdout)] == list(range(30))


def test_progress_bar_on_a_terminal_and_quiet_turns_it_off(pages: list[Path]) -> None:
    from newsparse import clibatch

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for quiet, shown in ((False, True), (True, False)):
        err, out = Terminal(), io.StringIO()
        args = clibatch_args(pages, quiet=quiet)
        assert clibatch.run(args, out=out, err=err) == 0
        assert ("pages/s" in err.getvalue()) is shown
        assert len(out.getvalue().splitlines()) == len(pages)


def clibatch_args(pages: list[Path], *, quiet: bool) -> argparse.Namespace:
    from newsparse.cli import build_parser

    argv = ["parse", "-j", "2", *map(str, pages)]
    if quiet:
        argv.append("--quiet")
    return build_parser().parse_args(argv)


def test_text_mode_single_file_still_prints_json(
    pages: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(pages[0])]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["path"] == str(pages[0])


def test_replace_errors_keeps_the_page_and_notes_it(
    pages: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(b"caf\xe9 au lait\n")
    status = main(["parse", "-j", "2", "--replace-errors", str(pages[0]), str(bad)])
    out, err = capsys.readouterr()
    assert status == 0, err
    records = _records(out)
    article = _article(records[1])
    assert article.source == "caf\ufffd au lait\n"
    assert [p.kind for p in article.problems] == ["decode"]
    assert _article(records[0]).problems == ()


def test_text_format_in_batch_mode_keeps_the_order(
    pages: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", "-j", "2", "--format", "text", *map(str, pages)]) == 0
    headers = [line for line in capsys.readouterr().out.splitlines() if line.startswith("== ")]
    assert headers == [f"== {path}" for path in pages]


_HTML = (
    "<html><head><meta charset='windows-1252'></head><body><h1>Caf\xe9 reopens</h1>"
    "<p>The caf\xe9 opened again on Monday with 40 seats.</p></body></html>"
).encode("latin-1")


@pytest.mark.parametrize(
    ("name", "flag"),
    [
        pytest.param("page.html", [], id="by-extension"),
        pytest.param("page.txt", ["--html"], id="flag"),
    ],
)
def test_html_files_are_read_as_html_in_batch_mode(
    pages: list[Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    flag: list[str],
) -> None:
    pytest.importorskip("selectolax.lexbor")
    page = tmp_path / name
    page.write_bytes(_HTML)
    text_pages = [] if flag else [str(pages[0])]
    status = main(["parse", "-j", "2", *flag, *text_pages, str(page)])
    out, err = capsys.readouterr()
    assert status == 0, err
    records = _records(out)
    assert [r["path"] for r in records] == [*text_pages, str(page)]
    article = _article(records[-1])
    assert article == newsparse.parse_html(_HTML)
    assert article.headline == "Caf\u00e9 reopens"  # decoded as its <meta charset> says
    if text_pages:
        assert _article(records[0]) == newsparse.parse(pages[0].read_text(encoding="utf-8"))


def test_a_stream_of_html_without_the_extra_stops_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsparse.html.document as document

    def missing() -> None:
        raise newsparse.MissingDependencyError("reading HTML needs the html extra", extra="html")

    monkeypatch.setattr(document, "_parser_class", missing)
    stream = tmp_path / "pages.jsonl"
    stream.write_text(json.dumps({"text": "<p>x</p>"}) + "\n", encoding="utf-8")
    status = main(["parse", "--input-format", "jsonl", "--html", str(stream)])
    out, err = capsys.readouterr()
    assert status == 1
    assert out == ""
    assert "html extra" in err


def test_a_jsonl_stream_of_html_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("selectolax.lexbor")
    markup = ["<h1>First</h1><p>One two three.</p>", "<h1>Second</h1><p>Four five.</p>"]
    stream = tmp_path / "pages.jsonl"
    stream.write_text(
        "".join(json.dumps({"id": i, "html": m}) + "\n" for i, m in enumerate(markup)),
        encoding="utf-8",
    )
    argv = ["parse", "--input-format", "jsonl", "--text-field", "html", "--html", str(stream)]
    status = main([*argv, "-j", "2"])
    out, err = capsys.readouterr()
    assert status == 0, err
    records = _records(out)
    assert [r["id"] for r in records] == [0, 1]
    assert [_article(r) for r in records] == [newsparse.parse_html(m) for m in markup]
