"""What pip installs: every package of the source tree is in the wheel."""

from __future__ import annotations

import tomllib

from conftest import ROOT


def test_every_package_folder_is_listed_for_the_wheel() -> None:
    listed = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["packages"]
    found = sorted(".".join(init.parent.relative_to(ROOT).parts)
                   for init in (ROOT / "briefgen").rglob("__init__.py")
                   if "__pycache__" not in init.parts)
    assert sorted(p for p in listed if p != "briefgen.templates") == found
