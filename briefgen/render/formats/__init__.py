"""One module per output format, each declaring ``FORMAT`` (see ``briefgen.render``)."""
