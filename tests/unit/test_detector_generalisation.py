"""Phenomena seen failing on unseen news (issue 3), each on invented sentences in the styles of the wires."""

from __future__ import annotations

import datetime as dt

from detector_helpers import PUBLISHED, events, names, one

from services.detector.logic import detect
from services.segmenter.logic import segment
from shared.schemas import Article


def test_occurred_meeting_and_later_offer_to_host_talks_are_two_events() -> None:
    found = events(
        "التقى وزير الخارجية الجزائري أحمد عطاف اليوم نظيره التونسي نبيل عمار في الجزائر العاصمة. "
        "وأعلن عطاف استعداد بلاده لاستضافة جولة جديدة من المحادثات بين الأطراف الليبية."
    )
    meetings = sorted(e.status.value for e in found if e.type.value == "meeting")
    assert meetings == ["occurred", "proposed"]


def test_signed_memorandum_and_proposed_exercises_are_two_events() -> None:
    found = events(
        "وقعت وزارة الدفاع الموريتانية ووزارة الدفاع المغربية مذكرة تفاهم تتضمن برنامجا تدريبيا للضباط. "
        "كما بحث الجانبان إمكانية إجراء تدريبات مشتركة مستقبلا."
    )
    statuses = sorted(e.status.value for e in found if e.type.value == "training_agreement")
    assert statuses == ["occurred", "proposed"]


def test_anaphoric_mention_without_cue_joins_the_meeting() -> None:
    event = one(
        "استقبل الرئيس التونسي قيس سعيد أمس وزير الخارجية المصري بدر عبد العاطي. وتناول اللقاء العلاقات الثنائية.",
        "meeting",
    )
    assert event.status.value == "occurred" and len(event.triggers) == 2


def test_ongoing_visit_in_a_relative_clause_has_occurred() -> None:
    event = one("أكد وزير الخارجية الإيطالي أنطونيو تاياني الذي يزور البلاد حاليا دعم روما للحكومة.", "visit")
    assert event.status.value == "occurred"


def test_visit_starting_tomorrow_is_planned_for_tomorrow() -> None:
    event = one("يبدأ الرئيس الجزائري عبد المجيد تبون غدا الإثنين زيارة دولة إلى البرتغال.", "visit")
    assert event.status.value == "planned"
    assert event.date == PUBLISHED + dt.timedelta(days=1)


def test_visit_after_tomorrow_is_planned() -> None:
    event = one("يزور وزير الدفاع الروسي سيرغي شويغو بعد غد العاصمة السورية دمشق.", "visit")
    assert event.status.value == "planned"
    assert event.date == PUBLISHED + dt.timedelta(days=2)


def test_visit_next_week_is_planned_without_a_date() -> None:
    event = one("يزور وزير الخارجية السعودي فيصل بن فرحان الأسبوع المقبل العاصمة العراقية بغداد.", "visit")
    assert event.status.value == "planned"
    assert event.date is None


def test_evening_yesterday_is_yesterday() -> None:
    event = one("التقى رئيس الحكومة المغربية عزيز أخنوش مساء أمس رئيس الوزراء الإسباني بيدرو سانشيز.", "meeting")
    assert event.date == PUBLISHED - dt.timedelta(days=1)


def test_denied_cancellation_leaves_the_summit_planned() -> None:
    event = one(
        "نفت الرئاسة التركية الأنباء عن إلغاء القمة المرتقبة بين الرئيسين الروسي فلاديمير بوتين "
        "والتركي رجب طيب أردوغان.",
        "meeting",
    )
    assert event.status.value == "planned"


def test_host_receives_a_guest_who_is_visiting() -> None:
    found = events(
        "استقبل الرئيس الموريتاني محمد ولد الغزواني أمس وزير الخارجية المالي عبد الله ديوب الذي يزور البلاد."
    )
    visit = next(e for e in found if e.type.value == "visit")
    roles = {p.name: p.role.value for p in visit.participants}
    assert roles == {"عبد الله ديوب": "visitor", "محمد ولد الغزواني": "host"}
    assert visit.status.value == "occurred"
    assert names(visit)


def test_future_verb_ends_a_royal_name_and_ordinals_stay() -> None:
    event = one(
        "أعلن الديوان الملكي أن الملك محمد السادس سيجري مباحثات مع الرئيس الموريتاني محمد ولد الغزواني.", "meeting"
    )
    assert names(event) == {"محمد السادس", "محمد ولد الغزواني"}
    event = one("قال بيان إن الملك عبد الله الثاني يستقبل الرئيس القبرصي نيكوس خريستودوليدس.", "meeting")
    assert "عبد الله الثاني" in names(event)


def test_given_name_ali_spelled_with_ya_is_kept_where_the_text_spells_ala_with_maqsura() -> None:
    event = one(
        "التقى وزير الخارجية العراقي فؤاد حسين نظيره الإيراني علي باقري كني في بغداد، وأكد الجانبان على أهمية التعاون.",
        "meeting",
    )
    assert names(event) == {"فؤاد حسين", "علي باقري كني"}


def test_frequent_surname_used_alone_elsewhere_is_kept() -> None:
    event = one(
        "التقى الرئيس التركي رجب طيب أردوغان رئيس الوزراء العراقي محمد شياع السوداني في أنقرة. "
        "وأكد أردوغان دعم بلاده لاستقرار العراق.",
        "meeting",
    )
    assert "رجب طيب أردوغان" in names(event)


def test_unnamed_dual_presidents_stand_as_their_countries() -> None:
    event = one("نفى الكرملين الأنباء عن إلغاء القمة المرتقبة بين الرئيسين الروسي والتركي.", "meeting")
    assert event.status.value == "planned"
    assert {(p.name, p.kind.value) for p in event.participants} == {("روسيا", "country"), ("تركيا", "country")}


def test_named_dual_presidents_and_a_speaker_who_talks_about_the_summit() -> None:
    event = one(
        "تحدث مستشار الكرملين يوري أوشاكوف عن القمة المرتقبة بين الرئيسين الروسي فلاديمير بوتين "
        "والتركي رجب طيب أردوغان.",
        "meeting",
    )
    assert names(event) == {"فلاديمير بوتين", "رجب طيب أردوغان"}


def test_invitation_makes_the_inviter_the_host() -> None:
    event = one("وصل الرئيس السنغالي ماكي سال إلى الرباط بدعوة من العاهل المغربي الملك محمد السادس.", "visit")
    assert {p.name: p.role.value for p in event.participants} == {"ماكي سال": "visitor", "محمد السادس": "host"}
    event = one("وجه الرئيس الجزائري عبد المجيد تبون دعوة لنظيره التونسي قيس سعيد لزيارة الجزائر.", "visit")
    assert {p.name: p.role.value for p in event.participants} == {"عبد المجيد تبون": "host", "قيس سعيد": "visitor"}


def test_attendance_adds_a_participant_to_the_meeting() -> None:
    event = one(
        "التقى وزير الدفاع العراقي ثابت العباسي أمس نظيره الأردني يوسف الحنيطي. "
        "وحضر اللقاء رئيس أركان الجيش العراقي الفريق أول عبد الأمير يارالله.",
        "meeting",
    )
    assert names(event) == {"ثابت العباسي", "يوسف الحنيطي", "عبد الأمير يارالله"}


def test_analyst_hypotheticals_are_not_events() -> None:
    assert events("اعتبر المحلل السياسي خالد الترجمان أن أي لقاء بين الأطراف الليبية لن ينجح.") == []
    assert events("ويرى مراقبون أن أي زيارة لمسؤول فرنسي إلى الجزائر لن تحقق نتائج دون اعتذار رسمي.") == []


def test_generic_and_negated_modal_mentions_in_opinions_are_not_events() -> None:
    assert (
        events(
            "اعتبر المحلل السياسي الليبي عز الدين عقيل أن أي لقاء بين المشير خليفة حفتر ورئيس الحكومة "
            "عبد الحميد الدبيبة لن ينجح."
        )
        == []
    )
    assert (
        events(
            "ويرى الخبير العسكري العراقي أحمد الشريفي أنه لا يمكن عقد قمة بين الرئيس الأمريكي دونالد ترامب "
            "والمرشد الإيراني علي خامنئي دون وساطة."
        )
        == []
    )


def test_reported_refusal_and_a_judged_real_visit_stay_events() -> None:
    event = one("قال المتحدث باسم الخارجية المصرية إن الوزير بدر عبد العاطي لن يزور باريس هذا الأسبوع.", "visit")
    assert event.status.value == "denied"
    body = (
        "اعتبر مراقبون أن زيارة وزير الدفاع الروسي إلى بنغازي لن تغير موازين القوى، وكان الوزير يونس بك يفكوروف "
        "قد التقى المشير خليفة حفتر أمس."
    )
    assert {e.type.value for e in events(body)} == {"visit", "meeting"}


def test_offer_to_host_talks_in_the_same_sentence_as_a_past_meeting_is_its_own_event() -> None:
    found = events(
        "التقى وزير الخارجية الجزائري أحمد عطاف اليوم نظيره الليبي الطاهر الباعور، وأعلن عطاف استعداد بلاده "
        "لاستضافة جولة جديدة من المحادثات بين الفرقاء الليبيين."
    )
    assert sorted(e.status.value for e in found if e.type.value == "meeting") == ["occurred", "proposed"]


def test_signed_programme_and_proposed_drills_after_kama_are_two_events() -> None:
    found = events(
        "وقعت وزارتا الدفاع في موريتانيا والسنغال مذكرة تفاهم تتضمن برنامجا تدريبيا مشتركا، كما بحث الجانبان "
        "إمكانية إجراء تدريبات مشتركة مستقبلا."
    )
    assert sorted(e.status.value for e in found if e.type.value == "training_agreement") == ["occurred", "proposed"]
    assert not [e for e in found if e.type.value == "visit"]  # وزارتا (two ministries) is not زارتا (visited)


def test_time_phrase_ends_an_organisation_name() -> None:
    found = events(
        "استقبل الرئيس التشادي محمد إدريس ديبي وزير الخارجية الفرنسي. وخلال اللقاء اتفق الجانبان على عقد "
        "اجتماع للجنة المشتركة الشهر المقبل."
    )
    assert "اللجنة المشتركة" in {p.name for e in found for p in e.participants}


def test_titles_with_coordinated_offices_and_names_beginning_with_waw() -> None:
    event = one(
        "أجرى وزير الشؤون الخارجية والتعاون الإفريقي ناصر بوريطة اليوم بالرباط مباحثات مع نظيره الغامبي "
        "مامادو تانغارا.",
        "meeting",
    )
    assert names(event) == {"ناصر بوريطة", "مامادو تانغارا"}
    event = one(
        "استقبل رئيس الدولة الشيخ محمد بن زايد آل نهيان اليوم، الرئيس الكيني وليام روتو الذي يقوم بزيارة "
        "عمل إلى الدولة.",
        "visit",
    )
    assert {p.name: p.role.value for p in event.participants} == {
        "محمد بن زايد آل نهيان": "host",
        "وليام روتو": "visitor",
    }


def test_office_of_a_ministry_and_a_family_name_that_is_an_office_word() -> None:
    event = one(
        "وصل نائب وزير الخارجية الروسي ميخائيل بوغدانوف إلى بورتسودان أمس، وكان في استقباله بالمطار "
        "وكيل وزارة الخارجية حسين الأمين.",
        "visit",
    )
    roles = {p.name: p.role.value for p in event.participants}
    assert roles == {"ميخائيل بوغدانوف": "visitor", "حسين الأمين": "host"}


def test_relative_clause_names_the_visitor_and_the_one_met_hosts() -> None:
    found = events(
        "بحث رئيس مجلس الوزراء العراقي محمد شياع السوداني مع وزير الدفاع الإيراني عزيز نصير زاده، الذي يزور "
        "بغداد حاليا، التعاون الأمني بين البلدين."
    )
    visit = next(e for e in found if e.type.value == "visit")
    assert {p.name: p.role.value for p in visit.participants} == {
        "عزيز نصير زاده": "visitor",
        "محمد شياع السوداني": "host",
    }
    assert visit.status.value == "occurred"


def test_visit_to_meet_someone_makes_them_the_host() -> None:
    event = one(
        "وأعلنت المبعوثة الأممية هانا تيتيه عزمها زيارة بنغازي الأسبوع المقبل للقاء القائد العام المشير خليفة حفتر.",
        "visit",
    )
    assert {p.name: p.role.value for p in event.participants} == {"هانا تيتيه": "visitor", "خليفة حفتر": "host"}
    assert event.status.value == "planned"


def test_invited_visit_starting_tomorrow_is_planned() -> None:
    event = one(
        "يبدأ رئيس الجمهورية الجزائري عبد المجيد تبون، غدا الأربعاء، زيارة دولة إلى إيطاليا بدعوة من "
        "الرئيس الإيطالي سيرجيو ماتاريلا.",
        "visit",
    )
    assert event.status.value == "planned"
    assert event.date == PUBLISHED + dt.timedelta(days=1)


def test_held_drills_and_next_manoeuvres_are_two_events() -> None:
    found = events(
        "أجرت القوات المسلحة النيجرية تدريبات عسكرية مشتركة مع الجيش المالي في منطقة تيلابيري الأسبوع الماضي. "
        "ويعتزم جيش بوركينا فاسو الانضمام إلى المناورات المقبلة."
    )
    statuses = sorted(e.status.value for e in found if e.type.value == "training_agreement")
    assert statuses == ["occurred", "planned"]


def test_office_in_construct_and_purpose_nouns_end_names() -> None:
    event = one(
        "تلقى الشيخ تميم بن حمد آل ثاني أمير البلاد، اتصالا هاتفيا اليوم من الرئيس الأمريكي دونالد ترامب.",
        "meeting",
    )
    assert names(event) == {"تميم بن حمد آل ثاني", "دونالد ترامب"}
    event = one(
        "عقد المشير خليفة حفتر اجتماعا موسعا مع رئيس الأركان العامة الفريق أول عبد الرازق الناظوري لبحث "
        "الأوضاع الأمنية.",
        "meeting",
    )
    assert names(event) == {"خليفة حفتر", "عبد الرازق الناظوري"}


def test_his_country_is_the_speakers_country() -> None:
    event = one(
        "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده مستعدة لتدريب الكوادر العسكرية الليبية. "
        "وأضاف لافروف أن موسكو تدعم الحل السياسي.",
        "training_agreement",
    )
    assert event.status.value == "proposed"
    assert ("روسيا", "country") in {(p.name, p.kind.value) for p in event.participants}


def test_article_without_triggers_has_no_events_and_keeps_its_sentences() -> None:
    body = "ارتفعت أسعار النفط اليوم بنسبة اثنين في المئة. وقال محللون إن الطلب سيظل قويا."
    detected = detect(segment(Article(id="n", body=body, published_at=PUBLISHED)))
    assert detected.events == [] and len(detected.sentences) == 2


def test_airport_named_after_a_city_is_not_a_party() -> None:
    assert events("استقبل مطار الخرطوم أول رحلة دولية منذ اندلاع الحرب.") == []


def test_given_name_that_is_an_office_word_after_a_title() -> None:
    event = one("زار وزير الصحة المغربي أمين التهراوي مستشفى ابن سينا بالرباط أمس.", "visit")
    assert names(event) == {"أمين التهراوي"}


def test_wish_before_a_circumstantial_meeting_does_not_make_it_proposed() -> None:
    event = one(
        "وأكد الرئيس الموريتاني محمد ولد الغزواني على ضرورة الحوار خلال لقائه وزير الخارجية الفرنسي جان نويل بارو.",
        "meeting",
    )
    assert event.status.value == "occurred"


def test_country_inside_a_title_is_not_part_of_the_name() -> None:
    event = one(
        "يبدأ الرئيس الجزائري عبد المجيد تبون غدا زيارة دولة إلى سلوفينيا بدعوة من رئيسة جمهورية سلوفينيا "
        "ناتاشا بيرتس موسار.",
        "visit",
    )
    assert {p.name: p.role.value for p in event.participants} == {
        "عبد المجيد تبون": "visitor",
        "ناتاشا بيرتس موسار": "host",
    }


def test_envoy_to_a_country_keeps_the_name_after_the_title() -> None:
    event = one("وصل المبعوث الأمريكي الخاص إلى السودان ديفيد ساترفيلد إلى أديس أبابا أمس.", "visit")
    assert names(event) == {"ديفيد ساترفيلد"}


def test_inspection_visitor_and_the_commander_who_receives_him() -> None:
    event = one(
        "تفقد نائب القائد العام للقوات المسلحة الفريق أول شمس الدين كباشي قوات الفرقة التاسعة عشرة مشاة في مروي، "
        "وكان في استقباله قائد الفرقة اللواء ركن محمد إبراهيم.",
        "visit",
    )
    roles = {p.name: p.role.value for p in event.participants if p.kind.value == "person"}
    assert roles == {"شمس الدين كباشي": "visitor", "محمد إبراهيم": "host"}


def test_the_two_leaders_of_a_background_meeting_are_the_persons_named_last() -> None:
    found = events(
        "أجرى الرئيس الروسي فلاديمير بوتين محادثات في الكرملين مع نظيره الإماراتي الشيخ محمد بن زايد آل نهيان. "
        "وكان الزعيمان قد التقيا في أبوظبي في ديسمبر 2023."
    )
    meetings = [e for e in found if e.type.value == "meeting"]
    assert len(meetings) == 2
    assert all(names(e) == {"فلاديمير بوتين", "محمد بن زايد آل نهيان"} for e in meetings)


def test_guest_of_a_reception_ceremony_who_is_on_a_state_visit() -> None:
    event = one(
        "ترأس الملك محمد السادس اليوم بالقصر الملكي بالرباط حفل استقبال على شرف الرئيس الفرنسي إيمانويل ماكرون، "
        "الذي يقوم بزيارة دولة للمملكة.",
        "visit",
    )
    assert {p.name: p.role.value for p in event.participants} == {
        "إيمانويل ماكرون": "visitor",
        "محمد السادس": "host",
    }


def test_trip_to_hold_talks_makes_the_one_talked_with_host() -> None:
    event = one(
        "ومن المقرر أن يتوجه وزير الخارجية الإثيوبي جديون طيموتيوس إلى القاهرة لإجراء مباحثات مع الرئيس "
        "عبد الفتاح السيسي.",
        "visit",
    )
    assert {p.name: p.role.value for p in event.participants} == {
        "جديون طيموتيوس": "visitor",
        "عبد الفتاح السيسي": "host",
    }


def test_training_among_the_topics_of_talks_is_proposed() -> None:
    event = one(
        "بحث وزير الداخلية الليبي عماد الطرابلسي مع السفير الإيطالي جيانلوكا ألبريني التعاون في مكافحة الهجرة "
        "وتدريب عناصر الشرطة الليبية.",
        "training_agreement",
    )
    assert event.status.value == "proposed"


def test_headed_by_a_senator_is_a_person_not_an_organisation() -> None:
    event = one(
        "استقبل رئيس الوزراء العراقي محمد شياع السوداني وفدا من الكونغرس الأمريكي برئاسة السيناتور جو ويلسون.",
        "meeting",
    )
    assert "جو ويلسون" in names(event)
    assert not any(p.name.startswith("رئاسة") for p in event.participants)


def test_forces_from_a_country_take_part() -> None:
    event = one(
        "انطلق اليوم التمرين العسكري المشترك درع الخليج بمشاركة قوات من السعودية والإمارات والبحرين.",
        "training_agreement",
    )
    assert {"السعودية", "الإمارات", "البحرين"} <= names(event)


def test_the_pronoun_of_a_circumstantial_meeting_is_the_nearest_person() -> None:
    event = one(
        "تلقى الملك سلمان بن عبدالعزيز رسالة من الرئيس الطاجيكي إمام علي رحمن، تسلمها نائب وزير الخارجية "
        "وليد الخريجي خلال استقباله السفير الطاجيكي بهروز بابايف.",
        "meeting",
    )
    assert names(event) == {"وليد الخريجي", "بهروز بابايف"}
