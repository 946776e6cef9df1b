"""shared.arabic's C-level fast paths give exactly what the plain character loops give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from shared import arabic
from shared.arabic import _DROPPED, _FOLDED, arabic_ratio, normalize, normalized_view

# Arabic letters, harakat, tatweel, controls, Persian look-alikes, digits, Latin and punctuation.
_ALPHABET = st.sampled_from(
    [chr(c) for c in range(0x0600, 0x0700)]
    + sorted(_DROPPED)
    + list("ABCxyz019 .,;\n\t«»“”")
    + ["\u06cc", "\u06a9", "\ufb50", "\ufefc", "\u0750"]
)
_TEXT = st.text(alphabet=_ALPHABET, max_size=80)


def loop_normalize(text: str) -> str:
    return "".join(ch for ch in text if ch not in _DROPPED).translate(_FOLDED)


def loop_view(text: str) -> tuple[str, tuple[int, ...]]:
    chars, offsets = [], []
    for i, ch in enumerate(text):
        if ch not in _DROPPED:
            chars.append(ch.translate(_FOLDED))
            offsets.append(i)
    return "".join(chars), tuple(offsets)


def loop_ratio(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    ranges = (("\u0600", "\u06ff"), ("\u0750", "\u077f"), ("\ufb50", "\ufeff"))
    return sum(1 for ch in letters if any(lo <= ch <= hi for lo, hi in ranges)) / len(letters)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_normalize_drops_then_folds(text: str) -> None:
    assert normalize(text) == loop_normalize(text)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_normalized_view_keeps_original_offsets(text: str) -> None:
    view = normalized_view(text)
    assert (view.text, view.offsets) == loop_view(text)
    assert view.original == text


def test_folds_replace_in_any_order() -> None:
    """normalized_view folds by one replacement per character: no fold may produce a foldable one."""
    assert not {folded for _, folded in arabic._FOLDS} & {char for char, _ in arabic._FOLDS}


def test_normalized_view_of_a_long_article_text() -> None:
    text = "أَعلنَ الرئيسُ، في ١٢ مايو، عن «زيارة» إلى القاهرةِ‏ وتونس؟ " * 40 + "مدينة بلا تشكيل " * 30
    view = normalized_view(text)
    assert (view.text, view.offsets) == loop_view(text)
    plain = "مدينة بلا تشكيل " * 30
    assert (normalized_view(plain).text, normalized_view(plain).offsets) == loop_view(plain)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_arabic_ratio_counts_arabic_letters(text: str) -> None:
    assert arabic_ratio(text) == loop_ratio(text)


def test_examples() -> None:
    assert normalize("إِلَى الـمدينةِ") == "الي المدينه"
    view = normalized_view("أَحمد")
    assert view.text == "احمد" and view.offsets == (0, 2, 3, 4)
    assert arabic.arabic_ratio("abc") == 0.0 and arabic.arabic_ratio("عربي") == 1.0
