"""The ``awskg`` command: parse, call the library, print. Nothing else lives here.

Every error a user can cause is an :class:`awskg.AwskgError`; :class:`Command`
turns it into a message on stderr and its exit code (1: a broken pack or no
path; 2: an unknown name or an unreadable question), so no traceback reaches
a user and no command catches errors itself.
"""

from __future__ import annotations

import json
import os
import sys
from functools import cached_property
from pathlib import Path
from typing import Any

import click

from awskg.graph.errors import AwskgError
from awskg.graph.loading import load
from awskg.graph.model import KnowledgeGraph

LANGS = ("en", "ko")

# Interface words in both languages; data (labels, summaries) comes from the packs.
WORDS = {
    "en": {
        "aliases": "aliases",
        "docs": "docs",
        "facts": "Facts",
        "none": "(none)",
        "direct": "{a} and {b} are directly connected.",
        "apart": "{a} and {b} are {n} hops apart.",
        "common": "In common, both",
        "only": "Only {x}",
        "via": "via",
        "no_match": "no concept looks like {text!r}",
        "stops": "stops",
        "question": "Question {n} of {total}:",
        "answer_prompt": "Your answer (letter):",
        "right": "Right",
        "wrong": "Not quite, the answer is {letter}",
        "source": "source",
        "score": "Score: {score}/{total}",
        "no_questions": "no question can be made here: no fact or property with evidence for a wrong option",
        "properties": "Properties",
        "note": "note",
        "differences": "Differences",
        "same": "Alike",
        "not_stated": "(not stated)",
    },
    "ko": {
        "aliases": "별칭",
        "docs": "문서",
        "facts": "관계",
        "none": "(없음)",
        "direct": "{a} — {b}: 직접 연결되어 있다.",
        "apart": "{a} — {b}: {n}단계 떨어져 있다.",
        "common": "공통점",
        "only": "{x}만",
        "via": "경유",
        "no_match": "{text!r}와 비슷한 개념이 없다",
        "stops": "곳",
        "question": "문제 {n}/{total}:",
        "answer_prompt": "답 (글자):",
        "right": "정답",
        "wrong": "아쉽네요. 정답은 {letter}",
        "source": "출처",
        "score": "점수: {score}/{total}",
        "no_questions": "이 조건으로는 문제를 만들 수 없다: 오답의 근거가 있는 사실이나 특성이 없다",
        "properties": "특성",
        "note": "참고",
        "differences": "차이점",
        "same": "같은 점",
        "not_stated": "(정보 없음)",
    },
}


class Session:
    """The global options, and the graph they describe, loaded once on first use."""

    def __init__(self, lang: str, packs: tuple[Path, ...], builtin: bool) -> None:
        self.lang, self.packs, self.builtin = lang, packs, builtin

    @cached_property
    def kg(self) -> KnowledgeGraph:
        from awskg.graph.cache import load_cached

        return load_cached(self.packs, builtin=self.builtin)

    def word(self, key: str, **values: Any) -> str:
        return WORDS[self.lang][key].format(**values)


class Command(click.Command):
    """A command whose awskg errors become a clean message and exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        from awskg.output import guarded_output

        with guarded_output():
            return self._invoke(ctx)

    def _invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AwskgError as exc:
            lang = ctx.find_root().params.get("lang") or "en"
            for line in exc.lines(lang):
                click.echo(line, err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:  # `awskg ... | head`: the reader has gone, so say nothing more
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lets the interpreter's final flush succeed
            ctx.exit(0)
        except OSError as exc:  # a full disk, a read-only folder: nothing was half-written
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"Error: {where}{exc.strerror or exc}", err=True)
            ctx.exit(1)


class Group(click.Group):
    command_class = Command


class ConceptName(click.ParamType):
    """A concept argument: any id, label or alias, completed from the loaded graph."""

    name = "concept"

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
        from click.shell_completion import CompletionItem

        root = ctx.find_root().params
        try:
            kg = load(root.get("packs") or (), builtin=not root.get("no_builtin"))
        except AwskgError:
            return []
        typed = incomplete.casefold()
        return [
            CompletionItem(node, help=attrs["label"])
            for node, attrs in sorted(kg.graph.nodes(data=True))
            if node.startswith(typed) or attrs["label"].casefold().startswith(typed)
        ]


CONCEPT = ConceptName()
json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(cls=Group)
@click.option(
    "--lang", type=click.Choice(LANGS), default="en", show_default=True, help="Language of labels and sentences."
)
@click.option(
    "--pack",
    "packs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Overlay pack folder on top of the built-in one (repeatable).",
)
@click.option("--no-builtin", is_flag=True, help="Load only the --pack folders, not the built-in pack.")
@click.version_option(package_name="awskg")
@click.pass_context
def cli(ctx: click.Context, lang: str, packs: tuple[Path, ...], no_builtin: bool) -> None:
    """Explore how cloud and AWS fundamentals fit together, in English or Korean."""
    ctx.obj = Session(lang, packs, not no_builtin)


pass_session = click.make_pass_decorator(Session)


@cli.command()
@click.option("--strict", is_flag=True, help="Also warn about what is legal but probably a mistake.")
@pass_session
def check(session: Session, strict: bool) -> None:
    """Validate the packs; list every problem as path:line: message (exit 1)."""
    from awskg.graph.loading import validate

    report = validate(session.packs, builtin=session.builtin, strict=strict)  # never cached
    for warning in report.warnings:
        click.echo(str(warning), err=True)
    count = len(report.warnings)
    note = f" ({count} warning{'s' * (count != 1)})" if strict else ""
    click.echo(f"ok: {report.nodes} nodes, {report.edges} edges, {report.relations} relations{note}")


@cli.command("init-pack")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def init_pack(folder: Path) -> None:
    """Create a new overlay pack: CSV headers, a commented example and a README."""
    from awskg.graph.authoring import init_pack as create

    for path in create(folder):
        click.echo(f"created {path}")
    click.echo(f"next: awskg --pack {folder} check")


into_option = click.option(
    "--into", type=click.Path(file_okay=False, path_type=Path), help="With several --pack folders, the one to write."
)


def report_added(added: Any) -> None:
    click.echo(f"added {added.path}:{added.line}: {','.join(added.values.values())}")


@cli.command("add-node")
@click.argument("node_id", metavar="ID")
@click.option("--label", required=True, help="English label.")
@click.option("--label-ko", default="", help="Korean label.")
@click.option("--kind", required=True, help="Kind (see `awskg stats`).")
@click.option("--alias", "aliases", multiple=True, help="Another name (repeatable).")
@click.option("--summary", default="", help="One or two sentences, in your own words.")
@click.option("--summary-ko", default="", help="The summary in Korean.")
@click.option("--docs", default="", help="Official documentation URL (http or https).")
@into_option
@pass_session
def add_node(session: Session, node_id: str, aliases: tuple[str, ...], into: Path | None, **values: str) -> None:
    """Append a concept to the overlay pack given with --pack, validated first."""
    from awskg.graph.authoring import add_node as append

    added = append(
        list(session.packs), builtin=session.builtin, into=into, id=node_id, aliases=";".join(aliases), **values
    )
    report_added(added)


@cli.command("add-edge")
@click.argument("source", type=CONCEPT)
@click.argument("relation")
@click.argument("target", type=CONCEPT)
@click.option("--note", default="", help="A short remark shown with the fact.")
@click.option("--note-ko", default="", help="The remark in Korean.")
@click.option("--source-ref", default="", help="Where the fact comes from (a documentation URL).")
@into_option
@pass_session
def add_edge(
    session: Session,
    source: str,
    relation: str,
    target: str,
    note: str,
    note_ko: str,
    source_ref: str,
    into: Path | None,
) -> None:
    """Append a fact SOURCE RELATION TARGET to the overlay pack; names resolve as everywhere."""
    from awskg.graph.authoring import add_edge as append

    added = append(
        list(session.packs),
        source,
        relation,
        target,
        builtin=session.builtin,
        into=into,
        note=note,
        note_ko=note_ko,
        source_ref=source_ref,
    )
    report_added(added)


@cli.command("add-property")
@click.argument("node", type=CONCEPT)
@click.argument("dimension")
@click.argument("value")
@click.option("--note", default="", help="A short remark shown with the property.")
@click.option("--note-ko", default="", help="The remark in Korean.")
@click.option("--source-ref", default="", help="Where the property comes from (a documentation URL).")
@into_option
@pass_session
def add_property(session: Session, node: str, dimension: str, value: str, into: Path | None, **cited: str) -> None:
    """Append what NODE is like (DIMENSION = VALUE) to the overlay pack's properties.csv, validated first."""
    from awskg.graph.authoring import add_property as append

    report_added(append(list(session.packs), node, dimension, value, builtin=session.builtin, into=into, **cited))


@cli.command()
@click.option("--markdown", is_flag=True, help="Print the relation and kind tables of docs/authoring.md.")
@json_option
@pass_session
def relations(session: Session, markdown: bool, as_json: bool) -> None:
    """List the relation vocabulary: both readings in both languages, and how many edges use it."""
    from dataclasses import asdict

    from awskg.explorer.catalog import vocabulary, vocabulary_markdown
    from awskg.explorer.sentences import sentence_parts

    kg = session.kg
    if markdown:
        click.echo(vocabulary_markdown(kg), nl=False)
        return
    rows = vocabulary(kg)
    if as_json:
        echo_json([asdict(row) for row in rows])
        return
    for row in rows:
        click.echo(f"{row.name} ({row.edges} edges)")
        click.echo(f"  en: A {row.label} B / B {row.inverse_label} A")
        forward = "".join(sentence_parts(kg, "", row.name, "", "ko", subject_label="A", object_label="B"))
        backward = "".join(sentence_parts(kg, "", row.name, "", "ko", True, subject_label="B", object_label="A"))
        click.echo(f"  ko: {forward} / {backward}")
        if row.description:
            click.echo(f"  {row.description}")


@cli.command()
@click.argument("name", nargs=-1, required=True, type=CONCEPT)
@json_option
@pass_session
def show(session: Session, name: tuple[str, ...], as_json: bool) -> None:
    """Show one concept's card: labels, kind, summary, docs and its facts.

    NAME may be several words without quotes: `awskg show 가용 영역`.
    """
    from awskg.explorer.cards import card

    found = card(session.kg, " ".join(name))
    if as_json:
        echo_json(found.to_json())
    else:
        print_card(session, found)


def print_card(session: Session, found: Any) -> None:
    from awskg.explorer.sentences import sentence

    kg, lang = session.kg, session.lang
    korean = lang == "ko"
    other = found.label if lang == "ko" else found.label_ko
    title = kg.label(found.id, lang) + (f" ({other})" if other and other != kg.label(found.id, lang) else "")
    click.echo(f"{title} · {kg.kind_label(found.kind, lang)}")
    if found.aliases:
        click.echo(f"{session.word('aliases')}: {', '.join(found.aliases)}")
    if kg.summary(found.id, lang):
        click.echo(kg.summary(found.id, lang))
    if found.docs:
        click.echo(f"{session.word('docs')}: {found.docs}")
    if found.properties:
        click.echo(f"\n{session.word('properties')}:")
        for prop in found.properties:
            value = (korean and prop["label_ko"]) or prop["label"]
            click.echo(f"  {kg.dimension_label(prop['dimension'], lang)}: {value}")
            print_note(session, prop)
    click.echo(f"\n{session.word('facts')}:")
    facts = [(sentence(kg, found.id, f["relation"], f["target"], lang), f) for f in found.out]
    facts += [(sentence(kg, f["source"], f["relation"], found.id, lang), f) for f in found.in_]
    for text, fact in facts:
        click.echo(f"  {text}")
        print_note(session, fact)
    if not facts:
        click.echo(f"  {session.word('none')}")


def print_note(session: Session, record: dict[str, str]) -> None:
    """A fact's or property's note, indented under it, in the session's language."""
    note = (session.lang == "ko" and record.get("note_ko")) or record.get("note")
    if note:
        click.echo(f"    ({session.word('note')}: {note})")


def print_relatedness(session: Session, answer: Any) -> None:
    a, b = answer.from_["label"], answer.to["label"]
    best = answer.hops_apart
    click.echo(session.word("direct", a=a, b=b) if best == 1 else session.word("apart", a=a, b=b, n=best))
    if answer.shared:
        click.echo(f"{session.word('common')}: {'; '.join(f.text for f in answer.shared)}")
    for number, path in enumerate(answer.paths, 1):
        click.echo(f"\n{number}. {path.hops[0].text}")
        for hop in path.hops[1:]:
            click.echo(f"   {hop.text}")


def path_options(command: Any) -> Any:
    """--limit and --max-hops, shared by every command that finds paths."""
    command = click.option(
        "--max-hops", default=4, show_default=True, type=click.IntRange(1, 8), help="Longest path to consider."
    )(command)
    return click.option(
        "--limit", default=3, show_default=True, type=click.IntRange(1, 20), help="How many paths to print."
    )(command)


@cli.command()
@click.argument("a", type=CONCEPT)
@click.argument("b", type=CONCEPT)
@path_options
@json_option
@pass_session
def relate(session: Session, a: str, b: str, limit: int, max_hops: int, as_json: bool) -> None:
    """How A and B are connected: the most telling short paths, read as sentences.

    Exit 1 when no path of at most --max-hops exists.
    """
    from awskg.explorer.paths import relate as find_paths

    answer = find_paths(session.kg, a, b, limit=limit, max_hops=max_hops, lang=session.lang)
    if as_json:
        echo_json(answer.to_json())
    else:
        print_relatedness(session, answer)


@cli.command()
@click.argument("question", nargs=-1, required=True)
@path_options
@json_option
@pass_session
def ask(session: Session, question: tuple[str, ...], limit: int, max_hops: int, as_json: bool) -> None:
    """Answer a question in English or Korean: "how does Fargate relate to EKS", "VPC가 뭐야"."""
    from awskg.explorer.question import ask as answer_question

    answer = answer_question(session.kg, " ".join(question), limit=limit, max_hops=max_hops, lang=session.lang)
    if as_json:
        echo_json(answer.to_json())
    elif answer.kind == "card":
        print_card(session, answer.result)
    elif answer.kind == "comparison":
        print_comparison(session, answer.result)
    else:
        print_relatedness(session, answer.result)


@cli.command()
@click.argument("name", type=CONCEPT)
@click.option("--relation", help="Only this relation (see `awskg stats`).")
@click.option(
    "--direction",
    type=click.Choice(["out", "in", "both"]),
    default="both",
    show_default=True,
    help="out: facts NAME states; in: facts about NAME; both.",
)
@click.option("--depth", type=click.IntRange(1, 5), default=1, show_default=True, help="How many hops out.")
@json_option
@pass_session
def neighbors(session: Session, name: str, relation: str | None, direction: str, depth: int, as_json: bool) -> None:
    """What is around NAME, grouped by relation."""
    from dataclasses import asdict

    from awskg.explorer.neighbours import neighbours

    around = neighbours(session.kg, name, relation=relation, direction=direction, depth=depth, lang=session.lang)
    if as_json:
        echo_json(asdict(around))
        return
    click.echo(around.label)
    for group in around.groups:
        if session.lang == "ko" and all(node["depth"] == 1 for node in group.nodes):
            click.echo(f"  {group.text}")  # Korean reads the group as one sentence: no particle pair
            continue
        names = [
            node["label"]
            if node["depth"] == 1
            else f"{node['label']} ({session.word('via')} {session.kg.label(node['via'], session.lang)})"
            for node in group.nodes
        ]
        click.echo(f"  {group.reading}: {', '.join(names)}")


@cli.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100), help="How many hits at most.")
@json_option
@pass_session
def search(session: Session, text: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Find concepts by partial or misspelled name, in English or Korean. Exit 1 if none."""
    from dataclasses import asdict

    from awskg.explorer.search import search as find

    query = " ".join(text)
    matches = find(session.kg, query, limit)
    kg, lang = session.kg, session.lang
    if as_json:
        echo_json([asdict(m) for m in matches])
    elif not matches:
        click.echo(session.word("no_match", text=query), err=True)
    width = max((len(m.id) for m in matches), default=0)
    for match in [] if as_json else matches:
        click.echo(f"{match.id:<{width}}  {kg.label(match.id, lang)}  [{kg.kind_label(match.kind, lang)}]")
    if not matches:
        click.get_current_context().exit(1)


@cli.command()
@click.argument("a", type=CONCEPT)
@click.argument("b", type=CONCEPT)
@json_option
@pass_session
def compare(session: Session, a: str, b: str, as_json: bool) -> None:
    """How A and B differ, property by property, then the facts they share and those only one has."""
    from awskg.explorer.compare import compare as side_by_side

    result = side_by_side(session.kg, a, b, lang=session.lang)
    if as_json:
        echo_json(result.to_json())
    else:
        print_comparison(session, result)


def print_comparison(session: Session, result: Any) -> None:
    """Differences dimension by dimension first, then what both share, then the facts."""
    names = (result.a["label"], result.b["label"])
    click.echo(f"{names[0]} vs {names[1]}")
    for title, rows in ((session.word("differences"), result.differences), (session.word("same"), result.same)):
        if not rows:
            continue
        click.echo(f"\n{title}:")
        for row in rows:
            click.echo(f"  {row.label}")
            for name, values in zip(names, (row.a, row.b), strict=True):
                shown = ", ".join(v["label"] for v in values) or session.word("not_stated")
                click.echo(f"    {name}: {shown}")
    for title, facts in (
        (session.word("common"), result.shared),
        (session.word("only", x=names[0]), result.only_a),
        (session.word("only", x=names[1]), result.only_b),
    ):
        click.echo(f"\n{title}:")
        for fact in facts or [None]:
            click.echo(f"  {fact.text if fact else session.word('none')}")


def view_options(command: Any) -> Any:
    """The slicing options that ``html`` and ``export`` share."""
    for option in reversed(
        [
            click.option("--focus", type=CONCEPT, help="Only the neighbourhood of this concept."),
            click.option(
                "--depth", default=1, show_default=True, type=click.IntRange(1, 6), help="Hops around --focus."
            ),
            click.option(
                "--path", "path_ends", nargs=2, type=CONCEPT, help="Highlight the ranked paths between two concepts."
            ),
            click.option(
                "--max-hops",
                default=4,
                show_default=True,
                type=click.IntRange(1, 8),
                help="Longest --path to consider.",
            ),
            click.option("--kind", "kinds", multiple=True, help="Only concepts of this kind (repeatable)."),
            click.option("--relation", "relations", multiple=True, help="Only edges of this relation (repeatable)."),
        ]
    ):
        command = option(command)
    return command


def selected_view(
    session: Session,
    focus: str | None,
    depth: int,
    path_ends: tuple[str, str] | None,
    kinds: tuple[str, ...],
    relations: tuple[str, ...],
    max_hops: int = 4,
    tour: str | None = None,
) -> Any:
    from awskg.explorer.view import select

    return select(
        session.kg,
        focus=focus,
        depth=depth,
        path=path_ends or None,
        kinds=kinds,
        relations=relations,
        lang=session.lang,
        max_hops=max_hops,
        tour=tour,
    )


@cli.command()
@click.option(
    "-o",
    "--output",
    default="awskg-map.html",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the page.",
)
@view_options
@pass_session
def html(session: Session, output: Path, **slicing: Any) -> None:
    """Write the interactive map as one offline HTML page."""
    from awskg.exports.html import render_html
    from awskg.graph.atomic import write_atomic

    view = selected_view(session, **slicing)
    write_atomic(output, render_html(session.kg, view, session.lang))
    click.echo(f"wrote {output}: {len(view.nodes)} nodes, {len(view.edges)} edges")


@cli.command("tour")
@click.argument("name", required=False)
@json_option
@pass_session
def tour_(session: Session, name: str | None, as_json: bool) -> None:
    """List the guided tours, or walk one stop by stop."""
    from dataclasses import asdict

    from awskg.explorer.tours import tour, tours

    kg, lang = session.kg, session.lang
    if name is None:
        listed = tours(kg, lang)
        if as_json:
            echo_json([asdict(t) for t in listed])
            return
        width = max((len(t.name) for t in listed), default=0)
        for entry in listed:
            click.echo(f"{entry.name:<{width}}  {entry.stops:>2} {session.word('stops')}  {entry.first} → {entry.last}")
        return
    walk = tour(kg, name, lang)
    if as_json:
        echo_json(asdict(walk))
        return
    click.echo(f"{walk.name} ({len(walk.stops)} {session.word('stops')})")
    for stop in walk.stops:
        click.echo(f"\n{stop.step}. {stop.label} · {kg.kind_label(stop.kind, lang)}")
        for hop in stop.link:
            click.echo(f"   ↳ {hop.text}")
        if stop.note:
            click.echo(f"   {stop.note}")
        click.echo(f"   {stop.summary}")


@cli.command()
@click.option("--count", default=5, show_default=True, type=click.IntRange(1, 100), help="How many questions.")
@click.option("--kind", help="Only questions whose answer is of this kind.")
@click.option("--tour", "tour_name", help="Only facts about the stops of this tour.")
@click.option("--seed", type=int, help="The same seed asks the same questions.")
@json_option
@pass_session
def quiz(
    session: Session, count: int, kind: str | None, tour_name: str | None, seed: int | None, as_json: bool
) -> None:
    """Test yourself: multiple-choice questions generated from the graph's facts."""
    from awskg.explorer.citations import cite
    from awskg.explorer.quiz import questions

    if sys.stdin is None and not as_json:
        raise click.UsageError("standard input is closed: the quiz reads your answers from it (or use --json)")
    asked = questions(session.kg, count=count, kind=kind, tour=tour_name, seed=seed, lang=session.lang)
    if as_json:
        echo_json([q.to_json() for q in asked])
        return
    if not asked:
        click.echo(session.word("no_questions"), err=True)
        click.get_current_context().exit(1)
    letters = "ABCDEFGH"
    score = 0
    for number, question in enumerate(asked, 1):
        click.echo(f"\n{session.word('question', n=number, total=len(asked))} {question.question}")
        for letter, option in zip(letters, question.options, strict=False):
            click.echo(f"  {letter}) {option['label']}")
        click.echo(f"{session.word('answer_prompt')} ", nl=False)
        reply = sys.stdin.readline()
        if not reply:
            click.echo()
            break
        picked = _picked(reply.strip(), question.options, letters)
        right = next(letters[i] for i, o in enumerate(question.options) if o["id"] == question.answer)
        source = (
            f" ({session.word('source')}: {cite(question.source_ref, session.lang)})" if question.source_ref else ""
        )
        if picked == question.answer:
            score += 1
            click.echo(f"✓ {session.word('right')}: {question.explanation}{source}")
        else:
            click.echo(f"✗ {session.word('wrong', letter=right)}: {question.explanation}{source}")
    click.echo(f"\n{session.word('score', score=score, total=len(asked))}")


def _picked(reply: str, options: list[dict[str, str]], letters: str) -> str | None:
    """The option a reply names: a letter, a number, or the option's label."""
    text = reply.casefold()
    for i, option in enumerate(options):
        if text in (letters[i].casefold(), str(i + 1), option["label"].casefold(), option["id"]):
            return option["id"]
    return None


EXPORT_FORMATS = ("json", "graphml", "gexf", "dot", "mermaid", "csv", "cypher", "anki", "skos", "jsonld")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="The file format.")
@click.option(
    "-o", "--output", default="-", show_default=True, help="File to write, - for standard output; a folder for csv."
)
@click.option("--force", is_flag=True, help="With --format csv: write into a folder that is not empty.")
@view_options
@click.option("--tour", help="Only the stops of this guided tour (see `awskg tour`).")
@pass_session
def export(session: Session, fmt: str, output: str, force: bool, tour: str | None, **slicing: Any) -> None:
    """Write the graph, or a slice of it, for other tools (Gephi, Graphviz, Neo4j, Anki, SKOS...).

    anki writes a binary .apkg: to a file with -o, or to standard output only
    when that is not a terminal (a pipe or a redirect).
    """
    from awskg.exports.formats import render
    from awskg.graph.atomic import write_atomic

    if fmt == "csv" and output == "-":
        raise click.UsageError("--format csv writes a pack folder: give one with -o DIR")
    if fmt == "anki" and output == "-" and sys.stdout.isatty():
        raise click.UsageError("--format anki writes a binary .apkg: give a file with -o deck.apkg")
    view = selected_view(session, **slicing, tour=tour)
    content = render(session.kg, view, fmt, session.lang)
    if isinstance(content, dict):
        from awskg.exports.csvpack import write_pack

        write_pack(Path(output), content, force=force)
    elif output == "-" and isinstance(content, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return
    elif output == "-":
        click.echo(content, nl=False)
        return
    else:
        write_atomic(output, content)
    click.echo(f"wrote {output}: {len(view.nodes)} nodes, {len(view.edges)} edges")


@cli.command("list")
@click.option("--kind", help="Only concepts of this kind (see `awskg stats`).")
@json_option
@pass_session
def list_(session: Session, kind: str | None, as_json: bool) -> None:
    """List the concepts, by kind."""
    from dataclasses import asdict

    from awskg.explorer.catalog import concepts

    kg, lang = session.kg, session.lang
    entries = concepts(kg, kind)
    if as_json:
        echo_json([asdict(e) for e in entries])
        return
    width = max((len(e.id) for e in entries), default=0)
    for entry in entries:
        click.echo(f"{entry.id:<{width}}  {kg.label(entry.id, lang)}  [{kg.kind_label(entry.kind, lang)}]")


@cli.command()
@json_option
@pass_session
def stats(session: Session, as_json: bool) -> None:
    """Count the concepts by kind and the edges by relation."""
    from dataclasses import asdict

    from awskg.explorer.catalog import stats as graph_stats

    result = graph_stats(session.kg)
    if as_json:
        echo_json(asdict(result))
        return
    click.echo(f"{result.nodes} nodes, {result.edges} edges")
    for title, counts in (("kinds", result.kinds), ("relations", result.relations)):
        click.echo(f"\n{title}:")
        width = max(len(name) for name in counts)
        for name, count in counts.items():
            click.echo(f"  {name:<{width}}  {count:>4}")
