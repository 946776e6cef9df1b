"""Whom a visitor meets during the visit hosts it: "زار … حيث التقى فلانا"، "استقبل فلان الضيف"."""

from __future__ import annotations

from detector_helpers import events, one


def roles(body: str) -> dict[str, str]:
    return {p.name: p.role.value for p in one(body, "visit").participants}


def test_person_met_where_the_visitor_went_hosts_the_visit() -> None:
    found = roles(
        "زار وزير الخارجية الإيراني عباس عراقجي العاصمة العمانية مسقط، حيث التقى السلطان هيثم بن طارق."
    )
    assert found == {"عباس عراقجي": "visitor", "هيثم بن طارق": "host"}


def test_person_met_in_a_following_clause_with_wa_hosts_the_visit() -> None:
    found = roles(
        "وصل رئيس الوزراء الإثيوبي آبي أحمد إلى جيبوتي في زيارة رسمية، واجتمع مع الرئيس الجيبوتي إسماعيل عمر جيله."
    )
    assert found["آبي أحمد"] == "visitor" and found["إسماعيل عمر جيله"] == "host"


def test_receiver_of_a_touring_general_hosts_his_tour() -> None:
    body = (
        "استقبل الرئيس السنغالي باسيرو ديوماي فاي في دكار قائد القوات الفرنسية في أفريقيا الجنرال باسكال ياني. "
        "ويقوم الجنرال ياني بجولة تشمل عدة دول أفريقية."
    )
    assert roles(body) == {"باسكال ياني": "visitor", "باسيرو ديوماي فاي": "host"}


def test_a_planned_meeting_does_not_host_a_visit_that_took_place() -> None:
    body = (
        "زار رئيس الوزراء اللبناني نجيب ميقاتي باريس أمس. "
        "ومن المقرر أن يلتقي ميقاتي الرئيس الفرنسي إيمانويل ماكرون الأسبوع المقبل في بروكسل."
    )
    visit = next(e for e in events(body) if e.type.value == "visit")
    assert {p.role.value for p in visit.participants} == {"visitor"}
