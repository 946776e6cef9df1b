"""A training discussed at a meeting is proposed, unless a present-tense relative says it is being held."""

from __future__ import annotations

from detector_helpers import one


def training_status(body: str) -> str:
    return one(body, "training_agreement").status.value


def test_programme_run_by_a_foreign_force_is_held_though_discussed() -> None:
    assert training_status(
        "وبحث وزير الدفاع التشادي مع السفير الفرنسي في نجامينا برامج تأهيل القوات التشادية "
        "التي ينفذها الجيش الفرنسي منذ سنوات."
    ) == "occurred"


def test_periodic_drills_are_held_though_reviewed() -> None:
    assert training_status(
        "واستعرض الجانبان خلال اللقاء التعاون العسكري بين القوات المصرية والقوات اليونانية، "
        "بما في ذلك المناورات المشتركة التي تنفذها القوات البحرية للبلدين كل عام."
    ) == "occurred"


def test_drills_the_sides_intend_to_hold_stay_proposed() -> None:
    assert training_status(
        "وناقش رئيس أركان الجيش المالي الجنرال عمر ديارا مع قائد القوات الروسية في أفريقيا "
        "التدريبات المشتركة التي يعتزم جيشا البلدين إجراءها."
    ) == "proposed"


def test_discussed_training_without_a_relative_stays_proposed() -> None:
    assert training_status(
        "وبحث قائد الجيش اللبناني مع السفيرة الأمريكية تدريب عناصر الجيش اللبناني على مكافحة الإرهاب."
    ) == "proposed"
