"""Shared machinery every rule uses: dates, dated parameters, language charts, number and
date formatting, the message catalogs, the NOC table, the profile's types.

Imports no program, nor the CRS or the categories (held by import-linter: the contracts
in ``pyproject.toml``).
"""
