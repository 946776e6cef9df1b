"""A meeting held "on the sidelines" of a summit (وعلى هامش القمة التقى …) is held where the summit is,
when the sentence before places the summit and the meeting's own sentence names no place."""

from __future__ import annotations

import datetime as dt

import pytest

from services.pipeline import extract
from shared.schemas import Article


def _meeting_places(body: str, party: str) -> list[str | None]:
    found = extract(Article(id="unit", body=body, published_at=dt.date(2025, 8, 12)))
    return [
        e.place.name if e.place else None
        for e in found
        if e.type.value == "meeting" and any(p.name == party for p in e.participants)
    ]


@pytest.mark.parametrize(
    ("body", "party", "city"),
    [
        (
            "انطلقت أمس في الدوحة أعمال القمة الخليجية. وعلى هامش القمة التقى أمير قطر تميم بن حمد الرئيس التركي"
            " رجب طيب أردوغان.",
            "تميم بن حمد",
            "الدوحة",
        ),
        (
            "اختتمت في أديس أبابا أعمال قمة الاتحاد الأفريقي. وعلى هامش أعمال القمة، استقبل الرئيس الكيني وليام روتو"
            " رئيس الوزراء الإثيوبي آبي أحمد.",
            "آبي أحمد",
            "أديس أبابا",
        ),
        (
            "افتتح في نواكشوط مؤتمر دولي حول الأمن في منطقة الساحل. والتقى الرئيس الموريتاني محمد ولد الغزواني على"
            " هامش المؤتمر رئيس النيجر محمد بازوم.",
            "محمد بازوم",
            "نواكشوط",
        ),
    ],
)
def test_a_meeting_on_the_sidelines_is_held_in_the_summits_city(body: str, party: str, city: str) -> None:
    assert _meeting_places(body, party) == [city]


def test_a_place_in_the_previous_sentence_without_a_summit_is_not_taken() -> None:
    body = (
        "زار الرئيس التركي رجب طيب أردوغان أنقرة الأسبوع الماضي. والتقى الرئيس السوداني عمر البشير نظيره التشادي"
        " إدريس ديبي."
    )
    article = Article(id="unit", body=body, published_at=dt.date(2025, 8, 12))
    found = [e for e in extract(article) if e.type.value == "meeting"]
    assert found and all(e.place is None for e in found)
