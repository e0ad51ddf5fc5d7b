"""Presentations of the graph: the HTML map and file formats. Never imported by queries."""

__all__: list[str] = []  # a namespace: each format lives in a module of its own
