"""Function words are no persons and movements are organisations: a quantifier (كلا من، كلتا) or a verbal
noun with ل/ب (لبحث، لمناقشة، لتعزيز) after a title starts no name; ذي/ذو before a given name is part of it
(ذي يزن); a movement head before a bare proper noun (حركة حماس، حركة طالبان، جماعة الحوثي، تيار الحكمة)
names an organisation, also as a side after بين … و; an invitation verb's subject hosts the visit it
proposes and the one invited visits (دعا فلان نظيره إلى زيارة، وجه فلان الدعوة إلى نظيره لزيارة)."""

from __future__ import annotations

import pytest

from shared.schemas import ParticipantKind, ParticipantRole
from tests.unit.detector_helpers import events, has_name, names, one


@pytest.mark.parametrize(
    "body",
    [
        "زار وزير الخارجية السعودي فيصل بن فرحان كلا من القاهرة وعمان الأسبوع الماضي.",
        "زار رئيس الوزراء الإيطالي جوزيبي كونتي كلا من الجزائر وتونس في جولة إقليمية.",
        "التقى الرئيس الفرنسي إيمانويل ماكرون بوزيرة الدفاع في ألمانيا لبحث التعاون العسكري.",
        "اجتمع وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني بوزير الداخلية في العراق لمناقشة الأوضاع الأمنية.",
        "التقى قائد الجيش المالي أسيمي غويتا بوزير الدفاع في النيجر لتعزيز التعاون بين البلدين.",
    ],
)
def test_quantifiers_and_purpose_nouns_are_no_persons(body: str) -> None:
    found = events(body)
    assert found
    for event in found:
        for name in names(event):
            assert not {"كلا", "لبحث", "لمناقشة", "لتعزيز"} & set(name.split()), name


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("التقى وزير الخارجية اليمني ذي يزن العليمي نظيره العماني في مسقط.", "ذي يزن العليمي"),
        ("التقى رئيس الوزراء ذي يزن الحسني أمس السفير الأمريكي جون سميث في صنعاء.", "ذي يزن الحسني"),
        ("استقبل الرئيس المصري عبد الفتاح السيسي ذي يزن العليمي في القاهرة.", "ذي يزن العليمي"),
    ],
)
def test_dhu_opens_a_given_name(body: str, name: str) -> None:
    assert has_name(one(body, "meeting"), name)


@pytest.mark.parametrize(
    ("body", "movement", "other"),
    [
        ("انطلقت أمس في القاهرة مفاوضات غير مباشرة بين حركة حماس وإسرائيل.", "حركة حماس", "إسرائيل"),
        ("انطلقت أمس في الدوحة مفاوضات بين حركة طالبان والحكومة الأفغانية.", "حركة طالبان", "الحكومة الأفغانية"),
        ("عقدت في جنيف محادثات بين جماعة الحوثي والحكومة اليمنية.", "جماعة الحوثي", "الحكومة اليمنية"),
        ("التقى الرئيس محمود عباس وفدا من حركة فتح في رام الله.", "حركة فتح", "محمود عباس"),
        (
            "استقبل رئيس الوزراء العراقي محمد شياع السوداني وفدا من تيار الحكمة في بغداد.",
            "تيار الحكمة",
            "محمد شياع السوداني",
        ),
    ],
)
def test_movements_are_organisations(body: str, movement: str, other: str) -> None:
    event = one(body, "meeting")
    assert has_name(event, movement) and has_name(event, other), names(event)
    kinds = {p.name: p.kind for p in event.participants}
    assert kinds[movement] == ParticipantKind.organization


def test_a_movement_head_before_an_adjective_is_no_organisation() -> None:
    event = one("شهدت المدينة حركة تجارية نشطة خلال زيارة الوزير جون سميث.", "visit")
    assert names(event) == {"جون سميث"}


@pytest.mark.parametrize(
    ("body", "inviter", "invited"),
    [
        (
            "وجه الرئيس الجزائري عبد المجيد تبون الدعوة إلى نظيره التونسي قيس سعيد لزيارة الجزائر.",
            "عبد المجيد تبون",
            "قيس سعيد",
        ),
        (
            "دعا الرئيس الجزائري عبد المجيد تبون نظيره التونسي قيس سعيد إلى زيارة الجزائر.",
            "عبد المجيد تبون",
            "قيس سعيد",
        ),
        (
            "وجه الملك الأردني عبد الله الثاني الدعوة إلى الرئيس السوري أحمد الشرع لزيارة عمان.",
            "عبد الله الثاني",
            "أحمد الشرع",
        ),
    ],
)
def test_the_inviter_hosts(body: str, inviter: str, invited: str) -> None:
    event = one(body, "visit")
    roles = {p.name: p.role for p in event.participants}
    assert roles == {inviter: ParticipantRole.host, invited: ParticipantRole.visitor}
    assert event.status.value == "proposed"


def test_an_inviting_government_hosts() -> None:
    event = one("وجهت الحكومة المصرية دعوة إلى وزير الخارجية السوداني لزيارة القاهرة قريبا.", "visit")
    assert {p.name: p.role for p in event.participants}.get("الحكومة المصرية") == ParticipantRole.host
