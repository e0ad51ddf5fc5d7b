"""Regenerate docs/notebook.png: docs/map.ipynb run by Jupyter, rendered by nbconvert, shot by Chromium.

    pip install -e '.[test]' nbconvert
    JUPYTER_PLATFORM_DIRS=1 python docs/notebook_screenshot.py

nbconvert is needed only here, not by the tests. Chromium is Debian's
(``/usr/bin/chromium``, or ``$AWSKG_CHROMIUM``), driven by Playwright.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def main() -> None:
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter
    from playwright.sync_api import sync_playwright

    notebook = nbformat.read(DOCS / "map.ipynb", as_version=4)
    notebook.cells = notebook.cells[:2]  # the title and the first map: what the README shows
    with tempfile.TemporaryDirectory(prefix="awskg-notebook-") as scratch:
        NotebookClient(
            notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": scratch}}
        ).execute()
        body, _ = HTMLExporter(template_name="lab").from_notebook_node(notebook)
        page_file = Path(scratch) / "map.html"
        page_file.write_text(body, "utf-8")
        chromium = os.environ.get("AWSKG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
            page = browser.new_page(viewport={"width": 1400, "height": 960}, device_scale_factor=1)
            page.goto(page_file.as_uri())
            frame = page.frame_locator("iframe[title='awskg map']")
            frame.locator("body").wait_for()
            map_frame = next(f for f in page.frames if f != page.main_frame)
            map_frame.wait_for_function("window.awskg && window.awskg.ready", timeout=60_000)
            map_frame.evaluate("window.awskg.select('fargate', {animate: false})")
            page.wait_for_timeout(500)
            page.screenshot(path=str(DOCS / "notebook.png"), full_page=False)
            browser.close()
    print(f"wrote {DOCS / 'notebook.png'}")


if __name__ == "__main__":
    main()
