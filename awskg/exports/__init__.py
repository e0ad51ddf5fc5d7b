"""Presentations of the graph: the HTML map and file formats. Never imported by queries."""
