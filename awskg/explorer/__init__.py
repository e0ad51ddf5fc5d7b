"""Questions about the graph, answered as plain data (never printed here)."""
