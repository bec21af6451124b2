"""Acme Sourcing's house principles for collabrules: an example house-plugin distribution.

The package is the plugin (entry point ``acme`` in the ``collabrules`` group). It adds
a signal and a Python principle (:mod:`.net_benefit`) with the lifecycle phases of its
actions, replaces the standard CR01 with a stricter variant (:mod:`.strict_reciprocity`)
and registers the declarative principles of ``principles.yaml``.
"""

from __future__ import annotations

from pathlib import Path

from collabrules.plugin import (
    PhaseTagRegistrar,
    PrincipleRegistrar,
    SignalRegistrar,
    hookimpl,
    load_principles,
)

from . import net_benefit, strict_reciprocity

__version__ = "0.1.0"
PRINCIPLES_FILE = Path(__file__).with_name("principles.yaml")


@hookimpl
def collabrules_add_signals(register: SignalRegistrar) -> None:
    """Register Acme's signal: the net benefit the contracted supplier expects."""
    register(net_benefit.SIGNAL)


@hookimpl
def collabrules_add_principles(register: PrincipleRegistrar) -> None:
    """Register ACME01, the stricter CR01 and the declarative principles."""
    register(net_benefit.PRINCIPLE)
    register(strict_reciprocity.PRINCIPLE)
    for principle in load_principles(PRINCIPLES_FILE, source="Acme Sourcing"):
        register(principle)


@hookimpl
def collabrules_add_phase_tags(register: PhaseTagRegistrar) -> None:
    """Tag ACME01's actions with the lifecycle phases they apply in."""
    for action, tag in net_benefit.PHASE_TAGS.items():
        register(action, tag)
