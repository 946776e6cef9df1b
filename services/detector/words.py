"""The article's words as the detector sees them: normalised, with clitic readings and the gap before each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from shared.schemas import SegmentedArticle

# Distinct word forms memoised per process: bounded, since a stream's vocabulary keeps growing.
WORD_CACHE = 200_000
T = TypeVar("T")


class _WordMemo(dict[str, T]):
    """Values of a function per word form; emptied when it reaches WORD_CACHE entries."""

    def __init__(self, compute: Callable[[str], T]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, norm: str) -> T:
        if len(self) >= WORD_CACHE:
            self.clear()
        value = self[norm] = self.compute(norm)
        return value


def per_word(compute: Callable[[str], T]) -> Callable[[str], T]:
    """Memoise a function of one word form (decorator).

    The detector asks the same few questions of every word of every sentence; a memoised answer is one
    dict lookup (the dict's own ``__getitem__``, no Python frame), about half the cost of an lru_cache hit.
    """
    return _WordMemo(compute).__getitem__


_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
# Characters between two words that end a name or a title (quotes and brackets do not).
HARD_BREAKS = frozenset(".,،;؛:!?؟\n()[]{}")


@dataclass(slots=True)
class Word:
    """One token: original span, normalised form and the readings of its proclitics."""

    index: int
    start: int
    end: int
    text: str
    norm: str
    sentence: int
    gap: str  # body text between the previous token and this one
    readings: tuple[tuple[str, str], ...] = field(default=())  # (proclitics, rest), fullest word first
    breaks_before: bool = False  # punctuation separates this word from the previous one
    comma_before: bool = False

    def bare(self) -> str:
        """The word without conjunction, preposition and article (best effort)."""
        rest = self.readings[-1][1]
        return rest[2:] if rest.startswith("ال") and len(rest) > 3 else rest


@per_word
def clitic_readings(norm: str) -> tuple[tuple[str, str], ...]:
    """Possible (proclitics, rest) splits of a normalised word, from none to the most stripped."""
    out: list[tuple[str, str]] = [("", norm)]
    rest, pre = norm, ""
    if len(rest) > 3 and rest[0] in _CONJ:
        pre, rest = rest[0], rest[1:]
        out.append((pre, rest))
    if len(rest) > 3 and rest.startswith("لل"):
        out.append((pre + "ل", "ال" + rest[2:]))  # للقوات = ل + القوات
        out.append((pre + "ل", "ال" + rest[1:]))  # للجنة = ل + اللجنة (the article's lam merged)
        out.append((pre + "ل", rest[1:]))
    elif len(rest) > 3 and rest[0] in _PREP:
        out.append((pre + rest[0], rest[1:]))
    return tuple(out)


def article_words(segmented: SegmentedArticle) -> list[Word]:
    """The article's tokens as :class:`Word` objects, in order (read straight from the token columns)."""
    body = segmented.article.body
    tokens = segmented.tokens
    words: list[Word] = []
    append = words.append
    previous_end = 0
    columns = zip(tokens.start, tokens.end, tokens.norm, tokens.sentence, strict=True)
    for i, (start, end, norm, sentence) in enumerate(columns):
        gap = body[previous_end:start] if start >= previous_end else ""
        if gap == " ":  # the common case: no punctuation to inspect
            breaks = comma = False
        else:
            breaks = not HARD_BREAKS.isdisjoint(gap)
            comma = "," in gap or "،" in gap
        append(Word(i, start, end, body[start:end], norm, sentence, gap, clitic_readings(norm), breaks, comma))
        previous_end = end
    return words
