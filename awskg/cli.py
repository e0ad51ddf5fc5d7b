"""The ``awskg`` command: parse, call the library, print. Nothing else lives here.

Every error a user can cause is an :class:`awskg.AwskgError`; :class:`Command`
turns it into a message on stderr and its exit code (1: a broken pack, no
path, no search match or no quiz question; 2: an unknown name or an unreadable
question), so no traceback reaches
a user and no command catches errors itself. A quiz or tour stopped by Ctrl-C
or the end of input exits 130 (:data:`awskg.terminal.STOPPED`), never with
click's "Aborted!".

Query commands return their result and :func:`answers` prints it, as JSON
(``--json``) or for people; the words around the data are :mod:`awskg.i18n`'s.

How the words look (colour, wrapping to the window, tables, escaping pack
text) is :mod:`awskg.terminal`'s business: every human-readable line goes
through ``session.term.line``.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import re
import sys
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from awskg import i18n
from awskg.errors import AwskgError, NoMatch, NoQuestions
from awskg.graph.loading import paused_gc
from awskg.graph.model import KnowledgeGraph
from awskg.terminal import STOPPED, Piece, Terminal, cells, marked, safe_json
from awskg.version import __version__

if TYPE_CHECKING:  # the commands import these on first use, so a query loads only what it needs
    from click.shell_completion import CompletionItem

    from awskg.explorer.cards import Card
    from awskg.explorer.catalog import Entry, RelationRow, Stats
    from awskg.explorer.compare import Comparison, PropertyRow
    from awskg.explorer.learn import LearningPath
    from awskg.explorer.neighbors import Neighborhood
    from awskg.explorer.paths import Relatedness
    from awskg.explorer.question import Answer
    from awskg.explorer.quiz import Question
    from awskg.explorer.search import Match
    from awskg.explorer.tours import Stop, Tour, TourSummary
    from awskg.explorer.view import View
    from awskg.graph.authoring import Added

#: A Hangul syllable or letter: a question holding one is answered in Korean.
HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
#: Packs bigger than this (bytes of CSV) show a spinner on stderr while loading or checking, on a terminal.
LARGE_PACK = 2 * 1024 * 1024
#: Views with more nodes than this show a spinner while ``html`` or ``export`` renders them.
LARGE_VIEW = 5_000


class Session:
    """The global options, the terminal they print to, and the graph, loaded once on first use."""

    def __init__(
        self, lang: str, packs: tuple[Path, ...], builtin: bool, term: Terminal | None = None, chosen: bool = False
    ) -> None:
        self.lang, self.packs, self.builtin = lang, packs, builtin
        self.term = term or Terminal()
        #: whether ``--lang`` was given on the command line, which decides over everything else
        self.lang_chosen = chosen

    def follow(self, text: str) -> None:
        """Answer in Korean what the learner wrote in Hangul, unless ``--lang`` said otherwise."""
        if not self.lang_chosen and HANGUL.search(text):
            self.lang = "ko"

    @cached_property
    def kg(self) -> KnowledgeGraph:
        from awskg.graph.cache import load_cached

        large = self.large
        # Loading makes hundreds of thousands of objects and no cyclic garbage: the collector is
        # paused meanwhile, then the graph is frozen out of its scans for the rest of the command
        # (its first pass would otherwise walk every object just made). The freeze ends with the
        # command, so an in-process caller (a test's CliRunner) gets its collector back whole.
        with self.term.busy(self.word("loading"), when=large), paused_gc():
            kg = load_cached(self.packs, builtin=self.builtin, version=__version__)
            gc.freeze()
        click.get_current_context().call_on_close(gc.unfreeze)
        return kg

    @property
    def large(self) -> bool:
        """Whether the overlay packs are big enough for loading them to deserve a spinner."""
        from awskg.graph.vocabulary import SCHEMAS  # only the pack's own files: a stray broken link is no concern

        files = [p / s.filename for p in self.packs for s in SCHEMAS.values()]
        return sum(f.stat().st_size for f in files if f.is_file()) > LARGE_PACK

    def word(self, key: str, **values: Any) -> str:
        return i18n.text(self.lang, key, **values)

    def said(self, text: str, *nodes: str) -> list[Piece]:
        """A sentence about ``nodes`` with their labels styled as concepts and the rest as the relation."""
        return marked(text, [self.kg.label(node, self.lang) for node in nodes if node in self.kg])


class Command(click.Command):
    """A command whose awskg errors become a clean message and exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        from awskg.output import guarded_output

        with guarded_output():
            return self._invoke(ctx)

    def _invoke(self, ctx: click.Context) -> Any:
        session = ctx.find_object(Session)
        term = session.term if session else Terminal()
        try:
            return super().invoke(ctx)
        except AwskgError as exc:
            lang = session.lang if session else "en"
            for line in exc.lines(lang):
                for text in line.splitlines():  # some errors list examples, one a line
                    term.line(text, err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:  # Ctrl-C: stop quietly, with the shell's code, not click's "Aborted!"
            click.echo(err=True)
            ctx.exit(STOPPED)
        except BrokenPipeError:  # `awskg ... | head`: the reader has gone, so say nothing more
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lets the interpreter's final flush succeed
            ctx.exit(0)
        except OSError as exc:  # a full disk, a read-only folder: nothing was half-written
            where = f"{exc.filename}: " if exc.filename else ""
            term.line(f"Error: {where}{exc.strerror or exc}", err=True)
            ctx.exit(1)


class Group(click.Group):
    command_class = Command


def main() -> None:
    """The ``awskg`` console script: run the command, then leave without tearing the graph down.

    A process that is about to exit gains nothing from freeing a large graph
    object by object (a tenth of a query at 50,000 concepts): once the output
    is flushed, it exits at once and the system takes the memory back. Python
    callers use :data:`cli`, which returns normally.
    """
    try:
        cli.main(prog_name="awskg")
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError):  # a reader that went away (`| head`) takes nothing more
                stream.flush()
    os._exit(code)


class ConceptName(click.ParamType[str]):
    """A concept argument: any id, label or alias, completed from the loaded graph."""

    name = "concept"

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
        """Ids and labels starting with what was typed, from the cached graph (every TAB press loads it)."""
        from click.shell_completion import CompletionItem

        from awskg.graph.cache import load_cached

        root = ctx.find_root().params
        try:
            kg = load_cached(root.get("packs") or (), builtin=not root.get("no_builtin"), version=__version__)
        except AwskgError:
            return []
        typed = incomplete.casefold()
        return [
            CompletionItem(node, help=kg.label(node))
            for node in sorted(kg.node_ids())
            if node.startswith(typed) or kg.label(node).casefold().startswith(typed)
        ]


CONCEPT = ConceptName()
json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")


def echo_json(data: Any) -> None:
    """JSON for programs: never styled or wrapped, whatever the terminal."""
    click.echo(safe_json(json.dumps(data, ensure_ascii=False, indent=2)), color=False)


def answers(printer: Callable[..., None]) -> Callable[[Callable[..., Any]], Callable[..., None]]:
    """The one output path of the query commands, and their ``--json`` option.

    The decorated command computes and returns its result; with ``--json`` the
    result's ``to_json()`` is printed (each item's, for a list), otherwise
    ``printer(session, result, **options)`` prints it for people. A command
    that returns None has printed already (``relations --markdown``).
    """

    def decorate(command: Callable[..., Any]) -> Callable[..., None]:
        @functools.wraps(command)
        def run(session: Session, /, *args: Any, as_json: bool, **options: Any) -> None:
            result = command(session, *args, **options)
            if result is None:
                return
            if as_json:
                echo_json([item.to_json() for item in result] if isinstance(result, list) else result.to_json())
            else:
                printer(session, result, **options)

        return json_option(run)

    return decorate


@click.group(cls=Group)
@click.option(
    "--lang",
    type=click.Choice(i18n.LANGS),
    envvar="AWSKG_LANG",
    help="Language of labels and sentences. Default: $AWSKG_LANG, else en; ask answers a question in Hangul in ko.",
)
@click.option(
    "--pack",
    "packs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Overlay pack folder on top of the built-in one (repeatable).",
)
@click.option("--no-builtin", is_flag=True, help="Load only the --pack folders, not the built-in pack.")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the output, or not. Default: on a terminal unless NO_COLOR is set; never in a pipe.",
)
@click.version_option(package_name="awskg")
@click.pass_context
def cli(ctx: click.Context, lang: str | None, packs: tuple[Path, ...], no_builtin: bool, color: bool | None) -> None:
    """Explore how cloud and AWS fundamentals fit together, in English or Korean."""
    chosen = ctx.get_parameter_source("lang") == click.core.ParameterSource.COMMANDLINE
    ctx.obj = Session(lang or "en", packs, not no_builtin, Terminal.detect(color), chosen)


pass_session = click.make_pass_decorator(Session)


@cli.command()
@click.option("--strict", is_flag=True, help="Also warn about what is legal but probably a mistake.")
@pass_session
def check(session: Session, strict: bool) -> None:
    """Validate the packs; list every problem as path:line: message (exit 1)."""
    from awskg.graph.loading import validate

    term = session.term
    with term.busy("checking packs", when=session.large):
        report = validate(session.packs, builtin=session.builtin, strict=strict)  # never cached
    for warning in report.warnings:
        term.line(str(warning), err=True)
    count = len(report.warnings)
    note = f" ({count} warning{'s' * (count != 1)})" if strict else ""
    term.line(("ok", "right"), f": {report.nodes} nodes, {report.edges} edges, {report.relations} relations{note}")


@cli.command("init-pack")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@pass_session
def init_pack(session: Session, folder: Path) -> None:
    """Create a new overlay pack: CSV headers, a commented example and a README."""
    from awskg.graph.authoring import init_pack as create

    for path in create(folder):
        session.term.line(f"created {path}")
    session.term.line("next: ", (f"awskg --pack {folder} check", "key"))


into_option = click.option(
    "--into", type=click.Path(file_okay=False, path_type=Path), help="With several --pack folders, the one to write."
)


def report_added(session: Session, added: Added) -> None:
    session.term.line(f"added {added.path}:{added.line}: {','.join(added.values.values())}")


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
def add_node(session: Session, /, node_id: str, aliases: tuple[str, ...], into: Path | None, **values: str) -> None:
    """Append a concept to the overlay pack given with --pack, validated first."""
    from awskg.graph.authoring import add_node as append

    added = append(
        list(session.packs), builtin=session.builtin, into=into, id=node_id, aliases=";".join(aliases), **values
    )
    report_added(session, added)


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
    report_added(session, added)


@cli.command("add-property")
@click.argument("node", type=CONCEPT)
@click.argument("dimension")
@click.argument("value")
@click.option("--note", default="", help="A short remark shown with the property.")
@click.option("--note-ko", default="", help="The remark in Korean.")
@click.option("--source-ref", default="", help="Where the property comes from (a documentation URL).")
@into_option
@pass_session
def add_property(session: Session, /, node: str, dimension: str, value: str, into: Path | None, **cited: str) -> None:
    """Append what NODE is like (DIMENSION = VALUE) to the overlay pack's properties.csv, validated first."""
    from awskg.graph.authoring import add_property as append

    added = append(list(session.packs), node, dimension, value, builtin=session.builtin, into=into, **cited)
    report_added(session, added)


@cli.command()
@click.option("--markdown", is_flag=True, help="Print the relation and kind tables of docs/authoring.md.")
@pass_session
@answers(lambda session, rows, **_: print_relations(session, rows))
def relations(session: Session, markdown: bool) -> list[RelationRow] | None:
    """List the relation vocabulary: both readings in both languages, and how many edges use it."""
    from awskg.explorer.catalog import vocabulary, vocabulary_markdown

    if markdown:
        click.echo(vocabulary_markdown(session.kg), nl=False)
        return None
    return vocabulary(session.kg)


def print_relations(session: Session, rows: list[RelationRow]) -> None:
    from awskg.explorer.sentences import sentence_parts

    kg, term = session.kg, session.term
    for row in rows:
        term.line((row.name, "heading"), f" ({row.edges} edges)")
        term.line("  en: ", *marked(f"A {row.label} B / B {row.inverse_label} A", "AB", "key"), hang=4)
        forward = "".join(sentence_parts(kg, "", row.name, "", "ko", subject_label="A", object_label="B"))
        backward = "".join(sentence_parts(kg, "", row.name, "", "ko", True, subject_label="B", object_label="A"))
        term.line("  ko: ", *marked(f"{forward} / {backward}", "AB", "key"), hang=4)
        if row.description:
            term.line(f"  {row.description}")


@cli.command()
@click.argument("name", nargs=-1, required=True, type=CONCEPT)
@pass_session
@answers(lambda session, found, **_: print_card(session, found))
def show(session: Session, name: tuple[str, ...]) -> Card:
    """Show one concept's card: labels, kind, summary, docs and its facts.

    NAME may be several words without quotes: `awskg show 가용 영역`.
    """
    from awskg.explorer.cards import card

    return card(session.kg, " ".join(name))


def print_card(session: Session, found: Card) -> None:
    from awskg.explorer.sentences import sentence

    kg, lang, term = session.kg, session.lang, session.term
    korean = lang == "ko"
    other = found.label if lang == "ko" else found.label_ko
    label = kg.label(found.id, lang)
    aside = f" ({other})" if other and other != label else ""
    term.line((label, "concept"), aside, " · ", (kg.kind_label(found.kind, lang), "kind"))
    if found.aliases:
        term.line((f"{session.word('aliases')}:", "muted"), f" {', '.join(found.aliases)}")
    if kg.summary(found.id, lang):
        term.line(kg.summary(found.id, lang))
    if found.docs:
        from awskg.explorer.citations import docs_link

        term.line((f"{session.word('docs_label')}:", "muted"), " ", (docs_link(found.docs, lang), "url"))
    if found.properties:
        term.line()
        term.line((f"{session.word('properties')}:", "heading"))
        for prop in found.properties:
            value = (korean and prop["label_ko"]) or prop["label"]
            term.line("  ", (f"{kg.dimension_label(prop['dimension'], lang)}:", "relation"), f" {value}", hang=2)
            print_note(session, prop)
    term.line()
    term.line((f"{session.word('facts')}:", "heading"))
    facts = [(sentence(kg, found.id, f["relation"], f["target"], lang), found.id, f["target"], f) for f in found.out]
    facts += [(sentence(kg, f["source"], f["relation"], found.id, lang), f["source"], found.id, f) for f in found.in_]
    for text, source, target, fact in facts:
        term.line("  ", *session.said(text, source, target), hang=2)
        print_note(session, fact)
    if not facts:
        term.line(f"  {session.word('none')}")


def print_note(session: Session, record: dict[str, str]) -> None:
    """A fact's or property's note, indented under it, in the session's language."""
    note = (session.lang == "ko" and record.get("note_ko")) or record.get("note")
    if note:
        session.term.line("    ", (f"({session.word('note')}: {note})", "muted"), hang=1)


def print_relatedness(session: Session, answer: Relatedness) -> None:
    term = session.term
    a, b = answer.from_["label"], answer.to["label"]
    best = answer.hops_apart
    word = "only_common" if not answer.paths else "direct" if best == 1 else "apart"
    term.line(*marked(session.word(word, a=a, b=b, n=best), [a, b], rest=None))
    if answer.shared:
        pieces: list[Piece] = [(f"{session.word('common')}:", "heading"), " "]
        for number, fact in enumerate(answer.shared):
            pieces += ["; "] * bool(number) + session.said(fact.text, fact.node)
        term.line(*pieces, hang=2)
    for number, path in enumerate(answer.paths, 1):
        term.line()
        for step, hop in enumerate(path.hops):
            lead = f"{number}. " if step == 0 else "   "
            term.line(lead, *session.said(hop.text, hop.source, hop.target), hang=len(lead))
            if hop.note:
                term.line("     ", (f"({session.word('note')}: {hop.note})", "muted"), hang=6)


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
@pass_session
@answers(lambda session, answer, **_: print_relatedness(session, answer))
def relate(session: Session, a: str, b: str, limit: int, max_hops: int) -> Relatedness:
    """How A and B are connected: the most telling short paths, read as sentences.

    Exit 1 when no path of at most --max-hops exists.
    """
    from awskg.explorer.paths import relate as find_paths

    return find_paths(session.kg, a, b, limit=limit, max_hops=max_hops, lang=session.lang)


@cli.command()
@click.argument("question", nargs=-1, required=True)
@path_options
@pass_session
@answers(lambda session, answer, **_: print_answer(session, answer))
def ask(session: Session, question: tuple[str, ...], limit: int, max_hops: int) -> Answer:
    """Answer a question in English or Korean: "how does Fargate relate to EKS", "VPC가 뭐야"."""
    from awskg.explorer.question import ask as answer_question

    text = " ".join(question)
    session.follow(text)
    answer = answer_question(session.kg, text, limit=limit, max_hops=max_hops, lang=session.lang)
    if answer.left_out:
        left_out = ", ".join(session.kg.label(node, session.lang) for node in answer.left_out)
        first, second = (session.kg.label(node, session.lang) for node in answer.concepts)
        session.term.line((session.word("first_two", a=first, b=second, rest=left_out), "muted"), err=True)
    return answer


def print_answer(session: Session, answer: Answer) -> None:
    """An ``ask`` answer, printed as the command it stands for would."""
    from awskg.explorer import cards, compare, learn

    result = answer.result
    if isinstance(result, cards.Card):
        print_card(session, result)
    elif isinstance(result, learn.LearningPath):
        print_learning(session, result)
    elif isinstance(result, compare.Comparison):
        print_comparison(session, result)
    else:
        print_relatedness(session, result)


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
@pass_session
@answers(lambda session, around, **_: print_neighborhood(session, around))
def neighbors(session: Session, name: str, relation: str | None, direction: str, depth: int) -> Neighborhood:
    """What is around NAME, grouped by relation."""
    from awskg.explorer.neighbors import neighbors

    return neighbors(session.kg, name, relation=relation, direction=direction, depth=depth, lang=session.lang)


def print_neighborhood(session: Session, around: Neighborhood) -> None:
    term = session.term
    term.line((around.label, "concept"))
    for group in around.groups:
        if session.lang == "ko":
            # Korean reads the group as whole sentences, one per concept reached from: no particle pair
            labels = [around.label] + [n["label"] for n in group.nodes]
            labels += [session.kg.label(n["via"], session.lang) for n in group.nodes]
            for said in group.sentences:
                term.line("  ", *marked(said, labels), hang=2)
            continue
        names: list[Piece] = []
        for node in group.nodes:
            names += [", "] * bool(names) + [(node["label"], "concept")]
            if node["depth"] > 1:
                names.append((f" ({session.word('via')} {session.kg.label(node['via'], session.lang)})", "muted"))
        term.line("  ", (f"{group.reading}:", "relation"), " ", *names, hang=2)


@cli.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100), help="How many hits at most.")
@pass_session
@answers(lambda session, matches, **_: print_matches(session, matches))
def search(session: Session, text: tuple[str, ...], limit: int) -> list[Match]:
    """Find concepts by partial or misspelled name, in English or Korean. Exit 1 if none."""
    from awskg.explorer.search import search as find

    query = " ".join(text)
    matches = find(session.kg, query, limit)
    if not matches:
        raise NoMatch(query)
    return matches


def print_matches(session: Session, matches: list[Match]) -> None:
    width = max(len(m.id) for m in matches)
    for match in matches:
        print_entry(session, match.id, width, match.kind)


@cli.command()
@click.argument("a", type=CONCEPT)
@click.argument("b", type=CONCEPT)
@pass_session
@answers(lambda session, result, **_: print_comparison(session, result))
def compare(session: Session, a: str, b: str) -> Comparison:
    """How A and B differ, property by property, then the facts they share and those only one has."""
    from awskg.explorer.compare import compare as side_by_side

    return side_by_side(session.kg, a, b, lang=session.lang)


def print_comparison(session: Session, result: Comparison) -> None:
    """Differences dimension by dimension first, then what both share, then the facts.

    A fact is under "Only A" when the graph shows B lacks it, under "Also
    about A" otherwise; dimensions that cannot be compared come last.
    """
    term = session.term
    names = (result.a["label"], result.b["label"])
    term.line((names[0], "concept"), " vs ", (names[1], "concept"))
    for title, rows in ((session.word("differences"), result.differences), (session.word("same"), result.same)):
        print_property_rows(session, title, rows, names)
    term.line()
    term.line((f"{session.word('common')}:", "heading"))
    for fact in result.shared:
        term.line("  ", *session.said(fact.text, fact.node), hang=2)
    if not result.shared:
        term.line(f"  {session.word('none')}")
    for word, name, facts in (
        ("only", names[0], result.only_a),
        ("only", names[1], result.only_b),
        ("more", names[0], result.more_a),
        ("more", names[1], result.more_b),
    ):
        if facts:
            term.line()
            term.line((f"{session.word(word, a=name)}:", "heading"))
        for fact in facts:
            term.line("  ", *session.said(fact.text, fact.node), hang=2)
    print_property_rows(session, session.word("unknown_rows"), result.unknown, names)


def print_property_rows(session: Session, title: str, rows: list[PropertyRow], names: tuple[str, str]) -> None:
    """Dimensions under a heading: a table (what | A | B) on a wide terminal, else a block per dimension."""
    if not rows:
        return
    term = session.term

    def shown(values: list[dict[str, str]]) -> list[Piece]:
        return [", ".join(v["label"] for v in values)] if values else [(f"({session.word('not_stated')})", "muted")]

    term.line()
    term.line((f"{title}:", "heading"))
    header: list[list[Piece]] = [[], [(names[0], "concept")], [(names[1], "concept")]]
    if term.table(header, [[[(row.label, "relation")], shown(row.a), shown(row.b)] for row in rows]):
        return
    for row in rows:
        term.line("  ", (row.label, "relation"))
        for name, values in zip(names, (row.a, row.b), strict=True):
            term.line("    ", (name, "concept"), ": ", *shown(values), hang=2)


#: ``html``'s and ``export``'s ``--open``: show the written page in the user's browser.
OPEN = click.option(
    "--open", "open_page", is_flag=True, help="Then open the page in your web browser (BROWSER is honoured)."
)


def view_options(command: Any) -> Any:
    """The slicing options that ``html`` and ``export`` share."""
    for option in reversed(
        [
            click.option("--focus", type=CONCEPT, help="Only the neighborhood of this concept."),
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
) -> View:
    from awskg.errors import EmptySlice
    from awskg.explorer.view import select

    view = select(
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
    if not view.nodes:
        raise EmptySlice()
    return view


@cli.command()
@click.option(
    "-o",
    "--output",
    default="awskg-map.html",
    show_default=True,
    type=click.Path(dir_okay=False),  # a str: a trailing slash (a folder) must reach the writer
    help="Where to write the page.",
)
@view_options
@OPEN
@pass_session
def html(session: Session, /, output: str, open_page: bool, **slicing: Any) -> None:
    """Write the interactive map as one offline HTML page."""
    from awskg.exports.html import generate_html
    from awskg.graph.atomic import write_atomic

    view = selected_view(session, **slicing)
    with session.term.busy(session.word("rendering", n=len(view.nodes)), when=len(view.nodes) > LARGE_VIEW):
        write_atomic(output, generate_html(session.kg, view, session.lang))
    session.term.line(f"wrote {output}: {len(view.nodes)} nodes, {len(view.edges)} edges")
    if open_page:
        show_in_browser(session, Path(output))


def show_in_browser(session: Session, page: Path) -> None:
    """Print the written page's ``file://`` URL, then hand it to the user's browser.

    :mod:`webbrowser` picks the browser and honours ``BROWSER``. No browser is
    no failure: the page is written and its address printed, so the command
    says so on stderr and still exits 0.
    """
    import webbrowser

    url = page.resolve().as_uri()
    session.term.line(url)
    try:
        opened = webbrowser.open(url)
    except webbrowser.Error:
        opened = False
    if not opened:
        session.term.line(session.word("no_browser"), err=True)


#: What a key does in an interactive tour: Enter, n, space or → go on; b or ← go back; q or Esc quit.
TOUR_KEYS = {"\r": 1, "\n": 1, "n": 1, " ": 1, "\x1b[C": 1, "b": -1, "\x1b[D": -1, "q": 0, "\x1b": 0}


@cli.command("tour")
@click.argument("name", required=False)
@click.option("--stop", "first", type=click.IntRange(min=1), help="Start at this stop (1 is the first).")
@pass_session
@answers(lambda session, result, first=None, **_: print_tour(session, result, first))
def tour_(session: Session, name: str | None, first: int | None) -> list[TourSummary] | Tour:
    """List the guided tours, or walk one stop by stop.

    On a terminal one stop shows at a time: Enter or n for the next, b for
    back, q to quit. Piped, every stop is printed.
    """
    from awskg.explorer.tours import tour, tours

    return tours(session.kg, session.lang) if name is None else tour(session.kg, name, session.lang)


def print_tour(session: Session, result: list[TourSummary] | Tour, first: int | None) -> None:
    """The list of tours, or one tour walked from stop ``first``."""
    term = session.term
    korean = session.lang == "ko"
    if isinstance(result, list):
        # in Korean a tour goes by its Korean title (`tour 컨테이너` finds it); in English by its name
        titles = [entry.title if korean else entry.name for entry in result]
        width = max(map(cells, titles), default=0)
        for entry, name in zip(result, titles, strict=True):
            term.line(
                (name + " " * (width - cells(name)), "heading"),
                f"  {session.word('stops', n=f'{entry.stops:>2}')}  ",
                (entry.first, "concept"),
                " → ",
                (entry.last, "concept"),
                hang=width + 2,
            )
        return
    walk = result
    total = len(walk.stops)
    if first is not None and first > total:
        raise click.BadParameter(f"{walk.name} has {total} stops", param_hint="--stop")
    index = (first or 1) - 1
    term.line((walk.title if korean else walk.name, "heading"), f" ({session.word('stops', n=total)})")
    if not term.interactive:
        for stop in walk.stops[index:]:
            print_stop(session, stop)
        return
    shown = None
    while True:
        if shown != index:
            print_stop(session, walk.stops[index])
            shown = index
        where = session.word("stop_of", n=index + 1, total=total)
        pressed = term.key([(f"[{where}]", "heading"), " ", (session.word("tour_keys"), "muted")])
        if pressed is None:  # Ctrl-C or Ctrl-D
            click.get_current_context().exit(STOPPED)
        step = TOUR_KEYS.get(pressed, TOUR_KEYS.get(pressed.lower()))  # arrows are case-sensitive sequences
        if step == 0 or (step == 1 and index == total - 1):
            return
        if step is not None:
            index = min(max(index + step, 0), total - 1)


def print_stop(session: Session, stop: Stop) -> None:
    """A tour stop: its concept and kind, the link from the stop before as sentences, the note, the summary."""
    term = session.term
    term.line()
    marker = f"{stop.step}. "
    term.line(marker, (stop.label, "concept"), " · ", (session.kg.kind_label(stop.kind, session.lang), "kind"))
    for hop in stop.link:
        term.line("   ↳ ", *session.said(hop.text, hop.source, hop.target), hang=2)
    if stop.note:
        term.line("   ", (stop.note, "heading"))
    term.line(f"   {stop.summary}")


def progress_option(help_text: str) -> Callable[[Any], Any]:
    """``--progress FILE``, the one progress file the page, ``learn`` and ``quiz`` share."""
    return click.option("--progress", "progress_file", type=click.Path(path_type=Path), help=help_text)


@cli.command()
@click.argument("name", nargs=-1, required=True, type=CONCEPT)
@click.option("--limit", default=15, show_default=True, type=click.IntRange(1, 200), help="Most steps, NAME included.")
@progress_option("A progress file (the page's export): done concepts are left out, learning ones flagged.")
@pass_session
@answers(lambda session, path, **_: print_learning(session, path))
def learn(session: Session, name: tuple[str, ...], limit: int, progress_file: Path | None) -> LearningPath:
    """What to learn before NAME, in order: each step after what it needs, NAME last.

    Only prerequisites count (relations with the prerequisite trait; see
    `awskg relations`). NAME may be several words: `awskg learn 가용 영역`.
    A bad progress file exits 1.
    """
    from awskg.explorer.learn import learn as learning_path
    from awskg.progress import read_progress

    marks = read_progress(progress_file) if progress_file else None
    return learning_path(session.kg, " ".join(name), limit=limit, progress=marks, lang=session.lang)


def print_learning(session: Session, path: LearningPath) -> None:
    """Numbered steps, each with the fact that makes it one; the goal last."""
    term, goal = session.term, path.target["label"]
    if len(path.steps) == 1 and not path.more:
        term.line(*marked(session.word("learn_nothing", a=goal), [goal], rest=None))
        return
    term.line((session.word("learn_heading", a=goal), "heading"))
    width = len(str(len(path.steps)))
    for number, step in enumerate(path.steps, 1):
        marker = f"{number:>{width}}. "
        flag: list[Piece] = [(f"  [{session.word('learn_mark_' + step.mark)}]", "muted")] if step.mark else []
        goal_aside: list[Piece] = (
            [(f"  ({session.word('learn_goal')})", "muted")] if step.id == path.target["id"] else []
        )
        term.line(marker, (step.label, "concept"), *flag, *goal_aside, hang=len(marker))
        if step.because:
            term.line(" " * len(marker), (step.because, "muted"), hang=len(marker))
    if path.more:
        term.line((session.word("learn_more", n=path.more), "muted"))


@cli.command()
@click.option("--count", default=5, show_default=True, type=click.IntRange(1, 100), help="How many questions.")
@click.option("--kind", help="Only questions whose answer is of this kind.")
@click.option("--tour", "tour_name", help="Only facts about the stops of this tour.")
@click.option("--seed", type=int, help="The same seed asks the same questions (as --json and the page do).")
@progress_option('Mark the concepts of missed questions "learning" in this progress file (made if absent).')
@pass_session
@answers(lambda session, asked, progress_file=None, **_: run_quiz(session, asked, progress_file))
def quiz(
    session: Session, count: int, kind: str | None, tour_name: str | None, seed: int | None, progress_file: Path | None
) -> list[Question]:
    """Test yourself: multiple-choice questions generated from the graph's facts.

    Answer with the option's letter or number (or its name). A wrong answer is
    explained, and the quiz ends with the concepts to review. A key that is no
    option asks again. Ctrl-C or the end of input prints the score so far and
    the concepts to review, and exits 130.
    """
    from awskg.explorer.quiz import questions

    if progress_file:
        from awskg.progress import read_progress

        read_progress(progress_file, missing_ok=True)  # a bad file is refused before any question
    return questions(session.kg, count=count, kind=kind, tour=tour_name, seed=seed, lang=session.lang)


def run_quiz(session: Session, asked: list[Question], progress_file: Path | None = None) -> None:
    """Ask ``asked`` one by one on the terminal, then print the score and what to review."""
    if sys.stdin is None:
        raise click.UsageError("standard input is closed: the quiz reads your answers from it (or use --json)")
    if not asked:
        raise NoQuestions()
    score = answered = 0
    review: list[str] = []
    stopped = False
    for number, question in enumerate(asked, 1):
        picked = _ask_question(session, question, number, len(asked))
        if picked is None:  # Ctrl-C or the end of input: the score so far, never "Aborted!"
            stopped = True
            break
        answered += 1
        score += picked == question.answer
        if picked != question.answer:
            ends = [question.edge.get("source", question.answer), question.edge.get("target", question.answer)]
            review += [n for n in dict.fromkeys([question.answer, *ends]) if n not in review]
    if not stopped:
        session.term.line()
    session.term.line((session.word("quiz_score", score=score, total=answered), "score"))
    _review(session, review, progress_file)
    if stopped:
        click.get_current_context().exit(STOPPED)


def _ask_question(session: Session, question: Question, number: int, total: int) -> str | None:
    """Ask one question until a reply names an option; say if it was right, and why not. None: stopped."""
    from awskg.explorer.citations import cite

    term = session.term
    keys = "ABCDEFGH"[: len(question.options)]
    term.line()
    heading = session.word("question", n=number, total=total)
    term.line((heading, "heading"), f" {question.question}", hang=cells(heading) + 1)
    for letter, option in zip(keys, question.options, strict=False):
        term.line("  ", (f"{letter})", "key"), " ", (option["label"], "concept"), hang=3)
    picked = None
    while picked is None:
        reply = term.ask([session.word("answer_prompt", keys=f"{keys[0]}–{keys[-1]}")])
        if reply is None:
            return None
        picked = _picked(reply.strip(), question.options, keys)
        if picked is None:
            term.line((session.word("choose", keys=", ".join(keys)), "muted"))
    right = keys[[o["id"] for o in question.options].index(question.answer)]
    ends = [question.edge.get("source", ""), question.edge.get("target", "")]
    labels = [o["label"] for o in question.options] + [session.kg.label(n, session.lang) for n in ends if n]
    explained = [*marked(question.explanation, labels, rest=None)]
    if question.source_ref:
        explained.append((f" ({session.word('source_aside')}: {cite(question.source_ref, session.lang)})", "muted"))
    if picked == question.answer:
        term.line((f"✓ {session.word('quiz_right')}", "right"), " ", *explained, hang=2)
        return picked
    term.line((f"✗ {session.word('quiz_wrong', letter=right)}", "wrong"), " ", *explained, hang=2)
    why = next((e.get("why", "") for e in question.evidence if e["option"] == picked), "")
    if why:
        term.line((f"{session.word('quiz_why')}:", "muted"), " ", *marked(why, labels, rest=None), hang=2)
    return picked


def _review(session: Session, review: list[str], progress_file: Path | None) -> None:
    """The concepts of the missed questions; with a progress file, marked "learning" in it."""
    if not review:
        return
    labels = [session.kg.label(n, session.lang) for n in review]
    session.term.line((session.word("review"), "heading"), " ", *marked(", ".join(labels), labels, rest=None))
    if progress_file:
        from awskg.progress import mark_learning

        mark_learning(progress_file, review)
        session.term.line((session.word("review_saved", path=str(progress_file)), "muted"))


def _picked(reply: str, options: list[dict[str, str]], letters: str) -> str | None:
    """The option a reply names: its letter or number first, and only then its label or id.

    An option may be labelled like another's letter ("D"): the letter typed
    is the option meant.
    """
    if not reply:
        return None
    text = reply.casefold()
    for i, option in enumerate(options):
        if text in (letters[i].casefold(), str(i + 1)):
            return option["id"]
    for option in options:
        if text in (option["label"].casefold(), option["id"]):
            return option["id"]
    return None


class ExportFormat(click.Choice[str]):
    """``--format``: the names in the export registry, read only when ``export`` runs.

    Queries never import the exports, so the registry (:data:`awskg.exports.formats.FORMATS`)
    is imported the first time click asks for the choices: parsing or helping ``export``.
    """

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        from awskg.exports.formats import FORMATS

        return tuple(FORMATS)

    @choices.setter
    def choices(self, value: object) -> None:
        """click's ``Choice.__init__`` sets the choices; the registry's names stand instead."""


@cli.command()
@click.option("--format", "fmt", type=ExportFormat(), required=True, help="The file format.")
@click.option(
    "-o", "--output", default="-", show_default=True, help="File to write, - for standard output; a folder for csv."
)
@click.option("--force", is_flag=True, help="With --format csv: write into a folder that is not empty.")
@view_options
@click.option("--tour", help="Only the stops of this guided tour (see `awskg tour`).")
@click.option(
    "--dialect", type=click.Choice(["neo4j", "falkordb"]), help="With --format cypher: the database to load it [neo4j]."
)
@OPEN
@pass_session
def export(
    session: Session,
    /,
    fmt: str,
    output: str,
    force: bool,
    tour: str | None,
    dialect: str | None,
    open_page: bool,
    **slicing: Any,
) -> None:
    """Write the graph, or a slice of it, for other tools (Gephi, Graphviz, Neo4j, Anki, SKOS...).

    anki writes a binary .apkg: to a file with -o, or to standard output only
    when that is not a terminal (a pipe or a redirect).
    """
    from awskg.exports.formats import PAGES, render
    from awskg.graph.atomic import write_atomic

    if fmt == "csv" and output == "-":
        raise click.UsageError("--format csv writes a pack folder: give one with -o DIR")
    if fmt == "anki" and output == "-" and sys.stdout.isatty():
        raise click.UsageError("--format anki writes a binary .apkg: give a file with -o deck.apkg")
    if dialect and fmt != "cypher":
        raise click.UsageError("--dialect is for --format cypher")
    if open_page and (fmt not in PAGES or output == "-"):
        raise click.UsageError(f"--open shows a page: use it with -o FILE and --format {'/'.join(sorted(PAGES))}")
    view = selected_view(session, **slicing, tour=tour)
    with session.term.busy(session.word("rendering", n=len(view.nodes)), when=len(view.nodes) > LARGE_VIEW):
        content = render(session.kg, view, fmt, session.lang, **({"dialect": dialect} if dialect else {}))
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
    session.term.line(f"wrote {output}: {len(view.nodes)} nodes, {len(view.edges)} edges")
    if open_page:
        show_in_browser(session, Path(output))


@cli.command("list")
@click.option("--kind", help="Only concepts of this kind (see `awskg stats`).")
@pass_session
@answers(lambda session, entries, **_: print_entries(session, entries))
def list_(session: Session, kind: str | None) -> list[Entry]:
    """List the concepts, by kind."""
    from awskg.explorer.catalog import concepts

    return concepts(session.kg, kind)


def print_entries(session: Session, entries: list[Entry]) -> None:
    width = max((len(e.id) for e in entries), default=0)
    for entry in entries:
        print_entry(session, entry.id, width, entry.kind)


def print_entry(session: Session, node: str, width: int, kind: str) -> None:
    """One concept of ``list`` or ``search``: its id padded to ``width``, its label and its kind."""
    kg, lang = session.kg, session.lang
    session.term.line(
        (f"{node:<{width}}", "muted"),
        "  ",
        (kg.label(node, lang), "concept"),
        "  ",
        (f"[{kg.kind_label(kind, lang)}]", "kind"),
        hang=width + 2,
    )


@cli.command()
@pass_session
@answers(lambda session, result, **_: print_stats(session, result))
def stats(session: Session) -> Stats:
    """Count the concepts by kind and the edges by relation."""
    from awskg.explorer.catalog import stats as graph_stats

    return graph_stats(session.kg)


def print_stats(session: Session, result: Stats) -> None:
    term = session.term
    term.line(session.word("stats_total", nodes=result.nodes, edges=result.edges))
    for title, counts in (
        (session.word("stats_kinds"), result.kinds),
        (session.word("stats_relations"), result.relations),
    ):
        term.line()
        term.line((f"{title}:", "heading"))
        width = max((len(name) for name in counts), default=0)
        for name, count in counts.items():
            label = session.kg.kind_label(name, "ko") if session.lang == "ko" and counts is result.kinds else ""
            term.line(f"  {name:<{width}}  ", (f"{count:>4}", "score"), (f"  {label}" * bool(label), "muted"))
