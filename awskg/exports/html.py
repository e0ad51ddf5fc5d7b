"""The learner's map: one self-contained, offline HTML page.

pyvis supplies the renderer: vis-network's bundled JavaScript and CSS (inlined
from pyvis's own files, so the page needs no network) and Jinja templating.
The page template and script are awskg's own: pyvis's stock template loads
Bootstrap from a CDN and writes titles through ``innerHTML``. Node and edge
lists are built directly (pyvis's per-node ``add_node`` checks are quadratic).

Data reaches the page only as JSON inside ``<script type="application/json">``,
with ``<``, ``>`` and ``&`` escaped so that no value can close the script, and
the page script writes every value with ``textContent``.
"""

from __future__ import annotations

import hashlib
import json
import math
from importlib.resources import files

from awskg.explorer.citations import cite
from awskg.explorer.quiz import questions
from awskg.explorer.sentences import edge_label, relation_label, sentence_parts
from awskg.explorer.tours import tour
from awskg.explorer.view import View
from awskg.exports.styles import kind_style, relation_style
from awskg.graph.model import KnowledgeGraph

__all__ = ["LARGE_GRAPH", "render_html"]

#: Above this many nodes the page skips physics and uses a precomputed layout.
LARGE_GRAPH = 800
#: The page's quiz: how many questions, drawn with a fixed seed so the page is reproducible.
QUIZ_SIZE = 20
QUIZ_SEED = 2026

UI = {
    "en": {
        "title": "awskg — cloud and AWS basics",
        "search": "Search concepts",
        "kinds": "Kinds",
        "relations": "Relations",
        "counts": "{nodes} concepts · {edges} facts",
        "progress": "{done} done · {learning} learning",
        "learning": "Learning",
        "done": "Done",
        "clear_mark": "Not started",
        "export": "Export progress",
        "import": "Import progress",
        "imported": "Progress imported: {count} concepts.",
        "bad_import": "That file is not awskg progress for this map.",
        "tours": "Tours",
        "no_tour": "Choose a tour",
        "prev": "Previous",
        "next": "Next",
        "step": "Stop {step} of {total}",
        "quiz": "Quiz",
        "start_quiz": "Start a quiz",
        "next_question": "Next question",
        "right": "Right!",
        "wrong": "Not quite. The answer is {answer}.",
        "score": "Score: {score} / {total}",
        "quiz_hint": "Answer with a button, or click the concept in the map.",
        "kind": "Kind",
        "docs": "Official documentation",
        "close": "Close",
        "source": "Source",
        "properties": "Properties",
        "help": "Click a concept to read about it; Escape clears.",
    },
    "ko": {
        "title": "awskg — 클라우드와 AWS 기초",
        "search": "개념 검색",
        "kinds": "종류",
        "relations": "관계",
        "counts": "개념 {nodes}개 · 관계 {edges}개",
        "progress": "완료 {done} · 학습 중 {learning}",
        "learning": "학습 중",
        "done": "완료",
        "clear_mark": "시작 전",
        "export": "진도 내보내기",
        "import": "진도 가져오기",
        "imported": "진도를 가져왔습니다: 개념 {count}개.",
        "bad_import": "이 지도의 awskg 진도 파일이 아닙니다.",
        "tours": "투어",
        "no_tour": "투어 선택",
        "prev": "이전",
        "next": "다음",
        "step": "{total}곳 중 {step}번째",
        "quiz": "퀴즈",
        "start_quiz": "퀴즈 시작",
        "next_question": "다음 문제",
        "right": "정답!",
        "wrong": "아쉽네요. 정답은 {answer}입니다.",
        "score": "점수: {score} / {total}",
        "quiz_hint": "버튼을 누르거나 지도에서 개념을 클릭해 답하세요.",
        "kind": "종류",
        "docs": "공식 문서",
        "close": "닫기",
        "source": "출처",
        "properties": "특성",
        "help": "개념을 클릭하면 설명이 나옵니다. Esc로 해제합니다.",
    },
}


def render_html(kg: KnowledgeGraph, view: View, lang: str = "en") -> str:
    """The whole page for ``view`` as one string, opening in ``lang``."""
    from jinja2 import Environment

    env = Environment(autoescape=True)
    template = env.from_string(_asset("page.html.j2"))
    vis = files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return template.render(
        lang=lang,
        title=UI[lang]["title"],
        data_json=embed_json(page_data(kg, view, lang)),
        vis_css=(vis / "vis-network.css").read_text("utf-8"),
        vis_js=(vis / "vis-network.min.js").read_text("utf-8"),
        page_css=_asset("page.css"),
        page_js=_asset("page.js"),
    )


def embed_json(data: object) -> str:
    """JSON that is safe inside ``<script>``: nothing in it can end the element.

    >>> embed_json({"a": "</script><b>&"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def page_data(kg: KnowledgeGraph, view: View, lang: str) -> dict:
    """Everything the page script needs, as plain JSON-able data."""
    kinds_used = list(dict.fromkeys(kg.node(n)["kind"] for n in view.nodes))
    relations_used = list(dict.fromkeys(r for _, r, _ in view.edges))
    large = len(view.nodes) > LARGE_GRAPH
    positions = _cluster_layout(kg, view) if large else {}
    nodes = []
    for node in view.nodes:
        attrs = kg.node(node)
        item = {k: attrs[k] for k in ("label", "label_ko", "kind", "summary", "summary_ko", "docs", "aliases")}
        item["id"] = node
        item["properties"] = [
            {
                "dimension": {code: kg.dimension_label(p.dimension, code) for code in UI},
                "value": {code: kg.value_label(p.dimension, p.value, code) for code in UI},
                "note": {code: (code == "ko" and p.note_ko) or p.note for code in UI},
                "source_ref": p.source_ref,
            }
            for p in kg.properties_of(node)
        ]
        if node in positions:
            item["x"], item["y"] = positions[node]
        nodes.append(item)
    edges = []
    for source, relation, target in view.edges:
        data = kg.graph.get_edge_data(source, target, key=relation)
        edges.append(
            {
                "id": f"{source}|{relation}|{target}",
                "from": source,
                "to": target,
                "relation": relation,
                "note": {code: (code == "ko" and data.get("note_ko")) or data.get("note", "") for code in UI},
                "source_ref": data.get("source_ref", ""),
                "source": {code: cite(data.get("source_ref", ""), code) for code in UI},
                "label": {code: edge_label(kg, source, relation, target, code) for code in UI},
                "text": {
                    code: {
                        "out": sentence_parts(kg, source, relation, target, code),
                        "in": sentence_parts(kg, source, relation, target, code, inverse=True),
                    }
                    for code in UI
                },
            }
        )
    return {
        "lang": lang,
        "key": _content_key(nodes, edges),
        "ui": UI,
        "tours": _tours(kg, view),
        "quiz": _quiz(kg, view),
        "kinds": {k: _kind(kg, k, i) for i, k in enumerate(sorted(kinds_used))},
        "relations": {r: _relation(kg, r) for r in sorted(relations_used)},
        "nodes": nodes,
        "edges": edges,
        "highlight": {"nodes": view.highlight_nodes, "edges": [f"{s}|{r}|{t}" for s, r, t in view.highlight_edges]}
        if view.paths
        else None,
        "layout": {"physics": not large, "iterations": 400 if len(view.nodes) <= 200 else 150},
    }


def _content_key(nodes: list[dict], edges: list[dict]) -> str:
    """A short digest of what the page shows: progress is stored under it, so maps don't mix."""
    digest = hashlib.sha256()
    for item in nodes:
        digest.update(item["id"].encode() + b"\0")
    for item in edges:
        digest.update(item["id"].encode() + b"\0")
    return digest.hexdigest()[:16]


def _tours(kg: KnowledgeGraph, view: View) -> dict:
    """Each tour whose stops are all on the page, with the edges linking each stop to the last."""
    shown_nodes, shown_edges = set(view.nodes), set(view.edges)
    out = {}
    for name in kg.tours:
        walk = tour(kg, name)
        if not all(stop.id in shown_nodes for stop in walk.stops):
            continue
        out[name] = [
            {
                "node": stop.id,
                "note": raw["note"],
                "note_ko": raw["note_ko"],
                "link": [
                    f"{h.source}|{h.relation}|{h.target}"
                    for h in stop.link
                    if (h.source, h.relation, h.target) in shown_edges
                ],
            }
            for stop, raw in zip(walk.stops, kg.tours[name], strict=True)
        ]
    return out


def _quiz(kg: KnowledgeGraph, view: View, count: int = QUIZ_SIZE) -> list[dict]:
    """A fixed pool of questions in both languages about the concepts on the page.

    Drawn by the same generator and seed as ``awskg quiz --seed QUIZ_SEED``,
    within the page's slice, so every option can be clicked in the map.
    """
    if len(view.nodes) > LARGE_GRAPH:
        return []  # a quiz over thousands of generated concepts helps nobody
    within = set(view.nodes)
    asked = {code: questions(kg, count=count, seed=QUIZ_SEED, lang=code, within=within) for code in UI}
    return [
        {
            "question": {"en": en.question, "ko": ko.question},
            "explanation": {"en": en.explanation, "ko": ko.explanation},
            "options": [o["id"] for o in en.options],
            "answer": en.answer,
            "edge": "{source}|{relation}|{target}".format(**en.edge) if en.edge else "",
            "source_ref": en.source_ref,
        }
        for en, ko in zip(asked["en"], asked["ko"], strict=True)
    ]


def _kind(kg: KnowledgeGraph, kind: str, index: int) -> dict:
    record = kg.kinds[kind]
    colour, shape = kind_style(kind, index)
    return {"label": record.label, "label_ko": record.label_ko or record.label, "color": colour, "shape": shape}


def _relation(kg: KnowledgeGraph, relation: str) -> dict:
    record = kg.relations[relation]
    colour, dashes = relation_style(kg, relation)
    return {
        "label": record.label,
        "inverse_label": record.inverse_label,
        "label_ko": relation_label(kg, relation, "ko"),
        "inverse_label_ko": relation_label(kg, relation, "ko", inverse=True),
        "color": colour,
        "dashes": dashes,
    }


def _cluster_layout(kg: KnowledgeGraph, view: View) -> dict[str, tuple[int, int]]:
    """Positions for graphs too big for live physics: one disc per kind, in a ring.

    Linear in the number of nodes; each kind's nodes fill a sunflower spiral,
    so a large page opens at once and still groups like with like.
    """
    by_kind: dict[str, list[str]] = {}
    for node in view.nodes:
        by_kind.setdefault(kg.node(node)["kind"], []).append(node)
    golden = math.pi * (3 - math.sqrt(5))
    spacing = 28
    radii = {kind: spacing * math.sqrt(len(members)) for kind, members in by_kind.items()}
    ring = max(sum(radii.values()) * 2.2 / (2 * math.pi), max(radii.values()) * 1.5)
    positions = {}
    for k, (_, members) in enumerate(sorted(by_kind.items())):
        angle = 2 * math.pi * k / len(by_kind)
        cx, cy = (ring * math.cos(angle), ring * math.sin(angle)) if len(by_kind) > 1 else (0.0, 0.0)
        for i, node in enumerate(members):
            r, theta = spacing * math.sqrt(i), i * golden
            positions[node] = (round(cx + r * math.cos(theta)), round(cy + r * math.sin(theta)))
    return positions


def _asset(name: str) -> str:
    return (files("awskg.exports") / "templates" / name).read_text("utf-8")
