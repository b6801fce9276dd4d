"""The casualty chart: its data and alt text from the claims, the same bytes every time."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from briefgen.build import Options, build_briefs, render_file
from briefgen.chart import Chart, casualty_chart, describe_chart, draw_chart, find_chart
from briefgen.errors import RenderError
from briefgen.load import load_any, load_brief
from briefgen.model import Brief, Loaded
from briefgen.render.markdown import escape_markdown, render_markdown
from conftest import github_html


def test_the_alt_text_states_every_figure_and_the_conservative_count() -> None:
    data = casualty_chart(load_brief(Path("briefs/2017-08-al-tanf-kss.yaml")))
    assert data is not None
    assert describe_chart(data) == (
        "Casualties as claimed. KSS fighters killed: Kataib Sayyid al\u2011Shuhada 36; Kataib "
        "Sayyid al\u2011Shuhada 41 or more (conservative count 36). Revolutionary Guards killed: "
        "Abu\u00a0Ala al\u2011Welayi 7 (conservative count 7). Soldiers killed: Islamic State 68 "
        "(conservative count 68). KSS fighters wounded: Kataib Sayyid al\u2011Shuhada 75; Kataib "
        "Sayyid al\u2011Shuhada 30 (conservative count 30).")  # names held together, U+2011


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


AL_TANF = Path("briefs/2017-08-al-tanf-kss.yaml")
COMPARISON = Path("briefs/2017-2019-denied-strikes-on-iraqi-militias.yaml")


def test_the_timeline_states_each_incidents_date_and_deaths_claimed() -> None:
    data = find_chart(load_any(COMPARISON))
    assert data is not None
    assert describe_chart(data) == (
        "Deaths claimed, incident by incident. 7 August 2017, Iraq–Syria border area east of "
        "al\u2011Tanf, across from the al\u2011Akashat region: 36 to 41 or more KSS fighters "
        "killed, as claimed. The week of 18–24 June 2018, Albu Kamal, a Syrian town on the "
        "border with Iraq: 22 PMF members killed, as claimed. January 2019, near Sarsar lake: "
        "30 or more Hashd al\u2011Shaabi fighters killed, as claimed.")


def built(tmp_path: Path, *names: str, formats: tuple[str, ...] = ("md", "docx", "html"),
          cache: str = "cache") -> Path:
    """The curated briefs ``names`` built into ``tmp_path/out`` with a cache of its own."""
    out = tmp_path / "out"
    report = build_briefs([Path("briefs") / f"{name}.yaml" for name in names], out, formats,
                          jobs=1)
    assert report.failed == []
    return out


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path / "cache"))
    return tmp_path


def test_the_word_brief_holds_the_chart_as_one_inline_png_with_its_alt_text(
        fresh_cache: Path) -> None:
    out = built(fresh_cache, AL_TANF.stem, formats=("docx",))
    document = docx.Document(str(out / f"{AL_TANF.stem}.docx"))
    shapes = document.inline_shapes
    assert len(shapes) == 1
    data = casualty_chart(load_brief(AL_TANF))
    assert data is not None
    properties = shapes[0]._inline.docPr
    assert properties.get("descr") == describe_chart(data)
    assert properties.get("title") == "Casualties as claimed"
    (image,) = [rel.target_part for rel in document.part.rels.values()
                if rel.reltype.endswith("/image")]
    assert not any(rel.is_external for rel in document.part.rels.values()
                   if rel.reltype.endswith("/image"))
    assert image.content_type == "image/png" and image.blob == draw_chart(data, "png")
    assert shapes[0].width == document.sections[0].page_width - (
        document.sections[0].left_margin + document.sections[0].right_margin)
    # in the Casualty figures part, right before the table
    body = document.element.body
    drawing = body.xpath(".//w:drawing")[0]
    paragraph = drawing.getparent().getparent()
    assert paragraph.getnext().tag == qn("w:tbl")
    assert "Claimant" in "".join(paragraph.getnext().itertext())


def test_the_markdown_names_its_chart_which_is_written_beside_it(fresh_cache: Path) -> None:
    out = built(fresh_cache, AL_TANF.stem, formats=("md",))
    data = casualty_chart(load_brief(AL_TANF))
    assert data is not None
    text = (out / f"{AL_TANF.stem}.md").read_text(encoding="utf-8")
    line = f"![{escape_markdown(describe_chart(data))}]({AL_TANF.stem}.chart.png)"
    assert f"\n\n{line}\n\n| Claim | Claimant |" in text
    assert (out / f"{AL_TANF.stem}.chart.png").read_bytes() == draw_chart(data, "png")
    assert f'<img src="{AL_TANF.stem}.chart.png" alt="Casualties as claimed. KSS' in (
        github_html(text))


def test_the_html_page_draws_the_chart_as_inline_svg_with_its_alt_text(
        fresh_cache: Path) -> None:
    out = built(fresh_cache, COMPARISON.stem, formats=("html",))
    page = (out / f"{COMPARISON.stem}.html").read_text(encoding="utf-8")
    data = find_chart(load_any(COMPARISON))
    assert data is not None
    alt = html.escape(describe_chart(data))
    assert page.count("<svg ") == 1
    assert re.search(rf'<svg [^>]*role="img" aria-label="{re.escape(alt)}" class="chart">'
                     rf"<title>{re.escape(alt)}</title>", page)
    assert "<img" not in page and "<?xml" not in page and "<metadata>" not in page
    assert not re.findall(r'(?:xlink:)?href="(?!#)[^"]*"', page.split("<svg ", 1)[1])
    assert sorted(path.name for path in out.iterdir() if not path.name.startswith(".")) == [
        f"{COMPARISON.stem}.html"]


def test_the_comparison_places_its_timeline_in_every_format(fresh_cache: Path) -> None:
    out = built(fresh_cache, COMPARISON.stem)
    text = (out / f"{COMPARISON.stem}.md").read_text(encoding="utf-8")
    assert "## Incidents compared\n\n![Deaths claimed, incident by incident. 7 August" in text
    assert (out / f"{COMPARISON.stem}.chart.png").read_bytes().startswith(b"\x89PNG")
    document = docx.Document(str(out / f"{COMPARISON.stem}.docx"))
    assert len(document.inline_shapes) == 1
    assert document.inline_shapes[0]._inline.docPr.get("descr").startswith(
        "Deaths claimed, incident by incident. 7 August 2017, Iraq–Syria border area east "
        "of al\u2011Tanf")


def test_a_brief_without_figures_has_no_chart_and_no_image_file(
        fresh_cache: Path) -> None:
    source = (Path("tests/data/valid/minimal.yaml")).read_text(encoding="utf-8")
    bare = source.replace('    casualties:\n      killed: {min: 36, max: 36, text: "36"}\n', "")
    assert bare != source
    path = fresh_cache / "minimal.yaml"
    path.write_text(bare, encoding="utf-8")
    out = fresh_cache / "out"
    (out).mkdir()
    (out / "minimal.chart.png").write_bytes(b"left by an earlier build")
    report = build_briefs([path], out, ("md", "docx", "html"),
                          Options(seeds=Path("seeds").resolve()), jobs=1)
    assert report.failed == []
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "minimal.docx", "minimal.html", "minimal.md"]
    assert "![" not in (out / "minimal.md").read_text(encoding="utf-8")
    assert docx.Document(str(out / "minimal.docx")).inline_shapes.__len__() == 0
    assert "<svg" not in (out / "minimal.html").read_text(encoding="utf-8")
    assert not (fresh_cache / "cache" / "charts").exists()  # nothing was drawn


def test_two_builds_in_fresh_caches_write_the_same_bytes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outputs = []
    for run in ("first", "second"):
        monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path / run / "cache"))
        out = built(tmp_path / run, AL_TANF.stem, COMPARISON.stem)
        outputs.append({path.name: path.read_bytes() for path in out.iterdir()
                        if not path.name.startswith(".")})
    assert sorted(outputs[0]) == sorted(
        f"{stem}{suffix}" for stem in (AL_TANF.stem, COMPARISON.stem)
        for suffix in (".md", ".chart.png", ".docx", ".html"))
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("brief", [AL_TANF, COMPARISON], ids=["incident", "comparison"])
def test_a_build_of_every_format_finds_each_briefs_chart_once(
        fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, brief: Path) -> None:
    """The template's alt text, the Markdown's PNG, the Word picture and the HTML's SVG
    are all made from one finding of the chart's data, in the brief's rendering."""
    import briefgen.chart

    found: list[str] = []

    def counted(loaded: Loaded) -> Chart | None:
        found.append(loaded.id)
        return find_chart(loaded)

    monkeypatch.setattr(briefgen.chart, "find_chart", counted)
    out = built(fresh_cache, brief.stem)
    assert found == [brief.stem]
    text = (out / f"{brief.stem}.md").read_text(encoding="utf-8")
    assert f"]({brief.stem}.chart.png)" in text  # the one finding drew every format's chart
    assert (out / f"{brief.stem}.chart.png").read_bytes().startswith(b"\x89PNG")
    assert len(docx.Document(str(out / f"{brief.stem}.docx")).inline_shapes) == 1
    assert (out / f"{brief.stem}.html").read_text(encoding="utf-8").count("<svg ") == 1


def test_a_deleted_chart_rebuilds_its_brief(fresh_cache: Path) -> None:
    out = built(fresh_cache, AL_TANF.stem, formats=("md",))
    chart = out / f"{AL_TANF.stem}.chart.png"
    drawn = chart.read_bytes()
    report = build_briefs([AL_TANF], out, ("md",), jobs=1)
    assert (report.built, report.skipped) == (0, 1)
    chart.unlink()
    report = build_briefs([AL_TANF], out, ("md",), jobs=1)
    assert (report.built, report.skipped) == (1, 0)
    assert chart.read_bytes() == drawn


def test_render_to_a_markdown_file_writes_the_chart_beside_it(fresh_cache: Path) -> None:
    target = fresh_cache / "elsewhere" / "brief.md"
    assert render_file(AL_TANF, target) is None
    assert (target.parent / f"{AL_TANF.stem}.chart.png").read_bytes().startswith(b"\x89PNG")


def test_a_users_templates_may_show_the_chart_but_no_other_image(
        tmp_path: Path, fresh_cache: Path) -> None:
    house = tmp_path / "house"
    house.mkdir()
    (house / "chart.md.j2").write_text(
        "{% if chart %}\n\n![The chart: {{ chart.alt }}]({{ chart.file }})\n\n{% endif %}\n",
        encoding="utf-8")
    text = render_markdown(load_brief(AL_TANF), house)
    assert "![The chart: Casualties as claimed. KSS" in text
    (house / "chart.md.j2").write_text("![x](other.chart.png)\n", encoding="utf-8")
    with pytest.raises(RenderError, match="an image is not allowed"):
        render_markdown(load_brief(AL_TANF), house)


def test_matplotlib_is_imported_only_to_draw_a_chart_not_in_the_cache(
        fresh_cache: Path) -> None:
    script = ("import sys\nfrom pathlib import Path\n"
              "from briefgen.build import Rendering, Options, render_companions, render_outputs\n"
              "from briefgen.load import load_any\n"
              f"brief = Rendering(load_any(Path({str(AL_TANF)!r})))\n"
              "formats = sys.argv[1].split(',')\n"
              "render_outputs(brief, formats, Options())\n"
              "render_companions(brief, formats, Options())\n"
              "print('matplotlib' in sys.modules)\n")

    def imports(formats: str) -> str:
        return subprocess.run([sys.executable, "-c", script, formats], check=True,
                              capture_output=True, text=True).stdout.strip()

    assert imports("md") == "True"  # drawn: not in the cache yet
    assert imports("md,docx") == "False"  # the Word brief's PNG is the Markdown's, kept
    assert imports("html") == "True"  # the SVG, drawn once
    assert imports("html,docx,md") == "False"


def test_a_name_the_font_cannot_draw_warns_nobody(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A claimant in a script the chart's font lacks is drawn as boxes, without a warning
    from matplotlib on the user's terminal; the alt text keeps the name as written."""
    import warnings

    data = casualty_chart(load_brief(Path("briefs/2018-06-albu-kamal-kh.yaml")))
    assert data is not None
    odd = data._replace(bars=tuple(bar._replace(claimant="\U000d8e8f \u4e2d\u6587")
                                   for bar in data.bars))
    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert draw_chart(odd, "png").startswith(b"\x89PNG")
    assert "\u4e2d\u6587" in describe_chart(odd)
