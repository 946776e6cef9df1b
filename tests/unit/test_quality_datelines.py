"""A dateline names the city a wire files from: "عمان - بترا" is Amman, not the Sultanate of Oman.

Invented sentences; a meeting in the dateline city without a visit cue is a meeting only.
"""

from __future__ import annotations

import datetime as dt

from services.pipeline import extract
from shared.schemas import Article, Event


def pipeline(body: str) -> list[Event]:
    return list(extract(Article(id="unit", body=body, published_at=dt.datetime(2025, 8, 12, tzinfo=dt.UTC))))


def test_dateline_name_of_a_country_and_a_capital_is_the_capital() -> None:
    for body in (
        "عمان - بترا - التقى وزير الخارجية أيمن الصفدي نظيره المصري سامح شكري، وبحث الجانبان التطورات.",
        "عمان (بترا) - استقبل وزير الدفاع يوسف العيسوي رئيس أركان الجيش العراقي عبد الأمير يار الله.",
    ):
        meetings = [e for e in pipeline(body) if e.type.value == "meeting"]
        assert meetings and meetings[0].place is not None and meetings[0].place.name_en == "Amman", body


def test_meeting_in_the_dateline_city_is_no_visit() -> None:
    for body in (
        "الرياض - التقى وزير الخارجية السعودي فيصل بن فرحان نظيره الأردني أيمن الصفدي وبحثا العلاقات الثنائية.",
        "الرباط - أجرى وزير الخارجية المغربي ناصر بوريطة مباحثات مع نظيره الموريتاني محمد سالم ولد مرزوك.",
    ):
        assert [e.type.value for e in pipeline(body)] == ["meeting"], body


def test_thanks_addressed_to_the_host_country_is_no_visit() -> None:
    for body in (
        "الرياض - التقى وزير الخارجية السعودي فيصل بن فرحان نظيره الأردني أيمن الصفدي. وتوجه الصفدي بالشكر إلى "
        "المملكة على دعمها.",
        "وتوجه الرئيس السوداني عبد الفتاح البرهان بالتهنئة إلى الشعب المصري.",
        "القاهرة - استقبل الرئيس عبد الفتاح السيسي رئيس الوزراء الليبي. وتوجه رئيس الوزراء بالتحية إلى مصر قيادة "
        "وشعبا.",
    ):
        assert "visit" not in [e.type.value for e in pipeline(body)], body


def test_travel_toward_a_city_is_still_a_visit() -> None:
    assert [e.type.value for e in pipeline("توجه الرئيس السوداني عبد الفتاح البرهان إلى القاهرة.")] == ["visit"]


def test_round_of_consultations_is_no_tour() -> None:
    for body in (
        "الرياض - أجرى وزير الخارجية السعودي فيصل بن فرحان ونظيره الأردني أيمن الصفدي جولة مشاورات سياسية.",
        "وعقد وزير الخارجية المصري بدر عبد العاطي ونظيره التركي هاكان فيدان جولة مباحثات موسعة في القاهرة.",
        "عمان - أجرى وزير الخارجية الأردني أيمن الصفدي ونظيره العراقي فؤاد حسين جولة حوار استراتيجي.",
    ):
        assert "visit" not in [e.type.value for e in pipeline(body)], body
