"""Decoding at the topic boundary, and the dead-letter record of what failed.

A message that cannot become a model goes to `<topic>.dlq` with its original
bytes as value and the reason in headers; the agent then moves on.
"""

from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class DecodeFailure(Exception):
    reason: str  # one of streams.metrics.DEAD_LETTER_REASONS
    error_class: str
    detail: str

    def __str__(self) -> str:
        return f"{self.reason}: {self.error_class}: {self.detail}"


def decode(model: type[M], raw: bytes | None) -> M:
    """bytes -> model, or DecodeFailure saying whether the bytes or the content were bad."""
    if raw is None:
        raise DecodeFailure("decode_error", "EmptyMessage", "message has no value")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeFailure("decode_error", type(exc).__name__, str(exc)) from exc
    try:
        return model.model_validate_json(text)
    except ValidationError as exc:
        # pydantic reports malformed JSON as a validation error of type json_invalid.
        kinds = {e["type"] for e in exc.errors()}
        reason = "decode_error" if "json_invalid" in kinds else "validation_error"
        detail = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '<root>'}: {e['msg']}" for e in exc.errors()
        )
        raise DecodeFailure(reason, "ValidationError", detail) from exc


def dead_letter_headers(
    topic: str, partition: int, offset: int, reason: str, error_class: str, detail: str
) -> list[tuple[str, bytes]]:
    return [
        ("dlq.original.topic", topic.encode()),
        ("dlq.original.partition", str(partition).encode()),
        ("dlq.original.offset", str(offset).encode()),
        ("dlq.reason", reason.encode()),
        ("dlq.error.class", error_class.encode()),
        ("dlq.error.message", detail[:2000].encode()),
    ]
