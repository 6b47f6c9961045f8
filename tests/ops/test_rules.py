"""The Prometheus config and alerting rules, checked and unit-tested by promtool."""

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

PROMETHEUS_DIR = Path(__file__).resolve().parents[2] / "ops" / "prometheus"

RULES = PROMETHEUS_DIR / "rules.yml"
RULES_TESTS = PROMETHEUS_DIR / "rules.test.yml"
CONFIG = PROMETHEUS_DIR / "prometheus.yml"
EXPECTED_ALERTS = {
    "DipwatchRareVisit",
    "DipwatchWorkerDown",
    "DipwatchDeadLettersRising",
    "DipwatchConsumerLagGrowing",
}


def run_promtool(promtool: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # promtool resolves rule_files relative to the file it reads, so run it in place.
    return subprocess.run(
        [str(promtool), *args], cwd=PROMETHEUS_DIR, capture_output=True, text=True, timeout=120
    )


def alerting_rules() -> list[dict]:
    groups = yaml.safe_load(RULES.read_text())["groups"]
    return [rule for group in groups for rule in group["rules"] if "alert" in rule]


def test_rules_pass_promtool_check(promtool: Path) -> None:
    result = run_promtool(promtool, "check", "rules", RULES.name)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(EXPECTED_ALERTS)} rules found" in result.stdout


def test_rules_unit_tests_pass(promtool: Path) -> None:
    result = run_promtool(promtool, "test", "rules", RULES_TESTS.name)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


def test_prometheus_config_passes_promtool_check(promtool: Path) -> None:
    result = run_promtool(promtool, "check", "config", CONFIG.name)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "is valid prometheus config file syntax" in result.stdout


def test_config_scrapes_the_worker_and_loads_the_rules() -> None:
    config = yaml.safe_load(CONFIG.read_text())
    assert config["rule_files"] == [RULES.name]
    (job,) = [job for job in config["scrape_configs"] if job["job_name"] == "dipwatch"]
    assert job.get("metrics_path", "/metrics") == "/metrics"
    targets = [t for static in job["static_configs"] for t in static["targets"]]
    assert targets == ["worker:6066"], "the compose service name and the Faust web port"


def test_every_expected_alert_is_defined_once() -> None:
    names = [rule["alert"] for rule in alerting_rules()]
    assert sorted(names) == sorted(EXPECTED_ALERTS)


def test_every_alert_is_unit_tested_firing_and_not_firing() -> None:
    cases = [
        case
        for test in yaml.safe_load(RULES_TESTS.read_text())["tests"]
        for case in test.get("alert_rule_test", [])
    ]
    for name in EXPECTED_ALERTS:
        outcomes = {bool(case["exp_alerts"]) for case in cases if case["alertname"] == name}
        assert outcomes == {True, False}, f"{name}: needs a firing and a not-firing case"


@pytest.mark.parametrize("rule", alerting_rules(), ids=lambda rule: rule["alert"])
def test_rule_uses_only_known_metrics(
    rule: dict, metric_names: Callable[[str], set[str]], allowed_metric_names: set[str]
) -> None:
    used = metric_names(rule["expr"])
    assert used, f"no metric found in {rule['expr']!r}"
    assert used <= allowed_metric_names, f"unknown metrics: {sorted(used - allowed_metric_names)}"


@pytest.mark.parametrize("rule", alerting_rules(), ids=lambda rule: rule["alert"])
def test_rule_has_routing_labels_and_a_summary(rule: dict) -> None:
    assert rule["labels"]["team"] == "dipwatch"
    # DipwatchRareVisit takes its severity from the metric's label instead.
    assert "severity" in rule["labels"] or "severity" in rule["expr"]
    assert rule["annotations"]["summary"]
    assert rule["annotations"]["description"]
