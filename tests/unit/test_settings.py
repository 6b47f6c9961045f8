"""One settings class; .env.example documents every field it has."""

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from streams.settings import Settings

EXAMPLE = Path(__file__).resolve().parents[2] / ".env.example"


def test_env_example_names_every_setting_and_nothing_else():
    documented = set(re.findall(r"DIPWATCH_([A-Z_]+)=", EXAMPLE.read_text()))
    assert documented == {name.upper() for name in Settings.model_fields}


def test_env_prefix_and_topic_names(monkeypatch):
    monkeypatch.setenv("DIPWATCH_TOPIC_NAMESPACE", "team.a")
    monkeypatch.setenv("DIPWATCH_KAFKA_BOOTSTRAP", "k1:9092,k2:9092")
    settings = Settings()
    assert settings.topics.alerts == "team.a.alerts"
    assert settings.topics.articles_dlq == "team.a.articles.dlq"
    assert settings.broker_url == "kafka://k1:9092;kafka://k2:9092"
    assert "kafka_bootstrap" in settings.model_fields_set


@pytest.mark.parametrize(
    ("name", "value"),
    [("TOPIC_NAMESPACE", "Bad_Name"), ("PROCESSING_GUARANTEE", "maybe"), ("WEB_PORT", "0")],
)
def test_bad_settings_are_rejected(monkeypatch, name, value):
    monkeypatch.setenv(f"DIPWATCH_{name}", value)
    with pytest.raises(ValidationError):
        Settings()
