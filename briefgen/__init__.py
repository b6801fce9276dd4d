"""briefgen: curated YAML incident summaries rendered into Word and Markdown briefs."""

__version__ = "0.1.0"
