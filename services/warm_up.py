"""One short article (two events) each extraction worker runs through its logic at start-up.

The stage functions build their lexicons and gazetteer indexes on first use (cached per process). Running
them once before the worker joins its consumer group moves that cost (seconds) out of the first real
message, whose time budget would otherwise be blown and the article dead-lettered.
"""

from __future__ import annotations

import datetime as dt

from services.detector.logic import detect
from services.geolocator.logic import geolocate
from services.segmenter.logic import segment
from shared.schemas import Article, DetectedEvents, Event, SegmentedArticle

WARM_UP_ARTICLE = Article(
    id="hadath-warm-up",
    title="وزير الخارجية يزور عمان",
    body="التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان يوم الأحد، وبحثا التعاون "
    "العسكري بين البلدين. واستقبل الرئيس التونسي قيس سعيد في قصر قرطاج وزير الدفاع الجزائري.",
    published_at=dt.date(2024, 1, 7),
)


def warm_up_segmenter() -> SegmentedArticle:
    return segment(WARM_UP_ARTICLE)


def warm_up_detector() -> DetectedEvents:
    return detect(warm_up_segmenter())


def warm_up_geolocator() -> list[Event]:
    return geolocate(warm_up_detector(), dt.datetime.now(dt.UTC))
