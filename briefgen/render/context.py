"""What templates see: the brief as plain values, prose marked, and the derived views."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from briefgen import analysis
from briefgen.model import Brief, Claim, ComparisonSet, Model, Source, fields_of

if TYPE_CHECKING:
    from briefgen.chart import Chart


class Prose(str):
    """Text the model types as Markdown prose: printed as Markdown, not escaped."""

    __slots__ = ()


class Exact(str):
    """Text printed escaped for Markdown but not typeset: the chart's alt text, which says
    word for word what the Word and HTML charts say, and its file name."""

    __slots__ = ()


def view_chart(brief_id: str, data: Chart | None) -> dict[str, Exact] | None:
    """The template's ``chart``: the alt text of the brief's chart, ``data``, and its file
    name (``ID.chart.png``), or None where the brief has nothing to chart."""
    from briefgen.chart import chart_name, describe_chart

    if data is None:
        return None
    return {"alt": Exact(describe_chart(data)), "file": Exact(chart_name(brief_id))}


def cite_notes(labels: Iterable[str]) -> Prose:
    """Markdown footnote references, ``[^label]`` each, a label cited twice written once;
    labels are ids or seed names, which hold no Markdown syntax."""
    return Prose("".join(f"[^{label}]" for label in dict.fromkeys(labels)))


def share_notes(cited: Sequence[Sequence[str]]) -> list[list[str]]:
    """The notes each of a run of items carries, given the sources each cites: where items
    in a row cite the same sources, only the last of them carries the notes, which then
    cover the whole run (as a note at the end of a paragraph covers the paragraph); every
    other item keeps its own, each source once."""
    shared: list[list[str]] = []
    for number, labels in enumerate(cited):
        following = cited[number + 1] if number + 1 < len(cited) else None
        same = following is not None and set(following) == set(labels)
        shared.append([] if same else list(dict.fromkeys(labels)))
    return shared


def to_view(value: Any) -> Any:
    """A model as nested dicts and lists, with every prose field wrapped in ``Prose``."""
    if isinstance(value, Model):
        view: dict[str, Any] = {}
        for spec in fields_of(type(value)):
            item = getattr(value, spec.name)
            if type(item) is str:  # most fields: no call for them
                view[spec.key] = Prose(item) if spec.prose else item
            else:
                view[spec.key] = to_view(item)
        return view
    if isinstance(value, list | tuple):
        return [item if type(item) is str else to_view(item) for item in value]
    return value


def build_context(brief: Brief, chart: Chart | None) -> dict[str, Any]:
    """The variables every template gets; ``chart``: the brief's chart's data."""
    names = {actor.id: actor.name for actor in brief.actors}
    sources = {source.id: analysis.label_source(source) for source in brief.sources}
    groups = analysis.group_claims(brief)
    ordered = [claim for group in groups for claim in group.claims]
    numbers = {claim.id: f"C{i}" for i, claim in enumerate(ordered, start=1)}
    view = to_view(brief)
    view["revision"] = to_view(brief.revision)  # the current one, whichever form the file has
    claims_by_id = {claim["id"]: claim for claim in view["claims"]}
    spreads = [analysis.measure_spread(brief, count) for count in ("killed", "wounded")]
    def name_claims(claims: tuple[Claim, ...] | list[Claim]) -> str:
        """``Kataib Sayyid al-Shuhada (C1, C2); Islamic State (C7)``, or a dash."""
        by_actor: dict[str, list[str]] = {}
        for claim in claims:
            by_actor.setdefault(names[claim.actor], []).append(numbers[claim.id])
        return "; ".join(f"{name} ({', '.join(ids)})" for name, ids in by_actor.items()) or "–"

    first_mentions = {next(c.id for c in ordered if c.actor == actor) for actor in
                      {c.actor for c in ordered}}
    claim_notes = {claim.id: notes for group in groups for claim, notes in
                   zip(group.claims, share_notes([c.sources for c in group.claims]),
                       strict=True)}
    rows = sorted(analysis.list_casualty_rows(brief),
                  key=lambda row: int(numbers[row.claim.id][1:]))
    row_notes = share_notes([row.claim.sources for row in rows])
    return {
        "brief": view,
        "arabic_names": {actor.id: actor.name_ar for actor in brief.actors},
        "first_mentions": first_mentions,
        "cite_notes": cite_notes,
        "claim_notes": claim_notes,
        "shared_notes": any(not notes for notes in claim_notes.values()),
        "actor_names": names,
        "source_labels": sources,
        "cited_sources": {source for claim in ordered for source in claim.sources},
        "claim_numbers": numbers,
        "incident_date": analysis.format_window(brief.incident.date),
        "revision_date": analysis.format_date(brief.revision.date),
        "claim_groups": [
            {"label": group.label, "kind": group.kind,
             "claims": [claims_by_id[claim.id] for claim in group.claims]}
            for group in groups
        ],
        "casualty_rows": [
            {
                "claim": numbers[row.claim.id],
                "claimant": names[row.claim.actor],
                "counted": row.counted,
                "killed": analysis.describe_figure(row.killed) if row.killed else "–",
                "wounded": analysis.describe_figure(row.wounded) if row.wounded else "–",
                "sources": [sources[s] for s in row.claim.sources],
                "source_ids": list(row.claim.sources),
                "notes": notes,
            }
            for row, notes in zip(rows, row_notes, strict=True)
        ],
        "matrix": [
            {"perpetrator": names[row.perpetrator], "said_by": name_claims(row.said_by),
             "claimed_by": name_claims(row.claimed_by), "denied_by": name_claims(row.denied_by)}
            for row in analysis.build_matrix(brief)
        ],
        "no_comment": name_claims(analysis.list_no_comment(brief)),
        "range_sentences": [
            analysis.describe_range(item, names)
            for count in ("killed", "wounded") for item in analysis.measure_ranges(brief, count)
        ],
        "single_sourced": {claim.id: sources[claim.via] for claim in brief.claims
                           if claim.via is not None},
        "spread_sentences": [
            analysis.describe_spread(spread, names) for spread in spreads if spread is not None
        ],
        "chart": view_chart(brief.id, chart),
        "credibility_words": analysis.CREDIBILITY_WORDS,
        "reliability_words": analysis.RELIABILITY_WORDS,
        "format_date": analysis.format_date,
        "cite_sources": lambda ids: "; ".join(sources[i] for i in ids),
        "cite_claims": lambda ids: ", ".join(
            sorted((numbers[i] for i in ids), key=lambda n: int(n[1:]))),
    }


def build_comparison_context(loaded: ComparisonSet, chart: Chart | None) -> dict[str, Any]:
    """The variables the comparison template gets: a row per incident, the sources of all,
    and its chart (the timeline of ``chart``)."""
    comparison = loaded.comparison
    rows = []
    sources: dict[str, Source] = {}
    for brief in loaded.incidents:
        names = {actor.id: actor.name for actor in brief.actors}
        killed = analysis.principal_range(brief, "killed")
        seeded = [s for s in brief.sources if s.seed]
        for source in seeded:
            sources.setdefault(note_label(source), source)
        rows.append({
            "id": brief.id,
            "title": brief.title,
            "date": analysis.format_window(brief.incident.date),
            "place": f"{brief.incident.place.name}, {brief.incident.place.country}",
            "perpetrators": "; ".join(names[p] for p in analysis.list_perpetrators(brief))
                            or "–",
            "denied_by": "; ".join(dict.fromkeys(names[c.actor]
                                                 for c in analysis.list_denials(brief))) or "–",
            "killed": analysis.format_group_range(killed) if killed else "–",
            "grade": brief.incident.attribution or "not graded",
            "notes": [note_label(s) for s in seeded],
        })
    starts = [b.incident.date.start for b in loaded.incidents]
    view = to_view(comparison)
    view["revision"] = to_view(comparison.revision)
    return {
        "comparison": view,
        "rows": rows,
        "span": f"{min(starts):%B %Y} – {max(starts):%B %Y}",
        "revision_date": analysis.format_date(comparison.revision.date),
        "sources": [
            {"label": label, "source": to_view(source),
             "name": analysis.label_source(source)}
            for label, source in sources.items()
        ],
        "chart": view_chart(loaded.id, chart),
        "reliability_words": analysis.RELIABILITY_WORDS,
        "format_date": analysis.format_date,
        "cite_notes": cite_notes,
    }


def note_label(source: Source) -> str:
    """A source's footnote label across incidents: its seed file's name, so one article
    cited from two incident files is one note."""
    return (source.seed or source.id).rsplit(".", 1)[0]
