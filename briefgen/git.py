"""A file as it was at a git revision: the old side of ``briefgen diff --since REV``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from briefgen.errors import OutputError, display_path


def read_at_revision(path: Path, revision: str) -> bytes:
    """The bytes of ``path`` at ``revision`` of the git checkout that holds it.

    Raises ``OutputError`` where git is missing, the file is not in a checkout, or the
    revision does not hold it, each said plainly."""
    data = read_if_there(path, revision)
    if data is None:
        raise OutputError(f"{display_path(path)}: not in revision {revision} (the file is "
                          "newer, or was named otherwise then)")
    return data


def read_if_there(path: Path, revision: str) -> bytes | None:
    """``read_at_revision``, or None where the revision does not hold the file (it is
    new since)."""
    git = shutil.which("git")
    if git is None:
        raise OutputError("--since reads the old revision with git, which is not installed "
                          "(install git, or give the old file: briefgen diff OLD NEW)")
    folder = path.resolve().parent
    top = run_git(git, folder, "rev-parse", "--show-toplevel")
    if top is None:
        raise OutputError(f"{display_path(path)}: not in a git checkout, so --since has no "
                          "history to read (give the old file: briefgen diff OLD NEW)")
    relative = path.resolve().relative_to(Path(top.decode().strip()).resolve()).as_posix()
    if run_git(git, folder, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}") is None:
        raise OutputError(f"--since {revision}: no such revision in this checkout "
                          "(give a commit, tag or branch, e.g. HEAD~1)")
    return run_git(git, folder, "show", f"{revision}:{relative}")


def run_git(git: str, folder: Path, *args: str) -> bytes | None:
    """git's output, or None where it failed."""
    try:
        done = subprocess.run([git, "-C", str(folder), *args], capture_output=True,
                              timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None
