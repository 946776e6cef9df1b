"""Trigger words of the three event types, found in the normalised body with their clitics."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import cache
from itertools import compress
from typing import Any

from services.detector.prefilter import first_tokens
from services.detector.resources import trigger_not_words, trigger_table
from services.detector.words import per_word
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
_RUN = re.compile(r"\w+")


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
    return _alternation(tuple(range(len(_alternatives())))), _entries()


@cache
def _sorted_table() -> list[dict[str, Any]]:
    return sorted(trigger_table(), key=lambda e: _FORM_ORDER[e["form"]])


@cache
def _entries() -> tuple[_Entry, ...]:
    compiled: list[_Entry] = []
    for entry in _sorted_table():
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
    return tuple(compiled)


@cache
def _alternatives() -> tuple[str, ...]:
    """Each entry as one alternative of the trigger alternation, its group named after its index."""
    alternatives = []
    for k, entry in enumerate(_sorted_table()):
        alternatives.append(rf"(?P<t{k}>(?:{_PREFIX[entry['form']]})(?:{entry['stem']}){_SUFFIX})")
    return tuple(alternatives)


@cache
def _alternation(indices: tuple[int, ...]) -> re.Pattern[str]:
    """The trigger alternation over some entries, in table order (a restriction cannot change which entry wins)."""
    alternatives = _alternatives()
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives[k] for k in indices) + r")(?!\w)")


@cache
def _entries_by_first_word() -> dict[str, tuple[int, ...]] | None:
    """Word -> the entries whose matches can begin with it (None: some entry's first words are not known).

    Trying only those at a word, one by one in table order, is much cheaper than the whole alternation
    (which the regex engine also walks alternative by alternative) and finds the same match: the other
    entries cannot match there, and the first entry that matches is the one the alternation picks.
    """
    index: dict[str, list[int]] = {}
    for k, alternative in enumerate(_alternatives()):
        tokens = first_tokens(rf"(?<!\w)(?:{alternative})(?!\w)")
        if tokens is None or not all(_RUN.fullmatch(token) for token in tokens):
            return None
        for token in tokens:
            index.setdefault(token, []).append(k)
        _alternation((k,))  # compiled now, not while an article waits
    shared: dict[tuple[int, ...], tuple[int, ...]] = {}  # ~20,000 words share a few dozen entry lists
    return {word: shared.setdefault(tuple(indices), tuple(indices)) for word, indices in index.items()}


@cache
def _starter() -> re.Pattern[str]:
    """Whole words that can begin a trigger (a single-word trigger, or a phrase's first word)."""
    alternatives = []
    for entry in trigger_table():
        first_word = re.split(r"\\s\+", entry["stem"], maxsplit=1)[0]
        alternatives.append(rf"{_PREFIX[entry['form']]}(?:{first_word}){_SUFFIX}")
    return re.compile("(?:" + "|".join(alternatives) + ")")


@cache
def _starter_words() -> tuple[Container[str], ...] | None:
    """Collections that together hold every word :func:`_starter` can accept, and perhaps more (None: not known).

    Most of them are the trigger index's first words; only the others are kept apart (memory).
    """
    words = first_tokens(rf"(?<!\w)(?:{_starter().pattern})(?!\w)")
    index = _entries_by_first_word()
    if words is None or index is None:
        return None if words is None else (words,)
    return index.keys(), words.difference(index)


@per_word
def can_start(norm: str) -> bool:
    """Could a trigger begin with this normalised word? (memoised: news vocabulary repeats)"""
    known = _starter_words()
    if known is not None and _RUN.fullmatch(norm) and not any(norm in words for words in known):
        return False  # a whole word the starter would accept is among its words: no regex needed
    return _starter().fullmatch(norm) is not None


def find_triggers(
    view: NormalizedView, word_starts: list[int] | None = None, word_norms: list[str] | None = None
) -> list[TriggerMention]:
    """Every trigger occurrence in the body, in text order (tried only at ``word_starts`` when given)."""
    combined, entries = _compiled()
    by_first_word = _entries_by_first_word()
    text = view.text
    found: list[TriggerMention] = []
    if word_starts is None:
        matches = list(combined.finditer(text))
    else:
        matches = []
        reach = 0
        if word_norms is None:
            candidates: Iterable[int] = range(len(word_starts))
        else:  # the words a trigger could begin with (one memoised test each)
            candidates = list(compress(range(len(word_norms)), map(can_start, word_norms)))
        for k in candidates:
            pos = word_starts[k]
            if pos < reach:
                continue
            if by_first_word is None:
                match = combined.match(text, pos)
            else:  # only the entries that can begin with the word at ``pos`` (none: no trigger starts there)
                run = _RUN.match(text, pos)
                match = None
                for index in by_first_word.get(run.group(), ()) if run is not None else ():
                    match = _alternation((index,)).match(text, pos)  # in table order: the first to match wins
                    if match is not None:
                        break
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
