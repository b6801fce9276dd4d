"""The one-page summary's tighter page: the reference's own styles, made smaller in
proportion, and narrower margins.

A summary (``build --length summary``) is a copy of the reference prepared apart from the
full brief's, so that the full brief keeps the reference as it is. The changes are relative,
so a house reference keeps its look: the title at three quarters of its size, the space
around headings, the title block and body paragraphs halved, the body text a half point
smaller (10 pt for the reference's 10.5), the margins at most ``MARGIN`` at the sides and
``MARGIN_VERTICAL`` above and below.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from docx.shared import Emu, Twips

MARGIN = Twips(851)
"""The widest margin of a summary's page at the sides, 1.5 cm (the reference's is 2.3 cm)."""
MARGIN_VERTICAL = Twips(737)
"""The widest margin at the top and bottom, 1.3 cm (the reference's 2.2 cm)."""
HEADER_DISTANCE = Twips(340)
"""The furthest the header and footer stand from the page's edge, 0.6 cm."""
TITLE_SCALE = 0.75
BODY_SCALE = 0.95
SPACE_SCALE = 0.5
SPACED_STYLES = ("Title", "Subtitle", "Date", "Heading 1", "Heading 2", "Heading 3",
                 "Body Text", "First Paragraph")
"""The styles whose space before and after is halved: those of the title block, the
headings and the body text (lists and tables are tight already)."""


def tighten_page(document: Any) -> None:
    """Make ``document`` (the reference, before its styles are frozen) a summary's page."""
    section = document.sections[-1]
    for side in ("top", "right", "bottom", "left"):
        widest = MARGIN_VERTICAL if side in ("top", "bottom") else MARGIN
        margin = getattr(section, f"{side}_margin")
        setattr(section, f"{side}_margin", widest if margin is None else min(margin, widest))
    for side in ("header", "footer"):
        distance = getattr(section, f"{side}_distance")
        setattr(section, f"{side}_distance",
                HEADER_DISTANCE if distance is None else min(distance, HEADER_DISTANCE))
    shrink_default_text(document.styles.element)
    names = {style.name: style for style in document.styles if style.name}
    title = names.get("Title")
    if title is not None and title.font.size is not None:
        title.font.size = scale(title.font.size, TITLE_SCALE)
    for name in SPACED_STYLES:
        if name in names:
            spacing = names[name].paragraph_format
            for attribute in ("space_before", "space_after"):
                value = getattr(spacing, attribute)
                if value is not None:
                    setattr(spacing, attribute, scale(value, SPACE_SCALE))


def shrink_default_text(styles: Any) -> None:
    """The document's default text size (``w:docDefaults``, in half points) times
    ``BODY_SCALE``, where the reference sets one."""
    for tag in ("w:sz", "w:szCs"):
        size = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn(tag)}")
        if size is not None and (size.get(qn("w:val")) or "").isdigit():
            size.set(qn("w:val"), str(round(int(size.get(qn("w:val"))) * BODY_SCALE)))


def scale(length: int, factor: float) -> Emu:
    """``length`` times ``factor``, in whole half points (the unit of Word's font sizes)."""
    half_point = 6350
    return Emu(round(length * factor / half_point) * half_point)
