"""The ``awskg`` command: parse, call the library, print. Nothing else lives here.

Every error a user can cause is an :class:`awskg.AwskgError`; :class:`Command`
turns it into a message on stderr and its exit code (1: a broken pack or no
path; 2: an unknown name or an unreadable question), so no traceback reaches
a user and no command catches errors itself.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from typing import Any

import click

from awskg.graph.errors import AwskgError, PackError
from awskg.graph.loading import load
from awskg.graph.model import KnowledgeGraph

LANGS = ("en", "ko")

# Interface words in both languages; data (labels, summaries) comes from the packs.
WORDS = {
    "en": {"aliases": "aliases", "docs": "docs", "facts": "Facts", "none": "(none)"},
    "ko": {"aliases": "별칭", "docs": "문서", "facts": "관계", "none": "(없음)"},
}


class Session:
    """The global options, and the graph they describe, loaded once on first use."""

    def __init__(self, lang: str, packs: tuple[Path, ...], builtin: bool) -> None:
        self.lang, self.packs, self.builtin = lang, packs, builtin

    @cached_property
    def kg(self) -> KnowledgeGraph:
        return load(self.packs, builtin=self.builtin)

    def word(self, key: str) -> str:
        return WORDS[self.lang][key]


class Command(click.Command):
    """A command whose awskg errors become a clean message and exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PackError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            count = len(exc.problems)
            click.echo(f"{count} problem{'s' * (count != 1)} found", err=True)
            ctx.exit(exc.exit_code)
        except AwskgError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)


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
@click.option("--lang", type=click.Choice(LANGS), default="en", show_default=True, help="Language of labels and sentences.")
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
@pass_session
def check(session: Session) -> None:
    """Validate the packs; list every problem as path:line: message (exit 1)."""
    kg = session.kg
    click.echo(f"ok: {kg.graph.number_of_nodes()} nodes, {kg.graph.number_of_edges()} edges, {len(kg.relations)} relations")


@cli.command()
@click.argument("name", nargs=-1, required=True, type=CONCEPT)
@json_option
@pass_session
def show(session: Session, name: tuple[str, ...], as_json: bool) -> None:
    """Show one concept's card: labels, kind, summary, docs and its facts.

    NAME may be several words without quotes: `awskg show 가용 영역`.
    """
    from awskg.explorer.cards import card
    from awskg.explorer.sentences import sentence

    kg, lang = session.kg, session.lang
    found = card(kg, " ".join(name))
    if as_json:
        echo_json(found.to_json())
        return
    other = found.label if lang == "ko" else found.label_ko
    title = kg.label(found.id, lang) + (f" ({other})" if other and other != kg.label(found.id, lang) else "")
    click.echo(f"{title} · {kg.kind_label(found.kind, lang)}")
    if found.aliases:
        click.echo(f"{session.word('aliases')}: {', '.join(found.aliases)}")
    if kg.summary(found.id, lang):
        click.echo(kg.summary(found.id, lang))
    if found.docs:
        click.echo(f"{session.word('docs')}: {found.docs}")
    click.echo(f"\n{session.word('facts')}:")
    facts = [sentence(kg, found.id, f["relation"], f["target"], lang) for f in found.out]
    facts += [sentence(kg, f["source"], f["relation"], found.id, lang) for f in found.in_]
    for fact in facts or [session.word("none")]:
        click.echo(f"  {fact}")


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
