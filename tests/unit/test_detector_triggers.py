"""Triggers in their many forms, and the traps that look like events but are not (spec/EVENTS.md)."""

from __future__ import annotations

import pytest
from detector_helpers import events, has_name, one


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان.", "meeting"),
        ("يلتقي الرئيس التونسي قيس سعيد اليوم رئيسة الحكومة الإيطالية جورجيا ميلوني.", "meeting"),
        ("عقد رئيس الوزراء العراقي محمد شياع السوداني اجتماعا مع السفير الأمريكي ألينا رومانوسكي.", "meeting"),
        ("استقبل الرئيس الجزائري عبد المجيد تبون وزير الخارجية الإيطالي أنطونيو تاياني.", "meeting"),
        ("بحث رئيس مجلس السيادة عبد الفتاح البرهان مع المبعوث الأممي رمطان لعمامرة الأوضاع في السودان.", "meeting"),
        ("أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين.", "meeting"),
        ("تلقى ولي العهد السعودي الأمير محمد بن سلمان مكالمة هاتفية من الرئيس الفرنسي إيمانويل ماكرون.", "meeting"),
        ("زار وزير الدفاع الروسي سيرغي شويغو العاصمة السورية دمشق.", "visit"),
        ("وصل رئيس الوزراء الليبي عبد الحميد الدبيبة إلى أنقرة في زيارة رسمية.", "visit"),
        ("حل وزير الخارجية الفرنسي جان إيف لودريان ضيفا على العاصمة الليبية طرابلس.", "visit"),
        ("تفقد رئيس الأركان الفريق أول محمد الحداد وحدات الجيش في مدينة سرت.", "visit"),
        ("اختتمت القوات المسلحة المصرية والسودانية تدريبات مشتركة في قاعدة مروي الجوية.", "training_agreement"),
        (
            "انطلقت مناورات الأسد الأفريقي بمشاركة القوات المسلحة الملكية المغربية والقوات الأمريكية.",
            "training_agreement",
        ),
    ],
)
def test_trigger_forms(body: str, kind: str) -> None:
    assert one(body, kind).participants


def test_a_visit_with_talks_is_two_events() -> None:
    found = events(
        "وصل الرئيس الموريتاني محمد ولد الغزواني إلى باماكو في زيارة رسمية التقى خلالها رئيس المجلس "
        "العسكري الانتقالي عاصمي غويتا."
    )
    assert sorted(e.type.value for e in found) == ["meeting", "visit"]


def test_phone_call_is_a_meeting_with_its_own_code() -> None:
    event = one("أجرى الرئيس الجزائري عبد المجيد تبون اتصالا هاتفيا مع الرئيس التونسي قيس سعيد.", "meeting")
    assert event.cameo_code == "041" and event.plover_category == "CONSULT"
    assert has_name(event, "عبد المجيد تبون") and has_name(event, "قيس سعيد")


def test_sports_match_is_not_a_meeting() -> None:
    assert events("فاز المنتخب المغربي في لقاء أمس على نظيره الجزائري بهدفين نظيفين في الدوري.") == []


def test_sports_story_loses_its_meetings() -> None:
    body = (
        "أوقف الاتحاد الدولي للمصارعة لاعبا إيرانيا لستة أشهر. وكان اللاعب علي رضا كريمي متقدما في مباراته. "
        "وبعد اللقاء قال المدرب إن اللاعب كان مصابا."
    )
    assert events(body) == []


def test_a_plane_that_arrives_is_not_a_visit() -> None:
    assert events("وصلت طائرة الركاب إلى مطار القاهرة الدولي قادمة من دبي.") == []


def test_relations_that_reach_a_level_are_not_a_visit() -> None:
    assert events("أشاد الجانبان بالمستوى المتميز الذي وصلت إليه العلاقات الثنائية بين البلدين.") == []


def test_analysts_opinion_is_not_an_event() -> None:
    assert events("وقال المحلل السياسي محمد العمر إن واشنطن تريد إبعاد موسكو عن ليبيا وتقليص نفوذها.") == []


def test_training_needs_a_military_context() -> None:
    assert events("نظمت الجامعة برنامجا تدريبيا للطلاب في مجال البرمجة بمشاركة شركة مايكروسوفت.") == []


def test_round_of_talks_is_not_a_tour() -> None:
    found = events(
        "ومن المقرر أن يجتمع الرئيس الكوري الجنوبي مون جيه-إن مع زعيم كوريا الشمالية في بيونغ يانغ "
        "لإجراء جولة ثالثة من المحادثات."
    )
    assert [e.type.value for e in found] == ["meeting"]


def test_word_that_contains_a_trigger_is_not_one() -> None:
    # فيصل = ف + يصل, وزارة = و + زار + ة
    assert events("وأعلنت وزارة الخارجية أن الأمير فيصل بن فرحان سيرأس الوفد.") == []


def test_maghreb_training_course() -> None:
    body = (
        "نظمت وزارة الدفاع الوطني بالتعاون مع السفارة الأمريكية دورة تكوينية لفائدة ضباط من الجيش "
        "الوطني الشعبي حول مكافحة الإرهاب."
    )
    assert one(body, "training_agreement").participants


def test_top_of_priorities_is_not_a_summit() -> None:
    assert events("وتأتي قضية الأمن في قمة أولويات الرئيس عبد المجيد تبون خلال المرحلة المقبلة.") == []


def test_television_interview_is_not_a_meeting() -> None:
    assert events("وقال الرئيس التونسي قيس سعيد في لقاء تلفزيوني إن البلاد تواجه تحديات كبيرة.") == []


def test_troops_that_arrive_are_a_deployment_not_a_visit() -> None:
    assert events("وصلت قوات روسية إلى قاعدة تمبكتو في شمال مالي بعد انسحاب القوات الفرنسية.") == []


def test_election_round_is_not_a_tour() -> None:
    assert events("ويتنافس المرشح عبد المجيد تبون مع منافسه في جولة الإعادة من الانتخابات الرئاسية.") == []


def test_battle_is_not_an_event_and_its_sides_are_not_parties() -> None:
    found = events(
        "واندلعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم السريع في الفاشر، بينما التقى قائد الجيش "
        "عبد الفتاح البرهان بقادة الفرق العسكرية."
    )
    assert [e.type.value for e in found] == ["meeting"]
    assert {p.name for p in found[0].participants} == {"عبد الفتاح البرهان"}
