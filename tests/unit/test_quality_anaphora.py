"""A definite event noun that names the results of a happening refers back to it, whatever its clause plans."""

from __future__ import annotations

from detector_helpers import events


def test_follow_up_of_the_talks_results_is_no_new_planned_meeting() -> None:
    found = events(
        "بحث رئيس الوزراء الأردني جعفر حسان أمس مع نظيره العراقي محمد شياع السوداني في عمان ملف الطاقة. "
        "وأوضح بيان حكومي أن حسان سيتوجه إلى بغداد الشهر المقبل لمتابعة مخرجات المباحثات."
    )
    meetings = [(e.status.value, len(e.triggers)) for e in found if e.type.value == "meeting"]
    assert meetings == [("occurred", 2)]
    assert [e.status.value for e in found if e.type.value == "visit"] == ["planned"]


def test_results_of_a_meeting_under_a_plan_join_the_meeting_held() -> None:
    found = events(
        "اجتمع وزير الداخلية التونسي خالد النوري اليوم مع السفير الإيطالي في تونس. "
        "ومن المقرر أن تعرض نتائج الاجتماع على مجلس الوزراء الأسبوع المقبل."
    )
    assert [e.status.value for e in found if e.type.value == "meeting"] == ["occurred"]


def test_a_new_planned_meeting_without_an_outcome_noun_stays_planned() -> None:
    found = events(
        "التقى وزير الخارجية المغربي ناصر بوريطة أمس نظيره الموريتاني محمد سالم ولد مرزوك في الرباط. "
        "ومن المقرر أن يعقد الوزيران اجتماعا ثانيا في نواكشوط الشهر المقبل."
    )
    assert sorted(e.status.value for e in found if e.type.value == "meeting") == ["occurred", "planned"]
