"""The schema layer: YAML types taken as they are, every fault collected with its path, models
built without pydantic, the JSON Schema and docstrings read from the models themselves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal

import pytest

from briefgen.errors import ValidationError
from briefgen.load import load_brief
from briefgen.model import Actor, Brief, Claim, Figure, Revision
from briefgen.schema import (
    Fault,
    Filled,
    Key,
    MinItems,
    Model,
    Range,
    check_data,
    describe,
    fields_of,
    make_json_schema,
)
from conftest import DATA

MINIMAL = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")


class Sample(Model):
    """A model of every kind of field."""

    name: Annotated[str, Filled(strip=True)]
    """A name."""
    count: Annotated[int, Range(ge=1, le=9, hint="nine at most")] = 1
    level: Literal["low", "high"] = "low"
    version: Annotated[Literal[1], Key("version-number")] = 1
    tags: Annotated[tuple[Annotated[str, Filled()], ...], MinItems(1)] = ("a",)
    when: dt.date | None = None
    ratio: float | None = None


def faults_of(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    model, faults = check_data(Sample, data)
    assert model is None
    return [(f.path, f.kind, f.expected, f.message) for f in faults]


def test_a_valid_mapping_becomes_a_frozen_model_with_defaults() -> None:
    sample, faults = check_data(Sample, {"name": "  Anna ", "version-number": 1,
                                         "when": "2019-01-05", "ratio": 2, "tags": ["x"]})
    assert faults == []
    assert sample == Sample(name="Anna", count=1, level="low", version=1, tags=("x",),
                            when=dt.date(2019, 1, 5), ratio=2.0)
    assert isinstance(sample.ratio, float)
    with pytest.raises(AttributeError, match="Sample is frozen: cannot set 'name'"):
        sample.name = "Bob"  # type: ignore[misc]
    assert hash(sample) == hash(sample.replace(count=1))
    assert sample.replace(count=2).count == 2 and sample.count == 1
    with pytest.raises(TypeError, match=r"Sample: unknown \['colour'\], missing \['name'\]"):
        Sample(colour="red")  # type: ignore[call-arg]


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
    ("version-number", True, "1"),              # True == 1 in Python, not in YAML
    ("version-number", "1", "1"),
])
def test_yaml_types_are_taken_as_they_are(key: str, value: object, expected: str) -> None:
    data = {"name": "Anna", key: value}
    [(path, kind, words, _message)] = faults_of(data)
    assert (path, kind, words) == ((key,), "value", expected)


def test_every_fault_is_collected_with_its_path() -> None:
    assert faults_of({"count": 0, "colour": "red", "tags": ["", "ok", 5],
                      "level": "medium"}) == [
        (("name",), "missing", "", ""),
        (("colour",), "unknown", "", ""),
        (("count",), "value", "at least 1", ""),
        (("tags", 0), "value", "text", ""),
        (("tags", 2), "value", "text", ""),
        (("level",), "value", "'low' or 'high'",
         "{found} is not one of: 'low' or 'high'"),
    ]


def test_too_few_items_are_counted() -> None:
    assert faults_of({"name": "Anna", "tags": []}) == [
        (("tags",), "value", "", "expected at least 1 item, found an empty list")]


def test_nested_models_report_the_full_path() -> None:
    data = {"id": "x", "actor": "y", "kind": "accuses", "summary": "s", "sources": ["r"],
            "credibility": 2, "casualties": {"killed": {"min": -1, "text": "one"}}}
    model, faults = check_data(Claim, data)
    assert model is None
    assert faults == [Fault(("casualties", "killed", "min"), "value", -1, "at least 0")]


def test_a_reserved_id_has_its_own_message() -> None:
    _model, [fault] = check_data(Actor, {"id": "con", "name": "C", "kind": "state"})
    assert fault.message.format(found="'con'") == (
        "'con' is a device name that Windows reserves, so its files could not be written there")


def test_figures_say_why_they_are_bounded() -> None:
    _model, [fault] = check_data(Figure, {"min": 2_000_000, "text": "many"})
    assert (fault.expected, fault.hint) == (
        "at most 1,000,000",
        "no single incident has that many; check for a typo or a campaign's total")


def test_fields_keep_their_order_keys_and_docstrings() -> None:
    assert [spec.key for spec in fields_of(Revision)] == ["number", "date", "authors", "changes"]
    assert [spec.key for spec in fields_of(Brief)][:3] == ["schema", "id", "title"]
    assert describe(Brief, "schema_") == "Version of this file format; 1."  # from Head
    assert describe(Claim, "kind") == (
        "What the claim does: accuses, denies, claims-responsibility, declines-comment, "
        "finds\n(an official finding), reports, assesses.")
    assert [spec.prose for spec in fields_of(Brief) if spec.prose] == [True, True]


def test_json_schema_of_a_model() -> None:
    schema = make_json_schema(Sample)
    assert schema["$ref"] == "#/$defs/Sample"
    sample = schema["$defs"]["Sample"]
    assert sample["required"] == ["name"]
    assert sample["additionalProperties"] is False
    assert sample["properties"]["count"] == {"default": 1, "maximum": 9, "minimum": 1,
                                             "title": "Count", "type": "integer"}
    assert sample["properties"]["version-number"]["const"] == 1
    assert sample["properties"]["tags"] == {
        "default": ["a"], "items": {"minLength": 1, "type": "string"}, "minItems": 1,
        "title": "Tags", "type": "array"}
    assert sample["properties"]["name"]["description"] == "A name."


@pytest.mark.parametrize(("line", "replacement", "message"), [
    ("  number: 1", "  number: yes",
     "7:11: revision.number: expected a whole number, found the boolean true "
     "(Revision number, 1 for the first issue; raise it with every reissue)"),
    ("  date: 2026-11-21", "  date: 2026-11-21 10:30:00",
     "8:9: revision.date: expected a date without a time, found '2026-11-21 10:30:00' "
     "(Date of this revision (YYYY-MM-DD); printed on the brief and used for its properties)"),
    ("schema: 1", "schema: 2",
     "2:9: schema: expected 1, found the number 2 (Version of this file format; 1)"),
    ("title: Minimal brief", 'title: "  "',
     "4:8: title: expected text, found '  ' (Neutral one-line title)"),
    ("  authors: [tester]", "  authors: []",
     "9:12: revision.authors: expected at least 1 item, found an empty list "
     "(Analysts and editors responsible for this revision)"),
    ("    credibility: 3\n    casualties:", "    credibility: 7\n    casualties:",
     "41:18: claims[0].credibility: expected at most 6, found the number 7 "
     "(Admiralty-code credibility of the claim, 1 (confirmed) to 6 (cannot be judged))"),
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
