"""Fixtures for the ops tests: the Prometheus tools, the metric names the dashboard
and the rules may use, and (for the end-to-end test) the session's Kafka broker,
which tests/integration/conftest.py owns and this folder re-exports.
"""

import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from faust.sensors.prometheus import FaustMetrics
from prometheus_client import CollectorRegistry

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]

# `tests` is a namespace package: importable when the repo root is on sys.path,
# which `python -m pytest` does and a bare `pytest` does not.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


OPS = REPO_ROOT / "ops"
PROMETHEUS_DIR = OPS / "prometheus"
GRAFANA_DIR = OPS / "grafana"
INSTALL_DIR = REPO_ROOT / ".cache" / "prometheus" / "usr" / "bin"
INSTALL_HINT = "run `bash ops/prometheus/install.sh` (or `make ops-tools`) first"

# The worker hands this prefix to setup_prometheus_sensors (streams/topology.py),
# so Faust's metric names do not change with the app id.
FAUST_PREFIX = "faust"

# The worker's own metrics (the contract in the ops issue), by type.
PROJECT_METRICS: dict[str, str] = {
    "dipwatch_build_info": "gauge",
    "dipwatch_articles_consumed": "counter",
    "dipwatch_visits_extracted": "counter",
    "dipwatch_alerts_raised": "counter",
    "dipwatch_dead_letters": "counter",
    "dipwatch_extraction_duration_seconds": "histogram",
    "dipwatch_ingest_to_alert_seconds": "histogram",
    "dipwatch_visits_since_isolation": "gauge",
    "dipwatch_last_leader_visit_timestamp_seconds": "gauge",
}

# What Prometheus itself adds to every target.
SCRAPE_METRICS = {"up", "scrape_duration_seconds", "scrape_samples_scraped"}


def exposed_names(name: str, kind: str) -> set[str]:
    """The sample names prometheus_client exposes for one metric family."""
    if kind == "counter":
        base = name.removesuffix("_total")
        return {f"{base}_total", f"{base}_created"}
    if kind == "histogram":
        return {f"{name}_bucket", f"{name}_sum", f"{name}_count", f"{name}_created"}
    return {name}


def registered_families(registry: CollectorRegistry) -> dict[str, str]:
    """Metric family name -> type, as a registry exposes them."""
    return {family.name: family.type for family in registry.collect()}


def faust_metric_families(prefix: str = FAUST_PREFIX) -> dict[str, str]:
    """Faust's sensor metrics, created by the sensor module itself on a private registry."""
    registry = CollectorRegistry()
    FaustMetrics.create(registry, prefix)
    return registered_families(registry)


_PROMQL_KEYWORDS = {
    "by", "without", "on", "ignoring", "group_left", "group_right",
    "and", "or", "unless", "offset", "bool", "inf", "nan",
}  # fmt: skip


def metric_names_in(expr: str) -> set[str]:
    """Metric names a PromQL expression selects (Grafana's $variables allowed)."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)  # string literals
    text = re.sub(r"\{[^}]*\}", "", text)  # label matchers
    text = re.sub(r"\[[^\]]*\]", "", text)  # range and subquery durations
    text = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", text)
    text = re.sub(r"\$\{?\w+\}?", "", text)  # Grafana variables
    names = set()
    for match in re.finditer(r"(?<![\w.$])([A-Za-z_:][\w:]*)(\s*\()?", text):
        word, is_call = match.group(1), match.group(2)
        if is_call or word.lower() in _PROMQL_KEYWORDS:
            continue  # functions, aggregations and operators
        names.add(word)
    return names


@pytest.fixture(scope="session")
def allowed_metric_names() -> set[str]:
    """Every sample name a dashboard panel or an alert rule may select."""
    families = {**PROJECT_METRICS, **faust_metric_families()}
    names = set(SCRAPE_METRICS)
    for name, kind in families.items():
        names |= exposed_names(name, kind)
    return names


@pytest.fixture(scope="session")
def project_metric_families() -> dict[str, str]:
    return dict(PROJECT_METRICS)


@pytest.fixture(scope="session")
def families_of() -> Callable[[CollectorRegistry], dict[str, str]]:
    return registered_families


@pytest.fixture(scope="session")
def metric_names() -> Callable[[str], set[str]]:
    return metric_names_in


def _find_tool(name: str) -> Path:
    installed = INSTALL_DIR / name
    if installed.is_file():
        return installed
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    pytest.fail(f"{name} not found in {INSTALL_DIR} nor on PATH: {INSTALL_HINT}", pytrace=False)


@pytest.fixture(scope="session")
def promtool() -> Path:
    return _find_tool("promtool")


@pytest.fixture(scope="session")
def prometheus_binary() -> Path:
    return _find_tool("prometheus")
