"""The demo site for `make run`: a made-up host page with the widget on it.

Serves the page in widget/demo/ and the committed bundle, nothing else. Logs nothing
about visitors (the standard library server would log every address). The page is sent
with the strict headers a careful host site would use: a Content-Security-Policy that
lets the page load only its own files and talk only to the Rasa server, no referrer,
no caching.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = {
    "/": ("widget/demo/index.html", "text/html; charset=utf-8"),
    "/demo.css": ("widget/demo/demo.css", "text/css; charset=utf-8"),
    "/demo.js": ("widget/demo/demo.js", "text/javascript; charset=utf-8"),
    "/resursguiden-widget.js": (
        "widget/dist/resursguiden-widget.js",
        "text/javascript; charset=utf-8",
    ),
}
HOST_NAME = re.compile(r"^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\])$")


def rasa_url(host_header: str | None, rasa_port: str) -> str:
    """The Rasa server as the visitor's browser reaches it: same host name, Rasa's port."""
    host = (host_header or "").strip()
    name = host.split("]")[0] + "]" if host.startswith("[") else host.split(":")[0]
    return f"http://{name if HOST_NAME.match(name) else '127.0.0.1'}:{rasa_port}"


class DemoSite(BaseHTTPRequestHandler):
    server_version = "demo"
    sys_version = ""
    rasa_port = "5005"

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        path = self.path.split("?", 1)[0]
        if path == "/favicon.ico":
            self.send_response(204)
            self.end_headers()
            return
        if path not in FILES:
            self.send_error(404, "Not found")
            return
        name, content_type = FILES[path]
        body = (ROOT / name).read_bytes()
        headers = {
            "Content-Type": content_type,
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
        }
        if path == "/":
            server = rasa_url(self.headers.get("Host"), self.rasa_port)
            body = body.replace(b"{{RASA_URL}}", server.encode())
            headers["Content-Security-Policy"] = (
                f"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                f"connect-src {server}; base-uri 'none'; form-action 'none'; "
                f"frame-ancestors 'none'"
            )
        self.send_response(200)
        for header, value in headers.items():
            self.send_header(header, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # no visitor addresses, no paths: nothing about who came


def main() -> None:
    host = os.environ.get("DEMO_HOST", "127.0.0.1")
    port = int(os.environ.get("DEMO_PORT", "8080"))
    DemoSite.rasa_port = os.environ.get("RASA_PORT", "5005")
    server = ThreadingHTTPServer((host, port), DemoSite)
    print(f"demo site on http://{'localhost' if host == '127.0.0.1' else host}:{port}/", flush=True)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: a quiet stop
        server.serve_forever()
    sys.exit(0)


if __name__ == "__main__":
    main()
