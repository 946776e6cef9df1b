"""Patterns of official news met in real articles (session 7): a meeting that names one side only, told with a
visit, is the visit's meeting.

Invented wire-style sentences; no wording of any evaluation article.
"""

from __future__ import annotations

import pytest
from detector_helpers import events, names

from services.pipeline import extract
from shared.schemas import Article, EventStatus, EventType


def meeting_names(body: str) -> set[str]:
    (meeting,) = [e for e in events(body) if e.type == EventType.meeting]
    return {p.name for p in meeting.participants}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # the one side named is the host: the visitor is the other
            "زار وزير الخارجية الروسي سيرغي لافروف دمشق أمس. وجاءت تصريحات المسؤول الروسي خلال اللقاء مع الرئيس "
            "السوري بشار الأسد.",
            {"سيرغي لافروف", "بشار الأسد"},
        ),
        (  # "مع ضيفه": the host's guest is the visitor, and the plan stays a plan
            "يصل الرئيس النيجيري محمدو بوهاري غدا إلى الرباط في زيارة رسمية بدعوة من الملك محمد السادس. "
            "وسيجري الملك محمد السادس مباحثات رسمية مع ضيفه.",
            {"محمد السادس", "محمدو بوهاري"},
        ),
    ],
)
def test_a_one_sided_meeting_told_with_a_visit_takes_the_visits_other_side(body: str, expected: set[str]) -> None:
    assert meeting_names(body) == expected


def test_a_one_sided_meeting_of_someone_else_than_the_host_stays_as_told() -> None:
    body = (
        "زار الرئيس الفرنسي إيمانويل ماكرون القاهرة أمس حيث استقبله الرئيس عبد الفتاح السيسي. "
        "وفي سياق آخر، التقى وزير الخارجية المصري سامح شكري بعدد من السفراء."
    )
    meetings = [e for e in events(body) if e.type == EventType.meeting and "سامح شكري" in names(e)]
    assert all("إيمانويل ماكرون" not in names(m) for m in meetings)


def test_a_one_sided_meeting_does_not_take_the_side_of_a_visit_of_another_status() -> None:
    body = (
        "يزور الرئيس الفرنسي إيمانويل ماكرون القاهرة الأسبوع المقبل. "
        "والتقى الرئيس عبد الفتاح السيسي أمس في القاهرة."
    )
    meetings = [e for e in events(body) if e.type == EventType.meeting and e.status == EventStatus.occurred]
    assert all("إيمانويل ماكرون" not in names(m) for m in meetings)


def test_whom_the_visitor_meets_later_in_the_article_hosts_the_visit() -> None:
    body = (
        "وصل وزير الدفاع العراقي ثابت العباسي إلى الرياض اليوم في زيارة رسمية. "
        "وأكد الوزير أهمية التعاون بين البلدين. "
        "والتقى العباسي وزير الدفاع السعودي الأمير خالد بن سلمان."
    )
    (visit,) = [e for e in events(body) if e.type == EventType.visit]
    assert "خالد بن سلمان" in names(visit)


def test_a_phone_call_of_the_visitor_does_not_host_the_visit() -> None:
    body = (
        "وصل وزير الدفاع العراقي ثابت العباسي إلى الرياض اليوم في زيارة رسمية. "
        "وأجرى العباسي اتصالا هاتفيا مع وزير الخارجية التركي هاكان فيدان."
    )
    (visit,) = [e for e in events(body) if e.type == EventType.visit]
    assert "هاكان فيدان" not in names(visit)


def test_a_bare_official_with_a_demonym_is_the_official_of_that_country_named_before() -> None:
    body = (
        "قال نائب وزير الخارجية الروسي ميخائيل بوغدانوف إن بلاده تدعم السودان. "
        "وجاءت تصريحات المسؤول الروسي خلال اللقاء مع رئيس مجلس السيادة عبد الفتاح البرهان في بورتسودان."
    )
    assert meeting_names(body) == {"ميخائيل بوغدانوف", "عبد الفتاح البرهان"}


def test_a_bare_official_of_a_country_no_one_is_named_for_is_left_out() -> None:
    body = "والتقى المسؤول الأمريكي بالرئيس المصري عبد الفتاح السيسي في القاهرة."
    assert meeting_names(body) == {"عبد الفتاح السيسي"}


@pytest.mark.parametrize("noun", ["دعمه", "موقفه"])
def test_a_frequent_noun_with_his_ends_a_name_even_when_a_name_list_holds_it(noun: str) -> None:
    body = f"أعلن الرئيس الفرنسي إيمانويل ماكرون {noun} للبنان. وسيلتقي الرئيس الفرنسي نظيره اللبناني جوزاف عون غدا."
    assert meeting_names(body) == {"إيمانويل ماكرون", "جوزاف عون"}


def test_a_reception_phrase_after_a_bare_title_is_no_part_of_the_next_title() -> None:
    body = (
        "حل الرئيس النيجيري محمدو بوهاري اليوم بالرباط في زيارة رسمية. ولدى وصوله إلى مطار الرباط، "
        "وجد الرئيس النيجيري في استقباله الملك محمد السادس."
    )
    (visit,) = [e for e in events(body) if e.type == EventType.visit]
    roles = {p.name: p.role.value for p in visit.participants}
    assert roles == {"محمدو بوهاري": "visitor", "محمد السادس": "host"}


@pytest.mark.parametrize(
    "body",
    [
        "حل الرئيس النيجيري محمدو بوهاري، عشية اليوم الأحد بالرباط، في زيارة عمل رسمية للمملكة المغربية.",
        "وصل الرئيس النيجيري محمدو بوهاري عشية اليوم إلى الرباط.",
    ],
)
def test_this_evening_is_no_eve_of_a_plan_and_no_part_of_a_name(body: str) -> None:
    (visit,) = events(body)
    assert (visit.status, names(visit)) == (EventStatus.occurred, {"محمدو بوهاري"})


def test_on_the_eve_of_a_visit_it_is_still_ahead() -> None:
    body = "أعلن الوزير عشية زيارة الرئيس النيجيري محمدو بوهاري إلى الرباط أن الاتفاق جاهز."
    (visit,) = events(body)
    assert visit.status == EventStatus.planned


def test_talks_still_ahead_in_a_visit_under_way_are_with_the_guest() -> None:
    body = (
        "وصل الرئيس النيجيري محمدو بوهاري اليوم إلى الرباط في زيارة رسمية، وكان في استقباله الملك محمد السادس. "
        "وسيجري الملك محمد السادس مباحثات رسمية مع ضيفه."
    )
    (meeting,) = [e for e in events(body) if e.type == EventType.meeting and e.status == EventStatus.planned]
    assert names(meeting) == {"محمد السادس", "محمدو بوهاري"}


def test_a_plan_of_someone_else_beside_a_visit_under_way_keeps_its_own_side() -> None:
    body = (
        "وصل ولي العهد السعودي الأمير محمد بن سلمان اليوم إلى أنقرة. "
        "ويستعد الرئيس الأمريكي جو بايدن لجولة في المنطقة الشهر المقبل حيث سيلتقي قادة دول الخليج."
    )
    planned = [e for e in events(body) if e.type == EventType.meeting and e.status == EventStatus.planned]
    assert all("محمد بن سلمان" not in names(m) for m in planned)


@pytest.mark.parametrize(
    ("body", "visitor"),
    [
        ("أكدت الخارجية أنه لا صحة للأنباء عن زيارة وزير الدفاع التركي يشار غولر إلى دمشق.", "يشار غولر"),
        ("كذبت وزارة الخارجية الجزائرية خبر زيارة الوزير أحمد عطاف إلى باريس.", "أحمد عطاف"),
        ("اعتذر الرئيس التونسي قيس سعيد عن عدم تلبية دعوة لزيارة الجزائر.", "قيس سعيد"),
        ("اعتذر الرئيس التونسي قيس سعيد عن زيارة الجزائر بسبب ارتباطات سابقة.", "قيس سعيد"),
    ],
)
def test_a_report_called_untrue_or_a_visit_declined_is_denied(body: str, visitor: str) -> None:
    (visit,) = events(body)
    assert visit.status == EventStatus.denied
    assert {p.name: p.role.value for p in visit.participants} == {visitor: "visitor"}


def test_an_invitation_honoured_is_still_a_visit_that_took_place() -> None:
    (visit,) = events("وصل الرئيس التونسي قيس سعيد إلى الجزائر تلبية لدعوة من الرئيس عبد المجيد تبون.")
    assert visit.status == EventStatus.occurred


@pytest.mark.parametrize("name", ["جيسون غرينبلات", "كايد جمال جعارات"])
def test_a_family_name_in_at_that_is_no_arabic_plural_stays_in_the_name(name: str) -> None:
    assert name in meeting_names(f"التقى الرئيس المصري عبد الفتاح السيسي المبعوث الخاص {name} في القاهرة.")


def test_a_plural_after_a_name_still_ends_it() -> None:
    body = "بحث الرئيس الكيني وليام روتو تطورات الأوضاع مع الرئيس الصومالي حسن شيخ محمود هاتفيا."
    assert meeting_names(body) == {"وليام روتو", "حسن شيخ محمود"}


def test_who_denies_that_a_meeting_took_place_is_no_side_of_it() -> None:
    body = "نفت الرئاسة المصرية أن يكون الرئيس عبد الفتاح السيسي قد التقى بالمبعوث الأمريكي ستيف ويتكوف."
    (meeting,) = events(body)
    assert meeting.status == EventStatus.denied
    assert names(meeting) == {"عبد الفتاح السيسي", "ستيف ويتكوف"}


@pytest.mark.parametrize("holding", ["عقد قمة ثلاثية", "إجراء محادثات"])
def test_a_well_known_family_name_stays_and_a_holding_masdar_ends_the_name(holding: str) -> None:
    body = f"اقترح الرئيس التركي رجب طيب أردوغان {holding} في إسطنبول."
    assert meeting_names(body) == {"رجب طيب أردوغان"}


def test_a_present_tense_with_a_coming_week_anywhere_in_its_clause_is_planned() -> None:
    body = "يزور وفد عسكري مصري برئاسة رئيس الأركان الفريق أحمد خليفة العاصمة الليبية طرابلس الأسبوع المقبل."
    (visit,) = events(body)
    assert visit.status == EventStatus.planned


def test_a_coming_stage_of_cooperation_does_not_make_present_talks_a_plan() -> None:
    body = "يبحث الرئيس المصري عبد الفتاح السيسي مع ضيفه الملك عبد الله الثاني آفاق التعاون في المرحلة المقبلة."
    (meeting,) = events(body)
    assert meeting.status == EventStatus.occurred


def test_a_listed_given_name_that_reads_as_fa_and_the_article_opens_a_name() -> None:
    body = "التقى الفريق السعيد شنقريحة ونظيره الروسي فاليري غيراسيموف في موسكو."
    assert meeting_names(body) == {"السعيد شنقريحة", "فاليري غيراسيموف"}


def test_an_indefinite_object_after_a_name_ends_it() -> None:
    body = "وقع الفريق السعيد شنقريحة ونظيره الروسي فاليري غيراسيموف اتفاقا للتعاون في مجال التدريب العسكري."
    (agreement,) = events(body)
    assert names(agreement) == {"السعيد شنقريحة", "فاليري غيراسيموف"}


@pytest.mark.parametrize(
    "body",
    [
        'تستضيف مصر في نوفمبر المقبل التدريب العسكري المشترك "النجم الساطع" بمشاركة الولايات المتحدة.',
        'تنطلق في نوفمبر المقبل فعاليات التدريب المشترك "النجم الساطع" بين القوات المصرية والأمريكية.',
        "يزور الرئيس الفرنسي إيمانويل ماكرون الجزائر في شهر مايو القادم.",
    ],
)
def test_a_coming_month_makes_the_event_a_plan(body: str) -> None:
    (event,) = events(body)
    assert event.status == EventStatus.planned


def test_a_leaders_plane_landing_is_his_arrival() -> None:
    (visit,) = events("حطت طائرة الرئيس السوري أحمد الشرع في مطار الملك خالد الدولي بالرياض صباح اليوم.")
    assert (visit.type, names(visit)) == (EventType.visit, {"أحمد الشرع"})


def test_a_cargo_plane_landing_is_no_visit() -> None:
    assert events("حطت طائرة مساعدات إماراتية في مطار العريش.") == []


def test_a_dual_title_over_two_country_names_stands_for_both_countries() -> None:
    body = "عقد وزيرا خارجية مصر والسعودية اجتماعا في القاهرة لبحث الأوضاع في غزة."
    assert meeting_names(body) == {"مصر", "السعودية"}


def test_a_dual_title_over_two_country_names_is_the_two_ministers_named_before() -> None:
    body = (
        "التقى وزير الخارجية المصري بدر عبد العاطي بنظيره السعودي فيصل بن فرحان. "
        "وبحث وزيرا خارجية مصر والسعودية الأوضاع في غزة."
    )
    assert meeting_names(body) == {"بدر عبد العاطي", "فيصل بن فرحان"}


@pytest.mark.parametrize(
    ("body", "city"),
    [
        ("التقى وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني نظيره الإيراني عباس عراقجي على هامش منتدى الدوحة.",
         "الدوحة"),
        ("التقى وزير الخارجية الأمريكي ماركو روبيو نظيره الصيني وانغ يي على هامش مؤتمر ميونخ للأمن.", "ميونخ"),
        ("التقى الرئيس المصري عبد الفتاح السيسي الرئيس الفرنسي إيمانويل ماكرون خلال قمة شرم الشيخ للسلام.",
         "شرم الشيخ"),
    ],
)
def test_a_gathering_named_after_a_city_places_the_meeting_held_at_it(body: str, city: str) -> None:
    (meeting,) = extract(Article(id="unit", body=body))
    assert meeting.place is not None and meeting.place.name == city


def test_talks_about_a_gatherings_results_are_not_placed_at_it() -> None:
    body = "بحث وزير الخارجية المصري بدر عبد العاطي مع نظيره السعودي نتائج قمة الرياض."
    (meeting,) = extract(Article(id="unit", body=body))
    assert meeting.place is None


def test_an_envoy_called_muwfad_is_a_title() -> None:
    body = "استقبل الرئيس اللبناني جوزاف عون في قصر بعبدا الموفد الأمريكي توم براك."
    assert meeting_names(body) == {"جوزاف عون", "توم براك"}


@pytest.mark.parametrize(
    "body",
    [
        "تدرب فرنسا عناصر من الجيش اللبناني على مكافحة الإرهاب بموجب اتفاق بين البلدين.",
        "ستدرب فرنسا عناصر من الجيش اللبناني على مكافحة الإرهاب.",
        "فرنسا ستدرب عناصر من الجيش اللبناني على مكافحة الإرهاب.",
    ],
)
def test_who_trains_after_the_verb_is_the_trainer_and_its_object_the_trainee(body: str) -> None:
    (training,) = events(body)
    roles = {p.name: p.role.value for p in training.participants}
    assert roles == {"فرنسا": "trainer", "الجيش اللبناني": "trainee"}


def test_upon_his_arrival_points_back_at_the_visit_and_the_deputy_of_an_office_is_one_title() -> None:
    body = (
        "وصل إلى الرياض اليوم الرئيس الأوكراني فولوديمير زيلينسكي في زيارة رسمية للمملكة. وكان في استقباله لدى "
        "وصوله مطار الملك خالد الدولي نائب أمير منطقة الرياض الأمير محمد بن عبدالرحمن بن عبدالعزيز."
    )
    (visit,) = events(body)
    roles = {p.name: p.role.value for p in visit.participants}
    assert roles == {"فولوديمير زيلينسكي": "visitor", "محمد بن عبدالرحمن بن عبدالعزيز": "host"}


def test_a_summit_with_his_pronoun_is_a_summit_and_a_quote_in_the_first_person_is_no_summit() -> None:
    (summit,) = events("ألغى الرئيس الأمريكي دونالد ترامب قمته المقررة مع الرئيس الروسي فلاديمير بوتين في بودابست.")
    assert (summit.type, summit.status) == (EventType.meeting, EventStatus.denied)
    assert all(e.type != EventType.meeting for e in events("قال الوزير: قمت بزيارة إلى دمشق."))


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("رحب الرئيس اللبناني جوزاف عون بفكرة عقد لقاء مع الرئيس السوري أحمد الشرع.", EventStatus.proposed),
        ("لا يزال اللقاء بين الرئيسين الروسي والأوكراني مستبعدا في الوقت الحالي.", EventStatus.denied),
    ],
)
def test_an_idea_is_proposed_and_an_unlikely_meeting_denied(body: str, status: EventStatus) -> None:
    (meeting,) = events(body)
    assert meeting.status == status


def test_who_heads_a_delegation_named_bare_visits_with_it() -> None:
    body = "وصل إلى القاهرة وفد من صندوق النقد الدولي برئاسة كريستالينا غورغييفا في زيارة تستمر يومين."
    (visit,) = events(body)
    assert "كريستالينا غورغييفا" in names(visit)
