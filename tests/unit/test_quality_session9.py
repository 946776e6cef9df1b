"""Patterns of official news met in real articles (session 9).

Invented wire-style sentences; no wording of any evaluation article.
"""

from __future__ import annotations

from detector_helpers import events, names

from services.pipeline import extract
from shared.schemas import Article, EventStatus, EventType


def test_leaving_home_for_a_visit_is_no_visit_at_home() -> None:
    body = ("غادر رئيس الوزراء الهندي ناريندرا مودي نيودلهي صباح اليوم متوجها إلى طوكيو "
            "في زيارة رسمية يلتقي خلالها نظيره الياباني.")
    found = [e for e in events(body) if e.type == EventType.visit]
    assert len(found) == 1
    assert found[0].status == EventStatus.planned

def test_leaving_a_visited_capital_for_the_next_stop_is_two_visits() -> None:
    body = ("غادر وزير الخارجية الهندي سوبرامانيام جايشانكار العاصمة الإماراتية أبوظبي مساء أمس "
            "متوجها إلى الرياض، المحطة الثانية في جولته الخليجية.")
    statuses = sorted(e.status.value for e in events(body) if e.type == EventType.visit)
    assert statuses == ["occurred", "planned"]


def test_the_place_left_is_the_visit_that_ends_and_whom_he_goes_to_meet_is_ahead() -> None:
    body = ("غادر رئيس الوزراء الياباني فوميو كيشيدا، الخميس، المملكة العربية السعودية "
            "متوجها إلى قطر للقاء الأمير تميم بن حمد.")
    found = {(e.type, e.status): e for e in extract(Article(id="t", body=body, source="t"))}
    left = found[(EventType.visit, EventStatus.occurred)]
    assert left.place is not None and left.place.country_code == "SA"
    assert {p.name for p in left.participants} == {"فوميو كيشيدا"}
    ahead = found[(EventType.visit, EventStatus.planned)]
    assert ahead.place is not None and ahead.place.country_code == "QA"
    assert (EventType.meeting, EventStatus.planned) in found


def test_what_came_before_is_another_happening_and_a_call_is_not_the_summit_it_talks_of() -> None:
    body = ("أعلنت الرئاسة المصرية أن الرئيس عبد الفتاح السيسي تلقى اتصالا هاتفيا من الرئيس الفرنسي "
            "إيمانويل ماكرون، تناول فيه الدعوة لقمة دولية حول السودان. "
            "جاء هذا عقب استقبال وزير الخارجية المصري بدر عبد العاطي نظيره الفرنسي جان نويل بارو الأحد في القاهرة.")
    meetings = [e for e in events(body) if e.type == EventType.meeting]
    call = next(e for e in meetings if "إيمانويل ماكرون" in names(e))
    assert call.status == EventStatus.occurred
    reception = next(e for e in meetings if "جان نويل بارو" in names(e))
    assert names(reception) == {"بدر عبد العاطي", "جان نويل بارو"}


def test_the_guest_is_the_visitor_told_before() -> None:
    body = ("استقبل وزير الخارجية الكيني موساليا مودافادي اليوم في نيروبي نظيره الصومالي أحمد معلم فقي "
            "الذي يزور كينيا تلبية لدعوة رسمية. كما سيلتقي الضيف الزائر بالرئيس وليام روتو.")
    later = next(e for e in events(body) if e.type == EventType.meeting and "وليام روتو" in names(e))
    assert "أحمد معلم فقي" in names(later)


def test_hashtag_marks_do_not_cut_a_name_and_a_tour_lists_its_stops_after_also() -> None:
    body = ("وصل الرئيس الموريتاني، محمد #ولد_الغزواني، إلى #الرباط ظهر الاثنين في زيارة للمغرب. "
            "وكان في مقدمة مستقبليه لدى وصوله المطار ولي العهد الأمير مولاي الحسن. "
            "ويقوم الغزواني بجولة مغاربية رسمية، تشمل أيضا تونس والجزائر.")
    found = [e for e in events(body) if e.type == EventType.visit]
    first = next(e for e in found if e.status == EventStatus.occurred)
    assert {(p.name, p.role.value) for p in first.participants} == {
        ("محمد ولد الغزواني", "visitor"), ("مولاي الحسن", "host")}
    stops = [e for e in found if e.status == EventStatus.planned]
    assert len(stops) == 2 and all(names(e) == {"محمد ولد الغزواني"} for e in stops)


def test_a_wish_before_the_verb_that_carries_a_visit_is_not_the_visits() -> None:
    body = ("صدر عن الرئاسة البيان التالي: تعزيزا للعلاقات والرغبة المشتركة في تطويرها، "
            "يقوم الرئيس الكوري يون سوك يول بزيارة رسمية إلى الإمارات.")
    visit = next(e for e in events(body) if e.type == EventType.visit)
    assert visit.status != EventStatus.proposed


def test_a_wish_that_the_visitor_makes_the_visit_stays_proposed() -> None:
    body = "وأبدى الرئيس رغبته في أن يقوم الرئيس الكوري يون سوك يول بزيارة إلى الإمارات."
    visit = next(e for e in events(body) if e.type == EventType.visit)
    assert visit.status == EventStatus.proposed


def test_a_conjoined_portfolio_belongs_to_the_title_not_the_name() -> None:
    body = ("حل وزير الخارجية والتعاون الأفريقي ومغاربة العالم، ناصر بوريطة، اليوم الأحد بالعاصمة البرتغالية "
            "لشبونة، في زيارة رسمية يلتقي خلالها نظيره البرتغالي باولو رانجل.")
    visit = next(e for e in events(body) if e.type == EventType.visit)
    assert "ناصر بوريطة" in names(visit)
    assert not any("مغاربة" in n for n in names(visit))



def test_a_plural_object_after_kama_istaqbala_is_received_by_the_receiver_before() -> None:
    body = ("استقبل قائد الجيش العماد رودولف هيكل في مكتبه في اليرزة سفير فرنسا في لبنان هيرفي ماغرو. "
            "كما استقبل النائبين ميشال معوض وجهاد الصمد وتناول البحث الأوضاع العامة.")
    found = extract(Article(id="t", body=body, source="t"))
    later = next(e for e in found if "ميشال معوض" in {p.name for p in e.participants})
    assert "رودولف هيكل" in {p.name for p in later.participants}
    assert all(e.place is not None and e.place.name == "اليرزة" for e in found)


def test_who_accompanies_the_visitor_is_a_visitor() -> None:
    body = ("توجه رئيس الوزراء الأردني جعفر حسان اليوم إلى القاهرة في زيارة رسمية. "
            "ويرافق رئيس الوزراء وزير الخارجية أيمن الصفدي ووزير الصناعة يعرب القضاة.")
    visit = next(e for e in events(body) if e.type == EventType.visit)
    assert {"جعفر حسان", "أيمن الصفدي", "يعرب القضاة"} <= names(visit)


def test_a_similar_visit_is_another_visit_and_the_office_of_a_president_is_not_the_president() -> None:
    body = ("وصل رئيس الوزراء الليبي عبد الحميد الدبيبة إلى العاصمة التركية أنقرة مساء الثلاثاء. "
            "وتأتي زيارة الدبيبة بعد ساعات من انتهاء زيارة مماثلة لرئيس المجلس الرئاسي الليبي محمد المنفي إلى أنقرة. "
            "وكان الرئيس التركي رجب طيب أردوغان استقبل رئيس المجلس الرئاسي الليبي، مساء الاثنين، في المجمع الرئاسي. "
            "وقال مدير مكتب رئيس المجلس الرئاسي الليبي، فلان الورفلي، إن اللقاء كان مثمرا.")
    found = events(body)
    visits = sorted((names(e) for e in found if e.type == EventType.visit), key=len)
    assert {"عبد الحميد الدبيبة"} in visits
    assert any("محمد المنفي" in v and "عبد الحميد الدبيبة" not in v for v in visits)
    meeting = next(e for e in found if e.type == EventType.meeting)
    assert "محمد المنفي" in names(meeting)


def test_long_official_titles_keep_their_name_after_the_comma() -> None:
    body = ("استقبل رئيس الجمهورية، عبد المجيد تبون، أمس الثلاثاء، بمقر رئاسة الجمهورية، وزير أوروبا والشؤون "
            "الخارجية للجمهورية الفرنسية، جان نويل بارو. والتقى وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة "
            "المقيمين بالخارج، ناصر بوريطة، اليوم، بنظيره الإسباني خوسيه مانويل ألباريس.")
    found = [names(e) for e in events(body) if e.type == EventType.meeting]
    assert any({"عبد المجيد تبون", "جان نويل بارو"} <= n for n in found)
    assert any("ناصر بوريطة" in n for n in found)


def test_what_has_begun_and_goes_on_until_a_coming_date_has_occurred() -> None:
    body = ("انطلقت أمس بقاعدة بنزرت تدريبات مشتركة بين وحدات من الجيش التونسي وقوات إيطالية "
            "تتواصل إلى العاشر من ماي القادم.")
    training = next(e for e in events(body) if e.type == EventType.training_agreement)
    assert training.status == EventStatus.occurred


def test_a_countrys_territorial_waters_are_that_country() -> None:
    body = ("وأجرت القوات البحرية للبلدين تدريبات مشتركة داخل المياه الإقليمية المصرية "
            "بمشاركة الفرقاطة اليونانية هيدرا والقوات البحرية المصرية.")
    training = next(e for e in extract(Article(id="t", body=body, source="t")))
    assert training.place is not None and training.place.country_code == "EG"


def test_a_session_of_a_forum_named_after_its_city_is_held_there() -> None:
    body = ("التقى وزير الخارجية المصري بدر عبد العاطي، اليوم، بنظيره الإسباني خوسيه مانويل ألباريس، "
            "على هامش الدورة السادسة لمنتدى باريس للسلام.")
    meeting = next(e for e in extract(Article(id="t", body=body, source="t")))
    assert meeting.place is not None and meeting.place.name == "باريس"


def test_who_signs_the_agreement_is_a_party_to_it() -> None:
    body = ("وقعت سلطنة عمان والهند، الثلاثاء، في مسقط مذكرة تفاهم في مجال التعاون العسكري بين البلدين. "
            "ووقع المذكرة من الجانب العماني الأمين العام بوزارة الدفاع محمد بن ناصر الزعابي، "
            "فيما وقعها من الجانب الهندي السفير الهندي في مسقط أميت نارانغ.")
    training = next(e for e in events(body) if e.type == EventType.training_agreement)
    assert {"محمد بن ناصر الزعابي", "أميت نارانغ"} <= names(training)


def test_an_offices_country_is_not_where_it_receives() -> None:
    body = ("استقبل وزير الدفاع الكويتي الشيخ عبدالله علي السالم الصباح، في مطار الكويت اليوم، الأمير خالد بن "
            "سلمان وزير الدفاع السعودي. واستقبل ايضا السيد شهاب بن طارق آل سعيد نائب رئيس الوزراء لشؤون الدفاع "
            "في سلطنة عمان.")
    found = extract(Article(id="t", body=body, source="t"))
    later = next(e for e in found if "شهاب بن طارق آل سعيد" in {p.name for p in e.participants})
    assert later.place is None or later.place.country_code == "KW"
