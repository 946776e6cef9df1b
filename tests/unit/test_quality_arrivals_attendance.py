"""Wire patterns of official visits (session 5): the pluperfect arrival of the visit told before, attendees
added by "كما حضره", and sites named after a person.

Invented wire-style sentences; no wording of any evaluation article.
"""

from __future__ import annotations

import pytest
from detector_helpers import events, has_name, names, one

from shared.schemas import ParticipantRole

# 1. "وكان فلان قد وصل …": the arrival of the visit the article reports, not an earlier visit


@pytest.mark.parametrize(
    "body",
    [
        "استقبل الرئيس عبد المجيد تبون اليوم وزير الخارجية الإيطالي أنطونيو تاياني الذي يقوم بزيارة رسمية إلى "
        "الجزائر. وكان تاياني قد وصل إلى الجزائر صباح اليوم، وكان في استقباله لدى وصوله المطار الوزير الأول "
        "نذير العرباوي.",
        "يقوم رئيس الوزراء الإسباني بيدرو سانشيز بزيارة رسمية إلى المغرب تستمر يومين. وكان سانشيز قد وصل إلى "
        "الرباط مساء أمس.",
        "أجرى وزير الدفاع التركي يشار غولر زيارة إلى طرابلس. وكان غولر قد وصل إلى طرابلس على رأس وفد عسكري.",
    ],
)
def test_a_pluperfect_arrival_is_the_same_visit(body: str) -> None:
    visit = one(body, "visit")
    visitors = {p.name for p in visit.participants if p.role == ParticipantRole.visitor}
    assert visitors, names(visit)


def test_the_host_at_the_airport_hosts_the_one_visit() -> None:
    body = (
        "استقبل الرئيس عبد المجيد تبون اليوم وزير الخارجية الإيطالي أنطونيو تاياني الذي يقوم بزيارة رسمية إلى "
        "الجزائر. وكان تاياني قد وصل إلى الجزائر صباح اليوم، وكان في استقباله لدى وصوله المطار الوزير الأول "
        "نذير العرباوي."
    )
    roles = {p.name: p.role for p in one(body, "visit").participants}
    assert roles.get("أنطونيو تاياني") == ParticipantRole.visitor, roles
    assert roles.get("نذير العرباوي") == ParticipantRole.host, roles


@pytest.mark.parametrize(
    "body",
    [
        "زار وزير الخارجية الإيطالي أنطونيو تاياني الجزائر في مارس 2023. وكان تاياني قد وصل إلى الجزائر في زيارة "
        "رسمية في يناير 2021.",
    ],
)
def test_a_dated_earlier_arrival_stays_another_visit(body: str) -> None:
    assert len([e for e in events(body) if e.type.value == "visit"]) == 2


# 2. "كما حضره من الجانب الإيطالي فلان": attendees of the meeting told before


def test_attendees_named_by_a_pronoun_join_the_meeting() -> None:
    body = (
        "استقبل الرئيس عبد المجيد تبون اليوم وزير الخارجية الإيطالي أنطونيو تاياني. حضر اللقاء وزير الخارجية "
        "أحمد عطاف. كما حضره من الجانب الإيطالي السفير أليساندرو برونو."
    )
    meeting = one(body, "meeting")
    assert has_name(meeting, "أليساندرو برونو"), names(meeting)
    assert has_name(meeting, "أحمد عطاف"), names(meeting)


@pytest.mark.parametrize(
    "body",
    [
        "حضر الوزير أحمد عطاف حفل افتتاح المعرض الدولي. كما حضره السفير أليساندرو برونو.",
        "افتتح الرئيس معرض الكتاب. وحضرها عدد من الوزراء بينهم أحمد عطاف.",
    ],
)
def test_attendance_alone_is_no_meeting(body: str) -> None:
    assert [e for e in events(body) if e.type.value == "meeting"] == []


def test_attendance_does_not_join_a_visit() -> None:
    body = "زار الرئيس عبد المجيد تبون ولاية وهران. كما حضرها الوزير أحمد عطاف."
    assert [e.type.value for e in events(body)] == ["visit"]


# 3. A site named after a person (مطار هواري بومدين) is no participant


@pytest.mark.parametrize(
    ("body", "site_name"),
    [
        ("وصل الرئيس الموريتاني محمد ولد الشيخ الغزواني إلى الجزائر، وكان في استقباله بمطار هواري بومدين الدولي "
         "الرئيس عبد المجيد تبون.", "هواري بومدين"),
        ("وصل وزير الخارجية الأردني أيمن الصفدي إلى بيروت، وكان في استقباله في مطار رفيق الحريري الدولي الوزير "
         "يوسف رجي.", "رفيق الحريري"),
    ],
)
def test_a_site_named_after_a_person_is_no_participant(body: str, site_name: str) -> None:
    visit = one(body, "visit")
    assert not has_name(visit, site_name), names(visit)
