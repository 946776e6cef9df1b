"""Common nouns and titles that are also town names need a place cue; training grounds introduce places.

Invented sentences: "بالسفيرة البريطانية" is an ambassador, not the Syrian town As Safirah; "في ميادين الزرقاء"
and "في الميادين العسكرية" are training grounds (Al Mayadin only after مدينة); the grounds' towns are the place.
"""

from __future__ import annotations

import datetime as dt

from services.pipeline import extract
from shared.schemas import Article, Place


def place(body: str, kind: str) -> Place | None:
    article = Article(id="unit", body=body, published_at=dt.datetime(2025, 8, 12, tzinfo=dt.UTC))
    found = [e for e in extract(article) if e.type.value == kind]
    assert found, body
    return found[0].place


def test_feminine_ambassador_is_no_town() -> None:
    for body in (
        "والتقى وزير الخارجية السوري أسعد الشيباني بالسفيرة البريطانية آن سنو.",
        "واجتمع وزير الدفاع العراقي ثابت العباسي بالسفيرة الأمريكية ألينا رومانوسكي في مكتبه.",
        "واجتمع وزير الدفاع العراقي ثابت العباسي مع سفيرة فرنسا لدى بغداد.",
    ):
        found = place(body, "meeting")
        assert found is None or found.country_code != "SY" or found.name_en == "Damascus", body


def test_training_grounds_are_no_syrian_town() -> None:
    for body in (
        "انطلقت أمس تدريبات عسكرية مشتركة بين القوات المسلحة الأردنية والجيش الأميركي في ميادين الزرقاء والعقبة.",
        "وتنفذ القوات الأردنية والقوات الأمريكية التمرين المشترك في الميادين العسكرية بمنطقة الزرقاء.",
        "وتجري التدريبات العسكرية المشتركة بين الجيش الأردني والقوات الأمريكية في ميادين التدريب بالزرقاء.",
    ):
        found = place(body, "training_agreement")
        assert found is not None and found.country_code == "JO", body


def test_the_syrian_town_after_a_toponym_noun_stays() -> None:
    found = place("والتقى وزير الدفاع السوري مرهف أبو قصرة وجهاء العشائر في مدينة الميادين بريف دير الزور.", "meeting")
    assert found is not None and found.country_code == "SY"


def test_jordanian_training_areas_listed_after_azraq() -> None:
    found = place(
        "وتجري فعاليات التمرين المشترك بين القوات المسلحة الأردنية والقوات الأمريكية في الأزرق والمفرق والجفر ومعان.",
        "training_agreement",
    )
    assert found is not None and found.country_code == "JO"


def test_the_blue_line_is_no_place() -> None:
    body = "وعلى طول الخط الأزرق التقى قائد اليونيفيل الجنرال أرولدو لاثارو بقائد الجيش اللبناني رودولف هيكل."
    found = place(body, "meeting")
    assert found is None or found.name_en != "Azraq"
