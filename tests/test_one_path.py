"""One path for each concern: completion, JSON output, the export registry, interface words, vis-network."""

from __future__ import annotations

import click

from awskg.cli import CONCEPT, cli


def test_completion_reads_the_cached_graph(monkeypatch, kg):
    from awskg.graph import cache, loading

    calls = []

    def cached(packs=(), *, builtin=True):
        calls.append((tuple(packs), builtin))
        return kg

    monkeypatch.setattr(cache, "load_cached", cached)
    monkeypatch.setattr(loading, "load", lambda *a, **k: (_ for _ in ()).throw(AssertionError("uncached load")))
    ctx = click.Context(cli, info_name="awskg")
    ctx.params = {"packs": (), "no_builtin": False}
    items = CONCEPT.shell_complete(ctx, click.Argument(["name"]), "farg")
    assert calls == [((), True)]
    assert [(i.value, i.help) for i in items][:1] == [("fargate", "Fargate")]


def test_one_table_of_interface_words():
    import re
    import string
    from pathlib import Path

    from awskg.i18n import LANGS, TEXT

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    assert tuple(TEXT) == LANGS
    assert TEXT["en"].keys() == TEXT["ko"].keys()
    assert all(fields(TEXT["en"][k]) == fields(TEXT["ko"][k]) for k in TEXT["en"]), "placeholders differ"
    templates = Path(__file__).parent.parent / "awskg" / "exports" / "templates"
    used = {m for f in templates.glob("*.js") for m in re.findall(r'\bui\("([a-z_]+)"\)', f.read_text("utf-8"))}
    assert used and used <= TEXT["en"].keys()
    # one style and one term in Korean: no 해요체 on the terminal, no second word for "in common"
    assert TEXT["ko"]["quiz_wrong"] == "오답이다. 정답은 {letter}"
    assert not any("같은 점" in v or v.endswith("네요") for v in TEXT["ko"].values())


def test_every_query_result_prints_json_through_one_path():
    import inspect

    import awskg.cli as cli_module

    source = inspect.getsource(cli_module)
    assert "asdict" not in source and source.count("echo_json(") == 2  # its definition and `answers`


def test_vis_network_is_found_without_importing_pyvis():
    import subprocess
    import sys

    code = (
        "import sys; from awskg.exports.vis import vis_network; v = vis_network(); "
        "print(v.version, v.js.is_file(), v.css.is_file(), any(m.split('.')[0] in ('pyvis', 'IPython') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[1:] == ["True", "True", "False"] and out[0].startswith("9.")


def test_a_pyvis_without_vis_network_is_a_clear_error(tmp_path, monkeypatch):
    import pytest

    from awskg.errors import MissingDependency
    from awskg.exports.vis import vis_network

    (tmp_path / "fakevis").mkdir()
    (tmp_path / "fakevis" / "__init__.py").write_text("", "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(MissingDependency, match=r"vis-network not found in .*fakevis.*pyvis>=0.3.2,<0.4"):
        vis_network("fakevis")
