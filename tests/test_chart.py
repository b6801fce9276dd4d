"""The casualty chart: its data and alt text from the claims, the same bytes every time."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.chart import casualty_chart, describe_chart, draw_chart
from briefgen.load import load_brief
from briefgen.model import Brief


def test_the_alt_text_states_every_figure_and_the_conservative_count() -> None:
    data = casualty_chart(load_brief(Path("briefs/2017-08-al-tanf-kss.yaml")))
    assert data is not None
    assert describe_chart(data) == (
        "Casualties as claimed. KSS fighters killed: Kataib Sayyid al-Shuhada 36; Kataib "
        "Sayyid al-Shuhada 41 or more (conservative count 36). Revolutionary Guards killed: "
        "Abu Ala al-Welayi 7 (conservative count 7). Soldiers killed: Islamic State 68 "
        "(conservative count 68). KSS fighters wounded: Kataib Sayyid al-Shuhada 75; Kataib "
        "Sayyid al-Shuhada 30 (conservative count 30).")


def test_a_brief_without_figures_has_no_chart(minimal: Brief) -> None:
    bare = minimal.model_copy(update={"claims": tuple(
        c.model_copy(update={"casualties": None}) for c in minimal.claims)})
    assert casualty_chart(bare) is None


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_the_same_data_draws_the_same_bytes(kind: str, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    data = casualty_chart(load_brief(Path("briefs/2018-06-albu-kamal-kh.yaml")))
    assert data is not None
    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path / "first"))
    first = draw_chart(data, kind)
    assert list((tmp_path / "first" / "charts").iterdir())  # kept for the next build
    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path / "second"))
    assert draw_chart(data, kind) == first
    assert first.startswith(b"\x89PNG" if kind == "png" else b"<?xml")
    if kind == "svg":
        assert b"<dc:date>" not in first and b"Matplotlib" not in first
