"""Extraction throughput on one core, per-article latency, and the reference data's memory.

    .venv/bin/python bench/bench_extract.py [--seconds 5] [--visit-share 0.1] [--corpus DIR]

Two workloads, because they cost very different amounts:

  visit-heavy   every labelled corpus article, its body repeated until it is
                about 3 KB: nearly every sentence names a leader and a trip.
  realistic     what a news feed mostly is: 3 KB articles about the economy,
                sport, courts, weather and domestic politics (written below,
                with the names, places, dates and words like "met", "returned"
                or "talks" that such copy has), with `--visit-share` of the
                articles taken from the visit-heavy set.

Throughput is articles per CPU-second of this process (`time.process_time`),
so it is the one-core figure whatever else runs on the machine; latency is the
CPU time of each `extract_visits` call. Memory: tracemalloc while the
dictionaries load (retained and peak), the RSS they add, and the process's
peak RSS at the end.
"""

import argparse
import gc
import json
import resource
import sys
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models import Article  # noqa: E402
from streams.extraction import Extractor  # noqa: E402
from streams.settings import REFERENCE_DIR  # noqa: E402

TARGET_BYTES = 3000

# Paragraphs of ordinary news copy that report no visit. They are not easy on
# purpose: they name people, cities and countries, and use the travel and
# meeting words a visit sentence uses ("met", "returned", "talks", "arrived").
NEUTRAL_PARAGRAPHS = [
    "FRANKFURT, March 4 (Reuters) - Euro zone inflation eased for a third month in February, "
    "official data showed on Tuesday, strengthening the case for the European Central Bank to "
    "cut interest rates again when policymakers meet next week. Consumer prices rose 2.4% from "
    "a year earlier, down from 2.5% in January. Economists polled by Reuters had expected 2.3%.",
    "Core inflation, which strips out volatile food and energy prices, slowed to 2.6%, its "
    "lowest level in three years. ECB President Christine Lagarde said last month that the "
    "bank was not on a pre-set path. Markets now price in three more cuts this year, with "
    "traders in London and New York betting on a move in April.",
    "In Tokyo, the Nikkei share average returned to gains on Wednesday as exporters rallied "
    "after the yen weakened against the dollar. Toyota Motor rose 2.1% and Sony Group gained "
    "1.8%. Shares of SoftBank Group fell after the company said its Vision Fund posted a loss "
    "for the quarter, the first in a year.",
    "Union leaders and the management of the country's largest carmaker held talks late into "
    "the night on Thursday but failed to reach a deal on wages, a spokesman for the union said. "
    "Workers at plants in Wolfsburg and Emden walked out for two hours on Monday. The next "
    "round of negotiations is scheduled for March 18.",
    "Manchester City came from behind to beat Liverpool 2-1 at the Etihad Stadium on Sunday, "
    "moving three points clear at the top of the Premier League. Erling Haaland scored the "
    "winner in the 84th minute after Mohamed Salah had given the visitors an early lead. "
    "Liverpool manager Arne Slot said his side had deserved at least a draw.",
    "Heavy rain is expected to continue across southern Brazil this week, meteorologists said, "
    "after floods forced more than 20,000 people from their homes in Rio Grande do Sul. The "
    "governor, Eduardo Leite, said on Saturday that the state would need billions of reais to "
    "rebuild roads and bridges. Rescue teams arrived in Porto Alegre from Sao Paulo and Parana.",
    "A federal judge in Washington on Friday blocked the administration from cutting funding "
    "for several universities while a lawsuit goes forward. Judge Amir Ali wrote that the "
    "plaintiffs were likely to succeed. The Justice Department said it would appeal. The "
    "ruling came a week after a similar decision by a court in Boston.",
    "Lawmakers in Berlin approved the budget for next year on Thursday after weeks of wrangling "
    "within the governing coalition. Finance Minister Joerg Kukies said the plan would keep "
    "borrowing within the limits set by the constitution. The opposition Christian Democrats "
    "voted against it, and party leader Friedrich Merz called it a missed opportunity.",
    "Shares in Nvidia fell 3% in early trading on Wall Street after the chipmaker said supply "
    "constraints would weigh on its margins. Chief executive Jensen Huang told analysts that "
    "demand remained strong and that the company had met its targets for the quarter. The "
    "stock has more than doubled over the past year.",
    "The mayor of Paris, Anne Hidalgo, said on Monday that the city would extend its network of "
    "cycle lanes by another 100 kilometres before 2026. She met residents' groups in the 15th "
    "arrondissement, where plans to close a busy road to cars have drawn protests. City hall "
    "will publish the final route in June.",
    "India's monsoon rains were 7% above average in July, the weather office said, helping the "
    "planting of rice, cotton and soybeans. Farmers in Punjab and Haryana have sown more land "
    "than last year. Food inflation, which has kept the Reserve Bank of India from cutting "
    "rates, is expected to ease in the coming months, officials in New Delhi said.",
    "Police in Sydney arrested two men on Tuesday over a string of burglaries in the city's "
    "eastern suburbs, New South Wales Police said in a statement. Detectives seized jewellery, "
    "cash and three vehicles. The men, aged 24 and 31, are due to appear in court on Wednesday. "
    "The investigation is continuing.",
]


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()


def visit_heavy_articles(corpus: Path) -> list[Article]:
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


def neutral_articles(count: int = 48) -> list[Article]:
    """Distinct ~3 KB articles: the paragraphs above in rotating orders."""
    published = datetime(2025, 3, 5, 9, 0, tzinfo=UTC)
    n = len(NEUTRAL_PARAGRAPHS)
    articles = []
    for i in range(count):
        paragraphs = []
        k = 0
        while len("\n".join(paragraphs).encode()) < TARGET_BYTES:
            paragraphs.append(NEUTRAL_PARAGRAPHS[(i + k * (1 + i % 5)) % n])
            k += 1
        articles.append(
            Article(
                id=f"neutral-{i}",
                published_at=published + timedelta(hours=i),
                source="bench",
                body="\n".join(paragraphs)[:TARGET_BYTES],
            )
        )
    return articles


def realistic_mix(
    visit_heavy: list[Article], neutral: list[Article], share: float
) -> list[Article]:
    """Every visit article once, each followed by neutral ones, so that `share` are visits."""
    every = max(1, round(1 / share))
    mixed = []
    for i in range(len(visit_heavy) * every):
        mixed.append(visit_heavy[i // every] if i % every == 0 else neutral[i % len(neutral)])
    return mixed


def run(extractor: Extractor, articles: list[Article], seconds: float) -> dict[str, float]:
    """Extract from the articles round after round for `seconds` of CPU time."""
    for a in articles[:5]:  # warm caches
        extractor.extract_visits(a)
    latencies: list[int] = []
    visits = 0
    clock = time.process_time_ns
    budget = int(seconds * 1e9)
    spent = 0
    wall0 = time.perf_counter()
    while spent < budget:
        for a in articles:
            t0 = clock()
            visits += len(extractor.extract_visits(a))
            dt = clock() - t0
            latencies.append(dt)
            spent += dt
    wall = time.perf_counter() - wall0
    latencies.sort()
    n = len(latencies)
    return {
        "articles": n,
        "per_cpu_second": n / (spent / 1e9),
        "per_wall_second": n / wall,
        "p50_ms": latencies[n // 2] / 1e6,
        "p99_ms": latencies[min(n - 1, int(n * 0.99))] / 1e6,
        "max_ms": latencies[-1] / 1e6,
        "visits_per_article": visits / n,
        "mean_bytes": sum(len(a.body.encode()) for a in articles) / len(articles),
    }


def report(name: str, r: dict[str, float]) -> None:
    print(
        f"{name:<13}{r['per_cpu_second']:>8,.0f} articles per CPU-second "
        f"({r['per_wall_second']:,.0f}/s wall)   latency p50 {r['p50_ms']:.2f} ms, "
        f"p99 {r['p99_ms']:.2f} ms, max {r['max_ms']:.2f} ms   "
        f"{r['visits_per_article']:.2f} visits/article, mean {r['mean_bytes']:,.0f} bytes, "
        f"{r['articles']:,} articles"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds" / "corpus")
    parser.add_argument("--seconds", type=float, default=5.0, help="CPU seconds per workload")
    parser.add_argument(
        "--visit-share", type=float, default=0.1, help="share of visit articles in the mix"
    )
    args = parser.parse_args()

    heavy = visit_heavy_articles(args.corpus)
    neutral = neutral_articles()
    gc.collect()
    rss_before = rss_bytes()
    tracemalloc.start()
    t0 = time.perf_counter()
    extractor = Extractor.load(REFERENCE_DIR / "leaders")
    load_seconds = time.perf_counter() - t0
    traced_now, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gc.collect()
    rss_after = rss_bytes()

    print(
        f"reference data {len(extractor.leaders.people)} people, "
        f"{len(extractor.gazetteer.names)} place names, loaded in {load_seconds:.2f} s"
    )
    workloads: list[tuple[str, list[Article]]] = [
        ("visit-heavy", heavy),
        (f"realistic {args.visit_share:.0%}", realistic_mix(heavy, neutral, args.visit_share)),
        ("neutral only", neutral),
    ]
    for name, articles in workloads:
        report(name, run(extractor, articles, args.seconds))
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(
        f"memory       dictionaries {traced_now / 2**20:.1f} MiB retained "
        f"({traced_peak / 2**20:.1f} MiB peak while loading, tracemalloc), "
        f"+{(rss_after - rss_before) / 2**20:.1f} MiB RSS; process peak RSS "
        f"{peak_rss / 2**20:.1f} MiB"
    )


if __name__ == "__main__":
    main()
