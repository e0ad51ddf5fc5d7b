"""The terminal experience, driven through a real pseudo-terminal at a fixed width.

Each command runs as the installed ``awskg`` entry point under pexpect, so
what is checked is what a learner sees: colour, lines that fit the window in
display cells (Hangul takes two), the interactive quiz and tour, and pack text
that cannot drive the terminal. A pipe must print exactly what it printed
before (no colour, no wrapping), which CliRunner and the README's replayed
sessions check elsewhere.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

import awskg
from awskg.explorer.quiz import questions
from awskg.terminal import STOPPED, Terminal, cells, escape

AWSKG = str(Path(sys.executable).with_name("awskg"))
ANSI = re.compile(r"\x1b\[[0-9;]*m")
WIDTH = 60
# a safety net against a hung child, never an assertion about speed
WAIT = 60


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    return {**base, "TERM": "xterm-256color", "COLUMNS": str(WIDTH), "LINES": "40", **extra}


def _interruptible() -> None:
    # Ctrl-C must reach awskg even when the tests run as a background job, whose
    # shell ignores SIGINT for it: an ignored signal is inherited across exec.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def spawn(*args: str, width: int = WIDTH, **extra: str) -> pexpect.spawn:
    return pexpect.spawn(
        AWSKG,
        list(args),
        env=env(COLUMNS=str(width), **extra),
        dimensions=(40, width),
        encoding="utf-8",
        timeout=WAIT,
        preexec_fn=_interruptible,
    )


def finish(child: pexpect.spawn) -> None:
    """Read to the end and reap the child, then close its terminal.

    Once the child has exited, closing needs none of ptyprocess's grace period
    (0.1 s per command, and this module runs about fifty).
    """
    child.expect(pexpect.EOF)
    child.wait()
    child.ptyproc.delayafterclose = 0
    child.close()


def on_terminal(*args: str, width: int = WIDTH, **extra: str) -> tuple[str, int]:
    """What ``awskg ARGS`` prints on a terminal ``width`` cells wide, and its exit code."""
    child = spawn(*args, width=width, **extra)
    finish(child)
    return child.before.replace("\r\n", "\n"), child.exitstatus


def piped(*args: str, input: str = "", **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [AWSKG, *args], input=input, capture_output=True, text=True, env=env(**extra), timeout=WAIT, check=False
    )


def too_wide(text: str, width: int) -> list[str]:
    """Lines wider than ``width`` cells, colour removed; a lone URL may overflow, as it is never split."""
    return [
        line
        for line in ANSI.sub("", text).splitlines()
        if cells(line) > width and not (len(line.split()) == 1 and "://" in line)
    ]


@pytest.fixture(scope="module", autouse=True)
def installed():
    if not Path(AWSKG).exists():
        pytest.fail(f"the awskg entry point is not installed next to {sys.executable}: pip install -e .")


# --- colour -----------------------------------------------------------------


def test_colour_on_a_terminal():
    out, code = on_terminal("show", "Fargate")
    assert code == 0
    assert "\x1b[" in out
    assert ANSI.sub("", out).startswith("Fargate · AWS service\n")


@pytest.mark.parametrize(
    "args, extra",
    [
        (["show", "Fargate"], {"NO_COLOR": "1"}),
        (["--no-color", "show", "Fargate"], {}),
        (["show", "Fargate"], {"TERM": "dumb"}),
    ],
)
def test_no_colour_when_asked(args, extra):
    out, code = on_terminal(*args, **extra)
    assert code == 0 and "\x1b[" not in out and "Fargate · AWS service" in out


def test_no_colour_in_a_pipe_and_the_output_unchanged(invoke):
    result = piped("show", "Fargate")
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    assert result.stdout == invoke("show", "Fargate").stdout  # one line per fact, not wrapped


def test_color_option_overrides_detection():
    assert "\x1b[" in piped("--color", "show", "Fargate").stdout
    assert "\x1b[" in piped("--color", "show", "Fargate", NO_COLOR="1").stdout


@pytest.mark.parametrize("args", [["show", "Fargate", "--json"], ["--color", "compare", "ALB", "NLB", "--json"]])
def test_json_is_never_coloured_or_wrapped(args):
    out, code = on_terminal(*args, width=40)
    assert code == 0 and "\x1b" not in out
    assert json.loads(out)


# --- wrapping to the window --------------------------------------------------

READING = [
    ["show", "Fargate"],
    ["show", "보안 그룹"],
    ["relate", "ECS", "EKS"],
    ["ask", "how does Fargate relate to EKS"],
    ["neighbors", "Fargate", "--depth", "2"],
    ["compare", "ALB", "NLB"],
    ["compare", "security group", "network acl"],
    ["ask", "what is the difference between ALB and NLB"],
    ["tour"],
    ["relations"],
    ["search", "로드"],
]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("args", READING, ids=" ".join)
def test_no_line_is_wider_than_the_window(args, lang):
    out, code = on_terminal("--lang", lang, *args, width=40)
    assert code == 0, out
    assert not too_wide(out, 40)


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize(
    "args", [["show", "Fargate"], ["relate", "ECS", "EKS"], ["neighbors", "Fargate", "--depth", "2"]]
)
def test_wrapping_only_moves_words(invoke, args, lang):
    """Wrapped, the same words in the same order, nothing cut ("Far|gate") or lost."""
    out, _ = on_terminal("--lang", lang, *args, width=36)
    flat = invoke("--lang", lang, *args).stdout  # what a pipe gets (test_no_colour_in_a_pipe_...)
    assert ANSI.sub("", out).split() == flat.split()
    assert max(len(line) for line in flat.splitlines()) > 36  # there was something to wrap


def test_continuation_lines_keep_their_indent():
    out = ANSI.sub("", on_terminal("show", "Fargate", width=40)[0]).splitlines()
    facts = out[out.index("Facts:") + 1 :]
    assert all(line.startswith("  ") for line in facts if line)
    note = next(i for i, line in enumerate(facts) if line.startswith("    (note: Billed"))
    assert facts[note + 1].startswith("     ") and not facts[note + 1].startswith("     (")


def test_a_url_is_never_broken():
    out = ANSI.sub("", on_terminal("show", "Fargate", width=40)[0])
    assert "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html" in out.splitlines()


def test_compare_is_a_table_on_a_terminal_and_blocks_elsewhere(invoke):
    out = ANSI.sub("", on_terminal("compare", "security group", "network acl", width=80)[0]).splitlines()
    header = next(line for line in out if "| Security group" in line)
    assert header.split("|")[2].strip() == "Network ACL"
    row = next(line for line in out if line.lstrip().startswith("Stateful or"))
    assert [cell.strip() for cell in row.split("|")[1:]] == ["Stateful", "Stateless"]
    narrow = ANSI.sub("", on_terminal("compare", "security group", "network acl", width=30)[0])
    assert "|" not in narrow and "    Security group: Stateful" in narrow.splitlines()
    assert "|" not in invoke("compare", "security group", "network acl").stdout


# --- the quiz -----------------------------------------------------------------


def letters_for(seed: int, count: int) -> tuple[list[str], list[str]]:
    """The right letter of each question, and one wrong letter, as the CLI will ask them."""
    asked = questions(awskg.load(), count=count, seed=seed)
    right = ["ABCD"[[o["id"] for o in q.options].index(q.answer)] for q in asked]
    wrong = [next(k for k in "ABCD"[: len(q.options)] if k != r) for q, r in zip(asked, right, strict=True)]
    return right, wrong


def test_quiz_reasks_on_a_bad_key_counts_and_scores_on_ctrl_c():
    right, wrong = letters_for(11, 3)
    child = spawn("quiz", "--count", "3", "--seed", "11")
    child.expect_exact("Question 1/3:")
    child.expect_exact("Your answer (A–")
    child.sendline("z")  # no option: asked again, not counted
    child.expect_exact("Please type one of ")
    child.expect_exact("Your answer (A–")
    child.sendline("")  # a stray Enter, the same
    child.expect_exact("Please type one of ")
    child.sendline(right[0])
    child.expect_exact("✓ Right")
    child.expect_exact("Question 2/3:")
    child.sendline(wrong[1])
    child.expect_exact(f"✗ Not quite, the answer is {right[1]}")
    child.expect_exact("Question 3/3:")
    child.expect_exact("Your answer (A–")
    child.sendintr()
    finish(child)
    tail = ANSI.sub("", child.before)
    assert "Score: 1/2" in tail and "Aborted" not in tail
    assert child.exitstatus == STOPPED


def test_quiz_scores_on_the_end_of_input_on_a_terminal():
    right, _ = letters_for(5, 4)
    child = spawn("--lang", "ko", "quiz", "--count", "4", "--seed", "5")
    for letter in right[:2]:
        child.expect_exact("답(A–")
        child.sendline(letter)
    child.expect_exact("답(A–")
    child.sendeof()
    finish(child)
    assert "점수: 2/2" in ANSI.sub("", child.before)
    assert child.exitstatus == STOPPED


def test_quiz_piped_scores_what_was_answered():
    right, _ = letters_for(11, 3)
    result = piped("quiz", "--count", "3", "--seed", "11", input=f"{right[0]}\nnope\n{right[1]}\n")
    assert result.returncode == STOPPED
    assert result.stdout.count("Please type one of A, ") == 1
    assert result.stdout.rstrip().endswith("Score: 2/2")
    assert "\x1b" not in result.stdout


def test_the_answer_prompt_names_the_keys_and_feedback_is_polite_in_korean():
    asked = questions(awskg.load(), count=2, seed=3, lang="ko")
    right, wrong = letters_for(3, 2)
    out = ANSI.sub(
        "", piped("--lang", "ko", "quiz", "--count", "2", "--seed", "3", input=f"{right[0]}\n{wrong[1]}\n").stdout
    )
    assert f"답(A–{'ABCD'[len(asked[0].options) - 1]}): " in out
    assert "✓ 정답입니다. " in out and f"✗ 오답입니다. 정답은 {right[1]}입니다. " in out
    assert "\n점수: 1/2\n" in out and out.rstrip().splitlines()[-1].startswith("복습할 개념: ")


def test_quiz_asks_what_json_and_the_seed_give(run_json):
    first = questions(awskg.load(), count=2, seed=3)[0]
    out = ANSI.sub("", piped("quiz", "--count", "2", "--seed", "3", input="").stdout)
    assert f"Question 1/2: {first.question}" in out
    data = run_json("quiz", "--count", "2", "--seed", "3")
    assert data[0]["question"] == first.question


def test_quiz_lines_fit_the_window_in_korean():
    right, _ = letters_for(3, 3)
    child = spawn("--lang", "ko", "quiz", "--count", "3", "--seed", "3", width=40)
    for letter in right:
        child.expect_exact("답(A–")
        child.sendline(letter)
    finish(child)
    assert child.exitstatus == 0
    assert "점수: 3/3" in ANSI.sub("", child.before)
    assert not too_wide(child.before.replace("\r\n", "\n"), 40)


# --- the tour -------------------------------------------------------------------


def test_tour_steps_forward_and_back():
    child = spawn("tour", "running-containers-on-aws", NO_COLOR="1")  # whole phrases to expect
    child.expect_exact("stop 1 of 9")
    child.send("n")
    child.expect_exact("2. Container image")
    child.expect_exact("stop 2 of 9")
    child.send("\r")  # Enter
    child.expect_exact("3. ECR")
    child.expect_exact("stop 3 of 9")
    child.send("b")
    child.expect_exact("2. Container image")
    child.expect_exact("↳ Docker manages Container image")
    child.expect_exact("stop 2 of 9")
    child.send("x")  # no such key: the same stop, asked again
    child.expect_exact("stop 2 of 9")
    assert "Container image" not in child.before
    child.send("\x1b[C")  # →
    child.expect_exact("stop 3 of 9")
    child.send("q")
    finish(child)
    assert child.exitstatus == 0
    assert "4. " not in ANSI.sub("", child.before)


def test_tour_starts_at_a_stop_and_ends_after_the_last():
    child = spawn("--lang", "ko", "tour", "running-containers-on-aws", "--stop", "8", width=40)
    child.expect_exact("9곳 중 8번째")
    child.send("n")
    child.expect_exact("9곳 중 9번째")
    child.send("n")
    finish(child)
    assert child.exitstatus == 0
    assert not too_wide(child.before.replace("\r\n", "\n"), 40)


def test_tour_piped_prints_every_stop_from_stop(invoke):
    whole = piped("tour", "running-containers-on-aws").stdout
    assert whole == invoke("tour", "running-containers-on-aws").stdout
    assert all(f"\n{n}. " in whole for n in range(1, 10))
    late = invoke("tour", "running-containers-on-aws", "--stop", "8").stdout  # a pipe prints the same, as above
    assert "\n8. " in late and "\n9. " in late and "\n7. " not in late
    assert invoke("tour", "running-containers-on-aws", "--stop", "10").exit_code == 2


def test_ctrl_c_in_a_tour_is_quiet():
    child = spawn("tour", "cloud-basics-in-order")
    child.expect_exact("stop 1 of ")
    child.sendintr()
    finish(child)
    assert child.exitstatus == STOPPED and "Aborted" not in child.before


# --- pack text never controls the terminal ---------------------------------------

HOSTILE = "\x1b]0;pwned\x07Evil"


@pytest.fixture
def hostile(make_pack):
    return make_pack(
        nodes=[["evil", HOSTILE, "\x1b[2J악성", "concept", "", "Clears \x1b[2J the screen \x9b31m", "", ""]],
        edges=[["evil", "uses", "fargate", "\x1b[5mblink", ""]],
    )


def test_a_pack_with_escape_sequences_is_refused_without_printing_them(hostile):
    # the first guard: check refuses control characters, naming them, never echoing them
    out, code = on_terminal("--pack", str(hostile), "show", "evil")
    assert code == 1
    assert "\x1b]" not in out and "\x07" not in out and "\x9b" not in out
    # (words compared, not lines: a long temporary path wraps at any width)
    assert "control character U+001B escape (ESC)" in " ".join(ANSI.sub("", out).split())


@pytest.mark.parametrize("args", [["show", "fargate"], ["--lang", "ko", "show", "fargate"], ["neighbors", "ecs-task"]])
def test_escape_sequences_that_reach_the_output_are_printed_visibly(invoke, monkeypatch, args):
    # the second guard: a graph from the Python API holds what validation would refuse
    import awskg
    from awskg.session import Session

    kg = awskg.load()
    kg.graph.nodes["fargate"].update(label=HOSTILE, label_ko="\x1b[2J악성", summary="Clears \x1b[2J the screen \x9b31m")
    monkeypatch.setattr(Session, "kg", kg)
    out = invoke("--color", *args).stdout  # styled, as on a terminal
    bare = ANSI.sub("", out)  # awskg's own colours removed, nothing else may act on the terminal
    for raw in ("\x1b", "\x07", "\x9b"):
        assert raw not in bare
    assert "\\u001b]0;pwned\\u0007Evil" in bare or "\\u001b[2J악성" in bare


def test_escape_shows_control_sequences_but_keeps_line_breaks_and_tabs():
    assert escape(HOSTILE) == "\\u001b]0;pwned\\u0007Evil"
    assert escape("줄\n바꿈\t") == "줄\n바꿈\t"  # a line break and a tab are text, not commands


# --- the module's pieces ------------------------------------------------------------


def test_render_counts_hangul_as_two_cells_and_keeps_urls_whole():
    term = Terminal(width=20)
    lines = term.render(["  가용 영역은 리전의 일부이다 가용 영역은 리전의 일부이다"], hang=2)
    assert len(lines) > 1 and all(cells(line) <= 20 for line in lines)
    assert all(line.startswith("    ") for line in lines[1:])
    url = "https://docs.aws.amazon.com/vpc/latest/userguide/what-is-amazon-vpc.html"
    assert url in term.render([f"docs: {url} ok"])
    assert Terminal().render(["  a line " * 20]) == ["  a line " * 20]  # no terminal: as it is


def test_table_falls_back_when_too_narrow_or_off_a_terminal(capsys):
    header = [[], ["A"], ["B"]]
    rows = [[["Layer"], ["Layer 7 (application)"], ["Layer 4 (transport)"]]]
    assert not Terminal().table(header, rows)
    assert not Terminal(width=30).table(header, rows)
    assert capsys.readouterr().out == ""
    assert Terminal(width=60).table(header, rows)
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].split("|")[1:] == [" Layer 7 (application) ", " Layer 4 (transport)"]


def test_spinner_only_when_stderr_is_a_terminal(capsys):
    with Terminal(err_tty=False).busy("loading packs"):
        pass
    assert capsys.readouterr().err == ""
    with Terminal(err_tty=True).busy("loading packs"):
        pass
    err = capsys.readouterr().err
    assert "loading packs" in err and err.endswith("\r")  # the line is erased after
    with Terminal(err_tty=True).busy("loading packs", when=False):
        pass
    assert capsys.readouterr().err == ""


def test_large_packs_are_measured(tmp_path):
    from awskg.session import LARGE_PACK, Session

    (tmp_path / "nodes.csv").write_bytes(b"x" * (LARGE_PACK + 1))
    assert Session("en", (tmp_path,), True).large
    assert not Session("en", (), True).large
