"""Fixtures shared by every test folder: the session's one Kafka broker.

The broker named by DIPWATCH_KAFKA_BOOTSTRAP (env or .env), or else a LocalKafka
started from the jars cached in <repo>/.cache. Defined here, once, so that the
integration and ops tests share a single broker per session.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.localkafka import LocalKafka, ensure_kafka_jars
from streams.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[1]


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
