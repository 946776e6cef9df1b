"""The whole pipeline as a user runs it: `hadath up` over the dev articles, then the sink holds exactly
the events `hadath extract` gives for the same file, none twice, every field there."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from shared.broker import free_port
from shared.schemas import Article, Event
from tests.conftest import DEV_ARTICLES, free_web_port_base

pytestmark = pytest.mark.e2e
HADATH = [sys.executable, "-m", "services.cli"]


def hadath(*args: str, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*HADATH, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False)


@pytest.fixture
def own_broker_env(tmp_path: Path) -> dict[str, str]:
    """`hadath up` starts its own embedded broker (no bootstrap servers), on ports nobody else uses."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HADATH_")}
    env.update({
        "HADATH_KAFKA__EMBEDDED_PORT": str(free_port()),
        "HADATH_SERVICE__DATA_DIR": str(tmp_path / "faust"),
        "HADATH_SERVICE__WEB_PORT": str(free_web_port_base()),
        "PYTHONUNBUFFERED": "1",
    })
    return env


def test_up_stores_exactly_the_events_extract_gives(own_broker_env: dict[str, str], tmp_path: Path) -> None:
    articles = {
        article.id: article
        for article in (Article.model_validate_json(line) for line in DEV_ARTICLES.read_text().splitlines())
    }
    extracted = hadath("extract", str(DEV_ARTICLES), env=own_broker_env)
    assert extracted.returncode == 0, extracted.stderr
    expected = [Event.model_validate_json(line) for line in extracted.stdout.splitlines()]
    assert expected, "the dev articles yield events"

    db = tmp_path / "events.db"
    up = hadath(
        "up", "--publish", str(DEV_ARTICLES), "--exit-when-idle", "15", "--db", str(db),
        "--log-dir", str(tmp_path / "logs"), env=own_broker_env, timeout=400,
    )
    logs = "\n".join(p.read_text(errors="replace")[-3000:] for p in (tmp_path / "logs").glob("*.log"))
    assert up.returncode == 0, f"{up.stdout}\n{up.stderr}\n{logs}"
    assert f"published {len(articles)} article(s)" in up.stderr
    assert "0 dead letter(s)" in up.stderr

    stored_out = hadath("events", "--db", str(db), "--json", env=own_broker_env)
    assert stored_out.returncode == 0, stored_out.stderr
    stored = [Event.model_validate_json(line) for line in stored_out.stdout.splitlines()]
    stored_ids = [event.event_id for event in stored]
    assert len(stored_ids) == len(set(stored_ids)), "an event stored twice"
    assert sorted(stored_ids) == sorted(event.event_id for event in expected)

    # Same content as the offline extraction (only the extraction time differs).
    by_id = {event.event_id: event for event in expected}
    for event in stored:
        assert event.model_dump(exclude={"extracted_at"}) == by_id[event.event_id].model_dump(exclude={"extracted_at"})

    # Every field of events.v1 is present, and the offsets point into the article body.
    for line in stored_out.stdout.splitlines():
        assert set(json.loads(line)) == set(Event.model_fields)
    for event in stored:
        body = articles[event.article_id].body
        assert event.participants or event.place, event.event_id
        assert event.trigger and event.triggers and event.evidence and event.producer_version
        for span in [*event.triggers, *event.evidence]:
            assert body[span.start:span.end] == span.text

    # `hadath up` printed each event as it arrived.
    printed = set(re.findall(r"evt_[0-9a-f]{24}", up.stdout))
    assert printed == set(stored_ids)
