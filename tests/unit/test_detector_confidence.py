"""Confidence is a probability-like score: in [0, 1], higher for better-supported events."""

from __future__ import annotations

from detector_helpers import events, one


def test_confidence_is_a_probability() -> None:
    body = (
        "التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان. وبحث اللقاء العلاقات "
        "الثنائية. وتدرب الجيش الأردني مع قوات أمريكية."
    )
    for event in events(body):
        assert 0.0 <= event.confidence <= 1.0


def test_well_supported_events_score_higher() -> None:
    strong = one(
        "التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان. وتناول اللقاء العلاقات الثنائية.",
        "meeting",
    )
    weak = one("وتشمل المناورات تدريبات مشتركة للقوات الأردنية.", "training_agreement")
    assert strong.confidence >= 0.8 > weak.confidence
