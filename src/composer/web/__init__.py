"""The page for network leaders and the HTTP API for other tools (``composer serve``).

Needs the ``web`` extra (``pip install 'netvaerk-composer[web]'``): FastAPI, uvicorn,
Jinja2 and python-multipart. Nothing else in the library imports this package; the
command line starts it by name through uvicorn.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
