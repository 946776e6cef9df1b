"""`hadath publish` counts only what the broker acknowledged and reports the rest (nothing silently dropped)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from services.cli import app
from services.publishing import publish_path
from shared.broker import EmbeddedBroker
from shared.kafka import create_topics
from shared.settings import Topics, get_settings
from tests.factories import sample_article

pytestmark = pytest.mark.integration


def test_a_message_the_producer_refuses_is_reported_not_counted(
    kafka_broker: EmbeddedBroker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HADATH_KAFKA__MAX_MESSAGE_BYTES", "1000000")  # the producer refuses requests above 1 MB
    get_settings.cache_clear()
    try:
        settings = get_settings()
        assert settings.kafka.max_message_bytes == 1_000_000
        topics = Topics(articles_raw="acks.raw", articles_segmented="acks.seg", events_detected="acks.det",
                        events="acks.ev")
        create_topics(settings.kafka, topics)
        articles = tmp_path / "articles.jsonl"
        big = sample_article("too-big", "ب" * 600_000)  # 1.2 MB of UTF-8: above the producer's 1 MB request limit
        articles.write_text("".join(a.model_dump_json() + "\n" for a in [sample_article("ok-1"), big,
                                                                          sample_article("ok-2")]), encoding="utf-8")
        report = publish_path(settings, articles, "acks.raw")
        assert report.published == 2
        assert [origin.rsplit(":", 1)[1] for origin, _ in report.failed] == ["2"]
        assert "MessageSizeTooLarge" in report.failed[0][1]

        result = CliRunner().invoke(app, ["publish", str(articles), "--topic", "acks.raw"])
        assert result.exit_code == 1
        assert "not published" in result.stderr and "published 2 message(s)" in result.stderr
    finally:
        monkeypatch.delenv("HADATH_KAFKA__MAX_MESSAGE_BYTES")
        get_settings.cache_clear()
