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
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resursguiden.web_origins import parse_allowed_origins  # noqa: E402

FILES = {
    "/": ("widget/demo/index.html", "text/html; charset=utf-8"),
    "/demo.css": ("widget/demo/demo.css", "text/css; charset=utf-8"),
    "/demo.js": ("widget/demo/demo.js", "text/javascript; charset=utf-8"),
    "/resursguiden-widget.js": (
        "widget/dist/resursguiden-widget.js",
        "text/javascript; charset=utf-8",
    ),
}


def rasa_url(environ: dict[str, str]) -> str:
    """The Rasa server as visitors' browsers reach it: DEMO_RASA_URL, else this machine's
    Rasa port. Configured, never read from the request: a Host header is the visitor's
    to choose, and it would end up in the page and its Content-Security-Policy."""
    url = environ.get("DEMO_RASA_URL") or f"http://127.0.0.1:{environ.get('RASA_PORT', '5005')}"
    parse_allowed_origins(url)  # scheme, host and port only; raises ValueError otherwise
    return url


class DemoSite(BaseHTTPRequestHandler):
    server_version = "demo"
    sys_version = ""
    rasa_url = "http://127.0.0.1:5005"

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
            server = self.rasa_url
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
    DemoSite.rasa_url = rasa_url(dict(os.environ))
    server = ThreadingHTTPServer((host, port), DemoSite)
    print(f"demo site on http://{'localhost' if host == '127.0.0.1' else host}:{port}/", flush=True)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: a quiet stop
        server.serve_forever()
    sys.exit(0)


if __name__ == "__main__":
    main()
