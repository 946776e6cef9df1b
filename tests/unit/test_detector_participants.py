"""Participants: title kept apart, short forms and bare titles resolved, demonyms as affiliation, roles."""

from __future__ import annotations

from detector_helpers import events, has_name, names, one


def _person(body: str, kind: str, name: str):  # type: ignore[no-untyped-def]
    event = one(body, kind)
    return next(p for p in event.participants if p.name == name)


def test_title_and_affiliation_split_from_the_name() -> None:
    p = _person(
        "التقى وزير الدفاع الوطني التركي ياشار غولر رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة.",
        "meeting",
        "ياشار غولر",
    )
    assert p.title == "وزير الدفاع الوطني التركي"
    assert p.affiliation == "تركيا" and p.kind.value == "person"


def test_demonym_gives_the_affiliation() -> None:
    p = _person("استقبل المشير خليفة حفتر في بنغازي السفير الأمريكي ريتشارد نورلاند.", "meeting", "ريتشارد نورلاند")
    assert p.affiliation == "الولايات المتحدة"


def test_short_form_resolves_to_the_fullest_name() -> None:
    body = "وصل وزير الخارجية الأميركي أنتوني بلينكن إلى القاهرة. والتقى بلينكن بنظيره المصري سامح شكري في مقر الوزارة."
    meeting = one(body, "meeting")
    assert has_name(meeting, "أنتوني بلينكن") and has_name(meeting, "سامح شكري")
    assert "بلينكن" not in names(meeting)


def test_bare_title_resolves_to_the_named_person() -> None:
    body = (
        "التقى قائد القيادة الأمريكية في أفريقيا الجنرال مايكل لانغلي في بنغازي المشير خليفة حفتر. "
        "وقال مصدر إن الجنرال الأمريكي زار أيضا مدينة سرت."
    )
    visit = one(body, "visit")
    assert has_name(visit, "مايكل لانغلي")


def test_bare_title_without_a_named_person_is_left_out() -> None:
    assert events("التقى الرئيس وزير الدفاع في القصر الرئاسي.") == []


def test_speaker_of_reported_speech_is_not_a_party() -> None:
    body = "وصرح السفير الروسي في ليبيا إيفان مولوتكوف أن المشير خليفة حفتر التقى وزير الدفاع الروسي سيرغي شويغو."
    meeting = one(body, "meeting")
    assert names(meeting) == {"خليفة حفتر", "سيرغي شويغو"}


def test_dual_title_names_both_people() -> None:
    body = "عقد نائبا وزير الدفاع الروسي ألكسندر فومين ويونس بك يفكوروف اجتماعا مع وزير دفاع النيجر ساليفو مودي."
    assert names(one(body, "meeting")) == {"ألكسندر فومين", "يونس بك يفكوروف", "ساليفو مودي"}


def test_kinship_phrase_points_to_the_relative() -> None:
    body = (
        "التقى الجنرال الأمريكي جون برينان قائد الجيش الوطني خليفة حفتر ونجله صدام. "
        "وجاء لقاء برينان نجل حفتر في بنغازي."
    )
    meeting = one(body, "meeting")
    assert has_name(meeting, "صدام") and has_name(meeting, "خليفة حفتر")


def test_visitor_and_host() -> None:
    body = (
        "وصل رئيس مجلس السيادة عبد الفتاح البرهان إلى القاهرة في زيارة رسمية، وكان في استقباله بالمطار "
        "الرئيس المصري عبد الفتاح السيسي."
    )
    visit = one(body, "visit")
    roles = {p.name: p.role.value for p in visit.participants}
    assert roles["عبد الفتاح البرهان"] == "visitor" and roles["عبد الفتاح السيسي"] == "host"


def test_companion_is_a_visitor() -> None:
    body = (
        "وصل الرئيس السوري أحمد الشرع إلى الرياض في زيارة رسمية التقى خلالها ولي العهد محمد بن سلمان. "
        "ورافق الشرع في زيارته وزير الخارجية أسعد الشيباني."
    )
    visit = one(body, "visit")
    roles = {p.name: p.role.value for p in visit.participants}
    assert roles.get("أسعد الشيباني") == "visitor" and roles.get("أحمد الشرع") == "visitor"


def test_capital_stands_for_its_government_but_not_as_a_place() -> None:
    body = "وأبدت واشنطن استعدادها لتدريب قوات الجيش الليبي في إطار التعاون العسكري."
    training = one(body, "training_agreement")
    assert has_name(training, "واشنطن")
    assert not any(
        p.name == "موسكو"
        for p in one("وصل وزير الخارجية الليبي إلى موسكو والتقى نظيره الروسي سيرغي لافروف.", "meeting").participants
    )


def test_trainer_and_trainee() -> None:
    body = "وأظهر قادة الجيش انفتاحا على إجراء تدريبات مشتركة تقودها قوات أميركية لقوات الشرق الليبي."
    roles = {p.name: p.role.value for p in one(body, "training_agreement").participants}
    assert roles.get("قوات أميركية") == "trainer"


def test_organisation_from_pattern() -> None:
    body = "بحث مستشار الأمن القومي العراقي قاسم الأعرجي مع قائد بعثة حلف الناتو في العراق تدريب القوات العراقية."
    found = {e.type.value: e for e in events(body)}
    assert has_name(found["training_agreement"], "القوات العراقية")


def test_dateline_is_a_place_not_a_party() -> None:
    body = "أنقرة - وقعت تركيا والصومال اتفاقية للتعاون الدفاعي تتضمن تدريب القوات البحرية الصومالية."
    training = one(body, "training_agreement")
    assert has_name(training, "تركيا") and has_name(training, "الصومال")
    assert not has_name(training, "أنقرة")


def test_honorific_after_a_comma_stays_in_the_title() -> None:
    body = "استقبل رئيس الجمهورية، السيد عبد المجيد تبون، وزير الخارجية الفرنسي جان نويل بارو."
    assert names(one(body, "meeting")) == {"عبد المجيد تبون", "جان نويل بارو"}


def test_elided_subject_of_a_clause_initial_verb() -> None:
    body = (
        "وصل نائب وزير الدفاع الروسي يونس بك يفكوروف إلى باماكو، حيث التقى رئيس المرحلة الانتقالية العقيد أسيمي غويتا."
    )
    meeting = one(body, "meeting")
    assert has_name(meeting, "يونس بك يفكوروف") and has_name(meeting, "أسيمي غويتا")


def test_attendee_joins_the_reception() -> None:
    body = (
        "استقبل الملك سلمان بن عبدالعزيز في جدة رئيس جمهورية العراق عبد اللطيف جمال رشيد. "
        "حضر الاستقبال الأمير خالد بن سلمان وزير الدفاع."
    )
    assert has_name(one(body, "meeting"), "خالد بن سلمان")


def test_analysts_view_of_a_training_is_not_an_event() -> None:
    body = "يرى مراقبون أن موسكو تعمل على تعزيز حضورها في أفريقيا عبر صفقات السلاح وتدريب الجيوش المحلية."
    assert events(body) == []


def test_demonyms_of_an_exercise_name_its_parties() -> None:
    body = "أشرف وزير الدفاع التونسي عماد مميش على اختتام التمرين العسكري المشترك التونسي الأمريكي في بنزرت."
    training = one(body, "training_agreement")
    assert has_name(training, "تونس") and has_name(training, "الولايات المتحدة")


def test_capital_named_country_takes_the_country_name() -> None:
    body = "موسكو - تعقد روسيا والصين مناورات بحرية مشتركة بمشاركة سفن حربية من البلدين."
    training = one(body, "training_agreement")
    assert has_name(training, "روسيا") and has_name(training, "الصين") and not has_name(training, "موسكو")


def test_dual_title_with_demonyms_names_both_leaders() -> None:
    body = (
        "التقى الرئيس الأمريكي دونالد ترامب الرئيس الروسي فلاديمير بوتين في ألاسكا. وقال مسؤولون إن "
        "اللقاء المرتقب بين الرئيسين الأمريكي والروسي في موسكو سيعقد قبل نهاية العام."
    )
    planned = [e for e in events(body) if e.status.value == "planned"]
    assert len(planned) == 1 and names(planned[0]) == {"دونالد ترامب", "فلاديمير بوتين"}


def test_dual_title_goes_to_the_two_leaders_named_last() -> None:
    body = (
        "رحب الزعيم الكوري الشمالي كيم جونغ أون، برسالة الرئيس الأمريكي دونالد ترامب. وكانت المفاوضات قد "
        "توقفت بعد القمة التاريخية بين الزعيمين في سنغافورة."
    )
    summit = next(e for e in events(body) if any(t.text == "القمة" for t in e.triggers))
    assert names(summit) == {"كيم جونغ أون", "دونالد ترامب"}


def test_training_actors_from_the_next_sentence_get_a_role_without_indexing_past_the_sentence() -> None:
    # The actors of a training trigger may come from the following sentence; reading "the word before" them
    # in the trigger's sentence once raised IndexError (and read a wrong word for negative offsets).
    for body in (
        "عن انطلاق تمرين عسكري مشترك مع القوات الروسية في ولاية بشار جنوب غرب البلاد،\n"
        " بمشاركة وحدات من القوات البرية للبلدين.",
        "وستجري مناورات أمريكية مغربية واسعة في المحيط الأطلسي على هامش دورة الأسد الافريقي 2018،\n"
        " مشاركة وحدات وملاحظين من 15 بلدا،يمثلون دول ألمانيا وكندا وإسبانيا وفرنسا والمغرب.",
    ):
        for event in events(body):
            assert event.participants
