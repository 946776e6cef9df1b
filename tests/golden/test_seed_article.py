"""The seed article (An-Nahar on AFRICOM in eastern Libya) yields exactly the five events of spec/EVENTS.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.detector.logic import detect
from services.segmenter.logic import segment
from shared.arabic import normalize
from shared.schemas import Article, DetectedEvent, DetectedEvents

DEV = Path(__file__).resolve().parents[1] / "data" / "dev_articles.jsonl"


@pytest.fixture(scope="module")
def seed() -> DetectedEvents:
    for line in DEV.read_text(encoding="utf-8").splitlines():
        article = Article.model_validate_json(line)
        if article.id == "annahar-libya-africom":
            return detect(segment(article))
    raise AssertionError("seed article missing from the dev set")


def _has(event: DetectedEvent, name: str, roles: set[str] | None = None) -> bool:
    wanted = normalize(name)
    return any(
        (wanted in normalize(p.name) or normalize(p.name) in wanted) and (roles is None or p.role.value in roles)
        for p in event.participants
    )


def _pick(
    events: list[DetectedEvent], kind: str, status: str, names: list[str], trigger: str | None = None
) -> DetectedEvent:
    for event in events:
        if (
            event.type.value == kind
            and event.status.value == status
            and all(_has(event, n) for n in names)
            and (trigger is None or any(t.text == trigger for t in event.triggers))
        ):
            events.remove(event)
            return event
    raise AssertionError(f"no {status} {kind} with {names} among {[(e.type.value, e.status.value) for e in events]}")


def test_exactly_five_events(seed: DetectedEvents) -> None:
    summary = [(e.type.value, e.status.value, [p.name for p in e.participants]) for e in seed.events]
    assert len(seed.events) == 5, summary


def test_each_event_of_the_spec(seed: DetectedEvents) -> None:
    events = list(seed.events)
    talks = _pick(events, "meeting", "occurred", ["جون برينان", "خليفة حفتر", "صدام"])
    assert {t.text for t in talks.triggers} >= {"محادثات", "لقاء"}
    sirte = _pick(events, "visit", "occurred", ["جون برينان"], trigger="زيارته")
    assert _has(sirte, "جون برينان", {"visitor"})
    tour = _pick(events, "visit", "occurred", ["جون برينان"])
    assert _has(tour, "جون برينان", {"visitor"})
    training = _pick(events, "training_agreement", "proposed", ["قوات أميركية", "قوات الشرق"])
    assert _has(training, "قوات أميركية", {"trainer"})
    assert training.plover_category == "AGREE"
    summit = _pick(events, "meeting", "planned", ["دونالد ترامب", "فلاديمير بوتين"])
    assert summit.cameo_code == "036"
    assert events == []


def test_title_and_affiliation_kept_apart(seed: DetectedEvents) -> None:
    brennan = next(p for e in seed.events for p in e.participants if p.name == "جون برينان")
    assert "نائب قائد القيادة العسكرية الأميركية" in (brennan.title or "")
    assert brennan.affiliation == "الولايات المتحدة"


def test_evidence_points_into_the_body(seed: DetectedEvents) -> None:
    body = seed.article.body
    for event in seed.events:
        assert event.triggers and event.evidence
        for span in [*event.triggers, *event.evidence]:
            assert body[span.start : span.end] == span.text
        for trigger in event.triggers:
            assert any(s.start <= trigger.start and trigger.end <= s.end for s in event.evidence)


def test_no_event_from_analysts_or_the_embargo(seed: DetectedEvents) -> None:
    names = json.dumps([p.name for e in seed.events for p in e.participants], ensure_ascii=False)
    assert "بويصير" not in names and "الفيتوري" not in names
