"""Part (a): in-process extraction throughput on one core, with the cost of each stage.

Runs the same pure functions the services run (segment -> detect -> geolocate), one article at a time,
after one warm-up article (lexicons and gazetteer indexes load on first use and are not counted).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import Counter
from dataclasses import dataclass, field

from services.detector.logic import detect
from services.geolocator.logic import geolocate
from services.segmenter.logic import segment
from shared.schemas import Article

STAGE_NAMES = ("segment", "detect", "geolocate")


@dataclass
class ExtractionResult:
    """CPU seconds per stage (what one core spends), and the wall-clock time of the whole loop."""

    articles: int
    seconds: dict[str, float]
    wall_s: float
    warmup_s: float
    first_pass_s: float
    distinct: int
    events_by_source: Counter[str] = field(default_factory=Counter)

    @property
    def first_pass_per_second(self) -> float:
        """Articles/s over the first pass, when no article had been seen (per-word caches still cold)."""
        return self.distinct / self.first_pass_s

    @property
    def total_s(self) -> float:
        return sum(self.seconds.values())

    @property
    def per_second(self) -> float:
        """Articles per second of one core's CPU time."""
        return self.articles / self.total_s

    @property
    def wall_per_second(self) -> float:
        return self.articles / self.wall_s

    def ms_per_article(self, stage: str) -> float:
        return 1000 * self.seconds[stage] / self.articles


def pin_to_one_core() -> str:
    """Pin this process to one CPU so the figure is per core; returns what was done."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def measure_extraction(articles: list[Article], repeats_to: int) -> ExtractionResult:
    """Extract ``repeats_to`` articles (cycling over ``articles``), timing each stage separately.

    Stage costs are process CPU time, so other load on a shared machine does not inflate them; the
    wall-clock rate of the loop is kept beside them.
    """
    now = dt.datetime.now(dt.UTC)
    started = time.perf_counter()
    geolocate(detect(segment(articles[0])), now)
    warmup = time.perf_counter() - started
    seconds = dict.fromkeys(STAGE_NAMES, 0.0)
    events: Counter[str] = Counter()
    clock = time.process_time
    wall_started = time.perf_counter()
    first_pass = 0.0
    for n in range(repeats_to):
        article = articles[n % len(articles)]
        t0 = clock()
        segmented = segment(article)
        t1 = clock()
        detected = detect(segmented)
        t2 = clock()
        published = geolocate(detected, now)
        t3 = clock()
        seconds["segment"] += t1 - t0
        seconds["detect"] += t2 - t1
        seconds["geolocate"] += t3 - t2
        if n < len(articles):
            events[article.id] = len(published)
            first_pass += t3 - t0
    wall = time.perf_counter() - wall_started
    distinct = min(len(articles), repeats_to)
    return ExtractionResult(repeats_to, seconds, wall, warmup, first_pass, distinct, events)
