"""The default brief templates and reference.docx, shipped inside the wheel."""
