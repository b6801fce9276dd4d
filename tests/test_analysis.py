"""Derived views: claim groups, casualty ranges and the sentence on their spread."""

from __future__ import annotations

import datetime as dt

from briefgen import analysis
from briefgen.load import load_brief
from briefgen.model import Brief, DateWindow, Figure
from conftest import ROOT


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
