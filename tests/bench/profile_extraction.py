"""Where extraction time goes: the hot functions of each stage over the dev articles.

    .venv/bin/python -m tests.bench.profile_extraction [--repeat 5] [--top 15] [--tree]

Flat view: cProfile self time per function inside each stage call (segment, detect, geolocate), so a
hot helper shared by two stages is charged to each. ``--tree``: pyinstrument's call tree of the whole chain.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
from collections.abc import Callable
from typing import Any

from services.detector.logic import detect
from services.geolocator.logic import geolocate
from services.segmenter.logic import segment
from tests.bench.corpus import load_dev_articles


def profile_stage(name: str, inputs: list[Any], call: Callable[[Any], Any], repeat: int, top: int) -> list[Any]:
    """Profile ``call`` over ``inputs`` ``repeat`` times; prints its hottest functions, returns the outputs."""
    profiler = cProfile.Profile()
    outputs: list[Any] = []
    profiler.enable()
    for _ in range(repeat):
        outputs = [call(item) for item in inputs]
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = stats.stats  # type: ignore[attr-defined]
    total = sum(row[2] for row in rows.values())
    calls = repeat * len(inputs)
    print(f"\n## {name}: {1000 * total / calls:.2f} ms per article under cProfile (profiling inflates this)")
    print(f"  {'self %':>7} {'self ms/art':>11} {'cum ms/art':>10} {'calls/art':>9}  function")
    hottest = sorted(rows.items(), key=lambda item: item[1][2], reverse=True)[:top]
    for (path, line, func), (_, ncalls, tottime, cumtime, _) in hottest:
        where = path.split("/work/main/")[-1].split("site-packages/")[-1]
        print(f"  {100 * tottime / total:6.1f}% {1000 * tottime / calls:11.3f} {1000 * cumtime / calls:10.3f} "
              f"{ncalls / calls:9.1f}  {where}:{line}({func})")
    return outputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="Passes over the dev articles (default 5).")
    parser.add_argument("--top", type=int, default=15, help="Functions listed per stage (default 15).")
    parser.add_argument("--tree", action="store_true", help="Also print pyinstrument's call tree of extract().")
    args = parser.parse_args()
    articles = load_dev_articles()
    now = dt.datetime.now(dt.UTC)
    geolocate(detect(segment(articles[0])), now)  # load lexicons and indexes outside the profile
    segmented = profile_stage("segment", articles, segment, args.repeat, args.top)
    detected = profile_stage("detect", segmented, detect, args.repeat, args.top)
    profile_stage("geolocate", detected, lambda d: geolocate(d, now), args.repeat, args.top)
    if args.tree:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        with profiler:
            for _ in range(args.repeat):
                for article in articles:
                    geolocate(detect(segment(article)), now)
        print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
