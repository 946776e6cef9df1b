"""Segmenter service: articles.raw (Article) -> articles.segmented (SegmentedArticle)."""

from __future__ import annotations

from collections.abc import Callable

from services.segmenter.logic import segment
from services.warm_up import WARM_UP_ARTICLE
from shared.arabic import arabic_ratio
from shared.dead_letter import Reason
from shared.metrics import StageMetrics
from shared.schemas import Article
from shared.settings import Settings
from shared.stage import Rejected, Stage


def admit_arabic(min_ratio: float) -> Callable[[Article], None]:
    """The segmenter's admission check: bodies with too few Arabic letters are dead-lettered, not segmented."""

    def admit(article: Article) -> None:
        ratio = arabic_ratio(article.body)
        if ratio < min_ratio:
            raise Rejected(
                Reason.not_arabic,
                f"not Arabic: {ratio:.0%} of the body's letters are Arabic, the minimum is {min_ratio:.0%}",
            )

    return admit


def build_stage(settings: Settings, metrics: StageMetrics) -> Stage[Article]:
    return Stage(
        name="segmenter",
        source_topic=settings.topics.articles_raw,
        sink_topic=settings.topics.articles_segmented,
        decode=Article.model_validate_json,
        process=lambda article: [segment(article, settings.extraction)],
        key_of=lambda article: article.id,
        body_of=lambda article: article.body,
        limits=settings.limits,
        admit=admit_arabic(settings.limits.min_arabic_ratio),
        # the configured backend warms up (farasa: the JVM starts before the first message, not during it)
        warm_up=lambda: segment(WARM_UP_ARTICLE, settings.extraction),
    )


def __getattr__(name: str) -> object:
    """``faust -A services.segmenter.app worker`` support: the app is built on first access."""
    if name == "app":
        from services.worker import create_app

        return create_app("segmenter")
    raise AttributeError(name)
