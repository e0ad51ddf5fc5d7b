"""The map in Jupyter: a notebook run by nbclient on a real IPython kernel shows it inline."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

import awskg
from awskg.notebook import SRCDOC_BASE

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.fixture(autouse=True)
def _jupyter_paths(monkeypatch, tmp_path):
    # jupyter_core warns (an error here) unless told to use platformdirs; keep its runtime files in tmp
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))


def run(notebook, folder: Path):
    from nbclient import NotebookClient

    NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    return notebook


def page_in(output: dict) -> str:
    """The page inside a Map's iframe, as the browser reads the srcdoc attribute."""
    shown = output["data"]["text/html"]
    found = re.fullmatch(r'<iframe srcdoc="([^"]*)" title="awskg map" sandbox="[^"]*" style="[^"]*"></iframe>', shown)
    assert found, shown[:200]
    return html.unescape(found.group(1))


def test_a_one_cell_notebook_shows_the_map(tmp_path):
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell('import awskg\nawskg.map_of(awskg.load(), focus="Fargate")')]
    run(notebook, tmp_path)
    (output,) = notebook.cells[0].outputs
    assert output["output_type"] == "execute_result"
    assert output["data"]["text/plain"].startswith("<awskg.Map: ") and "around fargate" in output["data"]["text/plain"]
    page = page_in(output)
    kg = awskg.load()
    # the page awskg html writes, with one <base> so that its URL fragment works inside the iframe
    assert page == awskg.map_of(kg, focus="Fargate").srcdoc
    assert page.replace("\n" + SRCDOC_BASE, "", 1) == awskg.map_of(kg, focus="Fargate").html
    assert page.lower().startswith("<!doctype html>") and "vis-network" in page
    assert '"fargate"' in page and "Fargate" in page
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?:", page), "the page must need no network"


def test_the_example_notebook_runs(tmp_path):
    import nbformat

    notebook = nbformat.read(DOCS / "map.ipynb", as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), "stored with outputs"
    run(notebook, tmp_path)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(output["output_type"] != "error" for cell in code for output in cell.outputs)
    maps = [o for cell in code for o in cell.outputs if "text/html" in o.get("data", {})]
    assert len(maps) == 2
    assert '<html lang="ko">' in page_in(maps[1]) and '<html lang="en">' in page_in(maps[0])
    assert "Fargate is used by EKS" in code[-1].outputs[0]["data"]["text/plain"]


def test_save_writes_what_awskg_html_writes(invoke, tmp_path):
    by_command = tmp_path / "command.html"
    assert invoke("html", "-o", str(by_command), "--focus", "Fargate", "--kind", "service").exit_code == 0
    saved = awskg.map_of(awskg.load(), focus="Fargate", kinds="service").save(tmp_path / "saved.html")
    assert saved.read_bytes() == by_command.read_bytes()


def test_map_repr_and_slicing():
    kg = awskg.load()
    m = awskg.map_of(kg, path=("Route 53", "ALB"), lang="ko")
    assert repr(m).startswith("<awskg.Map: ") and "paths route-53 → alb" in repr(m) and "lang='ko'" in repr(m)
    assert m.view.highlight_edges and "route-53" in m.nodes
    with pytest.raises(awskg.UnknownName):
        awskg.map_of(kg, kinds=["no-such-kind"])


@pytest.mark.browser
def test_the_map_works_inside_the_notebook_iframe(browser, tmp_path):
    """In the sandboxed srcdoc iframe the page loads offline, selects and keeps the selection in its URL."""
    wrapper = tmp_path / "notebook.html"
    wrapper.write_text(
        f"<!doctype html><body>{awskg.map_of(awskg.load(), focus='Fargate')._repr_html_()}</body>", "utf-8"
    )
    page = browser.new_page()
    errors, requests = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(wrapper.as_uri())
    page.locator("iframe[title='awskg map']").wait_for()
    frame = next(f for f in page.frames if f != page.main_frame)
    frame.wait_for_function("window.awskg && window.awskg.ready", timeout=60_000)
    frame.evaluate("window.awskg.select('eks', {animate: false})")
    assert frame.evaluate("window.awskg.selected()") == "eks"
    assert "node=eks" in frame.evaluate("location.hash")
    assert frame.evaluate("window.origin") == "null", "the iframe must be sandboxed away from the notebook"
    assert errors == []
    assert all(not url.startswith("http") for url in requests)
    page.close()


@pytest.mark.browser
def test_in_the_sandbox_progress_lives_in_memory_and_the_start_card_shows_once(browser, tmp_path):
    from awskg import notebook

    notebook._started["shown"] = False  # a fresh kernel
    kg = awskg.load()
    first, second = awskg.map_of(kg)._repr_html_(), awskg.map_of(kg)._repr_html_()
    wrapper = tmp_path / "notebook.html"
    wrapper.write_text(f"<!doctype html><body>{first}{second}</body>", "utf-8")
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(wrapper.as_uri())
    frames = []
    while len(frames) < 2:
        page.wait_for_timeout(100)
        frames = [f for f in page.frames if f != page.main_frame]
    for frame in frames:
        frame.wait_for_function("window.awskg && window.awskg.ready", timeout=60_000)
        assert (
            frame.evaluate("(() => { try { return localStorage.length >= 0; } catch (e) { return 'refused'; } })()")
            == "refused"
        )
    shown, again = frames
    assert shown.is_visible("#start-card") and again.is_hidden("#start-card")  # once per kernel session
    shown.evaluate("awskg.mark('vpc', 'done'); awskg.tour('running-containers-on-aws', 0); awskg.nextStop()")
    shown.evaluate("awskg.startQuiz(3); awskg.answer(awskg.quizState().options[0].id)")
    marks = shown.evaluate("awskg.progress()")
    assert marks["vpc"] == "done" and len(marks) >= 2  # kept in memory
    assert shown.text_content("#progress-count").startswith("1 done")
    assert errors == []
    page.close()
