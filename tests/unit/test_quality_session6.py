"""Patterns of official news met in real articles (session 6): two titles in a row, offices of a province,
demonstrative references to the event told before, and the place a visit verb takes as its object.

Invented wire-style sentences; no wording of any evaluation article.
"""

from __future__ import annotations

import datetime as dt

import pytest
from detector_helpers import events, has_name, names, one

from services.pipeline import extract
from shared.schemas import Article, Event, ParticipantRole


def extracted(body: str, kind: str) -> Event:
    """The single event of type ``kind`` the whole chain (segment, detect, geolocate) gives for ``body``."""
    article = Article(id="unit", body=body, published_at=dt.date(2025, 8, 12))
    found = [e for e in extract(article) if e.type.value == kind]
    assert len(found) == 1, [(e.type.value, sorted(p.name for p in e.participants)) for e in found]
    return found[0]


# 1. A bare definite title, then an office in construct: two persons (the guest's title, the host's)


@pytest.mark.parametrize(
    ("body", "host"),
    [
        ("وكان في استقبال المبعوث الأممي محافظ الحديدة سالم الجبري وعدد من المسؤولين.", "سالم الجبري"),
        ("وكان في استقبال الوزير والي كسلا الصادق الأزرق.", "الصادق الأزرق"),
        ("وكان في استقبال السفير وزير الخارجية كمال الحسيني.", "كمال الحسيني"),
    ],
)
def test_a_second_office_after_a_bare_title_is_another_person(body: str, host: str) -> None:
    visit = one(body, "visit")
    hosts = {p.name for p in visit.participants if p.role == ParticipantRole.host}
    assert hosts == {host}, names(visit)
    assert not any(p.name.startswith(("محافظ", "والي", "وزير")) for p in visit.participants), names(visit)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("التقى محافظ الحديدة سالم الجبري السفير الفرنسي جان بيرتون.", "سالم الجبري"),
        ("التقى والي الخرطوم أحمد عثمان حمزة السفير الفرنسي جان بيرتون.", "أحمد عثمان حمزة"),
    ],
)
def test_the_place_of_a_governor_is_part_of_his_title(body: str, name: str) -> None:
    assert has_name(one(body, "meeting"), name)


@pytest.mark.parametrize(
    "body",
    [
        "استقبل نائب رئيس الوزراء وزير الخارجية أيمن الصفدي نظيره القبرصي كونستانتينوس كومبوس.",
        "استقبل ولي العهد رئيس مجلس الوزراء الأمير محمد بن سلمان الرئيس الفرنسي إيمانويل ماكرون.",
        "استقبل الفريق أول ركن رئيس مجلس السيادة عبد الفتاح البرهان السفير الأمريكي جون غودفري.",
    ],
)
def test_a_double_office_read_in_construct_stays_one_person(body: str) -> None:
    meeting = one(body, "meeting")
    assert len(meeting.participants) == 2, names(meeting)


def test_a_given_name_that_is_also_an_office_word_stays_a_name() -> None:
    assert has_name(one("التقى الرئيس أمين الجميل السفير الفرنسي جان بيرتون في بيروت.", "meeting"), "أمين الجميل")


# 2. "وتأتي هذه الزيارة في إطار …": the visit told before; the names of its context are not its parties


def test_a_demonstrative_reference_adds_no_parties() -> None:
    body = (
        "وصل وزير الخارجية الموريتاني محمد سالم ولد مرزوك إلى تونس في زيارة رسمية. "
        "وتأتي هذه الزيارة تنفيذا لتوجيهات قائدي البلدين الرئيس قيس سعيد والرئيس محمد ولد الشيخ الغزواني."
    )
    visits = [e for e in events(body) if e.type.value == "visit"]
    assert len(visits) == 1, [sorted(names(e)) for e in visits]
    assert names(visits[0]) == {"محمد سالم ولد مرزوك"}


def test_whom_a_visit_met_stay_its_hosts_when_the_demonstrative_frames_the_meeting() -> None:
    body = (
        "استقبل الرئيس عبد المجيد تبون قائد القوات الأمريكية في إفريقيا الجنرال مايكل لانغلي الذي يقوم بزيارة "
        "إلى الجزائر. وقال لانغلي: وفي هذه الزيارة التقيت برئيس أركان الجيش الفريق أول السعيد شنقريحة."
    )
    visit = one(body, "visit")
    assert has_name(visit, "السعيد شنقريحة"), names(visit)


# 3. "زار وفد من حكومة … العاصمة الأردنية عمان": the capital is where the visit went, not a visitor


@pytest.mark.parametrize(
    "body",
    [
        "زار وفد من الحكومة السورية العاصمة الأردنية عمان أمس.",
        "زار وفد من حكومة النظام ضم وزيري الكهرباء والنفط العاصمة الأردنية عمان.",
        "زارت بعثة الاتحاد الأوروبي ليبيا الأسبوع الماضي.",
    ],
)
def test_the_country_a_delegation_visits_is_no_visitor(body: str) -> None:
    visit = one(body, "visit")
    assert visit.participants and all(p.kind.value != "country" for p in visit.participants), names(visit)
    assert not any("العاصمة" in p.name for p in visit.participants), names(visit)


def test_places_with_curated_display_names() -> None:
    """GeoNames' most frequent Arabic spelling of Casablanca is its old name; news says الدار البيضاء."""
    body = "استقبل وزير الخارجية ناصر بوريطة نظيره الأردني أيمن الصفدي في الدار البيضاء أمس."
    meeting = extracted(body, "meeting")
    assert meeting.place is not None and meeting.place.name == "الدار البيضاء"
    assert meeting.place.country_code == "MA"
    body = "وصل وزير الخارجية المغربي ناصر بوريطة إلى المملكة الأردنية في زيارة عمل."
    visit = extracted(body, "visit")
    assert visit.place is not None and visit.place.country_code == "JO"


# 4. Words that read as names and are not: "الناطق باسم"، "وفد رفيع"، "تحياته"، "خادم الحرمين الشريفين"


@pytest.mark.parametrize(
    "body",
    [
        "وقال وزير الإعلام والناطق باسم الحكومة الأردنية، محمد المومني، إن ولي العهد السعودي سيزور عمان غدا.",
        "وقالت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا إن الوزير سيزور القاهرة الأسبوع المقبل.",
    ],
)
def test_a_spokesman_speaks_in_the_name_of_a_body(body: str) -> None:
    for event in events(body):
        assert not any(p.name.startswith("باسم") for p in event.participants), names(event)


def test_a_high_level_delegation_names_no_one() -> None:
    visit = one("وصل رئيس الوزراء العراقي محمد شياع السوداني إلى أنقرة على رأس وفد رفيع بمستهل زيارة رسمية.", "visit")
    assert names(visit) == {"محمد شياع السوداني"}


def test_greetings_and_their_senders_are_no_parties() -> None:
    body = (
        "استقبل أمير الكويت الشيخ مشعل الأحمد الجابر الصباح في قصر بيان وزير الخارجية المصري بدر عبد العاطي. "
        "ونقل الوزير في بداية الاستقبال تحيات الرئيس عبد الفتاح السيسي، ورئيس الوزراء مصطفى مدبولي، لأمير الكويت، "
        "فيما حمله الأمير تحياته وتقديره للرئيس المصري."
    )
    meeting = one(body, "meeting")
    assert names(meeting) == {"مشعل الأحمد الجابر الصباح", "بدر عبد العاطي"}


def test_the_custodian_of_the_two_holy_mosques_is_a_title() -> None:
    meeting = one("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود الرئيس الفرنسي إيمانويل ماكرون.",
                  "meeting")
    assert names(meeting) == {"سلمان بن عبدالعزيز آل سعود", "إيمانويل ماكرون"}


def test_a_seven_word_name_is_whole() -> None:
    meeting = one("التقى ولي العهد الأمير محمد بن سلمان بن عبدالعزيز آل سعود الرئيس الأمريكي دونالد ترامب.", "meeting")
    assert "محمد بن سلمان بن عبدالعزيز آل سعود" in names(meeting)


def test_and_to_is_no_governor() -> None:
    body = "التقى وزير الدفاع اللبناني ميشال منسى قائد الجيش، وإلى تمويل مستدام دعا الوزير."
    for event in events(body):
        assert not any("مستدام" in p.name for p in event.participants), names(event)


# 5. A visit told before: "الزيارة" again names no one; its cancellation cancels it


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("أعلن البيت الأبيض أن الرئيس جو بايدن سيزور السعودية الشهر المقبل. وقالت المتحدثة إن الزيارة أُلغيت "
         "بسبب خلافات بين البلدين.", "denied"),
        ("من المقرر أن يزور الرئيس التونسي قيس سعيد مصر. لكن الرئاسة أعلنت تأجيل هذه الزيارة.", "denied"),
        ("زار الرئيس التونسي قيس سعيد مصر أمس. وتأتي هذه الزيارة بعد أن ألغيت زيارة سابقة كانت مقررة في مارس.",
         "occurred"),
        ("زار رئيس الوزراء العراقي محمد شياع السوداني القاهرة أمس. ومن المنتظر أن تشهد الزيارة مباحثات موسعة بين "
         "الجانبين المصري والعراقي.", "occurred"),
        ("من المقرر أن يزور الرئيس التونسي قيس سعيد مصر. ولم يتم الإعلان عن موعد هذه الزيارة.", "planned"),
    ],
)
def test_a_visit_told_again_is_the_same_visit(body: str, status: str) -> None:
    visit = one(body, "visit")
    assert visit.status.value == status
    assert all(p.kind.value != "country" for p in visit.participants), names(visit)


# 6. Royal short forms, deputy crown princes, army names, habits


def test_a_prince_named_again_by_his_given_name_is_the_same_person() -> None:
    body = (
        "استقبل الرئيس الروسي فلاديمير بوتين في مدينة سوتشي الأمير محمد بن سلمان ولي ولي العهد وزير الدفاع. "
        "وثمن الرئيس بوتين خلال استقباله للأمير محمد علاقات بلاده مع السعودية."
    )
    meeting = one(body, "meeting")
    assert names(meeting) == {"فلاديمير بوتين", "محمد بن سلمان"}


def test_an_army_named_with_its_adjectives_is_no_person() -> None:
    body = "حل الفريق أول السعيد شنقريحة، رئيس أركان الجيش الوطني الشعبي، أمس في زيارة رسمية إلى الصين."
    assert names(one(body, "visit")) == {"السعيد شنقريحة"}


@pytest.mark.parametrize(
    "body",
    [
        "ويجتمع البلدان على أعلى مستوى سنويا ضمن لجنة الصداقة المشتركة.",
        "ويلتقي وزيرا الدفاع في البلدين دوريا لبحث التعاون العسكري.",
    ],
)
def test_what_happens_every_year_is_no_event(body: str) -> None:
    assert events(body) == []


def test_a_capital_is_shown_in_its_usual_spelling() -> None:
    body = "التقى الرئيس التركي رجب طيب أردوغان رئيس الوزراء العراقي محمد شياع السوداني في أنقرة أمس."
    meeting = extracted(body, "meeting")
    assert meeting.place is not None and meeting.place.name == "أنقرة"


# 7. Postponements, speakers of a possessive pronoun, particles and regnal numbers in names, two-word capitals


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("أعلنت الخارجية الباكستانية تأجيل موعد وصول ولي العهد السعودي محمد بن سلمان إلى الأحد.", "planned"),
        ("أعلن المتحدث باسم الخارجية الإيرانية بإمكانية تأجيل زيارة الرئيس الإيراني مسعود بزشكيان إلى الجزائر.",
         "planned"),
        ("أعلنت الرئاسة تأجيل زيارة الرئيس الإيراني مسعود بزشكيان إلى الجزائر دون تحديد موعد جديد.", "denied"),
    ],
)
def test_a_postponement_to_a_day_ahead_or_a_possible_one_keeps_it_planned(body: str, status: str) -> None:
    assert one(body, "visit").status.value == status


def test_the_speaker_who_opens_the_sentence_owns_the_meeting_pronoun() -> None:
    body = (
        "أكد وزير الدفاع الإيطالي غويدو كروسيتو، أن تعزيز التعاون العسكري مع ليبيا يعد أولوية استراتيجية بالنسبة "
        "إلى إيطاليا، وذلك خلال لقائه رئيس المجلس الرئاسي الليبي محمد المنفي."
    )
    assert names(one(body, "meeting")) == {"غويدو كروسيتو", "محمد المنفي"}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("التقت الوزيرة نظيرها الإيطالي لويجي دي مايو في روما.", "لويجي دي مايو"),
        ("كما يستقبل الملك محمد السادس مأدبة عشاء رسمية على شرف الضيف.", None),
        ("استقبل الملك عبد الله الثاني بن الحسين الرئيس الفرنسي إيمانويل ماكرون.", "عبد الله الثاني بن الحسين"),
    ],
)
def test_particles_and_regnal_numbers_in_names(body: str, name: str | None) -> None:
    found = {n for e in events(body) for n in names(e)}
    if name is not None:
        assert name in found, found
    assert not any("مأدبة" in n for n in found), found


def test_a_two_word_capital_after_a_title_is_no_name() -> None:
    body = "وكان من المقرر أن يصل ولي العهد السعودي إلى إسلام أباد، السبت، على رأس وفد في زيارة تستغرق يومين."
    for event in events(body):
        assert not any("أباد" in n for n in names(event)), names(event)


# 8. Short forms with ابن, bare titles before or after a name, whom a visitor meets during his visit


def test_ibn_salman_is_the_crown_prince_named_before_and_each_counterpart_is_a_meeting() -> None:
    body = (
        "وكان من المقرر أن يصل ولي العهد السعودي الأمير محمد بن سلمان إلى إسلام آباد، السبت. وخلال الزيارة سيعقد "
        "ابن سلمان عددا من الاجتماعات مع عدد من كبار المسؤولين بينهم الرئيس عارف علوي ورئيس الوزراء عمران خان."
    )
    meetings = [e for e in events(body) if e.type.value == "meeting"]
    assert sorted(sorted(names(m)) for m in meetings) == [
        ["عارف علوي", "محمد بن سلمان"], ["عمران خان", "محمد بن سلمان"]
    ]
    visit = one(body, "visit")
    hosts = {p.name for p in visit.participants if p.role == ParticipantRole.host}
    assert hosts == {"عارف علوي", "عمران خان"}, names(visit)


def test_a_bare_title_before_a_comma_and_a_name_is_that_person() -> None:
    body = (
        "وصل الأمير محمد بن سلمان إلى الأردن تلبية لدعوة من العاهل الأردني، الملك عبدالله الثاني. "
        "والتقى الأمير محمد بن سلمان العاهل الأردني وعددا من المسؤولين."
    )
    assert names(one(body, "meeting")) == {"محمد بن سلمان", "عبدالله الثاني"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("استقبل رئيس حكومة إقليم كردستان مسرور بارزاني الوزير الألماني بوريس بيستوريوس في أربيل.",
         {"مسرور بارزاني", "بوريس بيستوريوس"}),
        ("استقبل الملك عبدالله الثاني العاهل الأردني الرئيس الفرنسي إيمانويل ماكرون.",
         {"عبدالله الثاني", "إيمانويل ماكرون"}),
        ("استقبل الأمير خالد بن سلمان وزير الدفاع في مكتبه بالرياض قائد الجيش الباكستاني الفريق أول عاصم منير.",
         {"خالد بن سلمان", "عاصم منير"}),
    ],
)
def test_a_title_after_a_name_is_his_unless_it_names_another_rank_or_country(body: str, expected: set[str]) -> None:
    assert names(one(body, "meeting")) == expected


# 9. "إلى البلاد" in a national agency's wire; an envoy's post inside his title; the announcer of an arrival


def test_a_visit_to_the_country_of_the_wire() -> None:
    body = "كونا - وصل وزير الدفاع الأمريكي لويد أوستن إلى البلاد أمس في زيارة رسمية تستغرق يومين."
    visit = extracted(body, "visit")
    assert visit.place is not None and visit.place.country_code == "KW"


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("استقبل وزير الخارجية السفير الروسي لدى سوريا ألكسندر يفيموف في دمشق.", "ألكسندر يفيموف"),
        ("وصل وزير الدفاع في الولايات المتحدة الأميركية لويد أوستن إلى الكويت في زيارة رسمية.", "لويد أوستن"),
    ],
)
def test_an_officials_post_abroad_is_part_of_his_title(body: str, name: str) -> None:
    found = {n for e in events(body) for n in names(e)}
    assert name in found, found


def test_who_announces_an_arrival_does_not_arrive() -> None:
    body = "أعلنت وزارة الخارجية المصرية أمس وصول وزير الخارجية الأمريكي أنتوني بلينكن إلى القاهرة."
    assert names(one(body, "visit")) == {"أنتوني بلينكن"}


# 10. A visit announced for today and the reception that shows it held; a return home after a visit


def test_a_visit_announced_for_today_is_held_when_its_reception_is_reported() -> None:
    body = (
        "استقبل العاهل السعودي الملك سلمان بن عبد العزيز آل سعود في قصر اليمامة بالرياض المشير خليفة حفتر. "
        "وكان مصدر عسكري قد أكد أن حفتر سيقوم بزيارة رسمية للمملكة العربية السعودية اليوم بناء على دعوة من "
        "الملك سلمان بن عبد العزيز آل سعود."
    )
    assert one(body, "visit").status.value == "occurred"


def test_a_visit_onward_the_same_day_stays_planned() -> None:
    body = (
        "غادر القاهرة اليوم وزير الخارجية الأمريكي أنتوني بلينكن متوجها إلى إسرائيل بعد زيارة لمصر استغرقت "
        "يومين، استقبله خلالها الرئيس عبد الفتاح السيسي."
    )
    statuses = sorted(e.status.value for e in events(body) if e.type.value == "visit")
    assert "planned" in statuses, statuses


def test_a_return_home_is_neither_the_place_nor_a_welcome_of_the_visit() -> None:
    body = (
        "عاد رئيس مجلس السيادة الفريق أول ركن عبد الفتاح البرهان اليوم إلى السودان عقب زيارة رسمية إلى "
        "العاصمة الإريترية أسمرا. وكان في استقبال البرهان لدى وصوله مطار بورتسودان عضو مجلس السيادة "
        "إبراهيم جابر."
    )
    visit = extracted(body, "visit")
    assert visit.place is not None and visit.place.country_code == "ER"
    assert {p.name for p in visit.participants} == {"عبد الفتاح البرهان"}


# 11. Maghreb wording: a working session, names with ولد, the rotating chair, "زوال اليوم"


def test_a_working_session_with_a_visiting_minister() -> None:
    body = (
        "عقد وزير الدفاع الوطني حنن ولد سيدي زوال اليوم في مكتبه بنواكشوط جلسة عمل مع الرئيس الدوري لمجلس وزراء "
        "الدفاع لمجموعة دول الساحل داود يحيى إبراهيم، الذي يزور البلاد حاليا على رأس وفد هام."
    )
    meeting = one(body, "meeting")
    assert {"حنن ولد سيدي", "داود يحيى إبراهيم"} <= names(meeting), names(meeting)
    visit = one(body, "visit")
    visitors = {p.name for p in visit.participants if p.role == ParticipantRole.visitor}
    assert visitors == {"داود يحيى إبراهيم"}, names(visit)


def test_a_father_in_ya_after_walad_is_part_of_the_name() -> None:
    assert "حنن ولد سيدى" in names(one("التقى وزير الدفاع حنن ولد سيدى نظيره المالي ساديو كامارا.", "meeting"))


def test_a_plan_put_off_to_a_named_day_is_no_cancellation_story() -> None:
    body = (
        "أعلنت الخارجية الباكستانية تأجيل موعد وصول ولي العهد السعودي الأمير محمد بن سلمان للبلاد، إلى الأحد. "
        "وكان من المقرر أن يصل ولي العهد إلى إسلام آباد السبت في زيارة تستغرق يومين."
    )
    statuses = [e.status.value for e in events(body) if e.type.value == "visit"]
    assert statuses == ["planned"], statuses


def test_a_city_noun_heads_the_name_that_follows_it() -> None:
    body = (
        "وقع الجيش المصري والجيش الروسي اتفاقية تدريب عسكري مشترك. ويجرى التدريب في المدينة العسكرية بمدينة "
        "الحمام شمال غرب مصر."
    )
    training = extracted(body, "training_agreement")
    assert training.place is not None and training.place.country_code == "EG"
    body = "زار الرئيس الإيراني مسعود بزشكيان المدينة المنورة أمس."
    visit = extracted(body, "visit")
    assert {p.name for p in visit.participants} == {"مسعود بزشكيان"}
    assert visit.place is not None and visit.place.country_code == "SA"


# 12. A capital named as such, a delegation led by the person before it, what "تلاه" adds


def test_a_capital_named_as_a_capital_is_no_visitor_of_the_visit_noun() -> None:
    body = "زار وفد من الحكومة السورية ضم وزيري الكهرباء والنفط العاصمة الأردنية عمان في زيارة هي الأولى منذ سنوات."
    visit = one(body, "visit")
    assert all(p.kind.value != "country" for p in visit.participants), names(visit)


def test_a_delegation_that_arrives_is_led_by_the_person_before_it() -> None:
    body = "وذكرت مصادر أردنية أن وزير الدفاع السوري علي محمود عباس سيكون على رأس وفد يصل العاصمة الأردنية خلال أيام."
    visit = one(body, "visit")
    assert names(visit) == {"علي محمود عباس"} and visit.status.value == "planned"


def test_what_followed_a_meeting_is_another_meeting() -> None:
    body = (
        "عقد لقاء بين البابا لاوون الرابع عشر ورئيس مجلس النواب نبيه بري في القصر الجمهوري، تلاه اجتماع مع رئيس "
        "مجلس الوزراء نواف سلام."
    )
    meetings = sorted(sorted(names(e)) for e in events(body) if e.type.value == "meeting")
    assert meetings == [["لاوون الرابع عشر", "نبيه بري"], ["لاوون الرابع عشر", "نواف سلام"]], meetings


def test_talks_named_by_two_demonyms_were_held_by_the_two_officials_named() -> None:
    body = (
        "أكد وزير الخارجية السوري وليد المعلم خلال مؤتمر صحفي مشترك مع نظيره الروسي سيرغي لافروف، أن المباحثات "
        "الروسية السورية شملت كل سبل التعاون. ووصل اليوم الاثنين إلى العاصمة السورية دمشق لافروف."
    )
    assert names(one(body, "meeting")) == {"وليد المعلم", "سيرغي لافروف"}
    assert names(one(body, "visit")) == {"سيرغي لافروف"}


def test_a_farewell_at_home_and_talks_during_the_visit() -> None:
    body = (
        "توجه رئيس مجلس السيادة الفريق أول ركن عبد الفتاح البرهان، صباح اليوم، إلى العاصمة الإريترية، أسمرا، في "
        "زيارة رسمية. وسوف يجري البرهان خلال الزيارة مباحثات مع الرئيس الإريتري أسياس أفورقي. وكان في وداع "
        "البرهان بمطار بورتسودان الدولي عضو مجلس السيادة إبراهيم جابر."
    )
    visit = extracted(body, "visit")
    assert visit.place is not None and visit.place.country_code == "ER"
    hosts = {p.name for p in visit.participants if p.role == ParticipantRole.host}
    assert hosts == {"أسياس أفورقي"}, {p.name: p.role.value for p in visit.participants}
    assert visit.status.value == "occurred"


def test_the_leg_of_an_announced_tour_reported_done_is_that_visit() -> None:
    body = (
        "وصل وزير الخارجية الأمريكي ماركو روبيو اليوم إلى الرياض في أول زيارة للمملكة منذ توليه منصبه. "
        "والأربعاء الماضي، أعلنت الخارجية الأمريكية أن روبيو سيسافر إلى ألمانيا وإسرائيل والسعودية والإمارات."
    )
    statuses = sorted(e.status.value for e in events(body) if e.type.value == "visit")
    assert statuses == ["occurred", "planned", "planned", "planned"], statuses
