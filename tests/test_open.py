"""``awskg html --open``: the page is written, its file:// URL printed, then handed to the browser.

Each run is the installed ``awskg`` in a subprocess, because :mod:`webbrowser`
reads ``BROWSER`` once per process. The "browser" is a script that records the
argument it was given.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

AWSKG = Path(sys.executable).with_name("awskg")


def run(tmp_path: Path, *args: str, browser: Path | None) -> subprocess.CompletedProcess[str]:
    """``awskg ARGS`` in ``tmp_path`` with no display and, unless given, no browser to be found."""
    env = {k: v for k, v in os.environ.items() if k not in ("BROWSER", "DISPLAY", "WAYLAND_DISPLAY")}
    env["PATH"] = str(AWSKG.parent)  # no console browser (lynx, w3m, www-browser) on it either
    if browser is not None:
        env["BROWSER"] = str(browser)
    return subprocess.run([str(AWSKG), *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def browser(tmp_path: Path) -> Path:
    """A BROWSER that writes its arguments to ``opened.txt`` next to it."""
    script = tmp_path / "fake-browser"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{tmp_path / "opened.txt"}"\n', "utf-8")
    script.chmod(0o755)
    return script


def test_html_open_hands_the_written_page_to_browser(tmp_path, browser):
    result = run(tmp_path, "html", "--focus", "Fargate", "-o", "map.html", "--open", browser=browser)
    page = tmp_path / "map.html"
    url = page.resolve().as_uri()
    assert result.returncode == 0, result.stderr
    wrote, printed = result.stdout.splitlines()
    assert wrote.startswith("wrote map.html: ") and printed == url
    assert (tmp_path / "opened.txt").read_text("utf-8") == url + "\n"
    assert page.read_text("utf-8").lower().startswith("<!doctype html>")
    assert result.stderr == ""


def test_without_a_browser_the_page_is_written_the_url_printed_and_the_exit_is_0(tmp_path):
    result = run(tmp_path, "html", "--open", browser=None)
    url = (tmp_path / "awskg-map.html").resolve().as_uri()
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == url
    assert result.stderr == "No web browser found: open the address above in one.\n"
    assert (tmp_path / "awskg-map.html").stat().st_size > 0
    korean = run(tmp_path, "--lang", "ko", "html", "--open", browser=tmp_path / "no-such-browser")
    assert korean.returncode == 0 and korean.stdout.splitlines()[-1] == url
    assert korean.stderr == "웹 브라우저를 찾지 못했습니다. 위 주소를 브라우저에서 열어 주세요.\n"


def test_export_html_open_opens_it_too_and_other_formats_refuse_open(tmp_path, browser):
    result = run(tmp_path, "export", "--format", "html", "-o", "page.html", "--open", browser=browser)
    url = (tmp_path / "page.html").resolve().as_uri()
    assert result.returncode == 0 and result.stdout.splitlines()[-1] == url
    assert (tmp_path / "opened.txt").read_text("utf-8") == url + "\n"
    refused = run(tmp_path, "export", "--format", "json", "-o", "g.json", "--open", browser=browser)
    assert refused.returncode == 2 and "--open shows a page" in refused.stderr
    assert not (tmp_path / "g.json").exists()
