"""Patterns of official news met in real articles (session 8): who negotiated a training at talks is a party
to it.

Invented wire-style sentences; no wording of any evaluation article.
"""

from __future__ import annotations

import pytest
from detector_helpers import events, names

from shared.schemas import EventType


def training_names(body: str) -> set[str]:
    trainings = [e for e in events(body) if e.type == EventType.training_agreement]
    assert trainings, "no training found"
    return set().union(*(names(e) for e in trainings))


@pytest.mark.parametrize(
    "body",
    [
        (  # an impersonal "جرى بحث" after the talks: the talks' persons discussed it
            "استقبل وزير الدفاع الأردني يوسف الحنيطي اليوم في عمان السفير الفرنسي ألكسندر جوردان. "
            "وجرى خلال اللقاء بحث زيادة عدد المقاعد المخصصة لضباط الجيش الأردني في الدورات التدريبية الفرنسية."
        ),
        (  # "وتناول الاجتماع": the meeting as the subject of the discussion
            "التقى رئيس الأركان المغربي محمد بريظ أمس في الرباط قائد القوات الإسبانية خوسيه رودريغيز. "
            "وتناول الاجتماع إمكانية تنظيم تدريبات مشتركة للقوات الخاصة المغربية العام المقبل."
        ),
        (  # "وقّع الجانبان": the two sides of the talks signed the training programme
            "استقبل وزير الدفاع التونسي عماد مميش نظيره الجزائري محمد سعيد في تونس. "
            "وأضاف البيان أن الجانبين وقعا عقب الاجتماع برنامجا لتدريب القوات الخاصة التونسية."
        ),
    ],
)
def test_the_persons_of_the_talks_are_parties_of_the_training_they_discussed_or_signed(body: str) -> None:
    meeting = next(e for e in events(body) if e.type == EventType.meeting)
    assert names(meeting) <= training_names(body)


def test_a_training_held_by_the_forces_is_not_the_negotiators() -> None:
    body = (
        "استقبل رئيس الدولة محمد ولد الغزواني اليوم في نواكشوط قائد القوات الأمريكية في أفريقيا مايكل لانغلي. "
        "وتناول اللقاء برامج تدريب الجيش الموريتاني التي تشرف عليها القوات الأمريكية."
    )
    assert "محمد ولد الغزواني" not in training_names(body)


def test_talks_long_before_do_not_negotiate_a_training() -> None:
    body = (
        "استقبل وزير الدفاع الأردني يوسف الحنيطي اليوم في عمان السفير الفرنسي ألكسندر جوردان. "
        "وبحث الجانبان العلاقات الثنائية. وأكد الوزير أهمية التعاون. وأشاد السفير بدور الأردن. "
        "وأشار إلى تطور العلاقات الاقتصادية. وفي شأن آخر، جرى بحث إجراء تدريبات مشتركة للقوات البحرية في البلدين."
    )
    assert "يوسف الحنيطي" not in training_names(body)
