"""Extraction throughput and the memory the reference data takes.

    .venv/bin/python bench/bench_extract.py [--seconds 5] [--corpus seeds/corpus]

Articles are built from the labelled corpus: each body is repeated until it is
about 3 KB, so every article has real sentences and real names. Throughput is
single-process; memory is measured twice for the loaded dictionaries
(tracemalloc peak during loading, and the process RSS delta).
"""

import argparse
import gc
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models import Article  # noqa: E402
from streams.extraction import Extractor  # noqa: E402
from streams.settings import REFERENCE_DIR  # noqa: E402

TARGET_BYTES = 3000


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()


def build_articles(corpus: Path) -> list[Article]:
    articles = []
    for path in sorted(corpus.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        body = data["body"]
        while len(body.encode()) < TARGET_BYTES:
            body += "\n" + data["body"]
        data["body"] = body[: max(TARGET_BYTES, len(data["body"]))]
        articles.append(Article.model_validate(data))
    if not articles:
        raise SystemExit(f"no articles in {corpus}")
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds" / "corpus")
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()

    articles = build_articles(args.corpus)
    gc.collect()
    rss_before = rss_bytes()
    tracemalloc.start()
    t0 = time.perf_counter()
    extractor = Extractor.load(REFERENCE_DIR / "leaders")
    load_seconds = time.perf_counter() - t0
    _, traced_peak = tracemalloc.get_traced_memory()
    traced_now = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    gc.collect()
    rss_after = rss_bytes()

    for a in articles[:5]:  # warm caches
        extractor.extract_visits(a)
    done = 0
    visits = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    while time.perf_counter() - t0 < args.seconds:
        for a in articles:
            visits += len(extractor.extract_visits(a))
        done += len(articles)
    elapsed = time.perf_counter() - t0
    # CPU time of this process: the per-core figure, less sensitive to other load on the box.
    cpu = time.process_time() - c0

    mean_bytes = sum(len(a.body.encode()) for a in articles) / len(articles)
    print(f"articles             {len(articles)} distinct, mean {mean_bytes:,.0f} bytes")
    print(
        f"reference data       {len(extractor.leaders.people)} people, "
        f"{len(extractor.gazetteer.names)} place names, loaded in {load_seconds:.2f} s"
    )
    print(
        f"throughput           {done / cpu:,.0f} articles per CPU-second "
        f"({done / elapsed:,.0f}/s wall; single process, {done} articles, "
        f"{visits / done:.2f} visits/article)"
    )
    print(
        f"memory (tracemalloc) {traced_now / 2**20:.1f} MiB retained, "
        f"{traced_peak / 2**20:.1f} MiB peak while loading"
    )
    print(f"memory (RSS delta)   {(rss_after - rss_before) / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
