"""The article's words as the detector sees them: normalised, with clitic readings and the gap before each."""

from __future__ import annotations

from collections.abc import Callable, Container
from itertools import chain, repeat
from typing import NamedTuple, TypeVar

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


class Word(NamedTuple):
    """One token: original span, normalised form and the readings of its proclitics.

    A named tuple so an article's words are built by C-level passes over the token columns (no Python
    ``__init__`` per token); read-only, like every reader treats it.
    """

    index: int  # type: ignore[assignment]  # shadows tuple.index, which no reader calls
    start: int
    end: int
    text: str
    norm: str
    sentence: int
    gap: str  # body text between the previous token and this one
    readings: tuple[tuple[str, str], ...] = ()  # (proclitics, rest), fullest word first
    breaks_before: bool = False  # punctuation separates this word from the previous one
    comma_before: bool = False

    def reads_as(self, forms: Container[str]) -> bool:
        """Whether the word, or the word with some of its proclitics peeled, is one of ``forms``."""
        return any(rest in forms for _, rest in self.readings)

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


@per_word
def _breaks(gap: str) -> bool:
    return not HARD_BREAKS.isdisjoint(gap)


@per_word
def _plain_gap(gap: str) -> str:
    """A gap with hashtag marks read as spaces: "حيدر #العبادي"، "#الحكومة_العراقية" are plain words."""
    return gap.replace("#", " ").replace("_", " ") if "#" in gap or "_" in gap else gap


@per_word
def _has_comma(gap: str) -> bool:
    return "," in gap or "،" in gap


def article_words(segmented: SegmentedArticle) -> list[Word]:
    """The article's tokens as :class:`Word` tuples, in order (read straight from the token columns)."""
    body = segmented.article.body
    tokens = segmented.tokens
    slice_body = body.__getitem__
    # The gap before a token starts where the previous token ends (an overlap slices to "").
    gaps = list(map(_plain_gap, map(slice_body, map(slice, chain((0,), tokens.end), tokens.start))))
    columns = zip(
        range(len(tokens.start)),
        tokens.start,
        tokens.end,
        map(slice_body, map(slice, tokens.start, tokens.end)),
        tokens.norm,
        tokens.sentence,
        gaps,
        map(clitic_readings, tokens.norm),
        map(_breaks, gaps),
        map(_has_comma, gaps),
        strict=True,
    )
    return list(map(tuple.__new__, repeat(Word), columns))
