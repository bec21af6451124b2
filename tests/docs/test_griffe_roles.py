"""Sphinx roles in docstrings become code spans on the API pages."""

from __future__ import annotations

import griffe

from collabrules.docgen.griffe_roles import PlainRoles, plain_roles


def test_roles_become_code_spans() -> None:
    text = "Call :func:`collabrules_add_signals` with a :class:`~collabrules.Signal`."
    assert plain_roles(text) == "Call `collabrules_add_signals` with a `Signal`."
    assert plain_roles(":class:`collabrules.Engine`") == "`collabrules.Engine`"
    assert plain_roles("no roles, ``code`` stays") == "no roles, ``code`` stays"


def test_extension_rewrites_loaded_docstrings() -> None:
    extensions = griffe.load_extensions(PlainRoles())
    module = griffe.load("collabrules.host.hookspecs", search_paths=["src"],
                         extensions=extensions)
    doc = module["collabrules_add_signals"].docstring
    assert doc is not None
    assert ":class:" not in doc.value
    assert "`Signal`" in doc.value
