"""The Grafana provisioning files and the dashboard, checked without a Grafana."""

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from prometheus_client import CollectorRegistry

from streams.metrics import create_metrics

GRAFANA_DIR = Path(__file__).resolve().parents[2] / "ops" / "grafana"
DASHBOARD = GRAFANA_DIR / "dashboards" / "dipwatch.json"
DATASOURCES = sorted((GRAFANA_DIR / "provisioning" / "datasources").glob("*.yaml"))
PROVIDERS = sorted((GRAFANA_DIR / "provisioning" / "dashboards").glob("*.yaml"))
COMPOSE = GRAFANA_DIR.parents[1] / "docker-compose.yml"


def load_dashboard() -> dict:
    return json.loads(DASHBOARD.read_text())


def panels(dashboard: dict) -> Iterator[dict]:
    """Every panel, including those nested in collapsed rows; rows themselves left out."""
    for panel in dashboard["panels"]:
        if panel["type"] == "row":
            yield from panel.get("panels", [])
        else:
            yield panel


def queries() -> list[tuple[str, str]]:
    return [
        (panel["title"], target["expr"])
        for panel in panels(load_dashboard())
        for target in panel["targets"]
    ]


def provisioned_prometheus() -> dict:
    (datasource,) = [
        ds
        for path in DATASOURCES
        for ds in yaml.safe_load(path.read_text())["datasources"]
        if ds["type"] == "prometheus"
    ]
    return datasource


def test_provisioning_files_use_api_version_1() -> None:
    assert DATASOURCES and PROVIDERS
    for path in DATASOURCES + PROVIDERS:
        assert yaml.safe_load(path.read_text())["apiVersion"] == 1, path


def test_datasource_has_a_fixed_uid_and_points_at_the_compose_prometheus() -> None:
    datasource = provisioned_prometheus()
    assert datasource["uid"] == "dipwatch-prometheus"
    assert datasource["url"] == "http://prometheus:9090"
    assert datasource["access"] == "proxy"


def test_dashboard_provider_reads_the_folder_compose_mounts() -> None:
    (provider,) = [p for path in PROVIDERS for p in yaml.safe_load(path.read_text())["providers"]]
    assert provider["type"] == "file"
    grafana = yaml.safe_load(COMPOSE.read_text())["services"]["grafana"]
    mounts = {
        volume.split(":")[1]: volume.split(":")[0]
        for volume in grafana["volumes"]
        if volume.startswith("./")
    }
    assert mounts.get(provider["options"]["path"]) == "./ops/grafana/dashboards"


def test_dashboard_has_a_fixed_uid_and_unique_panel_ids() -> None:
    dashboard = load_dashboard()
    assert dashboard["uid"] == "dipwatch-overview"
    assert dashboard["title"]
    ids = [panel["id"] for panel in dashboard["panels"]] + [
        nested["id"] for row in dashboard["panels"] for nested in row.get("panels", [])
    ]
    assert len(ids) == len(set(ids))


def test_every_panel_and_query_uses_the_provisioned_datasource_by_uid() -> None:
    uid = provisioned_prometheus()["uid"]
    for panel in panels(load_dashboard()):
        assert panel["datasource"] == {"type": "prometheus", "uid": uid}, panel["title"]
        assert panel["targets"], f"{panel['title']}: no query"
        for target in panel["targets"]:
            assert target["datasource"] == {"type": "prometheus", "uid": uid}, panel["title"]


def test_dashboard_covers_what_operators_need() -> None:
    exprs = " ".join(expr for _, expr in queries())
    for needle in (
        "dipwatch_alerts_raised_total",  # alerts by regime
        "(time() - max by (host) (dipwatch_last_leader_visit_timestamp_seconds)) / 86400",
        "sum by (status) (rate(dipwatch_visits_extracted_total",
        "rate(dipwatch_articles_consumed_total",
        "histogram_quantile(0.95, sum by (le) (rate(dipwatch_extraction_duration_seconds_bucket",
        "histogram_quantile(0.95, sum by (le) (rate(dipwatch_ingest_to_alert_seconds_bucket",
        "dipwatch_dead_letters_total",
        "faust_topic_partition_end_offset - faust_topic_partition_offset_commited",
    ):
        assert needle in exprs, needle


@pytest.mark.parametrize(("title", "expr"), queries(), ids=[title for title, _ in queries()])
def test_panel_queries_use_only_known_metrics(
    title: str,
    expr: str,
    metric_names: Callable[[str], set[str]],
    allowed_metric_names: set[str],
) -> None:
    used = metric_names(expr)
    assert used, f"{title}: no metric found in {expr!r}"
    assert used <= allowed_metric_names, f"{title}: unknown {sorted(used - allowed_metric_names)}"


def test_metric_name_parser_sees_through_promql(metric_names: Callable[[str], set[str]]) -> None:
    # Guards the guard: the parser must not mistake functions, labels or units for metrics.
    expr = (
        'histogram_quantile(0.99, sum by (le, host) (rate(a_bucket{job="x"}[$__rate_interval])))'
        " / on(host) group_left(version) b_info - time() * 1e3 + c offset 5m"
    )
    assert metric_names(expr) == {"a_bucket", "b_info", "c"}


def test_worker_registers_the_metrics_the_dashboard_relies_on(
    project_metric_families: dict[str, str],
    families_of: Callable[[CollectorRegistry], dict[str, str]],
) -> None:
    registry = CollectorRegistry()
    create_metrics(registry, ("MMR", "PRK"), dead_letter_topics=("dipwatch.articles",))
    assert families_of(registry) == project_metric_families


def test_panels_tile_the_24_column_grid_without_overlapping() -> None:
    cells: dict[tuple[int, int], str] = {}
    for panel in load_dashboard()["panels"]:
        grid = panel["gridPos"]
        assert grid["x"] + grid["w"] <= 24, panel["title"]
        for x in range(grid["x"], grid["x"] + grid["w"]):
            for y in range(grid["y"], grid["y"] + grid["h"]):
                assert (x, y) not in cells, f"{panel['title']} overlaps {cells[(x, y)]}"
                cells[(x, y)] = panel["title"]
