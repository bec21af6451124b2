"""``collabrules serve``: the engine as an HTTP service, with a web intake for advisers.

The service needs the optional extra ``collabrules[service]`` (FastAPI and uvicorn, see
``docs/decisions/0014-service-framework.md``). It exposes the CLI's building blocks with
the same contracts: the same configuration, loaders, validation, renderers and verdicts.
"""

from __future__ import annotations

INSTALL_HINT = "pip install 'collabrules[service]'"
