"""The Comprehensive Ranking System estimate: grid, points, levers, the ``crs`` input."""
