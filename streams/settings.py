"""The one settings class. Every knob is an environment variable with the DIPWATCH_ prefix.

Faust reads its own (unprefixed) environment variables such as BROKER_URL and
overrides keyword arguments with them; the separate prefix keeps the two apart.
"""

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REFERENCE_DIR = Path(__file__).parent / "reference"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="DIPWATCH_", env_file=".env", extra="ignore", frozen=True
    )

    # --- Kafka -------------------------------------------------------------
    kafka_bootstrap: str = Field(
        default="localhost:9092",
        description="host:port[,host:port]. Left unset, `dipwatch demo` and the tests start "
        "their own local broker; set, everything uses that broker instead.",
    )
    topic_namespace: str = Field(
        default="dipwatch",
        pattern=r"^[a-z0-9]+(\.[a-z0-9]+)*$",
        description="Prefix of every topic name: <namespace>.articles, <namespace>.alerts, ...",
    )
    topic_partitions: int = Field(default=3, ge=1)
    topic_replication_factor: int = Field(default=1, ge=1)

    # --- Faust -------------------------------------------------------------
    app_id: str = "dipwatch"
    store: str = Field(
        default="memory://", description="Faust table store: memory:// or rocksdb://"
    )
    processing_guarantee: Literal["at_least_once", "exactly_once"] = "at_least_once"
    web_host: str = "127.0.0.1"
    web_port: int = Field(default=6066, ge=1, le=65535)
    data_dir: Path = Path("var/faust")
    cache_dir: Path = Field(
        default=Path(".cache"),
        description="Where `dipwatch demo` finds (or downloads) the Kafka broker jars; "
        "make and the tests use <repo>/.cache.",
    )

    # --- Reference data ----------------------------------------------------
    regimes_path: Path = REFERENCE_DIR / "regimes.yaml"
    leaders_dir: Path = REFERENCE_DIR / "leaders"

    # --- Rarity and alerts -------------------------------------------------
    merge_window_days: int = Field(
        default=3, ge=0, description="Reports of one visitor to one host this close are one visit."
    )
    severity_critical_score: float = Field(default=0.8, ge=0.0, le=1.0)
    severity_warning_score: float = Field(default=0.5, ge=0.0, le=1.0)
    official_max_severity: Literal["info", "warning", "critical"] = Field(
        default="info", description="Ceiling for foreign ministers and other officials."
    )
    alert_officials: bool = Field(
        default=True, description="Alert on foreign-minister visits (at official_max_severity)."
    )
    alert_source: str = "urn:dipwatch:worker"
    alert_schema_base: str = "https://github.com/dipwatch/dipwatch/blob/main/models/schemas"

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    # --- Derived names -----------------------------------------------------
    @property
    def topics(self) -> "TopicNames":
        return TopicNames(self.topic_namespace)

    @property
    def broker_url(self) -> str:
        return ";".join(f"kafka://{h.strip()}" for h in self.kafka_bootstrap.split(","))


class TopicNames:
    """Topic names derived from the namespace, so tests can run in isolated namespaces."""

    def __init__(self, namespace: str) -> None:
        self.articles = f"{namespace}.articles"
        self.articles_dlq = f"{namespace}.articles.dlq"
        self.visits = f"{namespace}.visits"
        self.visits_dlq = f"{namespace}.visits.dlq"
        self.assessments = f"{namespace}.assessments"
        self.assessments_dlq = f"{namespace}.assessments.dlq"
        self.alerts = f"{namespace}.alerts"

    @property
    def all(self) -> tuple[str, ...]:
        return (
            self.articles,
            self.articles_dlq,
            self.visits,
            self.visits_dlq,
            self.assessments,
            self.assessments_dlq,
            self.alerts,
        )
