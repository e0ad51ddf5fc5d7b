"""Driving Debian's headless Chromium through Playwright, with no browser download."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """Debian's Chromium; when missing, a failure in CI and a skip elsewhere."""
    found = os.environ.get("AWSKG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    message = "Chromium not found: apt-get install chromium (.ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class Opened:
    """A loaded page and what it did while loading."""

    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    first_view: dict | None = None


def open_map(browser, path: Path | str, *, width: int = 1440, height: int = 900) -> Opened:
    """Open a map (a file, or a file:// URL with a hash) in a browser or a browser context."""
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": height})
    opened = Opened(page)
    page.on("request", lambda r: opened.requests.append(r.url))
    page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: opened.errors.append(str(e)))

    def on_dialog(dialog):
        opened.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path if isinstance(path, str) else path.resolve().as_uri())
    wait_ready(page)
    return opened


def wait_ready(page) -> None:
    """Wait until the page (after a load or a reload) is stabilised and interactive."""
    page.wait_for_function("window.awskg && window.awskg.ready === true", timeout=60_000)


def evaluate_json(page, expression: str, arg=None):
    """``page.evaluate`` for a large JSON answer: serialised once in the page, parsed here.

    Playwright's own transfer of a deep result costs seconds for thousands of
    answers; ``JSON.stringify`` costs milliseconds. The replacer refuses what JSON
    would silently change (``undefined`` dropped, ``NaN`` made null), so the
    answer compared is exactly the one the page computed.
    """
    text = page.evaluate(
        f"""(arg) => JSON.stringify(({expression})(arg), (key, value) => {{
              if (value === undefined || (typeof value === 'number' && !Number.isFinite(value)))
                throw new Error(`not JSON at ${{JSON.stringify(key)}}: ${{String(value)}}`);
              return value; }})""",
        arg,
    )
    return json.loads(text)


def node_centre(page, node: str) -> tuple[float, float]:
    """Where a concept is drawn, in page pixels (to click or hover it)."""
    return tuple(
        page.evaluate(
            """(id) => {
              const net = awskg.network; const p = net.canvasToDOM(net.getPositions([id])[id]);
              const box = document.getElementById('graph').getBoundingClientRect();
              return [box.left + p.x, box.top + p.y];
            }""",
            node,
        )
    )


FIRST_VIEW = "() => ({position: awskg.network.getViewPosition(), scale: awskg.network.getScale()})"


#: Resolves once the view has stayed put for three frames in a row (two seconds at most).
SETTLED = """() => new Promise((done) => {
  let last = "", still = 0, frames = 0;
  const look = () => {
    const now = JSON.stringify([awskg.network.getViewPosition(), awskg.network.getScale()]);
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= 3 || ++frames > 120) { done(); } else { requestAnimationFrame(look); }
  };
  requestAnimationFrame(look);
})"""


def restore(opened: Opened, view: dict) -> None:
    """Put a shared page back as it loaded: nothing selected, English, every filter on, the first view."""
    page = opened.page
    page.evaluate(
        """() => {
             awskg.clear(); awskg.setLang('en');
             document.querySelectorAll('#kind-filters input:not(:checked), #relation-filters input:not(:checked)')
               .forEach((box) => box.click());
             document.getElementById('search').value = ''; }"""
    )
    # A test may have started an animated focus or fit that vis-network has not drawn a
    # step of yet (on a busy machine): such an animation survives a moveTo and lands after
    # it. So the view is put back, the page left to settle, and looked at again, until it
    # stays (a few rounds at most).
    for _ in range(5):
        page.evaluate(SETTLED)
        page.evaluate("(view) => awskg.network.moveTo({...view, animation: false})", view)
        page.evaluate(SETTLED)
        now = page.evaluate(FIRST_VIEW)
        if [now["position"]["x"], now["position"]["y"], now["scale"]] == pytest.approx(
            [view["position"]["x"], view["position"]["y"], view["scale"]]
        ):
            break
    assert [now["position"]["x"], now["position"]["y"], now["scale"]] == pytest.approx(
        [view["position"]["x"], view["position"]["y"], view["scale"]]
    ), (now, view)
