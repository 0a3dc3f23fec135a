"""Every page of the documentation and the README runs as written (see tests/docs_runner.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.docs_runner import check_page, fences, shell_commands

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_runs_as_written(page: Path) -> None:
    failures = check_page(page, ROOT)
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize(
    ("line", "run"),
    [
        pytest.param(
            "python -m pip install -e . && newsparse parse x",
            ["newsparse parse x"],
            id="install-left-out",
        ),
        pytest.param(
            'python -m pip install -e ".[dev]" && python -m pytest', [], id="pytest-left-out"
        ),
        pytest.param("newsparse plugins", ["newsparse plugins"], id="plain"),
    ],
)
def test_shell_commands(line: str, run: list[str]) -> None:
    assert list(shell_commands(line)) == run


def test_fences_are_found_with_their_language_and_skip_marker() -> None:
    page = "text\n```python\nprint(1)\n```\n\n<!-- docs: skip -->\n```sh\nrm -rf /\n```\n"
    found = fences(page)
    assert [(f.lang, f.skip) for f in found] == [("python", False), ("sh", True)]


def test_a_wrong_output_block_is_reported(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```python\nprint(1 + 1)\n```\n\n```output\n3\n```\n", encoding="utf-8")
    assert check_page(page, ROOT)
    page.write_text("```python\nprint(1 + 1)\n```\n\n```output\n2\n```\n", encoding="utf-8")
    assert check_page(page, ROOT) == []


def test_a_title_is_read_from_the_info_string() -> None:
    page = '```toml title="pkg/pyproject.toml"\n[project]\n```\n```python\nx = 1\n```\n'
    assert [f.title for f in fences(page)] == ["pkg/pyproject.toml", None]


WORKDIR_PAGE = """<!-- docs: workdir -->

```text title="notes/hello.txt"
hello
```

```console
$ cat notes/hello.txt && test ! -e pyproject.toml && echo here
hello
here
$ python -c "import sys; print(sys.prefix != sys.base_prefix)"
True
```

```python
print(open("notes/hello.txt").read().strip())
```

```output
hello
```
"""


def test_a_workdir_page_runs_in_its_own_folder_and_environment(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(WORKDIR_PAGE, encoding="utf-8")
    assert check_page(page, ROOT) == []
    assert not (ROOT / "notes").exists()


def test_a_title_outside_the_folder_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text('<!-- docs: workdir -->\n```text title="../x.txt"\nx\n```\n', encoding="utf-8")
    assert check_page(page, ROOT)
    assert not (tmp_path / "x.txt").exists()


def test_without_the_marker_a_title_does_not_write(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text('```text title="written.txt"\nx\n```\n', encoding="utf-8")
    assert check_page(page, ROOT) == []
    assert not (ROOT / "written.txt").exists()


def _signature(function: object) -> str:
    """``name(param: annotation, ...) -> annotation`` as the hooks page writes it."""
    import inspect

    sig = inspect.signature(function)  # type: ignore[arg-type]
    params = ", ".join(f"{p.name}: {p.annotation}" for p in sig.parameters.values())
    return f"{function.__name__}({params}) -> {sig.return_annotation}"  # type: ignore[attr-defined]


def test_the_hooks_page_lists_every_hook_with_its_exact_signature() -> None:
    from newsparse import hookspecs

    page = (ROOT / "docs" / "reference" / "hooks.md").read_text(encoding="utf-8")
    listed = {line[3:-1] for line in page.splitlines() if line.startswith("- `newsparse_")}
    specs = {
        _signature(function)
        for name, function in vars(hookspecs).items()
        if name.startswith("newsparse_") and callable(function)
    }
    assert listed == specs
    for name in (s.split("(")[0] for s in specs):
        assert f"        - {name}\n" in page, f"{name} is not rendered on the hooks page"


def test_the_labels_page_lists_every_label_and_part() -> None:
    from newsparse import Label, Part

    page = (ROOT / "docs" / "reference" / "labels.md").read_text(encoding="utf-8")
    rows = {line.split("`")[1] for line in page.splitlines() if line.startswith("| `")}
    assert rows == {label.value for label in Label} | {part.value for part in Part}


def test_the_api_reference_documents_every_public_name() -> None:
    import newsparse

    pages = "".join(
        (ROOT / "docs" / "reference" / name).read_text(encoding="utf-8")
        for name in ("api.md", "hooks.md")
    )
    missing = [
        name
        for name in newsparse.__all__
        if name != "__version__" and f"::: newsparse.{name}\n" not in pages
    ]
    assert not missing
