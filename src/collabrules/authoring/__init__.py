"""Authoring: fixtures and their test runner, the case intake and answers files, and
``collabrules check``."""
