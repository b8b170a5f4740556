"""Starts the operator console: `python -m console` (make run starts it with the rest)."""

from __future__ import annotations

import logging
import os

from console import settings
from console.app import create_app


def main() -> None:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"), format="console: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    app = create_app(settings.engine(), https=settings.https())
    logging.getLogger("console").info(f"console on http://{settings.host()}:{settings.port()}/")
    app.run(host=settings.host(), port=settings.port(), access_log=False, workers=1, motd=False)


if __name__ == "__main__":
    main()
