"""Docs that cannot drift: every command helped and documented, every export real."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from docs_examples import actual, matches, replayed

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
    assert module.__doc__, f"{module.__name__} has no docstring"
    if module.__name__ == "awskg.cli":  # the command group: its commands are its interface, not names
        return
    assert hasattr(module, "__all__"), f"{module.__name__} declares no __all__"
    for name in module.__all__:
        assert hasattr(module, name), f"{module.__name__}.__all__ names missing {name!r}"


def test_the_readme_and_the_docs_replay_their_examples():
    pages = {example.page.name for example in replayed()}
    assert len(replayed()) >= 8 and {"README.md", "terminal.md"} <= pages


def test_top_level_api_exports_load_the_graph_and_the_errors():
    assert set(awskg.__all__) >= {"load", "KnowledgeGraph", "AwskgError", "PackError", "UnknownName", "NoPath"}


@pytest.mark.parametrize("example", replayed(), ids=lambda e: e.name())
def test_every_console_example_in_the_readme_and_docs_is_the_commands_output(example):
    assert matches(example, actual(example.command)), (
        f"{example.name()} shows another output: rewrite it with `python tests/docs_examples.py --write`"
    )


def test_the_examples_rewrite_themselves_from_the_real_output(tmp_path, monkeypatch, capsys):
    import docs_examples

    page = tmp_path / "page.md"
    page.write_text("x\n```console\n$ awskg search 로드\nstale\n\n$ awskg tour\nnot there\n...\n```\n", "utf-8")
    monkeypatch.setattr(docs_examples, "ROOT", tmp_path)
    monkeypatch.setattr(docs_examples, "PAGES", [page])
    assert docs_examples.main(write=True) == 1  # the elided one is left for a person
    fresh, elided = docs_examples.examples(page)
    assert fresh.shown == actual("awskg search 로드") and elided.shown == ["not there", "..."]
    assert capsys.readouterr().out.splitlines() == [
        "rewrote page.md:3: $ awskg search 로드",
        "differs: page.md:6: $ awskg tour (elided: edit it by hand)",
    ]
    assert docs_examples.main(write=False) == 1


def test_the_readmes_first_screen_is_the_learners_and_its_two_commands_stay():
    first_screen = "\n".join(README.splitlines()[:70])
    for needed in (
        "pip install . && awskg check && awskg html",  # the set-up command
        "pip install -e '.[test]' && pytest",  # the test command, run verbatim by .ci/run
        "python3 -m venv",
        "pipx install",
        "externally-managed-environment",
        "awskg html --open",
        '$ awskg ask "how does Fargate relate to EKS"',
        '$ awskg ask "Fargate와 EKS는 어떤 관계야?"',  # Hangul: answered in Korean without --lang
        "awskg tour",
        "awskg quiz",
        "awskg learn",
        "(docs/terminal.md)",
        "(docs/page.md)",
        "(docs/exports.md)",
        "(docs/performance.md)",
        "(docs/development.md)",
    ):
        assert needed in first_screen, needed
    assert len(README.splitlines()) < 350
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text("utf-8")
    assert "\npip install -e '.[test]' && pytest\n" in ci


def test_every_page_the_docs_link_to_exists():
    root = Path(__file__).resolve().parents[1]
    for page in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#:]+)\)", page.read_text("utf-8")):
            assert (page.parent / target).exists(), f"{page.name} links to {target}, which is missing"
