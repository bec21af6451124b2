"""Renderers: a report as text for the terminal (and, in other modules, other formats)."""
