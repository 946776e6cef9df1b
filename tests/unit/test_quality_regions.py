"""منطقة الساحل is the Sahel, a region across West Africa, not the small Egyptian town الساحل (ساحل سليم);
the coasts named with an adjective (الساحل الشمالي in Egypt, الساحل السوري) stay themselves."""

from __future__ import annotations

import pytest

from tests.unit.test_quality_places import place_of


@pytest.mark.parametrize(
    ("body", "trigger"),
    [
        ("اختتمت القوات الموريتانية والقوات الفرنسية أمس تدريبات مشتركة في منطقة الساحل لمكافحة الجماعات المسلحة.",
         "تدريبات"),
        ("وأجرى الجيش التشادي مناورات عسكرية مع وحدات من النيجر في منطقة الساحل الإفريقي الأسبوع الماضي.",
         "مناورات"),
        ("ونفذت قوات أمريكية ونيجرية تمرينا مشتركا بمنطقة الساحل الأفريقي استمر عشرة أيام.", "تمرينا"),
        ("وتجري قوات من دول غرب أفريقيا تدريبات ميدانية في دول الساحل منذ مطلع الشهر.", "تدريبات"),
    ],
)
def test_the_sahel_is_a_region_not_an_egyptian_town(body: str, trigger: str) -> None:
    place = place_of(body, trigger)
    assert place is not None and place.precision == "region" and place.name_en.startswith("Sahel")
    assert place.country_code != "EG" and 10 <= place.lat <= 20


def test_a_visit_to_the_sahel() -> None:
    place = place_of("زار قائد القيادة الأمريكية في أفريقيا منطقة الساحل الأسبوع الماضي.", "زار", kind="visit")
    assert place is not None and place.name_en.startswith("Sahel")


def test_egypts_north_coast_is_not_the_sahel() -> None:
    place = place_of(
        "وعقدت القمة الثلاثية في منطقة الساحل الشمالي بحضور قادة مصر والأردن والعراق.", "القمة", kind="meeting"
    )
    assert place is not None and place.country_code == "EG" and not place.name_en.startswith("Sahel")


def test_the_syrian_coast_is_not_the_sahel() -> None:
    place = place_of("والتقى الوفد الروسي قادة عسكريين في منطقة الساحل السوري أمس.", "والتقى", kind="meeting")
    assert place is not None and place.country_code == "SY"
