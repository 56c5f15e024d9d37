"""Rules core of the Canadian Experience Class guide.

Decides, as of an application date, whether a profile meets the CEC requirements
(IRPR s.87.1), speaking the JSON contract described in ``pycore/schemas/README.md``
(profile in, assessment or errors out, form metadata), with a JSON Schema for each.
Standard library only: the same code runs in CPython and in Pyodide.
"""

__all__ = ["__version__"]
__version__ = "2026.11.21"
