"""The sides of talks named after بين … و are their parties; a speaker or a would-be host is not a side."""

from __future__ import annotations

from detector_helpers import events, names, one


def test_offer_to_host_talks_between_two_capitals_names_the_capitals() -> None:
    event = one(
        "وجدد وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني استعداد بلاده "
        "لاستضافة مفاوضات بين واشنطن وطهران في الدوحة.",
        "meeting",
    )
    assert event.status.value == "proposed"
    assert names(event) == {"واشنطن", "طهران"}
    assert {p.kind.value for p in event.participants} == {"country"}


def test_planned_summit_between_two_named_leaders_leaves_out_the_announcer() -> None:
    event = one(
        "أعلن المتحدث باسم الرئاسة المصرية أن القمة المرتقبة بين الرئيس عبد الفتاح السيسي والعاهل الأردني "
        "الملك عبد الله الثاني ستعقد في العقبة.",
        "meeting",
    )
    assert names(event) == {"عبد الفتاح السيسي", "عبد الله الثاني"}


def test_between_each_of_three_parties() -> None:
    event = one(
        "رحبت الخارجية الليبية بانطلاق محادثات بين كل من مصر وتركيا والجزائر حول أمن الحدود.",
        "meeting",
    )
    assert names(event) == {"مصر", "تركيا", "الجزائر"}


def test_dual_title_goes_to_presidents_not_to_a_minister_of_the_same_country() -> None:
    found = events(
        "التقى وزير الخارجية التركي هاكان فيدان أمس نظيره الإيراني عباس عراقجي في أنقرة. "
        "وأكد الوزير التركي أن التحضيرات جارية للقمة المقبلة بين الرئيسين التركي والإيراني."
    )
    summit = next(e for e in found if any(t.text == "للقمة" for t in e.triggers))
    assert summit.status.value == "planned"
    assert names(summit) == {"تركيا", "إيران"}


def test_cooperation_between_the_two_countries_is_not_the_sides_of_an_exercise() -> None:
    event = one(
        "أجرت القوات البحرية السعودية والقوات البحرية الباكستانية تمرينا مشتركا لتعزيز التعاون بين البلدين.",
        "training_agreement",
    )
    assert names(event) >= {"القوات البحرية السعودية", "القوات البحرية الباكستانية"}
