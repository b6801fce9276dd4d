"""Shared paths and helpers for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.load import load_brief
from briefgen.model import Brief

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
ALL_BRIEFS = sorted((ROOT / "briefs").glob("*.yaml"))
COMPARISONS = [p for p in ALL_BRIEFS if "\nincidents:" in p.read_text(encoding="utf-8")]
BRIEFS = [p for p in ALL_BRIEFS if p not in COMPARISONS]
"""The incident files; COMPARISONS holds the cross-incident briefs."""
SHARED_TOOLS = ROOT.parent / "shared" / "tools"


@pytest.fixture
def minimal() -> Brief:
    return load_brief(DATA / "valid" / "minimal.yaml")


@pytest.fixture(autouse=True)
def _in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test from the project root, so messages show paths as a user sees them."""
    monkeypatch.chdir(ROOT)
