"""A page past 31,000 concepts (issue 28): it becomes ready and its search suggests names.

In a file of its own so that, the slowest browser test, it runs beside the others.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_a_page_of_32000_concepts_opens_and_suggests_names(browser, make_pack, tmp_path):
    """Past ~31,000 concepts a datalist of every name overflowed the call stack: the page never got ready."""
    import awskg
    from awskg.explorer.view import select
    from awskg.exports.html import render_html

    from browser import open_map

    size = 32_000
    ids = [f"n{i:05d}" for i in range(size)]
    nodes = [[x, f"Node {i}", f"노드 {i}", "service", f"alias-{i};별칭 {i}"] for i, x in enumerate(ids)]
    edges = [[ids[i], "uses", ids[i // 2], "", "https://example.com/r"] for i in range(1, size)]
    kg = awskg.load([make_pack(nodes=nodes, edges=edges)])
    path = tmp_path / "huge.html"
    path.write_text(render_html(kg, select(kg)), "utf-8")
    opened = open_map(browser, path, width=1440, height=900)
    page = opened.page
    assert page.evaluate("awskg.data.nodes.length") > 31_000
    page.type("#search", "node 3199")
    suggested = page.evaluate(
        "Array.from(document.querySelectorAll('#name-suggestions li')).map(li => li.getAttribute('data-node'))"
    )
    assert suggested[0] == "n03199" and len(suggested) <= 30
    assert opened.errors == [] and page.locator("datalist").count() == 0
    page.close()
