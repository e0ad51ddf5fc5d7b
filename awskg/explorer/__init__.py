"""Questions about the graph, answered as plain data (never printed here)."""

__all__: list[str] = []  # a namespace: each question lives in a module of its own
