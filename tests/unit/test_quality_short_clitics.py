"""A proclitic on a short first word (بأم، وبأم، لأم، وأم، بتل) is peeled when the words after it complete a
longer place name (بأم درمان -> Omdurman, not Bam in Iran); the short word alone stays what it was."""

from __future__ import annotations

import pytest

from services.geolocator.gazetteer import default_gazetteer, short_clitic_readings
from tests.unit.test_quality_places import place_of


@pytest.mark.parametrize(
    ("body", "trigger"),
    [
        ("التقى رئيس مجلس السيادة بأم درمان أمس وفدا من الوسطاء الأفارقة.", "التقى"),
        ("وعقد قادة الجيش اجتماعا موسعا بأم درمان لبحث الترتيبات الأمنية.", "اجتماعا"),
        ("وكان الوفد قد وصل في الصباح، وبأم درمان التقى ممثلي الإدارة الأهلية.", "التقى"),
    ],
)
def test_omdurman_after_a_preposition(body: str, trigger: str) -> None:
    place = place_of(body, trigger, kind="meeting")
    assert place is not None and place.country_code == "SD" and place.name_en == "Omdurman"
    assert place.text.endswith("درمان")


def test_tel_aviv_after_a_preposition() -> None:
    place = place_of("والتقى المبعوث الأمريكي رئيس الوزراء الإسرائيلي بتل أبيب مساء أمس.", "والتقى", kind="meeting")
    assert place is not None and place.country_code == "IL" and place.name_en == "Tel Aviv"


def test_the_short_reading_opens_only_longer_names() -> None:
    gazetteer = default_gazetteer()
    assert ("ام", "ب") in short_clitic_readings("بام", set())
    assert ("ام", "ب") in short_clitic_readings("وبام", set())
    assert ("ام", "ل") in short_clitic_readings("لام", set())
    assert short_clitic_readings("بامر", set()) == []  # longer words are read by clitic_readings
    openings = gazetteer.openings["لام"]
    assert openings is None or (not openings.alone and "درمان" in openings.followers)


@pytest.mark.parametrize(
    "body",
    [
        "وقال الوزير إن الاجتماع لام شمل الأطراف في القاهرة.",
        "وشاهد الوفد بأم عينه حجم الدمار خلال الاجتماع في الخرطوم.",
    ],
)
def test_short_words_alone_are_no_place(body: str) -> None:
    place = place_of(body, "الاجتماع", kind="meeting")
    assert place is not None and place.name_en in ("Cairo", "Khartoum")
