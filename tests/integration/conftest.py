"""Fixtures for tests against a real Kafka broker (the broker itself: tests/conftest.py).

Tests isolate themselves with fresh topic names and group ids, never by
restarting the broker.
"""

import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Conftest hooks see every collected item, not only this folder's.
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.integration)


@pytest.fixture
def new_topic_name() -> Callable[[str], str]:
    """Factory of topic names no other test uses: `it.<purpose>.<hex>`."""

    def make(purpose: str = "test") -> str:
        return f"it.{purpose}.{uuid.uuid4().hex}"

    return make
