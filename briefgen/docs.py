"""The field reference in docs/fields.md, generated from the model's docstrings."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from briefgen.model import PROSE, Brief, Comparison


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
    if origin is list:
        return f"list of {describe_type(args[0])}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    names = {str: "text", int: "whole number", float: "number", bool: "true or false"}
    if annotation in names:
        return names[annotation]
    return getattr(annotation, "__name__", str(annotation)).replace("date", "date (YYYY-MM-DD)")


def list_models(model: type[BaseModel]) -> list[type[BaseModel]]:
    """``model`` and every model inside it, in the order their fields name them."""
    found: list[type[BaseModel]] = [model]
    for info in model.model_fields.values():
        for inner in nested_models(info.annotation):
            for item in list_models(inner):
                if item not in found:
                    found.append(item)
    return found


def nested_models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in nested_models(arg)]


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
        for name, info in model.model_fields.items():
            key = info.alias or name
            required = "yes" if info.is_required() else "no"
            text = " ".join((info.description or "").split()).replace("|", "\\|").replace("``", "`")
            kind = "Markdown" if PROSE in info.metadata else describe_type(info.annotation)
            lines.append(f"| `{key}` | {kind} | {required} | {text} |")
        lines.append("")
    return "\n".join(lines)
