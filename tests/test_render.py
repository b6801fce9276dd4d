"""The registry of output formats: each a module declaring its name, suffix and writer."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefgen import render
from briefgen.build import build_briefs, render_file
from briefgen.errors import OutputError
from briefgen.render import FORMATS, OutputFormat, get_format


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_registered_module_declares_its_format(name: str) -> None:
    fmt = get_format(name)
    assert fmt.name == name
    assert fmt.suffix.startswith(".")
    # one way of writing: each brief, a conversion of another format, or one file a batch
    ways = [fmt.render is not None, fmt.source is not None and fmt.convert is not None,
            fmt.rows is not None and fmt.collect is not None]
    assert ways.count(True) == 1
    assert bool(fmt.collected) == ways[2]


def test_defaults_and_suffixes_come_from_the_modules() -> None:
    assert render.default_formats() == ("md", "docx")
    found = render.find_format_by_suffix(".DOCX")
    assert found is not None and found.name == "docx"
    assert render.find_format_by_suffix(".txt") is None


@pytest.fixture
def text_format(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A format made the way a new one is: a module with FORMAT, and a line in FORMATS."""
    module = types.ModuleType("briefgen_test_text_format")
    module.FORMAT = OutputFormat(  # type: ignore[attr-defined]
        "txt", ".txt", "the brief's title, as plain text",
        render=lambda rendering, _markdown, _options: rendering.brief.id.encode("utf-8"))
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setitem(FORMATS, "txt", module.__name__)
    get_format.cache_clear()
    yield
    get_format.cache_clear()


@pytest.mark.usefixtures("text_format")
def test_a_new_format_is_one_module_and_one_line(tmp_path: Path) -> None:
    report = build_briefs([Path("briefs/2019-01-sarsar-lake.yaml")], tmp_path, ["txt", "md"])
    assert (report.built, report.failed) == (1, [])
    assert (tmp_path / "2019-01-sarsar-lake.txt").read_text() == "2019-01-sarsar-lake"
    assert render_file(Path("briefs/2019-01-sarsar-lake.yaml"), tmp_path / "x.txt") is None
    assert (tmp_path / "x.txt").read_text() == "2019-01-sarsar-lake"


def test_an_unknown_format_names_those_there_are(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        build_briefs([Path("briefs/2019-01-sarsar-lake.yaml")], tmp_path, ["odt"])
    assert str(caught.value) == f"unknown format 'odt' (choose from {', '.join(FORMATS)})"
