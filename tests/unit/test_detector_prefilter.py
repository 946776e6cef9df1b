"""The regex prefilter skips only texts that cannot match: it must never change a search's result."""

from __future__ import annotations

import json
import random

import pytest

from services.detector import dates, status
from services.detector.prefilter import GatedPattern, TextWords, first_tokens, words_of
from services.detector.resources import RESOURCES
from services.detector.triggers import _compiled
from shared.arabic import normalize
from tests.bench.corpus import DEV_ARTICLES


def test_first_tokens_lists_the_words_a_match_begins_with() -> None:
    assert first_tokens(r"(?<!\w)[وف]?(?:من\s+(?:ال)?مقرر|يعتزم)(?!\w)") == {
        "من",
        "ومن",
        "فمن",
        "يعتزم",
        "ويعتزم",
        "فيعتزم",
    }
    assert first_tokens(r"[.;!?]|(?<!\w)(?:لكن)(?!\w)") == {".", ";", "!", "?", "لكن"}
    assert first_tokens(r"(?<!\w)(?:الذي|التي)\s*$") == {"الذي", "التي"}


def test_first_tokens_gives_up_when_it_cannot_prove_the_set() -> None:
    assert first_tokens(r"مقرر(?!\w)") is None  # no word-start anchor: a match may begin inside a word
    assert first_tokens(r"(?<!\w)مقرر") is None  # may end inside a word: its run is not known
    assert first_tokens(r"(?<!\w)\d+(?!\w)") is None  # unbounded
    assert first_tokens(r"(?<!\w).(?!\w)") is None


def _patterns() -> list[GatedPattern]:
    cues = status._cues()
    found = [value for module in (status, dates) for value in vars(module).values() if isinstance(value, GatedPattern)]
    found += [*cues.before.values(), *cues.after.values(), cues.background, cues.honoured]
    found.append(GatedPattern(_compiled()[0].pattern))
    return found


def _windows() -> list[str]:
    texts = [normalize(json.loads(line)["body"]) for line in DEV_ARTICLES.read_text(encoding="utf-8").splitlines()]
    texts.append(normalize(json.dumps(json.loads((RESOURCES / "modality.json").read_text(encoding="utf-8")))))
    rng = random.Random(5)
    windows = list(texts)
    for text in texts:
        for _ in range(60):
            start = rng.randrange(len(text))
            windows.append(text[start : start + rng.choice([15, 40, 150, 400])])
    return windows


def test_gated_patterns_find_what_the_plain_patterns_find() -> None:
    patterns = _patterns()
    assert len(patterns) > 20
    assert all(p.first_words for p in patterns)  # every detector pattern is gated, none searched blindly
    for text in _windows():
        words = words_of(text)
        for gated in patterns:
            assert [m.span() for m in gated.finditer(text, words)] == [
                m.span() for m in gated.pattern.finditer(text)
            ], (gated.pattern.pattern[:40], text)


def test_text_words_of_a_slice_are_the_slice_words() -> None:
    rng = random.Random(9)
    for text in [*_windows()[:40], "", "ا", " ب، ج.", "(الرئيس)"]:
        words = TextWords(text)
        for _ in range(200):
            start = rng.randrange(len(text) + 2)
            end = start + rng.randrange(160)
            assert words.of(start, end) == words_of(text[start:end])


def test_trigger_index_finds_what_the_whole_alternation_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    from services.detector import triggers
    from services.segmenter.logic import segment
    from shared.arabic import normalized_view
    from shared.schemas import Article

    def found(text: str) -> list[tuple[int, int, str, str]]:
        segmented = segment(Article(id="t", body=text))
        view = normalized_view(text)
        offsets = segmented.tokens.start
        starts = offsets if len(view.text) == len(text) else [view.offsets.index(start) for start in offsets]
        return [(t.start, t.end, t.form, t.prefix) for t in triggers.find_triggers(view, starts, segmented.tokens.norm)]

    texts = [json.loads(line)["body"] for line in DEV_ARTICLES.read_text(encoding="utf-8").splitlines()]
    fast = [found(text) for text in texts]
    assert sum(map(len, fast)) > 50
    triggers.can_start.__self__.clear()  # type: ignore[attr-defined]
    monkeypatch.setattr(triggers, "_entries_by_first_word", lambda: None)  # the whole alternation at each word
    monkeypatch.setattr(triggers, "_starter_words", lambda: None)  # the starter regex for every word
    assert [found(text) for text in texts] == fast
    triggers.can_start.__self__.clear()  # type: ignore[attr-defined]
