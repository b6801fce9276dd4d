"""What can still be read of a file the schema refused: a partial model whose every field is
the value the file gives, where that value is valid on its own, and None (or an empty list)
where it is not, is missing, or is still a TODO.

The rules across fields (references, dates, figures, quotes) then run over the partial
model, so that a type error in one field does not hide a broken reference elsewhere; what
depends on the broken field is skipped, and what the schema reports is not reported again.
"""

from __future__ import annotations

import typing
from functools import cache
from typing import Annotated, Any, TypeVar

from pydantic import ConfigDict, TypeAdapter, ValidationError

from briefgen.model import Model, fields_of, iter_models

M = TypeVar("M", bound=Model)

_CONFIG = ConfigDict(strict=True, allow_inf_nan=False)
_MISSING = object()


def salvage_model(model: type[M], data: Any) -> M:
    """``model`` built without validation from ``data``: each field valid, or None (or its
    default when the file leaves it out, or an empty list for a list of models or ids that
    is not a list). Anything but a mapping gives a model of Nones and defaults."""
    fields = data if isinstance(data, dict) else {}
    values: dict[str, Any] = {}
    for spec in fields_of(model):
        raw = fields.get(spec.key, _MISSING)
        if raw is _MISSING:
            values[spec.name] = spec.default if not spec.required \
                else () if list_item(spec.annotation) is not None else None
        else:
            values[spec.name] = salvage_value(model, spec.name, raw)
    return model.model_construct(**values)


def salvage_value(model: type[Model], name: str, raw: Any) -> Any:
    """One field's value, as ``salvage_model`` takes it."""
    annotation = model.model_fields[name].annotation
    item = list_item(annotation)
    inner = next(iter_models(annotation), None)
    if item is not None:
        if not isinstance(raw, list):
            return ()
        if inner is not None:
            return tuple(salvage_model(inner, value) for value in raw)
        return tuple(check_value(item, value) for value in raw)
    if inner is not None:
        return salvage_model(inner, raw) if isinstance(raw, dict) else None
    return check_field(model, name, raw)


def list_item(annotation: Any) -> Any:
    """The item type of a list field (``tuple[X, ...]``, also inside ``Annotated`` or
    ``| None``), else None."""
    origin = typing.get_origin(annotation)
    if origin is tuple:
        return typing.get_args(annotation)[0]
    if origin is Annotated:
        return list_item(typing.get_args(annotation)[0])
    for arg in typing.get_args(annotation) if origin is not None else ():
        found = list_item(arg)
        if found is not None:
            return found
    return None


def check_field(model: type[Model], name: str, raw: Any) -> Any:
    """A field's value if it is valid as the schema has it, else None."""
    if is_todo(raw):
        return None
    try:
        return field_adapter(model, name).validate_python(raw)
    except ValidationError:
        return None


def check_value(annotation: Any, raw: Any) -> Any:
    """An item of a list if it is valid as the schema has it, else None."""
    if is_todo(raw):
        return None
    try:
        return item_adapter(annotation).validate_python(raw)
    except (ValidationError, TypeError):
        return None


@cache
def field_adapter(model: type[Model], name: str) -> TypeAdapter[Any]:
    """A validator for one field of a model, with its constraints."""
    info = model.model_fields[name]
    annotation: Any = Annotated[(info.annotation, *info.metadata)] if info.metadata \
        else info.annotation
    return TypeAdapter(annotation, config=_CONFIG)


@cache
def item_adapter(annotation: Any) -> TypeAdapter[Any]:
    """A validator for a list's items."""
    return TypeAdapter(annotation, config=_CONFIG)


def is_todo(value: Any) -> bool:
    """Whether a value is one still to fill in (``TODO ...``), reported as such."""
    return isinstance(value, str) and value.lstrip().startswith("TODO")
