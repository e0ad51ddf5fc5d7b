"""How each answer reads at a terminal: the human-readable half of every query command.

:func:`awskg.cli.answers` prints a command's result with ``--json``, or hands it to the printer here;
the quiz and the tour also take the learner's keys. Every line goes through ``session.term.line``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from awskg.errors import NoQuestions
from awskg.terminal import STOPPED, Piece, cells, marked

__all__ = [
    "TOUR_KEYS",
    "option_picked",
    "print_answer",
    "print_card",
    "print_comparison",
    "print_entries",
    "print_entry",
    "print_learning",
    "print_matches",
    "print_neighborhood",
    "print_note",
    "print_property_rows",
    "print_relatedness",
    "print_relations",
    "print_stats",
    "print_stop",
    "print_tour",
    "report_added",
    "run_quiz",
]

if TYPE_CHECKING:  # the printers import what they use on first use, so a query loads only what it needs
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
    from awskg.graph.authoring import Added
    from awskg.session import Session


def report_added(session: Session, added: Added) -> None:
    session.term.line(f"added {added.path}:{added.line}: {','.join(added.values.values())}")


def print_relations(session: Session, rows: list[RelationRow]) -> None:
    from awskg.explorer.sentences import sentence_parts

    kg, term = session.kg, session.term
    for row in rows:
        term.line((row.name, "heading"), f" ({session.word('relation_uses', n=row.edges)})")
        term.line("  en: ", *marked(f"A {row.label} B / B {row.inverse_label} A", "AB", "key"), hang=4)
        forward = "".join(sentence_parts(kg, "", row.name, "", "ko", subject_label="A", object_label="B"))
        backward = "".join(sentence_parts(kg, "", row.name, "", "ko", True, subject_label="B", object_label="A"))
        term.line("  ko: ", *marked(f"{forward} / {backward}", "AB", "key"), hang=4)
        if row.heading_ko or row.inverse_heading_ko:  # the short names over facts and on arrows
            term.line(
                f"  {session.word('headings_ko')}: {row.heading_ko or '-'} / {row.inverse_heading_ko or '-'}", hang=4
            )
        if row.description:
            term.line(f"  {row.description}")


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


def print_matches(session: Session, matches: list[Match]) -> None:
    width = max(len(m.id) for m in matches)
    for match in matches:
        print_entry(session, match.id, width, match.kind)


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


#: What a key does in an interactive tour: Enter, n, space or → go on; b or ← go back; q or Esc quit.
TOUR_KEYS = {"\r": 1, "\n": 1, "n": 1, " ": 1, "\x1b[C": 1, "b": -1, "\x1b[D": -1, "q": 0, "\x1b": 0}


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
        picked = option_picked(reply.strip(), question.options, keys)
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


def option_picked(reply: str, options: list[dict[str, str]], letters: str) -> str | None:
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
