"""The field reference in docs/fields.md, generated from the model's docstrings."""

from __future__ import annotations

import types
import typing
from typing import Any

from briefgen.model import PROSE, Brief, Comparison, Model, describe, fields_of, iter_models


def describe_type(annotation: Any) -> str:
    """An annotation as an editor reads it: ``list of Claim``, ``one of: low, moderate``."""
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        return "Markdown" if PROSE in typing.get_args(annotation)[1:] else describe_type(args[0])
    if origin is typing.Literal:
        return "one of: " + ", ".join(f"`{a}`" for a in typing.get_args(annotation))
    if origin in (typing.Union, types.UnionType):
        return " or ".join(describe_type(a) for a in args)
    if origin is tuple:
        return f"list of {describe_type(args[0])}"
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    names = {str: "text", int: "whole number", float: "number", bool: "true or false"}
    if annotation in names:
        return names[annotation]
    return getattr(annotation, "__name__", str(annotation)).replace("date", "date (YYYY-MM-DD)")


def list_models(model: type[Model]) -> list[type[Model]]:
    """``model`` and every model inside it, in the order their fields name them."""
    found: list[type[Model]] = [model]
    for spec in fields_of(model):
        for inner in iter_models(spec.annotation):
            for item in list_models(inner):
                if item not in found:
                    found.append(item)
    return found


def make_field_reference() -> str:
    """docs/fields.md: every field of the incident file, its type and its docstring."""
    lines = ["# The incident file: field reference", "",
             "Generated from the docstrings of `briefgen/model.py` by "
             "`python scripts/make_docs.py`; a test fails when it is stale.", ""]
    models = list_models(Brief)
    models += [m for m in list_models(Comparison) if m not in models]
    for model in models:
        lines += [f"## {model.__name__}", "", " ".join((model.__doc__ or "").split()), "",
                  "| field | type | required | what it holds |", "| --- | --- | --- | --- |"]
        for spec in fields_of(model):
            required = "yes" if spec.required else "no"
            text = " ".join(describe(model, spec.name).split())
            text = text.replace("|", "\\|").replace("``", "`")
            kind = "Markdown" if spec.prose else describe_type(spec.annotation)
            lines.append(f"| `{spec.key}` | {kind} | {required} | {text} |")
        lines.append("")
    return "\n".join(lines)
