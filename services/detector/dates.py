"""Event dates from the sentence, normalised against the article's publication date (spec: Time)."""

from __future__ import annotations

import datetime as dt
import re

from services.detector.prefilter import GatedPattern, words_of
from shared.arabic import normalize

# Month names, Levantine/Iraqi (كانون الثاني) and Egyptian/Maghreb (يناير، جانفي) forms, normalised.
_MONTHS: dict[str, int] = {
    normalize(name): number
    for number, names in {
        1: ["يناير", "جانفي", "كانون الثاني", "كانون ثاني", "ينایر"],
        2: ["فبراير", "فيفري", "شباط"],
        3: ["مارس", "آذار"],
        4: ["أبريل", "إبريل", "ابريل", "أفريل", "نيسان"],
        5: ["مايو", "ماي", "أيار"],
        6: ["يونيو", "يونيه", "جوان", "حزيران"],
        7: ["يوليو", "يوليه", "جويلية", "تموز"],
        8: ["أغسطس", "اغسطس", "أوت", "آب"],
        9: ["سبتمبر", "شتنبر", "أيلول"],
        10: ["أكتوبر", "اكتوبر", "تشرين الأول", "تشرين أول"],
        11: ["نوفمبر", "نونبر", "تشرين الثاني", "تشرين ثاني"],
        12: ["ديسمبر", "دجنبر", "كانون الأول", "كانون أول"],
    }.items()
    for name in names
}
_WEEKDAYS: dict[str, int] = {
    normalize(name): number
    for number, names in {
        0: ["الاثنين", "الإثنين"],
        1: ["الثلاثاء"],
        2: ["الأربعاء"],
        3: ["الخميس"],
        4: ["الجمعة"],
        5: ["السبت"],
        6: ["الأحد"],
    }.items()
    for name in names
}
MONTH_NAMES = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted((re.escape(d[2:]) for d in _WEEKDAYS), key=len, reverse=True))
_EXPLICIT = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?[\/]?\s*({MONTH_NAMES})(?:\s*[\/]\s*(?:{MONTH_NAMES}))?"
    rf"(?:\s+(?:عام|سنه)?\s*(\d{{4}}))?(?!\w)"
)
_NEXT = re.compile(r"\s+(?:المقبل|القادم)(?!\w)")  # right after a day and month without a year
_MONTH_YEAR = re.compile(rf"(?<!\w)({MONTH_NAMES})(?:\s*[\/]\s*(?:{MONTH_NAMES}))?\s+(?:عام\s+)?(\d{{4}})(?!\d)")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_DIGIT = re.compile(r"\d")  # explicit and numeric dates and years need one: most clauses have none
_YESTERDAY = GatedPattern(r"(?<!\w)(?:[وب]?ال)?(?:امس)(?!\w)|(?<!\w)البارحه(?!\w)")
_DAY_BEFORE = GatedPattern(r"(?<!\w)اول\s+(?:من\s+)?امس(?!\w)")
_TODAY = re.compile(r"(?<!\w)(?:[وب]?ال)?(?:يوم|اليوم)(?!\w)")
_TOMORROW = GatedPattern(r"(?<!\w)غدا(?!\w)")
_AFTER_TOMORROW = GatedPattern(r"(?<!\w)بعد\s+غد(?!\w)")
_TODAY_WEEKDAY = GatedPattern(rf"(?<!\w)اليوم\W+(?:\w+\W+)?ال(?:{_WEEKDAY_RE})(?!\w)")
_TOMORROW_WEEKDAY = GatedPattern(rf"(?<!\w)غدا\W+(?:\w+\W+)?ال(?:{_WEEKDAY_RE})(?!\w)")
_TODAY_WORD = GatedPattern(r"(?<!\w)(?:[وب]?)اليوم(?!\w)")
_WEEKDAY = GatedPattern(rf"(?<!\w)(?:[وب]?(?:يوم\s+)?)?ال({_WEEKDAY_RE})(?:\s+(المقبل|القادم|الماضي|المنصرم))?(?!\w)")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_TIME_YEAR = re.compile(
    rf"(?<!\w)(?:في|عام|سنه|خلال|العام)\s+(?:(?:شهر\s+)?(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})(?:\s*/\s*(?:{MONTH_NAMES}))?\s+)?"
    r"(?:عام\s+)?(19[5-9]\d|20[0-4]\d)(?!\d)"
)


def explicit_year(after: str, before: str = "") -> int | None:
    """The year of a time phrase tied to a trigger ("في أبريل 2010", "عام 2017"), if any.

    ``after`` is the normalised text right after the trigger, ``before`` the text right before it;
    a year after منذ (since) dates something else.
    """
    for text in (after, before):
        if not _DIGIT.search(text):
            continue  # no year in it
        for match in _TIME_YEAR.finditer(text):
            if not re.search(r"(?<!\w)منذ(?!\w)", text[max(0, match.start() - 25) : match.start()]):
                return int(match.group(1))
    return None


def event_date(
    text: str, published: dt.date | None, looking_ahead: bool = False, words: list[str] | None = None
) -> dt.date | None:
    """The date ``text`` (normalised clause around a trigger) gives, resolved against ``published``.

    ``words``: ``words_of(text)`` when the caller has them (they gate the searches for date words).
    """
    digits = _DIGIT.search(text) is not None
    match = _EXPLICIT.search(text) if digits else None
    if match:
        day, month = int(match.group(1)), _MONTHS[match.group(2)]
        year = int(match.group(3)) if match.group(3) else (published.year if published else None)
        if year is not None:
            found = _safe(year, month, day)
            too_late = found is not None and published is not None and found > published + dt.timedelta(days=31)
            if too_late and not match.group(3) and not looking_ahead:
                found = _safe(year - 1, month, day)
            elif found is not None and published is not None and found < published and not match.group(3):
                next_year = _NEXT.match(text, match.end()) is not None  # "في 12 مارس المقبل" in August
                found = _safe(year + 1, month, day) if next_year else found
            return found
    match = _NUMERIC.search(text) if digits else None
    if match:
        return _safe(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    if published is None:
        return None
    if words is None:
        words = words_of(text)
    if _DAY_BEFORE.search(text, words):
        return published - dt.timedelta(days=2)
    if _YESTERDAY.search(text, words):
        return published - dt.timedelta(days=1)
    if _TODAY_WEEKDAY.search(text, words):
        return published  # "اليوم الجمعة": today, whatever the weekday says
    if _AFTER_TOMORROW.search(text, words):
        return published + dt.timedelta(days=2)
    if _TOMORROW_WEEKDAY.search(text, words):
        return published + dt.timedelta(days=1)  # "غدا الإثنين": tomorrow, not the Monday before
    match = _WEEKDAY.search(text, words)
    if match:
        weekday = _WEEKDAYS["ال" + match.group(1)]
        relation = match.group(2)
        ahead = relation in ("المقبل", "القادم") or (looking_ahead and relation is None)
        delta = (weekday - published.weekday()) % 7
        if ahead:
            return published + dt.timedelta(days=delta or 7 if relation else delta)
        back = (published.weekday() - weekday) % 7
        if relation in ("الماضي", "المنصرم") and back == 0:
            back = 7
        return published - dt.timedelta(days=back)
    if _TOMORROW.search(text, words):
        return published + dt.timedelta(days=1)
    if _TODAY_WORD.search(text, words):
        return published
    return None
