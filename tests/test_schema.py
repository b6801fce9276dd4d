"""The schema on pydantic: YAML types taken as they are, every error collected with its path
and worded by the loader, fields that survive deferred annotations, the JSON Schema and the
docstrings read from the models themselves."""

from __future__ import annotations

import datetime as dt
import sys
import types
from pathlib import Path
from typing import Annotated, Any, Literal

import pydantic
import pytest
from pydantic import BeforeValidator, Field, StringConstraints, TypeAdapter

import briefgen.model
from briefgen.document import Document
from briefgen.errors import ValidationError
from briefgen.load import describe_error, load_brief, read_document
from briefgen.model import (
    Actor,
    BoundHint,
    Brief,
    Claim,
    Date,
    Figure,
    Items,
    Model,
    Revision,
    Text,
    describe,
    fields_of,
    refuse_boolean,
)
from conftest import DATA

MINIMAL = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")


class Sample(Model):
    """A model of every kind of field (defined under ``from __future__ import annotations``)."""

    name: Text
    """A name."""
    count: Annotated[int, Field(ge=1, le=9), BoundHint("nine at most")] = 1
    level: Literal["low", "high"] = "low"
    version: Annotated[Literal[1], BeforeValidator(refuse_boolean)] = Field(
        default=1, alias="version-number")
    tags: Annotated[Items[Annotated[str, StringConstraints(min_length=1)]],
                    Field(min_length=1)] = ("a",)
    when: Date | None = None
    ratio: float | None = None


def problems_of(model: type[Model], data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """(path, error type, message, hint) of every error, worded as the loader words them."""
    with pytest.raises(pydantic.ValidationError) as caught:
        model.model_validate(data)
    doc = Document("sample.yaml", root=model)
    return [(error["loc"], error["type"], *worded)
            for error in caught.value.errors(include_url=False)
            if (worded := describe_error(error, doc)) is not None]


def test_a_valid_mapping_becomes_a_frozen_model_with_defaults() -> None:
    sample = Sample.model_validate({"name": "  Anna ", "version-number": 1,
                                    "when": "2019-01-05", "ratio": 2, "tags": ["x"]})
    assert sample == Sample.model_validate({"name": "Anna", "count": 1, "level": "low",
                                            "tags": ("x",), "when": dt.date(2019, 1, 5),
                                            "ratio": 2.0})
    assert isinstance(sample.ratio, float)
    assert sample.tags == ("x",)
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        sample.name = "Bob"  # type: ignore[misc]
    assert hash(sample) == hash(sample.model_copy(update={"count": 1}))
    assert sample.model_copy(update={"count": 2}).count == 2 and sample.count == 1


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("count", True, "a whole number"),          # a boolean is not a number
    ("count", "3", "a whole number"),           # quoted: the editor wrote text
    ("count", 3.0, "a whole number"),
    ("count", float("nan"), "a whole number"),
    ("count", 0, "at least 1"),
    ("count", 10, "at most 9"),
    ("ratio", float("inf"), "a finite number"),
    ("ratio", False, "a number"),
    ("when", 0, "a date (YYYY-MM-DD)"),         # not a Unix time
    ("when", "2019-02-30", "a valid date (YYYY-MM-DD)"),
    ("when", "2019-01-05 10:30", "a date without a time"),
    ("when", "20190105", "a date (YYYY-MM-DD)"),
    ("name", "   ", "text"),
    ("name", 7, "text"),
    ("tags", "x", "a list"),
    ("tags", {"a": 1}, "a list"),
    ("version-number", True, "1"),              # True == 1 in Python, not in YAML
    ("version-number", "1", "1"),
])
def test_yaml_types_are_taken_as_they_are(key: str, value: object, expected: str) -> None:
    [(path, _kind, message, _hint)] = problems_of(Sample, {"name": "Anna", key: value})
    assert path == (key,)
    assert message.startswith(f"expected {expected}, found ")


def test_every_error_is_collected_with_its_path() -> None:
    found = problems_of(Sample, {"count": 0, "colour": "red", "tags": ["", "ok", 5],
                                 "level": "medium"})
    assert sorted((path, message) for path, _kind, message, _hint in found) == [
        (("colour",), "unknown field 'colour'"),
        (("count",), "expected at least 1, found the number 0"),
        (("level",), "'medium' is not one of: 'low' or 'high'"),
        (("name",), "required field 'name' is missing"),
        (("tags", 0), "expected text, found ''"),
        (("tags", 2), "expected text, found the number 5"),
    ]


def test_too_few_items_are_counted_and_invalid_items_are_not_too_few() -> None:
    assert problems_of(Sample, {"name": "Anna", "tags": []}) == [
        (("tags",), "too_short", "expected at least 1 item, found an empty list", "")]
    assert [path for path, *_ in problems_of(Sample, {"name": "Anna", "tags": [""]})] == [
        ("tags", 0)]


def test_nested_models_report_the_full_path() -> None:
    data = {"id": "x", "actor": "y", "kind": "accuses", "summary": "s", "sources": ["r"],
            "credibility": 2, "casualties": {"killed": {"min": -1, "text": "one"}}}
    [(path, kind, message, _hint)] = problems_of(Claim, data)
    assert (path, kind, message) == (("casualties", "killed", "min"), "greater_than_equal",
                                     "expected at least 0, found the number -1")


def test_a_reserved_id_has_its_own_message() -> None:
    [(_path, _kind, message, hint)] = problems_of(Actor, {"id": "con", "name": "C",
                                                          "kind": "state"})
    assert (message, hint) == (
        "'con' is a device name that Windows reserves, so its files could not be written "
        "there", "choose another id, e.g. add the year")


def test_figures_say_why_they_are_bounded() -> None:
    [(_path, _kind, message, hint)] = problems_of(Figure, {"min": 2_000_000, "text": "many"})
    assert (message, hint) == (
        "expected at most 1,000,000, found the number 2000000",
        "no single incident has that many; check for a typo or a campaign's total")
    [(_path, _kind, _message, hint)] = problems_of(Sample, {"name": "Anna", "count": 10})
    assert hint == "nine at most"


def test_pydantic_wording_never_reaches_the_editor() -> None:
    found = problems_of(Sample, {"name": 1, "count": "x", "level": 2, "when": "x",
                                 "tags": "x", "ratio": "x", "version-number": "x"})
    for _path, _kind, message, _hint in found:
        assert "Input should" not in message and "input" not in message.lower(), message


EXPECTED_FIELDS = {
    "Revision": ["number", "date", "authors", "changes", "approved_by", "handling",
                 "handling_reason"],
    "DateWindow": ["start", "end", "precision"],
    "Place": ["name", "country", "admin1", "lat", "lon", "precision"],
    "Incident": ["date", "place", "event_type", "strike_status", "attribution"],
    "Actor": ["id", "name", "aliases", "name_ar", "kind", "parent"],
    "Source": ["id", "seed", "publisher", "title", "date", "url", "descriptor", "affiliation",
               "reliability"],
    "Figure": ["min", "max", "text"],
    "Casualties": ["killed", "wounded", "of"],
    "Claim": ["id", "actor", "speaker", "kind", "against", "date", "summary", "quote",
              "quote_source", "sources", "via", "credibility", "casualties"],
    "Judgment": ["text", "likelihood", "confidence", "rests_on"],
    "Implication": ["text", "horizon"],
    "Head": ["schema", "id", "title", "handling", "revisions", "revision", "bluf"],
    "Brief": ["schema", "id", "title", "handling", "revisions", "revision", "bluf", "incident",
              "actors", "sources", "claims", "judgments", "background", "implications", "gaps",
              "indicators"],
    "Comparison": ["schema", "id", "title", "handling", "revisions", "revision", "bluf",
                   "incidents", "pattern", "background", "implications", "gaps"],
}
"""Every model's keys, written out: a schema layer that reads annotations wrongly (as ours did
``cls.__dict__['__annotations__']``, empty under Python 3.14) loses fields silently."""


def models_of(module: types.ModuleType) -> dict[str, type[Model]]:
    """The models a module defines, by name (on the module's own base)."""
    base = module.Model
    return {name: value for name, value in vars(module).items()
            if isinstance(value, type) and issubclass(value, base) and value is not base
            and value.__module__ == module.__name__}


def test_every_model_has_all_its_fields() -> None:
    assert {name: [spec.key for spec in fields_of(model)]
            for name, model in models_of(briefgen.model).items()} == EXPECTED_FIELDS
    assert [spec.key for spec in fields_of(Sample)] == [
        "name", "count", "level", "version-number", "tags", "when", "ratio"]


def test_fields_are_the_same_with_annotations_evaluated_eagerly() -> None:
    """model.py defers its annotations (``from __future__ import annotations``, the default
    from Python 3.14); run as eagerly evaluated, it must give the same fields and types."""
    path = Path(briefgen.model.__file__)
    source = path.read_text(encoding="utf-8")
    assert source.count("from __future__ import annotations\n") == 1
    eager = source.replace("from __future__ import annotations\n", "# eager annotations\n")
    module = types.ModuleType("briefgen_model_eager")
    module.__file__ = str(path)
    sys.modules[module.__name__] = module
    try:
        exec(compile(eager, str(path), "exec"), module.__dict__)
        eager_models = models_of(module)
        assert set(eager_models) == set(EXPECTED_FIELDS)
        for name, model in models_of(briefgen.model).items():
            assert ([(s.key, s.required, s.default) for s in fields_of(eager_models[name])]
                    == [(s.key, s.required, s.default) for s in fields_of(model)]), name
        data = read_document(DATA / "valid" / "minimal.yaml").data
        assert (eager_models["Brief"].model_validate(data).model_dump()
                == Brief.model_validate(data).model_dump())
    finally:
        del sys.modules[module.__name__]


def test_fields_keep_their_order_keys_and_docstrings() -> None:
    assert [spec.key for spec in fields_of(Revision)] == [
        "number", "date", "authors", "changes", "approved_by", "handling", "handling_reason"]
    assert [spec.key for spec in fields_of(Brief)][:3] == ["schema", "id", "title"]
    assert describe(Brief, "schema_") == "Version of this file format; 1."  # from Head
    assert describe(Claim, "kind") == (
        "What the claim does: accuses, denies, claims-responsibility, declines-comment, "
        "finds\n(an official finding), reports, assesses.")
    assert [spec.key for spec in fields_of(Brief) if spec.prose] == ["bluf", "background"]


def test_json_schema_of_a_model() -> None:
    schema = TypeAdapter(Sample).json_schema(by_alias=True)
    assert schema["required"] == ["name"]
    assert schema["additionalProperties"] is False
    assert schema["properties"]["count"] == {"default": 1, "maximum": 9, "minimum": 1,
                                             "title": "Count", "type": "integer"}
    assert schema["properties"]["version-number"]["const"] == 1
    assert schema["properties"]["tags"] == {
        "default": ["a"], "items": {"minLength": 1, "type": "string"}, "minItems": 1,
        "title": "Tags", "type": "array"}
    assert schema["properties"]["when"]["anyOf"][0] == {"format": "date", "type": "string"}
    assert schema["properties"]["name"]["description"] == "A name."


@pytest.mark.parametrize(("line", "replacement", "message"), [
    ("  number: 1", "  number: yes",
     "7:11: revision.number: expected a whole number, found the boolean true "
     "(Revision number, 1 for the first issue; raise it with every reissue)"),
    ("  date: 2026-11-21", "  date: 2026-11-21 10:30:00",
     "8:9: revision.date: expected a date without a time, found '2026-11-21 10:30:00' "
     "(Date of this revision (YYYY-MM-DD); printed on the brief and used for its properties)"),
    ("schema: 1", "schema: 2",
     "2:9: schema: expected 1, found the number 2 (Version of this file format; 1)"),
    ("schema: 1", "schema: true",
     "2:9: schema: expected 1, found the boolean true (Version of this file format; 1)"),
    ("title: Minimal brief", 'title: "  "',
     "4:8: title: expected text, found '  ' (Neutral one-line title)"),
    ("  authors: [tester]", "  authors: []",
     "9:12: revision.authors: expected at least 1 item, found an empty list "
     "(Analysts and editors responsible for this revision)"),
    ("    credibility: 3\n    casualties:", "    credibility: 7\n    casualties:",
     "41:18: claims[0].credibility: expected at most 6, found the number 7 "
     "(Admiralty-code credibility of the claim, 1 (confirmed) to 6 (cannot be judged))"),
    ("  place: {name: near al-Tanf, country: Syria}",
     "  place: {name: near al-Tanf, country: Syria, lat: 91.5}",
     "14:52: incident.place.lat: expected at most 90, found the number 91.5 "
     "(Latitude in decimal degrees, only when the sources allow it)"),
    ("  date: {start: 2017-08-07}", "  date: {start: 20170807}",
     "13:17: incident.date.start: expected a date (YYYY-MM-DD), found the number 20170807 "
     "(First day the incident may have happened on)"),
])
def test_schema_faults_in_an_editors_words(tmp_path: Path, line: str, replacement: str,
                                           message: str) -> None:
    assert line in MINIMAL
    path = tmp_path / "briefs" / "minimal.yaml"
    path.parent.mkdir()
    path.write_text(MINIMAL.replace(line, replacement, 1), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_brief(path, DATA.parent.parent / "seeds")
    assert [str(p).split(":", 1)[1] for p in caught.value.problems] == [message]
