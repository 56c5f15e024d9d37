"""Helpers shared by the test modules, each defined once: rule values and dates (``rules``),
contract input (``contract``), engine-level builders and oracles (``engine``), the browser
journeys (``checker``), the shared scenario files (``scenarios``, with their template language
in ``expressions``), French text checks (``french``) and workflow linting (``workflow``)."""
