"""The immigration programs, one package each (``cec/``; ``fsw/`` and ``fst/`` to come).

A program imports shared machinery (``pycore.common``) and never another program.
"""
