"""The standard principles, signals and collaboration models of collabrules.

Each module here is an ordinary plugin, registered through the ``collabrules``
entry-point group exactly like a third-party plugin (see ``pyproject.toml``).
"""
