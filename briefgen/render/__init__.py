"""Rendering: the template context, Markdown through Jinja2, and the Word writer."""

from __future__ import annotations

import importlib
from pathlib import Path


def default_templates_dir() -> Path:
    """The templates shipped inside the package (``templates/`` of a source checkout).

    Here rather than in ``markdown`` so that finding them imports neither Jinja2 nor the
    model: a build that skips every brief stays quick. The package's folder is read from
    the package itself: ``importlib.resources`` would cost a cold build 8 ms of imports."""
    try:
        package = importlib.import_module("briefgen.templates")
    except ModuleNotFoundError:  # imported from the source tree rather than installed
        return Path(__file__).resolve().parents[2] / "templates"
    return Path(next(iter(package.__path__)))
