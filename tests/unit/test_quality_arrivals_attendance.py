"""Patterns of official news met in real articles (session 5): the pluperfect arrival of the visit told before,
attendees added by "كما حضره", sites named after a person, relative clauses that arrive, travel verbs with several
destinations, untitled names before their title, and places inside titles.

Invented wire-style sentences; no wording of any evaluation article.
"""

from __future__ import annotations

import datetime as dt

import pytest
from detector_helpers import events, has_name, names, one

from services.pipeline import extract
from shared.schemas import Article, ParticipantRole

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


# 4. Who arrives and who receives: a relative clause after an apposition; a host who also invited


def test_the_antecedent_of_a_relative_arrives() -> None:
    body = (
        "استقبل الدكتور مصطفى مدبولي، رئيس مجلس الوزراء، بمطار القاهرة اليوم، عادل عبد المهدي، رئيس وزراء "
        "العراق، الذي وصل القاهرة صباح اليوم."
    )
    roles = {p.name: p.role for p in one(body, "visit").participants}
    assert roles.get("عادل عبد المهدي") == ParticipantRole.visitor, roles
    assert roles.get("مصطفى مدبولي") == ParticipantRole.host, roles


def test_the_receiver_hosts_beside_an_inviter() -> None:
    body = (
        "استقبل رئيس الوزراء مصطفى مدبولي اليوم رئيس وزراء العراق عادل عبد المهدي الذي وصل على رأس وفد لزيارة "
        "مصر، تلبية لدعوة من الرئيس عبد الفتاح السيسي."
    )
    roles = {p.name: p.role for p in one(body, "visit").participants}
    assert roles.get("مصطفى مدبولي") == ParticipantRole.host, roles
    assert roles.get("عادل عبد المهدي") == ParticipantRole.visitor, roles


# 5. A travel verb listing its destinations: one visit per stop


@pytest.mark.parametrize(
    ("body", "stops"),
    [
        ("أعلنت الخارجية الأمريكية أن وزير الخارجية ماركو روبيو سيسافر إلى ألمانيا وإسرائيل والإمارات الأسبوع "
         "المقبل.", 3),
        ("توجه الرئيس الفرنسي إيمانويل ماكرون إلى الرياض وأبوظبي والدوحة في جولة خليجية.", 3),
    ],
)
def test_a_travel_verb_with_several_destinations(body: str, stops: int) -> None:
    assert len([e for e in events(body) if e.type.value == "visit"]) == stops


def test_a_single_destination_is_one_visit() -> None:
    assert len([e for e in events("سافر وزير الخارجية الأمريكي ماركو روبيو إلى ألمانيا أمس.") if
                e.type.value == "visit"]) == 1


# 6. Names: an unlisted middle name, the other side after مع, a title that begins after a name


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("تلقى الرئيس عبد الفتاح السيسي اتصالاً هاتفياً من محمد شياع السوداني رئيس وزراء العراق.",
         "محمد شياع السوداني"),
        ("أجرى الشيخ محمد بن زايد آل نهيان اليوم اتصالاً هاتفياً مع دونالد ترامب رئيس الولايات المتحدة.",
         "دونالد ترامب"),
        ("بحث الملك عبدالله الثاني هاتفيا مع إيمانويل ماكرون رئيس الجمهورية الفرنسية تطورات المنطقة.",
         "إيمانويل ماكرون"),
    ],
)
def test_untitled_names_before_their_title(body: str, name: str) -> None:
    meeting = one(body, "meeting")
    assert has_name(meeting, name), names(meeting)


@pytest.mark.parametrize(
    "body",
    [
        "وتشهد المنطقة تحركات سياسية مع اقتراب قدوم الرئيس الأمريكي إلى الرياض حيث سيلتقي قادة دول الخليج.",
        "أكد الرئيسان خلال لقائهما حرصهما على دفع العلاقات الثنائية إلى آفاق أرحب.",
    ],
)
def test_phrases_are_no_names(body: str) -> None:
    for event in events(body):
        assert not any(p.kind.value == "person" and len(p.name.split()) == 2 and p.name.split()[0] in
                       ("اقتراب", "آفاق") for p in event.participants), names(event)


def test_a_crown_prince_title_after_the_name_is_not_part_of_it() -> None:
    body = ("وعقد الشيخ تميم بن حمد آل ثاني والشيخ محمد بن زايد آل نهيان ولي عهد أبوظبي اجتماعا اليوم في "
            "قصر البحر بالعاصمة الدوحة.")
    meeting = one(body, "meeting")
    assert has_name(meeting, "محمد بن زايد آل نهيان"), names(meeting)
    assert not any(p.name.endswith("ولي") for p in meeting.participants), names(meeting)


# 7. A place inside a participant's title is the person's domain or nationality, not the venue


@pytest.mark.parametrize(
    ("body", "venue"),
    [
        ("بحث أمير قطر الشيخ تميم بن حمد آل ثاني اليوم مع ولي عهد أبوظبي الشيخ محمد بن زايد آل نهيان العلاقات "
         "الثنائية. وذكرت الوكالة أن الشيخ تميم والشيخ محمد بن زايد آل نهيان ولي عهد أبوظبي نائب القائد الأعلى "
         "للقوات المسلحة بدولة الإمارات عقدا اجتماعا قبل ظهر اليوم في قصر البحر بالعاصمة الدوحة.", "QA"),
    ],
)
def test_a_title_place_is_not_the_venue(body: str, venue: str) -> None:
    article = Article(id="unit", body=body, published_at=dt.date(2025, 8, 12))
    meetings = [e for e in extract(article, dt.datetime(2026, 1, 1, tzinfo=dt.UTC)) if e.type.value == "meeting"]
    assert [e.place.country_code if e.place else None for e in meetings] == [venue]


def test_a_pilot_rank_is_part_of_the_title() -> None:
    body = ("وقع الاتفاقية عن الجانب العماني العميد الركن طيار ناصر بن سعيد السعدي، مساعد رئيس الأركان للتدريب، "
            "على ملحق التدريب والتمارين المشتركة.")
    training = one(body, "training_agreement")
    assert has_name(training, "ناصر بن سعيد السعدي"), names(training)
    assert not has_name(training, "طيار"), names(training)


# 8. Status: what was supposed to happen, what will not happen at its set time


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("أرجئت زيارة وزير الدفاع اللبناني إلى دمشق، حيث كان من المفترض أن يلتقي الوزير ميشال منسى نظيره السوري "
         "مرهف أبو قصرة.", "meeting"),
        ("وكان من المفترض أن يصل وزير الخارجية السوري أسعد الشيباني إلى بيروت في اليومين المقبلين.", "visit"),
        ("أعلنت الرئاسة أن زيارة الرئيس الفرنسي إيمانويل ماكرون إلى الجزائر لن تتم في موعدها.", "visit"),
    ],
)
def test_what_was_supposed_to_happen_is_denied(body: str, kind: str) -> None:
    assert one(body, kind).status.value == "denied"


def test_what_is_scheduled_stays_planned() -> None:
    body = "وكان من المقرر أن يصل الرئيس الفرنسي إيمانويل ماكرون إلى الرباط غدا."
    assert one(body, "visit").status.value == "planned"


# 9. Stops listed after a colon, and a travel verb's destination behind a long titled subject


def test_stops_listed_after_a_colon() -> None:
    body = ("توجه رئيس مجلس السيادة الفريق أول ركن عبد الفتاح البرهان، صباح اليوم، إلى العاصمة الإريترية، أسمرا، "
            "في زيارة رسمية. وتعد هذه الزيارة الرابعة للبرهان لدول المنطقة، حيث زار خلال الأيام الماضية كل من: "
            "مصر وقطر وجنوب السودان.")
    visits = [e for e in events(body) if e.type.value == "visit"]
    assert len(visits) == 4, [sorted(names(e)) for e in visits]
    for visit in visits:
        assert names(visit) == {"عبد الفتاح البرهان"}, names(visit)


# 10. Regions the news names (curated in shared/resources/places_curated.json)


@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("بدأت مناورات عسكرية روسية جزائرية مشتركة في أوسيتيا الشمالية.", "RU"),
        ("وصل وزير الدفاع الإثيوبي أبراهام بيلاي إلى إقليم أمهرة في زيارة تفقدية.", "ET"),
        ("زار الرئيس الصومالي حسن شيخ محمود ولاية بونتلاند.", "SO"),
    ],
)
def test_curated_regions(body: str, country: str) -> None:
    article = Article(id="unit", body=body, published_at=dt.date(2025, 8, 12))
    found = extract(article, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert [(e.place.country_code, e.place.precision.value) if e.place else None for e in found] == [
        (country, "region")
    ]


# 11. An arrival's welcome is part of the visit, not talks


@pytest.mark.parametrize(
    "body",
    [
        "وصل رئيس دولة فلسطين محمود عباس اليوم العاصمة الصينية بكين في زيارة رسمية. وكان في استقبال سيادته نائب "
        "وزير الخارجية الصيني جانغ مين.",
        "وصل المبعوث الأممي هانس غروندبرغ اليوم إلى عدن. وكان في استقبال المبعوث الأممي في مطار عدن وكيل وزارة "
        "الخارجية مثنى العامري.",
    ],
)
def test_a_welcome_at_arrival_is_no_meeting(body: str) -> None:
    assert [e.type.value for e in events(body)] == ["visit"]


def test_the_arriving_minister_named_again_in_the_welcome_stays_the_visitor() -> None:
    body = ("وصل وزير الخارجية الأردني أيمن الصفدي إلى دمشق، وكان في استقبال الوزير أيمن الصفدي لدى وصوله نظيره "
            "السوري أسعد الشيباني.")
    roles = {p.name: p.role for p in one(body, "visit").participants}
    assert roles.get("أيمن الصفدي") == ParticipantRole.visitor, roles
    assert roles.get("أسعد الشيباني") == ParticipantRole.host, roles


def test_a_shrine_noun_ends_a_name() -> None:
    visit = one("زار وزير الخارجية الإيراني عباس عراقجي مقام السيدة زينب في دمشق.", "visit")
    assert names(visit) == {"عباس عراقجي"}, names(visit)


def test_a_country_tag_opening_the_article_is_no_venue() -> None:
    body = ("ليبيا – نظمت الرئاسة الفرنسية اليوم استقبالا رسميا للمشير خليفة حفتر الذي يزور فرنسا بدعوة من الرئيس "
            "إيمانويل ماكرون.")
    article = Article(id="unit", body=body, published_at=dt.date(2025, 8, 12))
    found = extract(article, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert all(e.place is None or e.place.country_code != "LY" for e in found), [
        (e.type.value, e.place.name if e.place else None) for e in found
    ]


# 12. Training partners after مع


@pytest.mark.parametrize(
    ("body", "partners"),
    [
        ("أعلن الجيش اللبناني اليوم بدء تدريب بحري مشترك مع الولايات المتحدة وبريطانيا وفرنسا.",
         {"الولايات المتحدة", "بريطانيا", "فرنسا"}),
        ("أجرت القوات المسلحة المصرية تدريبا مشتركا مع فرنسا.", {"فرنسا"}),
    ],
)
def test_joint_training_partners_after_with(body: str, partners: set[str]) -> None:
    training = one(body, "training_agreement")
    roles = {p.name: p.role for p in training.participants}
    assert partners <= roles.keys(), roles
    assert all(roles[name] == ParticipantRole.party for name in partners), roles


def test_an_arrival_goes_where_its_ila_says_behind_the_subject() -> None:
    body = ("وصل العاهل الأردني الملك عبد الله الثاني بن الحسين، اليوم الخميس، إلى العاصمة أبوظبي في زيارة عمل. "
            "وتأتي الزيارة بعد يوم من اختتام ولي العهد السعودي زيارته إلى الأردن.")
    article = Article(id="unit", body=body, published_at=dt.date(2025, 8, 12))
    visits = [e for e in extract(article, dt.datetime(2026, 1, 1, tzinfo=dt.UTC)) if e.type.value == "visit"]
    assert [e.place.country_code if e.place else None for e in visits] == ["AE"]


# 13. A word shared with sports news (هدف، مدرب) alone does not make a sentence a match report


def test_an_aim_is_no_goal() -> None:
    body = ("أعلنت القيادة بأن تمرينا بحريا بين القوات البحرية الأميركية والقوات البحرية الملكية السعودية هدفه "
            "الحفاظ على الأمن الإقليمي.")
    assert one(body, "training_agreement").participants


def test_a_match_report_stays_sports() -> None:
    assert events("التقى المنتخب الوطني نظيره المغربي في مباراة ودية سجل فيها اللاعب هدفين.") == []


# 14. A series of bilateral meetings: one event per counterpart, placed where the series is


def test_meetings_with_several_counterparts_are_bilateral() -> None:
    body = ("عقد الرئيس التركي رجب طيب أردوغان اليوم لقاءات مع نظيره الأوزبكي شوكت ميرزيوييف، ورئيس الوزراء "
            "الكمبودي هون سن. وكان أردوغان قد عقد اجتماعات ثنائية مع نظرائه الصيني شي جين بينغ، والإيراني حسن روحاني.")
    meetings = [sorted(names(e)) for e in events(body) if e.type.value == "meeting"]
    assert sorted(meetings) == sorted(
        [sorted(["رجب طيب أردوغان", other]) for other in ["شوكت ميرزيوييف", "هون سن", "شي جين بينغ", "حسن روحاني"]]
    ), meetings


def test_talks_with_two_counterparts_stay_one_meeting() -> None:
    body = "أجرى وزير الخارجية السعودي فيصل بن فرحان محادثات مع نظيره الأردني أيمن الصفدي والمصري بدر عبد العاطي."
    assert len([e for e in events(body) if e.type.value == "meeting"]) == 1


def test_a_series_takes_the_place_of_the_meeting_told_before() -> None:
    body = ("التقى الرئيس التركي رجب طيب أردوغان نظيره القيرغيزي صدر جباروف في العاصمة الطاجيكية دوشنبه. وعقد "
            "أردوغان لقاءات مع نظيره الأوزبكي شوكت ميرزيوييف، ورئيس الوزراء الكمبودي هون سن.")
    article = Article(id="unit", body=body, published_at=dt.date(2025, 8, 12))
    meetings = [e for e in extract(article, dt.datetime(2026, 1, 1, tzinfo=dt.UTC)) if e.type.value == "meeting"]
    assert len(meetings) == 3
    assert all(e.place is not None and e.place.country_code == "TJ" for e in meetings), [
        (sorted(p.name for p in e.participants), e.place.name if e.place else None) for e in meetings
    ]


def test_a_meeting_verb_listing_its_counterparts_after_kulla_min() -> None:
    body = ("يلتقي رئيس مجلس النواب أحمد الصفدي خلال الزيارة كلا من رئيس مجلس اللوردات جون ماكفول، ووزير الدفاع "
            "البريطاني جون هيلي.")
    meetings = [sorted(names(e)) for e in events(body) if e.type.value == "meeting"]
    assert sorted(meetings) == [["أحمد الصفدي", "جون ماكفول"], ["أحمد الصفدي", "جون هيلي"]], meetings


# 15. Denials and verbs that are no names


def test_kept_from_completing_the_visit_is_denied() -> None:
    body = ("ألغى الرئيس المصري حسني مبارك زيارته إلى مدينة جدة للاجتماع مع الملك السعودي عبد الله. وقالت المصادر "
            "إن جدول الأعمال المزدحم منعه من إتمام الزيارة.")
    assert [e.status.value for e in events(body) if e.type.value == "visit"] == ["denied"]


def test_a_verb_after_a_bare_title_is_no_name() -> None:
    body = "أجرى الرئيس المصري حسني مبارك اتصالاً هاتفياً مع الملك السعودي تطرق إلى الوضع في العراق."
    assert all(not has_name(e, "تطرق") for e in events(body))


def test_a_name_stops_before_lam_and_another_name() -> None:
    body = ("نفت القاهرة وجود ترتيبات للقاء يجمع الرئيسين المصري محمد مرسي والأميركي باراك أوباما. وكانت الأنباء قد "
            "ركزت على دعوة الرئيس باراك أوباما لمرسي لحضور الجمعية العامة ولقاء الرئيس الأميركي.")
    for event in events(body):
        assert not any("لمرسي" in p.name for p in event.participants), names(event)


def test_a_welcome_at_the_airport_is_a_visit_too() -> None:
    body = "استقبل رئيس الوزراء مصطفى مدبولي بمطار القاهرة اليوم رئيس وزراء العراق عادل عبد المهدي."
    roles = {p.name: p.role for p in one(body, "visit").participants}
    assert roles == {"مصطفى مدبولي": ParticipantRole.host, "عادل عبد المهدي": ParticipantRole.visitor}, roles


def test_a_reception_in_a_palace_is_no_visit() -> None:
    body = "استقبل الرئيس عبد المجيد تبون وزير الخارجية الإيطالي أنطونيو تاياني في قصر المرادية."
    assert [e.type.value for e in events(body)] == ["meeting"]


@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("ويتواجد الرئيس حسني مبارك حاليا في منتجع شرم الشيخ حيث يتوقع وصول العاهل الأردني الملك عبدالله الثاني.",
         "EG"),
        ("ويتوجه الرئيس الأمريكي جو بايدن إلى السعودية الشهر المقبل، حيث سيلتقي قادة دول مجلس التعاون الخليجي.",
         "SA"),
    ],
)
def test_an_event_in_a_where_clause_is_at_the_place_before_it(body: str, country: str) -> None:
    article = Article(id="unit", body=body, published_at=dt.date(2025, 8, 12))
    found = extract(article, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert found and all(e.place is not None and e.place.country_code == country for e in found), [
        (e.type.value, e.place.name if e.place else None) for e in found
    ]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("أعلنت الرئاسة التركية أن رئيسي لن يزور تركيا، وأنه تم تأجيل الزيارة إلى وقت لاحق. وكان من المقرر أن يزور "
         "الرئيس الإيراني إبراهيم رئيسي العاصمة أنقرة يوم أمس.", "denied"),
        ("وكان من المقرر أن يزور الرئيس الإيراني إبراهيم رئيسي العاصمة أنقرة غدا.", "planned"),
        ("أرجئت زيارة الرئيس الإيراني إلى الأسبوع المقبل. وكان من المقرر أن يزور الرئيس الإيراني إبراهيم رئيسي "
         "العاصمة أنقرة اليوم.", "planned"),
    ],
)
def test_a_plan_told_in_the_past_in_a_story_of_its_cancellation(body: str, status: str) -> None:
    assert [e.status.value for e in events(body) if e.type.value == "visit"] == [status]


def test_one_unknown_word_between_kana_and_qad_is_the_subject() -> None:
    body = ("استقبل المشير خليفة حفتر في بنغازي قائد أفريكوم الجنرال داغفين أندرسون. وكان أندرسون قد زار طرابلس أمس، "
            "حيث التقى رئيس حكومة الوحدة الوطنية عبدالحميد الدبيبة.")
    meetings = [e for e in events(body) if e.type.value == "meeting" and has_name(e, "عبدالحميد الدبيبة")]
    assert meetings and any("أندرسون" in name for name in names(meetings[0])), [names(e) for e in meetings]


def test_a_common_noun_between_kana_and_qad_is_no_person() -> None:
    assert events("وكانت الحكومة قد وافقت على الاتفاقية. وكان الاجتماع قد عقد في القاهرة.") == []
