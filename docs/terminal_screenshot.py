"""Take the README's terminal screenshot from a real terminal: tmux, then ANSI to SVG, then PNG.

Runs a short session of the installed ``awskg`` in a detached tmux window of
fixed size, captures the pane with its colours (``tmux capture-pane -e``),
renders the cells to an SVG (each run placed at its column, so Hangul's two
cells line up), and has headless Chromium turn the SVG into
``docs/terminal.png``. Needs tmux and chromium; not run by the tests or CI::

    python docs/terminal_screenshot.py            # writes docs/terminal.png
    python docs/terminal_screenshot.py --svg x.svg  # also keeps the SVG
"""

from __future__ import annotations

import argparse
import html
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wcwidth import wcwidth

HERE = Path(__file__).resolve().parent
COLUMNS, ROWS = 78, 60
SESSION = "awskg-screenshot"
#: (command, keys to type when the text before them appears)
STEPS: list[tuple[str, list[tuple[str, str]]]] = [
    ("awskg relate ECS EKS --limit 1", []),
    ("awskg --lang ko compare ALB NLB", []),
    ("awskg quiz --count 1 --seed 3", [("(letter):", "x"), ("one of A, B, C.", "A")]),
]
PROMPT = "$ "

# One Dark-like colours on a dark background.
BACKGROUND, FOREGROUND = "#1f2329", "#d7dae0"
PALETTE = {
    30: "#5c6370",
    31: "#e06c75",
    32: "#98c379",
    33: "#e5c07b",
    34: "#61afef",
    35: "#c678dd",
    36: "#56b6c2",
    37: "#d7dae0",
}
CELL_W, LINE_H, FONT = 8.4, 19, 14
PAD = 16
TITLE_H = 28
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def pane() -> str:
    return tmux("capture-pane", "-t", SESSION, "-p", "-e", "-S", "0", "-E", str(ROWS - 1))


def wait_for(text: str, timeout: float = 30) -> None:
    """Poll the pane until ``text`` shows (a script, not a test: waiting is fine here)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if text in SGR.sub("", pane()):
            return
        time.sleep(0.2)
    raise SystemExit(f"timed out waiting for {text!r}:\n{SGR.sub('', pane())}")


def record() -> str:
    """Run the session in tmux and return the captured pane, colours included."""
    env_path = f"{Path(sys.executable).parent}:{os.environ['PATH']}"
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True, check=False)
    tmux(
        "new-session",
        "-d",
        "-s",
        SESSION,
        "-x",
        str(COLUMNS),
        "-y",
        str(ROWS),
        "env",
        f"PATH={env_path}",
        f"COLUMNS={COLUMNS}",
        "TERM=xterm-256color",
        "PS1=" + PROMPT,
        "bash",
        "--norc",
        "--noprofile",
    )
    try:
        wait_for(PROMPT.strip())
        tmux("send-keys", "-t", SESSION, "clear", "Enter")
        time.sleep(0.5)
        for number, (command, answers) in enumerate(STEPS, 1):
            tmux("send-keys", "-t", SESSION, "-l", command)
            tmux("send-keys", "-t", SESSION, "Enter")
            for seen, keys in answers:
                wait_for(seen)
                tmux("send-keys", "-t", SESSION, "-l", keys)
                tmux("send-keys", "-t", SESSION, "Enter")
            # done when a fresh prompt follows every command typed so far
            end = time.monotonic() + 30
            while sum(line.startswith(PROMPT.strip()) for line in SGR.sub("", pane()).splitlines()) <= number:
                if time.monotonic() > end:
                    raise SystemExit("a command did not finish:\n" + SGR.sub("", pane()))
                time.sleep(0.2)
        return pane()
    finally:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True, check=False)


def cells_of(capture: str) -> list[list[tuple[str, dict]]]:
    """The pane as lines of (character, style), the last prompt and trailing blank lines dropped."""
    lines = capture.rstrip("\n").split("\n")
    while lines and SGR.sub("", lines[-1]).strip() in ("", PROMPT.strip()):
        lines.pop()
    style: dict = {}
    out = []
    for line in lines:
        row = []
        position = 0
        for match in [*SGR.finditer(line), None]:
            text = line[position : match.start() if match else len(line)]
            row += [(ch, dict(style)) for ch in text]
            if match is None:
                break
            position = match.end()
            codes = [int(c) for c in match.group(1).split(";") if c] or [0]
            while codes:
                code = codes.pop(0)
                if code == 0:
                    style = {}
                elif code in (1, 2, 4):
                    style[{1: "bold", 2: "dim", 4: "underline"}[code]] = True
                elif code == 22:
                    style.pop("bold", None)
                    style.pop("dim", None)
                elif code == 24:
                    style.pop("underline", None)
                elif 30 <= code <= 37 or 90 <= code <= 97:
                    style["fg"] = PALETTE[code - 60 if code >= 90 else code]
                elif code == 39:
                    style.pop("fg", None)
                elif code in (38, 48):
                    codes = codes[2:] if codes[:1] == [5] else codes[4:]
        out.append(row)
    return out


def text_element(x: float, y: float, text: str, span: int, style: dict) -> str:
    """One run of same-styled text, stretched to exactly its cells so every column lines up."""
    attrs = [f'x="{x:.1f}"', f'y="{y}"', f'textLength="{span * CELL_W:.1f}"', 'lengthAdjust="spacingAndGlyphs"']
    if "fg" in style:
        attrs.append(f'fill="{style["fg"]}"')
    if style.get("bold"):
        attrs.append('font-weight="bold"')
    if style.get("dim"):
        attrs.append('opacity="0.6"')
    if style.get("underline"):
        attrs.append('text-decoration="underline"')
    return f"<text {' '.join(attrs)}>{html.escape(text)}</text>"


def svg(lines: list[list[tuple[str, dict]]]) -> str:
    width = PAD * 2 + COLUMNS * CELL_W
    height = TITLE_H + PAD * 2 + len(lines) * LINE_H
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}">',
        f'<rect width="100%" height="100%" rx="8" fill="{BACKGROUND}"/>',
        *(
            f'<circle cx="{PAD + 6 + i * 18}" cy="14" r="6" fill="{c}"/>'
            for i, c in enumerate(PALETTE[c] for c in (31, 33, 32))
        ),
        f'<g font-family="DejaVu Sans Mono, NanumGothicCoding, monospace" font-size="{FONT}" fill="{FOREGROUND}">',
    ]
    for number, row in enumerate(lines):
        y = TITLE_H + PAD + (number + 1) * LINE_H - 5
        column = 0
        for style, run in itertools.groupby(row, key=lambda cell: cell[1]):
            text = "".join(ch for ch, _ in run)
            span = sum(max(wcwidth(ch), 0) for ch in text)
            words = text.strip(" ")
            if words:  # spaces are not drawn: each run of words is placed at its own column
                lead = len(text) - len(text.lstrip(" "))
                width = sum(max(wcwidth(ch), 0) for ch in words)
                parts.append(text_element(PAD + (column + lead) * CELL_W, y, words, width, style))
            column += span
    parts.append("</g></svg>")
    return "\n".join(parts)


def png(svg_path: Path, out: Path, size: tuple[int, int]) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("chromium is needed for the PNG")
    page = svg_path.with_suffix(".html")
    page.write_text(
        f'<html><body style="margin:0;background:#fff">{svg_path.read_text("utf-8")}</body></html>', "utf-8"
    )
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=2",
            f"--window-size={size[0]},{size[1]}",
            f"--screenshot={out}",
            page.as_uri(),
        ],
        capture_output=True,
        check=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, default=HERE / "terminal.png")
    parser.add_argument("--svg", type=Path, help="Also keep the SVG here.")
    args = parser.parse_args()
    lines = cells_of(record())
    image = svg(lines)
    with tempfile.TemporaryDirectory() as tmp:
        svg_path = args.svg or Path(tmp) / "terminal.svg"
        svg_path.write_text(image, "utf-8")
        size = re.search(r'width="(\d+)" height="(\d+)"', image)
        png(svg_path, args.out, (int(size.group(1)), int(size.group(2))))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
