"""Participants on unseen news (session 4): person-name boundaries, untitled names, delegation heads,
invitation roles, reception hosts, country-named persons, listed destinations and trainee groups.

Every sentence is invented for these tests (no data-file wording); each class holds a general pattern:
- an untitled name opened by عبد + a definite word (عبد الفتاح، عبد المجيد) or a second name after و
  (… وعبد الله الثاني، … ورجب طيب أردوغان) is a person;
- a three-part name keeps its first word when that word is also a common word (رجب، سعيد), and keeps a
  frequent family name closed by a title or an event noun (… أردوغان رئيس الوزراء، … أردوغان مباحثات);
- companions (مصحوبا بوفد، على رأس وفد، يرافقه وفد) are no person's name and the delegation a named
  traveller leads is not a participant of its own;
- "تلقى X دعوة من Y لزيارة": X visits, Y hosts;
- a name opened by ب + a function word (بولا) is a name, so the reception's host and guest are both kept;
- a country's name that is also a given name opens a name after a complete title (جورجيا ميلوني);
- a capital listed with و after a place (كلا من القاهرة وعمان) is a place, not a visitor;
- forces named by their mission (قوات حفظ السلام)، خفر السواحل، جيوش، and indefinite delegations with a
  relational adjective (وفد عسكري روسي) are organisations; a dual counterpart (نظيريه) is a title.
"""

from __future__ import annotations

import pytest

from shared.schemas import ParticipantKind, ParticipantRole
from tests.unit.detector_helpers import events, has_name, names, one


def _role(body: str, kind: str, name: str) -> ParticipantRole:
    event = one(body, kind)
    return next(p.role for p in event.participants if p.name == name)


# ---- 1. untitled names


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("التقى عبد الرحمن الكيلاني سفير الاتحاد الأوروبي في نواكشوط أمس.", "عبد الرحمن الكيلاني"),
        ("استقبل عبد الكريم بوزيان في مكتبه بالرباط وزير الدفاع الفرنسي.", "عبد الكريم بوزيان"),
        ("بحث عبد السلام المرابط مع السفير الإيطالي سبل دعم التعاون الأمني.", "عبد السلام المرابط"),
        ("اجتمع عبد الواحد الزياني بقائد القوات البحرية الإسبانية في طنجة.", "عبد الواحد الزياني"),
    ],
)
def test_an_untitled_abd_name_is_a_person(body: str, name: str) -> None:
    found = events(body)
    assert any(has_name(e, name) for e in found), [sorted(names(e)) for e in found]


@pytest.mark.parametrize(
    ("body", "first", "second"),
    [
        ("التقى الملك سلمان بن عبد العزيز وعبد الله الثاني في الرياض.", "سلمان بن عبد العزيز", "عبد الله الثاني"),
        (
            "اجتمع رئيس الوزراء المجري فيكتور أوربان ورجب طيب أردوغان في بودابست.",
            "فيكتور أوربان",
            "رجب طيب أردوغان",
        ),
        ("التقى الرئيس السنغالي ماكي سال ومحمد بازوم في نيامي.", "ماكي سال", "محمد بازوم"),
    ],
)
def test_a_second_untitled_name_after_wa_keeps_its_first_word(body: str, first: str, second: str) -> None:
    event = one(body, "meeting")
    assert has_name(event, first) and has_name(event, second), names(event)


# ---- 2. full names keep their first and last words


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("استقبل رجب طيب أردوغان رئيس الوزراء الباكستاني في إسطنبول.", "رجب طيب أردوغان"),
        ("أجرى رجب طيب أردوغان مباحثات مع المستشار الألماني في برلين.", "رجب طيب أردوغان"),
        (
            "استقبل الرئيس رجب طيب أردوغان رئيس الوزراء الماليزي أنور إبراهيم في أنقرة.",
            "رجب طيب أردوغان",
        ),
    ],
)
def test_a_frequent_family_name_closed_by_a_title_or_event_noun_stays(body: str, name: str) -> None:
    event = one(body, "meeting")
    assert name in names(event), names(event)


# ---- 3. delegation heads


@pytest.mark.parametrize(
    ("body", "leader"),
    [
        ("وصل وزير الدفاع الجزائري سعيد شنقريحة إلى نواكشوط مصحوبا بوفد عسكري رفيع.", "سعيد شنقريحة"),
        ("وصلت وزيرة الخارجية النمساوية كارين كنايسل إلى عمان مصحوبة بوفد اقتصادي.", "كارين كنايسل"),
        ("وصل رئيس الأركان التونسي محمد الغول إلى الجزائر على رأس وفد عسكري في زيارة رسمية.", "محمد الغول"),
        ("يزور وزير الداخلية العراقي عبد الأمير الشمري الكويت يرافقه وفد أمني رفيع.", "عبد الأمير الشمري"),
    ],
)
def test_the_leader_of_a_delegation_is_the_visitor(body: str, leader: str) -> None:
    event = one(body, "visit")
    assert has_name(event, leader), names(event)
    for name in names(event):
        assert not {"مصحوبا", "مصحوبة", "وفد", "بوفد", "يرافقه"} & set(name.split()), name


def test_an_unnamed_delegation_with_an_adjective_is_the_visitor() -> None:
    event = one("وصل إلى نيامي وفد عسكري تركي يترأسه نائب وزير الدفاع شعيب أوغلو.", "visit")
    assert has_name(event, "وفد عسكري تركي") and has_name(event, "شعيب أوغلو"), names(event)


# ---- 4. invitations received


@pytest.mark.parametrize(
    ("body", "visitor", "host"),
    [
        (
            "تلقى الرئيس التشادي محمد إدريس ديبي دعوة من الرئيس الفرنسي إيمانويل ماكرون لزيارة باريس.",
            "محمد إدريس ديبي",
            "إيمانويل ماكرون",
        ),
        (
            "وتسلم وزير الدفاع الأردني يوسف الحنيطي دعوة رسمية من نظيره القطري خالد العطية لزيارة الدوحة.",
            "يوسف الحنيطي",
            "خالد العطية",
        ),
        (
            "تلقت رئيسة تنزانيا سامية صولوحو حسن دعوة لزيارة القاهرة من الرئيس المصري عبد الفتاح السيسي.",
            "سامية صولوحو حسن",
            "عبد الفتاح السيسي",
        ),
    ],
)
def test_who_receives_an_invitation_visits_and_who_sends_it_hosts(body: str, visitor: str, host: str) -> None:
    assert _role(body, "visit", visitor) == ParticipantRole.visitor
    assert _role(body, "visit", host) == ParticipantRole.host


# ---- 5. receptions keep host and guest


@pytest.mark.parametrize(
    ("body", "guest", "host"),
    [
        (
            "وصل الرئيس النيجيري بولا تينوبو إلى برلين، واستقبله المستشار الألماني أولاف شولتس في مقر المستشارية.",
            "بولا تينوبو",
            "أولاف شولتس",
        ),
        (
            "وصل الرئيس الغاني نانا أكوفو أدو إلى الرباط، وكان في استقباله رئيس الحكومة عزيز أخنوش.",
            "نانا أكوفو أدو",
            "عزيز أخنوش",
        ),
        (
            "وصل رئيس الوزراء الإثيوبي آبي أحمد إلى أبوجا، حيث أقيمت له مراسم استقبال رسمية بحضور الرئيس بولا تينوبو.",
            "آبي أحمد",
            "بولا تينوبو",
        ),
    ],
)
def test_a_reception_keeps_its_host(body: str, guest: str, host: str) -> None:
    assert _role(body, "visit", guest) == ParticipantRole.visitor
    assert _role(body, "visit", host) == ParticipantRole.host


# ---- 6. a country's name as a given name


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("وصلت رئيسة الوزراء الإيطالية جورجيا ميلوني إلى طرابلس في زيارة رسمية.", "جورجيا ميلوني"),
        ("التقى وزير الخارجية المغربي ناصر بوريطة رئيسة الوزراء الإيطالية جورجيا ميلوني في روما.", "جورجيا ميلوني"),
        ("استقبلت الوزيرة البلغارية صوفيا ديميتروفا السفير المصري في مكتبها.", "صوفيا ديميتروفا"),
    ],
)
def test_a_country_name_opens_a_name_after_a_complete_title(body: str, name: str) -> None:
    found = [e for e in events(body) if has_name(e, name)]
    assert found
    assert not any(p.kind == ParticipantKind.country for e in found for p in e.participants if p.name in name)


def test_a_country_after_an_indefinite_office_is_still_its_complement() -> None:
    event = one("وصل رئيس وزراء جورجيا إيراكلي كوباخيدزه إلى باكو في زيارة رسمية.", "visit")
    assert has_name(event, "إيراكلي كوباخيدزه")
    assert "جورجيا" not in " ".join(p.name for p in event.participants)


# ---- 7. listed destinations are places


@pytest.mark.parametrize(
    "body",
    [
        "زار وزير الخارجية الإسباني خوسيه مانويل ألباريس كلا من الرباط وتونس الأسبوع الماضي.",
        "يزور الرئيس الكازاخي قاسم جومارت توكاييف كلا من أنقرة وباكو خلال الشهر الجاري.",
        "وصل المبعوث الأمريكي توم براك إلى بيروت ودمشق في جولة إقليمية.",
    ],
)
def test_capitals_listed_after_a_place_are_no_participants(body: str) -> None:
    found = [e for e in events(body) if e.type.value == "visit"]
    assert found
    for event in found:
        assert all(p.kind == ParticipantKind.person for p in event.participants), names(event)


def test_a_dual_counterpart_is_a_title_not_a_name() -> None:
    event = one("التقى وزير الخارجية المصري بدر عبد العاطي نظيريه الأردني والعراقي في بغداد.", "meeting")
    assert not any("نظيريه" in name for name in names(event)), names(event)


# ---- 8. trainee groups


@pytest.mark.parametrize(
    ("body", "group"),
    [
        ("اختتمت في مصراتة تدريبات مشتركة بين البحرية التركية وخفر السواحل الليبي.", "خفر السواحل الليبي"),
        ("أطلقت البعثة الأوروبية برنامجا تدريبيا لفائدة خفر السواحل التونسي في بنزرت.", "خفر السواحل التونسي"),
        ("نفذت القوات البرتغالية تدريبات لصالح قوات حفظ السلام في أفريقيا الوسطى.", "قوات حفظ السلام"),
        (
            "بدأت وحدات من الجيش الموريتاني مناورات مشتركة مع قوات مكافحة الإرهاب المالية.",
            "قوات مكافحة الإرهاب المالية",
        ),
        ("تعتزم الصين تدريب جيوش المنطقة على مكافحة القرصنة.", "جيوش المنطقة"),
    ],
)
def test_a_trainee_group_takes_part_in_the_training(body: str, group: str) -> None:
    event = one(body, "training_agreement")
    assert has_name(event, group), names(event)


# ---- untitled names the lexicon does not know, next to an event word or after a person and و


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("التقت كامالا هاريس بالرئيس الكيني وليام روتو في واشنطن.", {"كامالا هاريس", "وليام روتو"}),
        ("استقبل خليفة حفتر في الرجمة السفير الفرنسي مصطفى مهراج.", {"خليفة حفتر", "مصطفى مهراج"}),
        ("استقبل سعيد شنقريحة قائد القوات البحرية الإيطالية إنريكو كريدندينو في الجزائر.", {"سعيد شنقريحة"}),
        ("التقى إلهام علييف وفلاديمير بوتين في سوتشي.", {"إلهام علييف", "فلاديمير بوتين"}),
        ("بحث محمد المنفي مع عبد الحميد الدبيبة ترتيبات المرحلة المقبلة.", {"محمد المنفي", "عبد الحميد الدبيبة"}),
    ],
)
def test_untitled_names_beside_a_meeting_word_are_persons(body: str, expected: set[str]) -> None:
    event = one(body, "meeting")
    assert expected <= names(event), names(event)


@pytest.mark.parametrize(
    "body",
    [
        "وعقدت في الدوحة قمة ثلاثية جمعت أمير قطر والرئيس المصري والعاهل الأردني.",
        "عقد قائد الشرطة اجتماعا أمنيا موسعا مع وفد من وزارة الداخلية.",
        "أجرت القوات البحرية المصرية والفرنسية تمرينا بحريا مشتركا في البحر المتوسط.",
        "التقى وزير الخارجية الأمريكي أنتوني بلينكن قادة فصائل فلسطينية في رام الله.",
        "بحث الرئيس الصومالي حسن شيخ محمود هاتفيا مع نظيره الكيني وليام روتو تطورات الأوضاع.",
    ],
)
def test_adjectives_verbs_and_groups_after_an_event_word_or_a_name_are_no_persons(body: str) -> None:
    for event in events(body):
        for name in names(event):
            assert not {"ثلاثية", "جمعت", "أمنيا", "موسعا", "بحريا", "مشتركا", "قادة", "هاتفيا", "تطورات"} & set(
                name.split()
            ), name


def test_a_proclitic_delegation_after_a_title_is_no_name() -> None:
    event = one("التقى صدام حفتر رئيس أركان القوات البرية بوفد عسكري تركي في بنغازي.", "meeting")
    assert not any(name.startswith("بوفد") for name in names(event)), names(event)
    assert has_name(event, "وفد عسكري تركي")


def test_a_town_near_which_a_training_is_held_is_no_party() -> None:
    event = one("تجري قوات فاغنر تدريبات مكثفة لعناصر جيش مالي قرب باماكو.", "training_agreement")
    assert all(p.kind != ParticipantKind.country for p in event.participants), names(event)


# ---- those among the receivers host; a counterpart force is the same force of another country


@pytest.mark.parametrize(
    ("body", "guest", "host"),
    [
        (
            "وصل الرئيس الكونغولي فيليكس تشيسيكيدي إلى لواندا، وكان في مقدمة مستقبليه الرئيس جواو لورينسو.",
            "فيليكس تشيسيكيدي",
            "جواو لورينسو",
        ),
        (
            "وصل رئيس الوزراء الكويتي إلى مسقط، وكان على رأس مستقبليه نائب رئيس الوزراء فهد بن محمود آل سعيد.",
            "",
            "فهد بن محمود آل سعيد",
        ),
    ],
)
def test_the_first_of_the_receivers_hosts(body: str, guest: str, host: str) -> None:
    if guest:
        assert _role(body, "visit", guest) == ParticipantRole.visitor
    assert _role(body, "visit", host) == ParticipantRole.host


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "بدأت تدريبات عسكرية مشتركة بين القوات المسلحة الأردنية ونظيرتها العراقية.",
            {"القوات المسلحة الأردنية", "القوات المسلحة العراقية"},
        ),
        (
            "أجرت البحرية اليونانية ونظيرتها المصرية تدريبات مشتركة قبالة الإسكندرية.",
            {"البحرية اليونانية", "البحرية المصرية"},
        ),
        ("اختتمت مناورات بين الجيش التونسي ونظيره الجزائري في القصرين.", {"الجيش التونسي", "الجيش الجزائري"}),
    ],
)
def test_a_counterpart_force_is_the_same_force_of_the_other_country(body: str, expected: set[str]) -> None:
    event = one(body, "training_agreement")
    assert expected <= names(event), names(event)
    assert all(p.kind != ParticipantKind.country for p in event.participants), names(event)


# ---- a second, untitled name right after a titled one


@pytest.mark.parametrize(
    ("body", "first", "second"),
    [
        ("التقى الرئيس السيسي محمد بن زايد في العلمين.", "السيسي", "محمد بن زايد"),
        ("استقبل الرئيس عبد المجيد تبون محمد يونس المنفي في قصر المرادية.", "عبد المجيد تبون", "محمد يونس المنفي"),
        ("التقى الرئيس الروسي فلاديمير بوتين خليفة حفتر في الكرملين.", "فلاديمير بوتين", "خليفة حفتر"),
        ("استقبل الرئيس قيس سعيد نجلاء بودن في قصر قرطاج.", "قيس سعيد", "نجلاء بودن"),
    ],
)
def test_a_second_untitled_name_after_a_titled_one_is_its_own_person(body: str, first: str, second: str) -> None:
    event = one(body, "meeting")
    assert {first, second} <= names(event), names(event)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("التقى الرئيس التركي رجب طيب أردوغان نظيره الروسي في أستانا.", "رجب طيب أردوغان"),
        ("التقى الرئيس البرازيلي لويس إيناسيو لولا دا سيلفا نظيره الصيني في بكين.", "لويس إيناسيو لولا دا سيلفا"),
        ("وصل الرئيس التشادي محمد إدريس ديبي إلى باريس.", "محمد إدريس ديبي"),
        ("استقبل ولي العهد الكويتي الشيخ صباح خالد الحمد الصباح السفير الأمريكي.", "صباح خالد الحمد الصباح"),
    ],
)
def test_a_long_single_name_stays_whole(body: str, name: str) -> None:
    assert any(name in names(e) for e in events(body)), [names(e) for e in events(body)]


def test_a_fund_or_bank_is_an_organisation() -> None:
    event = one("استقبل وزير المالية المغربي فوزي لقجع وفدا من صندوق النقد الدولي في الرباط.", "meeting")
    assert has_name(event, "صندوق النقد الدولي"), names(event)


# ---- titles: an ambassador "to our country", a commissioner; foreign family names that begin with و


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("استقبل رئيس الوزراء اليمني سالم بن بريك في عدن سفير المملكة المتحدة لدى بلادنا عبدة شريف.", "عبدة شريف"),
        ("استقبل وزير الخارجية الليبي الطاهر الباعور سفير فرنسا لدى البلاد مصطفى مهراج.", "مصطفى مهراج"),
        ("التقى وزير الخارجية المصري مفوض الاتحاد الأوروبي لشؤون الهجرة ماغنوس برونر في بروكسل.", "ماغنوس برونر"),
        ("التقى وزير الخارجية الروسي سيرغي لافروف المبعوث الأمريكي ستيف ويتكوف في موسكو.", "ستيف ويتكوف"),
        ("التقى وزير الخارجية الإيراني عباس عراقجي في مسقط المبعوث الأمريكي ستيف ويتكوف.", "ستيف ويتكوف"),
    ],
)
def test_a_title_with_a_host_country_or_a_foreign_family_name_keeps_its_person(body: str, name: str) -> None:
    event = one(body, "meeting")
    assert name in names(event), names(event)


def test_a_listed_name_that_is_b_plus_a_noun_in_construct_is_no_person() -> None:
    body = "التقى وزير الخارجية المصري بدر عبد العاطي المستشار الألماني، وأشاد المستشار الألماني بدور مصر في الوساطة."
    for event in events(body):
        assert "بدور" not in names(event), names(event)
