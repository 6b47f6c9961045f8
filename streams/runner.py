"""Run a dipwatch worker as a child process: used by `dipwatch demo` and the integration tests."""

import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class WorkerProcess:
    """`python -m streams.cli worker` with DIPWATCH_* overrides; ready once /metrics answers."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.web_port = int(env.get("DIPWATCH_WEB_PORT") or free_port())
        self.env = {
            **os.environ,
            **env,
            "DIPWATCH_WEB_PORT": str(self.web_port),
            "DIPWATCH_WEB_HOST": "127.0.0.1",
        }
        self.log_path = log_path
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def metrics_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}/metrics"

    def start(self, timeout: float = 60) -> "WorkerProcess":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        out = self.log_path.open("wb")
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "streams.cli", "worker"],
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        out.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(
                    f"worker exited with {self._proc.returncode}:\n{self.log_tail()}"
                )
            if self.scrape() is not None:
                return self
            time.sleep(0.2)
        self.stop()
        raise TimeoutError(f"worker did not serve /metrics within {timeout}s:\n{self.log_tail()}")

    def scrape(self) -> str | None:
        try:
            with urllib.request.urlopen(self.metrics_url, timeout=2) as response:
                return response.read().decode()
        except OSError:
            return None

    def stop(self, timeout: float = 30) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            log.warning("worker did not stop within %ss; killing it", timeout)
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def __enter__(self) -> "WorkerProcess":
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
