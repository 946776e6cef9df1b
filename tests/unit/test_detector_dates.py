"""Event dates normalised against the article's date (spec/EVENTS.md, Time)."""

from __future__ import annotations

import datetime as dt

import pytest
from detector_helpers import one

from services.detector.dates import event_date, explicit_year
from shared.arabic import normalize

TUESDAY = dt.date(2025, 8, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("التقى الوزيران أمس في القاهرة", dt.date(2025, 8, 11)),
        ("وصل الوفد أول أمس إلى طرابلس", dt.date(2025, 8, 10)),
        ("التقى الرئيسان اليوم في الجزائر", TUESDAY),
        ("جاء ذلك خلال لقاء صباح اليوم الثلاثاء", TUESDAY),
        ('عقد الاجتماع اليوم "الإثنين" ببغداد', TUESDAY),
        ("اجتمع الطرفان يوم الأحد الماضي", dt.date(2025, 8, 10)),
        ("التقى الوزير نظيره الخميس", dt.date(2025, 8, 7)),
        ("في الاجتماع الذي عقد في 15 نوفمبر", dt.date(2024, 11, 15)),
        ("وصل في 3 آب إلى دمشق", dt.date(2025, 8, 3)),
        ("التقى الرئيسان في 29 كانون الثاني 2025", dt.date(2025, 1, 29)),
        ("وقع الجانبان الاتفاقية في 2 جويلية 2024", dt.date(2024, 7, 2)),
        ("وقع الجانبان الاتفاقية بتاريخ 12/03/2023", dt.date(2023, 3, 12)),
        ("بحث الجانبان سبل التعاون", None),
    ],
)
def test_event_date(text: str, expected: dt.date | None) -> None:
    assert event_date(normalize(text), TUESDAY) == expected


def test_planned_weekday_looks_ahead() -> None:
    text = normalize("سيلتقي الوزيران يوم الخميس المقبل")
    assert event_date(text, TUESDAY, looking_ahead=True) == dt.date(2025, 8, 14)


def test_relative_dates_need_the_article_date() -> None:
    assert event_date(normalize("التقى الوزيران أمس"), None) is None
    assert event_date(normalize("التقى الوزيران في 29 كانون الثاني 2025"), None) == dt.date(2025, 1, 29)


def test_year_of_a_time_phrase_not_of_since() -> None:
    assert explicit_year(normalize(" مصر في شهر أبريل/نيسان 2010 والتقى")) == 2010
    assert explicit_year(normalize(" هي الأولى منذ مبايعته في شهر حزيران/يونيو 2017")) is None


def test_date_reaches_the_event() -> None:
    event = one("التقى وزير الخارجية المصري سامح شكري أمس نظيره الأردني أيمن الصفدي.", "meeting", TUESDAY)
    assert event.date == dt.date(2025, 8, 11)
