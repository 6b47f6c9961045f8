"""The CLI's offline behaviour: the extract contract, validation before publishing, help."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from streams.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CONTRACT = {
    "article_id",
    "visitor_name",
    "visitor_country",
    "visitor_role",
    "host_country",
    "status",
    "event_date",
    "evidence",
}


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args, **env: runner.invoke(main, list(args), env=env or None)


def test_extract_jsonl_contract_on_the_lukashenko_seed(run):
    result = run(
        "extract", "--format", "jsonl", str(SEEDS / "articles" / "lukashenko-myanmar-asiawire.json")
    )
    assert result.exit_code == 0, result.output
    visits = [json.loads(line) for line in result.output.splitlines()]
    assert all(CONTRACT <= v.keys() for v in visits)
    occurring = [
        (v["visitor_country"], v["host_country"], v["visitor_role"])
        for v in visits
        if v["status"] == "occurring"
    ]
    assert occurring == [("BLR", "MMR", "head_of_state")]
    assert ("KHM", "MMR", "past") in {
        (v["visitor_country"], v["host_country"], v["status"]) for v in visits
    }


def test_publish_validates_everything_first_and_names_file_and_field(run, tmp_path):
    good = json.loads((SEEDS / "articles" / "macron-berlin.json").read_text())
    (tmp_path / "a-good.json").write_text(json.dumps(good))
    (tmp_path / "b-bad.json").write_text(json.dumps({**good, "published_at": "2024-05-26"}))
    # An unreachable broker: had anything been sent first, the error would be a connection one.
    result = run("publish", str(tmp_path), DIPWATCH_KAFKA_BOOTSTRAP="127.0.0.1:9")
    assert result.exit_code != 0
    assert "b-bad.json" in result.output and "published_at" in result.output
    assert "published" not in result.output.replace("published_at", "")


def test_missing_path_is_a_clear_error(run, tmp_path):
    result = run("extract", str(tmp_path / "nope.json"))
    assert result.exit_code != 0 and "no such file" in result.output


@pytest.mark.parametrize("command", ["publish", "worker", "alerts", "extract", "eval", "demo"])
def test_every_command_explains_itself(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert len(result.output.split("\n\n")[1].strip()) > 20  # a sentence, not just usage
