"""What a relation or kind means lives in the pack (issue 26.6): the map's styles and page name none.

styles.py and html.py read a relation's or kind's look and role from its
relations.csv or kinds.csv row (family, line, shape, traits) and the first view
from overview.csv, so an author's relation or kind is drawn and placed exactly
like a built-in one with the same data. A name of the built-in pack written in
either module, in code or in a doctest, would be a rule that holds for that
name alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import awskg.exports.html
import awskg.exports.styles

#: A name as code or docs write it: quoted, or as ``literal``.
QUOTED = re.compile(r"""(["'`])([a-z0-9]+(?:-[a-z0-9]+)*)\1""")


@pytest.mark.parametrize("module", [awskg.exports.styles, awskg.exports.html], ids=lambda m: m.__name__)
def test_no_relation_or_kind_name_appears_in_the_styles_or_the_page(kg, module):
    names = set(kg.relations) | set(kg.kinds)
    assert {"uses", "part-of", "service"} <= names  # the names the old code spelled out
    source = Path(module.__file__).read_text("utf-8")
    found = sorted(
        f"line {source.count(chr(10), 0, match.start()) + 1}: {match.group(0)}"
        for match in QUOTED.finditer(source)
        if match.group(2) in names
    )
    assert found == [], f"{module.__name__} names relations or kinds of the built-in pack: {found}"


def test_the_check_finds_a_name_written_in_either_way():
    names = {"part-of", "service"}
    text = 'kind_style(kg, "service") ``part-of`` "services" \'part\''
    assert [m.group(2) for m in QUOTED.finditer(text) if m.group(2) in names] == ["service", "part-of"]
