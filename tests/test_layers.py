"""Imports run one way: cli -> build/serve -> render -> analysis -> load/seeds -> model, and
errors everywhere; a module imports only from layers below its own (function-level and
type-checking imports count too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "briefgen"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", ""),                        # "" is the package itself (__version__)
    ("model", "gazetteer", "syntax", "files", "text", "tolls", "attribution", "quotation",
     "frontmatter"),
    ("seeds", "state", "skeleton", "git", "config", "prose", "document", "salvage", "masthead"),
    ("rules",),                            # the rules across fields, run by load
    ("load", "docs", "draft"),
    ("analysis",),
    ("diff", "chart", "redline"),          # derived from the models, drawn or compared
    ("render",),                           # the package and every module in it
    ("build",),
    ("folder", "catalogue", "serve"),      # made of build's jobs: init, seeds add, the preview
    ("cli",),
)
"""Each module's layer, lowest first."""

FORBIDDEN = {("analysis", "load")}
"""Imports that the layers allow but the design does not: the analysis is pure functions of
the models, with no loader."""


def module_name(path: Path) -> str:
    """``briefgen/render/docx.py`` -> ``render.docx``; ``briefgen/__init__.py`` -> ``""``."""
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(name: str) -> int:
    top = name.split(".")[0]
    for rank, names in enumerate(LAYERS):
        if top in names:
            return rank
    raise AssertionError(f"briefgen.{name} has no layer: add it to LAYERS in tests/test_layers.py")


def imported_modules(path: Path) -> set[str]:
    """The briefgen modules a file imports, anywhere in it, without the ``briefgen.``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        for name in names:
            if name == "briefgen" or name.startswith("briefgen."):
                found.add(name.removeprefix("briefgen").removeprefix("."))
    return found


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: module_name(p) or "__init__")
def test_imports_run_one_way(path: Path) -> None:
    name = module_name(path)
    own = layer_of(name)
    for target in sorted(imported_modules(path)):
        same_package = name.split(".")[0] == target.split(".")[0] and "." in name + target
        assert same_package or layer_of(target) < own, (
            f"briefgen.{name} imports briefgen.{target}, which is not below it")
        assert (name, target) not in FORBIDDEN, f"briefgen.{name} imports briefgen.{target}"


def test_the_shared_types_live_in_model() -> None:
    from briefgen import document, load, model

    assert load.ComparisonSet is model.ComparisonSet and document.Finding is model.Finding
    assert model.ComparisonSet.__module__ == model.Finding.__module__ == "briefgen.model"
