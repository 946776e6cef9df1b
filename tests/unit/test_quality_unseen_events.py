"""Events of unseen news: security training offers, side meetings, interviews, generic visits, later meetings.

Invented sentences in several styles; no wording of any evaluation article.
"""

from __future__ import annotations

import pytest
from detector_helpers import events, has_name, one

from shared.schemas import ParticipantRole


def kinds(body: str) -> list[str]:
    return sorted(e.type.value for e in events(body))


# 1. training of security forces, offered or proposed


@pytest.mark.parametrize(
    "body",
    [
        "واقترحت إيطاليا تدريب خفر السواحل الليبي على مراقبة الحدود البحرية.",
        "وعرض وزير الداخلية الإسباني فرناندو غراندي مارلاسكا تدريب خفر السواحل الموريتاني.",
        "ودعا الرئيس الرواندي بول كاغامي إلى تدريب قوات حفظ السلام الأفريقية في كيغالي.",
        "وعرض رئيس الأركان الجزائري السعيد شنقريحة فتح الدورات التدريبية أمام ضباطا من دول الجوار.",
    ],
)
def test_offered_training_of_security_personnel_is_proposed(body: str) -> None:
    assert one(body, "training_agreement").status.value == "proposed"


def test_training_verb_names_trainer_and_trainee() -> None:
    event = one("وقال الوزير إن تركيا ستدرب عناصر من الجيش الصومالي في أنقرة.", "training_agreement")
    roles = {p.name: p.role for p in event.participants}
    assert event.status.value == "planned"
    assert roles.get("تركيا") == ParticipantRole.trainer
    assert roles.get("الجيش الصومالي") == ParticipantRole.trainee


def test_religious_memorisation_course_is_no_training() -> None:
    assert kinds("ونظمت الجمعية دورات تدريبية لحفظ القرآن الكريم لفائدة الأطفال.") == []


# 2. meetings on the sidelines of a summit are their own meeting


@pytest.mark.parametrize(
    "body",
    [
        "وصل الرئيس الكيني وليام روتو أمس إلى أديس أبابا للمشاركة في أعمال القمة الأفريقية. "
        "والتقى روتو على هامش القمة رئيس مفوضية الاتحاد الأفريقي محمود علي يوسف.",
        "توجه الرئيس الغاني جون ماهاما إلى نيروبي لحضور القمة الأفريقية. "
        "وعلى هامش أعمال القمة، التقى ماهاما وزير الخارجية الصيني وانغ يي.",
    ],
)
def test_side_meeting_is_not_the_summit(body: str) -> None:
    side = [e for e in events(body) if e.type.value == "meeting" and len(e.participants) >= 2]
    assert len(side) == 1
    assert not any(t.text.endswith("القمة") for t in side[0].triggers)


def test_summit_named_only_after_margin_adds_no_event() -> None:
    body = "وعلى هامش القمة، التقى الرئيس السنغالي باسيرو ديوماي فاي وزير الخارجية الصيني وانغ يي."
    event = one(body, "meeting")
    assert has_name(event, "وانغ يي")


def test_three_way_meeting() -> None:
    body = (
        "وشهدت العاصمة القطرية الدوحة اجتماعا ثلاثيا ضم وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني "
        "ونظيريه المصري بدر عبد العاطي والأمريكي ماركو روبيو."
    )
    assert len(one(body, "meeting").participants) == 3


# 4. interviews and visits in general are not events; attendees belong to the meeting


@pytest.mark.parametrize(
    "body",
    [
        "وقال وزير الخارجية الإثيوبي تاي أصقي سلاسي في لقاء مع قناة الجزيرة إن بلاده لن تتنازل.",
        "وأوضح الفريق أول عبد الفتاح البرهان، في لقاء أجرته معه صحيفة الأهرام، أن الحرب ستنتهي.",
        "وفي لقاء مع صحيفة لوموند، قال الرئيس الفرنسي إيمانويل ماكرون إن فرنسا ستبقى في أفريقيا.",
        "وقال رئيس الوزراء المالي عبد الله مايغا خلال لقاء مع الصحفيين إن باماكو منفتحة على الحوار.",
    ],
)
def test_media_interview_is_no_meeting(body: str) -> None:
    assert kinds(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "وأشاد وزير الخارجية المغربي ناصر بوريطة بالعلاقات مع موريتانيا، مشيرا إلى الزيارات الرسمية المتبادلة.",
        "ودعا الرئيس الجزائري عبد المجيد تبون ونظيره التونسي قيس سعيد إلى تكثيف الزيارات بين البلدين.",
        "وتشهد العلاقات بين مصر والسودان زيارات رسمية متبادلة على أعلى المستويات.",
    ],
)
def test_reciprocal_visits_in_general_are_no_visit(body: str) -> None:
    assert kinds(body) == []


def test_meeting_with_a_foreign_minister_stays_a_meeting() -> None:
    body = "والتقى وزير الخارجية المصري بدر عبد العاطي مع وزير الخارجية المالي عبد الله ديوب على هامش الاجتماع."
    assert has_name(one(body, "meeting"), "عبد الله ديوب")


def test_attendees_told_after_the_meeting_join_it() -> None:
    body = (
        "التقى وزير الخارجية المصري بدر عبد العاطي نظيره الأردني أيمن الصفدي. "
        "وجرى اللقاء بحضور السفير المصري في عمان محمد سمير."
    )
    event = one(body, "meeting")
    assert has_name(event, "محمد سمير") and has_name(event, "أيمن الصفدي")


# 5. invitations are proposed; later meetings are planned


@pytest.mark.parametrize(
    "body",
    [
        "ووجه رئيس الوزراء الإثيوبي آبي أحمد الدعوة للرئيس الإريتري أسياس أفورقي لزيارة أديس أبابا.",
        "ووجه الرئيس الكيني وليام روتو دعوة إلى نظيره الصومالي حسن شيخ محمود لزيارة نيروبي.",
    ],
)
def test_invitation_to_visit_is_proposed(body: str) -> None:
    assert one(body, "visit").status.value == "proposed"


def test_honoured_invitation_with_definite_noun_is_held() -> None:
    body = "ويزور الرئيس الموريتاني محمد ولد الغزواني تونس حاليا تلبية للدعوة التي وجهها إليه نظيره قيس سعيد."
    assert one(body, "visit").status.value == "occurred"


@pytest.mark.parametrize(
    "body",
    [
        "ويلتقي الوزير لاحقا اليوم رئيس الحكومة المغربية عزيز أخنوش.",
        "ووصل وزير الخارجية التركي هاكان فيدان إلى الخرطوم، على أن يجتمع مع الفريق أول عبد الفتاح البرهان.",
        "ومن المقرر أن يجتمع وزير الخارجية الروسي سيرغي لافروف بنظيره المالي عبد الله ديوب.",
    ],
)
def test_meeting_announced_for_later_is_planned(body: str) -> None:
    assert one(body, "meeting").status.value == "planned"


def test_later_meeting_in_the_past_is_held() -> None:
    body = "والتقى وزير الخارجية التركي هاكان فيدان لاحقا الفريق أول عبد الفتاح البرهان."
    assert one(body, "meeting").status.value == "occurred"


# 3. the legs of a tour are visits of their own


def test_tour_listing_capitals_is_one_planned_visit_per_stop() -> None:
    body = "يبدأ وزير الخارجية الروسي سيرغي لافروف غدا جولة أفريقية تشمل باماكو وواغادوغو ونيامي."
    visits = [e for e in events(body) if e.type.value == "visit"]
    assert len(visits) == 3
    assert {e.status.value for e in visits} == {"planned"}


def test_arrival_at_the_first_stop_and_the_stops_ahead() -> None:
    body = "وصل وزير الخارجية الروسي سيرغي لافروف إلى باماكو في مستهل جولة تشمل واغادوغو ونيامي."
    statuses = sorted(e.status.value for e in events(body) if e.type.value == "visit")
    assert statuses == ["occurred", "planned", "planned"]


def test_tour_without_named_stops_stays_one_visit() -> None:
    body = "ويجري وزير الخارجية الروسي سيرغي لافروف جولة أفريقية تشمل عددا من الدول."
    assert len([e for e in events(body) if e.type.value == "visit"]) == 1
