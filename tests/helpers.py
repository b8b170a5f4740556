"""Starting and talking to real Rasa processes from tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import requests
import yaml

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
MODEL = ROOT / "models" / "resursguiden.tar.gz"
ALLOWED_ORIGIN = "http://localhost:8080"

# What scripts/quiet_env.sh exports, for processes started without a shell.
QUIET_ENV = {
    "RASA_TELEMETRY_ENABLED": "false",
    "SANIC_ACCESS_LOG": "false",
    "LOG_LEVEL_LIBRARIES": "ERROR",
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
}


def settings() -> dict[str, str]:
    """The product's default settings (settings.env)."""
    values = {}
    for line in (ROOT / "settings.env").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            values[name] = value
    return values


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def endpoints_with(
    tmp_path: Path, source: str = "endpoints.yml", action_url: str | None = None, **tracker_store
) -> Path:
    """A copy of one of the product's endpoints files with the keys of the store that
    holds the conversations (and the action server's address) replaced."""
    config = yaml.safe_load((ROOT / source).read_text(encoding="utf-8"))
    config["tracker_store"]["store"].update(tracker_store)  # the store the redaction wraps
    if action_url:
        config["action_endpoint"]["url"] = action_url
    path = tmp_path / f"endpoints-{os.getpid()}-{time.monotonic_ns()}.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def wait_until(condition, timeout: float, what: str, process: subprocess.Popen | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"process exited (rc={process.returncode}) before {what}")
        result = condition()
        if result:
            return result
        time.sleep(0.5)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


def server_answers(port: int) -> bool:
    try:
        return requests.get(f"http://127.0.0.1:{port}/", timeout=2).ok
    except requests.ConnectionError:
        return False


def stop_process_group(process: subprocess.Popen | None, timeout: float) -> None:
    """SIGTERM to the process and everything it started; SIGKILL if that does not end it."""
    if process and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class Service:
    """A server the tests start in its own process group, with its output in a log file;
    stopped (SIGTERM, then SIGKILL) with everything it started."""

    what = "the server"
    start_timeout = 120.0
    stop_timeout = 30.0

    def __init__(self, log_path: Path, env: dict[str, str] | None = None):
        self.log_path = log_path
        self.env = env or {}
        self.process: subprocess.Popen | None = None

    def command(self) -> list[str]:
        raise NotImplementedError

    def environment(self) -> dict[str, str]:
        return {**os.environ, **QUIET_ENV, **self.env}

    def ready(self) -> bool:
        raise NotImplementedError

    def launch(self) -> None:
        """Starts it without waiting until it is ready."""
        self.log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            self.command(), cwd=ROOT, env=self.environment(), stdout=self.log,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip

    def start(self):
        self.launch()
        wait_until(self.ready, self.start_timeout, self.what, self.process)
        return self

    def stop(self) -> None:
        stop_process_group(self.process, timeout=self.stop_timeout)
        self.log.close()

    def logs(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def answers_health(url: str) -> bool:
    try:
        return requests.get(f"{url}/health", timeout=2).ok
    except requests.ConnectionError:
        return False


class RasaServer(Service):
    """`rasa run` with the product's model and credentials."""

    what = "the Rasa server"

    def __init__(
        self,
        endpoints: Path,
        log_path: Path,
        port: int | None = None,
        extra_args: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ):
        super().__init__(log_path, env)
        self.port = port or free_port()
        self.endpoints = endpoints
        self.extra_args = extra_args
        self.origins = settings()["ALLOWED_ORIGINS"]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def environment(self) -> dict[str, str]:
        return {**os.environ, **QUIET_ENV, "ALLOWED_ORIGINS": self.origins, **self.env}

    def command(self) -> list[str]:
        return [
            str(VENV_BIN / "rasa"), "run",
            "--model", str(MODEL),
            "--endpoints", str(self.endpoints),
            "--credentials", "credentials.yml",
            "--interface", "127.0.0.1",
            "--port", str(self.port),
            "--cors", *self.origins.split(),
            *self.extra_args,
        ]  # fmt: skip

    def ready(self) -> bool:
        return server_answers(self.port)


def chat(base_url: str, sender: str, message: str) -> list[dict]:
    """Sends one message over the REST channel and returns the bot's replies."""
    reply = requests.post(
        f"{base_url}/webhooks/rest/webhook",
        json={"sender": sender, "message": message},
        timeout=30,
    )
    reply.raise_for_status()
    return reply.json()


def texts(replies: list[dict]) -> str:
    return " ".join(reply.get("text", "") for reply in replies)


class ActionServer(Service):
    """`rasa run actions` with the product's actions package."""

    what = "the action server"
    start_timeout = 60.0

    def __init__(self, log_path: Path, port: int | None = None):
        super().__init__(log_path, {"SANIC_HOST": "127.0.0.1"})
        self.port = port or free_port()

    @property
    def webhook(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhook"

    def command(self) -> list[str]:
        rasa = str(VENV_BIN / "rasa")
        return [rasa, "run", "actions", "--actions", "actions", "--port", str(self.port)]

    def ready(self) -> bool:
        return answers_health(f"http://127.0.0.1:{self.port}")


class Product(Service):
    """The whole product as `make run` starts it (scripts/run.sh: Rasa, actions, console,
    demo site), on free ports and its own SQLite file. The action server keeps port 5055."""

    what = "the product (Rasa and the demo site)"
    start_timeout = 180.0
    stop_timeout = 60.0

    def __init__(self, tmp_path: Path):
        super().__init__(tmp_path / "product.log")
        self.rasa_port = free_port()
        self.demo_port = free_port()
        self.console_port = free_port()
        self.tracker_db = tmp_path / "tracker.db"
        self.endpoints = endpoints_with(tmp_path, db=str(self.tracker_db))

    @property
    def demo_url(self) -> str:
        return f"http://127.0.0.1:{self.demo_port}/"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def environment(self) -> dict[str, str]:
        return {
            **os.environ,
            "RASA_PORT": str(self.rasa_port),
            "DEMO_PORT": str(self.demo_port),
            "CONSOLE_PORT": str(self.console_port),
            "RASA_ENDPOINTS": str(self.endpoints),
            "ALLOWED_ORIGINS": f"http://127.0.0.1:{self.demo_port}",
        }

    def command(self) -> list[str]:
        return ["scripts/run.sh"]

    def launch(self) -> None:
        assert port_is_free(5055), "port 5055 is taken: stop the running product first"
        super().launch()

    def ready(self) -> bool:
        return server_answers(self.demo_port) and server_answers(self.rasa_port)


class ConsoleServer(Service):
    """The operator console (`python -m console`) on a free port, reading the database the
    given endpoints file names."""

    what = "the console"
    start_timeout = 60.0

    def __init__(self, endpoints: Path, log_path: Path, env: dict[str, str] | None = None):
        super().__init__(log_path, env)
        self.port = free_port()
        self.endpoints = endpoints

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def environment(self) -> dict[str, str]:
        return {
            **super().environment(),
            "RASA_ENDPOINTS": str(self.endpoints), "CONSOLE_PORT": str(self.port),
        }  # fmt: skip

    def command(self) -> list[str]:
        return [str(VENV_BIN / "python"), "-m", "console"]

    def cli(self, *args: str, password: str | None = None) -> subprocess.CompletedProcess:
        """`python -m console.cli ...` against the same database."""
        return subprocess.run(
            [str(VENV_BIN / "python"), "-m", "console.cli", *args], cwd=ROOT,
            env=self.environment(), input=password, capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    def ready(self) -> bool:
        return answers_health(self.url)
