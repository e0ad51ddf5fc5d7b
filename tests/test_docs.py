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
def test_all_is_honest(module):
    for name in getattr(module, "__all__", []):
        assert hasattr(module, name), f"{module.__name__}.__all__ names missing {name!r}"
    assert module.__doc__, f"{module.__name__} has no docstring"


def test_top_level_api():
    assert set(awskg.__all__) >= {"load", "KnowledgeGraph", "AwskgError", "PackError", "UnknownName", "NoPath"}
