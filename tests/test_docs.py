"""Docs that cannot drift: every command helped and documented, every export real."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import awskg
from awskg.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_and_is_in_the_readme(name, invoke):
    command = cli.commands[name]
    assert command.help and command.help.strip(), name
    assert f"`awskg {name}" in README or f"awskg --pack DIR {name}" in README, name
    assert invoke(name, "--help").exit_code == 0


def test_every_option_has_help():
    for name, command in cli.commands.items():
        for param in command.params:
            if param.param_type_name == "option":
                assert getattr(param, "help", None), (name, param.name)


def modules():
    yield awskg
    for info in pkgutil.walk_packages(awskg.__path__, "awskg."):
        if not info.name.endswith("__main__"):
            yield importlib.import_module(info.name)


@pytest.mark.parametrize("module", list(modules()), ids=lambda m: m.__name__)
def test_every_module_has_a_docstring_and_an_all_it_defines(module):
    for name in getattr(module, "__all__", []):
        assert hasattr(module, name), f"{module.__name__}.__all__ names missing {name!r}"
    assert module.__doc__, f"{module.__name__} has no docstring"


def test_the_readme_replays_its_examples():
    assert len(readme_sessions()) >= 8


def test_top_level_api_exports_load_the_graph_and_the_errors():
    assert set(awskg.__all__) >= {"load", "KnowledgeGraph", "AwskgError", "PackError", "UnknownName", "NoPath"}


READ_ONLY = {"ask", "relate", "search", "show", "tour", "stats", "list", "neighbors", "compare", "relations"}


def readme_sessions() -> list[tuple[str, list[str]]]:
    """Each `$ awskg ...` in the README's console blocks, with the output shown under it."""
    sessions, current = [], None
    in_console = False
    for line in README.splitlines():
        if line.startswith("```"):
            in_console = line == "```console"
            current = None
            continue
        if not in_console:
            continue
        if line.startswith("$ "):
            current = (line[2:], [])
            sessions.append(current)
        elif current is not None:
            current[1].append(line)
    # only the read-only commands are replayed: the others write files or read a terminal
    return [
        (cmd, out)
        for cmd, out in sessions
        if cmd.startswith("awskg ") and READ_ONLY & set(cmd.split()) and "|" not in cmd
    ]


@pytest.mark.parametrize("command, shown", readme_sessions(), ids=lambda v: v if isinstance(v, str) else "")
def test_readme_sessions_match_the_commands_output(command, shown, invoke):
    import shlex

    args = shlex.split(command)[1:]
    while shown and not shown[-1]:
        shown.pop()
    actual = invoke(*args).stdout.splitlines()
    if "..." in shown or any(line.endswith("...") for line in shown):
        # an elided example: every line shown must appear, in order
        position = 0
        for line in shown:
            if line.strip() == "..." or line.endswith("..."):
                continue
            position = actual.index(line, position) + 1
    else:
        assert actual == shown
