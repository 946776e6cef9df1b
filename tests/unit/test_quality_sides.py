""""الجانبان"/"الطرفان" are the two sides of the event reported last, not whoever reports on them."""

from __future__ import annotations

from detector_helpers import events, names, one

from shared.schemas import DetectedEvent


def proposed(body: str) -> DetectedEvent:
    """The one proposed training of the text."""
    (found,) = [e for e in events(body) if e.type.value == "training_agreement" and e.status.value == "proposed"]
    return found


def test_the_two_sides_after_a_spokesman_are_the_signatories() -> None:
    found = proposed(
        "وقعت وزارة الداخلية المغربية ووزارة الداخلية الإسبانية أمس في مدريد اتفاقية للتعاون الأمني. "
        "وقال المتحدث باسم وزارة الداخلية المغربية رشيد الخلفي إن الاتفاقية تعزز تبادل المعلومات. "
        "وأوضح أن الطرفين ناقشا إمكانية تنظيم تدريبات مشتركة لوحدات مكافحة الإرهاب."
    )
    assert names(found) >= {"وزارة الداخلية المغربية", "وزارة الداخلية الإسبانية"}
    assert "رشيد الخلفي" not in names(found)


def test_the_two_sides_after_a_reception_are_host_and_guest() -> None:
    found = one(
        "استقبل أمير الكويت الشيخ مشعل الأحمد الجابر الصباح أمس رئيس الوزراء الباكستاني شهباز شريف. "
        "وصرح وزير الإعلام الكويتي عبد الرحمن المطيري بأن المباحثات كانت مثمرة. "
        "وأضاف أن الجانبين اتفقا على عقد تدريبات عسكرية مشتركة العام المقبل.",
        "training_agreement",
    )
    assert names(found) >= {"مشعل الأحمد الجابر الصباح", "شهباز شريف"}
    assert "عبد الرحمن المطيري" not in names(found)
