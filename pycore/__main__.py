"""``python -m pycore check PROFILE.json``: the same command line as ``cec-check``."""

from pycore.cli import main

raise SystemExit(main())
