"""Governorates GeoNames lacks (it lists towns, not provinces), plural place nouns, and topic lists.

ذي قار، المهرة، حضرموت … are curated regions; "في مناطق الزرقاء والعقبة" introduces places; a place
listed after a topic ("الأزمة في السودان وجنوب السودان") is a topic, not the venue.
"""

from __future__ import annotations

import datetime as dt

import pytest

from services.pipeline import extract
from shared.schemas import Article


def places(body: str) -> list[tuple[str, str | None, str | None]]:
    out = extract(Article(id="unit", body=body, published_at=dt.date(2025, 8, 12)))
    return [(e.type.value, e.place.country_code if e.place else None, e.place.name_en if e.place else None)
            for e in out]


@pytest.mark.parametrize(
    ("body", "code", "name"),
    [
        ("عقد قائد الشرطة اجتماعا أمنيا بذي قار مع وفد من وزارة الداخلية.", "IQ", "Dhi Qar Governorate"),
        ("زار وزير الداخلية العراقي عبد الأمير الشمري محافظة ذي قار أمس.", "IQ", "Dhi Qar Governorate"),
        ("وصل وزير الدفاع السعودي الأمير خالد بن سلمان إلى محافظة المهرة في زيارة تفقدية.", "YE",
         "Al Mahrah Governorate"),
        ("زار قائد المنطقة العسكرية الثانية اللواء فائز منصور أمس محافظة حضرموت.", "YE", "Hadramaut Governorate"),
        ("اختتمت في وادي رم التدريبات العسكرية المشتركة بين القوات المسلحة الأردنية والقوات الأمريكية.", "JO",
         "Wadi Rum"),
    ],
)
def test_governorates_and_sites(body: str, code: str, name: str) -> None:
    assert (code, name) in {(c, n) for _, c, n in places(body)}


def test_plural_place_noun_introduces_a_list() -> None:
    body = ("اختتمت القوات المسلحة الأردنية والأمريكية تمرين الأسد المتأهب في مناطق الزرقاء والعقبة "
            "ووادي رم.")
    assert {c for _, c, _ in places(body)} == {"JO"}


def test_places_listed_after_a_topic_are_no_venue() -> None:
    body = "يعقد مجلس السلم والأمن الأفريقي اجتماعا طارئا يوم الخميس بشأن الأزمة في السودان وجنوب السودان."
    out = extract(Article(id="unit", body=body, published_at=dt.date(2025, 8, 12)))
    assert [e.place for e in out] == [None]
