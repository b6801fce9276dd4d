"""Two revisions of a brief compared: the change list in words, from the data, and the
Markdown brief with its changes marked for a reader.

The change list comes from the models, not from the text: a claim added, a casualty range
moved, a judgment's likelihood raised are said as such. The marked Markdown shows every
word that changed, as ``<del>`` and ``<ins>``, which GitHub renders.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from briefgen import analysis
from briefgen.model import Brief, Claim, Judgment

__all__ = ["Change", "compare_briefs", "mark_changes"]


class Change(NamedTuple):
    """One change between two revisions, said in words."""

    kind: str
    """``added``, ``removed`` or ``changed``."""
    subject: str
    """What changed: ``claim``, ``casualty figure``, ``judgment``, ``source``, ..."""
    text: str
    """The change as a sentence for the reader."""


def compare_briefs(old: Brief, new: Brief) -> list[Change]:
    """Every change from ``old`` to ``new`` that the data shows, in the brief's order."""
    changes: list[Change] = []
    changes += compare_heads(old, new)
    changes += compare_claims(old, new)
    changes += compare_figures(old, new)
    changes += compare_judgments(old, new)
    changes += compare_by_id("source", old.sources, new.sources, describe_source)
    changes += compare_by_id("actor", old.actors, new.actors, lambda actor: actor.name)
    changes += compare_prose(old, new)
    return changes


def compare_heads(old: Brief, new: Brief) -> list[Change]:
    """The title, the marking and the incident's facts."""
    changes = []
    for subject, before, after in (
            ("title", old.title, new.title),
            ("handling marking", old.handling, new.handling),
            ("incident date", analysis.format_window(old.incident.date),
             analysis.format_window(new.incident.date)),
            ("place", old.incident.place.name, new.incident.place.name),
            ("event type", old.incident.event_type, new.incident.event_type),
            ("strike status", old.incident.strike_status, new.incident.strike_status),
            ("attribution grade", old.incident.attribution or "not graded",
             new.incident.attribution or "not graded")):
        if before != after:
            changes.append(Change("changed", subject,
                                  f"{subject[:1].upper()}{subject[1:]}: {before} to {after}."))
    return changes


def compare_claims(old: Brief, new: Brief) -> list[Change]:
    """Claims added, removed and changed, matched by id."""
    names = {**actor_names(old), **actor_names(new)}
    before = {claim.id: claim for claim in old.claims}
    after = {claim.id: claim for claim in new.claims}
    changes = []
    for claim in new.claims:
        if claim.id not in before:
            changes.append(Change("added", "claim", f"Claim added: {describe_claim(claim, names)}"))
    for claim in old.claims:
        if claim.id not in after:
            changes.append(Change("removed", "claim",
                                  f"Claim removed: {describe_claim(claim, names)}"))
    for claim in new.claims:
        if claim.id in before:
            changes += compare_claim(before[claim.id], claim, names)
    return changes


CLAIM_FIELDS = (("kind", "kind"), ("summary", "summary"), ("quote", "quote"),
                ("credibility", "credibility"), ("actor", "claimant"))


def compare_claim(old: Claim, new: Claim, names: dict[str, str]) -> list[Change]:
    """What changed in one claim, field by field."""
    changes = []
    label = f"{names.get(new.actor, new.actor)}'s claim '{new.id}'"
    for field, word in CLAIM_FIELDS:
        before, after = getattr(old, field), getattr(new, field)
        if before == after:
            continue
        if field == "actor":
            before, after = names.get(before, before), names.get(after, after)
        if field in ("summary", "quote"):
            text = f"{label}: {word} {'added' if before is None else 'revised'}."
            if after is None:
                text = f"{label}: {word} removed."
        else:
            text = f"{label}: {word} {before} to {after}."
        changes.append(Change("changed", "claim", text))
    added = [s for s in new.sources if s not in old.sources]
    dropped = [s for s in old.sources if s not in new.sources]
    if added or dropped:
        parts = ([f"now cites {', '.join(added)}"] if added else []) + (
            [f"no longer cites {', '.join(dropped)}"] if dropped else [])
        changes.append(Change("changed", "claim", f"{label}: {' and '.join(parts)}."))
    return changes


def compare_figures(old: Brief, new: Brief) -> list[Change]:
    """Each counted group's range of claimed deaths and wounded: ``KSS fighters killed:
    36–41 to 36–45``."""
    changes = []
    for count in ("killed", "wounded"):
        before = {item.group: item for item in analysis.measure_ranges(old, count)}
        after = {item.group: item for item in analysis.measure_ranges(new, count)}
        for group in dict.fromkeys([*before, *after]):
            label = f"{(group or 'unspecified')[:1].upper()}{(group or 'unspecified')[1:]}"
            if group not in before:
                changes.append(Change("added", "casualty figure",
                                      f"{label} {count}: {format_span(after[group])} (new)."))
            elif group not in after:
                changes.append(Change("removed", "casualty figure",
                                      f"{label} {count}: {format_span(before[group])} "
                                      "(no longer claimed)."))
            elif format_span(before[group]) != format_span(after[group]):
                changes.append(Change("changed", "casualty figure",
                                      f"{label} {count}: {format_span(before[group])} to "
                                      f"{format_span(after[group])}."))
    return changes


def format_span(item: analysis.GroupRange) -> str:
    """``36–41`` or ``30+``: the low and the high of a group's claimed figures."""
    high = f"{item.high}+" if item.open_ended else str(item.high)
    return high if item.low == item.high else f"{item.low}–{high}"


def compare_judgments(old: Brief, new: Brief) -> list[Change]:
    """Key judgments matched by their text where it is unchanged, else by position."""
    changes = []
    pairs = match_judgments(old.judgments, new.judgments)
    for number, judgment in enumerate(new.judgments, start=1):
        previous = pairs.get(number - 1)
        if previous is None:
            changes.append(Change("added", "judgment",
                                  f"Judgment {number} added: {describe_judgment(judgment)}"))
            continue
        for field in ("likelihood", "confidence"):
            before, after = getattr(previous, field), getattr(judgment, field)
            if before != after:
                changes.append(Change("changed", "judgment",
                                      f"Judgment {number}: {field} {before or 'not stated'} "
                                      f"to {after or 'not stated'}."))
        if previous.text != judgment.text:
            changes.append(Change("changed", "judgment", f"Judgment {number}: reworded."))
    kept = {id(j) for j in pairs.values()}
    for judgment in old.judgments:
        if id(judgment) not in kept:
            changes.append(Change("removed", "judgment",
                                  f"Judgment removed: {describe_judgment(judgment)}"))
    return changes


def match_judgments(old: Sequence[Judgment], new: Sequence[Judgment]) -> dict[int, Judgment]:
    """For each new judgment's index, the old judgment it revises: the one with the same
    text, else the one at the same place that no other new judgment took."""
    by_text = {j.text: j for j in old}
    pairs: dict[int, Judgment] = {}
    for index, judgment in enumerate(new):
        if judgment.text in by_text:
            pairs[index] = by_text[judgment.text]
    taken = {id(j) for j in pairs.values()}
    for index, _ in enumerate(new):
        if index not in pairs and index < len(old) and id(old[index]) not in taken \
                and old[index].text not in {j.text for j in new}:
            pairs[index] = old[index]
            taken.add(id(old[index]))
    return pairs


def compare_by_id(subject: str, old: Sequence[object], new: Sequence[object],
                  describe: Callable[..., str]) -> list[Change]:
    """Items of a section added and removed, matched by their ids."""
    before = {getattr(item, "id"): item for item in old}  # noqa: B009
    after = {getattr(item, "id"): item for item in new}  # noqa: B009
    changes = [Change("added", subject, f"{subject.capitalize()} added: {describe(item)}.")
               for key, item in after.items() if key not in before]
    changes += [Change("removed", subject, f"{subject.capitalize()} removed: {describe(item)}.")
                for key, item in before.items() if key not in after]
    return changes


def compare_prose(old: Brief, new: Brief) -> list[Change]:
    """The editor's prose: reworded, or items added and removed from its lists."""
    changes = []
    for subject, before, after in (("bottom line", old.bluf, new.bluf),
                                   ("background", old.background, new.background)):
        if before != after:
            changes.append(Change("changed", subject, f"{subject.capitalize()} reworded."))
    for subject, before_items, after_items in (
            ("implication", [i.text for i in old.implications], [i.text for i in new.implications]),
            ("gap", list(old.gaps), list(new.gaps)),
            ("indicator", list(old.indicators), list(new.indicators))):
        added = len([t for t in after_items if t not in before_items])
        removed = len([t for t in before_items if t not in after_items])
        for kind, number in (("added", added), ("removed", removed)):
            if number:
                noun = subject if number == 1 else subject + "s"
                changes.append(Change(kind, subject, f"{number} {noun} {kind}."))
    return changes


def actor_names(brief: Brief) -> dict[str, str]:
    return {actor.id: actor.name for actor in brief.actors}


def describe_claim(claim: Claim, names: dict[str, str]) -> str:
    """``Kataib Sayyid al-Shuhada (accuses): KSS held the US responsible.``"""
    return f"{names.get(claim.actor, claim.actor)} ({claim.kind}): {claim.summary}"


def describe_judgment(judgment: Judgment) -> str:
    likelihood = judgment.likelihood or "likelihood not stated"
    return f"{likelihood[:1].upper()}{likelihood[1:]}, {judgment.text}"


def describe_source(source: object) -> str:
    label = analysis.label_source(source)  # type: ignore[arg-type]
    return f"{label} (reliability {getattr(source, 'reliability')})"  # noqa: B009


# --- the Markdown with its changes marked -----------------------------------------------

_TOKEN = re.compile(r"\\.|\[\^[^\]\s]+\]|\*\*|\*|\||\s+|[.,;:!?()“”\"]"
                    r"|[^\s*|\[\\.,;:!?()“”\"]+|[\[\\]")
"""A line cut into footnote references, emphasis marks, table pipes, spaces, punctuation
and words: marks are never wrapped in ``<del>``/``<ins>``, which would unbalance them."""
_MARKUP = re.compile(r"\[\^[^\]\s]+\]|\*\*|\*|\|")
_LEAD = re.compile(r"^(\s*(?:[-+*]|\d+[.)])\s+|#{1,6}\s+|\|\s*|\[\^[^\]]+\]:\s*)")
"""What starts a list item, heading, table row or footnote: kept outside the marks."""
_RULE_ROW = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$")
"""A table's header rule, ``|:--|--:|``."""
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def mark_changes(old: str, new: str) -> str:
    """``new`` Markdown with what changed since ``old`` marked: deleted words in
    ``<del>``, inserted ones in ``<ins>``; lines removed whole are kept, struck through."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(new_lines[j1:j2])
        elif op == "replace" and i2 - i1 == j2 - j1:
            out.extend(mark_line(a, b) for a, b in zip(old_lines[i1:i2], new_lines[j1:j2],
                                                        strict=True))
        else:
            out.extend(mark_whole(line, "del") for line in old_lines[i1:i2] if line.strip())
            out.extend(mark_whole(line, "ins") for line in new_lines[j1:j2])
    return "\n".join(out)


def mark_whole(line: str, tag: str) -> str:
    """A line added or removed whole: its text marked, its list, heading or footnote syntax
    not; a table row marked cell by cell. (Markup inside a whole line is balanced, so it can
    sit inside the mark.)"""
    if not line.strip() or _RULE_ROW.match(line):
        return line
    if line.startswith("|"):
        cells = _CELL_SPLIT.split(line)
        return "|".join(wrap_text(cell, tag) for cell in cells)
    lead = _LEAD.match(line)
    start = lead.end() if lead else 0
    return line[:start] + wrap_text(line[start:], tag)


def wrap_text(text: str, tag: str) -> str:
    """``text`` in ``<tag>``, the spaces at its ends outside."""
    stripped = text.strip()
    if not stripped:
        return text
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f"{lead}<{tag}>{stripped}</{tag}>{trail}"


def mark_line(old: str, new: str) -> str:
    """One line revised: word by word."""
    before, after = tokenise(old), tokenise(new)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(after[j1:j2])
            continue
        out.append(wrap_tokens(before[i1:i2], "del", keep_markup=False))
        out.append(wrap_tokens(after[j1:j2], "ins"))
    return "".join(out)


def tokenise(text: str) -> list[str]:
    return _TOKEN.findall(text)


def wrap_tokens(tokens: Sequence[str], tag: str, keep_markup: bool = True) -> str:
    """Words in ``<tag>``, markup and spaces at the ends left outside; markup the old text
    alone had (``keep_markup=False``) is dropped."""
    out: list[str] = []
    words: list[str] = []

    def flush() -> None:
        out.append(wrap_text("".join(words), tag))
        words.clear()

    for token in tokens:
        if _MARKUP.fullmatch(token):
            flush()
            if keep_markup:
                out.append(token)
        else:
            words.append(token)
    flush()
    return "".join(out)
