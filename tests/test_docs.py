"""The generated references: up to date, and the JSON Schema accepts every curated brief."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from briefgen.build import make_json_schema
from briefgen.docs import make_field_reference
from briefgen.load import read_document
from briefgen.skeleton import SCHEMA_COMMENT
from conftest import ALL_BRIEFS, DATA, ROOT

DOCS = ROOT / "docs"


def test_field_reference_is_up_to_date() -> None:
    assert (DOCS / "fields.md").read_text(encoding="utf-8") == make_field_reference(), (
        "docs/fields.md is stale: run python scripts/make_docs.py")


def test_committed_json_schema_is_up_to_date() -> None:
    committed = json.loads((DOCS / "incident.schema.json").read_text(encoding="utf-8"))
    assert committed == make_json_schema(), "stale: run python scripts/make_docs.py"


def test_every_field_is_documented() -> None:
    reference = make_field_reference()
    for line in reference.splitlines():
        if line.startswith("| `"):
            assert not line.endswith("|  |"), line


@pytest.mark.parametrize("path", [*ALL_BRIEFS, DATA / "valid" / "minimal.yaml"],
                         ids=lambda p: p.stem)
def test_json_schema_validates_the_brief(path: Path) -> None:
    data = read_document(path).data  # plain YAML data, dates as text as editors' plugins see
    jsonschema.validate(data, make_json_schema())


@pytest.mark.parametrize("path", ALL_BRIEFS, ids=lambda p: p.stem)
def test_each_brief_names_the_schema_for_editors(path: Path) -> None:
    assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_COMMENT


def test_json_schema_rejects_a_broken_brief() -> None:
    data = read_document(DATA / "invalid" / "likelihood-not-icd203.yaml").data
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, make_json_schema())
    errors = jsonschema.Draft202012Validator(make_json_schema()).iter_errors(data)
    located = [(list(e.absolute_path), e.message) for error in errors
               for e in (error.context or [error])]
    assert (["judgments", 0, "likelihood"],
            "'probably' is not valid under any of the given schemas") in located
