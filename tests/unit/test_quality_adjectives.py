"""An adjective after an event noun is never a person, even when the name lexicon lists it as a given
name (عسكري، عربي، بحري): "تمرين عسكري مشترك" is a joint military exercise, not a man named عسكري مشترك."""

from __future__ import annotations

import pytest

from shared.schemas import ParticipantKind
from tests.unit.detector_helpers import events, has_name, one


@pytest.mark.parametrize(
    "body",
    [
        "نفذت القوات البحرية المصرية ونظيرتها السعودية تمرين عسكري مشترك في مياه البحر الأحمر.",
        "تستضيف مصر الشهر المقبل تدريب عسكري مشترك مع القوات السودانية في قاعدة برنيس.",
        "أجرى الحرس الوطني الكويتي تمرين عسكري ميداني مشترك مع القوات القطرية، وفق بيان رسمي.",
        "اختتمت في الرياض فعاليات تمرين عربي مشترك شاركت فيه قوات من الجيش الأردني.",
    ],
)
def test_no_person_is_made_of_the_adjectives_of_an_exercise(body: str) -> None:
    event = one(body, "training_agreement")
    assert not [p.name for p in event.participants if p.kind == ParticipantKind.person]


def test_the_forces_of_a_joint_exercise_stay_its_parties() -> None:
    event = one(
        "أجرت القوات البحرية العمانية والقوات البحرية الهندية تمرين بحري مشترك قبالة سواحل مسقط.", "training_agreement"
    )
    assert has_name(event, "القوات البحرية العمانية") and has_name(event, "القوات البحرية الهندية")
    assert all(p.kind != ParticipantKind.person for p in event.participants)


def test_a_meeting_of_military_officials_makes_no_person() -> None:
    found = events("وعقد الطرفان لقاء عسكري مشترك في الخرطوم أمس لبحث تأمين الحدود.")
    assert all(p.kind != ParticipantKind.person for e in found for p in e.participants)


def test_a_family_name_that_is_an_adjective_stays_after_a_given_name() -> None:
    event = one("التقى وزير الدفاع حسن عسكري نظيره التركي في أنقرة أمس.", "meeting")
    assert has_name(event, "حسن عسكري")

