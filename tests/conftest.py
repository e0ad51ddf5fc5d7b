"""Shared fixtures: the built-in graph, a CLI runner that refuses tracebacks, pack builders."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import awskg
from awskg.cli import cli
from awskg.graph.vocabulary import SCHEMAS

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def kg() -> awskg.KnowledgeGraph:
    return awskg.load()


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole run (a failure in CI if it is missing)."""
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_FLAGS, chromium_path

    executable = chromium_path()
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def falkordb(tmp_path_factory):
    """One FalkorDB server for the whole run (a failure in CI if it is missing), stopped at the end."""
    from falkor import falkordb_server

    with falkordb_server(tmp_path_factory.mktemp("falkordb")) as db:
        yield db


@pytest.fixture(scope="session")
def builtin_map(tmp_path_factory) -> Path:
    """The built-in graph's page, rendered once for the browser tests."""
    from awskg.explorer.view import select
    from awskg.exports.html import render_html

    kg = awskg.load()
    path = tmp_path_factory.mktemp("map") / "map.html"
    path.write_text(render_html(kg, select(kg)), "utf-8")
    return path


@pytest.fixture(scope="module")
def shared_map(browser, builtin_map, request):
    """One loaded built-in map per module, for the tests that only read or put it back.

    The module's ``MAP_VIEWPORT`` (width, height) sizes it; 1440 × 900 otherwise.
    Tests take it through ``shown``, which restores the page after each of them.
    """
    from browser import FIRST_VIEW, open_map

    width, height = getattr(request.module, "MAP_VIEWPORT", (1440, 900))
    opened = open_map(browser, builtin_map, width=width, height=height)
    opened.page.evaluate("awskg.showAll()")  # these tests read the whole map, not the overview
    opened.first_view = opened.page.evaluate(FIRST_VIEW)
    yield opened
    opened.page.close()


@pytest.fixture
def shown(shared_map):
    """The module's shared map; afterwards it is put back as it loaded, and must have logged no error."""
    from browser import restore

    yield shared_map
    restore(shared_map, shared_map.first_view)
    assert shared_map.errors == [] and shared_map.dialogs == []


@pytest.fixture
def invoke() -> Callable[..., Result]:
    """Run ``awskg ARGS``; fail the test if anything but a clean exit happened.

    Exit code 1 means "bad pack" or "no path" here, and click also reports an
    uncaught exception as exit 1, so every call asserts no exception escaped.
    """

    def run(*args: str, input: str | None = None) -> Result:
        result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"awskg {' '.join(args)} raised {result.exception!r}") from result.exception
        assert "Traceback" not in result.output
        return result

    return run


@pytest.fixture
def run_json(invoke) -> Callable[..., object]:
    """Run a command with ``--json`` appended, assert exit 0, return the parsed stdout."""

    def run(*args: str) -> object:
        result = invoke(*args, "--json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    return run


@pytest.fixture
def make_pack(tmp_path: Path) -> Callable[..., Path]:
    """Write a pack folder from lists of rows (header added from the schema)."""

    def make(name: str = "pack", **tables: list[list[str]] | str) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        for table in ("nodes", "edges"):
            tables.setdefault(table, [])
        for table, rows in tables.items():
            schema = SCHEMAS[table]
            if isinstance(rows, str):
                text = rows
            else:
                # rows may leave out the optional columns at the end of the schema
                width = max((len(row) for row in rows), default=len(schema.columns))
                lines = [",".join(schema.columns[:width])] + [",".join(_quote(v) for v in row) for row in rows]
                text = "\n".join(lines) + "\n"
            (folder / schema.filename).write_text(text, encoding="utf-8")
        return folder

    return make


def _quote(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n') else value
