"""A STIX 2.1 bundle per brief, for threat-intelligence platforms (OpenCTI, MISP)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.render import OutputFormat

if TYPE_CHECKING:
    from briefgen.render import Options, Rendering


def render(rendering: Rendering, _markdown: str, _options: Options) -> bytes:
    from briefgen.render.stix import render_stix  # stix2 costs 0.14 s: only when asked

    return render_stix(rendering.brief)


FORMAT = OutputFormat("stix", ".stix.json", "a STIX 2.1 bundle, for OpenCTI, MISP and the like",
                      render=render, markdown=False)
