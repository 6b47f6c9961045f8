"""docker-compose.yml and the Dockerfile, checked without a Docker engine."""

import re
from pathlib import Path

import pytest
import yaml

from streams.settings import TopicNames

REPO_ROOT = Path(__file__).resolve().parents[2]
COMPOSE = REPO_ROOT / "docker-compose.yml"
DOCKERFILE = REPO_ROOT / "Dockerfile"
DOCKERIGNORE = REPO_ROOT / ".dockerignore"

LONG_RUNNING = ("kafka", "worker", "prometheus", "grafana")
ONE_SHOT = ("kafka-init", "seed-publisher")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


@pytest.fixture(scope="module")
def services(compose: dict) -> dict:
    return compose["services"]


def test_expected_services_exist(services: dict) -> None:
    assert set(services) == {*LONG_RUNNING, *ONE_SHOT}


def test_kafka_is_the_official_image_in_kraft_mode_with_host_and_network_listeners(
    services: dict,
) -> None:
    kafka = services["kafka"]
    assert re.fullmatch(r"apache/kafka:3\.9\.\d+", kafka["image"])
    env = kafka["environment"]
    assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert "9092:9092" in kafka["ports"]
    advertised = dict(
        listener.split("://") for listener in env["KAFKA_ADVERTISED_LISTENERS"].split(",")
    )
    assert advertised["HOST"] == "localhost:9092"
    in_network = advertised[env["KAFKA_INTER_BROKER_LISTENER_NAME"]]
    # Containers reach the broker by service name on the in-network listener.
    assert in_network.startswith("kafka:")
    for service in ("worker", "seed-publisher"):
        assert services[service]["environment"]["DIPWATCH_KAFKA_BOOTSTRAP"] == in_network
    for single_node in (
        "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
        "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
        "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR",
    ):
        assert str(env[single_node]) == "1"


def test_topic_init_creates_every_topic_before_the_worker_starts(services: dict) -> None:
    init = services["kafka-init"]
    assert init["image"] == services["kafka"]["image"]
    assert init["depends_on"]["kafka"]["condition"] == "service_healthy"
    script = " ".join(init["command"])
    assert "kafka-topics.sh" in script and "--if-not-exists" in script
    # Every topic the worker owns, from the one place that names them.
    for topic in TopicNames("dipwatch").all:
        suffix = topic.removeprefix("dipwatch.")
        assert re.search(rf"(?<![.\w]){re.escape(suffix)}(?![.\w])", script), topic
    partitions = services["worker"]["environment"]["DIPWATCH_TOPIC_PARTITIONS"]
    assert f"--partitions {partitions}" in script, "topic partitions must match Faust's"
    assert (
        services["worker"]["depends_on"]["kafka-init"]["condition"]
        == "service_completed_successfully"
    )


def test_worker_is_built_here_and_reachable_by_prometheus(services: dict) -> None:
    worker = services["worker"]
    assert worker["build"]["context"] == "."
    assert worker["build"].get("dockerfile", "Dockerfile") == "Dockerfile"
    assert worker["command"] == ["dipwatch", "worker"]
    env = worker["environment"]
    assert env["DIPWATCH_WEB_HOST"] == "0.0.0.0"
    port = env["DIPWATCH_WEB_PORT"]
    scrape = yaml.safe_load((REPO_ROOT / "ops/prometheus/prometheus.yml").read_text())
    targets = [
        target
        for job in scrape["scrape_configs"]
        for static in job["static_configs"]
        for target in static["targets"]
    ]
    assert f"worker:{port}" in targets


def test_seed_publisher_replays_the_seeds_once_the_worker_is_healthy(services: dict) -> None:
    publisher = services["seed-publisher"]
    assert publisher["image"] == services["worker"]["image"]
    assert publisher["command"] == ["dipwatch", "publish", "seeds/baseline", "seeds/articles"]
    assert publisher["depends_on"]["worker"]["condition"] == "service_healthy"
    assert publisher["restart"] == "no"
    for seeds in publisher["command"][2:]:
        assert (REPO_ROOT / seeds).is_dir(), f"{seeds} is not in the repo"


@pytest.mark.parametrize(
    ("service", "image", "port"),
    [("prometheus", "prom/prometheus:", "9090:9090"), ("grafana", "grafana/grafana:", "3000:3000")],
)
def test_monitoring_images_are_pinned_and_published(
    services: dict, service: str, image: str, port: str
) -> None:
    assert services[service]["image"].startswith(image)
    assert not services[service]["image"].endswith(":latest")
    assert port in services[service]["ports"]


def test_prometheus_loads_the_repo_config(services: dict) -> None:
    prometheus = services["prometheus"]
    assert "./ops/prometheus:/etc/prometheus:ro" in prometheus["volumes"]
    assert "--config.file=/etc/prometheus/prometheus.yml" in prometheus["command"]


def test_grafana_is_provisioned_from_the_repo(services: dict) -> None:
    volumes = services["grafana"]["volumes"]
    assert "./ops/grafana/provisioning:/etc/grafana/provisioning:ro" in volumes
    assert any(v.startswith("./ops/grafana/dashboards:") for v in volumes)


@pytest.mark.parametrize("service", LONG_RUNNING)
def test_long_running_services_have_healthchecks(services: dict, service: str) -> None:
    check = services[service]["healthcheck"]
    assert check["test"][0] in ("CMD", "CMD-SHELL")
    assert check["interval"] and check["retries"]


def test_state_lives_in_named_volumes(compose: dict, services: dict) -> None:
    declared = set(compose["volumes"])
    for name, service in services.items():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if not source.startswith((".", "/")):
                assert source in declared, f"{name}: volume {source} not declared"
    used = {
        v.split(":")[0] for s in services.values() for v in s.get("volumes", []) if v[0] not in "./"
    }
    assert used == declared, "declared volumes nobody mounts"
    for service in ("kafka", "prometheus", "grafana", "worker"):
        assert any(v.split(":")[0] in declared for v in services[service]["volumes"]), service


def test_every_bind_mounted_host_path_exists(services: dict) -> None:
    binds = [
        (name, volume.split(":")[0])
        for name, service in services.items()
        for volume in service.get("volumes", [])
        if volume.startswith((".", "/"))
    ]
    assert binds
    for name, host_path in binds:
        assert (REPO_ROOT / host_path).resolve().exists(), f"{name}: {host_path} missing"


def test_dockerfile_builds_the_package_on_python_311_slim() -> None:
    text = DOCKERFILE.read_text()
    assert re.search(r"^FROM python:3\.11-slim\b", text, re.MULTILINE)
    assert re.search(r"^RUN pip install /app$|^RUN pip install \.$", text, re.MULTILINE)
    assert re.search(r"^USER (?!root)\w+", text, re.MULTILINE), "run as a non-root user"
    assert 'CMD ["dipwatch", "worker"]' in text


def test_dockerignore_keeps_local_state_out_of_the_image() -> None:
    ignored = set(DOCKERIGNORE.read_text().split())
    assert {".git", ".venv", ".cache", ".env", "var"} <= ignored
    # What `pip install .` and the publisher need must stay in the build context.
    for needed in ("pyproject.toml", "streams", "models", "seeds", "README.md"):
        assert needed not in ignored
