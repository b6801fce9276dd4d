"""Derived views: claim groups, casualty ranges and the sentence on their spread."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen import analysis
from briefgen.build import validate_files
from briefgen.load import load_brief
from briefgen.model import Brief, DateWindow, Figure
from conftest import BRIEFS, DATA, ROOT

WARNINGS = {
    "actor-not-named-in-its-source.yaml": (
        "44:12: claims[1].actor: warning: 'Combined Joint Task Force' is not named in the text "
        "of the claim's sources (add the name the source uses to the actor's aliases:, or check "
        "the actor)"),
    "source-not-cited.yaml": (
        "32:5: sources[1]: warning: source 'extra' is not cited (cite it in a claim's sources:, "
         "or remove it)"),
    "actor-not-used.yaml": (
        "24:5: actors[2]: warning: actor 'amaq' is not used (name it in a claim's actor: or "
         "against:, or remove it)"),
    "affiliated-outlet-without-affiliation.yaml": (
        "25:5: sources[0]: warning: Tasnim News Agency is affiliated with the IRGC, but the "
        "source does not say so (add affiliation: affiliated with the IRGC)"),
    "assumption-written-as-fact.yaml": (
        "54:13: background: warning: 'clearly' writes an assumption as a fact (attribute it to "
        "a source, or make it a key judgment with a likelihood)"),
    "confirmed-grade-without-claim-of-responsibility.yaml": (
        "16:16: incident.attribution: warning: confirmed, but no belligerent declares or "
        "claims the strike (confirmed needs the belligerent's own word; use fair or weak)"),
    "contested-grade-with-one-claimant.yaml": (
        "16:16: incident.attribution: warning: contested, but only one claimant attributes "
        "the strike (contested means competing claims of responsibility; use fair or weak)"),
    "discounted-grade-without-denial.yaml": (
        "16:16: incident.attribution: warning: discounted, but no claim denies the "
        "attribution or finds against it (add the denial or finding, or choose another grade)"),
    "estimative-word-off-the-scale.yaml": (
        "50:11: judgments[0].text: warning: 'probably' is not on the ICD 203 likelihood scale "
        "(state the judgment plainly and give its likelihood in likelihood:; for 'probably' "
        "the scale says likely)"),
    "fair-grade-with-one-source.yaml": (
        "16:16: incident.attribution: warning: fair, but every attribution comes from one "
        "source (fair needs two or more credible sources; use weak)"),
    "judgment-rests-on-no-claim.yaml": (
        "50:5: judgments[0]: warning: the judgment rests on no claim (add rests_on: with the "
        "ids of the claims it rests on)"),
    "judgment-without-confidence.yaml": (
        "50:5: judgments[0]: warning: the judgment has no confidence level (add confidence: "
        "low, moderate or high)"),
    "judgment-without-likelihood.yaml": (
        "50:5: judgments[0]: warning: the judgment has no likelihood word (add likelihood: "
        "with one of: almost no chance, very unlikely, unlikely, roughly even chance, likely, "
        "very likely, almost certain)"),
    "likelihood-and-confidence-in-one-sentence.yaml": (
        "50:11: judgments[0].text: warning: likelihood and confidence are in one sentence "
        "(ICD 203 states them apart: put them in likelihood: and confidence:)"),
    "source-without-descriptor.yaml": (
        "25:5: sources[0]: warning: the source has no descriptor (add descriptor: who the "
        "source is and what access it has)"),
    "vague-figure-counted-high.yaml": (
        "42:21: claims[0].casualties.killed.min: warning: min 24 for \"dozens\" is above "
        "ACLED's conservative 12 (set min: 12)"),
}


@pytest.mark.parametrize("name", sorted(WARNINGS))
def test_broken_variant_gives_its_located_warning(name: str) -> None:
    count, problems = validate_files([DATA / "invalid" / name])
    assert count == 1
    assert [str(p) for p in problems] == [f"tests/data/invalid/{name}:{WARNINGS[name]}"]


def test_curated_and_minimal_briefs_pass_strict_review() -> None:
    count, problems = validate_files([*BRIEFS, DATA / "valid" / "minimal.yaml"])
    assert (count, [str(p) for p in problems]) == (4, [])


def tanf() -> Brief:
    return load_brief(ROOT / "briefs" / "2017-08-al-tanf-kss.yaml")


def test_format_range() -> None:
    assert analysis.format_range(Figure(min=36, max=36, text="36")) == "36"
    assert analysis.format_range(Figure(min=41, text="more than 40")) == "41+"
    assert analysis.format_range(Figure(min=12, max=20, text="dozens")) == "12–20"


def test_describe_figure_keeps_the_claims_words() -> None:
    assert analysis.describe_figure(Figure(min=41, text="more than 40")) == "41+ (“more than 40”)"
    assert analysis.describe_figure(Figure(min=36, max=36, text="36")) == "36"


def test_format_window_at_each_precision() -> None:
    day = DateWindow(start=dt.date(2017, 8, 7))
    week = DateWindow(start=dt.date(2018, 6, 18), end=dt.date(2018, 6, 24), precision="week")
    month = DateWindow(start=dt.date(2019, 1, 1), end=dt.date(2019, 1, 31), precision="month")
    assert analysis.format_window(day) == "7 August 2017"
    assert analysis.format_window(week) == "the week of 18–24 June 2018"
    assert analysis.format_window(month) == "January 2019"


def test_claims_are_grouped_by_what_they_say_about_responsibility() -> None:
    groups = analysis.group_claims(tanf())
    assert [(g.label, len(g.claims)) for g in groups] == [
        ("Accusations", 6), ("Claims of responsibility", 2), ("Denials", 1), ("Reports", 4),
        ("No comment", 2)]


def test_spread_of_the_tanf_figures_matches_the_claims() -> None:
    brief = tanf()
    names = {a.id: a.name for a in brief.actors}
    killed = analysis.measure_spread(brief, "killed")
    wounded = analysis.measure_spread(brief, "wounded")
    assert killed is not None and wounded is not None
    assert (killed.low[1].min, analysis.high_value(killed.high[1])) == (7, 68)
    assert analysis.describe_spread(killed, names) == (
        "Claimed deaths range from 7 (Abu Ala al-Welayi: “seven”) to 68 (Islamic State), but "
        "the claims count different groups: KSS fighters, Revolutionary Guards, soldiers.")
    assert analysis.describe_spread(wounded, names) == (
        "Claimed wounded range from 30 to 75, both figures attributed to Kataib Sayyid "
        "al-Shuhada; the highest is 2.5 times the lowest.")


def test_spread_when_claims_agree_and_when_only_one_gives_a_figure() -> None:
    brief = load_brief(ROOT / "briefs" / "2018-06-albu-kamal-kh.yaml")
    names = {a.id: a.name for a in brief.actors}
    killed = analysis.measure_spread(brief, "killed")
    wounded = analysis.measure_spread(brief, "wounded")
    assert killed is not None and wounded is not None
    assert analysis.describe_spread(killed, names) == (
        "Every claim that gives a figure for the deaths gives 22.")
    assert analysis.describe_spread(wounded, names) == (
        "Only one claim gives a figure for the wounded: 12, from Popular Mobilisation Forces.")


def test_matrix_lays_out_who_is_said_to_have_struck() -> None:
    brief = tanf()
    rows = {row.perpetrator: row for row in analysis.build_matrix(brief)}
    assert list(rows) == ["us-forces", "islamic-state"]
    assert [c.id for c in rows["us-forces"].said_by] == [
        "kss-holds-us-responsible", "kss-accuses-us-more-than-40-killed",
        "kss-smart-rockets-and-ground-assault", "welayi-accuses-us-and-is",
        "welayi-bombarded-by-americans", "welayi-smart-bombs"]
    assert [c.id for c in rows["us-forces"].denied_by] == ["coalition-denies-strikes"]
    assert rows["us-forces"].claimed_by == ()
    assert [c.id for c in rows["islamic-state"].claimed_by] == [
        "is-amaq-68-killed", "is-statement-captured-vehicles"]
    assert [c.id for c in analysis.list_no_comment(brief)] == [
        "iraq-mod-declines-comment", "irgc-no-comment"]


@pytest.mark.parametrize(("path", "expected"), [
    (BRIEFS[0], [("killed", "KSS fighters", 36, 41, True),
                 ("killed", "Revolutionary Guards", 7, 7, False),
                 ("killed", "soldiers", 68, 68, False),
                 ("wounded", "KSS fighters", 30, 75, False)]),
    (BRIEFS[1], [("killed", "PMF members", 22, 22, False),
                 ("killed", "Iran-linked forces", 22, 22, False),
                 ("wounded", "PMF members", 12, 12, False)]),
    (BRIEFS[2], [("killed", "Hashd al-Shaabi fighters", 30, 30, True)]),
], ids=lambda v: v.stem if isinstance(v, Path) else "")
def test_casualty_ranges_match_the_claims(path: Path, expected: list[tuple[object, ...]]) -> None:
    brief = load_brief(path)
    ranges = [r for count in ("killed", "wounded") for r in analysis.measure_ranges(brief, count)]
    assert [(r.casualty, r.group, r.low, r.high, r.open_ended) for r in ranges] == expected


def test_single_sourced_claims_are_those_relayed_from_one_report() -> None:
    brief = tanf()
    flagged = [c.id for c in brief.claims if c.via is not None]
    assert flagged == ["welayi-accuses-us-and-is", "welayi-bombarded-by-americans",
                       "welayi-smart-bombs", "welayi-seven-irgc-killed", "is-amaq-68-killed"]
    assert all(analysis.is_single_sourced(c) for c in brief.claims if c.id in flagged)
