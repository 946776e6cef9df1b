"""Regex searches that skip a text which lacks every word a match could begin with.

The cue and trigger patterns are long alternations bounded by ``(?<!\\w)``; Python's regex engine tries
every alternative at every word start, which made them the detector's largest cost. Their matches can
only begin with a known, finite set of words (``من`` for ``من\\s+(?:ال)?مقرر``; ``والغي``, ``الغي`` … for
``[وف]?(?:الغي|…)``), found once by walking the parsed pattern. A text none of whose words is in that set
cannot match, so the search is skipped; otherwise it runs unchanged. When the walk cannot prove the set
(an unbounded or unknown construct), the pattern is always searched.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_RUN = re.compile(r"\w+")
_SPLIT = re.compile(r"(\w+)")
_WORD_CHAR = re.compile(r"\w")
_UNANCHORED = "#"  # the empty prefix before a word-start assertion: a match could begin inside a word
_MAX_PREFIXES = 200_000  # give up (search always) beyond this many candidate first words
_MAX_WORD_REPEAT = 4
_WORD_CATEGORIES = {sre.CATEGORY_WORD, sre.CATEGORY_UNI_WORD}
# classes of non-word characters only (whitespace, \W): they end a word but are not listed one by one
_NON_WORD_CATEGORIES = {sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE, sre.CATEGORY_NOT_WORD, sre.CATEGORY_UNI_NOT_WORD}


class _Unknown(Exception):
    """The pattern uses a construct whose first words cannot be listed."""


def words_of(text: str) -> list[str]:
    """The maximal word-character runs of ``text``, in order: what :meth:`GatedPattern.may_match` tests."""
    return _RUN.findall(text)


class TextWords:
    """The word runs of a text with their offsets: the words of any slice without scanning it again."""

    __slots__ = ("ends", "runs", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        pieces = _SPLIT.split(text)  # other, run, other, run, …, other
        offsets = list(accumulate(map(len, pieces), initial=0))  # where each piece starts
        self.runs: list[str] = pieces[1::2]
        self.starts: list[int] = offsets[1:-1:2]
        self.ends: list[int] = offsets[2::2]

    def of(self, start: int, end: int) -> list[str]:
        """``words_of(self.text[start:end])`` for offsets ``0 <= start``, ``0 <= end``."""
        end = min(end, len(self.text))
        if start >= end:
            return []
        first = bisect_right(self.ends, start)  # runs ending after ``start`` …
        stop = bisect_left(self.starts, end)  # … and starting before ``end``
        if first >= stop:
            return []
        runs = self.runs[first:stop]
        if self.starts[first] < start:  # the slice holds only the tail of its first run
            runs[0] = self.text[start : self.ends[first]]
        if self.ends[stop - 1] > end:  # … or only the head of its last one
            runs[-1] = self.text[max(start, self.starts[stop - 1]) : end]
        return runs


class GatedPattern:
    """A compiled pattern and the first tokens (whole words, or single non-word characters) of its matches."""

    __slots__ = ("first_chars", "first_words", "pattern")

    def __init__(self, source: str) -> None:
        self.pattern = re.compile(source)
        tokens = first_tokens(source)
        self.first_words: frozenset[str] | None = None
        self.first_chars: re.Pattern[str] | None = None  # a class of the non-word characters a match may start with
        if tokens is not None:
            self.first_words = frozenset(t for t in tokens if _WORD_CHAR.match(t))
            chars = sorted(t for t in tokens if not _WORD_CHAR.match(t))
            if chars:
                self.first_chars = re.compile("[" + "".join(re.escape(c) for c in chars) + "]")

    def may_match(self, text: str, words: list[str]) -> bool:
        """False only when no match can exist in ``text`` (``words``: :func:`words_of` the same text)."""
        if self.first_words is None or not self.first_words.isdisjoint(words):
            return True
        return self.first_chars is not None and self.first_chars.search(text) is not None

    def search(self, text: str, words: list[str]) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(text, words) else None

    def finditer(self, text: str, words: list[str]) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.may_match(text, words) else iter(())

    def findall(self, text: str, words: list[str]) -> list[Any]:
        return self.pattern.findall(text) if self.may_match(text, words) else []


def first_tokens(source: str) -> frozenset[str] | None:
    """Every first token a match of ``source`` can have, or None when that cannot be proven finite.

    A token is the whole maximal run of word characters the match begins with, or its first character
    when that is not a word character. A superset is fine (assertions are ignored, only word-boundary
    ones are used); a token that could extend past the pattern's end makes the answer None.
    """
    parsed = sre_parse.parse(source)
    if parsed.state.flags & (re.IGNORECASE | re.ASCII | re.LOCALE | re.VERBOSE):
        return None
    try:
        done: set[str] = set()
        open_prefixes = _walk(parsed.data, {_UNANCHORED}, done)
        if open_prefixes:
            return None  # the match may end inside a word (or be empty): its first run is not known
        return frozenset(done)
    except _Unknown:
        return None


def _walk(items: Sequence[tuple[Any, Any]], open_prefixes: set[str], done: set[str]) -> set[str]:
    """Follow a sequence of parsed items from the prefixes still inside the first word; returns those left open."""
    for op, av in items:
        if not open_prefixes:
            break
        if op is sre.LITERAL:
            open_prefixes = _consume(open_prefixes, [chr(av)], done)
        elif op is sre.IN:
            open_prefixes = _consume(open_prefixes, _class_chars(av), done)
        elif op is sre.BRANCH:
            merged: set[str] = set()
            for branch in av[1]:
                merged |= _walk(branch, set(open_prefixes), done)
            open_prefixes = merged
        elif op is sre.SUBPATTERN:
            if av[1] or av[2]:
                raise _Unknown  # inline flags
            open_prefixes = _walk(av[3], open_prefixes, done)
        elif op is sre.ATOMIC_GROUP:
            open_prefixes = _walk(av, open_prefixes, done)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            open_prefixes = _repeat(av, open_prefixes, done)
        elif op is sre.AT:
            if av in (sre.AT_BOUNDARY, sre.AT_UNI_BOUNDARY):
                open_prefixes = _anchor(open_prefixes)
            elif av in (sre.AT_END, sre.AT_END_STRING):
                open_prefixes = _close(open_prefixes, done)
        elif op is sre.ASSERT_NOT:
            direction, body = av
            if _is_word_class(body):
                # (?<!\w): a match begins at a word start; (?!\w): the first word ends here
                open_prefixes = _anchor(open_prefixes) if direction < 0 else _close(open_prefixes, done)
        elif op is sre.ASSERT:
            pass  # a lookaround only removes matches: ignoring it keeps a superset
        else:
            raise _Unknown
        if len(open_prefixes) > _MAX_PREFIXES:
            raise _Unknown
    return open_prefixes


def _consume(open_prefixes: set[str], chars: list[str] | None, done: set[str]) -> set[str]:
    """One character out of ``chars`` (None: some non-word characters) follows each open prefix."""
    if chars is None:  # ends every word, but its exact characters are not listed
        if "" in open_prefixes or _UNANCHORED in open_prefixes:
            raise _Unknown
        done |= open_prefixes
        return set()
    word_chars = [c for c in chars if _WORD_CHAR.match(c)]
    other = [c for c in chars if not _WORD_CHAR.match(c)]
    if word_chars and _UNANCHORED in open_prefixes:
        raise _Unknown  # a match could begin inside a word
    for prefix in open_prefixes:
        if other:
            if prefix in ("", _UNANCHORED):
                done.update(other)
            else:
                done.add(prefix)
    return {prefix + c for prefix in open_prefixes if prefix != _UNANCHORED for c in word_chars}


def _class_chars(items: Sequence[tuple[Any, Any]]) -> list[str] | None:
    """The characters of a class ``[...]`` (None: non-word characters only); unknown classes raise."""
    chars: list[str] = []
    non_word = False
    for op, av in items:
        if op is sre.LITERAL:
            chars.append(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < 256:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av in _NON_WORD_CATEGORIES:
            non_word = True
        else:
            raise _Unknown
    if non_word:
        if chars:
            raise _Unknown
        return None
    return chars


def _repeat(av: tuple[int, int, Sequence[tuple[Any, Any]]], open_prefixes: set[str], done: set[str]) -> set[str]:
    low, high, body = av
    result = set(open_prefixes) if low == 0 else set()
    current = open_prefixes
    count = 0
    while current and count < high:
        count += 1
        if count > _MAX_WORD_REPEAT:
            raise _Unknown  # a word that can grow without bound
        current = _walk(body, set(current), done)
        if count >= low:
            result |= current
    return result


def _anchor(open_prefixes: set[str]) -> set[str]:
    return {"" if prefix == _UNANCHORED else prefix for prefix in open_prefixes}


def _close(open_prefixes: set[str], done: set[str]) -> set[str]:
    """The first word cannot go on here: every non-empty prefix is a whole first word."""
    done.update(prefix for prefix in open_prefixes if prefix not in ("", _UNANCHORED))
    return {prefix for prefix in open_prefixes if prefix in ("", _UNANCHORED)}


def _is_word_class(items: Sequence[tuple[Any, Any]]) -> bool:
    return len(items) == 1 and items[0][0] is sre.IN and items[0][1] == [(sre.CATEGORY, sre.CATEGORY_WORD)]
