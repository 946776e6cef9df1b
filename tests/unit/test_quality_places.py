"""Toponym nouns that begin with و or ب themselves (ولاية، واحة، بلدة) introduce the place after them."""

from __future__ import annotations

import datetime as dt

from services.geolocator.logic import geolocate
from services.geolocator.mentions import _toponym_noun
from services.segmenter.logic import segment
from shared.schemas import Article, DetectedEvent, DetectedEvents, Evidence, Participant, Place, Trigger

WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def place_of(body: str, trigger: str, kind: str = "training_agreement") -> Place | None:
    article = Article(id="q1", body=body)
    sentences = segment(article).sentences
    start = body.index(trigger)
    sentence = next(s for s in sentences if s.start <= start < s.end)
    event = DetectedEvent(
        type=kind, status="occurred", cameo_code="062", plover_category="COOPERATE",
        participants=[Participant(name="القوات البرية", kind="organization", role="party")],
        triggers=[Trigger(start=start, end=start + len(trigger), text=trigger)],
        evidence=[Evidence(start=sentence.start, end=sentence.end, text=sentence.text)], confidence=0.9,
    )
    return geolocate(DetectedEvents(article=article, sentences=sentences, events=[event]), WHEN)[0].place


def test_exercise_in_a_wilaya_far_from_the_capital() -> None:
    place = place_of(
        "انطلقت أمس مناورات عسكرية مشتركة بين الجيش الجزائري والجيش التونسي في ولاية تبسة شرق البلاد.", "مناورات"
    )
    assert place is not None and place.country_code == "DZ" and place.name_en.startswith("T")
    assert place.text.endswith("تبسة")


def test_toponym_nouns_read_whole_before_a_clitic_is_peeled() -> None:
    assert _toponym_noun("ولايه") == (0, 2.0)  # not و + لاية
    assert _toponym_noun("واحه") == (0, 2.0)
    assert _toponym_noun("بلده") == (0, 2.0)  # not ب + لدة
    assert _toponym_noun("وبولايه") == (2, 3.0)  # و + ب + ولاية
    assert _toponym_noun("بمدينه") == (1, 3.0)
