"""``briefgen seeds add ARTICLE...``: articles copied into seeds/ byte for byte and catalogued
in seeds/index.yaml.

A seed is named as the others are, ``NNN-words-of-its-headline.txt``, numbered after the last
one; its catalogue entry gives the name it came with, its SHA-256 and what its text says of
its headline, publisher and date (what it does not say is null, and listed as not known).
Every article is checked before anything is written; the copies are written first and the
catalogue last, each to a temporary file renamed into place, so that index.yaml is never
half written and names no file that is not there.
"""

from __future__ import annotations

import hashlib
import re
import stat
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from briefgen.errors import BriefgenError, OutputError, SeedError, display_path

INDEX_NAME = "index.yaml"
MAX_ARTICLE_BYTES = 2 * 2**20
"""An article is plain text of a few kilobytes; 2 MB is the incident file's limit too."""
SLUG_WORDS = 6


class Added(NamedTuple):
    """What became of one article: its new seed, or the seed it already is."""

    article: Path
    seed: Path
    new: bool


class Article(NamedTuple):
    path: Path
    data: bytes
    sha256: str


def add_seeds(articles: Sequence[Path], seeds: Path | None = None) -> list[Added]:
    """Copy each article into ``seeds`` (default: the nearest seeds/ folder here or above)
    and catalogue it; an article whose hash is catalogued already is left out and reported
    as such."""
    from briefgen.config import shorten
    from briefgen.seeds import find_seeds_dir

    if seeds is None:
        found = find_seeds_dir(Path.cwd())
        seeds = shorten(found) if found else None
    if seeds is None or not seeds.is_dir():
        raise SeedError(f"{display_path(seeds) if seeds else 'seeds'}: no such folder here or "
                        "above (start a briefing folder with briefgen init DIR, or pass "
                        "--seeds DIR)")
    index = seeds / INDEX_NAME
    text, entries = read_index(index)
    known = {entry.get("sha256"): seeds / str(entry.get("file")) for entry in entries}
    results: list[Added] = []
    planned: list[tuple[Article, Path]] = []
    for article in [read_article_bytes(path) for path in articles]:
        if article.sha256 in known:
            results.append(Added(article.path, known[article.sha256], False))
            continue
        target = seeds / name_seed(next_number(seeds, entries, len(planned)), article)
        known[article.sha256] = target
        planned.append((article, target))
        results.append(Added(article.path, target, True))
    if planned:
        write_seeds(planned, index, text, entries)
    return results


def read_index(index: Path) -> tuple[str, list[dict[str, Any]]]:
    """The catalogue's text and its entries; a catalogue not there yet is empty."""
    import yaml

    try:
        text = index.read_text(encoding="utf-8") if index.exists() else ""
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SeedError(f"{display_path(index)}: cannot read the catalogue: {exc}") from exc
    if data is None:
        return text, []
    if not isinstance(data, list) or not all(isinstance(entry, dict) for entry in data):
        raise SeedError(f"{display_path(index)}: expected a list of entries (- file: ...), "
                        "as briefgen init writes it")
    return text, data


def read_article_bytes(path: Path) -> Article:
    """An article's bytes, if it is a regular file of UTF-8 text within the size limit."""
    try:
        info = path.stat()
    except OSError as exc:
        raise SeedError(f"{display_path(path)}: cannot read: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise SeedError(f"{display_path(path)}: not a regular file (give a plain-text "
                        "article)")
    if info.st_size > MAX_ARTICLE_BYTES:
        raise SeedError(f"{display_path(path)}: file is {info.st_size:,} bytes, more than the "
                        f"{MAX_ARTICLE_BYTES:,} allowed (a seed is one article as plain text)")
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        raise SeedError(f"{display_path(path)}:{line}:{column}: $: invalid UTF-8 byte "
                        f"0x{data[exc.start]:02x} (save the article as UTF-8 text)") from exc
    return Article(path, data, hashlib.sha256(data).hexdigest())


def next_number(seeds: Path, entries: list[dict[str, Any]], planned: int) -> int:
    """The number after the highest that a seed or a catalogue entry carries."""
    names = [str(entry.get("file", "")) for entry in entries]
    names += [path.name for path in seeds.glob("*.txt")]
    numbers = [int(found[1]) for name in names if (found := re.match(r"(\d+)[-_]", name))]
    return max(numbers, default=-1) + 1 + planned


def name_seed(number: int, article: Article) -> str:
    """``NNN-words-of-the-headline.txt`` (the article's own name where it has no headline)."""
    from briefgen.draft import read_article

    title = (read_article(article.path, "seed").title
             or re.sub(r"^\d+[-_]", "", article.path.stem))
    words = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    slug = "-".join(re.findall(r"[a-z0-9]+", re.sub(r"['`.]", "", words))[:SLUG_WORDS])
    return f"{number:03d}-{slug or 'article'}.txt"


def describe_article(article: Article, target: Path) -> dict[str, Any]:
    """The catalogue entry: what the text gives, null and not known where it gives nothing."""
    from briefgen.draft import read_article

    read = read_article(article.path, "seed")
    entry: dict[str, Any] = {
        "file": target.name, "original": article.path.name, "sha256": article.sha256,
        "title": read.title or None, "publisher": read.publisher,
        "date": read.date.isoformat() if read.date else None, "place_line": None}
    entry["not_known"] = [key for key in ("title", "publisher", "date", "place_line")
                          if entry[key] is None]
    return entry


def write_seeds(planned: list[tuple[Article, Path]], index: Path, text: str,
                entries: list[dict[str, Any]]) -> None:
    """The copies, then the catalogue with their entries; copies are taken back if the
    catalogue cannot be written."""
    import yaml

    from briefgen.build import write_atomic

    new = [describe_article(article, target) for article, target in planned]
    body = re.sub(r"^\[\]\s*$", "", text, flags=re.M) if not entries else text
    if body and not body.endswith("\n"):
        body += "\n"
    body += yaml.safe_dump(new, sort_keys=False, allow_unicode=True, width=92,
                           default_flow_style=None)
    if yaml.safe_load(body) != [*entries, *new]:
        raise SeedError(f"{display_path(index)}: cannot add to the catalogue without "
                        "changing its entries (check its layout)")
    written: list[Path] = []
    try:
        for article, target in planned:
            if target.exists():
                raise OutputError(f"{display_path(target)}: already exists")
            write_atomic(target, article.data)
            written.append(target)
        write_atomic(index, body.encode("utf-8"))
    except BriefgenError:
        for target in written:
            target.unlink(missing_ok=True)
        raise
