"""The casualty chart: each claimant's figures for each counted group as ranges, drawn with
matplotlib, and the alt text that states the numbers; for a comparison, the timeline of its
incidents with the deaths claimed in each.

A chart is described first as plain data (``ChartData``), from which both the alt text and
the picture are made; the picture is cached on disk by that data, so a batch draws each
distinct chart once and matplotlib is imported only when one is drawn. The same data gives
the same bytes on every build: no dates, no tool names, fixed hash salt, matplotlib's own
DejaVu fonts.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import warnings
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, NamedTuple

from briefgen import analysis
from briefgen.files import find_cache_root
from briefgen.model import Brief, ComparisonSet, Loaded
from briefgen.text import typeset

__all__ = ["CHART_SUFFIX", "FIND", "Bar", "Chart", "ChartData", "Moment", "Picture",
           "TimelineData", "Unfound", "casualty_chart", "chart_name", "describe_chart",
           "draw_chart", "draw_picture", "find_chart", "given_chart", "timeline_chart"]

CHART_SUFFIX = ".chart.png"
"""The chart of brief ``ID`` beside its Markdown: ``ID.chart.png``."""


class Bar(NamedTuple):
    """One claimant's figure for one group: from ``low`` to ``high``, open-ended where the
    claim says "more than"."""

    row: str
    """The group and count: ``KSS fighters killed``."""
    claimant: str
    low: int
    high: int
    open_ended: bool
    words: str
    """The claim's own words: ``more than 40``."""


class ChartData(NamedTuple):
    """What the chart shows: its title, its bars, and each row's conservative count."""

    title: str
    bars: tuple[Bar, ...]
    conservative: tuple[tuple[str, int], ...]


def casualty_chart(brief: Brief) -> ChartData | None:
    """The chart of a brief's claimed casualties, or None where no claim gives a figure."""
    names = {actor.id: actor.name for actor in brief.actors}
    bars: list[Bar] = []
    conservative: list[tuple[str, int]] = []
    for count in ("killed", "wounded"):
        for item in analysis.measure_ranges(brief, count):
            row = f"{item.group or 'unspecified'} {count}"
            conservative.append((row, item.low))
            for claim, figure in item.figures:
                high = figure.max if figure.max is not None else analysis.high_value(figure)
                bars.append(Bar(row, names.get(claim.actor, claim.actor), figure.min, high,
                                figure.max is None and high == figure.min, figure.text))
    if not bars:
        return None
    return ChartData("Casualties as claimed", tuple(bars), tuple(conservative))


class Moment(NamedTuple):
    """One incident of a comparison on the timeline: its date and the deaths claimed."""

    day: str
    """The incident's first day, ISO (``2017-08-11``): where it stands on the axis."""
    when: str
    """The date in words, at its precision: ``11 August 2017``."""
    place: str
    low: int | None
    """The lowest death figure claimed (for the group most claims count); None: none."""
    high: int
    open_ended: bool
    group: str
    """Whom the figures count: ``KSS fighters``."""


class TimelineData(NamedTuple):
    """A comparison's chart: its incidents in order of date, each with its deaths claimed."""

    title: str
    moments: tuple[Moment, ...]


Chart = ChartData | TimelineData
"""A brief's chart: the casualty chart of an incident, the timeline of a comparison."""


def chart_name(brief_id: str) -> str:
    """The chart's file name beside the brief's Markdown: ``ID.chart.png``."""
    return f"{brief_id}{CHART_SUFFIX}"


def find_chart(loaded: Loaded) -> Chart | None:
    """The chart a brief or a comparison shows, or None where it has nothing to draw."""
    if isinstance(loaded, ComparisonSet):
        return timeline_chart(loaded)
    return casualty_chart(loaded)


class Unfound(Enum):
    """The type of ``FIND``."""

    FIND = "find"


FIND: Final = Unfound.FIND
"""The default of a ``chart`` argument: the caller has not found the brief's chart, and the
function finds it. A build finds it once, in the brief's ``Rendering``, and passes it to the
template context and to each writer."""


def given_chart(loaded: Loaded, chart: Chart | Unfound | None) -> Chart | None:
    """``chart`` as a caller passed it, or, where it passed ``FIND``, the brief's own."""
    return find_chart(loaded) if chart is FIND else chart


class Picture(NamedTuple):
    """A brief's chart as a writer places it: the file name the Markdown gives it, its
    title and alt text, and its bytes."""

    name: str
    title: str
    alt: str
    data: bytes


def draw_picture(loaded: Loaded, kind: str,
                 chart: Chart | Unfound | None = FIND) -> Picture | None:
    """The brief's chart (``chart``, where the caller has found it) drawn as ``kind``
    (``png``, ``svg``), or None where it has none: what the Word and HTML writers put where
    the Markdown names ``ID.chart.png``."""
    data = given_chart(loaded, chart)
    if data is None:
        return None
    return Picture(chart_name(loaded.id), data.title, describe_chart(data),
                   draw_chart(data, kind))


def timeline_chart(loaded: ComparisonSet) -> TimelineData | None:
    """The timeline of a comparison's incidents, each with the range of deaths claimed;
    None where no incident has a death figure."""
    moments = []
    for brief in sorted(loaded.incidents, key=lambda item: item.incident.date.start):
        killed = analysis.principal_range(brief, "killed")
        place = brief.incident.place
        moments.append(Moment(
            brief.incident.date.start.isoformat(), analysis.format_window(brief.incident.date),
            place.name, killed.low if killed else None, killed.high if killed else 0,
            killed.open_ended if killed else False, killed.group if killed else ""))
    if all(moment.low is None for moment in moments):
        return None
    return TimelineData("Deaths claimed, incident by incident", tuple(moments))


def describe_chart(data: Chart) -> str:
    """The alt text that states what the chart shows, every number in words, typeset as
    the brief's text is (names held together: al-Shuhada with U+2011)."""
    if isinstance(data, TimelineData):
        return typeset(describe_timeline(data))
    return typeset(describe_bars(data))


def describe_timeline(data: TimelineData) -> str:
    """Each incident's date and place, and the deaths claimed in it."""
    sentences = []
    for moment in data.moments:
        if moment.low is None:
            said = "no death figure claimed"
        else:
            said = f"{format_span(moment)} {moment.group or 'people'} killed, as claimed"
        sentences.append(f"{moment.when[:1].upper()}{moment.when[1:]}, {moment.place}: {said}.")
    return f"{data.title}. " + " ".join(sentences)


def describe_bars(data: ChartData) -> str:
    """The alt text: every figure in words, with the conservative count of each group."""
    sentences = []
    for row, low in data.conservative:
        claims = [bar for bar in data.bars if bar.row == row]
        said = "; ".join(f"{bar.claimant} {format_span(bar)}" for bar in claims)
        sentences.append(f"{row[:1].upper()}{row[1:]}: {said} (conservative count {low}).")
    return f"{data.title}. " + " ".join(sentences)


def format_span(bar: Bar | Moment) -> str:
    """``36``, ``36 to 45``, ``41 or more`` or ``36 to 41 or more``."""
    top = f"{bar.high} or more" if bar.open_ended else str(bar.high)
    return top if bar.low == bar.high else f"{bar.low} to {top}"


def cache_folder() -> Path:
    """Where drawn charts are kept: ``$BRIEFGEN_CACHE`` or ``~/.cache/briefgen``."""
    return find_cache_root() / "charts"


@lru_cache(maxsize=1)
def drawer_version() -> tuple[Any, ...]:
    """What names the installed matplotlib, found without importing it (a third of a
    second): its package file's path, size and time. A new release is a new file, so the
    cache draws afresh; the same release installed anew draws the same bytes again."""
    import importlib.util

    spec = importlib.util.find_spec("matplotlib")
    origin = spec.origin if spec is not None else None
    if origin is None:
        return ("matplotlib missing",)
    status = os.stat(origin)
    return (origin, status.st_size, status.st_mtime_ns)


def draw_chart(data: Chart, kind: str = "png") -> bytes:
    """The chart as PNG or SVG bytes, from the cache where this data was drawn before;
    matplotlib is imported only to draw one that is not there."""
    return draw_cached(cache_folder(), data, kind)


@lru_cache(maxsize=32)
def draw_cached(folder: Path, data: Chart, kind: str) -> bytes:
    """``draw_chart`` with the cache in ``folder``; the last charts are kept in memory too,
    since a brief's Markdown image and its Word picture are the same PNG, and a batch has
    few distinct charts (its briefs' figures repeat)."""
    key = hashlib.sha256(json.dumps([drawer_version(), DRAWING, type(data).__name__, kind,
                                     data], ensure_ascii=False).encode()).hexdigest()
    cached = folder / f"{key}.{kind}"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    with warnings.catch_warnings():
        # a character the chart's font lacks (a name in a script DejaVu has not) is drawn
        # as a box; the alt text, which every format carries, holds the name as written
        warnings.filterwarnings("ignore", message="Glyph .* missing from", category=UserWarning)
        figure = draw_timeline(data) if isinstance(data, TimelineData) else draw_bars(data)
        drawn = save_figure(figure, kind)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(drawn)
        temporary.replace(cached)
    except OSError:
        pass  # a cache that cannot be written is simply not used
    return drawn


DRAWING = 4
"""The version of the drawing code below: raised when it draws differently, so that the
cache draws afresh."""
BAR_COLOUR = "#1f4e79"
MARK_COLOUR = "#c00000"


def draw_bar(axes: object, y: int, bar: Bar, widest: int) -> Any:
    """A figure as a dot, a range as a bar, "more than" as a bar with an arrow; the
    claimant and the claim's words beside it (the label, returned)."""
    plot = axes  # a matplotlib Axes; typed loosely so that matplotlib loads only to draw
    end = float(bar.high)
    if bar.open_ended:
        end = bar.low + widest * 0.08
        plot.annotate("", xy=(end + widest * 0.02, y), xytext=(bar.low, y),  # type: ignore[attr-defined]
                      arrowprops={"arrowstyle": "-|>", "color": BAR_COLOUR, "lw": 2.2})
    elif bar.high > bar.low:
        plot.barh(y, bar.high - bar.low, left=bar.low, height=0.45,  # type: ignore[attr-defined]
                  color=BAR_COLOUR, zorder=3)
    plot.plot([bar.low], [y], "o", color=BAR_COLOUR, markersize=4.5, zorder=4)  # type: ignore[attr-defined]
    return plot.text(end + widest * 0.04, y, f"{bar.claimant}: {bar.words}",  # type: ignore[attr-defined]
                     va="center", fontsize=7.5, zorder=4)


def fit_labels(figure: Any, axes: Any, labels: list[Any]) -> None:
    """Widen the axis so that every label, which starts at a number and runs a width of
    text to the right, ends inside the axes: no label is cut off at the edge."""
    renderer = figure.canvas.get_renderer()
    box = axes.get_window_extent(renderer)
    right = axes.get_xlim()[1]
    for label in labels:
        width = label.get_window_extent(renderer).width + 6  # a little air
        if width < box.width * 0.8:
            right = max(right, label.get_position()[0] * box.width / (box.width - width))
    axes.set_xlim(0, right)


def new_figure(height: float) -> Any:
    """A matplotlib figure 6.3 inches wide (the text column of an A4 or Letter page) on the
    Agg canvas, with one axes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6.3, height), dpi=150)
    FigureCanvasAgg(figure)
    figure.add_subplot()
    return figure


def draw_bars(data: ChartData) -> Any:
    """Draw the bars: a row per claimant's figure, grouped by what it counts."""
    rows = list(reversed(data.bars))
    figure = new_figure(0.36 * len(rows) + 0.9)
    axes = figure.axes[0]
    widest = max(bar.high for bar in rows) or 1
    groups = list(dict.fromkeys(bar.row for bar in rows))
    for number, row in enumerate(groups):
        ys = [y for y, bar in enumerate(rows) if bar.row == row]
        if number % 2:
            axes.axhspan(min(ys) - 0.5, max(ys) + 0.5, color="#f0f0f0", zorder=0)
        low = dict(data.conservative)[row]
        axes.vlines(low, min(ys) - 0.45, max(ys) + 0.45, colors=MARK_COLOUR,
                    linestyles="dashed", linewidth=1, zorder=2)
    labels = [draw_bar(axes, y, bar, widest) for y, bar in enumerate(rows)]
    axes.set_yticks([sum(ys) / len(ys) for ys in (
        [y for y, bar in enumerate(rows) if bar.row == row] for row in groups)], groups,
        fontsize=7.5)
    axes.set_ylim(-0.6, len(rows) - 0.4)
    axes.set_xlim(0, widest * 1.65)
    axes.set_xlabel("claimed number; dashed: the conservative count", fontsize=7.5)
    axes.tick_params(axis="x", labelsize=7.5)
    axes.tick_params(axis="y", length=0)
    axes.spines[["top", "right", "left"]].set_visible(False)
    axes.set_title(data.title, fontsize=9, loc="left")
    figure.tight_layout()
    fit_labels(figure, axes, labels)
    return figure


def draw_timeline(data: TimelineData) -> Any:
    """Draw the incidents along the time axis: each a bar from the lowest to the highest
    death figure claimed (a dot where they agree, an arrow above for "more than"), labelled
    with its place and range."""
    import datetime as dt
    import textwrap

    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    figure = new_figure(2.9)
    axes = figure.axes[0]
    highest = max(moment.high for moment in data.moments) or 1
    ends = {0: "left", len(data.moments) - 1: "right"} if len(data.moments) > 1 else {}
    for number, moment in enumerate(data.moments):
        day = dt.date.fromisoformat(moment.day)
        place = textwrap.fill(moment.place, 28)
        align = ends.get(number, "center")  # the labels at either end kept inside the axes
        if moment.low is None:
            axes.plot([day], [0], "x", color="#7f7f7f", markersize=6, zorder=4)
            axes.annotate(f"{place}\nno figure", (day, 0), xytext=(0, 8),
                          textcoords="offset points", ha=align, fontsize=7.5)
            continue
        axes.vlines(day, moment.low, moment.high, colors=BAR_COLOUR, linewidth=6, zorder=3)
        axes.plot([day], [moment.low], "o", color=BAR_COLOUR, markersize=5, zorder=4)
        if moment.open_ended:
            axes.annotate("", xy=(day, moment.high + highest * 0.12), xytext=(day, moment.high),
                          arrowprops={"arrowstyle": "-|>", "color": BAR_COLOUR, "lw": 2})
        span = format_span(moment).replace(" or more", "+").replace(" to ", "–")
        axes.annotate(f"{place}\n{span} killed", (day, moment.high),
                      xytext=(0, 14 if moment.open_ended else 6), textcoords="offset points",
                      ha=align, va="bottom", fontsize=7.5, multialignment="center")
    first = dt.date.fromisoformat(data.moments[0].day)
    last = dt.date.fromisoformat(data.moments[-1].day)
    margin = max((last - first) / 12, dt.timedelta(days=30))
    axes.set_xlim(first - margin, last + margin)
    axes.set_ylim(0, highest * 1.9)
    locator = AutoDateLocator(maxticks=8)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    axes.set_ylabel("deaths claimed", fontsize=7.5)
    axes.tick_params(labelsize=7.5)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(data.title, fontsize=9, loc="left")
    figure.tight_layout()
    return figure


def save_figure(figure: Any, kind: str) -> bytes:
    """The figure's bytes, the same on every run: no dates, no tool names, a fixed salt."""
    import matplotlib

    stream = io.BytesIO()
    if kind == "svg":
        with matplotlib.rc_context({"svg.hashsalt": "briefgen", "svg.fonttype": "none"}):
            figure.savefig(stream, format="svg", metadata={"Date": None, "Creator": None})
    else:
        figure.savefig(stream, format="png", metadata={"Software": None})
    return stream.getvalue()
