"""Patterns of official news met in real articles (session 8): who negotiated a training at talks is a party
to it.

Invented wire-style sentences; no wording of any evaluation article.
"""

from __future__ import annotations

import pytest
from detector_helpers import events, names

from services.pipeline import extract
from shared.schemas import Article, DetectedEvent, EventStatus, EventType, ParticipantRole


def roles(event: DetectedEvent) -> dict[str, ParticipantRole]:
    return {p.name: p.role for p in event.participants}


def training_names(body: str) -> set[str]:
    trainings = [e for e in events(body) if e.type == EventType.training_agreement]
    assert trainings, "no training found"
    return set().union(*(names(e) for e in trainings))


@pytest.mark.parametrize(
    "body",
    [
        (  # an impersonal "جرى بحث" after the talks: the talks' persons discussed it
            "استقبل وزير الدفاع الأردني يوسف الحنيطي اليوم في عمان السفير الفرنسي ألكسندر جوردان. "
            "وجرى خلال اللقاء بحث زيادة عدد المقاعد المخصصة لضباط الجيش الأردني في الدورات التدريبية الفرنسية."
        ),
        (  # "وتناول الاجتماع": the meeting as the subject of the discussion
            "التقى رئيس الأركان المغربي محمد بريظ أمس في الرباط قائد القوات الإسبانية خوسيه رودريغيز. "
            "وتناول الاجتماع إمكانية تنظيم تدريبات مشتركة للقوات الخاصة المغربية العام المقبل."
        ),
        (  # "وقّع الجانبان": the two sides of the talks signed the training programme
            "استقبل وزير الدفاع التونسي عماد مميش نظيره الجزائري محمد سعيد في تونس. "
            "وأضاف البيان أن الجانبين وقعا عقب الاجتماع برنامجا لتدريب القوات الخاصة التونسية."
        ),
    ],
)
def test_the_persons_of_the_talks_are_parties_of_the_training_they_discussed_or_signed(body: str) -> None:
    meeting = next(e for e in events(body) if e.type == EventType.meeting)
    assert names(meeting) <= training_names(body)


def test_a_training_held_by_the_forces_is_not_the_negotiators() -> None:
    body = (
        "استقبل رئيس الدولة محمد ولد الغزواني اليوم في نواكشوط قائد القوات الأمريكية في أفريقيا مايكل لانغلي. "
        "وتناول اللقاء برامج تدريب الجيش الموريتاني التي تشرف عليها القوات الأمريكية."
    )
    assert "محمد ولد الغزواني" not in training_names(body)


def test_talks_long_before_do_not_negotiate_a_training() -> None:
    body = (
        "استقبل وزير الدفاع الأردني يوسف الحنيطي اليوم في عمان السفير الفرنسي ألكسندر جوردان. "
        "وبحث الجانبان العلاقات الثنائية. وأكد الوزير أهمية التعاون. وأشاد السفير بدور الأردن. "
        "وأشار إلى تطور العلاقات الاقتصادية. وفي شأن آخر، جرى بحث إجراء تدريبات مشتركة للقوات البحرية في البلدين."
    )
    assert "يوسف الحنيطي" not in training_names(body)


def test_a_present_tense_meeting_during_a_visit_still_ahead_is_planned() -> None:
    body = (
        "يصل الرئيس الفرنسي إيمانويل ماكرون إلى الرباط الأسبوع المقبل في زيارة رسمية. "
        "يلتقي الرئيس الفرنسي خلالها بالملك محمد السادس."
    )
    (meeting,) = [e for e in events(body) if e.type == EventType.meeting]
    assert meeting.status == EventStatus.planned


def test_whom_the_visitor_meets_during_the_visit_hosts_it() -> None:
    body = (
        "من المقرر أن يصل الرئيس عبد الفتاح السيسي غدا إلى لشبونة في زيارة رسمية. "
        "كما يلتقي الرئيس خلال الزيارة الرئيس البرتغالي مارسيلو ريبيلو دي سوزا."
    )
    (visit,) = [e for e in events(body) if e.type == EventType.visit]
    assert roles(visit) == {
        "عبد الفتاح السيسي": ParticipantRole.visitor,
        "مارسيلو ريبيلو دي سوزا": ParticipantRole.host,
    }
    (meeting,) = [e for e in events(body) if e.type == EventType.meeting]
    assert names(meeting) == {"عبد الفتاح السيسي", "مارسيلو ريبيلو دي سوزا"}


def test_who_a_since_dates_from_is_no_participant() -> None:
    body = (
        "وصل الرئيس الكيني وليام روتو إلى أديس أبابا اليوم، في أول زيارة يقوم بها إلى إثيوبيا "
        "منذ تولي آبي أحمد منصبه."
    )
    (visit,) = [e for e in events(body) if e.type == EventType.visit]
    assert names(visit) == {"وليام روتو"}


def test_the_one_after_a_reception_with_a_pronoun_receives_the_visitor() -> None:
    body = (
        "وصل الرئيس الكوري الجنوبي لي جيه ميونغ إلى طوكيو اليوم في زيارة رسمية، حيث كانت في استقباله "
        "وزيرة الخارجية اليابانية يوكو كاميكاوا، في أول زيارة يقوم بها إلى اليابان."
    )
    visits = [e for e in events(body) if e.type == EventType.visit]
    assert len(visits) == 1
    assert roles(visits[0])["يوكو كاميكاوا"] == ParticipantRole.host


def test_any_event_of_a_kind_is_no_event() -> None:
    body = (
        "وأكد المصدر أن أي اتصال هاتفي بين الرئيس عبد الفتاح السيسي والرئيس الأمريكي دونالد ترامب "
        "يتم الإعلان عنه وفقا للمتبع."
    )
    assert events(body) == []


def test_what_prevented_an_event_denies_it() -> None:
    body = (
        "وأشار البلاغ إلى أن وعكة صحية حالت دون استقبال الملك محمد السادس رئيس وزراء كوريا الجنوبية هان دك سو "
        "اليوم الثلاثاء."
    )
    (meeting,) = [e for e in events(body) if e.type == EventType.meeting]
    assert meeting.status == EventStatus.denied


def test_the_genitive_of_a_visit_visits_even_after_a_reception_verb() -> None:
    body = (
        "استقبل الرئيس الفلسطيني محمود عباس، وزير الخارجية الأردني أيمن الصفدي، في رام الله، وأكد عباس "
        "خلال اللقاء أن زيارة الصفدي مهمة."
    )
    (visit,) = [e for e in events(body) if e.type == EventType.visit]
    assert roles(visit)["أيمن الصفدي"] == ParticipantRole.visitor


@pytest.mark.parametrize("again", ["كما استقبل", "واستقبل أيضا"])
def test_a_reception_with_no_subject_of_its_own_is_the_last_receivers(again: str) -> None:
    body = (
        "استقبل وزير الدفاع السعودي الأمير خالد بن سلمان اليوم في الرياض وزير الدفاع الباكستاني خواجة آصف. "
        f"{again} وزير الدفاع القطري خالد العطية."
    )
    meetings = [e for e in events(body) if e.type == EventType.meeting]
    assert {"خالد العطية", "خالد بن سلمان"} in [names(m) for m in meetings]


def test_a_dual_future_verb_plans_the_talks_it_governs() -> None:
    body = "وقال المتحدث إن الرئيسين عبد الفتاح السيسي وعبدالله الثاني سيعقدان جلسة مباحثات في عمان."
    (meeting,) = [e for e in events(body) if e.type == EventType.meeting]
    assert meeting.status == EventStatus.planned


def test_the_two_sides_are_a_visits_visitor_and_host_not_two_visitors() -> None:
    body = (
        "وصل العاهل السعودي الملك سلمان بن عبد العزيز إلى القاهرة اليوم، وكان في استقباله الرئيس عبد الفتاح السيسي. "
        "وقال التلفزيون إن الأمير محمد بن سلمان وصل إلى القاهرة قبل قليل من وصول الملك سلمان. "
        "وقال المتحدث إن الجانبين سيعقدان جلسة مباحثات عقب الاستقبال الرسمي."
    )
    (meeting,) = [e for e in events(body) if e.type == EventType.meeting]
    assert {"سلمان بن عبد العزيز", "عبد الفتاح السيسي"} <= names(meeting)


def test_a_since_phrase_runs_to_its_comma() -> None:
    body = "وهذه أول زيارة يقوم بها الملك سلمان بن عبد العزيز للقاهرة منذ توليه الحكم خلفا لأخيه الملك عبد الله."
    (visit,) = [e for e in events(body) if e.type == EventType.visit]
    assert names(visit) == {"سلمان بن عبد العزيز"}


@pytest.mark.parametrize(
    "body",
    [
        "بدعوة كريمة من خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز، يقوم الرئيس الأمريكي جوزيف بايدن بزيارة "
        "رسمية إلى المملكة العربية السعودية.",
        "بدعوة من الرئيس عبد الفتاح السيسي يزور الرئيس الفرنسي إيمانويل ماكرون القاهرة الأسبوع المقبل.",
    ],
)
def test_a_fronted_inviter_hosts_the_visit(body: str) -> None:
    (visit,) = [e for e in events(body) if e.type == EventType.visit]
    hosts = {name for name, role in roles(visit).items() if role == ParticipantRole.host}
    assert hosts in ({"سلمان بن عبدالعزيز"}, {"عبد الفتاح السيسي"})


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وقال المتحدث إن زيارة الوزير يوسف بن علوي تهدف إلى تعزيز العلاقات.", {"يوسف بن علوي"}),
        ("والتقى وزير الخارجية الإيراني محمد جواد ظريف يومي الأحد والإثنين نظيره العماني.", {"محمد جواد ظريف"}),
        ("وصل الرئيس الصيني شي جينبينغ إلى موسكو اليوم في زيارة رسمية.", {"شي جينبينغ"}),
        ("وصل وزير الدفاع الروسي أناتولي سيرديوكوف إلى بكين اليوم في زيارة رسمية.", {"أناتولي سيرديوكوف"}),
    ],
)
def test_where_a_name_ends(body: str, expected: set[str]) -> None:
    persons = {p.name for e in events(body) for p in e.participants if p.kind.value == "person"}
    assert persons == expected


def test_a_visit_listing_its_countries_is_one_visit_per_country() -> None:
    body = "وقالت وسائل الإعلام إن الرئيس الإيراني إبراهيم رئيسي ينوي زيارة كينيا وأوغندا وزيمبابوي الأسبوع المقبل."
    visits = [e for e in events(body) if e.type == EventType.visit]
    assert len(visits) == 3
    assert {v.status for v in visits} == {EventStatus.planned}


def test_who_attended_these_talks_takes_part_in_them() -> None:
    body = (
        "أجرى الملك محمد السادس اليوم بالقصر الملكي بالرباط مباحثات مع الملك فيليبي السادس عاهل إسبانيا. "
        "وحضر هذه المباحثات وزير الشؤون الخارجية ناصر بوريطة."
    )
    (meeting,) = [e for e in events(body) if e.type == EventType.meeting]
    assert "ناصر بوريطة" in names(meeting)


def test_whom_a_newcomer_succeeds_is_no_participant() -> None:
    body = (
        "استقبل وزير الداخلية الموريتاني محمد أحمد ولد محمد الأمين اليوم في نواكشوط السفير الجزائري الجديد أمين "
        "صيد، الذي تولى مهامه خلفا للسفير السابق محمد بن عتو."
    )
    (meeting,) = [e for e in events(body) if e.type == EventType.meeting]
    assert "محمد بن عتو" not in names(meeting)


def test_the_countries_a_trip_is_for_are_visits_ahead() -> None:
    body = "غادر الرئيس الصيني شي جينبينغ بكين اليوم لزيارة فيتنام وماليزيا وكمبوديا."
    located = extract(Article(id="unit", body=body))
    legs = {e.place.country_code: e.status for e in located if e.type == EventType.visit and e.place}
    assert {legs.get(code) for code in ("VN", "MY", "KH")} == {EventStatus.planned}


def test_a_short_verb_after_a_title_is_no_name_and_who_renews_an_invitation_hosts() -> None:
    body = (
        "تلقى أمير الكويت الشيخ صباح الأحمد الجابر الصباح اتصالا هاتفيا من الرئيس الأمريكي دونالد ترامب. "
        "وأشارت الوكالة إلى أن أمير الكويت جدد دعوته للرئيس الأمريكي للقيام بزيارة رسمية للكويت."
    )
    (visit,) = [e for e in events(body) if e.type == EventType.visit]
    assert roles(visit) == {
        "صباح الأحمد الجابر الصباح": ParticipantRole.host,
        "دونالد ترامب": ParticipantRole.visitor,
    }


def test_the_territory_named_by_a_demonym_is_that_country() -> None:
    body = "وصل الرئيس الفرنسي إيمانويل ماكرون اليوم إلى الأراضي المغربية في زيارة دولة."
    (visit,) = [e for e in extract(Article(id="unit", body=body)) if e.type == EventType.visit]
    assert visit.place is not None and visit.place.country_code == "MA"
