"""Who takes part in one event mention, and in which role (meeting party, visitor/host, trainer/trainee).

Candidates are the actors of the trigger's clause (a sentence split at و+أن، لكن، بينما، حيث …), minus
the speakers of reported speech (المصادر أكدت أن …) and places (في موسكو). For a visit, actors after a
reception cue (استقبله، في استقباله، من قبل) are hosts; a noun trigger followed by its genitive
(زيارة ولي العهد) names its visitor.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from services.detector.actors import ActorMention, demonym_country
from services.detector.resources import Lexicon, lexicon
from services.detector.triggers import TriggerMention
from services.detector.words import Word, clitic_readings, per_word
from shared.arabic import normalize
from shared.schemas import EventType, ParticipantKind, ParticipantRole

# How far (in words) a participant may stand from its trigger within the clause.
PARTICIPANT_WINDOW = 30
_CLAUSE_OPENERS = frozenset(
    normalize(w)
    for w in [
        "وأن", "وأنه", "وأنها", "وإن", "لكن", "ولكن", "بينما", "فيما", "حيث", "وحيث", "بعدما",
        # "عُقد لقاء بين البابا وفلان، تلاه اجتماع مع علان": what followed is another happening
        "تلاه", "تلاها", "وتلاه", "وتلاها", "أعقبه", "أعقبها", "وأعقبه", "وأعقبها",
    ]
)
_TWO_WORD_OPENERS = frozenset(
    {"في حين", "غير ان", "الا ان", "في الوقت", "وفي الوقت", "ومن المتوقع", "ومن المقرر", "ومن المنتظر", "ومن المرتقب"}
)
_TWO_WORD_FIRST = frozenset(opener.split()[0] for opener in _TWO_WORD_OPENERS)
_CONTRAST_OPENERS = frozenset(normalize(w) for w in ["لكن", "ولكن", "بينما", "فيما", "في", "غير", "الا"])
_RELATIVES = frozenset({"الذي", "التي", "اللذان", "اللتان", "الذين", "الذى"})
_INVITE_WORDS = frozenset({"دعوه", "الدعوه", "دعا", "دعت", "يدعو", "تدعو", "دعوته", "دعوتها", "دعوتهم"})
# (وجه الدعوة إلى نظيره، جدد دعوته للرئيس)
_INVITE_VERBS = frozenset({"دعا", "دعت", "يدعو", "تدعو"})
_TALKED_ABOUT = frozenset({"تحدث", "تحدثت", "يتحدث", "تتحدث"})
_COMPLEMENTIZERS = frozenset({"ان", "انه", "انها", "بان", "بانه", "انهم", "انهما"})
_HOST_CUES = (
    "استقبل",
    "يستقبل",
    "تستقبل",
    "استقبال",
    "وداع",
    "مضيف",
    "يستضيف",
    "استضاف",
    "استضافه",
    "التقي",
    "يلتقي",
    "اجتمع",
    "يجتمع",  # in a visit clause, whoever is met there hosts
    "مباحثات",  # سيتوجه إلى القاهرة لإجراء مباحثات مع الرئيس: the one talked with hosts
    "محادثات",
    "لقاء",  # زيارة بنغازي للقاء المشير: the one to be met hosts
    "اللقاء",
    "معسكر",
    "مقر",
    "قاعده",
    "قواعد",
)  # جولة على معسكرات الجيش: the army hosts
# "وكان في مقدمة مستقبليه فلان"، "على رأس مستقبليه": those who receive the visitor host.
_RECEIVERS = frozenset({"مستقبليه", "مستقبليها", "مستقبليهم", "مستقبليهما", "المستقبلين"})
_COMPANION_CUES = ("يرافقه", "يرافقها", "برفقه", "رافقه", "ورافق", "رافق", "يرافق", "ترافقه", "بصحبه", "يصحبه")
_TRAINER_CUES = frozenset(
    ["تقودها", "يقودها", "بقياده", "يقدمها", "تقدمها", "باشراف", "تنفذها", "ينفذها", "يشرف", "تشرف"]
)
_TRAINEE_CUES = frozenset({"لتدريب", "تدريب", "لتاهيل", "تاهيل", "لفايده", "لصالح", "منتسبي", "عناصر", "لعناصر"})


def clause_openers(words: list[Word]) -> list[int]:
    """Local indices of the sentence's words that open a clause, in order (computed once per sentence)."""
    return [k for k in range(len(words)) if _opens_clause(words, k)]


def clause_bounds(openers: list[int], length: int, first: int, last: int) -> tuple[int, int]:
    """[lo, hi) local word indices of the clause holding words ``first..last`` of a sentence of ``length`` words.

    ``openers``: :func:`clause_openers` of the sentence.
    """
    before = bisect_right(openers, first)
    after = bisect_right(openers, last)
    lo = openers[before - 1] if before else 0  # an opener at 0 opens the sentence itself: lo is 0 either way
    hi = openers[after] if after < len(openers) else length
    return lo, hi


def _opens_clause(words: list[Word], k: int) -> bool:
    w = words[k]
    if w.gap != " " and (";" in w.gap or "؛" in w.gap):
        return True
    norm = w.norm
    if norm in _CLAUSE_OPENERS:
        return True
    return norm in _TWO_WORD_FIRST and k + 1 < len(words) and f"{norm} {words[k + 1].norm}" in _TWO_WORD_OPENERS


_SPEECH = 1
_ABOUT = 2  # تحدث المستشار عن القمة: he speaks of it


@per_word
def _speech_kind(norm: str) -> int:
    """0, or _SPEECH for a speech verb, or _SPEECH | _ABOUT for "talked about" (any clitic reading)."""
    rests = [r for _, r in clitic_readings(norm)]
    if any(r in _TALKED_ABOUT for r in rests):
        return _SPEECH | _ABOUT
    speech = lexicon().speech_verbs
    return _SPEECH if any(r in speech for r in rests) else 0


def speaker_cut(words: list[Word], lo: int, first: int) -> int:
    """Local index before which actors are speakers of reported speech (-1 when there is none)."""
    cut = -1
    for k in range(lo, first):
        kind = _speech_kind(words[k].norm)
        if kind:
            about = kind == _SPEECH | _ABOUT
            for j in range(k + 1, first + 1):
                if words[j].norm in _COMPLEMENTIZERS or ":" in words[j].gap or (about and words[j].norm == "عن"):
                    cut = j
                    break
    return cut


_ANNOUNCE = frozenset(normalize(w) for w in ["أعلن", "أعلنت", "يعلن", "تعلن", "ذكر", "ذكرت", "أفاد", "أفادت"])
_GOVERNING = frozenset(
    normalize(w) for w in ["في", "خلال", "عقب", "بعد", "قبل", "أثناء", "بداية", "ختام", "نهاية", "هامش", "إطار"]
)


def _announced_noun(trigger: TriggerMention, words: list[Word], lo: int, first: int) -> bool:
    """An event noun without a possessive pronoun that is the object of a speech verb before it in its clause
    ("أعلنت الوزارة وصول …"; not "أعلن الرئيس زيارته", where the pronoun is the speaker)."""
    if trigger.form != "noun" or trigger.norm.endswith(("ه", "ها", "هم", "هما")) or trigger.prefix.strip("و"):
        return False  # (بزيارة، للقاء: a phrase of its own, not the object)
    if first == 0 or words[first - 1].norm in _GOVERNING:
        return False  # "في بداية الاجتماع"، "عقب اللقاء": not what is announced
    return any(words[k].reads_as(_ANNOUNCE) for k in range(lo, first))


def select(
    trigger: TriggerMention,
    words: list[Word],
    openers: list[int],
    actors: list[ActorMention],
    first: int,
    last: int,
) -> list[ActorMention]:
    """Actors of the trigger's clause that can take part (``first``/``last``: local trigger words)."""
    base = words[0].index
    lo, hi = clause_bounds(openers, len(words), first, last)
    cut = speaker_cut(words, lo, first)
    if cut < 0 and _announced_noun(trigger, words, lo, first):
        cut = first  # "أعلنت وزارة الدفاع وصول الوزير": who announces the arrival is not arriving
    chosen = []
    has_person = any(a.kind == ParticipantKind.person and lo <= a.first - base < hi for a in actors)
    host = None
    if trigger.type == EventType.visit and first - lo > PARTICIPANT_WINDOW:
        # "استقبل [a long title] فلان، [time, place], [the guest's long title] علان … الذي يزور": the one who
        # receives hosts however far the visit trigger comes after him
        receiver = _receiver_in(words, lo, first)
        if receiver is not None:
            in_clause = [a for a in actors if lo <= a.first - base < hi and not a.locative]
            host = receiver_subject(words, in_clause, receiver)
    for a in actors:
        k = a.first - base
        if not lo <= k < hi or k < cut or a.locative or (k <= last and a.last - base >= first):
            continue
        if abs(k - first) > PARTICIPANT_WINDOW and a is not host:
            continue
        if a.kind == ParticipantKind.country and trigger.type != EventType.training_agreement and has_person:
            continue
        if a.kind == ParticipantKind.country and (
            _visited(trigger, actors, a, lo, last, base) or _named_capital(trigger, words, a, base)
        ):
            continue
        chosen.append(a)
    return _without_led_delegations(words, chosen)


def _visited(
    trigger: TriggerMention, actors: list[ActorMention], country: ActorMention, lo: int, last: int, base: int
) -> bool:
    """Is ``country`` the object of a visit verb, behind its subject ("زار وفد من حكومة النظام العاصمة
    الأردنية عمان")? Then it is where the visit went, not a visitor."""
    k = country.first - base
    return (
        trigger.type == EventType.visit
        and trigger.form in ("perfective", "imperfective")
        and k > last
        and any(
            b.kind != ParticipantKind.country and not b.locative and lo <= b.first - base < k and b.last - base < k
            for b in actors
        )
    )


def _named_capital(trigger: TriggerMention, words: list[Word], country: ActorMention, base: int) -> bool:
    """"العاصمة الأردنية عمان"، "العاصمة عمان": a capital named as a capital is where a visit goes, no visitor."""
    k = country.first - base
    if trigger.type != EventType.visit or k == 0:
        return False
    before = [w.readings[-1][1] for w in words[max(0, k - 2) : k]]
    return "العاصمه" in before


# Words right before a delegation that a named traveller leads or takes along (على رأس وفد، مصحوبا بوفد).
_LEADS = frozenset(
    normalize(w)
    for w in [
        "رأس", "مصحوبا", "مصحوبة", "برفقة", "بصحبة",
        "رفقة", "يرافقه", "يرافقها", "ترافقه",
    ]
)


def _without_led_delegations(words: list[Word], chosen: list[ActorMention]) -> list[ActorMention]:
    """ "وصل فلان على رأس وفد عسكري"، "مصحوبا بوفد"، "يرافقه وفد": the delegation is the named person's
    party, not a participant of its own (spec: the visitor is the leader, for the delegation)."""
    base = words[0].index
    persons = [a.last for a in chosen if a.kind == ParticipantKind.person and a.key]
    if not persons:
        return chosen
    return [
        a
        for a in chosen
        if not (
            a.kind == ParticipantKind.organization
            and a.head == "وفد"
            and 0 < a.first - base < len(words)
            and words[a.first - base - 1].norm in _LEADS
            and any(last < a.first for last in persons)
        )
    ]


_TEACHING_VERB = re.compile(r"[وف]?س?[يتن]درب(?:ان|ون|وا)?")  # يدرب، ستدرب (not يتدرب: is trained)


def teaching_subject(
    trigger: TriggerMention, actors: list[ActorMention], first: int, last: int, base: int
) -> ActorMention | None:
    """The subject of a present "يدرب/تدرب" that opens its clause and is followed by its object (two actors
    after the verb), else None ("تركيا تدرب قوات …": the subject stands before)."""
    if trigger.form != "imperfective" or not _TEACHING_VERB.fullmatch(trigger.norm):
        return None
    if any(0 < first - (a.last - base) <= 2 for a in actors):
        return None
    after = sorted((a for a in actors if a.first - base > last), key=lambda a: a.first)
    return after[0] if len(after) >= 2 else None


def roles(
    trigger: TriggerMention,
    words: list[Word],
    actors: list[ActorMention],
    first: int,
    last: int,
) -> dict[str, ParticipantRole]:
    """Entity key -> role for the chosen actors of one mention."""
    out: dict[str, ParticipantRole] = {}
    if trigger.type == EventType.meeting:
        for a in actors:
            out.setdefault(a.entity, ParticipantRole.party)
        return out
    base = words[0].index
    if trigger.type == EventType.visit:
        return _visit_roles(trigger, words, actors, first, last, base)
    for a in actors:
        k = a.first - base
        # An actor pulled in from a neighbouring sentence has no word before it in this sentence's words.
        before = words[k - 1] if 0 < k <= len(words) else None
        previous = before.norm if before else ""
        role = ParticipantRole.party
        # "تخضع لتدريبات مع قوات أميركية": trained with them; "تدريب مشترك مع فرنسا": joint, as parties
        joint = any(w.norm.startswith(("مشترك", "المشترك")) for w in words[last + 1 : k])
        if previous in _TRAINER_CUES or (before and before.readings[-1][1] == "مع" and k > last and not joint):
            role = ParticipantRole.trainer if a.kind != ParticipantKind.person else ParticipantRole.party
        elif previous in _TRAINEE_CUES or (k == last + 1 and a.kind == ParticipantKind.organization):
            role = ParticipantRole.trainee
        out.setdefault(a.entity, role)
    return out


# Visit cues a word form carries in any clitic reading (bit flags of :func:`_visit_cues`).
_HOST_CUE = 1  # a reception/hosting word or دعوة: whoever follows hosts
_RECEIVES = 2  # استقبل، يستقبل: its subject hosts
_RECEIVER = 4  # استقبل، يستقبل، تستقبل
_INVITES = 8
_COMPANION = 16
_RECEPTION = 32  # استقبال…


@per_word
def _visit_cues(norm: str) -> int:
    """The visit cues of a word form, so that role rules test bits instead of every reading."""
    cues = 0
    for _, rest in clitic_readings(norm):
        if rest.startswith(_HOST_CUES) or rest == "دعوه" or rest in _RECEIVERS:
            cues |= _HOST_CUE
        if rest.startswith(("استقبل", "يستقبل")):
            cues |= _RECEIVES
        if rest.startswith(("استقبل", "يستقبل", "تستقبل")):
            cues |= _RECEIVER
        if rest in _INVITE_WORDS:
            cues |= _INVITES
        if rest.startswith(_COMPANION_CUES):
            cues |= _COMPANION
        if rest.startswith("استقبال"):
            cues |= _RECEPTION
    return cues


def _visit_roles(
    trigger: TriggerMention,
    words: list[Word],
    actors: list[ActorMention],
    first: int,
    last: int,
    base: int,
) -> dict[str, ParticipantRole]:
    cues = [_visit_cues(w.norm) for w in words]
    if first > 0 and words[first - 1].norm in DURING:
        # "وخلال الزيارة سيعقد فلان اجتماعات مع علان": whom the visitor meets during his visit host it
        met_from = next((k for k in range(last + 1, len(words)) if words[k].norm in ("مع", "بين")), len(words))
        return {
            a.entity: ParticipantRole.host if a.first - base > met_from else ParticipantRole.visitor for a in actors
        }
    if trigger.cue == "inspect":
        # تفقد الوزير القوات: the person inspects (visits); the units or sites inspected host, and so does
        # whoever receives him there (وكان في استقباله قائد الفرقة)
        received_from = next((k for k in range(last + 1, len(words)) if cues[k] & _RECEPTION), len(words))
        return {
            a.entity: ParticipantRole.visitor
            if a.kind == ParticipantKind.person and a.first - base < received_from
            else ParticipantRole.host
            for a in actors
        }
    host_from = None
    if trigger.cue == "reception" and (
        trigger.norm.startswith(("في", "وفي")) or trigger.norm.endswith(("استقباله", "استقبالها", "استقبالهم"))
    ):
        host_from = last + 1  # (وكانت) في استقباله فلان: whoever comes after receives the visitor
    elif trigger.cue == "reception" and trigger.norm.startswith(("كان", "وكان")):
        # "وكان في استقبال الوزير فلان لدى وصوله … علان": the genitive visits, whoever follows receives
        guest = next((a for a in actors if a.first - base == last + 1), None)
        host_from = guest.last - base + 1 if guest is not None else last + 1
    ceremony = trigger.cue == "reception" and host_from is None  # مراسم استقبال X من قبل Y
    for k, w in enumerate(words):
        if host_from is not None:
            break
        if k > last and (
            cues[k] & _HOST_CUE  # … and دعوة: بدعوة من العاهل، تلبية لدعوة الرئيس
            or (w.norm == "قبل" and k > 0 and words[k - 1].norm == "من")
        ):
            host_from = k
        elif k < first and not ceremony and cues[k] & _RECEIVES:
            host_from = None  # استقبل X Y في زيارة: the subject is the host, handled below
    welcome = next(
        (k for k in range(1, min(first, len(words))) if words[k].norm == "استقبال" and words[k - 1].norm in _IN), None
    )
    if welcome is not None and host_from is None and any(a.first - base < welcome for a in actors):
        # "وكان فلان في استقبال علان لدى وصوله": the subject before في استقبال hosts, its genitive visits
        return {a.entity: ParticipantRole.host if a.first - base < welcome else ParticipantRole.visitor for a in actors}
    out: dict[str, ParticipantRole] = {}
    receiver = next((k for k in range(min(first, len(words))) if cues[k] & _RECEIVER), None)
    if receiver is not None and (host_from is None or trigger.cue != "reception"):
        # "استقبل فلان الضيف الذي يقوم بزيارة": the subject of استقبل hosts, the rest visit; a subject
        # put first ("وكان فلان قد استقبل نظيره") hosts as well; so does an inviter after the trigger
        # ("… لزيارة مصر تلبية لدعوة من الرئيس")
        host = receiver_subject(words, actors, receiver)
        relative = next((k for k in range(max(0, first - 2), first) if words[k].norm in _RELATIVES), None)
        if host is not None and relative is not None and host.last - base == relative - 1:
            host = None  # "استقبل وزير الدفاع نظيره فلان الذي يزور": the one who visits, the host unnamed
        if host is not None and trigger.form == "noun" and host.first - base == last + 1:
            host = None  # "استقبل عباس الصفدي، وأكد أن زيارة الصفدي مهمة": the genitive of a visit visits
        hosting = host.entity if host is not None else None  # (every mention of the host: its title, its name)
        for a in actors:
            invited_by = host_from is not None and a.first - base >= host_from
            out[a.entity] = ParticipantRole.host if a.entity == hosting or invited_by else ParticipantRole.visitor
        return out
    relative = next((k for k in range(max(0, first - 2), first) if words[k].norm in _RELATIVES), None)
    if relative is not None:
        # "بحث فلان مع الوزير علان، الذي يزور بغداد": the antecedent of الذي visits, the others host
        antecedent = max((a for a in actors if a.last - base < relative), key=lambda a: a.last, default=None)
        if antecedent is not None:
            return {
                a.entity: ParticipantRole.visitor if a is antecedent else ParticipantRole.host
                for a in actors
                if a is antecedent or a.kind == ParticipantKind.person
            }
    invitation = next((k for k in range(min(first, len(words))) if cues[k] & _INVITES), None)
    if invitation is not None and words[invitation].reads_as(_INVITE_VERBS):
        # "دعا فلان نظيره إلى زيارة": the subject right after the verb invites (hosts), the object visits
        inviter = min((a for a in actors if invitation < a.first - base < first), key=lambda a: a.first, default=None)
        if inviter is not None and len(actors) > 1:
            return {a.entity: ParticipantRole.host if a is inviter else ParticipantRole.visitor for a in actors}
    fronted = _fronted_inviter(words, invitation, first) if invitation is not None else None
    if fronted is not None and any(fronted[0] < a.first - base < fronted[1] for a in actors):
        # "بدعوة كريمة من خادم الحرمين الشريفين …، يقوم الرئيس بزيارة": the inviter fronted before the visit hosts
        return {
            a.entity: ParticipantRole.host if fronted[0] < a.first - base < fronted[1] else ParticipantRole.visitor
            for a in actors
        }
    if invitation is not None and _received(words, invitation):
        # "تلقى فلان دعوة من علان لزيارة …": the one who receives the invitation visits, its sender hosts
        # (… دعوة من علان لزيارة، … دعوة لزيارة واشنطن من علان)
        near = [*range(invitation + 1, min(first, invitation + 4)), *range(last + 1, min(len(words), last + 4))]
        sender = next((k for k in near if words[k].norm == "من"), len(words))
        return {a.entity: ParticipantRole.host if a.first - base > sender else ParticipantRole.visitor for a in actors}
    if invitation is not None and any(a.first - base < invitation for a in actors):
        # "وجه فلان دعوة لنظيره لزيارة البلاد": the one who invites hosts, the invited visits
        return {
            a.entity: ParticipantRole.host if a.first - base < invitation else ParticipantRole.visitor for a in actors
        }
    genitive = next((a for a in actors if trigger.form == "noun" and 0 < a.first - base - last <= 1), None)
    companions_from = next((k for k in range(len(words)) if cues[k] & _COMPANION), None)
    named_visitors: set[str] = set()  # visitors named before the hosts' cue ("وصل فلان …")
    for a in actors:
        k = a.first - base
        if ceremony and k > last:
            # مراسم استقبال/وداع لفلان: the one it is held for visits; the officials attending host
            for_whom = words[k].readings[-1][0].endswith("ل") and k <= last + 3
            out[a.entity] = ParticipantRole.visitor if for_whom else ParticipantRole.host
        elif host_from is not None and k >= host_from:
            if a.entity not in named_visitors:  # "وصل فلان …، وكان في استقبال فلان علان": he stays the visitor
                out[a.entity] = ParticipantRole.host
        elif genitive is not None and a is not genitive and not (companions_from is not None and k > companions_from):
            continue  # زيارة ولي العهد …: the genitive is the visitor; others in the clause are not
        else:
            out.setdefault(a.entity, ParticipantRole.visitor)
            if a.name_first >= 0 and out[a.entity] == ParticipantRole.visitor:
                named_visitors.add(a.entity)
    return out


_IN = frozenset({"في", "وفي"})
DURING = frozenset({"خلال", "وخلال", "اثناء", "واثناء"})  # "خلال الزيارة": the event told before frames another
_BEFORE_VERB = frozenset({"قد", "وقد", "لقد", "فقد"})
# Verbs of receiving (تلقى دعوة، تسلم دعوة), honouring or declining one (لبى، اعتذر عن تلبية): their subject is
# the one invited.
_RECEIVE_VERBS = frozenset(
    normalize(w)
    for w in [
        "تلقى", "تلقت", "يتلقى", "تتلقى", "تسلم", "تسلمت", "يتسلم", "تتسلم", "استلم", "استلمت", "يستلم", "تستلم",
        "لبى", "لبت", "يلبي", "تلبي", "اعتذر", "اعتذرت", "يعتذر", "تعتذر",
    ]
)


def _fronted_inviter(words: list[Word], invitation: int, first: int) -> tuple[int, int] | None:
    """The span of the inviter's phrase of a fronted "بدعوة (كريمة) من …" (to its comma, or the trigger), if the
    invitation noun opens the clause and من follows it within three words."""
    if not (invitation == 0 or words[invitation].breaks_before) or not words[invitation].norm.startswith(
        ("بدعوه", "وبدعوه")
    ):
        return None
    if not any(words[j].norm == "من" for j in range(invitation + 1, min(invitation + 4, first))):
        return None
    return invitation, next((k for k in range(invitation + 2, first) if words[k].breaks_before), first)


def _received(words: list[Word], invitation: int) -> bool:
    """A verb of receiving, honouring or declining stands within eight words before the invitation noun
    (تلقى الرئيس … دعوة، اعتذر الرئيس عن عدم تلبية دعوة)."""
    return any(words[k].reads_as(_RECEIVE_VERBS) for k in range(max(0, invitation - 8), invitation))


def receiver_subject(words: list[Word], actors: list[ActorMention], receiver: int) -> ActorMention | None:
    """The subject of the reception verb at local index ``receiver``: the person right before it (فلان قد
    استقبل), else the first person after it (استقبل فلان الضيف)."""
    base = words[0].index
    gap = receiver
    while gap > 0 and words[gap - 1].norm in _BEFORE_VERB:
        gap -= 1
    before = next((a for a in actors if a.last - base == gap - 1 and a.kind == ParticipantKind.person), None)
    if before is not None:
        return before
    return next((a for a in actors if a.first - base > receiver and a.kind == ParticipantKind.person), None)


def _receiver_in(words: list[Word], lo: int, first: int) -> int | None:
    """Local index of a reception verb (استقبل، يستقبل، تستقبل) in ``[lo, first)``, or None."""
    return next((k for k in range(lo, first) if _visit_cues(words[k].norm) & _RECEIVER), None)


CITY = "city:"  # a destination named as a town (مدينة سرت): one leg of a trip, its own visit
_DESTINATION_NOUNS = frozenset(normalize(w) for w in ["مدينة", "العاصمة", "بلدة", "منطقة", "ولاية", "محافظة", "قاعدة"])


def destination(words: list[Word], last: int, lex: Lexicon, travel: bool = False) -> str | None:
    """Where a visit mention goes, when the words right after the trigger say it (زيارته مدينة سرت), or,
    after a travel verb (``travel``), its إلى further on ("توجه الرئيس، صباح اليوم، إلى العاصمة أسمرا").

    Capitals map to their country (القاهرة ~ مصر) so that two wordings of one trip still agree.
    """
    if travel:
        last = next((k - 1 for k in range(last + 1, min(len(words), last + 17)) if words[k].norm in ("الي", "نحو")),
                    last)
    k = last + 1
    if k < len(words) and (words[k].readings[-1][1] in ("الي", "نحو") or words[k].norm in ("الي", "نحو")):
        k += 1
    if k >= len(words) or words[k].breaks_before:
        return None
    rests = [rest for _, rest in words[k].readings]
    if any(r in _DESTINATION_NOUNS or r.removeprefix("ال") in _DESTINATION_NOUNS for r in rests) and k + 1 < len(words):
        nxt = words[k + 1]
        if nxt.breaks_before:
            return None
        country = lex.country_by_capital.get(nxt.norm) or lex.country_by_name.get(nxt.norm)
        if country is None and "عاصمه" in "".join(rests):
            country = demonym_country(nxt, lex)  # العاصمة الإريترية: the capital of Eritrea
        return country.name if country else f"{CITY}{nxt.norm}"
    for rest in rests:
        country = lex.country_by_name.get(rest) or lex.country_by_capital.get(rest)
        if country is not None:
            return country.name
    return None


def elided_subject(
    trigger: TriggerMention,
    words: list[Word],
    openers: list[int],
    actors: list[ActorMention],
    first: int,
    chosen: list[ActorMention],
) -> list[ActorMention]:
    """ "وصل الوفد إلى باماكو، حيث التقى فلانا": a clause with no subject of its own shares the sentence's.

    Applies to a verb opening its clause, and to any trigger of a clause that names no one before it
    ("…، ومن المتوقع أن يجري محادثات مع فلان").
    """
    if trigger.type == EventType.training_agreement or first == 0:
        return []
    lo, _ = clause_bounds(openers, len(words), first, first)
    base = words[0].index
    own_subject = any(lo <= a.first - base < first for a in actors)
    contrast = words[lo].norm in _CONTRAST_OPENERS  # بينما، لكن: a new subject follows
    if lo == 0 or own_subject or contrast or (trigger.form in ("noun", "participle", "phrase") and first - lo > 6):
        return []
    cut = speaker_cut(words, 0, lo)
    before = [a for a in actors if cut <= a.first - base < lo and a.kind != ParticipantKind.country and not a.locative]
    persons = [a for a in before if a.kind == ParticipantKind.person and a.entity]
    subject = persons[0] if persons else (before[0] if before else None)
    return [subject] if subject is not None and subject not in chosen else []


_BETWEEN_SKIP_STOPS = frozenset({"في", "مع", "من", "حول", "عن", "علي", "الي"})


def between_parties(words: list[Word], last: int, actors: list[ActorMention]) -> list[ActorMention]:
    """ "محادثات سلام بين موسكو وكييف"، "القمة المرتقبة بين الرئيسين": the sides joined by بين … و are the parties.

    Whoever speaks of the talks or offers to host them is then not a side. Empty unless two sides are named.
    """
    k = last + 1
    while k < len(words) and k - last <= 3 and words[k].norm != "بين":
        w = words[k]
        if w.breaks_before or w.norm in _BETWEEN_SKIP_STOPS or not _PREPOSITIONS.isdisjoint(w.readings[-1][0]):
            return []  # "لتعزيز التعاون بين البلدين": the بين of another noun
        k += 1
    if k >= len(words) or words[k].norm != "بين" or words[k].breaks_before:
        return []
    base = words[0].index
    start = k + 1 + (k + 2 < len(words) and words[k + 1].norm == "كل" and words[k + 2].norm == "من") * 2
    chosen: list[ActorMention] = []
    expected = start
    for a in sorted(actors, key=lambda a: a.first):
        at = a.first - base
        if chosen and at == chosen[-1].first - base:
            chosen.append(a)  # the second of a dual title ("الرئيسين الروسي والتركي") starts where the first does
        elif at == expected and (not chosen or words[at].readings[-1][0].startswith("و")):
            chosen.append(a)
        else:
            continue
        expected = a.last - base + 1
    return chosen if len({a.entity for a in chosen}) >= 2 else []


_PREPOSITIONS = frozenset("بل")


def demonym_parties(words: list[Word], last: int, lex: Lexicon, body: str) -> list[ActorMention]:
    """ "التمرين العسكري المشترك التونسي الأمريكي": demonyms that qualify the trigger name its parties."""
    out: list[ActorMention] = []
    k = last + 1
    while k < len(words) and k - last <= 5 and not words[k].breaks_before:
        country = demonym_country(words[k], lex)
        if country is not None:
            out.append(country_at_word(words[k], country.name))
        elif not (
            words[k].norm.startswith("ال")
            or words[k].readings[-1][1].startswith("ال")
            or "ال" + words[k].norm in lex.adjectives  # "مناورات عسكرية روسية جزائرية": an indefinite adjective
            or "ال" + words[k].norm in lex.military_words
        ):
            break
        k += 1
    return out if len(out) >= 2 else []


def country_at_word(word: Word, country: str) -> ActorMention:
    """A country named by one word (a demonym, بلاده), already resolved to its entity."""
    i = word.index
    return ActorMention(
        ParticipantKind.country, word.sentence, i, i, i, i,
        name=country, key=country, affiliation=country, entity=f"c:{country}",
    )


_OWN_COUNTRY = frozenset({"بلاده", "بلادها", "بلده", "بلدها", "لبلاده", "لبلادها", "وبلاده"})


def own_country(
    words: list[Word], actors: list[ActorMention], first: int, entities_affiliation: dict[str, str | None]
) -> list[ActorMention]:
    """ "قال الوزير الروسي إن بلاده مستعدة لتدريب …": بلاده before the trigger is the speaker's country.

    ``entities_affiliation``: entity key -> country, for the persons of the sentence.
    """
    base = words[0].index
    own = next((k for k in range(first - 1, -1, -1) if words[k].norm in _OWN_COUNTRY), None)
    if own is None:
        return []
    speaker = next(
        (
            a
            for a in reversed(actors)
            if a.last - base < own and a.kind == ParticipantKind.person and entities_affiliation.get(a.entity)
        ),
        None,
    )
    if speaker is None:
        return []
    return [country_at_word(words[own], entities_affiliation[speaker.entity] or "")]
