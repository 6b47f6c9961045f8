"""`dipwatch`: publish articles, run the worker, read alerts, extract offline, evaluate, demo."""

import asyncio
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress

from models import AlertEvent, Article, Visit
from streams.records import RecordFileError, load_records
from streams.settings import Settings

log = logging.getLogger("dipwatch")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)

SEEDS = Path("seeds")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """dipwatch watches news for diplomatic visits to isolated regimes and alerts on rare ones.

    Configuration comes from DIPWATCH_* environment variables (see .env.example);
    DIPWATCH_KAFKA_BOOTSTRAP names the broker.
    """
    logging.basicConfig(
        level=Settings().log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("aiokafka").setLevel(logging.WARNING)  # chatty at INFO for CLI use


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def publish(paths: tuple[Path, ...]) -> None:
    """Publish article files (.json: one article, .jsonl: many) to the articles topic.

    Folders are read recursively. Visit records (the sourced baseline history in
    seeds/baseline) go to the visits topic. Every file is validated first: if one
    record is invalid, nothing is published and the file and field are named.
    """
    settings = Settings()
    records = _load_or_exit(paths)
    sent = asyncio.run(_publish(settings, records))
    err.print(f"published {sent} record(s) to {settings.kafka_bootstrap}")


async def _publish(settings: Settings, records: list) -> int:
    from streams.kafka_io import ensure_topics
    from streams.kafka_io import publish as send

    names = settings.topics
    await ensure_topics(
        settings.kafka_bootstrap,
        [names.articles, names.visits],
        settings.topic_partitions,
        settings.topic_replication_factor,
    )
    # Baseline history first, then articles in publication order: a replay then
    # reads like the news did.
    ordered = sorted(records, key=lambda r: (isinstance(r.record, Article), r.record.published_at))
    encoded = []
    for loaded in ordered:
        record = loaded.record
        if isinstance(record, Visit):
            encoded.append(
                (names.visits, record.host_country.encode(), record.model_dump_json().encode())
            )
        else:
            encoded.append((names.articles, record.id.encode(), record.model_dump_json().encode()))
    with Progress(console=err, disable=not err.is_terminal, transient=True) as progress:
        task = progress.add_task("publishing", total=len(encoded))
        return await send(settings.kafka_bootstrap, encoded, on_sent=lambda: progress.advance(task))


@main.command()
def worker() -> None:
    """Run the Faust worker: articles -> visits -> tables -> alerts.

    Serves Prometheus metrics on http://DIPWATCH_WEB_HOST:DIPWATCH_WEB_PORT/metrics.
    """
    from faust import Worker

    from streams.kafka_io import ensure_topics
    from streams.topology import create_app

    settings = Settings()
    # A consumer group formed before its topics exist would not see them until the next
    # metadata refresh (minutes), so create every topic, with Faust's partition count, first.
    asyncio.run(
        ensure_topics(
            settings.kafka_bootstrap,
            settings.topics.all,
            settings.topic_partitions,
            settings.topic_replication_factor,
        )
    )
    app = create_app(settings)
    Worker(app, loglevel=settings.log_level.lower()).execute_from_commandline()


@main.command()
@click.option("--follow", "-f", is_flag=True, help="Keep waiting for new alerts.")
@click.option("--json", "as_json", is_flag=True, help="One CloudEvent JSON object per line.")
@click.option(
    "--raw", is_flag=True, help="Every event as on the topic, corroboration updates included."
)
def alerts(follow: bool, as_json: bool, raw: bool) -> None:
    """Read the alerts topic from the beginning and print the alerts.

    By default each alert is printed once, with its latest corroboration
    (later corroborated.v1 events folded in); --follow prints events as they come.
    """
    settings = Settings()
    asyncio.run(
        _print_alerts(
            settings.kafka_bootstrap,
            settings.topics.alerts,
            follow=follow,
            as_json=as_json,
            raw=raw or follow,
        )
    )


async def _read_alerts(bootstrap: str, topic: str, follow: bool = False):
    from streams.kafka_io import read_topic

    async for _key, value in read_topic(bootstrap, topic, follow=follow):
        yield AlertEvent.model_validate_json(value)


async def _print_alerts(
    bootstrap: str, topic: str, *, follow: bool, as_json: bool, raw: bool
) -> int:
    from streams.alerting import fold_corroboration

    if raw:
        count = 0
        async for event in _read_alerts(bootstrap, topic, follow):
            _print_alert(event, as_json)
            count += 1
        return count
    events = [e async for e in _read_alerts(bootstrap, topic)]
    # Most severe first, then newest: the order a reader triages in.
    folded = sorted(
        fold_corroboration(events),
        key=lambda e: (-e.data.severity.rank, -e.data.event_date.toordinal(), e.id),
    )
    for event in folded:
        _print_alert(event, as_json)
    return len(folded)


def _print_alert(event: AlertEvent, as_json: bool) -> None:
    if as_json:
        out.print(event.model_dump_json(), markup=False)
        return
    d = event.data
    colour = {"critical": "bold red", "warning": "yellow", "info": "cyan"}[d.severity]
    kind = "" if event.type.endswith("rare.v1") else " (corroboration update)"
    out.print(
        f"[{colour}]{d.severity.upper():8}[/] {d.visitor_country} -> {d.host_country}  "
        f"{d.visitor_name} ({d.visitor_role}) on {d.event_date}  score {d.score:.2f}  "
        f"articles {d.corroboration.articles}, sources {d.corroboration.sources}{kind}"
    )
    for reason in d.reasons:
        out.print(f"           - {reason}", markup=False)


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    show_default=True,
    help="jsonl: one JSON object per visit (a stable contract).",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def extract(fmt: str, paths: tuple[Path, ...]) -> None:
    """Extract visits from article files offline (no Kafka).

    Article files are JSON with id, published_at, title, body and optional url and
    source; unknown keys are ignored. jsonl output has article_id, visitor_name,
    visitor_country, visitor_role, host_country, status, event_date, evidence.
    """
    from streams.extraction import default_extractor

    extractor = default_extractor()
    for loaded in _load_or_exit(paths, only=Article):
        for visit in extractor.extract_visits(loaded.record):
            if fmt == "jsonl":
                out.print(visit.model_dump_json(), markup=False)
            else:
                out.print(
                    f"{visit.article_id}: {visit.visitor_name} ({visit.visitor_country}, "
                    f"{visit.visitor_role}) -> {visit.host_country} {visit.status} "
                    f"{visit.event_date or '-'}",
                    markup=False,
                )


@main.command(name="eval")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def evaluate_cmd(as_json: bool, paths: tuple[Path, ...]) -> None:
    """Score extraction against labelled articles (files with "expected_visits").

    Prints precision, recall and F1 on (visitor_country, host_country, status),
    role accuracy, and every miss.
    """
    from streams.evaluation import evaluate
    from streams.extraction import default_extractor
    from streams.records import iter_files

    try:
        files = list(iter_files(paths))
    except RecordFileError as exc:
        raise click.ClickException(str(exc)) from exc
    report = evaluate(files, default_extractor())
    if as_json:
        out.print(json.dumps(report.as_dict(), default=str), markup=False)
    else:
        out.print(report.render(), markup=False)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One CloudEvent JSON object per alert.")
@click.option(
    "--seeds",
    type=click.Path(path_type=Path, exists=True),
    default=SEEDS,
    show_default=True,
    help="Folder with baseline/ and articles/ to replay.",
)
def demo(as_json: bool, seeds: Path) -> None:
    """Replay the seed articles through a real Kafka and a worker; print the alerts.

    Starts a local Apache Kafka (unless DIPWATCH_KAFKA_BOOTSTRAP is set) and a
    worker, publishes seeds/baseline and seeds/articles, waits until every
    message is processed, prints the alerts, then shuts everything down.
    """
    records = _load_or_exit([seeds / "baseline", seeds / "articles"])
    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="dipwatch-demo-") as tmp:
        work = Path(tmp)
        if "kafka_bootstrap" in settings.model_fields_set:
            # Someone else's broker: a fresh namespace keeps earlier runs out of the replay.
            _run_demo(settings, records, work, as_json, f"dipwatch.demo.{int(time.time())}")
            return
        from streams.localkafka import LocalKafka, LocalKafkaError, ensure_kafka_jars

        try:
            jars = ensure_kafka_jars(settings.cache_dir)
            err.print("starting a local Apache Kafka broker ...")
            with LocalKafka(jars, work / "kafka") as kafka:
                settings = settings.model_copy(update={"kafka_bootstrap": kafka.bootstrap})
                _run_demo(settings, records, work, as_json, settings.topic_namespace)
        except LocalKafkaError as exc:
            raise click.ClickException(str(exc)) from exc


def _run_demo(settings: Settings, records: list, work: Path, as_json: bool, namespace: str) -> None:
    from streams.kafka_io import wait_until_drained
    from streams.runner import WorkerProcess

    app_id = f"{settings.app_id}-demo-{int(time.time())}"
    settings = settings.model_copy(update={"topic_namespace": namespace, "app_id": app_id})
    names = settings.topics
    env = {
        "DIPWATCH_KAFKA_BOOTSTRAP": settings.kafka_bootstrap,
        "DIPWATCH_TOPIC_NAMESPACE": namespace,
        "DIPWATCH_APP_ID": app_id,
        "DIPWATCH_DATA_DIR": str(work / "faust"),
    }
    err.print(f"starting a worker (log: {work / 'worker.log'}) ...")
    with WorkerProcess(env, work / "worker.log") as worker:
        sent = asyncio.run(_publish(settings, records))
        err.print(f"replayed {sent} seed record(s); waiting for the worker to process them ...")
        asyncio.run(
            wait_until_drained(
                settings.kafka_bootstrap, app_id, [names.articles, names.visits, names.assessments]
            )
        )
        count = asyncio.run(
            _print_alerts(
                settings.kafka_bootstrap, names.alerts, follow=False, as_json=as_json, raw=False
            )
        )
        err.print(f"{count} alert(s); metrics were at {worker.metrics_url}")


def _load_or_exit(paths, only=None) -> list:
    try:
        return load_records(paths, only=only)
    except RecordFileError as exc:
        raise click.ClickException(str(exc)) from exc


if __name__ == "__main__":
    sys.exit(main())
