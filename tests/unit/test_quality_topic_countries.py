"""A country listed after a crisis or topic noun and في (الأزمة في السودان وجنوب السودان) is a topic, not a
party, the second one included; countries after a dual organisation and في (وزارتا الدفاع في موريتانيا
والسنغال) are the two parties, the first one included."""

from __future__ import annotations

import pytest

from tests.unit.detector_helpers import events, has_name, names, one


@pytest.mark.parametrize(
    ("body", "topic"),
    [
        ("التقى الأمين العام للأمم المتحدة وزير الخارجية الكيني لبحث الأزمة في السودان وجنوب السودان.", "جنوب السودان"),
        ("التقى وزير الخارجية المصري نظيره الأمريكي وبحثا الأوضاع في ليبيا والسودان.", "السودان"),
        ("اجتمع المبعوث الأممي مع وزير الخارجية القطري لبحث التطورات في سوريا ولبنان.", "لبنان"),
    ],
)
def test_a_country_in_a_topic_list_is_no_party(body: str, topic: str) -> None:
    assert not any(has_name(e, topic) for e in events(body)), [sorted(names(e)) for e in events(body)]


@pytest.mark.parametrize(
    ("body", "parties"),
    [
        ("وقعت وزارتا الدفاع في موريتانيا والسنغال اتفاقية للتدريب العسكري المشترك.", ["موريتانيا", "السنغال"]),
        ("وقعت وزارتا الدفاع في مالي والنيجر اتفاقية لتدريب القوات الخاصة.", ["مالي", "النيجر"]),
    ],
)
def test_countries_of_a_dual_ministry_are_parties(body: str, parties: list[str]) -> None:
    event = one(body, "training_agreement")
    assert all(has_name(event, p) for p in parties), sorted(names(event))
