"""The sandbox a user's templates run in: Jinja2's immutable sandbox, with bounds on the
work one expression can ask for.

Jinja2's sandbox keeps a template from Python's internals and caps ``range`` at
``MAX_RANGE`` (100,000) items, but ``{{ 'x ' * 150000000 }}`` still builds 300 MB in one
step, and a loop that doubles a string does the same in thirty. Here every operation that
makes a string or a list from a number is checked before it runs: repetition (``*``),
powers (``**``), concatenation (``+`` and ``~``), ``%`` formatting, and filter and method
arguments such as ``center(10**9)``. Each is refused past ``MAX_TEMPLATE_TEXT`` characters
(or items), with a ``SecurityError`` that names the limit; all the loops of one brief's
render together may turn ``MAX_TEMPLATE_LOOPS`` times. Time is bounded by the build's
time limit, and what a template writes by the output limit, both per brief.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sized
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_TEMPLATE_TEXT = 1_000_000
"""Characters (or items) one operation in a user's template may make: a whole brief is
about 10,000."""
CODE_VERSION = 1
"""The version of the code ``LimitedCodeGenerator`` writes: it names the bytecode cache of
sandboxed templates, so raise it with every change there, or a template compiled before
the change (without its checks) would be loaded from the cache."""
MAX_TEMPLATE_LOOPS = 1_000_000
"""Turns of all the loops in a user's templates for one brief: a real brief takes hundreds."""
_HUGE_NUMBER = re.compile(r"\d{7,}")
"""A run of digits in a format string (``%999999999s``, ``{:>999999999}``): a width past
the limit."""


def refuse(size: int) -> SecurityError:
    return SecurityError(f"the template asks for {size:,} characters or items in one step, "
                         f"more than the {MAX_TEMPLATE_TEXT:,} a template may make")


def check_size(size: int) -> None:
    if size > MAX_TEMPLATE_TEXT:
        raise refuse(size)


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be past the limit, before it is computed."""
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, Sized) and not isinstance(seq, int) and isinstance(count, int):
                check_size(len(seq) * count)
    elif operator == "**" and isinstance(left, int) and isinstance(right, int):
        if right > 0 and abs(left) > 1 and right * max(abs(left).bit_length(), 1) > 4096:
            raise SecurityError(f"the template asks for {left} ** {right}, a number too large "
                                "for a brief")
    elif operator == "+" and isinstance(left, Sized) and isinstance(right, Sized):
        check_size(len(left) + len(right))
    elif operator == "%" and isinstance(left, str) and (huge := _HUGE_NUMBER.search(left)):
        raise refuse(int(huge.group()))


_EXPANDING = frozenset(["center", "ljust", "rjust", "zfill", "expandtabs", "indent",
                        "wordwrap", "format", "format_map", "replace"])
"""Filters and string methods whose result can be far longer than their input."""


def check_call(name: str, subject: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a filter or method call (``subject.name(*args)``) that would make text past
    the limit: a width or count past it (``center(10**9)``, ``'{:>999999999}'.format``), or
    a ``replace`` that multiplies the text past it."""
    if name not in _EXPANDING:
        return
    values = (*args, *kwargs.values())
    if name == "replace":
        old, new = ([v for v in values if isinstance(v, str)] + ["", ""])[:2]
        if isinstance(subject, str) and len(new) > len(old):
            check_size(len(subject) + len(subject) // max(len(old), 1) * len(new))
        return
    for value in (subject, *values):
        if isinstance(value, int) and not isinstance(value, bool):
            check_size(value)
        elif isinstance(value, str) and (huge := _HUGE_NUMBER.search(value)):
            raise refuse(int(huge.group()))


def limit_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """The filter ``func`` with its arguments checked first (Jinja2's ``pass_context``
    marks carried over); filters that cannot make text longer are kept as they are."""
    if name not in _EXPANDING:
        return func

    @functools.wraps(func)
    def limited(*args: Any, **kwargs: Any) -> Any:
        text = [a for a in args if isinstance(a, str)]  # the value, after any context
        check_call(name, text[0] if text else None, args, kwargs)
        return func(*args, **kwargs)

    return limited


class LimitedCodeGenerator(CodeGenerator):
    """Compiles ``a ~ b`` to a join that checks its length first, and every ``for`` loop to
    one over ``environment.iter_limited(...)``, which counts its turns."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        if not (isinstance(node.iter, nodes.Call)
                and isinstance(node.iter.node, nodes.EnvironmentAttribute)):
            node.iter = nodes.Call(nodes.EnvironmentAttribute("iter_limited"), [node.iter],
                                   [], None, None, lineno=node.lineno)
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.join_limited((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox with every operation that makes text from a number
    bounded (see the module's docstring)."""

    code_generator_class = LimitedCodeGenerator
    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.loops = 0
        """Turns of loops in the render under way; ``render_markdown`` resets it."""
        self.filters = {name: limit_filter(name, func) for name, func in self.filters.items()}

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Context, __obj: Any,  # named as Jinja2 names them
             *args: Any, **kwargs: Any) -> Any:
        subject = getattr(__obj, "__self__", None)
        if isinstance(subject, str):
            check_call(getattr(__obj, "__name__", ""), subject, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` is wrapped when it is looked up, not when it is called: its
        format string is checked then (``'{:>999999999}'.format``)."""
        subject = getattr(value, "__self__", None)
        if isinstance(subject, str) and getattr(value, "__name__", "") in ("format",
                                                                          "format_map"):
            check_call("format", subject, (), {})
        return super().wrap_str_format(value)

    def iter_limited(self, iterable: Any) -> Iterator[Any]:
        """``iterable``, item by item, counting the turns of every loop in this render: past
        ``MAX_TEMPLATE_LOOPS`` the render stops (nested loops, and what they gather in a
        ``set`` block or a macro, are bounded however little they write)."""
        for item in iterable:
            self.loops += 1
            if self.loops > MAX_TEMPLATE_LOOPS:
                raise SecurityError(f"the template's loops turned more than "
                                    f"{MAX_TEMPLATE_LOOPS:,} times for one brief")
            yield item

    def join_limited(self, parts: tuple[Any, ...]) -> str:
        texts = [str(part) for part in parts]
        check_size(sum(map(len, texts)))
        return "".join(texts)
