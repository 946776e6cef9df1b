"""Place accuracy of the geolocator alone, on gold events (the detector's output is not needed).

    python -m services.geolocator.evaluation [ARTICLES.jsonl GOLD.jsonl] [--errors] [--pipeline]

``--pipeline`` runs the whole extraction instead and lists the place errors of the events the scorer
(tests/data/score.py) matches to gold events.

Each gold event becomes a DetectedEvent: its trigger is the first trigger word found inside the gold
"evidence" phrase (located in the body), its participants are the gold ones. The geolocator then
places it and the result is checked as tests/data/score.py does (city/site within 30 km, region
within 400 km, country by code).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
from pathlib import Path

from services.geolocator.logic import geolocate
from services.segmenter.logic import split_sentences
from shared.arabic import normalized_view
from shared.schemas import (
    Article,
    DetectedEvent,
    DetectedEvents,
    EventStatus,
    EventType,
    Evidence,
    Participant,
    Place,
    Trigger,
)

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
_TRIGGER = re.compile(
    r"(?:^|\s)[وفلب]*(?:ال)?(التق|يلتق|لقاء|لقاءات|اجتماع|اجتمع|يجتمع|استقبال|استقبل|مباحثات|محادثات|يتباحث|مكالم|"
    r"زيار|زار|يزور|وصل|يصل|حل |جول|متوجه|مذكر|تدريب|التدريب|تمرين|مناورات|الاجتماع|القم|جلس|عقد|يطلب)"
)
TOLERANCE_KM = {"site": 30.0, "city": 30.0, "region": 400.0}


def _find(body: str, phrase: str) -> int | None:
    at = body.find(phrase)
    if at >= 0:
        return at
    view = normalized_view(body)
    at = view.text.find(normalized_view(phrase).text)
    return view.offsets[at] if at >= 0 else None


def detected_from_gold(article: Article, gold: dict) -> tuple[DetectedEvents, list[dict]]:
    """DetectedEvents made from gold events whose evidence phrase is found in the body."""
    sentences = split_sentences(article.body)
    events, kept = [], []
    for g in gold["events"]:
        phrase = g.get("evidence")
        at = _find(article.body, phrase) if phrase else None
        if at is None:
            continue
        match = _TRIGGER.search(phrase)
        offset = at + (match.start(1) if match else 0)
        end = offset + 1
        while end < len(article.body) and not article.body[end].isspace():
            end += 1
        sentence = next((s for s in sentences if s.start <= offset < s.end), sentences[0])
        events.append(
            DetectedEvent(
                type=EventType(g["type"]), status=EventStatus(g["status"]), cameo_code="040", plover_category="CONSULT",
                participants=[Participant(name=p["name"], kind=p["kind"], role=p["role"], aliases=p.get("aliases", []))
                              for p in g["participants"]],
                triggers=[Trigger(start=offset, end=end, text=article.body[offset:end])],
                evidence=[Evidence(start=sentence.start, end=sentence.end, text=sentence.text)],
                confidence=1.0,
            )
        )
        kept.append(g)
    return DetectedEvents(article=article, sentences=sentences, events=events), kept


def _km(a: Place, g: dict) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, g["lat"], g["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def place_ok(system: Place | None, gold: dict | None) -> bool:
    """The scorer's rule (tests/data/score.py)."""
    if gold is None:
        return True
    if system is None or system.country_code != gold["country_code"].upper():
        return False
    return gold["precision"] == "country" or _km(system, gold) <= TOLERANCE_KM[gold["precision"]]


def evaluate(articles_path: Path, gold_path: Path, show_errors: bool = False) -> dict[str, float | int]:
    golds = {(g := json.loads(line))["article_id"]: g for line in gold_path.open(encoding="utf-8") if line.strip()}
    total = ok = nulls = null_ok = 0
    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for line in articles_path.open(encoding="utf-8"):
        article = Article.model_validate_json(line)
        detected, kept = detected_from_gold(article, golds.get(article.id, {"events": []}))
        for event, g in zip(geolocate(detected, when), kept, strict=True):
            good = place_ok(event.place, g.get("place"))
            if g.get("place"):
                total += 1
                ok += good
            else:
                nulls += 1
                null_ok += event.place is None
            if show_errors and (not good or (g.get("place") is None and event.place is not None)):
                p, w = event.place, g.get("place")
                got = p and f"{p.text} -> {p.name_en} {p.country_code} {p.precision}"
                want = w and f"{w['names']} {w['country_code']} {w['precision']}"
                print(f"{article.id} {g['type']} [{event.trigger}] got {got} want {want}")
    return {"gold_places": total, "place_accuracy": round(ok / total, 3) if total else 0.0,
            "null_places": nulls, "null_kept_null": null_ok}


def pipeline_place_errors(articles_path: Path, gold_path: Path) -> list[str]:
    """Place errors of the full pipeline on the events the scorer pairs with gold events."""
    import importlib.util

    from services.pipeline import extract

    spec = importlib.util.spec_from_file_location("hadath_score", DATA / "score.py")
    assert spec is not None and spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    system: dict[str, list[dict]] = {}
    for line in articles_path.open(encoding="utf-8"):
        article = Article.model_validate_json(line)
        system[article.id] = [json.loads(e.model_dump_json()) for e in extract(article, when)]
    errors = []
    for line in gold_path.open(encoding="utf-8"):
        gold = json.loads(line)
        golds, systems = gold["events"], system.get(gold["article_id"], [])
        pairs = []
        for i, s in enumerate(systems):
            for j, g in enumerate(golds):
                hits = score.participant_hits(s, g) if s["type"] == g["type"] else 0
                if hits:
                    fit = 4 * hits + 2 * score.place_ok(s.get("place"), g.get("place")) + (s["status"] == g["status"])
                    pairs.append((fit, not g.get("borderline"), -i, -j))
        used_s: set[int] = set()
        used_g: set[int] = set()
        for *_, i, j in sorted(pairs, reverse=True):
            if -i in used_s or -j in used_g:
                continue
            used_s.add(-i)
            used_g.add(-j)
            s, g = systems[-i], golds[-j]
            if g.get("place") and not g.get("borderline") and not score.place_ok(s.get("place"), g["place"]):
                p = s.get("place")
                got = p and f"{p['text']} -> {p['name_en']} {p['country_code']} {p['precision']}"
                errors.append(f"{gold['article_id']} {g['type']} {[t['text'] for t in s['triggers']]} got {got} "
                              f"want {g['place']['names']} {g['place']['country_code']}")
    return errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=Path, default=DATA / "dev_articles.jsonl")
    parser.add_argument("gold", nargs="?", type=Path, default=DATA / "dev_gold.jsonl")
    parser.add_argument("--errors", action="store_true", help="print each wrong place")
    parser.add_argument("--pipeline", action="store_true", help="list place errors of the full pipeline instead")
    args = parser.parse_args()
    if args.pipeline:
        print("\n".join(pipeline_place_errors(args.articles, args.gold)) or "no place errors")
        return
    print(evaluate(args.articles, args.gold, args.errors))


if __name__ == "__main__":
    main()
