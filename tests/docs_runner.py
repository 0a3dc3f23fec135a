"""Run the code blocks of Markdown pages and compare what they print with what the page shows.

The rules a page follows:

* A ``python`` fence runs in a namespace shared by the page's fences, top to bottom, with the
  project root as working directory.  When the next fence is an ``output`` fence, what the code
  printed must equal it.
* A ``console`` fence holds ``$ command`` lines, each followed by the output it must print.
* A ``sh`` fence holds commands that must succeed (exit 0); their output is not compared.
* Installation commands (``pip install ...``) are not run again: the suite runs in the
  environment they build.  ``python -m pytest`` is not run from inside the suite.
* ``<!-- docs: skip -->`` on the line before a fence leaves that fence out.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs

FENCE = re.compile(
    r"^(?P<indent> {0,3})```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
    re.M | re.S,
)
NOT_RUN = re.compile(r"^\s*(python(3)? -m )?pip install\b|^\s*python(3)? -m pytest\b")


@attrs.frozen
class Fence:
    lang: str
    body: str
    line: int
    skip: bool


def fences(markdown: str) -> list[Fence]:
    found = []
    for match in FENCE.finditer(markdown):
        before = markdown[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        found.append(
            Fence(
                lang=match["lang"],
                body=match["body"],
                line=markdown.count("\n", 0, match.start()) + 1,
                skip="docs: skip" in before,
            )
        )
    return found


def shell_commands(line: str) -> Iterator[str]:
    """The parts of a ``&&`` chain that the suite runs (installs and pytest are left out)."""
    for part in line.split("&&"):
        if part.strip() and not NOT_RUN.search(part):
            yield part.strip()


def run_shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, capture_output=True, text=True, env=env, timeout=300
    )


def check_page(path: Path, root: Path) -> list[str]:
    """Run a page; return a list of failures (empty when every block did what it shows)."""
    failures: list[str] = []
    page = fences(path.read_text(encoding="utf-8"))
    namespace: dict[str, object] = {"__name__": f"docs:{path.name}"}
    old_cwd = os.getcwd()
    os.chdir(root)
    try:
        for index, fence in enumerate(page):
            if fence.skip:
                continue
            where = f"{path.name}:{fence.line}"
            if fence.lang == "python":
                out = io.StringIO()
                try:
                    with contextlib.redirect_stdout(out):
                        exec(compile(fence.body, where, "exec"), namespace)
                except Exception as exc:
                    failures.append(f"{where}: raised {type(exc).__name__}: {exc}")
                    continue
                following = page[index + 1] if index + 1 < len(page) else None
                if (
                    following is not None
                    and following.lang == "output"
                    and out.getvalue().rstrip() != following.body.rstrip()
                ):
                    failures.append(
                        f"{where}: printed\n{out.getvalue()}\nbut the page shows\n{following.body}"
                    )
            elif fence.lang == "console":
                failures.extend(_check_console(fence, where, root))
            elif fence.lang in ("sh", "bash", "shell"):
                for line in fence.body.splitlines():
                    for command in shell_commands(line):
                        done = run_shell(command, root)
                        if done.returncode != 0:
                            failures.append(
                                f"{where}: `{command}` exited {done.returncode}: {done.stderr[-500:]}"
                            )
    finally:
        os.chdir(old_cwd)
    return failures


def _check_console(fence: Fence, where: str, root: Path) -> list[str]:
    failures = []
    blocks = re.split(r"^\$ ", fence.body, flags=re.M)
    for block in blocks[1:]:
        command, _, expected = block.partition("\n")
        runnable = list(shell_commands(command))
        if not runnable:
            continue
        done = run_shell(" && ".join(runnable), root)
        shown = done.stdout + (done.stderr if expected and done.returncode else "")
        if shown.rstrip() != expected.rstrip():
            failures.append(
                f"{where}: `{command}` printed\n{shown}\nbut the page shows\n{expected}"
            )
    return failures


if __name__ == "__main__":
    problems = [f for page in sys.argv[1:] for f in check_page(Path(page), Path.cwd())]
    print("\n\n".join(problems) or "ok")
    sys.exit(1 if problems else 0)
