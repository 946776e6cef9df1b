"""An event mention's status from modality cues around its trigger (spec/EVENTS.md, Status)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from services.detector.dates import MONTH_NAMES
from services.detector.prefilter import GatedPattern, TextWords, words_of
from services.detector.resources import modality_table
from shared.schemas import EventStatus

# How far a cue may stand from its trigger, in characters of normalised text.
BEFORE_WINDOW = 150
AFTER_WINDOW = 30
PLANNED_AFTER_WINDOW = 80  # a time ahead (الأسبوع المقبل) may close a long noun phrase
# A clause ends at one of these characters, words or phrase: as one pattern
# "[.;!?]|(?<!\w)(?:و?لكن|بينما|فيما|في حين|بعد(?!\s+غد)|عقب|و?كما|منذ|وان|وانه|وانها)(?!\w)". No match of one
# part can overlap or hide a match of another, so the parts are searched apart: characters with str.find, the
# phrase only where its text occurs (في alone is too frequent to gate the words on).
_BREAK_CHARS = ".;!?"
# (also "يقوم" carrying a visit noun, unless a plan governs it, أن يقوم: what comes before is another clause)
_BREAK_WORD = GatedPattern(
    r"(?<!\w)(?:و?لكن|بينما|فيما|بعد(?!\s+غد)|عقب|و?كما|منذ|وان|وانه|وانها|(?<!ان )(?<!لان )و?[يت]قوم)(?!\w)"
)
_LASTS_UNTIL = GatedPattern(
    r"(?<!\w)[وف]?(?:[يت]تواصل|[يت]ستمر|[يت]متد|متواصله|مستمره|تستمران|يستمران)\s+(?:الي|حتي|لغايه)(?!\w)"
)
_STARTED = GatedPattern(r"(?<!\w)[وف]?(?:انطلقت|انطلق|بدات|بدا|انطلقا|بداتا|انطلقتا)(?!\w)")
_WHILE = "في حين"
_BREAK_PHRASE = re.compile(rf"(?<!\w){_WHILE}(?!\w)")
# The present tense reads as ongoing after "while" (في الوقت الذي يزور): not a plan.
_ONGOING = GatedPattern(r"(?<!\w)(?:في\s+الوقت\s+الذي|حاليا|بينما)(?!\w)")
# "الوزير الذي يزور البلاد (حاليا)": a relative clause in the present describes what is going on
_RELATIVE = GatedPattern(r"(?<!\w)(?:الذي|التي|اللذان|اللتان|الذين)\s*$")
_RELATIVE_WORD = re.compile(r"(?<!\w)(?:الذي|التي|اللذان|اللتان|الذين)(?!\w)")
_ONGOING_AFTER = GatedPattern(r"(?<!\w)(?:حاليا|الان|هذه\s+الايام)(?!\w)")
# time ahead before the trigger in its clause: "يبدأ الرئيس غدا زيارة"
_MONTH_AHEAD = rf"(?:شهر\s+)?(?:{MONTH_NAMES})\s+(?:ال)?(?:مقبل|قادم)"  # نوفمبر المقبل، شهر مايو القادم
_AHEAD_BEFORE = GatedPattern(rf"(?<!\w)(?:غدا|بعد\s+غد|{_MONTH_AHEAD})(?!\w)")
# "نفى الأنباء عن إلغاء القمة": a denied cancellation leaves the event as it was
_DENIED_CANCEL = GatedPattern(r"(?<!\w)[وف]?(?:نفي|نفت|ينفي|تنفي|نفيا|نفوا)(?!\w).*(?<!\w)[وب]?(?:الغاء|الغاوها)(?!\w)")
DENIAL_WINDOW = 120
_CIRCUMSTANTIAL = frozenset({"خلال", "وخلال", "اثناء", "واثناء", "هامش", "لدي"})
_NEGATED = re.compile(r"[وف]?(?:لم|لن|عدم|بعدم)")  # ولم يلتق، فلن يزور، بعدم زيارة: the trigger itself is negated
_SUPPORT_VERBS = frozenset(
    {"تتم", "يتم", "تجر", "يجر", "تجري", "يجري", "تعقد", "يعقد", "تنعقد", "ينعقد", "يقم", "تقم", "تحصل", "يحصل"}
)
_ANY = frozenset({"اي", "ايه"})
_BARE_NEGATION = re.compile(r"[وف]?(?:لم|لن|ما|لا)")  # negates the trigger only right before it
# words that make a postponement only possible ("إمكانية تأجيل"، "احتمال إرجاء")
_MAYBE = re.compile(r"(?<!\w)[وب]?(?:امكانيه|احتمال|امكان|احتماليه)\s*$")
# a time ahead that a postponed event is put off to: "إلى الأسبوع المقبل"، "إلى الإثنين القادم"، "غدا"، "إلى الأحد"،
# "إلى 15 مارس"
WEEKDAY_NAMES = r"(?:احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)"  # normalised, without ال
_TIME_AHEAD = GatedPattern(
    r"(?<!\w)(?:(?:ال)?(?:مقبل|مقبله|قادم|قادمه)|غدا|بعد\s+غد"
    rf"|الي\s+(?:يوم\s+)?(?:ال)?{WEEKDAY_NAMES}|الي\s+\d)(?!\w)"
)
# a weekday told with a present tense is the coming one ("يلتقي الرئيس نظيره يوم الخميس"), not today
# ("اليوم الخميس") nor a past one ("الخميس الماضي")
_WEEKDAY = GatedPattern(
    rf"(?<!اليوم )(?<!\w)(?:يوم\s+)?(?:ال){WEEKDAY_NAMES}(?!\w)(?!\s+(?:ال)?ماضي)"
)
# a coming time named with a present tense anywhere in its clause ("يزور وفد … طرابلس الأسبوع المقبل")
_NAMED_TIME_AHEAD = GatedPattern(
    rf"(?<!\w)(?:(?:ال)?(?:اسبوع|شهر|عام|سنه)\s+(?:ال)?(?:مقبل|مقبله|قادم|قادمه)|غدا|بعد\s+غد|{_MONTH_AHEAD})(?!\w)"
)
_WAS = GatedPattern(r"(?<!\w)(?:و)?(?:كان|كانت)(?!\w)")


WEEKDAY_WINDOW = 160  # a weekday may close a clause with two long titles


def _in_clause(
    pattern: GatedPattern,
    sentence: str,
    trigger_end: int,
    words: TextWords,
    right_stop: int | None,
    left: str,
    left_words: list[str],
) -> bool:
    """``pattern`` (a coming weekday or time) in the trigger's clause (before it, or after it up to a break or
    another trigger)."""
    if pattern.search(left, left_words):
        return True
    end = min(len(sentence), trigger_end + WEEKDAY_WINDOW)
    if right_stop is not None and trigger_end <= right_stop < end:
        end = right_stop
    tail, tail_words = sentence[trigger_end:end], words.of(trigger_end, end)
    if pattern.first_words is not None and pattern.first_words.isdisjoint(tail_words):
        return False
    cut = _first_break_start(tail, tail_words)
    if cut is not None:
        tail, tail_words = tail[:cut], words.of(trigger_end, trigger_end + cut)
    return bool(pattern.search(tail, tail_words))


def _last_break_end(text: str, words: list[str]) -> int:
    """Where the last clause break of ``text`` ends (0 when there is none)."""
    end = max(map(text.rfind, _BREAK_CHARS)) + 1
    for match in _BREAK_WORD.finditer(text, words):
        end = max(end, match.end())
    if _WHILE in text:
        for match in _BREAK_PHRASE.finditer(text):
            end = max(end, match.end())
    return end


def _first_break_start(text: str, words: list[str]) -> int | None:
    """Where the first clause break of ``text`` starts (None when there is none)."""
    found = [at for at in map(text.find, _BREAK_CHARS) if at >= 0]
    match = _BREAK_WORD.search(text, words)
    if match is not None:
        found.append(match.start())
    match = _BREAK_PHRASE.search(text) if _WHILE in text else None
    if match is not None:
        found.append(match.start())
    return min(found, default=None)


@dataclass(frozen=True, slots=True)
class _Cues:
    before: dict[EventStatus, GatedPattern]
    after: dict[EventStatus, GatedPattern]
    background: GatedPattern
    honoured: GatedPattern
    later: GatedPattern  # a present tense with these in its clause is planned: يلتقي لاحقا، على أن يجتمع
    postponed: GatedPattern  # أرجأ، تأجيل: put off (denied), unless a time ahead follows


def _words(patterns: list[str]) -> GatedPattern:
    return GatedPattern(r"(?<!\w)[وف]?(?:" + "|".join(patterns) + r")(?!\w)")  # ومن المقرر، فيما …


@cache
def _cues() -> _Cues:
    table = modality_table()
    statuses = (EventStatus.denied, EventStatus.planned, EventStatus.proposed)
    return _Cues(
        before={s: _words(table[s.value]["before"]) for s in statuses},
        after={s: _words(table[s.value]["after"]) for s in statuses},
        background=_words(table["background"]),
        honoured=_words(table["honoured_invitation"]),
        later=_words(table["planned_imperfective"]),
        postponed=_words(table["postponed"]),
    )


@dataclass(frozen=True, slots=True)
class StatusReading:
    """The status of one mention and whether a cue (rather than the default) decided it."""

    status: EventStatus
    cued: bool
    background: bool
    attached: bool = False  # the cue qualifies the trigger itself (المناورات المقبلة، سيزور)
    weekday: bool = False  # planned only for a weekday in the clause (today's weekday makes it today's news)


def mention_status(
    sentence: str,
    trigger_start: int,
    trigger_end: int,
    form: str,
    prefix: str,
    words: TextWords | None = None,
    right_stop: int | None = None,
) -> StatusReading:
    """Status of the trigger at ``sentence[trigger_start:trigger_end]`` (normalised sentence text).

    ``words``: the sentence's :class:`TextWords` when the caller has them (they gate every cue search).
    ``right_stop``: where another event's trigger starts after this one (cues after it are that event's).
    """
    cues = _cues()
    if words is None:
        words = TextWords(sentence)
    left_start = max(0, trigger_start - BEFORE_WINDOW)
    left, left_words = sentence[left_start:trigger_start], words.of(left_start, trigger_start)
    clause_start = _last_break_end(left, left_words)
    if clause_start:
        left_start += clause_start
        left, left_words = sentence[left_start:trigger_start], words.of(left_start, trigger_start)
    right_end = trigger_end + PLANNED_AFTER_WINDOW
    if right_stop is not None and trigger_end <= right_stop < right_end:
        right_end = right_stop
    right, right_words = sentence[trigger_end:right_end], words.of(trigger_end, right_end)
    cut = _first_break_start(right, right_words)
    lasts = _LASTS_UNTIL.search(right, right_words) if _STARTED.search(left, left_words) else None
    if lasts is not None and (cut is None or lasts.start() < cut):
        # "انطلقت أمس تدريبات … تتواصل إلى العاشر من مايو القادم": the end of what has begun, not a plan
        cut = lasts.start()
    if cut is not None:
        right_end = trigger_end + cut
        right, right_words = sentence[trigger_end:right_end], words.of(trigger_end, right_end)
    background = bool(cues.background.search(left, left_words))
    around_start, around_end = max(0, trigger_start - 40), trigger_end + 40
    if cues.honoured.search(sentence[around_start:around_end], words.of(around_start, around_end)):
        planned_cue = (
            _AHEAD_BEFORE.search(left, left_words)
            or cues.before[EventStatus.planned].search(left, left_words)
            or cues.after[EventStatus.planned].search(right, right_words)
            or ("س" in prefix and form == "imperfective")
        )
        if not planned_cue:
            return StatusReading(EventStatus.occurred, True, background)  # تلبية لدعوة: unless it is still ahead
    # a negation must govern the trigger itself: لم يلتق، لن يزور
    immediate = left.rstrip().rsplit(" ", 1)[-1] if left.strip() else ""
    back = left.split()[-3:] if immediate in _ANY or immediate in _SUPPORT_VERBS else []
    if back and back[-1] in _ANY:
        back.pop()  # "لم يعقد أي لقاء": the negation reaches through أي
        immediate = back[-1] if back else ""
    if immediate in _SUPPORT_VERBS:  # "لم تتم زيارة"، "لن يجري لقاء": the negation of the verb that carries it
        immediate = back[-2] if len(back) >= 2 and _NEGATED.fullmatch(back[-2]) else ""
    tail_end = trigger_end + DENIAL_WINDOW
    if right_stop is not None and trigger_end <= right_stop < tail_end:
        tail_end = right_stop
    if _NEGATED.fullmatch(immediate) or cues.after[EventStatus.denied].search(
        sentence[trigger_end:tail_end], words.of(trigger_end, tail_end)
    ):
        return StatusReading(EventStatus.denied, True, background)
    put_off = cues.postponed.search(sentence[trigger_end:tail_end], words.of(trigger_end, tail_end))
    if put_off is not None:  # "زيارة المبعوث … التي كانت مقررة اليوم أرجئت إلى الأسبوع المقبل"
        after_start = trigger_end + put_off.end()
        after_end = after_start + AFTER_WINDOW + 30
        ahead_after = _TIME_AHEAD.search(sentence[after_start:after_end], words.of(after_start, after_end))
        return StatusReading(EventStatus.planned if ahead_after else EventStatus.denied, True, background)
    ongoing_after = _ONGOING_AFTER.search(right, right_words) if form == "imperfective" else None
    if ongoing_after is not None and _RELATIVE_WORD.search(right[: ongoing_after.start()]):
        ongoing_after = None  # "يستقبل غدا ضيفه الذي يزور البلاد حاليا": the relative's visit is ongoing
    if (
        form == "imperfective"
        and "س" not in prefix
        and (_RELATIVE.search(left, left_words) or ongoing_after)
    ):
        return StatusReading(EventStatus.occurred, True, background)  # الذي يزور البلاد حاليا: ongoing
    denial_left, denial_words = left, left_words
    cancel = _DENIED_CANCEL.search(left, left_words)
    if cancel:
        # the denial governs the cancellation, not the event
        denial_left = left[cancel.end() :]
        denial_words = words.of(left_start + cancel.end(), trigger_start)
    nearest: tuple[int, EventStatus] | None = None
    for status, pattern in cues.before.items():
        if status == EventStatus.denied:
            for match in pattern.finditer(denial_left, denial_words):
                end = match.end() + len(left) - len(denial_left)
                if not _BARE_NEGATION.fullmatch(match.group()) and (nearest is None or end > nearest[0]):
                    nearest = (end, status)
            continue
        if status == EventStatus.proposed and immediate in _CIRCUMSTANTIAL:
            continue  # "أكد على ضرورة الحوار خلال لقائه": the wish is about something else, the meeting took place
        if form == "perfective" and "و" in prefix:
            continue  # "لبى دعوة الرئيس وزار القاهرة": a past verb joined by و reports, whatever was wished before
        for match in pattern.finditer(left, left_words):
            if nearest is None or match.end() > nearest[0]:
                nearest = (match.end(), status)
    for match in cues.postponed.finditer(denial_left, denial_words):
        end = match.end() + len(left) - len(denial_left)
        if _MAYBE.search(denial_left[max(0, match.start() - 12) : match.start()]):
            if nearest is None or end > nearest[0]:
                nearest = (end, EventStatus.planned)  # "بإمكانية تأجيل زيارة الرئيس": it may be put off
            continue
        if nearest is None or end > nearest[0]:
            # "أرجأ زيارته إلى موعد لم يحدد": not held when set; "تأجيل الزيارة إلى الأسبوع المقبل": ahead
            ahead = _TIME_AHEAD.search(right, right_words)
            nearest = (end, EventStatus.planned if ahead else EventStatus.denied)
    if nearest is not None and nearest[1] == EventStatus.denied:
        return StatusReading(EventStatus.denied, True, background)  # ألغى زيارته المقررة
    if immediate == "قد" and form == "imperfective":
        return StatusReading(EventStatus.proposed, True, background)  # قد يلتقي: may meet, nothing fixed
    if ("س" in prefix and form == "imperfective") or (prefix.endswith("ل") and form == "imperfective"):
        return StatusReading(EventStatus.planned, True, background, attached=True)
    near_start = max(left_start, trigger_start - 12)
    if form == "imperfective" and (
        cues.later.search(right, right_words)
        or cues.later.search(sentence[near_start:trigger_start], words.of(near_start, trigger_start))
    ):
        return StatusReading(EventStatus.planned, True, background, attached=True)  # يلتقي لاحقا، على أن يجتمع
    present = form == "imperfective" and "س" not in prefix
    clause = (sentence, trigger_end, words, right_stop, left, left_words)
    if present and _in_clause(_WEEKDAY, *clause):
        return StatusReading(EventStatus.planned, True, background, attached=True, weekday=True)  # يلتقي … الخميس
    if present and _in_clause(_NAMED_TIME_AHEAD, *clause):
        return StatusReading(EventStatus.planned, True, background, attached=True)  # يزور … الأسبوع المقبل
    # ``right`` is at most PLANNED_AFTER_WINDOW long already
    if cues.after[EventStatus.planned].search(right, right_words):
        return StatusReading(EventStatus.planned, True, background, attached=True)  # … العام المقبل
    near_end = min(right_end, trigger_end + AFTER_WINDOW)
    if cues.after[EventStatus.proposed].search(sentence[trigger_end:near_end], words.of(trigger_end, near_end)):
        return StatusReading(EventStatus.proposed, True, background, attached=True)
    if nearest is not None:
        return StatusReading(nearest[1], True, background)
    if _AHEAD_BEFORE.search(left, left_words):
        return StatusReading(EventStatus.planned, True, background)
    # a present-tense trigger inside a clause (يلتقيان خلالها) looks ahead; a sentence-initial one is news
    if (
        form == "imperfective"
        and len(left.split()) >= 3
        and not _ONGOING.search(left, left_words)
        and not _WAS.search(left, left_words)
    ):
        return StatusReading(EventStatus.planned, False, background)
    return StatusReading(EventStatus.occurred, False, background)


def clause_index(sentence: str, trigger_start: int, words: TextWords | None = None) -> int:
    """Which clause of the normalised sentence the trigger stands in (0 = the first)."""
    before = sentence[:trigger_start]
    before_words = words.of(0, trigger_start) if words is not None else words_of(before)
    phrases = len(_BREAK_PHRASE.findall(before)) if _WHILE in before else 0
    return sum(map(before.count, _BREAK_CHARS)) + len(_BREAK_WORD.findall(before, before_words)) + phrases
