"""Fixtures for tests against a real Kafka broker.

One broker per session: the one named by DIPWATCH_KAFKA_BOOTSTRAP (env or .env), or
else a LocalKafka started from the jars cached in <repo>/.cache. Tests isolate
themselves with fresh topic names and group ids, never by restarting the broker.
"""

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from streams.localkafka import LocalKafka, ensure_kafka_jars
from streams.settings import Settings

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Conftest hooks see every collected item, not only this folder's.
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def kafka_jars() -> Path:
    """The broker jars, for tests that start brokers of their own."""
    return ensure_kafka_jars(REPO_ROOT / ".cache")


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """host:port of a live broker for the whole session."""
    settings = Settings()
    if "kafka_bootstrap" in settings.model_fields_set:
        yield settings.kafka_bootstrap
        return
    jars = ensure_kafka_jars(REPO_ROOT / ".cache")
    with LocalKafka(jars, tmp_path_factory.mktemp("kafka")) as kafka:
        yield kafka.bootstrap


@pytest.fixture
def new_topic_name() -> Callable[[str], str]:
    """Factory of topic names no other test uses: `it.<purpose>.<hex>`."""

    def make(purpose: str = "test") -> str:
        return f"it.{purpose}.{uuid.uuid4().hex}"

    return make
