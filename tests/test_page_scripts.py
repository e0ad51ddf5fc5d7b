"""The page's scripts keep their order: no file uses a name that a file after it declares.

html.py inlines awskg/exports/templates/*.js in the order of ``SCRIPTS`` into one block. Each
file's header says what it takes from the files before it (``/* global a, b -- state.js */``)
and what it gives the files after it (``/* exported c */``); eslint (``no-undef``, CI) holds a
file to its header. This test needs neither eslint nor the network: a small scanner reads each
file's top-level declarations and the names it uses, and checks them against the headers and
the order, so the rule cannot rot where eslint is not run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import awskg
from awskg.exports.html import SCRIPTS

TEMPLATES = Path(awskg.__file__).parent / "exports" / "templates"
REPO = Path(__file__).resolve().parents[1]

_TOKEN = re.compile(
    r"""(?P<space>\s+)|(?P<comment>//[^\n]*|/\*.*?\*/)
    |(?P<string>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')
    |(?P<name>[A-Za-z_$][\w$]*)|(?P<number>\d[\w.]*)
    |(?P<punct>=>|\?\.|\.\.\.|[=!]==?|&&|\|\||[-+*/%&|^!<>=?:;,.(){}\[\]~`])""",
    re.S | re.X,
)
_REGEX = re.compile(r"/(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n\[])+/[a-z]*")
_HEADER = re.compile(r"/\*\s*(global|exported)\s+(.*?)\*/", re.S)
_DECLARE = {"const", "let", "var", "function", "class"}
_VALUE_END = {")", "]", "}"}
_KEYWORDS = {"return", "typeof", "case", "in", "of", "new", "delete", "void", "throw", "else", "do"}


def tokens(text: str) -> list[str]:
    """The code's names and punctuation: comments, strings, regular expressions and the text of
    template literals left out (the code inside a template's ``${...}`` is kept)."""
    out: list[str] = []
    at = 0
    while at < len(text):
        if text[at] == "/" and not text.startswith(("//", "/*"), at) and not (out and _ends_value(out[-1])):
            regex = _REGEX.match(text, at)
            if regex:
                at = regex.end()
                continue
        if text[at] == "`":
            at = _template(text, at + 1, out)
            continue
        match = _TOKEN.match(text, at)
        assert match, f"cannot read {text[at : at + 40]!r}"
        if match.lastgroup in ("name", "number", "punct"):
            out.append(match.group())
        at = match.end()
    return out


def _ends_value(token: str) -> bool:
    """Whether a ``/`` after this token divides (else it starts a regular expression)."""
    return token in _VALUE_END or (_is_name(token) and token not in _KEYWORDS) or token[0].isdigit()


def _is_name(token: str) -> bool:
    return token[0].isalpha() or token[0] in "_$"


def _template(text: str, at: int, out: list[str]) -> int:
    """Read a template literal from just after its backtick: the code of each ``${...}`` goes to
    ``out``; returns where the literal ends."""
    while text[at] != "`":
        if text.startswith("${", at):
            depth, start = 1, at + 2
            at += 2
            while depth:
                depth += {"{": 1, "}": -1}.get(text[at], 0)
                at += 1
            out += tokens(text[start : at - 1])
        else:
            at += 2 if text[at] == "\\" else 1
    return at + 1


@dataclass
class Script:
    """What one file declares at its top level, everything it declares anywhere (locals and
    parameters too), the names it uses, and its headers. A name declared anywhere in a file
    counts as the file's own throughout it: scopes are eslint's to see (no-undef, in CI)."""

    top: list[str] = field(default_factory=list)
    local: set[str] = field(default_factory=set)
    used: set[str] = field(default_factory=set)
    taken: dict[str, str] = field(default_factory=dict)  # name -> the file the header names
    exported: set[str] = field(default_factory=set)


def _bracketed(toks: list[str], start: int, step: int) -> list[str]:
    """The names a bracket declares (it starts at ``start``, walking forward or back); in
    ``{ key: name }`` only the name."""
    depth, names, i = 0, [], start
    while True:
        depth += 1 if toks[i] in "([{" else -1 if toks[i] in ")]}" else 0
        if _is_name(toks[i]) and toks[i + 1 : i + 2] != [":"]:
            names.append(toks[i])
        if depth == 0 or i + step in (-1, len(toks)):
            return names
        i += step


def scan(text: str) -> Script:
    """Read one page script (see ``Script``)."""
    script = Script()
    for kind, names in _HEADER.findall(text):
        names, _, source = names.partition("--")
        for name in re.findall(r"[\w$]+", names):
            if kind == "global":
                script.taken[name] = source.strip()
            else:
                script.exported.add(name)
    toks = tokens(text)
    depth = 0
    for i, tok in enumerate(toks):
        before, after = (toks[i - 1] if i else ""), (toks[i + 1] if i + 1 < len(toks) else "")
        if tok in _DECLARE and after and _is_name(after):
            script.local.add(after)
            if depth == 0:
                script.top.append(after)
        elif tok in ("const", "let") and after in ("[", "{"):  # destructuring
            script.local.update(_bracketed(toks, i + 1, 1))
        elif tok == "(" and (before in ("function", "catch") or (i > 1 and toks[i - 2] == "function")):
            script.local.update(_bracketed(toks, i, 1))  # parameters
        elif tok == "=>":
            script.local.update(_bracketed(toks, i - 1, -1) if before == ")" else [before])
        elif _is_name(tok) and before not in (".", "?.") and not (after == ":" and before in ("{", ",")):
            script.used.add(tok)
        if len(tok) == 1 and tok in "([{)]}":
            depth += 1 if tok in "([{" else -1
    return script


def order_problems(files: dict[str, str]) -> list[str]:
    """Everything that breaks the order rule in these files, given in page order."""
    scripts = {name: scan(text) for name, text in files.items()}
    where: dict[str, str] = {}
    problems = []
    for name, script in scripts.items():
        for top in script.top:
            if top in where:
                problems.append(f"{name} declares {top}, which {where[top]} declares too")
            where.setdefault(top, name)
    order = list(files)
    for i, (name, script) in enumerate(scripts.items()):
        given = {n for n, source in script.taken.items() if source in order[:i] and n in scripts[source].top}
        for n, source in script.taken.items():
            if source not in order[:i]:
                problems.append(f"{name}'s header takes {n} from {source}, which is not a file before it")
            elif n not in given:
                problems.append(f"{name}'s header takes {n} from {source}, which does not declare it")
            elif n not in script.used:
                problems.append(f"{name}'s header takes {n} from {source} and does not use it")
        for n in sorted(script.used - script.local - given):
            if n in where:
                later = " (a later file)" if order.index(where[n]) > i else ""
                problems.append(f"{name} uses {n}, declared in {where[n]}{later}, without a /* global ... */ header")
        takers = [scripts[later].taken for later in order[i + 1 :]]
        wanted = {n for taken in takers for n, source in taken.items() if source == name and n in script.top}
        if script.exported != wanted:
            problems.append(f"{name}'s /* exported */ should be {sorted(wanted)}, not {sorted(script.exported)}")
    return problems


def test_no_page_script_uses_a_name_a_later_one_declares():
    assert sorted(SCRIPTS) == sorted(p.name for p in TEMPLATES.glob("*.js"))
    files = {name: (TEMPLATES / name).read_text("utf-8") for name in SCRIPTS}
    assert order_problems(files) == []
    # eslint holds each file to its header: no-undef on, and no header name left unused
    config = (REPO / "eslint.config.mjs").read_text("utf-8")
    assert '"no-undef": "error"' in config
    assert re.search(r'"no-unused-vars": \["error", \{ vars: "all"', config)


def test_the_scanner_finds_what_breaks_the_order():
    later = "/* exported g */\nfunction g(a) { return a; }\n"
    # a call to a later file's function, with or without a header that claims it
    assert order_problems({"a.js": "function f() { return g(1); }\n", "b.js": later}) == [
        "a.js uses g, declared in b.js (a later file), without a /* global ... */ header",
        "b.js's /* exported */ should be [], not ['g']",
    ]
    claimed = "/* global g -- b.js */\nfunction f() { return g(1); }\n"
    assert order_problems({"a.js": claimed, "b.js": later})[0] == (
        "a.js's header takes g from b.js, which is not a file before it"
    )
    # an earlier file's name without a header, a header naming the wrong file, or one not used
    assert order_problems({"b.js": later, "a.js": "const f = () => g(2);\n"}) == [
        "b.js's /* exported */ should be [], not ['g']",
        "a.js uses g, declared in b.js, without a /* global ... */ header",
    ]
    assert order_problems({"b.js": later, "c.js": "", "a.js": "/* global g -- c.js */\ng(2);\n"})[1:] == [
        "a.js's header takes g from c.js, which does not declare it",
        "a.js uses g, declared in b.js, without a /* global ... */ header",
    ]
    assert order_problems({"b.js": later, "a.js": "/* global g -- b.js */\n"}) == [
        "a.js's header takes g from b.js and does not use it"
    ]
    assert order_problems({"b.js": later, "a.js": "function g() {}\n"})[0] == "a.js declares g, which b.js declares too"
    # what is not a use: a local or a parameter of the same name, a property, an object's key,
    # a string, a comment, a regular expression, a template's text
    quiet = (
        "function f(g) { const { h: g2 } = {}; return g + g2 / 2; }\n"
        "const k = (x, [g]) => g;\nconst m = (g) => ({ g: 1, x: m.g, y: `g ${k(1, [2])}`, z: /g\\//.test('g') });\n"
        "// g()\ntry { k(); } catch (g) { m(g); }\n"
    )
    assert order_problems({"a.js": quiet, "b.js": "function g() {}\n"}) == []
    # ... and a use among them is found
    assert order_problems({"a.js": quiet + "m(`${h()}`);\n", "b.js": "function g() {}\nfunction h() {}\n"}) == [
        "a.js uses h, declared in b.js (a later file), without a /* global ... */ header"
    ]
