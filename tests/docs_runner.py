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
* Shell commands find the checkout's ``src`` first on ``PYTHONPATH``, so the pages describe the
  code beside them, not another installed copy.

A page that builds something of its own (the plugin tutorial) says ``<!-- docs: workdir -->``
on a line of its own.  Such a page runs somewhere a reader's empty folder would be:

* Its fences run in a fresh temporary directory, not the project root.
* A fence whose info string has ``title="path/to/file"`` is written to that file there
  (folders made as needed) and not run: it is the file the reader is told to create.
* Its shell commands run inside a throwaway virtual environment made with
  ``--system-site-packages`` (so newsparse and its dependencies are importable and nothing is
  downloaded but a build backend), with a ``newsparse`` command of its own, and with
  entry-point plugins loaded as on a reader's machine.  There, ``pip install`` and
  ``python -m pytest`` *do* run: they install and test the page's own distribution.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import tempfile
import venv
from collections.abc import Iterator
from pathlib import Path

import attrs

FENCE = re.compile(
    r"^(?P<indent> {0,3})```(?P<lang>[\w-]*)(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
    re.M | re.S,
)
TITLE = re.compile(r"""\btitle=(?:"([^"]*)"|'([^']*)'|(\S+))""")
WORKDIR = re.compile(r"^<!-- docs: workdir -->[ \t]*$", re.M)
NOT_RUN = re.compile(r"^\s*(python(3)? -m )?pip install\b|^\s*python(3)? -m pytest\b")


@attrs.frozen
class Fence:
    lang: str
    body: str
    line: int
    skip: bool
    title: str | None = None


def fences(markdown: str) -> list[Fence]:
    found = []
    for match in FENCE.finditer(markdown):
        before = markdown[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        title = TITLE.search(match["info"])
        found.append(
            Fence(
                lang=match["lang"],
                body=match["body"],
                line=markdown.count("\n", 0, match.start()) + 1,
                skip="docs: skip" in before,
                title=next(g for g in title.groups() if g is not None) if title else None,
            )
        )
    return found


def shell_commands(line: str) -> Iterator[str]:
    """The parts of a ``&&`` chain that the suite runs (installs and pytest are left out)."""
    for part in line.split("&&"):
        if part.strip() and not NOT_RUN.search(part):
            yield part.strip()


@attrs.define
class Shell:
    """Where a page's shell commands run: the project root, or a workdir page's folder and
    throwaway virtual environment (made on first use)."""

    root: Path
    cwd: Path
    isolated: bool = False
    _venv: Path | None = None

    def env(self) -> dict[str, str]:
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
        src = str(self.root / "src")
        if not self.isolated:
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
            return env
        env["PYTHONPATH"] = src
        for name in ("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", "NEWSPARSE_PLUGINS", "PYTHONHOME"):
            env.pop(name, None)
        bin_dir = self._make_venv()
        env["VIRTUAL_ENV"] = str(bin_dir.parent)
        env["PATH"] = os.pathsep.join([str(bin_dir), env.get("PATH", "")])
        env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        return env

    def _make_venv(self) -> Path:
        if self._venv is None:
            home = self.cwd.parent / "venv"
            venv.create(home, system_site_packages=True, with_pip=True, symlinks=True)
            bin_dir = home / "bin"
            launcher = bin_dir / "newsparse"
            launcher.write_text(
                f"#!{bin_dir / 'python'}\n"
                "import sys\nfrom newsparse.cli import main\nsys.exit(main())\n",
                encoding="utf-8",
            )
            launcher.chmod(0o755)
            self._venv = bin_dir
        return self._venv

    def run(self, command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-c", command],
            cwd=self.cwd,
            capture_output=True,
            text=True,
            env=self.env(),
            timeout=300,
        )

    def commands(self, line: str) -> list[str]:
        """What runs of one command line (in a workdir page, all of it, as one command)."""
        if self.isolated:
            return [line.strip()] if line.strip() else []
        return list(shell_commands(line))


def run_shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return Shell(root=cwd, cwd=cwd).run(command)


def check_page(path: Path, root: Path) -> list[str]:
    """Run a page; return a list of failures (empty when every block did what it shows)."""
    text = path.read_text(encoding="utf-8")
    if WORKDIR.search(text):
        with tempfile.TemporaryDirectory(prefix="newsparse-docs-") as tmp:
            work = Path(tmp) / "work"
            work.mkdir()
            return _check(path, text, Shell(root=root, cwd=work, isolated=True))
    return _check(path, text, Shell(root=root, cwd=root))


def _check(path: Path, text: str, shell: Shell) -> list[str]:
    failures: list[str] = []
    page = fences(text)
    namespace: dict[str, object] = {"__name__": f"docs:{path.name}"}
    old_cwd = os.getcwd()
    os.chdir(shell.cwd)
    try:
        for index, fence in enumerate(page):
            if fence.skip:
                continue
            where = f"{path.name}:{fence.line}"
            if fence.title is not None and shell.isolated:
                target = (shell.cwd / fence.title).resolve()
                if not target.is_relative_to(shell.cwd.resolve()):
                    failures.append(f"{where}: title {fence.title!r} is outside the folder")
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(fence.body, encoding="utf-8")
                continue
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
                failures.extend(_check_console(fence, where, shell))
            elif fence.lang in ("sh", "bash", "shell"):
                for line in fence.body.splitlines():
                    for command in shell.commands(line):
                        done = shell.run(command)
                        if done.returncode != 0:
                            failures.append(
                                f"{where}: `{command}` exited {done.returncode}: "
                                f"{(done.stdout + done.stderr)[-800:]}"
                            )
    finally:
        os.chdir(old_cwd)
    return failures


def _check_console(fence: Fence, where: str, shell: Shell) -> list[str]:
    failures = []
    blocks = re.split(r"^\$ ", fence.body, flags=re.M)
    for block in blocks[1:]:
        command, _, expected = block.partition("\n")
        runnable = shell.commands(command)
        if not runnable:
            continue
        done = shell.run(" && ".join(runnable))
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
