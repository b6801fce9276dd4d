"""What a prose field may hold (briefgen.prose)."""

from __future__ import annotations

import pytest

from briefgen.prose import MAX_PROSE_DEPTH, check_prose, describe_link


@pytest.mark.parametrize("url", ["https://example.org/a", "http://x.example", "mailto:a@b.c",
                                 "#sources", "HTTPS://EXAMPLE.ORG"])
def test_web_mail_and_anchor_links_are_kept(url: str) -> None:
    assert describe_link(url) is None


@pytest.mark.parametrize("url", ["//host/share", "\\\\host\\share", "smb://h/s", "file:///x",
                                 "java\tscript:x", "JAVASCRIPT:x", "\uff4aavascript:x",
                                 "ms-msdt:x", "data:,x", "x.html", "https:x", "mailto:"])
def test_every_other_link_is_refused(url: str) -> None:
    assert describe_link(url) is not None


def test_offsets_are_characters_not_bytes() -> None:
    text = "\u00e9\u00e9\u00e9\n\n## Heading"
    (fault,) = check_prose(text)
    assert text[fault.offset:].startswith("## Heading")


def test_nesting_is_counted_to_the_limit() -> None:
    assert check_prose(">" * (MAX_PROSE_DEPTH - 1) + " x") == []
    (fault,) = check_prose(">" * MAX_PROSE_DEPTH + " x")
    assert fault.message == f"Markdown nests deeper than {MAX_PROSE_DEPTH} levels"


def test_a_note_reference_is_found_whether_or_not_the_prose_defines_it() -> None:
    assert [f.message for f in check_prose("As said.[^reuters]")] == [
        "footnote reference [^reuters] in prose"]
    assert check_prose("As said. \\[^reuters] `[^reuters]`") == []
