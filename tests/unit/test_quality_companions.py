"""A travel verb's destination may come far after it when the words between describe the delegation
that goes with the traveller (برفقة، على رأس وفد، يرافقه، مصحوبا ب); an إلى after another verb's clause
makes no visit."""

from __future__ import annotations

import pytest

from tests.unit.detector_helpers import events, has_name, one


@pytest.mark.parametrize(
    ("body", "visitor"),
    [
        (
            "توجه الرئيس السوداني عمر البشير صباح اليوم برفقة وفد رفيع المستوى يضم وزيري الخارجية والدفاع إلى القاهرة.",
            "عمر البشير",
        ),
        (
            "توجه وزير الخارجية المصري سامح شكري على رأس وفد رسمي يضم عددا من كبار المسؤولين إلى الرياض.",
            "سامح شكري",
        ),
        (
            "توجه رئيس الوزراء الإثيوبي آبي أحمد أمس يرافقه وزير الخارجية ورئيس هيئة الأركان العامة إلى نيروبي.",
            "آبي أحمد",
        ),
        (
            "توجه الرئيس الكيني وليام روتو، بصحبة وفد عسكري يضم قادة القوات البرية والجوية، إلى كمبالا.",
            "وليام روتو",
        ),
    ],
)
def test_a_companion_phrase_lets_the_destination_come_later(body: str, visitor: str) -> None:
    assert has_name(one(body, "visit"), visitor)


@pytest.mark.parametrize(
    "body",
    [
        "توجه الوزير بالحديث عن الأوضاع الاقتصادية الصعبة التي تمر بها البلاد منذ سنوات إلى المواطنين.",
        "توجه وزير الخارجية سامح شكري برفقة مستشاريه لحضور الجلسة ثم عاد مساء وأرسل رسالة إلى الرياض.",
        "توجه وزير الخارجية سامح شكري برفقة مستشاريه لحضور الجلسة الختامية ويتوقع أن يعود غدا إلى الرياض.",
    ],
)
def test_an_unrelated_far_destination_makes_no_travel(body: str) -> None:
    found = events(body)
    travels = [e for e in found if e.type.value == "visit" and any(t.text.startswith("توجه") for t in e.triggers)]
    assert not travels
