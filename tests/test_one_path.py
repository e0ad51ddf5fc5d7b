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
