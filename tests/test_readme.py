"""The README is checked against the code: the commands and options it shows exist,
the API endpoints it lists are served, the export formats it lists are written, and its
first lines are the commands CI runs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click

from eventwire.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _shell_blocks() -> list[str]:
    return re.findall(r"```bash\n(.*?)```", README, flags=re.DOTALL)


def _command(words: list[str]) -> tuple[click.Command, list[str]]:
    """The click command named by ``eventwire w1 w2 ...`` and the words after it."""
    command: click.Command = main
    rest = words
    while isinstance(command, click.Group) and rest and rest[0] in command.commands:
        command, rest = command.commands[rest[0]], rest[1:]
    return command, rest


def test_every_command_and_option_shown_exists() -> None:
    shown = 0
    for block in _shell_blocks():
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if not line.startswith("eventwire "):
                continue
            words = shlex.split(line)[1:]
            command, rest = _command(words)
            assert command is not main, f"README shows an unknown command: {line}"
            known = {opt for param in command.params for opt in param.opts}
            for word in rest:
                if word.startswith("--"):
                    assert word.split("=")[0] in known, f"{line}: no option {word}"
            shown += 1
    assert shown >= 10


def _generic(path: str) -> str:
    """``/events/{event_id}`` and ``/events/{id}`` name the same route."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def test_every_endpoint_listed_is_served(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from eventwire.api import create_app
    from eventwire.store import Store

    Store(tmp_path / "empty.db").close()
    app = create_app(str(tmp_path / "empty.db"), ingest_token="a-long-enough-secret-token")
    with TestClient(app) as client:
        paths = client.get("/openapi.json").json()["paths"]
    served = {(method.upper(), _generic(path)) for path, ops in paths.items() for method in ops}
    listed = re.findall(r"^\| `(GET|POST) (/[^`?]*)", README, flags=re.MULTILINE)
    extra = re.findall(r"^\| `GET [^`]*`, `(/[^`?]*)`", README, flags=re.MULTILINE)
    assert len(listed) >= 6
    for method, path in listed + [("GET", p) for p in extra]:
        assert (method, _generic(path)) in served, f"README lists {method} {path}, not served"


def test_every_export_format_listed_exists() -> None:
    from eventwire.export import EXPORT_FORMATS

    section = README.split("### Exports", 1)[1].split("###", 1)[0]
    listed = {name for cell in re.findall(r"^\| ((?:`[a-z-]+`(?:, )?)+) \|", section, re.M)
              for name in re.findall(r"`([a-z-]+)`", cell)}  # fmt: skip
    assert listed == set(EXPORT_FORMATS)


def test_first_lines_are_the_two_commands_and_ci_runs_the_tests_the_same_way() -> None:
    first = _shell_blocks()[0].strip().splitlines()
    assert first[0].endswith("eventwire demo")
    assert first[1].endswith("pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet -e '.[test]'" in ci and ci.rstrip().endswith("pytest")
