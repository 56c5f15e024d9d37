"""The small expression language of the scenario files, parsed and evaluated without ``eval``.

The language (what each name means is documented in ``support.scenarios``)::

    expression := term (("+" | "-") term)*
    term       := factor (("*" | "/" | "//") factor)*
    factor     := "-" factor | atom
    atom       := NUMBER | DATE | STRING | NAME | NAME "(" [expression ("," expression)*] ")"
                | "(" expression ")"

``NUMBER`` is ``12`` or ``20.334`` (exact: a decimal is a fraction, never a float), ``DATE`` an
ISO date written as is (``2026-06-01``), ``STRING`` text in single quotes (no escapes), ``NAME``
a value or, when called, a helper (``LIMITS.most_jobs``: a dotted name is one name). ``/`` is
exact division, ``//`` its whole part. ``+`` and ``-`` also add a duration to a date or take it
away, and ``+`` joins two texts. Nothing else: no attributes, indexing, methods or Python.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from functools import cache
from typing import Any

_TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<date>\d{4}-\d{2}-\d{2})(?![\d.])"
    r"|(?P<number>\d+(?:\.\d+)?)"
    r"|'(?P<string>[^']*)'"
    r"|(?P<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)"
    r"|(?P<op>//|[-+*/(),])"
    r")"
)


class ExpressionError(ValueError):
    """An expression that does not parse, names something unknown, or mixes kinds of value."""


@dataclass(frozen=True)
class Literal:
    value: Any


@dataclass(frozen=True)
class Name:
    name: str


@dataclass(frozen=True)
class Call:
    helper: str
    arguments: tuple[Node, ...]


@dataclass(frozen=True)
class Operation:
    operator: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Negation:
    operand: Node


Node = Literal | Name | Call | Operation | Negation


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            if not text[position:].strip():
                break
            raise ExpressionError(f"cannot read {text[position:]!r} in {text!r}")
        kind = match.lastgroup
        assert kind is not None
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.position = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self, op: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (op is not None and token != ("op", op)):
            wanted = repr(op) if op else "more"
            raise ExpressionError(f"expected {wanted} in {self.text!r}")
        self.position += 1
        return token

    def at(self, *ops: str) -> str | None:
        token = self.peek()
        return token[1] if token is not None and token[0] == "op" and token[1] in ops else None

    def expression(self) -> Node:
        node = self.term()
        while operator := self.at("+", "-"):
            self.take()
            node = Operation(operator, node, self.term())
        return node

    def term(self) -> Node:
        node = self.factor()
        while operator := self.at("*", "/", "//"):
            self.take()
            node = Operation(operator, node, self.factor())
        return node

    def factor(self) -> Node:
        if self.at("-"):
            self.take()
            return Negation(self.factor())
        return self.atom()

    def atom(self) -> Node:
        kind, text = self.take()
        if kind == "date":
            try:
                return Literal(date.fromisoformat(text))
            except ValueError:
                raise ExpressionError(f"{text} is not a date") from None
        if kind == "number":
            return Literal(int(text) if text.isdigit() else Fraction(text))
        if kind == "string":
            return Literal(text)
        if kind == "name":
            if not self.at("("):
                return Name(text)
            self.take("(")
            arguments: list[Node] = []
            if not self.at(")"):
                arguments.append(self.expression())
                while self.at(","):
                    self.take()
                    arguments.append(self.expression())
            self.take(")")
            return Call(text, tuple(arguments))
        if text == "(":
            node = self.expression()
            self.take(")")
            return node
        raise ExpressionError(f"unexpected {text!r} in {self.text!r}")


@cache
def parse(text: str) -> Node:
    """The tree of ``text`` (an expression without its leading ``=``)."""
    parser = _Parser(text)
    node = parser.expression()
    if parser.peek() is not None:
        raise ExpressionError(f"unexpected {parser.peek()[1]!r} in {text!r}")  # type: ignore[index]
    return node


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, Fraction)) and not isinstance(value, bool)


def _kind(value: Any) -> str:
    if _is_number(value):
        return "a number"
    for kind, name in ((date, "a date"), (timedelta, "a duration"), (str, "a text")):
        if isinstance(value, kind):
            return name
    return f"a {type(value).__name__}"


def _operate(operator: str, left: Any, right: Any) -> Any:
    if _is_number(left) and _is_number(right):
        if operator in ("/", "//") and right == 0:
            raise ExpressionError("division by zero")
        if operator == "/":
            return Fraction(left) / Fraction(right)
        if operator == "//":
            return left // right
        if operator == "*":
            return left * right
        return left + right if operator == "+" else left - right
    dated = isinstance(left, date) and isinstance(right, timedelta)
    if operator == "+" and (dated or (isinstance(left, str) and isinstance(right, str))):
        return left + right
    if operator == "+" and isinstance(left, timedelta) and isinstance(right, date):
        return left + right
    if operator == "-" and dated:
        return left - right
    raise ExpressionError(f"cannot compute {_kind(left)} {operator} {_kind(right)}")


def evaluate(
    node: Node, names: Mapping[str, Any], helpers: Mapping[str, Callable[..., Any]]
) -> Any:
    """The value of ``node`` with ``names`` for its names and ``helpers`` for its calls."""
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, Name):
        if node.name in names:
            return names[node.name]
        raise ExpressionError(_unknown("name", node.name, [*names]))
    if isinstance(node, Call):
        helper = helpers.get(node.helper)
        if helper is None:
            raise ExpressionError(_unknown("helper", node.helper, [*helpers]))
        arguments = [evaluate(a, names, helpers) for a in node.arguments]
        try:
            return helper(*arguments)
        except (TypeError, ValueError, LookupError) as error:
            raise ExpressionError(f"{node.helper}(): {error}") from None
    if isinstance(node, Negation):
        value = evaluate(node.operand, names, helpers)
        if not _is_number(value):
            raise ExpressionError(f"cannot negate {_kind(value)}")
        return -value
    return _operate(
        node.operator, evaluate(node.left, names, helpers), evaluate(node.right, names, helpers)
    )


def _unknown(what: str, name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=3)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    return f"unknown {what} {name!r}{hint}"
