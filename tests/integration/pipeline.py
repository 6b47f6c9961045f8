"""A worker in its own namespace on the session broker, and ways to feed and read it."""

import asyncio
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from models import AlertEvent
from streams.kafka_io import publish, read_topic, wait_until_drained
from streams.records import Loaded
from streams.runner import WorkerProcess
from streams.settings import TopicNames

REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS = REPO_ROOT / "seeds"


@dataclass
class Pipeline:
    bootstrap: str
    work_dir: Path
    namespace: str = field(default_factory=lambda: f"it.{uuid.uuid4().hex[:12]}")

    def __post_init__(self) -> None:
        self.app_id = f"dipwatch-{self.namespace.replace('.', '-')}"
        self.topics = TopicNames(self.namespace)
        self.worker = WorkerProcess(
            {
                "DIPWATCH_KAFKA_BOOTSTRAP": self.bootstrap,
                "DIPWATCH_TOPIC_NAMESPACE": self.namespace,
                "DIPWATCH_APP_ID": self.app_id,
                "DIPWATCH_DATA_DIR": str(self.work_dir / "faust"),
            },
            self.work_dir / "worker.log",
        )

    async def start(self) -> "Pipeline":
        await asyncio.to_thread(self.worker.start)  # the worker creates its topics
        return self

    async def stop(self) -> None:
        await asyncio.to_thread(self.worker.stop)

    async def send(self, loaded: list[Loaded]) -> int:
        """Publish in the given order: articles keyed by id, visits keyed by host."""
        records = []
        for item in loaded:
            r = item.record
            if hasattr(r, "body"):
                records.append((self.topics.articles, r.id.encode(), r.model_dump_json().encode()))
            else:
                records.append(
                    (self.topics.visits, r.host_country.encode(), r.model_dump_json().encode())
                )
        return await publish(self.bootstrap, records)

    async def send_raw(self, topic: str, key: bytes, value: bytes) -> None:
        await publish(self.bootstrap, [(topic, key, value)])

    async def drained(self, timeout: float = 120) -> None:  # noqa: ASYNC109
        t = self.topics
        await wait_until_drained(
            self.bootstrap, self.app_id, [t.articles, t.visits, t.assessments], timeout
        )

    async def alerts(self) -> list[AlertEvent]:
        """Read by a separate, group-less consumer, as another service would."""
        return [
            AlertEvent.model_validate_json(value)
            async for _key, value in read_topic(self.bootstrap, self.topics.alerts)
        ]

    async def raw(self, topic: str) -> list:
        from aiokafka import AIOKafkaConsumer

        consumer = AIOKafkaConsumer(
            topic, bootstrap_servers=self.bootstrap, auto_offset_reset="earliest", group_id=None
        )
        await consumer.start()
        try:
            batch = await consumer.getmany(timeout_ms=3000)
            return [m for messages in batch.values() for m in messages]
        finally:
            await consumer.stop()

    def metrics(self) -> dict[tuple[str, tuple], float]:
        text = self.worker.scrape() or ""
        return {
            (s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text)
            for s in family.samples
        }
