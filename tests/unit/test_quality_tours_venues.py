"""Guests of planned receptions, hosting capitals as venues, and the stops of tours.

Invented sentences: "يستقبل … غدا نظيره … الذي يزور البلد" is one planned visit (the relative describes the
guest of the reception); the subject of استضاف/تستضيف/احتضن is where the meeting is held; a tour "تقوده إلى"
or a visit "كلا من" its stops gives one visit per stop, each placed at its stop.
"""

from __future__ import annotations

import datetime as dt

from detector_helpers import events

from services.pipeline import extract
from shared.schemas import Article, Event


def pipeline(body: str) -> list[Event]:
    return list(extract(Article(id="unit", body=body, published_at=dt.datetime(2025, 8, 12, tzinfo=dt.UTC))))


def visits(body: str) -> list[tuple[str, str | None]]:
    return [(e.status.value, e.place.name_en if e.place else None) for e in pipeline(body) if e.type.value == "visit"]


def test_guest_of_a_planned_reception_makes_one_planned_visit() -> None:
    for body in (
        "يستقبل الرئيس التونسي قيس سعيد غدا نظيره الجزائري عبد المجيد تبون الذي يزور تونس لمدة يومين.",
        "تونس - يستقبل الرئيس قيس سعيد، غدا الأربعاء، نظيره الجزائري عبد المجيد تبون، الذي يزور تونس في "
        "زيارة رسمية تستمر يومين.",
        "ومن المقرر أن يستقبل أمير قطر الشيخ تميم بن حمد نظيره الكويتي مشعل الأحمد الذي يزور الدوحة.",
        "يستقبل الرئيس التونسي قيس سعيد غدا نظيره الجزائري عبد المجيد تبون الذي يزور تونس. ويصل تبون إلى تونس "
        "غدا في زيارة رسمية.",
    ):
        found = [e for e in events(body) if e.type.value == "visit"]
        assert [e.status.value for e in found] == ["planned"], body


def test_ongoing_relative_does_not_make_the_planned_reception_occur() -> None:
    found = events("يستقبل الرئيس التونسي قيس سعيد غدا نظيره الجزائري عبد المجيد تبون الذي يزور تونس حاليا.")
    assert {(e.type.value, e.status.value) for e in found} == {("meeting", "planned"), ("visit", "planned")}


def test_guest_of_a_held_reception_still_visits() -> None:
    found = events("استقبل الرئيس التونسي قيس سعيد اليوم نظيره الجزائري عبد المجيد تبون الذي يزور تونس.")
    assert {(e.type.value, e.status.value) for e in found} == {("meeting", "occurred"), ("visit", "occurred")}


def test_hosting_capital_is_the_meeting_place() -> None:
    for body, city in (
        ("واستضافت عمان اجتماعا لوزراء خارجية مصر والأردن والعراق.", "Amman"),
        ("تستضيف الرياض غدا قمة عربية طارئة يشارك فيها الرئيس المصري عبد الفتاح السيسي.", "Riyadh"),
        ("استضافت الدوحة محادثات بين وفدي الحكومة السودانية وقوات الدعم السريع.", "Doha"),
        ("واحتضنت العاصمة الرباط أمس اجتماعا بين وزير الخارجية المغربي ناصر بوريطة ونظيره الموريتاني.", "Rabat"),
    ):
        meetings = [e for e in pipeline(body) if e.type.value == "meeting"]
        assert meetings and meetings[0].place is not None and meetings[0].place.name_en == city, body


def test_tour_that_leads_to_its_stops() -> None:
    found = visits("وصل الرئيس الفرنسي إيمانويل ماكرون إلى داكار في جولة تقوده إلى باماكو وواغادوغو.")
    assert sorted(found) == [("occurred", "Dakar"), ("planned", "Bamako"), ("planned", "Ouagadougou")]


def test_tour_with_an_adjective_places_every_stop() -> None:
    found = visits("يبدأ الرئيس الفرنسي إيمانويل ماكرون غدا جولة أفريقية تشمل باماكو وواغادوغو.")
    assert sorted(found) == [("planned", "Bamako"), ("planned", "Ouagadougou")]


def test_visit_to_each_of_listed_places() -> None:
    found = visits("يزور الرئيس الفرنسي إيمانويل ماكرون الأسبوع المقبل كلا من باماكو وواغادوغو.")
    assert sorted(found) == [("planned", "Bamako"), ("planned", "Ouagadougou")]
    found = visits("زار وزير الدفاع التركي يشار غولر الأسبوع الماضي كلا من الصومال وجيبوتي.")
    assert sorted(found) == [("occurred", "Djibouti"), ("occurred", "Somalia")]


def test_tour_stop_with_a_two_word_name() -> None:
    found = visits("اختتم وزير الخارجية الروسي سيرغي لافروف جولة شملت مالي وبوركينا فاسو والنيجر.")
    assert sorted(found) == [("occurred", "Burkina Faso"), ("occurred", "Mali"), ("occurred", "Niger")]


def test_hosting_capital_before_its_verb_is_the_venue_not_a_party() -> None:
    meetings = [e for e in pipeline("وكانت عمان قد استضافت الشهر الماضي اجتماعا لوزراء خارجية دول جوار سوريا.")]
    assert meetings[0].place is not None and meetings[0].place.name_en == "Amman"
    meeting = next(e for e in pipeline("وتستضيف القاهرة الأسبوع المقبل جولة مفاوضات بين حركة حماس وإسرائيل."))
    assert meeting.place is not None and meeting.place.name_en == "Cairo"
    assert "القاهرة" not in {p.name for p in meeting.participants}


def test_oman_hosting_stays_oman_when_the_article_says_so() -> None:
    body = "واستضافت عمان محادثات بين الولايات المتحدة وإيران بوساطة وزير الخارجية العماني بدر البوسعيدي."
    meeting = next(e for e in pipeline(body) if e.type.value == "meeting")
    assert meeting.place is not None and meeting.place.country_code == "OM"
