"""Consume dipwatch alerts as another service would.

    python examples/consume_alerts.py --bootstrap localhost:9092 [--topic dipwatch.alerts]

Alerts are CloudEvents 1.0 in structured JSON mode, keyed by host ISO3. The
worker delivers at least once, so keep the ids you have handled: the same
visit always carries the same id. `rare.v1` arrives once per visit;
`corroborated.v1` updates its corroboration (upsert by data.visit_id).
"""

import argparse
import asyncio
import json

from aiokafka import AIOKafkaConsumer


async def consume(bootstrap: str, topic: str, group: str, limit: int | None) -> None:
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, group_id=group, auto_offset_reset="earliest"
    )
    await consumer.start()
    seen: set[str] = set()  # use a durable store in production
    alerts: dict[str, dict] = {}
    try:
        async for message in consumer:
            event = json.loads(message.value)
            if event["id"] in seen:
                continue  # a redelivery: already handled
            seen.add(event["id"])
            data = event["data"]
            if event["type"] == "org.dipwatch.visit.rare.v1":
                alerts[data["visit_id"]] = data
                who = f"{data['visitor_name']} ({data['visitor_country']})"
                print(
                    f"{data['severity'].upper()}: {who} in {data['host_country']} "
                    f"on {data['event_date']}; " + "; ".join(data["reasons"])
                )
            elif event["type"] == "org.dipwatch.visit.corroborated.v1":
                known = alerts.setdefault(data["visit_id"], data)
                known["corroboration"] = data["corroboration"]
                print(f"  {data['visit_id']}: now {data['corroboration']['articles']} articles")
            if limit is not None and len(seen) >= limit:
                break
    finally:
        await consumer.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", default="localhost:9092")
    parser.add_argument("--topic", default="dipwatch.alerts")
    parser.add_argument("--group", default="alert-consumer-example")
    parser.add_argument("--limit", type=int, help="stop after this many events")
    args = parser.parse_args()
    asyncio.run(consume(args.bootstrap, args.topic, args.group, args.limit))


if __name__ == "__main__":
    main()
