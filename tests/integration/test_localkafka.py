"""The project's own Kafka broker: it serves clients, stops without leftovers, fails loudly."""

import asyncio
import os
import socket
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from streams.localkafka import (
    KafkaStartError,
    KafkaToolingMissing,
    LocalKafka,
    ensure_kafka_jars,
)


def processes_mentioning(path: Path) -> list[int]:
    """Pids whose command line contains `path` (a broker's work dir is in its classpath args)."""
    needle = str(path).encode()
    pids = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if needle in cmdline.read_bytes():
                pids.append(int(cmdline.parent.name))
        except OSError:  # the process ended while we looked
            continue
    return pids


async def test_message_round_trip(
    kafka_bootstrap: str, new_topic_name: Callable[[str], str]
) -> None:
    topic = new_topic_name("roundtrip")
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
    await producer.start()
    try:
        await producer.send_and_wait(topic, b"hello", key=b"kp")
    finally:
        await producer.stop()

    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=kafka_bootstrap,
        group_id=f"it.{uuid.uuid4().hex}",
        auto_offset_reset="earliest",
    )
    await consumer.start()
    try:
        message = await asyncio.wait_for(consumer.getone(), timeout=30)
    finally:
        await consumer.stop()
    assert (message.key, message.value) == (b"kp", b"hello")


def test_stop_leaves_no_java_process(kafka_jars: Path, tmp_path: Path) -> None:
    kafka = LocalKafka(kafka_jars, tmp_path)
    kafka.start()
    pid = kafka.pid
    assert pid is not None
    assert pid in processes_mentioning(tmp_path)

    kafka.stop()

    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert processes_mentioning(tmp_path) == []


def test_port_taken_is_a_clear_error(kafka_jars: Path, tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        kafka = LocalKafka(kafka_jars, tmp_path, port=port)

        with pytest.raises(KafkaStartError) as failure:
            kafka.start(timeout=60)

    message = str(failure.value)
    assert f"127.0.0.1:{port}" in message
    assert "Address already in use" in message  # the broker's own reason, from its log
    assert processes_mentioning(tmp_path) == []


def test_missing_jars_dir_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KafkaStartError, match="ensure_kafka_jars"):
        LocalKafka(tmp_path / "no-jars", tmp_path / "work").start()


def test_missing_java_or_maven_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))

    with pytest.raises(KafkaToolingMissing, match="apt-get install"):
        ensure_kafka_jars(tmp_path / "cache")
    assert not (tmp_path / "cache").exists()
