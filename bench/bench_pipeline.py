"""End-to-end throughput and latency: articles through a real broker and one worker.

    .venv/bin/python bench/bench_pipeline.py [--articles 2000]

Starts a local Kafka (or uses DIPWATCH_KAFKA_BOOTSTRAP) and one worker process
in a fresh topic namespace, publishes the labelled corpus articles repeated with
fresh ids, waits until the worker has committed everything, and prints articles/s
and the worker's own latency histograms (extraction, ingest-to-alert).
"""

import argparse
import asyncio
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streams.kafka_io import publish, wait_until_drained  # noqa: E402
from streams.localkafka import LocalKafka, ensure_kafka_jars  # noqa: E402
from streams.runner import WorkerProcess  # noqa: E402
from streams.settings import Settings, TopicNames  # noqa: E402


def articles(count: int) -> list[bytes]:
    corpus = [json.loads(p.read_text()) for p in sorted((ROOT / "seeds/corpus").glob("*.json"))]
    out = []
    for i in range(count):
        article = dict(corpus[i % len(corpus)])
        article.pop("expected_visits", None)
        article["id"] = f"{article['id']}-{i}"
        out.append(json.dumps(article).encode())
    return out


def quantile(text: str, name: str, q: float) -> float | None:
    """Upper bucket bound below which a fraction q of observations fall."""
    buckets = sorted(
        (float(s.labels["le"]), s.value)
        for family in text_string_to_metric_families(text)
        for s in family.samples
        if s.name == f"{name}_bucket"
    )
    if not buckets or buckets[-1][1] == 0:
        return None
    total = buckets[-1][1]
    return next(le for le, cumulative in buckets if cumulative >= q * total)


def run(bootstrap: str, count: int, work: Path) -> None:
    namespace = f"bench.{uuid.uuid4().hex[:8]}"
    topics = TopicNames(namespace)
    app_id = f"dipwatch-bench-{namespace[-8:]}"
    env = {
        "DIPWATCH_KAFKA_BOOTSTRAP": bootstrap,
        "DIPWATCH_TOPIC_NAMESPACE": namespace,
        "DIPWATCH_APP_ID": app_id,
        "DIPWATCH_DATA_DIR": str(work / "faust"),
        "DIPWATCH_LOG_LEVEL": "WARNING",
    }
    payloads = articles(count)
    with WorkerProcess(env, work / "worker.log") as worker:
        started = time.perf_counter()
        asyncio.run(publish(bootstrap, [(topics.articles, None, p) for p in payloads]))
        published = time.perf_counter()
        asyncio.run(
            wait_until_drained(
                bootstrap,
                app_id,
                [topics.articles, topics.visits, topics.assessments],
                timeout=1800,
                interval=0.25,
            )
        )
        drained = time.perf_counter()
        metrics = worker.scrape() or ""
    size = sum(len(p) for p in payloads) / len(payloads)
    print(f"articles            {count} (mean {size:.0f} bytes)")
    print(f"publish             {count / (published - started):,.0f} articles/s")
    print(
        f"end to end          {count / (drained - started):,.1f} articles/s "
        f"({drained - started:.1f} s, one worker, {Settings().topic_partitions} partitions)"
    )
    for name in ("dipwatch_extraction_duration_seconds", "dipwatch_ingest_to_alert_seconds"):
        p50, p99 = quantile(metrics, name, 0.5), quantile(metrics, name, 0.99)
        print(f"{name}  p50 <= {p50}s  p99 <= {p99}s (histogram bucket bounds)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="dipwatch-bench-") as tmp:
        work = Path(tmp)
        if "kafka_bootstrap" in settings.model_fields_set:
            run(settings.kafka_bootstrap, args.articles, work)
            return
        with LocalKafka(ensure_kafka_jars(ROOT / ".cache"), work / "kafka") as kafka:
            run(kafka.bootstrap, args.articles, work)


if __name__ == "__main__":
    main()
