"""Geolocation per phenomenon: trigger-tied place, dateline, ambiguity, null, nationality, region."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.geolocator.evaluation import DATA, evaluate
from services.geolocator.logic import geolocate
from services.geolocator.mentions import NORMAL_WORD_CLASSES, words_of
from services.segmenter.logic import split_sentences
from shared.arabic import normalized_view
from shared.schemas import Article, DetectedEvent, DetectedEvents, Evidence, Participant, Place, Trigger, event_id

WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _events(body: str, *triggers: tuple[str, str], participants: list[Participant] | None = None) -> DetectedEvents:
    article = Article(id="t1", body=body)
    sentences = split_sentences(body)
    events = []
    for trigger, kind in triggers:
        start = body.index(trigger)
        sentence = next(s for s in sentences if s.start <= start < s.end)
        events.append(DetectedEvent(
            type=kind, status="occurred", cameo_code="040", plover_category="CONSULT",
            participants=participants or [Participant(name="أحمد علي", kind="person", role="party")],
            triggers=[Trigger(start=start, end=start + len(trigger), text=trigger)],
            evidence=[Evidence(start=sentence.start, end=sentence.end, text=sentence.text)], confidence=0.9,
        ))
    return DetectedEvents(article=article, sentences=sentences, events=events)


def _place(body: str, trigger: str, kind: str = "meeting") -> Place | None:
    return geolocate(_events(body, (trigger, kind)), WHEN)[0].place


def test_place_tied_to_trigger_not_other_places_in_the_sentence() -> None:
    place = _place("التقى وزير الخارجية المصري نظيره الليبي في طرابلس بعد عودته من باريس.", "التقى")
    assert place is not None and place.country_code == "LY" and place.precision == "city"
    assert place.text == "طرابلس" and place.gazetteer_id.startswith("geonames:")


def test_clitic_place_and_offsets_point_into_the_body() -> None:
    body = "وصل الرئيس الجزائري إلى القاهرة في زيارة رسمية بدعوة من نظيره."
    event = geolocate(_events(body, ("زيارة", "visit")), WHEN)[0]
    assert event.place is not None and event.place.name_en == "Cairo"
    assert body[event.place.start:event.place.end] == event.place.text


def test_dateline_when_the_sentence_gives_no_place() -> None:
    body = "الرياض - واس\nاستقبل ولي العهد السعودي رئيس الوزراء العراقي وبحثا العلاقات الثنائية."
    assert (place := _place(body, "استقبل")) is not None and place.name_en == "Riyadh"


def test_dateline_formats_and_its_limits() -> None:
    for body in ("(واس) الرياض - استقبل ولي العهد رئيس الوزراء العراقي.",
                 "الرياض 05 نوفمبر 2024 (واس) - استقبل ولي العهد رئيس الوزراء العراقي."):
        assert (place := _place(body, "استقبل")) is not None and place.name_en == "Riyadh", body
    assert _place("القاهرة تستضيف الاجتماع المقبل. التقى الوزير نظيره.", "التقى") is None
    call = "الرياض - أجرى ولي العهد اتصالا هاتفيا مع الرئيس الأمريكي."
    assert _place(call, "اتصالا") is None  # a call has no place, whatever the dateline


def test_ambiguous_name_resolved_by_article_countries() -> None:
    lebanon = "عقد رئيس الحكومة اللبنانية اجتماعا في طرابلس مع فعاليات المدينة اللبنانية لبحث أوضاع لبنان."
    assert (place := _place(lebanon, "اجتماعا")) is not None and place.country_code == "LB"
    libya = "عقد رئيس المجلس الرئاسي الليبي اجتماعا في طرابلس مع عمداء البلديات."
    assert (place := _place(libya, "اجتماعا")) is not None and place.country_code == "LY"


def test_no_place_in_the_text_gives_null() -> None:
    assert _place("أجرى الرئيس مكالمة هاتفية مع نظيره بحثا خلالها العلاقات الثنائية.", "مكالمة") is None


def test_nationality_is_never_a_place() -> None:
    body = "التقى الرئيس الأميركي دونالد ترامب الرئيس الروسي فلاديمير بوتين وبحثا الملف الأوكراني."
    assert _place(body, "التقى") is None


def test_border_and_envoy_post_are_not_event_places() -> None:
    body = "ناقش المجتمعون تأمين الحدود مع الجزائر والنيجر وتشاد."
    assert _place(body, "ناقش") is None
    assert _place("التقى السفير الروسي في ليبيا رئيس الحكومة.", "التقى") is None


def test_region_precision_for_a_region_phrase() -> None:
    place = _place("جاء استقبال الجنرال الأميركي في شرق ليبيا ضمن جولة في المنطقة.", "استقبال")
    assert place is not None and place.precision == "region" and place.country_code == "LY"


def test_visited_country_refined_to_its_city_named_in_the_article() -> None:
    body = "غادر وزير الخارجية القاهرة اليوم بعد زيارة لمصر استغرقت يومين."
    place = _place(body, "زيارة", "visit")
    assert place is not None and place.name_en == "Cairo"


def test_common_word_is_not_a_place() -> None:
    body = "اتفقا على تشكيل لجنة عسكرية مشتركة لإجراء مناورات."
    assert _place(body, "مناورات", "training_agreement") is None


def test_event_fields_are_built_deterministically() -> None:
    detected = _events("التقى الوزير نظيره في بغداد.", ("التقى", "meeting"))
    first, again = geolocate(detected, WHEN)[0], geolocate(detected, WHEN)[0]
    assert first == again
    assert first.event_id == event_id("t1", first.type, 0) and first.trigger == "التقى"
    assert first.producer_version and first.extracted_at == WHEN


def test_surface_text_keeps_the_toponym_noun_and_drops_clitics() -> None:
    body = "عقد رئيس مجلس السيادة اجتماعا بالعاصمة السودانية الخرطوم مع المبعوث الأممي."
    place = _place(body, "اجتماعا")
    assert place is not None and place.text == "العاصمة السودانية الخرطوم" and place.name_en == "Khartoum"
    assert body[place.start:place.end] == place.text


def test_topic_of_talks_is_not_the_place() -> None:
    assert _place("عقد الطرفان اجتماعا لبحث الأوضاع في غزة والتطورات في السودان.", "اجتماعا") is None
    place = _place("عقد الطرفان اجتماعا في الدوحة لبحث الأوضاع في غزة.", "اجتماعا")
    assert place is not None and place.name_en == "Doha"


def test_place_inside_a_relative_clause_about_something_else_is_skipped() -> None:
    body = "يبحث الأمير مع الرئيس ملفات، وفي مقدمتها الحرب التي يشنها التحالف العسكري ضد الحوثيين في اليمن."
    assert _place(body, "يبحث") is None
    body = "جاء العرض خلال الاجتماع التاسع للجنة المشتركة لمكافحة الهجرة، الذي عقد الأربعاء، في العاصمة طرابلس."
    assert (place := _place(body, "الاجتماع")) is not None and place.name_en == "Tripoli"


def test_meeting_during_a_visit_takes_the_visit_place() -> None:
    body = "غادر الوزير القاهرة متوجها إلى إسرائيل بعد زيارة لمصر، استقبله خلالها الرئيس المصري."
    visit, meeting = geolocate(_events(body, ("زيارة", "visit"), ("استقبله", "meeting")), WHEN)
    assert visit.place is not None and meeting.place is not None
    assert visit.place.country_code == meeting.place.country_code == "EG"


def test_places_listed_in_one_country_give_the_country() -> None:
    body = "وانطلقت المناورات العسكرية في كل من طانطان وتزنيت والقنيطرة بمشاركة القوات الأمريكية."
    place = _place(body, "المناورات", "training_agreement")
    assert place is not None and place.precision == "country" and place.country_code == "MA"


def test_ministry_of_a_country_is_held_in_its_capital() -> None:
    place = _place("سيعقد لقاءات يوم الثلاثاء في وزارة الخارجية الروسية مع مسؤولين.", "لقاءات")
    assert place is not None and place.name_en == "Moscow"


def test_following_sentence_that_refers_back_gives_the_place() -> None:
    body = "وقع الوزيران مذكرة تفاهم في المجالات العسكرية. جاء ذلك خلال لقاء في مدينة أنطاليا التركية."
    place = _place(body, "مذكرة", "training_agreement")
    assert place is not None and place.name_en == "Antalya" and place.country_code == "TR"


def test_country_and_capital_homonyms_follow_the_article() -> None:
    assert (place := _place("وصل العاهل الأردني إلى عمان قادما من واشنطن.", "وصل", "visit")) is not None
    assert place.name_en == "Amman"
    assert (place := _place("وصل الرئيس الإيراني إلى عمان في زيارة لسلطنة عمان.", "وصل", "visit")) is not None
    assert place.country_code == "OM"


def test_person_name_with_a_clitic_look_alike_is_not_a_place() -> None:
    place = _place("استقبل الرئيس الأمريكي جو بايدن رئيس الوزراء العراقي في البيت الأبيض.", "استقبل")
    assert place is not None and place.precision == "site" and place.country_code == "US"


def test_construct_country_is_not_the_visited_place() -> None:
    body = "ووصل رئيس وزراء النيجر علي لامين زين إلى العاصمة الروسية موسكو."
    assert (place := _place(body, "ووصل", "visit")) is not None and place.name_en == "Moscow"


@pytest.mark.timeout(60)
def test_dev_place_accuracy_on_gold_events() -> None:
    result = evaluate(DATA / "dev_articles.jsonl", DATA / "dev_gold.jsonl")
    assert result["place_accuracy"] >= 0.85
    assert result["null_kept_null"] >= result["null_places"] - 1


_PIECES = ["في", "إلى", "بمدينة", "العاصمة", "طرابلس", "بليبيا", "والقاهرة", "زار", "التقى", "الليبي", "شرق ليبيا",
           "التي", "الأوضاع", "السفير", "الحدود مع", "كل من", "طانطان", "وتزنيت", "بيونغ", "يانغ", "ـ", "َ", "،", ".",
           "\n", " - ", "(واس)", "2024", "خلالها", "جاء ذلك", "وزارة الخارجية الروسية", "بايدن", "عمان"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30), st.sampled_from([" ", "", "  "]), st.data())
def test_never_fails_and_offsets_hold_on_any_text(pieces: list[str], joiner: str, data: st.DataObject) -> None:
    body = joiner.join(pieces)
    if not body.strip():
        return
    start = data.draw(st.integers(0, len(body) - 1))
    article = Article(id="h", body=body)
    sentences = split_sentences(body)
    event = DetectedEvent(
        type="visit", status="occurred", cameo_code="042", plover_category="CONSULT", participants=[],
        triggers=[Trigger(start=start, end=start + 1, text=body[start])],
        evidence=[Evidence(start=0, end=len(body), text=body)], confidence=0.5,
    )
    for published in geolocate(DetectedEvents(article=article, sentences=sentences, events=[event]), WHEN):
        if published.place is not None and published.place.start is not None:
            assert body[published.place.start:published.place.end] == published.place.text


def _words_on_the_normalised_view(text: str) -> list[tuple[str, int, int, str]]:
    """What words_of must give: the words of the normalised text, their original offsets, the gaps before them."""
    view = normalized_view(text)
    words, previous_end = [], 0
    for match in re.finditer("|".join(f"{c}+" for c in NORMAL_WORD_CLASSES), view.text):
        start, end = view.span(*match.span())
        words.append((match.group(), start, end, view.text[previous_end:match.start()]))
        previous_end = match.end()
    return words


# letters, folded letters (أ ة ی), marks normalisation drops (harakat, tatweel, zero-width, bidi), digits of
# several scripts (one beyond the BMP), Latin, spaces, punctuation
_TEXT_PIECES = [*"ابتيةىأإآؤئلمنوٱیکڤ", *"ًٌَُّْٰـ", "\u200d", "\u200c", "\u200f", "\ufeff", *"az09٣۵५", "𝟘", "😀",
                " ", " ", " ", "  ", "\n", "\u00a0", *"،.,؛()«»-", "ليبيا", "بمدينة", "2024م", "أيضاً", "بـ"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TEXT_PIECES), max_size=40).map("".join))
def test_words_read_on_the_original_text_are_those_of_the_normalised_view(text: str) -> None:
    words = words_of(text)
    assert list(zip(words.norms, words.starts, words.ends, words.gaps, strict=True)) == (
        _words_on_the_normalised_view(text)
    )


def test_words_of_the_dev_articles_are_those_of_the_normalised_view() -> None:
    for line in (DATA / "dev_articles.jsonl").read_text(encoding="utf-8").splitlines():
        body = Article.model_validate_json(line).body
        words = words_of(body)
        assert list(zip(words.norms, words.starts, words.ends, words.gaps, strict=True)) == (
            _words_on_the_normalised_view(body)
        )
