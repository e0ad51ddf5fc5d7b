"""The ``awskg`` command: parse, call the library, print. Nothing else lives here.

Every error a user can cause is an :class:`awskg.AwskgError`; :class:`Command`
turns it into a message on stderr and its exit code (1: a broken pack, no
path, no search match or no quiz question; 2: an unknown name or an unreadable
question), so no traceback reaches
a user and no command catches errors itself. A quiz or tour stopped by Ctrl-C
or the end of input exits 130 (:data:`awskg.terminal.STOPPED`), never with
click's "Aborted!".

Query commands return their result and :func:`answers` prints it, as JSON
(``--json``) or, through :mod:`awskg.printers`, for people; the words around
the data are :mod:`awskg.i18n`'s. :class:`awskg.session.Session` holds the
global options and loads the graph once.

How the words look (colour, wrapping to the window, tables, escaping pack
text) is :mod:`awskg.terminal`'s business: every human-readable line goes
through ``session.term.line``.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from awskg import i18n, printers
from awskg.errors import AwskgError, NoMatch
from awskg.session import Session
from awskg.terminal import STOPPED, Terminal, safe_json
from awskg.version import __version__

if TYPE_CHECKING:  # the commands import these on first use, so a query loads only what it needs
    from click.shell_completion import CompletionItem

    from awskg.explorer.cards import Card
    from awskg.explorer.catalog import Entry, RelationRow, Stats
    from awskg.explorer.compare import Comparison
    from awskg.explorer.learn import LearningPath
    from awskg.explorer.neighbors import Neighborhood
    from awskg.explorer.paths import Relatedness
    from awskg.explorer.question import Answer
    from awskg.explorer.quiz import Question
    from awskg.explorer.search import Match
    from awskg.explorer.tours import Tour, TourSummary
    from awskg.explorer.view import View

#: Views with more nodes than this show a spinner while ``html`` or ``export`` renders them.
LARGE_VIEW = 5_000


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
    printers.report_added(session, added)


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
    printers.report_added(session, added)


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
    printers.report_added(session, added)


@cli.command()
@click.option("--markdown", is_flag=True, help="Print the relation and kind tables of docs/authoring.md.")
@pass_session
@answers(lambda session, rows, **_: printers.print_relations(session, rows))
def relations(session: Session, markdown: bool) -> list[RelationRow] | None:
    """List the relation vocabulary: both readings in both languages, and how many edges use it."""
    from awskg.explorer.catalog import vocabulary, vocabulary_markdown

    if markdown:
        click.echo(vocabulary_markdown(session.kg), nl=False)
        return None
    return vocabulary(session.kg)


@cli.command()
@click.argument("name", nargs=-1, required=True, type=CONCEPT)
@pass_session
@answers(lambda session, found, **_: printers.print_card(session, found))
def show(session: Session, name: tuple[str, ...]) -> Card:
    """Show one concept's card: labels, kind, summary, docs and its facts.

    NAME may be several words without quotes: `awskg show 가용 영역`.
    """
    from awskg.explorer.cards import card

    return card(session.kg, " ".join(name))


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
@answers(lambda session, answer, **_: printers.print_relatedness(session, answer))
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
@answers(lambda session, answer, **_: printers.print_answer(session, answer))
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
@answers(lambda session, around, **_: printers.print_neighborhood(session, around))
def neighbors(session: Session, name: str, relation: str | None, direction: str, depth: int) -> Neighborhood:
    """What is around NAME, grouped by relation."""
    from awskg.explorer.neighbors import neighbors

    return neighbors(session.kg, name, relation=relation, direction=direction, depth=depth, lang=session.lang)


@cli.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100), help="How many hits at most.")
@pass_session
@answers(lambda session, matches, **_: printers.print_matches(session, matches))
def search(session: Session, text: tuple[str, ...], limit: int) -> list[Match]:
    """Find concepts by partial or misspelled name, in English or Korean. Exit 1 if none."""
    from awskg.explorer.search import search as find

    query = " ".join(text)
    matches = find(session.kg, query, limit)
    if not matches:
        raise NoMatch(query)
    return matches


@cli.command()
@click.argument("a", type=CONCEPT)
@click.argument("b", type=CONCEPT)
@pass_session
@answers(lambda session, result, **_: printers.print_comparison(session, result))
def compare(session: Session, a: str, b: str) -> Comparison:
    """How A and B differ, property by property, then the facts they share and those only one has."""
    from awskg.explorer.compare import compare as side_by_side

    return side_by_side(session.kg, a, b, lang=session.lang)


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
    session.term.line(session.word("wrote", path=output, nodes=len(view.nodes), edges=len(view.edges)))
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


@cli.command("tour")
@click.argument("name", required=False)
@click.option("--stop", "first", type=click.IntRange(min=1), help="Start at this stop (1 is the first).")
@pass_session
@answers(lambda session, result, first=None, **_: printers.print_tour(session, result, first))
def tour_(session: Session, name: str | None, first: int | None) -> list[TourSummary] | Tour:
    """List the guided tours, or walk one stop by stop.

    On a terminal one stop shows at a time: Enter or n for the next, b for
    back, q to quit. Piped, every stop is printed.
    """
    from awskg.explorer.tours import tour, tours

    return tours(session.kg, session.lang) if name is None else tour(session.kg, name, session.lang)


def progress_option(help_text: str) -> Callable[[Any], Any]:
    """``--progress FILE``, the one progress file the page, ``learn`` and ``quiz`` share."""
    return click.option("--progress", "progress_file", type=click.Path(path_type=Path), help=help_text)


@cli.command()
@click.argument("name", nargs=-1, required=True, type=CONCEPT)
@click.option("--limit", default=15, show_default=True, type=click.IntRange(1, 200), help="Most steps, NAME included.")
@progress_option("A progress file (the page's export): done concepts are left out, learning ones flagged.")
@pass_session
@answers(lambda session, path, **_: printers.print_learning(session, path))
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


@cli.command()
@click.option("--count", default=5, show_default=True, type=click.IntRange(1, 100), help="How many questions.")
@click.option("--kind", help="Only questions whose answer is of this kind.")
@click.option("--tour", "tour_name", help="Only facts about the stops of this tour.")
@click.option("--seed", type=int, help="The same seed asks the same questions (as --json and the page do).")
@progress_option('Mark the concepts of missed questions "learning" in this progress file (made if absent).')
@pass_session
@answers(lambda session, asked, progress_file=None, **_: printers.run_quiz(session, asked, progress_file))
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
    session.term.line(session.word("wrote", path=output, nodes=len(view.nodes), edges=len(view.edges)))
    if open_page:
        show_in_browser(session, Path(output))


@cli.command("list")
@click.option("--kind", help="Only concepts of this kind (see `awskg stats`).")
@pass_session
@answers(lambda session, entries, **_: printers.print_entries(session, entries))
def list_(session: Session, kind: str | None) -> list[Entry]:
    """List the concepts, by kind."""
    from awskg.explorer.catalog import concepts

    return concepts(session.kg, kind)


@cli.command()
@pass_session
@answers(lambda session, result, **_: printers.print_stats(session, result))
def stats(session: Session) -> Stats:
    """Count the concepts by kind and the edges by relation."""
    from awskg.explorer.catalog import stats as graph_stats

    return graph_stats(session.kg)
