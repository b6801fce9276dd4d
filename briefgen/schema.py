"""The schema layer: frozen models, checked against plain YAML data.

A model derives from ``Model``; its fields are annotated with plain types (``str``, ``int``,
``float``, ``datetime.date``, ``Literal``, ``X | None``, ``tuple[X, ...]``, other models)
and ``Annotated`` markers that constrain them (``Range``, ``MinItems``, ``Filled``,
``Pattern``, ``Refused``) or say how the file spells them (``Key``). Attribute docstrings
describe the fields: they are read from the source only when a hint, the field reference or
the JSON Schema asks for them.

``check_data`` turns a mapping into a model or collects every ``Fault`` on the way, each
with its path; YAML types are taken as they are (text stays text, a boolean is not a
number), and what a fault means to an editor is worded in ``load``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import types
import typing
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any, ClassVar, NamedTuple, Self, TypeVar, dataclass_transform

PathKey = tuple[str | int, ...]


class Key(NamedTuple):
    """The key an editor writes for a field whose name Python cannot use (``schema``)."""

    name: str


class Range(NamedTuple):
    """Bounds of a number; ``hint`` says why the upper bound is there."""

    ge: float | None = None
    le: float | None = None
    hint: str = ""


class MinItems(NamedTuple):
    """The fewest items a list may hold."""

    least: int


class Filled(NamedTuple):
    """Text that must hold more than white space; ``strip`` trims what is kept."""

    strip: bool = False


class Pattern(NamedTuple):
    """A regular expression the whole text must match, and what to say when it does not;
    ``{found}`` in the message stands for the value as an editor recognises it."""

    regex: str
    message: str
    hint: str


class Refused(NamedTuple):
    """Values the text may not take, and what to say when it does."""

    values: frozenset[str]
    message: str
    hint: str


class Prose:
    """Marks text as Markdown prose: templates print it as Markdown, not escaped."""

    def __repr__(self) -> str:
        return "PROSE"


PROSE = Prose()


class Fault(NamedTuple):
    """One place where the data does not fit the schema.

    ``kind`` is ``missing`` (a required key is absent), ``unknown`` (a key the model does not
    have) or ``value``. A value fault says what was ``expected`` in words; ``message`` and
    ``hint``, when given, word it completely. ``textual`` is set when the schema wanted text,
    so that an unquoted YAML scalar read as a number or boolean explains the fault."""

    path: PathKey
    kind: str
    value: Any = None
    expected: str = ""
    message: str = ""
    hint: str = ""
    textual: bool = False


@dataclass_transform(kw_only_default=True, frozen_default=True)
class Model:
    """Base of every model: frozen, built from keyword arguments, compared by value. Its
    fields are the keys of a YAML mapping; any other key is a fault. (Dataclass-like without
    ``dataclasses``, whose code generation costs a millisecond a class at every start.)"""

    _names: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names = [*cls._names]
        own = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 (inspect costs 10 ms)
        names += [name for name in own
                  if name not in names and not name.startswith("_")]
        cls._names = tuple(names)
        cls._defaults = {name: cls.__dict__[name] if name in cls.__dict__
                         else cls._defaults[name] for name in names
                         if name in cls.__dict__ or name in cls._defaults}

    def __init__(self, **values: Any) -> None:
        unknown = values.keys() - set(self._names)
        missing = set(self._names) - values.keys() - self._defaults.keys()
        if unknown or missing:
            raise TypeError(f"{type(self).__name__}: unknown {sorted(unknown)}, "
                            f"missing {sorted(missing)}")
        self.__dict__.update(self._defaults)
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set '{name}'")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete '{name}'")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        return hash(tuple(self.__dict__[name] for name in self._names))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in self._names)
        return f"{type(self).__name__}({shown})"

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed (unchecked: for tests and derived briefs)."""
        return type(self)(**{**self.__dict__, **changes})


M = TypeVar("M", bound=Model)
INVALID: Any = object()
"""What a check returns for a value it has recorded faults for."""

Check = Callable[[Any, PathKey, list[Fault]], Any]


class FieldSpec(NamedTuple):
    """One field of a model, as the file spells it and as the schema checks it."""

    name: str
    key: str
    annotation: Any
    required: bool
    default: Any
    prose: bool


_FIELDS: dict[type[Model], tuple[FieldSpec, ...]] = {}
_DOCS: dict[type[Model], dict[str, str]] = {}


def fields_of(model: type[Model]) -> tuple[FieldSpec, ...]:
    """A model's fields in the order they are declared, base classes' first."""
    if model in _FIELDS:
        return _FIELDS[model]
    hints = typing.get_type_hints(model, include_extras=True)
    specs = []
    for name in model._names:
        annotation = hints[name]
        markers = annotation_markers(annotation)
        key = next((m.name for m in markers if isinstance(m, Key)), name)
        required = name not in model._defaults
        specs.append(FieldSpec(name, key, annotation, required, model._defaults.get(name),
                               PROSE in markers))
    _FIELDS[model] = tuple(specs)
    return _FIELDS[model]


def annotation_markers(annotation: Any) -> tuple[Any, ...]:
    """The markers of an ``Annotated`` annotation (outermost only), else none."""
    if typing.get_origin(annotation) is typing.Annotated:
        return tuple(annotation.__metadata__)
    return ()


def field_by_key(model: type[Model], key: str) -> FieldSpec | None:
    """A model's field by the key an editor writes."""
    return next((spec for spec in fields_of(model) if spec.key == key), None)


def iter_models(annotation: Any) -> Iterator[type[Model]]:
    """The models inside an annotation such as ``tuple[Claim, ...] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, Model):
        yield annotation
    elif typing.get_origin(annotation) is typing.Annotated:
        yield from iter_models(typing.get_args(annotation)[0])
    else:
        for arg in typing.get_args(annotation):
            if arg is not Ellipsis:
                yield from iter_models(arg)


def field_docs(model: type[Model]) -> dict[str, str]:
    """Attribute docstrings of a model and its bases: the string under each field."""
    if model in _DOCS:
        return _DOCS[model]
    import ast
    import inspect
    import textwrap

    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if cls is object or cls is Model or not issubclass(cls, Model):
            continue
        try:
            source = inspect.getsource(cls)
        except (OSError, TypeError):  # installed without sources: no descriptions
            continue
        tree = ast.parse(textwrap.dedent(source))
        body = tree.body[0].body  # type: ignore[attr-defined]
        for statement, following in itertools.pairwise(body):
            if (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
                    and isinstance(following, ast.Expr)
                    and isinstance(following.value, ast.Constant)
                    and isinstance(following.value.value, str)):
                docs[statement.target.id] = inspect.cleandoc(following.value.value)
    _DOCS[model] = docs
    return docs


def describe(model: type[Model], name: str) -> str:
    """The docstring of field ``name`` of ``model``, or nothing."""
    return field_docs(model).get(name, "")


def check_data(model: type[M], data: Any) -> tuple[M | None, list[Fault]]:
    """``data`` (plain YAML data) as a ``model``, or None and every fault found."""
    faults: list[Fault] = []
    result = make_check(model)(data, (), faults)
    return (None if faults or result is INVALID else result), faults


def make_check(annotation: Any, markers: tuple[Any, ...] = ()) -> Check:
    """The function that checks and converts a value of type ``annotation``."""
    return _make_check(annotation, markers)


@cache
def _make_check(annotation: Any, markers: tuple[Any, ...]) -> Check:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _make_check(args[0], markers + tuple(annotation.__metadata__))
    if origin in (types.UnionType, typing.Union):
        others = [arg for arg in args if arg is not type(None)]
        if len(others) != 1 or len(args) != 2:
            raise TypeError(f"only X | None is supported, not {annotation}")
        return check_optional(_make_check(others[0], markers))
    if origin is tuple:
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"only tuple[X, ...] is supported, not {annotation}")
        least = next((m.least for m in markers if isinstance(m, MinItems)), 0)
        return check_items(_make_check(args[0], ()), least)
    if origin is typing.Literal:
        return check_choice(args)
    if annotation is str:
        return check_text(markers)
    if annotation is int or annotation is float:
        bounds = next((m for m in markers if isinstance(m, Range)), Range())
        return check_number(annotation is int, bounds)
    if annotation is dt.date:
        return check_date
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return check_model(annotation)
    raise TypeError(f"no check for {annotation!r}")


def check_optional(inner: Check) -> Check:
    def check(value: Any, path: PathKey, faults: list[Fault]) -> Any:
        return None if value is None else inner(value, path, faults)
    return check


def check_items(inner: Check, least: int) -> Check:
    def check(value: Any, path: PathKey, faults: list[Fault]) -> Any:
        if type(value) is not list:
            faults.append(Fault(path, "value", value, "a list"))
            return INVALID
        items = tuple([inner(item, (*path, i), faults) for i, item in enumerate(value)])
        if len(items) < least:
            found = "an empty list" if not items else f"{len(items)}"
            faults.append(Fault(path, "value", value, message=(
                f"expected at least {least} item{'s' * (least != 1)}, found {found}")))
            return INVALID
        return INVALID if any(item is INVALID for item in items) else items
    return check


def check_choice(options: tuple[Any, ...]) -> Check:
    shown = ", ".join(repr(option) for option in options[:-1])
    listed = f"{shown} or {options[-1]!r}" if shown else repr(options[-1])
    textual = all(isinstance(option, str) for option in options)
    table = {(type(option), option): option for option in options}

    def check(value: Any, path: PathKey, faults: list[Fault]) -> Any:
        kind = type(value)
        if kind is str or kind is int:
            option = table.get((kind, value), INVALID)
            if option is not INVALID:
                return option
        if textual:
            faults.append(Fault(path, "value", value, listed, "{found} is not one of: " + listed,
                                "use one of the words exactly as listed", textual=True))
        else:
            faults.append(Fault(path, "value", value, listed))
        return INVALID
    return check


def check_text(markers: tuple[Any, ...]) -> Check:
    filled = next((m for m in markers if isinstance(m, Filled)), None)
    patterns = [(re.compile(m.regex).fullmatch, m) for m in markers if isinstance(m, Pattern)]
    refused = [m for m in markers if isinstance(m, Refused)]

    def check(value: Any, path: PathKey, faults: list[Fault]) -> Any:
        if type(value) is not str:
            faults.append(Fault(path, "value", value, "text", textual=True))
            return INVALID
        kept = value
        if filled is not None:
            stripped = value.strip()
            if not stripped:
                faults.append(Fault(path, "value", value, "text"))
                return INVALID
            if filled.strip:
                kept = stripped
        for match, pattern in patterns:
            if match(value) is None:
                faults.append(Fault(path, "value", value, message=pattern.message,
                                    hint=pattern.hint))
                return INVALID
        for rule in refused:
            if value in rule.values:
                faults.append(Fault(path, "value", value, message=rule.message, hint=rule.hint))
                return INVALID
        return kept
    return check


def check_number(whole: bool, bounds: Range) -> Check:
    expected = "a whole number" if whole else "a number"

    def check(value: Any, path: PathKey, faults: list[Fault]) -> Any:
        kind = type(value)
        if not (kind is int or (kind is float and not whole)):
            faults.append(Fault(path, "value", value, expected))
            return INVALID
        if not math.isfinite(value):
            faults.append(Fault(path, "value", value, "a finite number"))
            return INVALID
        if bounds.ge is not None and value < bounds.ge:
            faults.append(Fault(path, "value", value, f"at least {bounds.ge:,}"))
            return INVALID
        if bounds.le is not None and value > bounds.le:
            faults.append(Fault(path, "value", value, f"at most {bounds.le:,}",
                                hint=bounds.hint))
            return INVALID
        return value if whole else float(value)
    return check


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|[ \t]+)\d")


def check_date(value: Any, path: PathKey, faults: list[Fault]) -> Any:
    """A date: a YAML date kept as text by the loader (``2019-01-05``), or a ``date``."""
    if type(value) is dt.date:
        return value
    if isinstance(value, str):
        if _DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                faults.append(Fault(path, "value", value, "a valid date (YYYY-MM-DD)"))
                return INVALID
        if _DATE_TIME.match(value):
            faults.append(Fault(path, "value", value, "a date without a time"))
            return INVALID
    if isinstance(value, dt.datetime):
        faults.append(Fault(path, "value", str(value), "a date without a time"))
        return INVALID
    faults.append(Fault(path, "value", value, "a date (YYYY-MM-DD)"))
    return INVALID


def check_model(model: type[Model]) -> Check:
    by_key: dict[str, tuple[str, Check]] = {}
    defaults: dict[str, Any] = {}
    required: set[str] = set()

    def check(value: Any, path: PathKey, faults: list[Fault]) -> Any:
        if not by_key:  # built on first use: models refer to models defined later
            for spec in fields_of(model):
                by_key[spec.key] = (spec.name, make_check(spec.annotation))
                if spec.required:
                    required.add(spec.key)
                else:
                    defaults[spec.name] = spec.default
        if type(value) is not dict:
            faults.append(Fault(path, "value", value, "a mapping of fields"))
            return INVALID
        keys = value.keys()
        valid = required <= keys and keys <= by_key.keys()
        if not valid:
            faults.extend(Fault((*path, key), "missing") for key in by_key
                          if key in required and key not in keys)
            faults.extend(Fault((*path, key), "unknown", value[key]) for key in keys
                          if key not in by_key)
        values = defaults.copy()
        for key, item in value.items():
            field = by_key.get(key)
            if field is not None:
                checked = field[1](item, (*path, key), faults)
                if checked is INVALID:
                    valid = False
                values[field[0]] = checked
        if not valid:
            return INVALID
        instance = object.__new__(model)
        instance.__dict__.update(values)  # every field, checked: no need of __init__
        return instance
    return check


def make_json_schema(*models: type[Model]) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) that accepts any of ``models``, with ``$defs`` for every
    model inside them and each field's docstring as its description."""
    defs: dict[str, Any] = {}
    for model in models:
        add_definition(model, defs)
    refs = [{"$ref": f"#/$defs/{model.__name__}"} for model in models]
    return {"$defs": dict(sorted(defs.items())),
            **({"anyOf": refs} if len(refs) > 1 else refs[0])}


def add_definition(model: type[Model], defs: dict[str, Any]) -> None:
    if model.__name__ in defs:
        return
    defs[model.__name__] = {}
    properties: dict[str, Any] = {}
    for spec in fields_of(model):
        schema = describe_type(spec.annotation, defs)
        if "$ref" not in schema and "$ref" not in schema.get("anyOf", [{}])[0]:
            schema["title"] = spec.key.replace("_", " ").strip().title()
        if not spec.required:
            schema["default"] = list(spec.default) if isinstance(spec.default, tuple) \
                else spec.default
        if describe(model, spec.name):
            schema["description"] = describe(model, spec.name)
        properties[spec.key] = dict(sorted(schema.items()))
    definition: dict[str, Any] = {"additionalProperties": False, "properties": properties,
                                  "title": model.__name__, "type": "object"}
    required = [spec.key for spec in fields_of(model) if spec.required]
    if required:
        definition["required"] = required
    if model.__doc__:
        import inspect

        definition["description"] = inspect.cleandoc(model.__doc__)
    defs[model.__name__] = dict(sorted(definition.items()))


def describe_type(annotation: Any, defs: dict[str, Any],
                  markers: tuple[Any, ...] = ()) -> dict[str, Any]:
    """The JSON Schema of one annotation; models go to ``defs`` and are referred to."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    schema: dict[str, Any]
    if origin is typing.Annotated:
        return describe_type(args[0], defs, markers + tuple(annotation.__metadata__))
    if origin in (types.UnionType, typing.Union):
        inner = next(arg for arg in args if arg is not type(None))
        return {"anyOf": [describe_type(inner, defs, markers), {"type": "null"}]}
    if origin is tuple:
        schema = {"items": describe_type(args[0], defs), "type": "array"}
        least = next((m.least for m in markers if isinstance(m, MinItems)), 0)
        if least:
            schema["minItems"] = least
    elif origin is typing.Literal:
        kind = "string" if isinstance(args[0], str) else "integer"
        schema = {"const": args[0]} if len(args) == 1 else {"enum": list(args)}
        schema["type"] = kind
    elif annotation is str:
        schema = {"type": "string"}
        if any(isinstance(m, Filled) for m in markers):
            schema["minLength"] = 1
        for marker in markers:
            if isinstance(marker, Pattern):
                schema["pattern"] = marker.regex
    elif annotation is int or annotation is float:
        schema = {"type": "integer" if annotation is int else "number"}
        bounds = next((m for m in markers if isinstance(m, Range)), Range())
        if bounds.ge is not None:
            schema["minimum"] = bounds.ge
        if bounds.le is not None:
            schema["maximum"] = bounds.le
    elif annotation is dt.date:
        schema = {"format": "date", "type": "string"}
    elif isinstance(annotation, type) and issubclass(annotation, Model):
        add_definition(annotation, defs)
        return {"$ref": f"#/$defs/{annotation.__name__}"}
    else:
        raise TypeError(f"no JSON Schema for {annotation!r}")
    return dict(sorted(schema.items()))
