"""Titles: a ruler's title before a country, and a bare title that meets the holder of another office."""

from __future__ import annotations

from detector_helpers import events, names, one


def test_bare_title_subject_meets_a_president_named_after_it() -> None:
    event = one(
        "وصل ملك البحرين الملك حمد بن عيسى آل خليفة إلى القاهرة أمس. "
        "ومن المقرر أن يلتقي الملك الرئيس المصري عبد الفتاح السيسي اليوم في قصر الاتحادية.",
        "meeting",
    )
    assert names(event) == {"حمد بن عيسى آل خليفة", "عبد الفتاح السيسي"}


def test_emir_of_a_country_is_a_title_and_its_bare_form_resolves() -> None:
    event = one(
        "استقبل أمير الكويت الشيخ مشعل الأحمد الجابر الصباح اليوم رئيس الوزراء الهندي ناريندرا مودي. "
        "وبحث الأمير والضيف سبل تعزيز التعاون.",
        "meeting",
    )
    assert names(event) == {"مشعل الأحمد الجابر الصباح", "ناريندرا مودي"}
    person = next(p for p in event.participants if p.name == "مشعل الأحمد الجابر الصباح")
    assert person.title is not None and person.title.startswith("أمير الكويت")


def test_rank_before_an_office_stays_one_title() -> None:
    found = events("استقبل الفريق أول رئيس الأركان محمد الحداد أمس السفير الإيطالي في طرابلس.")
    meeting = next(e for e in found if e.type.value == "meeting")
    assert "محمد الحداد" in names(meeting)


def test_a_region_named_inside_a_title_stays_in_the_title() -> None:
    """رئيس حكومة إقليم كردستان فلان، محافظ محافظة نينوى فلان: the region is part of the office, not the name."""
    found = {p.name for p in one(
        "التقى رئيس حكومة إقليم كردستان مسرور بارزاني وزير الدفاع الألماني بوريس بيستوريوس في أربيل.", "meeting"
    ).participants}
    assert found == {"مسرور بارزاني", "بوريس بيستوريوس"}
    found = {p.name for p in one(
        "التقى محافظ محافظة نينوى عبد القادر الدخيل وفدا من السفارة الأمريكية في الموصل.", "meeting"
    ).participants}
    assert "عبد القادر الدخيل" in found and "محافظة نينوى" not in found
