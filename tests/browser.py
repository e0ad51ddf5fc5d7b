"""Driving Debian's headless Chromium through Playwright, with no browser download."""

from __future__ import annotations

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
    page.wait_for_function("window.awskg && window.awskg.ready === true", timeout=60_000)
    return opened
