"""The README's main job, `dipwatch demo --json`, run as a user would run it."""

import json
import subprocess
import sys

from models import AlertEvent
from tests.integration.pipeline import REPO_ROOT


def test_demo_prints_the_rare_visits_as_cloudevents_and_exits_cleanly():
    result = subprocess.run(
        [sys.executable, "-m", "streams.cli", "demo", "--json"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    alerts = [AlertEvent.model_validate(json.loads(line)) for line in result.stdout.splitlines()]
    by_route = {(a.data.visitor_country, a.data.host_country): a for a in alerts}
    assert set(by_route) == {("BLR", "MMR"), ("KHM", "MMR"), ("IND", "RUS")}
    lukashenko = by_route[("BLR", "MMR")]
    assert alerts[0] is lukashenko  # most severe and newest first
    assert lukashenko.data.severity == "critical"
    assert lukashenko.data.previous_visit.visitor_name == "Hun Sen"
    assert lukashenko.data.corroboration.articles == 3
    assert ("FRA", "DEU") not in by_route
