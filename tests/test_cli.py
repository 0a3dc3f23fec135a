from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

from newsparse import Article, __version__
from newsparse.cli import main
from tests.conftest import SEEDS

SEED = SEEDS / "harbour-ferry.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsparse", *args], input=stdin, capture_output=True, check=False
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsparse {__version__}"


def test_parse_json_has_the_path_and_an_article_that_reads_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", str(SEED)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["path"] == str(SEED)
    article = Article.from_dict(record["article"])
    assert article.source == SEED.read_text(encoding="utf-8")


def test_jsonl_writes_one_line_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--format", "jsonl", str(SEED), str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["path"] for line in lines] == [str(SEED), str(SEED)]


def test_text_format_is_an_outline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--format", "text", "--no-extractors", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"== {SEED}\n")
    assert "body (" in out


def test_stdin_is_read_for_dash() -> None:
    done = run("parse", "--format", "jsonl", "-", stdin=b"Headline\n\nA body line.\n")
    assert done.returncode == 0
    assert json.loads(done.stdout)["path"] == "-"


def test_unreadable_input_exits_1_and_still_parses_the_others(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok \xff")
    done = run("parse", "--format", "jsonl", str(tmp_path / "absent.txt"), str(bad), str(SEED))
    assert done.returncode == 1
    assert [json.loads(line)["path"] for line in done.stdout.splitlines()] == [str(SEED)]
    errors = done.stderr.decode()
    assert "absent.txt" in errors
    assert "byte offset 3" in errors


def test_replace_errors_parses_bad_utf8(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok \xff")
    done = run("parse", "--replace-errors", "--format", "jsonl", str(bad))
    assert done.returncode == 0
    assert json.loads(done.stdout)["article"]["problems"][0]["kind"] == "decode"


@pytest.mark.parametrize(
    "args",
    [
        pytest.param([], id="no-command"),
        pytest.param(["parse"], id="no-file"),
        pytest.param(["parse", "--format", "xml", "x"], id="bad-format"),
        pytest.param(["parse", "--extractors", "nope", str(SEED)], id="unknown-extractor"),
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr


def test_plugins_lists_the_built_in_extractors() -> None:
    done = run("plugins", "--format", "json")
    assert done.returncode == 0
    names = [row["name"] for row in json.loads(done.stdout)]
    assert {"quotes", "numbers", "places"} <= set(names)


def test_a_closed_pipe_is_not_an_error() -> None:
    command = f"{sys.executable} -m newsparse parse --format text {SEED} {SEED} {SEED} | head -c 10"
    done = subprocess.run(command, shell=True, capture_output=True, check=False)
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        pytest.param(["--max-bytes", "10", str(SEED)], None, id="file"),
        pytest.param(["--max-bytes", "10", "-"], b"x" * 11, id="stdin"),
        pytest.param(["--max-bytes", "1K", "-j", "2", str(SEED)], None, id="batch"),
    ],
)
def test_inputs_over_max_bytes_are_refused_with_a_message(
    args: list[str], stdin: bytes | None
) -> None:
    done = run("parse", "--format", "jsonl", *args, stdin=stdin)
    assert done.returncode == 1
    assert b"more than the limit of" in done.stderr
    assert b"--max-bytes" in done.stderr


@pytest.mark.parametrize("size", ["0", "ten", "-5", "5X"])
def test_max_bytes_needs_a_size(size: str) -> None:
    done = run("parse", "--max-bytes", size, str(SEED))
    assert done.returncode == 2


def test_parse_is_the_same_in_a_fresh_process() -> None:
    here = Article.from_dict(
        json.loads(run("parse", "--format", "jsonl", str(SEED)).stdout)["article"]
    )
    again = Article.from_dict(
        json.loads(run("parse", "--format", "jsonl", str(SEED)).stdout)["article"]
    )
    from newsparse import parse_file

    assert here == again == parse_file(SEED)
