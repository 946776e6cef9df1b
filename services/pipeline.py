"""The whole extraction in one process: the same stage functions the services run, chained."""

from __future__ import annotations

import datetime as dt

from services.detector.logic import detect
from services.geolocator.logic import geolocate
from services.segmenter.logic import segment
from shared.schemas import Article, Event
from shared.settings import ExtractionSettings


def extract(
    article: Article, extracted_at: dt.datetime | None = None, settings: ExtractionSettings | None = None
) -> list[Event]:
    """Events of one article, exactly as the streaming pipeline would publish them.

    ``settings`` chooses the segmenter backend (builtin when omitted), like ``HADATH_EXTRACTION__*`` for services.
    """
    when = extracted_at or dt.datetime.now(dt.UTC)
    return geolocate(detect(segment(article, settings)), when)
