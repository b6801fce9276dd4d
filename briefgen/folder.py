"""``briefgen init DIR``: a briefing folder of one's own.

briefs/ for the incident files, seeds/ with an empty catalogue, the JSON Schema where the
briefs' ``$schema`` line finds it (docs/incident.schema.json, made by the code that
``briefgen schema`` runs) and a commented briefgen.toml.
"""

from __future__ import annotations

from pathlib import Path

from briefgen.config import CONFIG_NAME, SCHEMA_PATH
from briefgen.errors import OutputError, display_path

CONFIG_TEXT = """\
# briefgen.toml: this folder is a briefing folder. Every briefgen command run in it, or in a
# folder below it, reads this file; an option given on the command line wins over it.
# Paths are relative to the folder of this file.

# The incident files: `briefgen validate` and `briefgen build` read them, `briefgen new`
# writes a skeleton here.
briefs = "briefs"

# The source articles, byte for byte as received, catalogued in seeds/index.yaml;
# `briefgen seeds add ARTICLE...` copies them here.
seeds = "seeds"

# Where `briefgen build` writes ID.md and ID.docx (--output-dir wins).
output = "out"

# What `briefgen build` writes of each brief (--length wins): "full", the whole brief, or
# "summary", one page of it as ID.summary.docx and so on, beside the full brief.
length = "full"

# A folder of templates that override the defaults file by file (--templates wins);
# `briefgen templates export house` writes the defaults there to start from.
# templates = "house"

# A Word document whose styles every .docx uses (--reference-doc wins).
# reference_doc = "house/reference.docx"

# The handling marking that `briefgen new` writes into a skeleton: TLP:CLEAR, TLP:GREEN,
# TLP:AMBER, TLP:AMBER+STRICT or TLP:RED.
handling = "TLP:CLEAR"

# Whether `briefgen build -f pdf` writes PDF/A-2b, for archiving, instead of plain tagged PDF
# (--pdf-a or --no-pdf-a wins).
# pdf_a = true
"""

INDEX_TEXT = """\
# The source articles, as received: plain text, byte for byte unchanged. `briefgen seeds add
# ARTICLE...` copies an article here and catalogues it below (its SHA-256, and the title,
# publisher and date where the text gives them; what it does not say is not known).
"""


def init_folder(folder: Path) -> list[Path]:
    """Make ``folder`` a briefing folder; the folders and files made. Never overwrites a
    briefgen.toml or a catalogue; the schema is written anew, as it is generated."""
    from briefgen.build import format_json_schema, write_atomic

    config = folder / CONFIG_NAME
    if config.exists():
        raise OutputError(f"{display_path(config)}: already exists; "
                          f"{display_path(folder)} is a briefing folder already")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{display_path(folder)}: cannot start a briefing folder: it is a "
                          "file, not a folder")
    written = []
    for name in ("briefs", "seeds"):
        try:
            (folder / name).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{display_path(folder / name)}: cannot make the folder: "
                              f"{exc.strerror or exc}") from exc
        written.append(folder / name)
    index = folder / "seeds" / "index.yaml"
    if not index.exists():
        write_atomic(index, INDEX_TEXT.encode("utf-8"))
        written.append(index)
    schema = folder / SCHEMA_PATH
    write_atomic(schema, format_json_schema().encode("utf-8"))
    write_atomic(config, CONFIG_TEXT.encode("utf-8"))
    return [*written, schema, config]
