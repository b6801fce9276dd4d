"""The casualty chart: each claimant's figures for each counted group as ranges, drawn with
matplotlib, and the alt text that states the numbers.

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
from pathlib import Path
from typing import NamedTuple

from briefgen import analysis
from briefgen.files import find_cache_root
from briefgen.model import Brief

__all__ = ["Bar", "ChartData", "casualty_chart", "describe_chart", "draw_chart"]


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


def describe_chart(data: ChartData) -> str:
    """The alt text: every figure in words, with the conservative count of each group."""
    sentences = []
    for row, low in data.conservative:
        claims = [bar for bar in data.bars if bar.row == row]
        said = "; ".join(f"{bar.claimant} {format_span(bar)}" for bar in claims)
        sentences.append(f"{row[:1].upper()}{row[1:]}: {said} (conservative count {low}).")
    return f"{data.title}. " + " ".join(sentences)


def format_span(bar: Bar) -> str:
    """``36``, ``36 to 45`` or ``41 or more``."""
    if bar.open_ended:
        return f"{bar.low} or more"
    return str(bar.low) if bar.low == bar.high else f"{bar.low} to {bar.high}"


def cache_folder() -> Path:
    """Where drawn charts are kept: ``$BRIEFGEN_CACHE`` or ``~/.cache/briefgen``."""
    return find_cache_root() / "charts"


def draw_chart(data: ChartData, kind: str = "png") -> bytes:
    """The chart as PNG or SVG bytes, from the cache where this data was drawn before."""
    import matplotlib

    key = hashlib.sha256(json.dumps([matplotlib.__version__, kind, data],
                                    ensure_ascii=False).encode()).hexdigest()
    cached = cache_folder() / f"{key}.{kind}"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    drawn = render_figure(data, kind)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(drawn)
        temporary.replace(cached)
    except OSError:
        pass  # a cache that cannot be written is simply not used
    return drawn


BAR_COLOUR = "#1f4e79"
MARK_COLOUR = "#c00000"


def draw_bar(axes: object, y: int, bar: Bar, widest: int) -> None:
    """A figure as a dot, a range as a bar, "more than" as a bar with an arrow; the
    claimant and the claim's words beside it."""
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
    plot.text(end + widest * 0.04, y, f"{bar.claimant}: {bar.words}",  # type: ignore[attr-defined]
              va="center", fontsize=7.5, zorder=4)


def render_figure(data: ChartData, kind: str) -> bytes:
    """Draw the bars: a row per claimant's figure, grouped by what it counts."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    rows = list(reversed(data.bars))
    figure = Figure(figsize=(6.3, 0.36 * len(rows) + 0.9), dpi=150)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    widest = max(bar.high for bar in rows) or 1
    groups = list(dict.fromkeys(bar.row for bar in rows))
    for number, row in enumerate(groups):
        ys = [y for y, bar in enumerate(rows) if bar.row == row]
        if number % 2:
            axes.axhspan(min(ys) - 0.5, max(ys) + 0.5, color="#f0f0f0", zorder=0)
        low = dict(data.conservative)[row]
        axes.vlines(low, min(ys) - 0.45, max(ys) + 0.45, colors=MARK_COLOUR,
                    linestyles="dashed", linewidth=1, zorder=2)
    for y, bar in enumerate(rows):
        draw_bar(axes, y, bar, widest)
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
    stream = io.BytesIO()
    if kind == "svg":
        import matplotlib

        with matplotlib.rc_context({"svg.hashsalt": "briefgen", "svg.fonttype": "none"}):
            figure.savefig(stream, format="svg", metadata={"Date": None, "Creator": None})
    else:
        figure.savefig(stream, format="png", metadata={"Software": None})
    return stream.getvalue()
