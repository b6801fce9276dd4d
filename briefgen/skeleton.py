"""The commented skeleton that `briefgen new ID` writes: every TODO must be filled in before
the file validates, and `briefgen validate` points at each one until then."""

from __future__ import annotations

import os
import re
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.model import ID_PATTERN

SCHEMA_COMMENT = "# yaml-language-server: $schema=../docs/incident.schema.json"
"""The first line of a brief in briefs/ of a briefing folder: the language server of the
editor finds the JSON Schema from it, relative to the brief."""
NO_SCHEMA_COMMENT = """\
# No JSON Schema found for this folder. For completion and inline errors in your editor, start
# a briefing folder with `briefgen init DIR`, or run `briefgen schema > incident.schema.json`
# and begin this file with the line '# yaml-language-server: $schema=incident.schema.json'."""

SKELETON = """\
{schema_comment}
# Incident file for briefgen. Facts come from the articles in seeds/; judgments are the
# analyst's. Replace every TODO; `briefgen validate` lists the ones left.
schema: 1
id: {id}
title: TODO neutral one-line title
handling: {handling}# TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED
revisions:                     # every revision, oldest first; add one for each reissue
  - number: 1
    date: TODO YYYY-MM-DD      # the day this revision is issued
    authors: [TODO your name]
    changes: First issue.

# One or two sentences of Markdown, printed first.
bluf: TODO bottom line up front

incident:
  date: {{start: TODO YYYY-MM-DD, precision: day}}   # precision: day, week, month or year
  place:
    name: TODO where, as the sources say it
    country: TODO country
    precision: region          # exact, near or region
  event_type: TODO air strike, shelling, ...
  strike_status: TODO          # declared, alleged, denied or contested
  attribution: TODO            # confirmed, fair, weak, contested or discounted (Airwars)

actors:
  - id: TODO-actor-id          # lower-case letters, digits and hyphens
    name: TODO name as printed
    kind: TODO                 # state, government, armed-forces, coalition, militia,
                               # armed-group, umbrella, person or media

sources:
  - id: TODO-source-id
    seed: TODO file name in seeds/
    publisher: TODO publisher
    title: TODO headline
    descriptor: TODO who the source is and what access it has (ICD 206)
    reliability: TODO          # Admiralty A (reliable) to F (cannot be judged)

claims:
  - id: TODO-claim-id
    actor: TODO-actor-id       # who makes the claim
    kind: TODO                 # accuses, denies, claims-responsibility, declines-comment,
                               # finds, reports or assesses
    summary: TODO one neutral sentence
    sources: [TODO-source-id]
    credibility: 6             # Admiralty 1 (confirmed) to 6 (cannot be judged)

judgments:
  - text: TODO the analyst's judgment, stated plainly
    likelihood: TODO           # almost no chance, very unlikely, unlikely, roughly even
                               # chance, likely, very likely or almost certain
    confidence: TODO           # low, moderate or high
    rests_on: [TODO-claim-id]

background: TODO context in Markdown

implications:
  - text: TODO what it means
"""


def make_skeleton(brief_id: str, schema_comment: str = SCHEMA_COMMENT,
                  handling: str = "TLP:CLEAR") -> str:
    """The skeleton for a new incident file called ``brief_id``."""
    if not re.match(ID_PATTERN, brief_id):
        raise BriefgenError(f"'{brief_id}' is not a valid id (use lower-case letters, digits "
                            "and single hyphens, e.g. 2019-01-sarsar-lake)")
    return SKELETON.format(id=brief_id, schema_comment=schema_comment,
                           handling=f"{handling} ".ljust(21))


def make_schema_comment(folder: Path, schema: Path | None) -> str:
    """The ``$schema`` line of a brief written to ``folder``, relative to it, naming
    ``schema`` if that exists; otherwise a comment on how to get one."""
    if schema is None or not schema.is_file():
        return NO_SCHEMA_COMMENT
    relative = Path(os.path.relpath(schema.absolute(), folder.absolute())).as_posix()
    return f"# yaml-language-server: $schema={relative}"
