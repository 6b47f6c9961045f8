"""Small aiokafka helpers the CLI and tests share: topics, publishing, reading, draining."""

import asyncio
import logging
from collections.abc import AsyncIterator, Iterable

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

log = logging.getLogger(__name__)


async def ensure_topics(
    bootstrap: str, names: Iterable[str], partitions: int, replication: int = 1
) -> None:
    """Create missing topics with the partition count Faust expects (no broker auto-create)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [NewTopic(n, partitions, replication) for n in names if n not in existing]
        if missing:
            try:
                await admin.create_topics(missing)
            except TopicAlreadyExistsError:
                pass  # another process created it in between
    finally:
        await admin.close()


async def publish(bootstrap: str, records: Iterable[tuple[str, bytes, bytes]], on_sent=None) -> int:
    """Send (topic, key, value) records and wait until the broker acknowledged every one."""
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=5
    )
    await producer.start()
    sent = 0
    try:
        futures = []
        for topic, key, value in records:
            futures.append(await producer.send(topic, value=value, key=key))
        for future in futures:
            await future
            sent += 1
            if on_sent:
                on_sent()
    finally:
        await producer.stop()
    return sent


async def read_topic(
    bootstrap: str, topic: str, *, follow: bool = False, idle_timeout: float = 1.0
) -> AsyncIterator[tuple[bytes | None, bytes]]:
    """Yield (key, value) from the beginning of every partition, without a consumer group.

    Without `follow`, stops once every partition's end offset (taken at start) is reached.
    """
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        group_id=None,
    )
    await consumer.start()
    try:
        partitions = await _partitions(consumer, topic)
        if not partitions:
            return
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        while True:
            if not follow and all([await consumer.position(tp) >= ends[tp] for tp in partitions]):
                return
            batch = await consumer.getmany(timeout_ms=int(idle_timeout * 1000))
            for messages in batch.values():
                for message in messages:
                    yield message.key, message.value
    finally:
        await consumer.stop()


async def _partitions(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    for _ in range(20):
        ids = consumer.partitions_for_topic(topic)
        if ids is None:
            await consumer._client.force_metadata_update()
            ids = consumer.partitions_for_topic(topic)
        if ids is not None:
            return [TopicPartition(topic, p) for p in sorted(ids)]
        await asyncio.sleep(0.2)
    return []


async def group_lag(bootstrap: str, group: str, topics: Iterable[str]) -> int:
    """Messages in `topics` not yet committed by consumer `group` (end offset - committed)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    await admin.start()
    await consumer.start()
    try:
        committed = await admin.list_consumer_group_offsets(group)
        partitions = []
        for topic in topics:
            partitions += await _partitions(consumer, topic)
        ends = await consumer.end_offsets(partitions) if partitions else {}
        lag = 0
        for tp, end in ends.items():
            meta = committed.get(tp)
            lag += end - (meta.offset if meta is not None and meta.offset >= 0 else 0)
        return lag
    finally:
        await consumer.stop()
        await admin.close()


async def wait_until_drained(
    bootstrap: str,
    group: str,
    topics: list[str],
    timeout: float = 120.0,  # noqa: ASYNC109 - one deadline over many admin calls, named in the error
    interval: float = 0.5,
) -> None:
    """Wait until `group` has committed everything in `topics`, twice in a row (stable)."""
    deadline = asyncio.get_running_loop().time() + timeout
    zero_seen = 0
    while zero_seen < 2:
        lag = await group_lag(bootstrap, group, topics)
        zero_seen = zero_seen + 1 if lag == 0 else 0
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError(f"consumer group {group!r} still has {lag} message(s) to process")
        await asyncio.sleep(interval)
