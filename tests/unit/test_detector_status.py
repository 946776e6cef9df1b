"""Status from modality (spec/EVENTS.md, Status): occurred, planned, proposed, denied."""

from __future__ import annotations

import pytest
from detector_helpers import events, one

from services.detector.status import mention_status
from shared.arabic import normalize
from shared.schemas import EventStatus


@pytest.mark.parametrize(
    ("body", "kind", "status"),
    [
        ("التقى وزير الخارجية المصري سامح شكري أمس نظيره الأردني أيمن الصفدي.", "meeting", "occurred"),
        ("سيلتقي الرئيس التركي رجب طيب أردوغان نظيره الروسي فلاديمير بوتين في سوتشي.", "meeting", "planned"),
        ("من المقرر أن يزور رئيس الوزراء العراقي محمد شياع السوداني العاصمة الإيرانية طهران.", "visit", "planned"),
        ("ويعتزم وزير الخارجية التركي هاكان فيدان زيارة العاصمة الليبية طرابلس.", "visit", "planned"),
        (
            "يبحث الرئيس المصري عبد الفتاح السيسي مع نظيره الفرنسي إيمانويل ماكرون في لقاء مرتقب ملف غزة.",
            "meeting",
            "planned",
        ),
        ("اقترح الرئيس الفرنسي إيمانويل ماكرون عقد قمة مع الرئيس الروسي فلاديمير بوتين.", "meeting", "proposed"),
        (
            "أبدى وزير الدفاع الإيطالي غويدو كروزيتو استعداد بلاده لتدريب عناصر خفر السواحل الليبي.",
            "training_agreement",
            "proposed",
        ),
        ("قدمت إيطاليا عرضا لتدريب ألف عنصر من حرس الحدود الليبي.", "training_agreement", "proposed"),
        ("لم يلتق الرئيس الأميركي جو بايدن ولي العهد السعودي الأمير محمد بن سلمان.", "meeting", "denied"),
        (
            "نفى رئيس المجلس الرئاسي محمد المنفي أن يكون قد التقى قائد قوات الدعم السريع محمد حمدان دقلو.",
            "meeting",
            "denied",
        ),
        ("ألغى وزير الخارجية الأمريكي أنتوني بلينكن زيارته المقررة إلى الصين.", "visit", "denied"),
        (
            "لكن الزيارة التي كان من المقرر أن يقوم بها وزير الخارجية الأمريكي مايك بومبيو لكوريا الشمالية "
            "ألغيت في اللحظات الأخيرة.",
            "visit",
            "denied",
        ),
        (
            "وقع وزير الدفاع التركي خلوصي أكار ونظيره الليبي صلاح النمروش مذكرة تفاهم للتعاون العسكري والتدريب.",
            "training_agreement",
            "occurred",
        ),
    ],
)
def test_status(body: str, kind: str, status: str) -> None:
    assert one(body, kind).status.value == status


def test_present_tense_lead_is_news_not_a_plan() -> None:
    event = one("يصل ولي العهد السعودي الأمير محمد بن سلمان اليوم إلى القاهرة في زيارة رسمية.", "visit")
    assert event.status.value == "occurred"


def test_while_clause_present_is_ongoing() -> None:
    event = one(
        "في الوقت الذي يزور فيه وزير الخارجية الفرنسي جان إيف لودريان طهران، ندد نظيره الإيراني بالموقف الأوروبي.",
        "visit",
    )
    assert event.status.value == "occurred"


def test_visit_planned_meeting_inside_it() -> None:
    found = events("وصل وزير الدفاع التركي خلوصي أكار إلى طرابلس في زيارة يلتقي خلالها مسؤولي حكومة الوفاق.")
    statuses = {e.type.value: e.status.value for e in found}
    assert statuses == {"visit": "occurred", "meeting": "planned"}


def test_background_event_keeps_its_own_status_and_stays_apart() -> None:
    body = (
        "يصل ولي العهد السعودي محمد بن سلمان اليوم إلى القاهرة في زيارة رسمية. وكان ولي العهد قد زار مصر "
        "في أبريل 2010 والتقى حينها الرئيس المصري."
    )
    visits = [e for e in events(body) if e.type.value == "visit"]
    assert len(visits) == 2 and {v.status.value for v in visits} == {"occurred"}


def test_honoured_invitation_is_not_a_proposal() -> None:
    assert (
        mention_status(normalize("وتأتي الزيارة تلبية لدعوة الرئيس"), 7, 14, "noun", "ال").status
        == EventStatus.occurred
    )


def test_negation_must_govern_the_trigger() -> None:
    # "لم يعلن" negates the announcement, not the visit
    text = normalize("ولم يعلن المتحدث باسم الرئاسة أية تفاصيل عن هدف الزيارة")
    start = text.index("الزياره")
    assert mention_status(text, start, start + 7, "noun", "ال").status == EventStatus.occurred


def test_headline_present_tense_reports() -> None:
    body = (
        "وزير الخارجية السعودي يلتقي نظيره الأمريكي في الرياض\n"
        "التقى وزير الخارجية الأمير فيصل بن فرحان، اليوم، وزير الخارجية الأمريكي ماركو روبيو، في الرياض."
    )
    event = one(body, "meeting")
    assert event.status.value == "occurred" and len(event.triggers) == 2


def test_may_meet_is_a_proposal_and_unconfirmed_is_not_a_denial() -> None:
    body = (
        "قال مسؤول أمريكي إن الرئيس جو بايدن قد يلتقي ولي العهد السعودي الأمير محمد بن سلمان خلال جولته، "
        "لكن لم يتم تأكيد ذلك رسميا."
    )
    assert one(body, "meeting").status.value == "proposed"


def test_both_sides_resolve_to_the_parties_before() -> None:
    body = (
        "استقبل رئيس المجلس العسكري الجنرال عبد الرحمن تياني نائب وزير الدفاع الروسي يونس بك يفكوروف. "
        "وأكد الطرفان عزمهما تعزيز التعاون العسكري، بما في ذلك تدريب الجنود."
    )
    training = one(body, "training_agreement")
    assert training.status.value == "planned"
    assert {p.name for p in training.participants} >= {"عبد الرحمن تياني", "يونس بك يفكوروف"}


def test_expected_talks_during_a_planned_visit() -> None:
    body = (
        "أعلن الكرملين أن الرئيس فلاديمير بوتين سيزور تركيا في أغسطس المقبل، ومن المتوقع أن يجري محادثات "
        "مع الرئيس التركي رجب طيب أردوغان."
    )
    found = {e.type.value: e for e in events(body)}
    assert found["visit"].status.value == "planned" and found["meeting"].status.value == "planned"
    assert {p.name for p in found["meeting"].participants} == {"فلاديمير بوتين", "رجب طيب أردوغان"}
