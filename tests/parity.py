"""What the page must answer as the CLI does: the questions and the CLI's answers.

The page repeats Python's name resolution, relate and compare in JavaScript.
These helpers pick the questions (concepts over every kind, and every spelling
a learner may type) and give Python's answers in the page's JSON form, for the
browser tests and for the fast node test (tests/test_page_contract.py) alike.
"""

from __future__ import annotations

from awskg.errors import AmbiguousName, NoPath, SameConcept, UnknownName

# 60+ concepts spread over every kind: ids in graph order, every other one
CONCEPTS = 62


def sample(kg) -> list[str]:
    ids = list(kg.graph.nodes)
    step = max(1, len(ids) // CONCEPTS)
    return ids[::step][:CONCEPTS]


def python_answer(function, kg, a, b, lang):
    try:
        return function(kg, a, b, lang=lang).to_json()
    except NoPath:
        return "no-path"
    except SameConcept:
        return "same"


def page_answer(answer):
    return answer["error"] if isinstance(answer, dict) and "error" in answer else answer


def spellings(kg) -> list[str]:
    """Ids, labels, Korean labels with and without spaces, aliases, prefixes and misspellings."""
    out = []
    for node in sample(kg):
        attrs = kg.node(node)
        names = [node, attrs["label"], attrs.get("label_ko", ""), *attrs.get("aliases", [])]
        for name in filter(None, names):
            out += [name, name.replace(" ", ""), name.upper(), name[:4], name[:-1], name[1:], name[:2] + name[3:]]
            if len(name) > 3:
                out.append(name[:2] + name[3] + name[2] + name[4:])  # two letters swapped
    return list(
        dict.fromkeys(
            [
                *out,
                "",
                "zzzz",
                "로드 밸런서",
                "ec",
                "elastic",
                "컨테이너",
                "게이트웨이",
                "gateway",
                "Gateway",
                "다이나모",
            ]
        )
    )


def python_resolution(kg, text):
    try:
        return {"id": kg.resolve(text), "candidates": [], "suggestions": []}
    except AmbiguousName as error:
        return {"id": None, "candidates": error.candidates, "suggestions": []}
    except UnknownName as error:
        return {"id": None, "candidates": [], "suggestions": error.suggestions}
