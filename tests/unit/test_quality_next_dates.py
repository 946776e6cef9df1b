"""Plans dated "في 12 مارس المقبل" (the next March) fall after the article's date, in the next year when
that month has passed; tours and invitations with such dates are planned. A month or week without a
day ("مطلع الشهر المقبل"، "الأسبوع المقبل") gives no date (the spec's date is a day), still planned."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.detector_helpers import events


@pytest.mark.parametrize(
    ("body", "date"),
    [
        ("يبدأ وزير الخارجية المصري سامح شكري في 12 مارس المقبل جولة أفريقية تشمل كينيا وأوغندا.", "2026-03-12"),
        (
            "وجه الرئيس الكيني وليام روتو دعوة إلى الرئيس المصري عبد الفتاح السيسي لزيارة نيروبي في 3 فبراير القادم.",
            "2026-02-03",
        ),
        ("يزور رئيس الوزراء الإثيوبي آبي أحمد الخرطوم يوم 20 يناير المقبل في زيارة رسمية.", "2026-01-20"),
        ("يزور رئيس الوزراء الإثيوبي آبي أحمد الخرطوم يوم 20 سبتمبر المقبل في زيارة رسمية.", "2025-09-20"),
    ],
)
def test_a_day_of_the_next_month_named_is_ahead(body: str, date: str) -> None:
    visits = [e for e in events(body) if e.type.value == "visit"]
    assert visits and all(e.status.value == "planned" and e.date == dt.date.fromisoformat(date) for e in visits)


@pytest.mark.parametrize(
    "body",
    [
        "وجه الرئيس الكيني وليام روتو دعوة إلى الرئيس المصري عبد الفتاح السيسي لزيارة نيروبي مطلع الشهر المقبل.",
        "يقوم الرئيس التركي رجب طيب أردوغان الأسبوع المقبل بجولة خليجية تشمل الدوحة والرياض.",
    ],
)
def test_a_month_or_week_ahead_is_planned_without_a_day(body: str) -> None:
    visits = [e for e in events(body) if e.type.value == "visit"]
    assert visits and all(e.status.value == "planned" and e.date is None for e in visits)


def test_a_past_day_without_next_stays_in_the_articles_year() -> None:
    found = events("التقى وزير الخارجية المصري سامح شكري نظيره السوداني علي الصادق في 12 مارس الماضي.")
    assert [e.date for e in found if e.type.value == "meeting"] == [dt.date(2025, 3, 12)]
