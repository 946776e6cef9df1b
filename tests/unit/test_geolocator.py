"""Geolocation per phenomenon: trigger-tied place, dateline, ambiguity, null, nationality, region."""

from __future__ import annotations

import datetime as dt

import pytest

from services.geolocator.evaluation import DATA, evaluate
from services.geolocator.logic import geolocate
from services.segmenter.logic import split_sentences
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


@pytest.mark.timeout(60)
def test_dev_place_accuracy_on_gold_events() -> None:
    result = evaluate(DATA / "dev_articles.jsonl", DATA / "dev_gold.jsonl")
    assert result["place_accuracy"] >= 0.85
    assert result["null_kept_null"] >= result["null_places"] - 1
