"""Starts the operator console: `python -m console` (make run starts it with the rest).

honcho stops every service when one of them ends, so the console never ends on its own
for a reason of its own (its database not reachable yet, its port taken): it says what is
wrong and waits, and the chat goes on answering."""

from __future__ import annotations

import logging
import os
import socket
import time

from console import settings
from console.app import create_app

logger = logging.getLogger("console")
RETRY_SECONDS = 30


def main() -> None:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"), format="console: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    while True:
        try:
            engine = settings.engine()
            break
        except Exception as error:  # any failure: say it and try again
            logger.error(
                f"the database is not ready ({type(error).__name__}); retrying in {RETRY_SECONDS} s"
            )
            time.sleep(RETRY_SECONDS)
    host, port = settings.host(), settings.port()
    while not _can_listen(host, port):
        logger.error(
            f"cannot listen on {host}:{port} (taken?); set CONSOLE_PORT. "
            f"Retrying in {RETRY_SECONDS} s"
        )
        time.sleep(RETRY_SECONDS)
    logger.info(f"console on http://{host}:{port}/")
    create_app(engine, https=settings.https(), audit_days=settings.audit_days()).run(
        host=host, port=port, access_log=False, workers=1, motd=False
    )


def _can_listen(host: str, port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


if __name__ == "__main__":
    main()
