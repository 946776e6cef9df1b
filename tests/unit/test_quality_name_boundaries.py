"""A name ends before an adverb or a noun that follows it (لاحقا، مجددا، دعوة), a و + verb with its object
pronoun (ودعاه) is no name, and an organisation whose head governs two complements joined by و (مجلس السلم
والأمن، وزارة الدفاع والطيران) stays whole."""

from __future__ import annotations

import pytest

from shared.schemas import ParticipantKind
from tests.unit.detector_helpers import events, has_name, names


def _persons(body: str) -> set[str]:
    return {p.name for e in events(body) for p in e.participants if p.kind == ParticipantKind.person}


def _all(body: str) -> set[str]:
    return {n for e in events(body) for n in names(e)}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("وجه الرئيس الكيني وليام روتو دعوة إلى الرئيس الصومالي حسن شيخ محمود لزيارة نيروبي.", "وليام روتو"),
        ("وجه رئيس الوزراء الإثيوبي آبي أحمد دعوة إلى نظيره الصومالي لزيارة أديس أبابا.", "آبي أحمد"),
        ("استقبل الرئيس الرواندي بول كاغامي مجددا وفدا عسكريا من أوغندا في كيغالي.", "بول كاغامي"),
        ("التقى رئيس الوزراء الماليزي أنور إبراهيم لاحقا وزير الخارجية الصيني في كوالالمبور.", "أنور إبراهيم"),
    ],
)
def test_a_name_ends_before_an_adverb_or_a_noun(body: str, name: str) -> None:
    persons = _persons(body)
    assert name in persons, persons
    assert not any(p.startswith(name + " ") for p in persons), persons


@pytest.mark.parametrize(
    "body",
    [
        "التقى ملك المغرب الرئيس الموريتاني ودعاه إلى زيارة الرباط.",
        "استقبل أمير قطر الرئيس التركي وأبلغه دعم بلاده للاتفاق، في الدوحة أمس.",
    ],
)
def test_a_verb_with_its_object_pronoun_is_no_name(body: str) -> None:
    assert not any(n.startswith("و") for n in _all(body)), _all(body)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("عقد مجلس السلم والأمن الأفريقي اجتماعا في أديس أبابا أمس.", "مجلس السلم والأمن الأفريقي"),
        ("التقى قائد الجيش الباكستاني وفدا من وزارة الدفاع والطيران في الرياض أمس.", "وزارة الدفاع والطيران"),
        (
            "وقعت وزارة الداخلية والجماعات المحلية اتفاقا مع الاتحاد الأوروبي لتدريب الشرطة.",
            "وزارة الداخلية والجماعات المحلية",
        ),
    ],
)
def test_an_organisation_with_two_joined_complements_stays_whole(body: str, name: str) -> None:
    assert any(has_name(e, name) for e in events(body)), [sorted(names(e)) for e in events(body)]


def test_two_organisations_joined_by_wa_stay_two() -> None:
    found = _all("التقى وفد من وزارة الدفاع والقوات المسلحة السودانية نظيره المصري في القاهرة.")
    assert not any("والقوات" in n for n in found), found


@pytest.mark.parametrize(
    "body",
    [
        "استقبل الرئيس الإيفواري الحسن واتارا في أبيدجان وزير الخارجية الفرنسي.",
        "التقى الرئيس الإيفواري الحسن واتارا نظيره الغاني في أكرا أمس.",
        "استقبل الرئيس الإيفواري الحسن واتارا، وزير الدفاع الأمريكي في أبيدجان.",
    ],
)
def test_a_family_name_that_begins_with_wa_stays_after_a_given_name(body: str) -> None:
    assert "الحسن واتارا" in _persons(body), _persons(body)


@pytest.mark.parametrize(
    "body",
    [
        "استقبل الرئيس عبد المجيد تبون وزير الخارجية الإيطالي واتفقا على تعزيز التعاون.",
        "التقى الأمير محمد وتباحثا في العلاقات الثنائية.",
    ],
)
def test_a_verb_after_a_name_is_no_family_name(body: str) -> None:
    assert not any(" وا" in p or " وت" in p for p in _persons(body)), _persons(body)
