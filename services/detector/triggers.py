"""Trigger words of the three event types, found in the normalised body with their clitics."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from services.detector.resources import trigger_not_words, trigger_table
from services.detector.words import WORD_CACHE
from shared.arabic import NormalizedView
from shared.schemas import EventType

_NOUN_PREFIX = r"[وف]?(?:[بك]?ال|لل|[بلك])?"
_PREFIX = {
    "noun": _NOUN_PREFIX,
    "participle": _NOUN_PREFIX,
    "phrase": _NOUN_PREFIX,
    "perfective": r"[وف]?",
    "imperfective": r"[وف]?[سل]?",
}
_SUFFIX = r"(?:هما|هم|هن|ها|ه|كم|نا)?"
_FORM_ORDER = {"phrase": 0, "participle": 1, "noun": 2, "perfective": 3, "imperfective": 3}


@dataclass(frozen=True, slots=True)
class TriggerMention:
    """One occurrence of a trigger: where it is, what it signals, and what it still has to pass."""

    type: EventType
    form: str
    cue: str | None
    needs: tuple[str, ...]
    start: int  # original body offsets
    end: int
    prefix: str  # normalised proclitics before the stem (و، س، ل، ال …)
    norm: str  # normalised matched text


@dataclass(frozen=True, slots=True)
class _Entry:
    type: EventType
    form: str
    cue: str | None
    needs: tuple[str, ...]
    pattern: re.Pattern[str]


@cache
def _compiled() -> tuple[re.Pattern[str], tuple[_Entry, ...]]:
    """One alternation over every trigger (longest forms first) plus each entry's own pattern."""
    entries = sorted(trigger_table(), key=lambda e: _FORM_ORDER[e["form"]])
    compiled: list[_Entry] = []
    alternatives: list[str] = []
    for k, entry in enumerate(entries):
        body = rf"(?P<pre>{_PREFIX[entry['form']]})(?:{entry['stem']}){_SUFFIX}"
        compiled.append(
            _Entry(
                EventType(entry["type"]),
                entry["form"],
                entry.get("cue"),
                tuple(entry.get("needs", ())),
                re.compile(rf"^{body}$"),
            )
        )
        alternatives.append(rf"(?P<t{k}>{body.replace('(?P<pre>', '(?:')})")
    combined = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
    return combined, tuple(compiled)


@cache
def _starter() -> re.Pattern[str]:
    """Whole words that can begin a trigger (a single-word trigger, or a phrase's first word)."""
    alternatives = []
    for entry in trigger_table():
        first_word = re.split(r"\\s\+", entry["stem"], maxsplit=1)[0]
        alternatives.append(rf"{_PREFIX[entry['form']]}(?:{first_word}){_SUFFIX}")
    return re.compile("(?:" + "|".join(alternatives) + ")")


@lru_cache(maxsize=WORD_CACHE)
def can_start(norm: str) -> bool:
    """Could a trigger begin with this normalised word? (memoised: news vocabulary repeats)"""
    return _starter().fullmatch(norm) is not None


def find_triggers(
    view: NormalizedView, word_starts: list[int] | None = None, word_norms: list[str] | None = None
) -> list[TriggerMention]:
    """Every trigger occurrence in the body, in text order (tried only at ``word_starts`` when given)."""
    combined, entries = _compiled()
    found: list[TriggerMention] = []
    if word_starts is None:
        matches = list(combined.finditer(view.text))
    else:
        matches = []
        reach = 0
        for k, pos in enumerate(word_starts):
            if pos < reach or (word_norms is not None and not can_start(word_norms[k])):
                continue
            match = combined.match(view.text, pos)
            if match is not None:
                matches.append(match)
                reach = match.end()
    for match in matches:
        if match.lastgroup is None:
            continue
        if match.group() in trigger_not_words():
            continue
        entry = entries[int(match.lastgroup[1:])]
        own = entry.pattern.match(match.group())
        prefix = own.group("pre") if own else ""
        start, end = view.span(match.start(), match.end())
        found.append(TriggerMention(entry.type, entry.form, entry.cue, entry.needs, start, end, prefix, match.group()))
    return found


def sentence_of(starts: list[int], offset: int) -> int:
    """Index of the sentence holding ``offset`` given the sentences' start offsets."""
    return max(0, bisect_right(starts, offset) - 1)
