"""An event mention's status from modality cues around its trigger (spec/EVENTS.md, Status)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from services.detector.resources import modality_table
from shared.schemas import EventStatus

# How far a cue may stand from its trigger, in characters of normalised text.
BEFORE_WINDOW = 150
AFTER_WINDOW = 30
PLANNED_AFTER_WINDOW = 80  # a time ahead (الأسبوع المقبل) may close a long noun phrase
_CLAUSE_BREAK = re.compile(r"[.;!?]|(?<!\w)(?:و?لكن|بينما|فيما|في حين|بعد(?!\s+غد)|عقب|و?كما|منذ|وان|وانه|وانها)(?!\w)")
# The present tense reads as ongoing after "while" (في الوقت الذي يزور): not a plan.
_ONGOING = re.compile(r"(?<!\w)(?:في\s+الوقت\s+الذي|حاليا|بينما)(?!\w)")
# "الوزير الذي يزور البلاد (حاليا)": a relative clause in the present describes what is going on
_RELATIVE = re.compile(r"(?<!\w)(?:الذي|التي|اللذان|اللتان|الذين)\s*$")
_ONGOING_AFTER = re.compile(r"(?<!\w)(?:حاليا|الان|هذه\s+الايام)(?!\w)")
# time ahead before the trigger in its clause: "يبدأ الرئيس غدا زيارة"
_AHEAD_BEFORE = re.compile(r"(?<!\w)(?:غدا|بعد\s+غد)(?!\w)")
# "نفى الأنباء عن إلغاء القمة": a denied cancellation leaves the event as it was
_DENIED_CANCEL = re.compile(r"(?<!\w)[وف]?(?:نفي|نفت|ينفي|تنفي|نفيا|نفوا)(?!\w).*(?<!\w)[وب]?(?:الغاء|الغاوها)(?!\w)")
DENIAL_WINDOW = 120
_CIRCUMSTANTIAL = frozenset({"خلال", "وخلال", "اثناء", "واثناء", "هامش", "لدي"})
_BARE_NEGATION = re.compile(r"[وف]?(?:لم|لن|ما|لا)")  # negates the trigger only right before it


@dataclass(frozen=True, slots=True)
class _Cues:
    before: dict[EventStatus, re.Pattern[str]]
    after: dict[EventStatus, re.Pattern[str]]
    background: re.Pattern[str]
    honoured: re.Pattern[str]


def _words(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)[وف]?(?:" + "|".join(patterns) + r")(?!\w)")  # ومن المقرر، فيما …


@cache
def _cues() -> _Cues:
    table = modality_table()
    statuses = (EventStatus.denied, EventStatus.planned, EventStatus.proposed)
    return _Cues(
        before={s: _words(table[s.value]["before"]) for s in statuses},
        after={s: _words(table[s.value]["after"]) for s in statuses},
        background=_words(table["background"]),
        honoured=_words(table["honoured_invitation"]),
    )


@dataclass(frozen=True, slots=True)
class StatusReading:
    """The status of one mention and whether a cue (rather than the default) decided it."""

    status: EventStatus
    cued: bool
    background: bool
    attached: bool = False  # the cue qualifies the trigger itself (المناورات المقبلة، سيزور)


def mention_status(sentence: str, trigger_start: int, trigger_end: int, form: str, prefix: str) -> StatusReading:
    """Status of the trigger at ``sentence[trigger_start:trigger_end]`` (normalised sentence text)."""
    cues = _cues()
    left = sentence[max(0, trigger_start - BEFORE_WINDOW) : trigger_start]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end() :]
    right = sentence[trigger_end : trigger_end + PLANNED_AFTER_WINDOW]
    cut = _CLAUSE_BREAK.search(right)
    if cut:
        right = right[: cut.start()]
    background = bool(cues.background.search(left))
    planned_cue = (
        _AHEAD_BEFORE.search(left)
        or cues.before[EventStatus.planned].search(left)
        or cues.after[EventStatus.planned].search(right)
        or ("س" in prefix and form == "imperfective")
    )
    if cues.honoured.search(sentence[max(0, trigger_start - 40) : trigger_end + 40]) and not planned_cue:
        return StatusReading(EventStatus.occurred, True, background)  # تلبية لدعوة: unless it is still ahead
    # a negation must govern the trigger itself: لم يلتق، لن يزور
    immediate = left.rstrip().rsplit(" ", 1)[-1] if left.strip() else ""
    tail = sentence[trigger_end : trigger_end + DENIAL_WINDOW]
    if immediate in ("لم", "لن", "عدم") or cues.after[EventStatus.denied].search(tail):
        return StatusReading(EventStatus.denied, True, background)
    if form == "imperfective" and "س" not in prefix and (_RELATIVE.search(left) or _ONGOING_AFTER.search(right)):
        return StatusReading(EventStatus.occurred, True, background)  # الذي يزور البلاد حاليا: ongoing
    denial_left = left
    cancel = _DENIED_CANCEL.search(left)
    if cancel:
        denial_left = left[cancel.end() :]  # the denial governs the cancellation, not the event
    nearest: tuple[int, EventStatus] | None = None
    for status, pattern in cues.before.items():
        if status == EventStatus.denied:
            for match in pattern.finditer(denial_left):
                end = match.end() + len(left) - len(denial_left)
                if not _BARE_NEGATION.fullmatch(match.group()) and (nearest is None or end > nearest[0]):
                    nearest = (end, status)
            continue
        if status == EventStatus.proposed and immediate in _CIRCUMSTANTIAL:
            continue  # "أكد على ضرورة الحوار خلال لقائه": the wish is about something else, the meeting took place
        for match in pattern.finditer(left):
            if nearest is None or match.end() > nearest[0]:
                nearest = (match.end(), status)
    if nearest is not None and nearest[1] == EventStatus.denied:
        return StatusReading(EventStatus.denied, True, background)  # ألغى زيارته المقررة
    if immediate == "قد" and form == "imperfective":
        return StatusReading(EventStatus.proposed, True, background)  # قد يلتقي: may meet, nothing fixed
    if ("س" in prefix and form == "imperfective") or (prefix.endswith("ل") and form == "imperfective"):
        return StatusReading(EventStatus.planned, True, background, attached=True)
    if cues.after[EventStatus.planned].search(right[:PLANNED_AFTER_WINDOW]):
        return StatusReading(EventStatus.planned, True, background, attached=True)  # … العام المقبل
    if cues.after[EventStatus.proposed].search(right[:AFTER_WINDOW]):
        return StatusReading(EventStatus.proposed, True, background, attached=True)
    if nearest is not None:
        return StatusReading(nearest[1], True, background)
    if _AHEAD_BEFORE.search(left):
        return StatusReading(EventStatus.planned, True, background)
    # a present-tense trigger inside a clause (يلتقيان خلالها) looks ahead; a sentence-initial one is news
    if (
        form == "imperfective"
        and len(left.split()) >= 3
        and not _ONGOING.search(left)
        and not re.search(r"(?<!\w)(?:و)?(?:كان|كانت)(?!\w)", left)
    ):
        return StatusReading(EventStatus.planned, False, background)
    return StatusReading(EventStatus.occurred, False, background)


def clause_index(sentence: str, trigger_start: int) -> int:
    """Which clause of the normalised sentence the trigger stands in (0 = the first)."""
    return len(_CLAUSE_BREAK.findall(sentence[:trigger_start]))
