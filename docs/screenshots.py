"""Remake the README's pictures of the map: the phone view, a relate view, a compare view.

    python docs/screenshots.py

Not a test: it writes docs/phone.png, docs/relate.png and docs/compare.png with
Debian's headless Chromium (as the browser tests use it).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import awskg  # noqa: E402
from awskg.explorer.view import select  # noqa: E402
from awskg.exports.html import render_html  # noqa: E402


def main() -> None:
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_FLAGS, chromium_path, open_map

    kg = awskg.load()
    page_file = Path(tempfile.mkdtemp()) / "map.html"
    page_file.write_text(render_html(kg, select(kg)), "utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        page = open_map(context, page_file, width=390, height=844).page
        page.click("#start-dismiss")
        page.evaluate("awskg.select('availability-zone', {animate: false})")
        page.wait_for_timeout(400)
        page.screenshot(path=str(HERE / "phone.png"))
        context.close()
        for name, call in (
            ("relate", "awskg.showRelate('route-53', 'subnet')"),
            ("compare", "awskg.showCompare('alb', 'nlb')"),
        ):
            context = browser.new_context(viewport={"width": 1280, "height": 720})
            page = open_map(context, page_file, width=1280, height=720).page
            page.click("#start-dismiss")
            page.evaluate(call)
            page.wait_for_timeout(400)
            page.screenshot(path=str(HERE / f"{name}.png"))
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
