"""Rendering: the template context, Markdown through Jinja2, and the Word writer."""
