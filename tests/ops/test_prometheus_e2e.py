"""A real Prometheus scrapes a real worker while the seeds replay; then every
dashboard panel's query must return data and every alert rule must evaluate.

Needs the session broker (tests/integration/conftest.py) and the Prometheus
binaries from `bash ops/prometheus/install.sh`.
"""

import asyncio
import json
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from models import Article
from streams.kafka_io import ensure_topics
from streams.records import load_records
from streams.settings import Settings, TopicNames

# e2e, and integration too: it needs the session's Kafka broker.
pytestmark = [pytest.mark.e2e, pytest.mark.integration]

REPO_ROOT = Path(__file__).resolve().parents[2]
PROMETHEUS_DIR = REPO_ROOT / "ops" / "prometheus"
DASHBOARD = REPO_ROOT / "ops" / "grafana" / "dashboards" / "dipwatch.json"
SEEDS = ("seeds/baseline", "seeds/articles")

# Grafana fills these in; the replay lasts a minute or two, so windows of a few
# minutes see all of it.
GRAFANA_VARIABLES = {"$__rate_interval": "5m", "$__interval": "1m", "$__range": "1h"}
SCRAPE_INTERVAL = "1s"
STARTUP_TIMEOUT = 90.0
DATA_TIMEOUT = 120.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(
    what: str, probe: Callable[[], object], timeout: float, context: Callable[[], str]
) -> object:
    """Poll `probe` until it returns something truthy; fail with `what` and `context()`."""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}\n{context()}")
        time.sleep(0.5)


def http_get(url: str, timeout: float = 5.0) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except (OSError, urllib.error.URLError):
        return None


@dataclass
class Process:
    """A child process in its own session, with its output in a log file."""

    name: str
    popen: subprocess.Popen[bytes]
    log_path: Path

    @classmethod
    def start(cls, name: str, argv: list[str], log_path: Path, **kwargs) -> "Process":
        with log_path.open("wb") as log:
            popen = subprocess.Popen(
                argv, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **kwargs
            )
        return cls(name, popen, log_path)

    def alive(self) -> bool:
        return self.popen.poll() is None

    def log_tail(self, lines: int = 40) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return f"--- last lines of {self.name} log ({self.log_path}) ---\n" + "\n".join(
            text.splitlines()[-lines:]
        )

    def stop(self, timeout: float = 30.0) -> None:
        if not self.alive():
            return
        self.popen.send_signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)  # only this child's own session
            self.popen.wait()


class PrometheusAPI:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def get(self, path: str, **params: str) -> dict:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        try:
            with urllib.request.urlopen(f"{self.base_url}{path}{query}", timeout=10) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:  # 400/422 carry the PromQL error as JSON
            return json.load(error)

    def query(self, expr: str) -> dict:
        return self.get("/api/v1/query", query=expr)


@dataclass
class Stack:
    prometheus: PrometheusAPI
    worker: Process
    prometheus_process: Process

    def logs(self) -> str:
        return f"{self.worker.log_tail()}\n{self.prometheus_process.log_tail(15)}"


def dipwatch_cli() -> str:
    # The console script of the interpreter running the tests (.venv/bin/dipwatch).
    beside = Path(sys.executable).with_name("dipwatch")
    found = str(beside) if beside.exists() else shutil.which("dipwatch")
    if not found:
        pytest.fail("the `dipwatch` console script is not installed: run `make venv`")
    return found


def write_prometheus_config(directory: Path, worker_port: int) -> Path:
    """The repo's prometheus.yml, pointed at the test worker and scraping every second."""
    config = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    config["global"].update(scrape_interval=SCRAPE_INTERVAL, evaluation_interval=SCRAPE_INTERVAL)
    config["rule_files"] = [str(PROMETHEUS_DIR / name) for name in config["rule_files"]]
    (job,) = [job for job in config["scrape_configs"] if job["job_name"] == "dipwatch"]
    job["static_configs"] = [{"targets": [f"127.0.0.1:{worker_port}"]}]
    path = directory / "prometheus.yml"
    path.write_text(yaml.safe_dump(config))
    return path


@pytest.fixture(scope="module")
def stack(
    kafka_bootstrap: str, prometheus_binary: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    work = tmp_path_factory.mktemp("ops-e2e")
    namespace = f"e2e.{uuid.uuid4().hex[:12]}"
    env = {
        **os.environ,
        "DIPWATCH_KAFKA_BOOTSTRAP": kafka_bootstrap,
        "DIPWATCH_TOPIC_NAMESPACE": namespace,
        "DIPWATCH_APP_ID": f"dipwatch-{namespace.replace('.', '-')}",
        "DIPWATCH_WEB_HOST": "127.0.0.1",
        "DIPWATCH_WEB_PORT": str(free_port()),
        "DIPWATCH_DATA_DIR": str(work / "faust"),
    }
    worker_port = int(env["DIPWATCH_WEB_PORT"])
    prometheus_port = free_port()
    processes: list[Process] = []
    # Topics first, as compose's kafka-init does: a worker whose group formed before
    # its source topics existed would not be assigned them until a metadata refresh.
    topics = TopicNames(namespace)
    asyncio.run(
        ensure_topics(
            kafka_bootstrap,
            [value for value in vars(topics).values() if isinstance(value, str)],
            Settings().topic_partitions,
        )
    )
    try:
        worker = Process.start(
            "worker", [dipwatch_cli(), "worker"], work / "worker.log", cwd=REPO_ROOT, env=env
        )
        processes.append(worker)
        metrics_url = f"http://127.0.0.1:{worker_port}/metrics"
        wait_for(
            "the worker to serve /metrics",
            lambda: not worker.alive() or http_get(metrics_url),
            STARTUP_TIMEOUT,
            worker.log_tail,
        )
        assert worker.alive(), f"worker exited with {worker.popen.returncode}\n{worker.log_tail()}"

        config = write_prometheus_config(work, worker_port)
        prometheus_process = Process.start(
            "prometheus",
            [
                str(prometheus_binary),
                f"--config.file={config}",
                f"--storage.tsdb.path={work / 'tsdb'}",
                f"--web.listen-address=127.0.0.1:{prometheus_port}",
                "--log.level=warn",
            ],
            work / "prometheus.log",
        )
        processes.append(prometheus_process)
        base_url = f"http://127.0.0.1:{prometheus_port}"
        wait_for(
            "Prometheus to be ready",
            lambda: not prometheus_process.alive() or http_get(f"{base_url}/-/ready"),
            STARTUP_TIMEOUT,
            prometheus_process.log_tail,
        )
        assert prometheus_process.alive(), prometheus_process.log_tail()
        stack = Stack(PrometheusAPI(base_url), worker, prometheus_process)

        # A scrape before the replay gives rate() and increase() their starting zeros.
        wait_for(
            "Prometheus to scrape the worker",
            lambda: stack.prometheus.query('up{job="dipwatch"} == 1')["data"]["result"],
            STARTUP_TIMEOUT,
            stack.logs,
        )
        published = subprocess.run(
            [dipwatch_cli(), "publish", *SEEDS],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert published.returncode == 0, published.stdout + published.stderr
        # Panels are judged once Prometheus has seen the whole replay processed.
        articles = len(load_records([REPO_ROOT / SEEDS[1]], only=Article))
        wait_for(
            f"Prometheus to see {articles} articles consumed",
            lambda: stack.prometheus.query(f"sum(dipwatch_articles_consumed_total) >= {articles}")[
                "data"
            ]["result"],
            DATA_TIMEOUT,
            stack.logs,
        )
        yield stack
    finally:
        for process in reversed(processes):
            process.stop()


def panel_queries() -> list[tuple[str, str]]:
    dashboard = json.loads(DASHBOARD.read_text())
    panels = [
        nested
        for panel in dashboard["panels"]
        for nested in (panel.get("panels", []) if panel["type"] == "row" else [panel])
    ]
    return [(panel["title"], target["expr"]) for panel in panels for target in panel["targets"]]


def as_prometheus_query(expr: str) -> str:
    for variable, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(variable, value)
    return expr


def has_finite_sample(response: dict) -> bool:
    if response.get("status") != "success":
        return False
    result = response["data"]["result"]
    values = [s["value"][1] for s in result] if isinstance(result, list) else []
    return any(math.isfinite(float(value)) for value in values)


def alerting_rules() -> list[dict]:
    groups = yaml.safe_load((PROMETHEUS_DIR / "rules.yml").read_text())["groups"]
    return [rule for group in groups for rule in group["rules"] if "alert" in rule]


def test_every_dashboard_panel_query_returns_data(stack: Stack) -> None:
    pending = {(title, as_prometheus_query(expr)) for title, expr in panel_queries()}
    errors: dict[str, str] = {}

    def all_have_data() -> bool:
        for title, expr in sorted(pending):
            response = stack.prometheus.query(expr)
            if response.get("status") != "success":
                errors[expr] = response.get("error", "unknown error")
            elif has_finite_sample(response):
                pending.discard((title, expr))
        return not pending or bool(errors)

    wait_for(
        "every panel query to return data",
        all_have_data,
        DATA_TIMEOUT,
        lambda: (
            "still without data:\n"
            + "\n".join(f"  {title}: {expr}" for title, expr in sorted(pending))
            + f"\n{stack.logs()}"
        ),
    )
    assert not errors, f"queries Prometheus rejected: {errors}"


@pytest.mark.parametrize("rule", alerting_rules(), ids=lambda rule: rule["alert"])
def test_alert_rule_expression_evaluates(stack: Stack, rule: dict) -> None:
    response = stack.prometheus.query(rule["expr"])
    assert response["status"] == "success", response.get("error")


def test_prometheus_evaluates_every_rule_without_error(stack: Stack) -> None:
    expected = {rule["alert"] for rule in alerting_rules()}

    def evaluated_rules() -> dict[str, dict]:
        groups = stack.prometheus.get("/api/v1/rules")["data"]["groups"]
        rules = {rule["name"]: rule for group in groups for rule in group["rules"]}
        done = all(
            not rules.get(name, {}).get("lastEvaluation", "0001").startswith("0001")
            for name in expected
        )
        return rules if set(rules) == expected and done else {}

    rules = wait_for("every rule to be evaluated", evaluated_rules, DATA_TIMEOUT, stack.logs)
    for name, rule in rules.items():
        assert rule["health"] == "ok", f"{name}: {rule.get('lastError')}"


def test_the_lukashenko_visit_fires_the_rare_visit_alert(stack: Stack) -> None:
    # The seeds' Belarusian visit to Myanmar is a critical rare-visit alert.
    def firing() -> list[dict]:
        alerts = stack.prometheus.get("/api/v1/alerts")["data"]["alerts"]
        return [
            alert
            for alert in alerts
            if alert["labels"]["alertname"] == "DipwatchRareVisit"
            and alert["labels"].get("host") == "MMR"
            and alert["labels"].get("severity") == "critical"
            and alert["state"] == "firing"
        ]

    (alert,) = wait_for("DipwatchRareVisit for MMR to fire", firing, DATA_TIMEOUT, stack.logs)
    assert alert["annotations"]["summary"] == "Rare visit to MMR (critical)"
