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

import json
import math
from importlib.resources import files

from awskg.explorer.sentences import sentence_parts
from awskg.explorer.view import View
from awskg.exports.styles import kind_style, relation_style
from awskg.graph.model import KnowledgeGraph

__all__ = ["LARGE_GRAPH", "render_html"]

#: Above this many nodes the page skips physics and uses a precomputed layout.
LARGE_GRAPH = 800

UI = {
    "en": {
        "title": "awskg — cloud and AWS basics",
        "search": "Search concepts",
        "kinds": "Kinds",
        "relations": "Relations",
        "counts": "{nodes} concepts · {edges} facts",
        "kind": "Kind",
        "docs": "Official documentation",
        "close": "Close",
        "source": "Source",
        "help": "Click a concept to read about it; Escape clears.",
    },
    "ko": {
        "title": "awskg — 클라우드와 AWS 기초",
        "search": "개념 검색",
        "kinds": "종류",
        "relations": "관계",
        "counts": "개념 {nodes}개 · 관계 {edges}개",
        "kind": "종류",
        "docs": "공식 문서",
        "close": "닫기",
        "source": "출처",
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
                "note": data.get("note", ""),
                "source_ref": data.get("source_ref", ""),
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
        "ui": UI,
        "kinds": {k: _kind(kg, k, i) for i, k in enumerate(sorted(kinds_used))},
        "relations": {r: _relation(kg, r) for r in sorted(relations_used)},
        "nodes": nodes,
        "edges": edges,
        "highlight": {"nodes": view.highlight_nodes, "edges": [f"{s}|{r}|{t}" for s, r, t in view.highlight_edges]}
        if view.paths
        else None,
        "layout": {"physics": not large, "iterations": 400 if len(view.nodes) <= 200 else 150},
    }


def _kind(kg: KnowledgeGraph, kind: str, index: int) -> dict:
    record = kg.kinds[kind]
    colour, shape = kind_style(kind, index)
    return {"label": record.label, "label_ko": record.label_ko or record.label, "color": colour, "shape": shape}


def _relation(kg: KnowledgeGraph, relation: str) -> dict:
    record = kg.relations[relation]
    colour, dashes = relation_style(relation)
    return {
        "label": record.label,
        "inverse_label": record.inverse_label,
        "label_ko": record.label_ko or record.label,
        "inverse_label_ko": record.inverse_label_ko or record.inverse_label,
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
