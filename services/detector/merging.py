"""All mentions of one happening become one event (spec/EVENTS.md: one event, union of its mentions)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from services.detector.participants import CITY
from shared.schemas import EventStatus, EventType, ParticipantKind, ParticipantRole


@dataclass(slots=True)
class EventMention:
    """One trigger occurrence that passed its checks, with what its sentence says about it."""

    type: EventType
    status: EventStatus
    status_cued: bool
    background: bool
    year: int | None  # a year written next to the trigger (a dated, often past, happening)
    date: dt.date | None
    trigger: tuple[int, int]
    sentence: int
    participants: dict[str, ParticipantRole]  # entity key -> role
    kinds: dict[str, ParticipantKind]
    cue: str | None
    form: str
    destination: str | None = None
    strength: float = 0.5
    clause: int = 0  # index of the clause within the sentence (split at بعد، لكن، وأن …)
    anaphoric: bool = False  # "هذه الزيارة"، "اللقاء" with no person of its own: refers back
    referring: bool = False  # "وتأتي هذه الزيارة"، "أُلغيت الزيارة": the event told before, whatever its status
    cancels: bool = False  # a referring mention next to a cancellation ("أُلغيت الزيارة"): the event is denied
    leg: bool = False  # one stop of a listed tour ("سيسافر إلى ألمانيا وإسرائيل والسعودية")
    definite: bool = False  # a definite noun trigger (البرامج التدريبية) names something already introduced
    attached: bool = False  # its status cue qualifies the trigger itself (المناورات المقبلة)
    affiliations: dict[str, str | None] = field(default_factory=dict)  # entity key -> country
    delegations: set[str] = field(default_factory=set)  # visiting delegations (الوفد العسكري الأميركي)
    frame: bool = False  # a summit, or the gathering after هامش: side meetings are held at it, not part of it
    sideline: bool = False  # a meeting in a sentence with "على هامش": another happening than the gathering
    another: bool = False  # "زيارة مماثلة"، "زيارة أخرى": said to be another happening than the one told


@dataclass(slots=True)
class MergedEvent:
    """Mentions grouped as one event."""

    type: EventType
    status: EventStatus
    mentions: list[EventMention] = field(default_factory=list)
    participants: dict[str, ParticipantRole] = field(default_factory=dict)
    kinds: dict[str, ParticipantKind] = field(default_factory=dict)
    background: bool = False
    year: int | None = None
    destination: str | None = None
    affiliations: dict[str, str | None] = field(default_factory=dict)
    # What the merge checks ask of all mentions so far, kept up to date by add(): a check costs the same
    # whether the event has two mentions or twenty thousand (a pathological article).
    triggers: set[tuple[int, int]] = field(default_factory=set)
    sentences: set[int] = field(default_factory=set)
    clauses: set[tuple[int, int]] = field(default_factory=set)  # (sentence, clause)
    own_clauses: set[tuple[int, int]] = field(default_factory=set)  # … of the mentions that are not anaphoric
    cues: set[str | None] = field(default_factory=set)
    status_cued: bool = False  # some mention has a status cue
    framed: bool = False  # some mention is a frame (a summit)
    sidelined: bool = False  # some mention is a sideline meeting
    all_frames: bool = True  # every mention is a frame
    reported_past: bool = False  # some mention is a past-tense verb of an occurred happening

    def persons(self) -> set[str]:
        return {k for k, kind in self.kinds.items() if kind == ParticipantKind.person}

    def add(self, mention: EventMention) -> None:
        if (
            mention.status_cued
            and not mention.referring  # "ستستمر الزيارة ثلاثة أيام": the visit told before goes on, not a plan
            and not self.status_cued
            and self.mentions
            and mention.type != EventType.training_agreement
        ):
            self.status = mention.status  # "يبحث … في لقاء مرتقب": the cued mention says when
        elif mention.cancels:
            self.status = EventStatus.denied  # "سيزور … . وقالت المتحدثة إن الزيارة أُلغيت"
        self.mentions.append(mention)
        self.triggers.add(mention.trigger)
        self.sentences.add(mention.sentence)
        self.clauses.add((mention.sentence, mention.clause))
        if not mention.anaphoric:
            self.own_clauses.add((mention.sentence, mention.clause))
        self.cues.add(mention.cue)
        self.status_cued = self.status_cued or mention.status_cued
        self.framed = self.framed or mention.frame
        self.sidelined = self.sidelined or mention.sideline
        self.all_frames = self.all_frames and mention.frame
        self.reported_past = self.reported_past or (
            mention.form == "perfective" and mention.status == EventStatus.occurred
        )
        for key, role in mention.participants.items():
            current = self.participants.get(key)
            if current is None or (current == ParticipantRole.party and role != ParticipantRole.party):
                self.participants[key] = role
            self.kinds[key] = mention.kinds[key]
        self.affiliations.update(mention.affiliations)
        self.destination = self.destination or mention.destination
        self.year = self.year or mention.year


def _persons(mention: EventMention) -> set[str]:
    return {k for k, kind in mention.kinds.items() if kind == ParticipantKind.person}


def _visitors(participants: dict[str, ParticipantRole], kinds: dict[str, ParticipantKind]) -> set[str]:
    """The visiting persons (or, when no person is named, the visiting organisations)."""
    visiting = {k for k, r in participants.items() if r == ParticipantRole.visitor}
    persons = {k for k in visiting if kinds[k] == ParticipantKind.person}
    return persons or {k for k in visiting if kinds[k] == ParticipantKind.organization}


def _compatible(event: MergedEvent, mention: EventMention) -> bool:
    if event.type != mention.type:
        return False
    if mention.another:
        return False  # "بعد انتهاء زيارة مماثلة للرئيس اليمني": a similar visit is not this one
    if mention.trigger in event.triggers:
        return False  # one trigger split into parts (a series of bilateral meetings): each part is its own event
    if (mention.sideline and event.framed) or (mention.frame and event.sidelined):
        return False  # "التقى على هامش القمة فلانا": the talks on the sidelines are not the summit
    if (mention.frame and "phone" in event.cues) or (mention.cue == "phone" and event.framed):
        return False  # "تلقى اتصالا … استعرض فيه الدعوة لقمة": the call is not the summit it talks of
    # one article rarely reports two training programmes: their mentions differ in modality, not identity
    if mention.referring:
        return not event.background  # it names no one: the latest event of its type it can join
    same_clause = (mention.sentence, mention.clause) in event.clauses
    movement = {"onward", "departure"} & ({mention.cue} | event.cues)
    event_cued = event.status_cued
    if (
        event.status != mention.status
        and mention.type != EventType.training_agreement
        and not (mention.anaphoric and not mention.status_cued and mention.form == "noun")  # "خلال الزيارة"
        and not (
            same_clause
            and not movement
            and not (mention.status_cued and event_cued)
            and not (_conflicting(event, mention) and _reported_past(event, mention))
        )
    ):
        return False  # (one clause, "يجتمع … لإجراء جولة من المحادثات", is one meeting: the verb rules)
    if (
        mention.type == EventType.training_agreement
        and (mention.attached or not (mention.anaphoric or mention.definite))
        and not same_clause
        and _conflicting(event, mention)
    ):
        return False  # a signed memorandum and a later "بحث إمكانية إجراء تدريبات" are two happenings
    if (
        mention.type == EventType.meeting
        and (mention.cue == "phone") != ("phone" in event.cues)
        and (mention.sentence, mention.clause) not in event.own_clauses
        # "بحث … في اتصال هاتفي": one call ("خلال اللقاء اتصالا": the meeting only frames the call)
        and not mention.anaphoric
    ):
        return False  # "وأجرى الرئيسان خلال اللقاء اتصالا هاتفيا مع …": a call is another meeting than the talks
    if event.background != mention.background and (event.year or mention.year):
        return False
    if event.background != mention.background and (
        (mention.background and (mention.form == "perfective" or mention.frame) and not _arrival(event, mention))
        or (event.background and mention.form == "perfective" and not mention.anaphoric)
    ):
        return False  # "بحث … في اتصال هاتفي. وكان الرئيسان قد التقيا الشهر الماضي": an earlier meeting
    same_sentence = mention.sentence in event.sentences
    if event.year != mention.year and not (same_sentence and None in (event.year, mention.year)):
        return False  # a dated mention (في مارس 2023) and an undated one of the same sentence agree
    if event.destination and mention.destination and event.destination != mention.destination:
        return False
    # a stop in a named town is its own visit (زيارته مدينة سرت)
    return not ((mention.destination or "").startswith(CITY) and event.destination != mention.destination)


def _arrival(event: MergedEvent, mention: EventMention) -> bool:
    """ "يقوم بزيارة إلى الجزائر. وكان قد وصل إليها صباح اليوم": a pluperfect arrival (no year of its own) starts
    the visit told before, it is no earlier one."""
    return mention.type == EventType.visit and mention.cue == "arrival" and not event.background


def _conflicting(event: MergedEvent, mention: EventMention) -> bool:
    """Occurred against a cued plan or proposal (or the reverse): the mentions report different happenings."""
    statuses = {event.status, mention.status}
    if EventStatus.occurred not in statuses or len(statuses) < 2:
        return False
    cued = mention.status_cued if mention.status != EventStatus.occurred else event.status_cued
    return cued and EventStatus.denied not in statuses


def _reported_past(event: MergedEvent, mention: EventMention) -> bool:
    """A past-tense verb (التقى، وقعت) reports what happened: a cued plan beside it is another happening."""
    if mention.status == EventStatus.occurred:
        return mention.form == "perfective"
    return event.reported_past


def _fits(event: MergedEvent, mention: EventMention) -> bool:
    """Do the participants allow the mention to be part of the event?"""
    mine, theirs = _persons(mention), event.persons()
    if mention.type == EventType.meeting:
        if (
            len(mine) >= 2
            and not mention.frame
            and event.all_frames
            and mention.sentence not in event.sentences
        ):
            return mine == theirs  # "انطلقت القمة … . وعقد فلان لقاء مع علان": a talk of two beside the summit
        if not mine or not theirs:
            return True
        return mine <= theirs or theirs <= mine
    if mention.type == EventType.visit:
        mine_v = _visitors(mention.participants, mention.kinds)
        theirs_v = _visitors(event.participants, event.kinds)
        if not mine_v or not theirs_v:
            return True
        if mine_v & theirs_v:
            return True
        hosts = {k for k, role in event.participants.items() if role == ParticipantRole.host}
        if mine_v <= hosts and mention.sentence in event.sentences and mention.status == event.status:
            return True  # "كانت في استقباله فلانة، في أول زيارة يقوم بها": one visit; the host read as its visitor
        # "زيارة الوفد العسكري الأميركي": a delegation of the visitor's country is the visitor's party
        countries = {event.affiliations.get(k) for k in theirs_v} - {None}
        return bool(mine_v <= mention.delegations and {mention.affiliations.get(k) for k in mine_v} & countries)
    return True


def merge(mentions: list[EventMention]) -> list[MergedEvent]:
    """Group mentions (in text order) into events: same type, status and time, fitting participants."""
    events: list[MergedEvent] = []
    for mention in mentions:
        target = None
        # prefer an event that goes where the mention goes (or, lacking a destination, one without)
        # … and, among those, one of the same status ("وتناول اللقاء" joins the meeting that occurred)
        ordered = sorted(
            reversed(events), key=lambda e: (e.destination != mention.destination, e.status != mention.status)
        )
        for event in ordered:
            if _compatible(event, mention) and (mention.anaphoric or _fits(event, mention)):
                target = event
                break
        if target is None:
            target = MergedEvent(mention.type, mention.status, background=mention.background)
            events.append(target)
        target.add(mention)
    return events
