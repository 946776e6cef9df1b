"""Indefinite accusative nouns (tanween alif) are triggers like their bare forms."""

from __future__ import annotations

from detector_helpers import names, one


def test_exercise_in_the_accusative() -> None:
    event = one("نفذت وحدات من الجيش الأردني والجيش الأمريكي تمرينا عسكريا مشتركا في العقبة.", "training_agreement")
    assert names(event) >= {"الجيش الأردني", "الجيش الأمريكي"}


def test_training_in_the_accusative() -> None:
    event = one(
        "وتلقى عناصر من الحرس الوطني التونسي تدريبا متخصصا على يد خبراء من الشرطة الإيطالية في مجال مكافحة الإرهاب.",
        "training_agreement",
    )
    assert event.status.value == "occurred"


def test_negotiations_between_two_sides_need_no_with() -> None:
    event = one("انطلقت في جدة مفاوضات مباشرة بين الجيش السوداني وقوات الدعم السريع.", "meeting")
    assert names(event) == {"الجيش السوداني", "قوات الدعم السريع"}
