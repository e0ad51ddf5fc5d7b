"""Remake the README's pictures of the map: the first view, the map, a tour, the phone view, relate, compare, the quiz.

    python docs/screenshots.py [FOLDER]

Not a test: it writes overview.png, map.png, tour.png, phone.png, relate.png,
compare.png and quiz.png into FOLDER (docs/ when none is given) with Debian's headless Chromium, as the
browser tests use it. What the pictures show is tested in tests/test_html.py,
tests/test_page.py, tests/test_study_page.py, tests/test_map_view.py and
tests/test_quiz_page.py.
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

#: A quiz question answered wrongly: the feedback says why, then what is right.
WRONG_ANSWER = """awskg.startQuiz(4, 10);
  const asked = awskg.data.quiz.pool[awskg.data.quiz.sets['4'][0][0]];
  awskg.answer(awskg.quizState().options.find((o) => o.id !== asked.answer).id);
  document.getElementById("quiz-feedback").scrollIntoView({block: "end"})"""
#: name, viewport (width, height, device scale), what the page is asked to show, then how long it settles (ms)
PICTURES = [
    ("overview", (1440, 900, 1), "", 300),  # the first view, as a new learner sees it
    ("map", (1440, 900, 1), "awskg.select('fargate', {animate: false})", 300),
    ("tour", (1440, 900, 1), "awskg.tour('running-containers-on-aws', 7)", 500),
    ("phone", (390, 844, 2), "awskg.select('availability-zone', {animate: false})", 400),
    ("relate", (1280, 720, 1), "awskg.showRelate('route-53', 'subnet')", 400),
    ("compare", (1280, 720, 1), "awskg.showCompare('alb', 'nlb')", 400),
    ("quiz", (1440, 900, 1), WRONG_ANSWER, 400),
]


def main(folder: Path = HERE) -> list[Path]:
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_FLAGS, chromium_path, open_map

    kg = awskg.load()
    page_file = Path(tempfile.mkdtemp()) / "map.html"
    page_file.write_text(render_html(kg, select(kg)), "utf-8")
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        for name, (width, height, scale), call, settle in PICTURES:
            phone = width < 600
            context = browser.new_context(
                viewport={"width": width, "height": height}, device_scale_factor=scale, has_touch=phone, is_mobile=phone
            )
            opened = open_map(context, page_file, width=width, height=height)
            page = opened.page
            if call:
                page.click("#start-dismiss")
                page.evaluate(call)
            page.wait_for_timeout(settle)
            if opened.errors:
                raise SystemExit(f"{name}: the page logged errors: {opened.errors}")
            target = folder / f"{name}.png"
            page.screenshot(path=str(target))
            written.append(target)
            context.close()
        browser.close()
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    for path in main(out):
        print(f"wrote {path}")
