"""Helpers shared by the test modules: profiles and journeys in the browser (``checker``),
engine-level builders (``engine``), and the shared scenario files (``scenarios``)."""
