"""Sentence splitting robust to Arabic punctuation, quotes, abbreviations and page clutter.

A sentence ends at . ! ? ؟ ۔ … or a line break; closing quotes and brackets after the stop stay
with the sentence; a full stop inside a number (5.9) or after a one-letter abbreviation (د. أ.ش.أ)
does not end one. Lines that are page furniture (share buttons, "اترك تعليقاً", photo credits,
menus, bare dates, Latin-only bylines) are not sentences: they never glue onto real text.
"""

from __future__ import annotations

import re
from itertools import islice

from shared.arabic import arabic_ratio, normalize
from shared.schemas import Sentence

# [c][c]* rather than [c]+: a pattern opening with a character class is searched in a tight loop.
_STOP = re.compile(r"[.!?؟۔…\n][.!?؟۔…\n]*")
_CLOSERS = "\"'”’»)]›"
_CLUTTER_WORDS = frozenset(normalize(w) for w in [
    "اترك", "تعليقا", "تعليقاً", "تعليق", "التعليقات", "شارك", "مشاركة", "شاركها", "شارك/ي", "تابعنا", "تابع",
    "تابعونا", "اقرأ", "أيضا", "أيضاً", "المزيد", "المصدر", "صورة", "الصورة", "صور", "تصوير", "أرشيفية", "أرشيف",
    "فيسبوك", "تويتر", "واتساب", "واتس", "تيليجرام", "تلغرام", "انستغرام", "يوتيوب", "لينكدإن", "طباعة", "إرسال",
    "البريد", "الإلكتروني", "الرئيسية", "القسم", "الكاتب", "بواسطة", "نشر", "آخر", "تحديث", "حقوق", "النشر",
    "محفوظة", "جميع", "الحقوق", "الأخبار", "أخبار", "رياضة", "اقتصاد", "منوعات", "فيديو", "مقالات", "الرأي",
    "اشترك", "النشرة", "البريدية", "تطبيق", "google", "news", "رابط", "مختصر", "ذات", "صلة", "مواضيع", "متعلقة",
    "الوسوم", "كلمات", "مفتاحية", "التحرير", "الإدارة", "الادارة", "نيوز", "الموقع", "النسخة", "الكاملة",
    "الإعلانات", "اتصل", "بنا", "سياسة", "الخصوصية", "شروط", "الاستخدام", "المحرر", "إعداد", "تحرير", "مراسل",
    "وكالات",
])
# Dates and times standing alone on a line (الإثنين ١١ أبريل ٢٠٢٢ - ٠٦:٠٢ بتوقيت غرينتش).
_DATE_WORDS = frozenset(normalize(w) for w in [
    "يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "ماي", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر", "جانفي", "فيفري", "أفريل", "جوان", "جويلية", "أوت", "كانون", "شباط", "آذار", "نيسان",
    "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين", "الأول", "الثاني", "الأحد", "الإثنين", "الاثنين",
    "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "بتوقيت", "غرينتش", "مكة", "ص", "م", "GMT", "AM", "PM",
])
_CLUTTER_LATIN = re.compile(
    r"^(source link|share|tweet|print|email|read more|related|advertisement|copyright.*|©.*)$", re.IGNORECASE
)
_WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669A-Za-z0-9][\u0621-\u064a\u0660-\u0669A-Za-z0-9]*")
# is_clutter counts words up to 10: a line's first 11 words decide (a paragraph is not read to its end).
_ENOUGH_WORDS = 11
_ALNUM = re.compile(r"[^\W_]")  # a character str.isalnum() accepts (re's \w is isalnum() or "_")


# A line opening with a source or photo credit ("المصدر: وكالة الأنباء العراقية"، "تصوير: …").
_ATTRIBUTION = re.compile(r"^(?:المصدر|مصدر الصورة|الصورة|صورة|تصوير|اقرأ أيضا|اقرأ أيضاً|شاهد أيضا|للمزيد)\s*[:：\-–]")
_BREADCRUMB = re.compile(r"\s[_>»›]\s")


def _without_conjunction(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] == "و" else word


def is_clutter(line: str) -> bool:
    """True for a line that is page furniture rather than article text."""
    stripped = line.strip()
    if not stripped:
        return True
    words = [word.group() for word in islice(_WORD.finditer(stripped, 0, 400), _ENOUGH_WORDS)]
    if not words:
        return True
    if len(words) <= 4 and (_CLUTTER_LATIN.match(stripped) or arabic_ratio(stripped) == 0.0):
        return True
    if _ATTRIBUTION.match(stripped) and len(words) <= 10:
        return True
    if len(words) <= 6 and _BREADCRUMB.search(stripped):
        return True
    if len(words) <= 8:
        norms = [_without_conjunction(normalize(w)) for w in words]
        clutter = sum(1 for w in norms if w in _CLUTTER_WORDS or w.isdigit())
        if clutter * 2 >= len(norms) and not stripped.endswith((".", "؟", "!")):
            return True
        if all(w.isdigit() or w in _DATE_WORDS for w in norms):
            return True
    return stripped.count("|") >= 2 or stripped.count("•") >= 2


def _abbreviation_stop(text: str, stop: int) -> bool:
    """A full stop that ends no sentence: after a one-letter word (د. / أ.ش.أ, but not 2024م.), inside a
    number (5.9), or after a list number opening its line (1. …)."""
    if text[stop] != ".":
        return False
    before = text[stop - 1] if stop >= 1 else ""
    if before.isdigit() and stop < len(text) - 1 and text[stop + 1].isdigit():
        return True
    if before.isalpha():
        return stop == 1 or text[stop - 2] in " \t\n.(\"«“"
    if before.isdigit():
        line_start = text.rfind("\n", 0, stop) + 1
        return text[line_start:stop].strip(" \t-•*").isdigit()
    return False


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with offsets into it (whitespace trimmed; clutter lines dropped)."""
    sentences: list[Sentence] = []
    clutter: dict[int, bool] = {}  # by line start: a line holding several sentences is judged once
    start = 0
    for match in _STOP.finditer(text):
        if match.group() == "." and _abbreviation_stop(text, match.start()):
            continue
        end = match.end()
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        _append(sentences, text, start, end, clutter)
        start = end
    _append(sentences, text, start, len(text), clutter)
    return sentences


MAX_SENTENCE_CHARS = 1000
"""A run of text with no stop longer than this is cut at a space: the longest sentence in about 1,900 of real
news is 889 characters, so only unpunctuated dumps are cut, and every per-sentence scan stays bounded."""


def _append(out: list[Sentence], text: str, start: int, end: int, clutter: dict[int, bool]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        _append(out, text, start, cut, clutter)
        start = cut + 1 if text[cut] == " " else cut
    if end <= start or not _ALNUM.search(text, start, end):
        return
    line_start = text.rfind("\n", 0, start) + 1
    if line_start not in clutter:
        line_end = text.find("\n", end)
        clutter[line_start] = is_clutter(text[line_start:line_end if line_end >= 0 else len(text)])
    if clutter[line_start]:
        return
    # (validated: pydantic-core builds a Sentence faster than model_construct does)
    out.append(Sentence(index=len(out), start=start, end=end, text=text[start:end]))
