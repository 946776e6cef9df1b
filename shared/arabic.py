"""Arabic normalisation that keeps offsets into the original text.

Matching works on a normalised view (no diacritics or tatweel; alef, ya and ta marbuta variants
unified; Persian/Urdu look-alikes mapped), but events must point at the original characters, so the
view carries, for each of its characters, the offset of the original character it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters dropped from the view: harakat, Quranic marks, superscript alef, tatweel, bidi and
# zero-width controls (they carry no letters but break matching).
_DROPPED = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)

_FOLDED = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ی": "ي",  # Persian yeh
        "ي": "ي",
        "ک": "ك",  # keheh
        "ڤ": "ف",
        "ٮ": "ب",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
        "۰": "0",
        "۱": "1",
        "۲": "2",
        "۳": "3",
        "۴": "4",
        "۵": "5",
        "۶": "6",
        "۷": "7",
        "۸": "8",
        "۹": "9",
        "“": '"',
        "”": '"',
        "«": '"',
        "»": '"',
        "،": ",",
        "؛": ";",
        "؟": "?",
    }
)


# One table that drops and folds in a single C-level pass (no folded character is a dropped one, so
# dropping then folding equals this). Hot: every stage normalises every word.
_DROP_AND_FOLD = str.maketrans({**{chr(k): v for k, v in _FOLDED.items()}, **dict.fromkeys(_DROPPED)})
# The folds that change a character, for folding by replacement; no folded character is folded again,
# so the replacements can run in any order (tests/unit/test_arabic_fast_paths.py checks it).
_FOLDS = tuple((chr(code), folded) for code, folded in _FOLDED.items() if chr(code) != folded)
_DROPPED_CHARS = tuple(sorted(_DROPPED))
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufeff]")


def _letter_runs() -> re.Pattern[str]:
    """Runs of the letters among the Arabic-script blocks (not their digits, punctuation and marks)."""
    letters = [c for c in range(0x10000) if _ARABIC_LETTER.match(chr(c)) and chr(c).isalpha()]
    ranges: list[str] = []
    first = letters[0]
    for previous, code in zip(letters, [*letters[1:], -1], strict=True):
        if code != previous + 1:
            ranges.append(f"{re.escape(chr(first))}-{re.escape(chr(previous))}")
            first = code
    letter = f"[{''.join(ranges)}]"
    return re.compile(f"{letter}{letter}*")  # (not [...]+: opening with a class, it is searched in a tight loop)


_ARABIC_LETTER_RUN = _letter_runs()  # what arabic_ratio counts


def normalize(text: str) -> str:
    """The normalised form of ``text`` (for lookups; offsets are lost, use :func:`normalized_view`)."""
    return text.translate(_DROP_AND_FOLD)


@dataclass(frozen=True, slots=True)
class NormalizedView:
    """``text`` normalised, with ``offsets[i]`` the original offset of ``text[i]``."""

    original: str
    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the view's ``text[start:end]`` (end exclusive, non-empty span)."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


def _fold(text: str) -> str:
    """``text`` with its foldable characters folded (no drops).

    One ``str.replace`` per folded character the text holds: each is a C-level scan, far cheaper on a
    whole article than ``str.translate`` with a dict table, which looks up every character.
    """
    for char, folded in _FOLDS:
        if char in text:
            text = text.replace(char, folded)
    return text


def normalized_view(text: str) -> NormalizedView:
    """Normalise ``text`` keeping, for each kept character, where it stood in the original.

    Dropped characters are found with one C-level ``in`` scan per droppable character (cheaper on an
    article than a regex over a wide character class) and removed by replacement.
    """
    dropped = [char for char in _DROPPED_CHARS if char in text]
    if not dropped:  # the usual case: offsets are the identity
        return NormalizedView(original=text, text=_fold(text), offsets=tuple(range(len(text))))
    view = text
    for char in dropped:
        view = view.replace(char, "")
    offsets: list[int] = []
    start = 0
    for position in sorted(_positions(text, dropped)):  # a few diacritics: copy the ranges between them
        offsets.extend(range(start, position))
        start = position + 1
    offsets.extend(range(start, len(text)))
    return NormalizedView(original=text, text=_fold(view), offsets=tuple(offsets))


def _positions(text: str, chars: list[str]) -> list[int]:
    """Where each of ``chars`` occurs in ``text`` (unordered)."""
    found: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    return found


def arabic_ratio(text: str) -> float:
    """Share of letters in ``text`` that are Arabic script (0 when there are no letters).

    Counted in C (map over str.isalpha, one regex) rather than a Python loop: it runs on every article.
    """
    letters = sum(map(str.isalpha, text))
    if not letters:
        return 0.0
    return sum(map(len, _ARABIC_LETTER_RUN.findall(text))) / letters
