"""Headless Chromium for the browser tests (Debian's chromium, driven by Playwright), and
axe-core from this folder's npm packages (``npm ci`` here installs it).

Without chromium, Playwright or axe-core the tests are skipped with the reason, except in
CI (``CI=true``), where they fail: CI must run them."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need(condition: bool, reason: str) -> None:
    """Skip for want of a tool, or fail in CI."""
    if not condition:
        if in_ci():
            pytest.fail(f"{reason} (CI=true: the browser tests must run)")
        pytest.skip(reason)


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = find_chromium()
    need(executable is not None, "chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "Playwright is not installed (pip install '.[test]')")
    # each launch runs on a new, temporary profile (Playwright's own --user-data-dir)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, timeout=30_000,
                                              args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    opened = context.new_page()
    try:
        yield opened
    finally:
        context.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    need(AXE.exists(), f"axe-core is not installed (cd {HERE.relative_to(HERE.parents[1])} "
                       "&& npm ci)")
    return AXE
