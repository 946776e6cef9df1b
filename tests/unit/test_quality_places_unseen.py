"""Places of events on news the rules were not written on (session 4). Invented sentences, one rule each:

- عمّان with its shadda is Amman; a bare عمان is Amman where the article is Jordanian (الأردن، الأردني)
  and not Omani, and Oman where it is Omani (سلطنة عمان، العماني، مسقط);
- "العاصمة المصرية" with no name is the capital of that country; a nisba adjective may stand between a
  toponym noun and its name (العاصمة المؤقتة عدن، المدينة الساحلية اللاذقية);
- a topic with its adjective (التطورات الأمنية في ليبيا، الأوضاع الإنسانية في غزة) is what was discussed;
- "أن كلا من باكستان وسريلانكا تشارك في المناورات" lists participants, not places;
- the object of لزيارة / بزيارة is the place visited;
- datelines with "في" and a date, a numeric date, or an agency between slashes;
- training in "الأكاديميات العسكرية الإيطالية" is training in Italy;
- calls keep no place.
"""

from __future__ import annotations

import datetime as dt

import pytest

from services.geolocator.logic import geolocate
from services.segmenter.logic import segment
from shared.schemas import Article, DetectedEvent, DetectedEvents, Evidence, Participant, Place, Trigger

WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
_CODES = {"meeting": ("040", "CONSULT"), "visit": ("042", "CONSULT"), "training_agreement": ("062", "COOPERATE")}


def place_of(body: str, triggers: str | list[str], kind: str = "meeting", status: str = "occurred") -> Place | None:
    """The place of one event whose triggers are the first occurrences of ``triggers`` (in order)."""
    article = Article(id="u4", body=body)
    sentences = segment(article).sentences
    found: list[Trigger] = []
    evidence: list[Evidence] = []
    at = 0
    for text in [triggers] if isinstance(triggers, str) else triggers:
        start = body.index(text, at)
        at = start + len(text)
        found.append(Trigger(start=start, end=start + len(text), text=text))
        sentence = next(s for s in sentences if s.start <= start < s.end)
        evidence.append(Evidence(start=sentence.start, end=sentence.end, text=sentence.text))
    cameo, plover = _CODES[kind]
    event = DetectedEvent(
        type=kind, status=status, cameo_code=cameo, plover_category=plover,
        participants=[Participant(name="الوفد الزائر", kind="organization", role="party")],
        triggers=found, evidence=evidence, confidence=0.9,
    )
    return geolocate(DetectedEvents(article=article, sentences=sentences, events=[event]), WHEN)[0].place


# 1. عمّان / عمان: Amman or Oman


@pytest.mark.parametrize(
    ("body", "trigger"),
    [
        ("وصل وزير الخارجية العراقي إلى عمّان مساء اليوم في زيارة رسمية تستمر يومين.", "وصل"),
        ("ومن المقرر أن يعقد المجلس اجتماعه المقبل في عمّان مطلع الشهر المقبل.", "اجتماعه"),
        ("التقى وزير الخارجية الأردني نظيره اللبناني في عمان أمس، وبحث الجانبان العلاقات الثنائية.", "التقى"),
        ("أكد رئيس الوزراء الأردني دعم بلاده للحكومة السورية، وقال إنه سيستقبل وفدا سوريا في عمان الأسبوع المقبل.",
         "سيستقبل"),
        ("عقد في العاصمة الأردنية عمان اجتماع لوزراء خارجية دول الجوار السوري.", "اجتماع"),
        ("يتوجه رئيس الوزراء الفلسطيني غدا إلى عمان حيث يلتقي نظيره الأردني لبحث إدخال المساعدات.", "يلتقي"),
    ],
)
def test_amman(body: str, trigger: str) -> None:
    place = place_of(body, trigger)
    assert place is not None and place.name_en == "Amman" and place.country_code == "JO", place


@pytest.mark.parametrize(
    ("body", "trigger"),
    [
        ("وصل الرئيس الإيراني إلى سلطنة عمان في زيارة رسمية يلتقي خلالها السلطان هيثم بن طارق.", "يلتقي"),
        ("استقبل وزير الخارجية العماني بدر البوسعيدي نظيره الإيراني في عمان، وبحثا الملف النووي.", "استقبل"),
        ("أعلنت الخارجية العمانية أن جولة جديدة من المحادثات غير المباشرة ستعقد في عُمان السبت المقبل.",
         "المحادثات"),
    ],
)
def test_oman(body: str, trigger: str) -> None:
    place = place_of(body, trigger)
    assert place is not None and place.country_code == "OM", place


def test_amman_in_a_dateline_of_the_jordanian_agency() -> None:
    body = "عمان 3 آذار (بترا)- التقى وزير الخارجية أيمن الصفدي اليوم نظيره القبرصي وبحثا العلاقات الثنائية."
    place = place_of(body, "التقى")
    assert place is not None and place.name_en == "Amman", place


# 2. the event's own place phrase, not a participant's country nor a place of another clause


@pytest.mark.parametrize(
    ("body", "trigger", "not_code"),
    [
        ("عقد الجانبان اجتماعا تناول التعاون العسكري بين البلدين والتطورات الأمنية في ليبيا والمنطقة.",
         "اجتماعا", "LY"),
        ("وقال المتحدث إن اللقاء تناول الأوضاع الإنسانية في قطاع غزة وترتيبات إعادة الإعمار.", "اللقاء", "PS"),
        ("أجرى الوزيران جلسة مباحثات تناولت التعاون القائم والوضع الأمني في منطقة الساحل.", "مباحثات", "ML"),
        ("بحث الوزيران خلال الاجتماع الأزمة السياسية في السودان وسبل إنهاء الحرب.", "الاجتماع", "SD"),
    ],
)
def test_a_topic_with_its_adjective_is_no_venue(body: str, trigger: str, not_code: str) -> None:
    place = place_of(body, trigger)
    assert place is None or place.country_code != not_code, place


@pytest.mark.parametrize(
    ("body", "trigger", "city"),
    [
        ("بحث وزير الدفاع السعودي مع نظيره الأمريكي التعاون العسكري في الرياض اليوم.", "بحث", "Riyadh"),
        ("ناقش وزير الخارجية المصري مع نظيره التركي التطورات الإقليمية في القاهرة أمس.", "ناقش", "Cairo"),
        ("بحث رئيس الوزراء العراقي مع الرئيس الإيراني الأوضاع الإقليمية في طهران.", "بحث", "Tehran"),
    ],
)
def test_a_city_after_a_topic_and_its_adjective_is_the_venue(body: str, trigger: str, city: str) -> None:
    place = place_of(body, trigger)
    assert place is not None and place.name_en == city, place


def test_countries_listed_as_observers_are_no_venue() -> None:
    body = ("انطلقت اليوم مناورات بحرية مشتركة بين روسيا والصين وإيران في المياه القريبة من ميناء تشابهار. "
            "وأوضح المتحدث أن كلا من باكستان وعمان وسريلانكا تشارك في المناورات بصفة مراقب.")
    place = place_of(body, ["مناورات", "المناورات"], "training_agreement")
    assert place is not None and place.name_en == "Chabahar", place
    alone = place_of("وأوضح المتحدث أن كلا من باكستان وسريلانكا تشارك في المناورات بصفة مراقب.", "المناورات",
                     "training_agreement")
    assert alone is None, alone


def test_a_meeting_placed_in_its_first_sentence_keeps_that_place() -> None:
    body = ("استقبل رئيس الأركان التركي، الثلاثاء، نظيره الليبي والوفد المرافق له، في مقر رئاسة الأركان بالعاصمة "
            "أنقرة. ثم عقد الجانبان اجتماعا ثنائيا تناول التعاون العسكري والتطورات الأمنية في ليبيا. "
            "ويقضي البروتوكول بإرسال فرق تدريب تركية إلى مراكز التدريب في طرابلس ومصراتة.")
    place = place_of(body, ["استقبل", "اجتماعا"])
    assert place is not None and place.name_en == "Ankara", place


@pytest.mark.parametrize(
    ("body", "trigger", "city"),
    [
        ("استقبل الأمين العام للجامعة العربية رئيس الوزراء الفلسطيني بمقر الأمانة العامة في العاصمة المصرية.",
         "استقبل", "Cairo"),
        ("وصل الوفد العسكري الليبي إلى العاصمة الروسية أمس في زيارة تستمر ثلاثة أيام.", "وصل", "Moscow"),
        ("التقى وزير الخارجية السوري نظيره العراقي في العاصمة الأردنية، وبحثا أمن الحدود.", "التقى", "Amman"),
    ],
)
def test_the_capital_named_by_its_country(body: str, trigger: str, city: str) -> None:
    place = place_of(body, trigger, "visit" if trigger == "وصل" else "meeting")
    assert place is not None and place.name_en == city and place.precision.value == "city", place


@pytest.mark.parametrize(
    ("body", "trigger", "city"),
    [
        ("أرجئت زيارة المبعوث الأممي الخاص إلى اليمن إلى العاصمة المؤقتة عدن إلى الأسبوع المقبل.", "زيارة", "Aden"),
        ("عقد الاجتماع الثلاثي في المدينة الساحلية اللاذقية بحضور قادة الأجهزة الأمنية.", "الاجتماع", "Latakia"),
        ("وصل رئيس الوزراء إلى العاصمة الاقتصادية الدار البيضاء في زيارة عمل.", "وصل", "Casablanca"),
    ],
)
def test_a_nisba_adjective_between_a_toponym_noun_and_its_name(body: str, trigger: str, city: str) -> None:
    place = place_of(body, trigger, "visit" if trigger in ("زيارة", "وصل") else "meeting")
    assert place is not None and place.name_en == city, place


# 3. visits, agreements, calls, datelines, margins


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("نقل السفير دعوة رسمية من وزير الدفاع التركي إلى نظيره العراقي لزيارة أنقرة.", "TR"),
        ("وجه رئيس الوزراء الباكستاني دعوة إلى الرئيس الروسي لزيارة باكستان، وقبلها الرئيس بامتنان.", "PK"),
        ("جدد الملك دعوته للرئيس الفرنسي لزيارة المغرب في أقرب الآجال.", "MA"),
    ],
)
def test_the_object_of_an_invitation_to_visit(body: str, code: str) -> None:
    place = place_of(body, "لزيارة", "visit", "proposed")
    assert place is not None and place.country_code == code, place


@pytest.mark.parametrize(
    ("body", "trigger", "city"),
    [
        ("مسقط في 12 أبريل /العمانية/ جرت اليوم جولة من المحادثات غير المباشرة بين الوفدين.", "المحادثات", "Muscat"),
        ("نواكشوط، 20/11/2025\nوقع وزيرا الدفاع اليوم مذكرة تفاهم للتعاون العسكري بين البلدين.", "مذكرة تفاهم",
         "Nouakchott"),
        ("أبوظبي في 4 نوفمبر / وام / استقبل رئيس الدولة اليوم رئيس وزراء باكستان وبحثا العلاقات.", "استقبل",
         "Abu Dhabi"),
    ],
)
def test_datelines_with_a_date_or_an_agency_between_slashes(body: str, trigger: str, city: str) -> None:
    kind = "training_agreement" if trigger == "مذكرة تفاهم" else "meeting"
    place = place_of(body, trigger, kind)
    assert place is not None and place.name_en == city, place


def test_a_call_from_the_dateline_city_has_no_place() -> None:
    body = "القاهرة - أ ش أ - أجرى الرئيس المصري اتصالا هاتفيا مع نظيره الفرنسي تناول الأوضاع الإقليمية."
    assert place_of(body, "اتصالا") is None


def test_a_meeting_on_the_margins_of_a_summit_is_in_the_summit_city() -> None:
    body = ("بحث الرئيس الروسي مع رئيس الوزراء الباكستاني، اليوم، على هامش قمة منظمة شنغهاي للتعاون في مدينة "
            "تيانجين الصينية، العلاقات الثنائية.")
    place = place_of(body, "بحث")
    assert place is not None and place.name_en == "Tianjin", place


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("واتفق الجانبان على استقبال ضباط تونسيين للتكوين في المدارس والأكاديميات العسكرية الإيطالية.", "IT"),
        ("وبحث الوزيران زيادة المقاعد المخصصة للضباط العراقيين للتدريب في الكليات العسكرية التركية.", "TR"),
    ],
)
def test_training_in_a_countrys_military_academies(body: str, code: str) -> None:
    trigger = "للتكوين" if "للتكوين" in body else "للتدريب"
    place = place_of(body, trigger, "training_agreement", "proposed")
    assert place is not None and place.country_code == code and place.precision.value == "country", place


def test_an_agreement_signed_is_placed_where_it_was_signed() -> None:
    body = ("الرباط (ومع) - وقع المغرب وإسبانيا، اليوم، مذكرة تفاهم للتعاون العسكري تتضمن تكوين ضباط مغاربة في "
            "الأكاديميات العسكرية الإسبانية.")
    place = place_of(body, "مذكرة تفاهم", "training_agreement")
    assert place is not None and place.name_en == "Rabat", place


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("عمان 5 آذار (بترا)- نقل وزير الخارجية إلى الرئيس السوري رسالة تتضمن دعوة لزيارة المملكة.", "JO"),
        ("وجه العاهل المغربي دعوة إلى الرئيس الموريتاني لزيارة المملكة في أقرب الآجال.", "MA"),
        ("الرياض (واس) - جدد ولي العهد دعوته للرئيس الفرنسي لزيارة المملكة مطلع العام المقبل.", "SA"),
    ],
)
def test_the_kingdom_is_the_kingdom_the_article_is_from(body: str, code: str) -> None:
    place = place_of(body, "لزيارة", "visit", "proposed")
    assert place is not None and place.country_code == code, place


def test_the_kingdom_of_an_article_naming_none_is_no_place() -> None:
    assert place_of("أعلن المتحدث أن الرئيس تلقى دعوة لزيارة المملكة قريبا.", "لزيارة", "visit", "proposed") is None


def test_a_bare_amman_later_in_a_jordanian_wire_is_amman() -> None:
    body = ("عمان 5 آذار (بترا)- بحث وزير الخارجية مع نظيره العراقي العلاقات الثنائية.\n"
            "واتفق الجانبان على عقد الاجتماع المقبل للجنة المشتركة في عمان الشهر المقبل.")
    place = place_of(body, "الاجتماع", "meeting", "planned")
    assert place is not None and place.name_en == "Amman", place


def test_talks_held_are_not_placed_where_a_visit_is_only_invited_to() -> None:
    body = "كما التقى وزير الخارجية الأردني الرئيس السوري، ونقل إليه رسالة من الملك تتضمن دعوة لزيارة عمان."
    article = Article(id="u4", body=body)
    sentences = segment(article).sentences
    sentence = sentences[0]
    evidence = [Evidence(start=sentence.start, end=sentence.end, text=sentence.text)]
    parties = [Participant(name="أيمن الصفدي", kind="person", role="party"),
               Participant(name="أحمد الشرع", kind="person", role="party")]

    def event(kind: str, status: str, trigger: str) -> DetectedEvent:
        start = body.index(trigger)
        cameo, plover = _CODES[kind]
        return DetectedEvent(type=kind, status=status, cameo_code=cameo, plover_category=plover,
                             participants=parties, triggers=[Trigger(start=start, end=start + len(trigger),
                                                                     text=trigger)],
                             evidence=evidence, confidence=0.9)

    events = [event("meeting", "occurred", "التقى"), event("visit", "proposed", "لزيارة")]
    meeting, visit = geolocate(DetectedEvents(article=article, sentences=sentences, events=events), WHEN)
    assert visit.place is not None and visit.place.name_en == "Amman", visit.place
    assert meeting.place is None, meeting.place


_CAPITALS = {"Amman": (31.955, 35.945), "Muscat": (23.584, 58.408), "Kuwait City": (29.370, 47.978),
             "Manama": (26.215, 50.583)}


@pytest.mark.parametrize(
    ("body", "city"),
    [
        ("استقبل جلالة الملك، في قصر الحسينية اليوم، الرئيس القبرصي وبحث معه العلاقات الثنائية.", "Amman"),
        ("استقبل جلالة السلطان في قصر البركة العامر وزير الخارجية الإيراني.", "Muscat"),
        ("استقبل سمو الأمير في قصر بيان اليوم رئيس الوزراء الباكستاني.", "Kuwait City"),
        ("استقبل جلالة الملك في قصر الصخير ولي عهد أبوظبي.", "Manama"),
    ],
)
def test_a_royal_palace_is_a_site_by_its_capital(body: str, city: str) -> None:
    """Not a town that shares the palace's name (الحسينية: villages 100 to 150 km south of Amman)."""
    place = place_of(body, "استقبل")
    lat, lon = _CAPITALS[city]
    assert place is not None and place.precision.value == "site", place
    assert abs(place.lat - lat) < 0.3 and abs(place.lon - lon) < 0.3, place


def test_a_dateline_amman_stays_amman_in_an_article_about_oman() -> None:
    body = ("عمان - التقى رئيس الوزراء الأردني اليوم نظيره العماني، وبحثا العلاقات بين الأردن وسلطنة عمان "
            "والتعاون مع السلطنة والجانب العماني.")
    place = place_of(body, "التقى")
    assert place is not None and place.name_en == "Amman", place


def test_a_visit_that_ends_is_placed_where_it_was_not_at_the_next_leg() -> None:
    body = "غادر وزير الخارجية الروسي القاهرة متوجها إلى الرياض في ختام زيارة لمصر استمرت يومين."
    place = place_of(body, "غادر", "visit")
    assert place is not None and place.name_en == "Cairo", place
