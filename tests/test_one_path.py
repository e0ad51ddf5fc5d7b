"""One path for each concern: completion, JSON output, the export registry, interface words, vis-network."""

from __future__ import annotations

import re

import click

import awskg
from awskg.cli import CONCEPT, cli


def test_completion_reads_the_cached_graph(monkeypatch, kg):
    from awskg.graph import cache, loading

    calls = []

    def cached(packs=(), *, builtin=True, version):
        calls.append((tuple(packs), builtin, version))
        return kg

    monkeypatch.setattr(cache, "load_cached", cached)
    monkeypatch.setattr(loading, "load", lambda *a, **k: (_ for _ in ()).throw(AssertionError("uncached load")))
    ctx = click.Context(cli, info_name="awskg")
    ctx.params = {"packs": (), "no_builtin": False}
    items = CONCEPT.shell_complete(ctx, click.Argument(["name"]), "farg")
    assert calls == [((), True, awskg.__version__)]  # the CLI passes its version down to the cache key
    assert [(i.value, i.help) for i in items][:1] == [("fargate", "Fargate")]


def test_one_table_of_interface_words():
    import re
    import string
    from pathlib import Path

    from awskg.i18n import LANGS, TEXT

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    assert tuple(TEXT) == LANGS
    assert TEXT["en"].keys() == TEXT["ko"].keys()
    assert all(fields(TEXT["en"][k]) == fields(TEXT["ko"][k]) for k in TEXT["en"]), "placeholders differ"
    templates = Path(__file__).parent.parent / "awskg" / "exports" / "templates"
    used = {m for f in templates.glob("*.js") for m in re.findall(r'\bui\("([a-z_]+)"\)', f.read_text("utf-8"))}
    assert used and used <= TEXT["en"].keys()
    # one polite style to the learner, terminal and page alike, and one term for "in common"
    assert TEXT["ko"]["quiz_right"] == TEXT["ko"]["right"]  # the terminal and the page say "right" alike
    assert not any("같은 점" in v or v.endswith("네요") for v in TEXT["ko"].values())
    for key, value in TEXT["ko"].items():
        assert polite(value), (key, value)


def test_the_korean_quiz_answers_the_learner_politely(invoke, kg):
    asked = awskg.questions(kg, count=1, seed=2, lang="ko")[0]
    letters = "ABCD"[: len(asked.options)]
    right = letters[[o["id"] for o in asked.options].index(asked.answer)]
    wrong = next(letter for letter in letters if letter != right)
    quiz = ("--lang", "ko", "quiz", "--count", "1", "--seed", "2")
    said_right = invoke(*quiz, input=right + "\n").stdout
    said_wrong = invoke(*quiz, input=wrong + "\n").stdout
    assert f"답(A–{letters[-1]}): ✓ 정답입니다." in said_right and "점수: 1/1" in said_right
    assert f"✗ 오답입니다. 정답은 {right}입니다." in said_wrong and "점수: 0/1" in said_wrong
    for line in (said_right + said_wrong).splitlines():
        if line.startswith(("답(", "점수", "복습")):
            assert polite(line.split(" (출처")[0]), line


#: A Korean sentence's last word addressing the learner: a 합니다체 statement or a "~하세요" request.
_KOREAN_ENDING = re.compile(r"([가-힣]+)(?=[.!?:]*(\s|$))")


def polite(text: str) -> bool:
    """Whether every verb that ends a sentence of ``text`` is polite: 니다 / 세요 / 나요, never 다 or 라 alone."""
    endings = [m.group(1) for m in _KOREAN_ENDING.finditer(text) if m.group(1).endswith(("다", "라"))]
    return all(word.endswith(("니다", "세요")) for word in endings)


def test_errors_speak_to_the_learner_politely():
    from awskg import errors

    samples = [
        errors.UnknownName("farget", ["fargate"], labels={"fargate": "Fargate"}),
        errors.AmbiguousName("게이트웨이", ["nat-gateway"], {"nat-gateway": "NAT 게이트웨이"}),
        errors.UnreadableQuestion("질문", ["VPC가 뭐야"]),
        errors.SameConcept("ec2", "EC2", "ec2"),
        errors.NoPath("a", "b", 4),
        errors.NoMatch("zz"),
        errors.NoQuestions(),
    ]
    for error in samples:
        message = error.message("ko").splitlines()[0]
        assert polite(message) and ("니다" in message or "세요" in message), message


def _library_answers(kg):
    """Each query command with ``--json``, beside the library call that answers the same question."""
    from awskg.explorer import catalog, tours

    return [
        (["show", "파게이트"], awskg.card(kg, "파게이트")),
        (["--lang", "ko", "relate", "Fargate", "EKS"], awskg.relate(kg, "Fargate", "EKS", lang="ko")),
        (["ask", "ALB랑 NLB 뭐가 달라?"], awskg.ask(kg, "ALB랑 NLB 뭐가 달라?", lang="ko")),
        (["neighbors", "vpc"], awskg.neighbors(kg, "vpc")),
        (["search", "lamda"], awskg.search(kg, "lamda")),
        (["compare", "ec2", "lambda"], awskg.compare(kg, "ec2", "lambda")),
        (["learn", "pod"], awskg.learn(kg, "pod")),
        (["quiz", "--count", "2", "--seed", "3"], awskg.questions(kg, count=2, seed=3)),
        (["tour", "running-containers-on-aws"], tours.tour(kg, "running-containers-on-aws")),
        (["tour"], tours.tours(kg)),
        (["list", "--kind", "service"], catalog.concepts(kg, "service")),
        (["relations"], catalog.vocabulary(kg)),
        (["stats"], catalog.stats(kg)),
    ]


def test_every_query_command_prints_its_answers_json_and_nothing_else(invoke, kg):
    import json

    for args, answer in _library_answers(kg):
        result = invoke(*args, "--json")
        expected = [item.to_json() for item in answer] if isinstance(answer, list) else answer.to_json()
        assert result.exit_code == 0, (args, result.stderr)
        assert json.loads(result.stdout) == expected, args
        assert result.stdout == json.dumps(expected, ensure_ascii=False, indent=2) + "\n", args  # Hangul as itself


def test_vis_network_is_found_without_importing_pyvis():
    import subprocess
    import sys

    code = (
        "import sys; from awskg.exports.vis import vis_network; v = vis_network(); "
        "print(v.version, v.js.is_file(), v.css.is_file(), any(m.split('.')[0] in ('pyvis', 'IPython') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[1:] == ["True", "True", "False"] and out[0].startswith("9.")


def test_a_pyvis_without_vis_network_is_a_clear_error(tmp_path, monkeypatch):
    import pytest

    from awskg.errors import MissingDependency
    from awskg.exports.vis import vis_network

    (tmp_path / "fakevis").mkdir()
    (tmp_path / "fakevis" / "__init__.py").write_text("", "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(MissingDependency, match=r"vis-network not found in .*fakevis.*pyvis>=0.3.2,<0.4"):
        vis_network("fakevis")
