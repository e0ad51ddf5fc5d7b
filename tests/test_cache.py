"""The cache of large loaded graphs: used when fresh, rebuilt when anything changes."""

from __future__ import annotations

import os

import pytest

from awskg.graph import cache


@pytest.fixture
def cached(tmp_path, monkeypatch, make_pack):
    monkeypatch.setenv("AWSKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)  # cache even a small pack
    return make_pack(
        nodes=[["mine", "Mine", "내 것", "concept", "", "", "", ""]],
        edges=[["mine", "uses", "ec2", "", ""]],
    )


def test_second_load_comes_from_the_cache(cached, tmp_path, monkeypatch):
    first = cache.load_cached([cached], version="test")
    assert len(list((tmp_path / "cache").glob("*.marshal"))) == 1

    def must_not_reload(*args, **kwargs):
        raise AssertionError("a fresh cache must be used")

    monkeypatch.setattr(cache, "load", must_not_reload)
    again = cache.load_cached([cached], version="test")
    assert dict(again.graph.nodes(data=True)) == dict(first.graph.nodes(data=True))
    assert again.resolve("내 것") == "mine"


def test_a_changed_pack_is_reloaded(cached):
    assert "yours" not in cache.load_cached([cached], version="test").graph
    nodes = cached / "nodes.csv"
    nodes.write_text(nodes.read_text("utf-8") + "yours,Yours,,concept,,,,\n", "utf-8")
    stat = nodes.stat()
    os.utime(nodes, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert "yours" in cache.load_cached([cached], version="test").graph


def test_a_broken_cache_file_is_a_miss(cached, tmp_path):
    cache.load_cached([cached], version="test")
    (cache_file,) = (tmp_path / "cache").glob("*.marshal")
    cache_file.write_bytes(cache_file.read_bytes()[:200])
    assert "mine" in cache.load_cached([cached], version="test").graph


def test_small_packs_are_not_cached(tmp_path, monkeypatch, make_pack):
    monkeypatch.setenv("AWSKG_CACHE_DIR", str(tmp_path / "cache"))
    cache.load_cached([], version="test")
    assert not (tmp_path / "cache").exists()


def test_queries_use_the_cache_but_check_never_does(cached, tmp_path, invoke, monkeypatch):
    assert invoke("--pack", str(cached), "show", "mine").exit_code == 0
    assert len(list((tmp_path / "cache").glob("*.marshal"))) == 1
    (cached / "edges.csv").write_text("source,relation,target\nmine,uses,nothing\n", "utf-8")
    result = invoke("--pack", str(cached), "check")
    assert result.exit_code == 1 and "unknown node 'nothing'" in result.stderr
