"""Reading inputs in their place (briefgen.files)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefgen.files import InputError, check_regular, read_limited, resolve_inside


def test_a_read_stops_at_the_limit_even_when_the_size_lied(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    path = tmp_path / "grows.txt"
    path.write_bytes(b"x" * 100)
    real_fstat = os.fstat

    class Small:
        def __init__(self, status: os.stat_result) -> None:
            self.st_mode = status.st_mode
            self.st_size = 10  # as when the file grows after it was looked at

    monkeypatch.setattr("briefgen.files.os.fstat", lambda fd: Small(real_fstat(fd)))
    with pytest.raises(InputError, match=r"^file is more than the 50 bytes allowed$"):
        read_limited(path, 50)


def test_regular_files_within_the_limit_are_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc")
    assert read_limited(path, 3) == b"abc"
    with pytest.raises(InputError, match=r"^file is 3 bytes, more than the 2 allowed$"):
        read_limited(path, 2)
    with pytest.raises(InputError,
                       match=r"^not a regular file but a folder \(give the path of a file\)$"):
        check_regular(tmp_path, 10)


def test_names_resolve_inside_their_folder_or_not_at_all(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "in.txt").write_text("x")
    (tmp_path / "seeds" / "out.txt").symlink_to(tmp_path / "secret.txt")
    seeds = tmp_path / "seeds"
    assert resolve_inside(seeds, "in.txt") == (seeds / "in.txt").resolve()
    assert resolve_inside(seeds, "sub/../in.txt") == (seeds / "in.txt").resolve()
    for name in ("/etc/passwd", "../secret.txt", "out.txt", ".", "", "a\0b"):
        assert resolve_inside(seeds, name) is None
