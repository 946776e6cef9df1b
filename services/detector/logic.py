"""Event detection: segmented article -> typed events with participants, status, date. Pure.

Steps (one module each): triggers.py finds trigger words; actors.py finds persons, organisations and
countries; coref.py resolves short forms and bare titles; status.py and dates.py read modality and time
around each trigger; merging.py groups the mentions of one happening; codes.py and confidence.py
finish each event.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import replace
from functools import cache
from itertools import groupby, pairwise, repeat
from operator import attrgetter

from services.detector import participants
from services.detector.actors import (
    ActorMention,
    article_name_words,
    demonym_country,
    sentence_actors,
    speech_verb,
)
from services.detector.codes import cameo_plover
from services.detector.confidence import confidence
from services.detector.coref import Entity, resolve
from services.detector.dates import event_date, explicit_year
from services.detector.merging import EventMention, MergedEvent, merge
from services.detector.prefilter import TextWords
from services.detector.resources import Lexicon, lexicon, trigger_word_list
from services.detector.status import WEEKDAY_NAMES, clause_index, mention_status
from services.detector.triggers import TriggerMention, find_triggers
from services.detector.words import Word, article_words, clitic_readings, per_word
from shared.arabic import NormalizedView, normalize, normalized_view
from shared.schemas import (
    DetectedEvent,
    DetectedEvents,
    EventStatus,
    EventType,
    Evidence,
    Participant,
    ParticipantKind,
    ParticipantRole,
    SegmentedArticle,
    Trigger,
)

# "وكان من المقرر أن"، "التي كانت مقررة": a plan told in the past tense
_PAST_PLAN = re.compile(r"(?<!\w)(?:و)?(?:كان|كانت)\s+(?:من\s+)?(?:ال)?مقرر(?:ا|ه)?(?!\w)")
_CALLING_OFF = r"[وف]?(?:الغي|الغت|الغيت|الغاء|بالغاء|ارجيت|ارجات|ارجا|ارجاء|بارجاء|تاجيل|بتاجيل|اجلت|تاجلت)"
_CALLED_OFF = re.compile(rf"(?<!\w){_CALLING_OFF}(?!\w)")
# … right next to the event it cancels: "إلغاء (هذه) الزيارة"، "الزيارة أُلغيت"
_CANCELLING_BEFORE = re.compile(rf"(?<!\w){_CALLING_OFF}\s+(?:(?:هذه|هذا|تلك|ذلك)\s+)?$")
_CANCELLED_AFTER = re.compile(rf"\s+(?:قد\s+)?{_CALLING_OFF}(?!\w)")
# … to a date ahead ("أرجئت إلى الأسبوع المقبل"، "تأجيل موعد وصوله … إلى الأحد"): still planned, not called off
_NEW_DATE = re.compile(
    r"(?:\s+\S+){0,4}?\s+(?:الي|حتي)\s+(?:ال)?(?:اسبوع|شهر|عام)\s+(?:ال)?(?:مقبل|قادم)"
    r"|(?:\s+\S+){0,4}?\s+(?:الي|حتي)\s+(?:غد|يوم)"
    rf"|(?:\s+\S+){{0,12}}?[\s,]+(?:الي|حتي)\s+(?:ال)?(?:{WEEKDAY_NAMES}|\d)"
)
_ROUND_WORDS = frozenset(
    ["ثانيه", "ثالثه", "رابعه", "خامسه", "اولي", "جديده", "اخيره", "من", "اخري", "مفاوضات", "محادثات", "الاعاده"]
) | {"مباحثات", "مشاورات", "حوار"}
_TALKS = frozenset(
    {"المحادثات", "المفاوضات", "محادثات", "مفاوضات", "مباحثات", "المباحثات", "مشاورات", "المشاورات", "حوار", "الحوار"}
)
_BACK_REFERENCES = frozenset(
    {"جاء ذلك", "وجاء ذلك", "جاء هذا", "وجاء هذا", "ياتي ذلك", "وياتي ذلك", "تم ذلك", "وتم ذلك"}
)
_ANOTHER = frozenset({"مماثله", "مماثل"})  # (normalised) another one of its kind
_GUESTS = frozenset({"الضيف", "ضيفه", "ضيفها", "ضيفهم", "الزاير"})  # the visitor, named before
_SEQUEL = frozenset({"عقب", "بعد", "قبل", "اثر", "غداه", "قبيل"})
_ATTENDANCE = frozenset(
    normalize(w)
    for w in ["حضر", "وحضر", "حضرت", "وحضرت", "بحضور", "وبحضور", "شارك", "وشارك", "شاركت", "حضره", "حضرها", "وحضره"]
)
_MARGIN = frozenset({"هامش"})  # "على هامش القمة": a side meeting (already normalised)
_MARGIN_FORMS = _MARGIN | {"هامشها", "هامشه", "هامشهما", "هامشهم"}  # "يلتقي على هامشها": of the summit before
# "على هامش أعمال القمة": words between هامش and the event it frames
_FRAME_FILLERS = frozenset(
    normalize(w) for w in ["أعمال", "فعاليات", "انعقاد", "أشغال", "اجتماعات", "مشاركته", "مشاركتها"]
)
_BOTH_SIDES = frozenset(normalize(w) for w in ["الطرفان", "الطرفين", "الجانبان", "الجانبين", "البلدان", "البلدين"])
_SENTENCE = attrgetter("sentence")
# Nouns whose genitive is a happening already held: "لمتابعة نتائج المباحثات" refers back to talks that took place.
_OUTCOMES = frozenset(
    normalize(w) for w in ["نتائج", "نتيجة", "مخرجات", "ثمار", "حصيلة", "مقررات", "توصيات", "ختام", "اختتام"]
)
_WITH_PRONOUN = frozenset({"معه", "معها", "معهم", "معهما"})
_RELATIVES = frozenset({"الذي", "التي", "اللذان", "اللتان", "الذين"})


class _Article:
    """Per-article indexes the event builder needs."""

    def __init__(self, segmented: SegmentedArticle, view: NormalizedView) -> None:
        self.segmented = segmented
        self.body = segmented.article.body
        self.view = view
        self.words: list[Word] = article_words(segmented)
        self.word_starts: list[int] = segmented.tokens.start  # the token column itself (only read)
        self.by_sentence: dict[int, list[Word]] = defaultdict(list)
        for sentence, run in groupby(self.words, _SENTENCE):  # a sentence's words are one run: one extend
            self.by_sentence[sentence].extend(run)
        self._sports_words: int | None = None
        self._called_off: bool | None = None
        self._sports_sentences: dict[int, bool] = {}
        self._clause_openers: dict[int, list[int]] = {}
        self._sentence_words: dict[int, TextWords] = {}
        self._sentence_norms: dict[int, tuple[str, int]] = {}
        self.last_sides: list[ActorMention] = []  # the latest mention's parties, when it had two or more
        self.last_talks: tuple[int, list[ActorMention]] | None = None  # sentence and persons of the latest meeting
        self.last_visit_status: EventStatus | None = None  # the status of the latest visit mention
        self.last_receiver: tuple[int, ActorMention] | None = None  # sentence and subject of the latest استقبل
        self.last_visitor: ActorMention | None = None  # the person visiting in the latest visit mention naming one
        self.trigger_starts: list[int] = []  # body offsets of every trigger, in order (set by detect)
        self.triggers: list[TriggerMention] = []  # every trigger, in order (set by detect)
        self.trigger_words: set[int] = set()  # indices of the words of every trigger (set by detect)
        self._return_at: int | None = None

    def returned_before(self, offset: int) -> bool:
        """Does the article tell, before ``offset``, that someone came home after a visit ("عاد … إلى السودان
        عقب زيارة رسمية إلى أسمرا")? Then a welcome or an arrival after it is the return, not a visit."""
        if self._return_at is None:
            found = _RETURNED.search(self.view.text)
            self._return_at = self.view.offsets[found.start()] if found is not None else -1
        return 0 <= self._return_at < offset

    @property
    def called_off(self) -> bool:
        """Does the article report something cancelled or put off without a new date (ألغيت، تأجيل … إلى أجل)?"""
        if self._called_off is None:
            self._called_off = any(
                not _NEW_DATE.match(self.view.text, m.end()) for m in _CALLED_OFF.finditer(self.view.text)
            )
        return self._called_off

    @property
    def sports_words(self) -> int:
        """How many sports words the article has (counted on first need: most articles never ask)."""
        if self._sports_words is None:
            self._sports_words = sum(map(_is_sports, [w.norm for w in self.words]))
        return self._sports_words

    def sports_sentence(self, sentence: int) -> bool:
        """Does the sentence name a match or a tournament? (once per sentence)"""
        found = self._sports_sentences.get(sentence)
        if found is None:
            sports = [w.norm for w in self.by_sentence[sentence] if _is_sports(w.norm)]
            # "هدفه الحفاظ على الأمن"، "مدربين عسكريين"، "لاعب رئيسي": one such word alone is no match report
            found = len(sports) >= 2 or any(_bare(n) not in _AMBIGUOUS_SPORTS for n in sports)
            self._sports_sentences[sentence] = found
        return found

    def clause_openers(self, sentence: int) -> list[int]:
        """Where the sentence's clauses open (once per sentence: its triggers share them)."""
        found = self._clause_openers.get(sentence)
        if found is None:
            found = self._clause_openers[sentence] = participants.clause_openers(self.by_sentence[sentence])
        return found

    def view_index(self, offset: int) -> int:
        return bisect_left(self.view.offsets, offset)

    def words_in(self, start: int, end: int) -> list[int]:
        k = bisect_left(self.word_starts, start)
        if k > 0 and self.words[k - 1].end > start:
            k -= 1
        out = []
        while k < len(self.words) and self.words[k].start < end:
            out.append(k)
            k += 1
        return out

    def sentence_norm(self, sentence: int) -> tuple[str, int]:
        """Normalised text of a sentence and its offset in the view (once per sentence)."""
        found = self._sentence_norms.get(sentence)
        if found is None:
            s = self.segmented.sentences[sentence]
            a, b = self.view_index(s.start), self.view_index(s.end)
            found = self._sentence_norms[sentence] = (self.view.text[a:b], a)
        return found

    def sentence_words(self, sentence: int) -> TextWords:
        """The word runs of the sentence's normalised text (once per sentence: they gate the cue searches)."""
        found = self._sentence_words.get(sentence)
        if found is None:
            found = self._sentence_words[sentence] = TextWords(self.sentence_norm(sentence)[0])
        return found


def detect(segmented: SegmentedArticle) -> DetectedEvents:
    """Find the meetings, visits and training agreements the article reports (spec/EVENTS.md)."""
    view = normalized_view(segmented.article.body)
    tokens = segmented.tokens
    if len(view.text) == len(view.original):  # nothing dropped: view offsets are body offsets
        starts = tokens.start
    else:
        starts = list(map(bisect_left, repeat(view.offsets), tokens.start))  # one C-level pass
    found = find_triggers(view, starts, tokens.norm)
    if not found:  # most news has no meeting, visit or training: no words or actors to build
        return DetectedEvents(article=segmented.article, sentences=segmented.sentences, events=[])
    doc = _Article(segmented, view)
    lex = lexicon()
    triggers = [t for t in found if doc.words_in(t.start, t.end)]
    if not triggers:
        return DetectedEvents(article=segmented.article, sentences=segmented.sentences, events=[])
    trigger_words = doc.trigger_words = {k for t in triggers for k in doc.words_in(t.start, t.end)}
    actors: list[ActorMention] = []
    article_names = article_name_words(doc.words, lex)
    maqsura_marked = "على" in doc.body  # the preposition spelled with ى: then علي is the name
    for sentence_words in doc.by_sentence.values():
        actors.extend(sentence_actors(doc.body, sentence_words, trigger_words, article_names, maqsura_marked))
    entities = resolve(actors, doc.words, doc.body)
    actors_by_sentence: dict[int, list[ActorMention]] = defaultdict(list)
    for actor in actors:
        if actor.entity:
            actors_by_sentence[actor.sentence].append(actor)
    mentions = []
    doc.trigger_starts = [t.start for t in triggers]
    doc.triggers = triggers
    for trigger in triggers:
        mention = _event_mention(doc, lex, trigger, actors_by_sentence, entities)
        if mention is not None:
            if trigger.type == EventType.visit:
                parts = _tour_legs(doc, lex, trigger, mention)
            else:
                parts = _bilateral_series(doc, trigger, mention, actors_by_sentence[mention.sentence])
            mentions.extend(parts or [mention])
    _visiting_guests(doc, mentions)
    # "كما حضره فلان" only adds attendees to the meeting told before: alone it is no event
    events = [e for e in merge(mentions) if e.participants and any(m.cue != "attendance" for m in e.mentions)]
    _guests_met(events)
    _hosts_met(events)
    _companions(doc, events, actors_by_sentence)
    _signers(doc, events, actors_by_sentence)
    _received_today(doc, events)
    events = _without_legs_done(events)
    return DetectedEvents(
        article=segmented.article,
        sentences=segmented.sentences,
        events=[_build(doc, e, entities) for e in events],
    )


def _event_mention(
    doc: _Article,
    lex: Lexicon,
    trigger: TriggerMention,
    actors_by_sentence: dict[int, list[ActorMention]],
    entities: dict[str, Entity],
) -> EventMention | None:
    word_ids = doc.words_in(trigger.start, trigger.end)
    first, last = word_ids[0], word_ids[-1]
    sentence = doc.words[first].sentence
    words = doc.by_sentence[sentence]
    local_first = first - words[0].index
    local_last = last - words[0].index
    norms = [w.norm for w in words]
    if doc.sports_sentence(sentence):
        return None  # a match or a tournament: sports, not diplomacy
    if trigger.form == "noun" and trigger.type != EventType.training_agreement and doc.sports_words >= 3:
        return None  # "اللقاء" in a sports story is a match
    after = norms[local_last + 1 :]
    before = norms[:local_first]
    if _hypothetical(lex, before):
        return None  # "اعتبر المحلل أن أي لقاء … لن ينجح": a view about a possible event, not an event
    if trigger.form in ("noun", "phrase") and before and before[-1] in _ANY and not _NEGATORS.intersection(before[-5:]):
        return None  # "أي اتصال هاتفي للرئيس يتم الإعلان عنه": any such event ("لم يعقد أي لقاء": none was held)
    if trigger.type == EventType.visit and trigger.cue == "reception" and _home_farewell(doc, trigger):
        return None  # "توجه فلان إلى أسمرا … وكان في وداعه بمطار بورتسودان علان": seen off at home, not hosted
    if trigger.type == EventType.visit and trigger.cue in ("reception", "arrival") and doc.returned_before(
        trigger.start
    ):
        return None  # "عاد … عقب زيارة إلى أسمرا. وكان في استقباله لدى وصوله مطار بورتسودان …": the welcome home
    # "غادر … متوجها إلى": where a departure's onward destination starts (None: no onward word)
    onward = (
        next((j for j in range(local_last + 1, len(words)) if _ONWARD.match(words[j].norm)), None)
        if trigger.cue == "departure"
        else None
    )
    if onward is not None and _sets_out_from_home(lex, words, onward):
        return None  # "غادر الوزير الإيراني طهران متوجها إلى الرياض": leaving home is no visit; the trip is onward
    if trigger.form == "imperfective" and _HABITUAL.intersection(after[:_HABITUAL_WINDOW]):
        return None  # "كما يجتمع البلدان سنويا": what happens every year, not a happening
    if not _passes(doc, lex, trigger, sentence, norms, before, after, actors_by_sentence[sentence], first, last):
        return None
    openers = doc.clause_openers(sentence)
    sides = participants.between_parties(words, _before_between(words, local_last), actors_by_sentence[sentence])
    candidates = sides or participants.select(
        trigger, words, openers, actors_by_sentence[sentence], local_first, local_last
    )
    if not sides:
        candidates += participants.elided_subject(
            trigger, words, openers, actors_by_sentence[sentence], local_first, candidates
        )
    if not sides and (trigger.type == EventType.training_agreement or not candidates):
        candidates += participants.demonym_parties(words, local_last, lex, doc.body)
    if (
        not sides
        and trigger.type != EventType.visit
        and not any(a.kind != ParticipantKind.country for a in candidates)
    ):
        affiliations = {a.entity: entities[a.entity].affiliation for a in actors_by_sentence[sentence]}
        for a in participants.own_country(words, actors_by_sentence[sentence], local_first, affiliations):
            known = entities.get(a.entity)
            if known is not None and known.name != a.name:  # موسكو elsewhere: the country's own name is fuller
                known.aliases.append(known.name)
                known.name = a.name
            if a.entity not in {c.entity for c in candidates}:
                candidates.append(a)
    candidates = [a for a in candidates if not _venue_subject(doc, lex, a) and not _since_when(words, a)]
    if trigger.type == EventType.meeting:  # (the sender of an invitation may host the visit it proposes)
        candidates = [a for a in candidates if not _message_sender(doc, a)]
    if trigger.type == EventType.meeting and not sides:
        candidates = [a for a in candidates if not _topic_or_venue(words, a, local_last)]
        gathering = _margin_gathering(words, local_first) if "هامش" in doc.sentence_norm(sentence)[0] else None
        if gathering is not None:  # "على هامش الاجتماع الوزاري لحلف الناتو، التقى …": the host body is no side
            candidates = [
                a
                for a in candidates
                if a.kind == ParticipantKind.person or not gathering[0] <= a.first - words[0].index < gathering[1]
            ]
    elif trigger.type == EventType.training_agreement:
        candidates = [a for a in candidates if not _topic_or_venue(words, a, -1)]  # the venue only
    else:  # "وصل … للمشاركة في الاجتماع الوزاري لمجموعة العشرين": the gathering's body is no visitor
        if any(a.kind == ParticipantKind.organization for a in candidates):
            candidates = [a for a in candidates if not _attended_body(words, a)]
    if not any(a.kind == ParticipantKind.person for a in candidates) and _opinion_holder(lex, before):
        return None  # "يرى مراقبون أن … تدريب الجيوش": an analyst's view, not a reported event
    for a in candidates:
        if a.entity not in entities:  # parties named only by demonyms get their country entity here
            entities[a.entity] = Entity(
                a.entity, a.kind, a.name, (a.key,), affiliation=a.affiliation, first_word=a.first
            )
    told_before = _told_before(doc, trigger, sentence)
    referring = (
        _demonstrative_reference(doc, trigger, norms, local_first)
        or (told_before and all(a.kind != ParticipantKind.person for a in candidates))
        or _upon_arrival(doc, trigger, norms, local_first, sentence)
    )
    # "وسوف يجري فلان خلال الزيارة مباحثات": the visit told before, whatever the talks' tense; whom he meets hosts it
    framed = told_before and local_first > 0 and norms[local_first - 1] in _DURING
    if referring:
        # "وتندرج هذه الزيارة في إطار … توجيهات قائدي البلدين", "أن تشهد الزيارة مباحثات بين الجانبين المصري
        # والعراقي": the visit told before; the names around it are not its parties
        candidates = []
    elif not candidates and _BOTH_SIDES.intersection(norms):
        # "وأضاف أن الجانبين بحثا … تدريبات": the two sides are the parties of the event reported last (not
        # whoever reports it), else those of the sentence before; "الزيارات بين الجانبين" are visits both
        # ways, so the sides of a visit are not both its visitors
        sides = doc.last_sides if trigger.type != EventType.visit else []
        candidates += sides or [a for a in actors_by_sentence.get(sentence - 1, []) if not a.locative]
    if not referring and " ".join(norms[:2]) in _BACK_REFERENCES and not (len(norms) > 2 and norms[2] in _SEQUEL):
        # ("جاء هذا عقب استقبال …": what came before is another happening)
        # "جاء ذلك خلال لقاء ...": the parties are those of the sentence before
        candidates += [
            a for a in actors_by_sentence.get(sentence - 1, []) if not a.locative and a.kind != ParticipantKind.country
        ]
    if trigger.type == EventType.training_agreement:
        candidates += _partners_after_with(words, local_last, actors_by_sentence[sentence], candidates)
        for other in (sentence - 1, sentence + 1):
            other_words = doc.by_sentence.get(other, [])
            if any(map(_is_participation, [w.norm for w in other_words])):
                candidates += [a for a in actors_by_sentence.get(other, []) if not a.locative]
    if trigger.type == EventType.meeting:
        candidates += _leaders_of(words, candidates, entities)
        candidates = _officials_for_countries(lex, candidates, actors_by_sentence[sentence], entities)
    if trigger.type == EventType.meeting and trigger.cue == "host" and trigger.form != "noun":
        candidates += _receiver_again(doc, sentence, words, local_first, candidates)
    another = trigger.form == "noun" and bool(after) and after[0] in _ANOTHER
    if another:  # "وتأتي زيارة فلان بعد زيارة مماثلة للرئيس علان": the similar visit is علان's
        candidates = [a for a in candidates if a.first > last]
    if onward is not None:  # "غادر … الإمارات متوجها إلى مصر للقاء السيسي": he hosts the next stop
        candidates = [a for a in candidates if a.first < words[onward].index]
    if "party" in trigger.needs and not candidates:
        return None
    candidates = _pronoun_antecedent(trigger, words, candidates, local_first)
    candidates += _speaker_of_pronoun(trigger, words, candidates, actors_by_sentence[sentence], local_first)
    if len({a.entity for a in candidates}) >= 2 and trigger.type != EventType.visit:
        doc.last_sides = candidates
        persons = [a for a in candidates if a.kind == ParticipantKind.person]
        if trigger.type == EventType.meeting and len({a.entity for a in persons}) >= 2:
            doc.last_talks = (sentence, persons)
    text, offset = doc.sentence_norm(sentence)
    text_words = doc.sentence_words(sentence)
    t0 = doc.view_index(trigger.start) - offset
    t1 = doc.view_index(trigger.end) - offset
    reading = mention_status(
        text, t0, t1, trigger.form, trigger.prefix, text_words, right_stop=_next_trigger(doc, trigger, sentence, offset)
    )
    status = reading.status
    if (
        trigger.form == "imperfective"
        and not reading.cued
        and status == EventStatus.planned
        and any(a.last == first - 1 for a in actors_by_sentence[sentence])
    ):
        status = EventStatus.occurred  # "الوزير يلتقي نظيره": a headline's present tense reports, it does not plan
    if (
        trigger.type == EventType.meeting
        and trigger.form == "imperfective"
        and not reading.cued
        and status == EventStatus.occurred
        and doc.last_visit_status == EventStatus.planned
        and _during_the_visit(before[-4:] + after[:6])
    ):
        status = EventStatus.planned  # "يلتقي الرئيس خلالها بالملك": the meetings of a visit still ahead are ahead
    if (
        trigger.type in (EventType.visit, EventType.meeting)
        and trigger.form == "noun"
        and not reading.cued
        and (trigger.type == EventType.visit or trigger.prefix.endswith("ل"))
        and any(_ONWARD.match(n) for n in before[-6:])
    ):
        # "متوجها إلى طوكيو في زيارة رسمية", "متوجها إلى مصر للقاء الرئيس": the visit the traveller is on his way
        # to, and whom he goes to meet, are ahead
        status = EventStatus.planned
    if trigger.type == EventType.visit:
        doc.last_visit_status = status
    if status == EventStatus.planned and doc.called_off and _PAST_PLAN.search(text, max(0, t0 - 45), t0):
        status = EventStatus.denied  # "وكان من المقرر أن يزور …" in a story of its cancellation: it did not happen
    if trigger.cue == "onward":
        status = EventStatus.planned
    # "أُلغيت الزيارة"، "إلغاء هذه الزيارة": a referring mention that cancels the event told before
    cancels = referring and bool(
        _CANCELLING_BEFORE.search(text[max(0, t0 - 30) : t0]) or _CANCELLED_AFTER.match(text, t1)
    )
    if (
        trigger.cue == "agreement"
        and status == EventStatus.proposed
        and any(n in _SIGNED for n in before[-4:])
    ):
        status = EventStatus.occurred  # "أبرمت روسيا والنيجر اتفاقية عسكرية جديدة": signed, whatever is new
    if (
        trigger.type == EventType.training_agreement
        and not reading.cued
        and status == EventStatus.occurred
        and any(_DISCUSSED.intersection(r for _, r in w.readings) for w in words[:local_first])
        and not _ongoing_relative(norms[local_last + 1 : local_last + 7])
    ):
        status = EventStatus.proposed  # "بحث الوزير مع السفير … تدريب عناصر الشرطة": a topic, not a held training
    outcome_of = (
        trigger.form == "noun"
        and "ال" in trigger.prefix
        and local_first > 0
        and words[local_first - 1].reads_as(_OUTCOMES)
    )
    if outcome_of:
        status = EventStatus.occurred  # its results exist: whatever the clause plans, the talks were held
    clause_start, clause_end = max(0, t0 - 60), t1 + 110  # "استقبل … في قصر السلام بجدة اليوم": the day far after
    clause = text[clause_start:clause_end]
    year = explicit_year(text[t1 : t1 + 60], text[max(0, t0 - 30) : t0])
    published = doc.segmented.article.published_at
    if year is not None and published is not None and year == published.year:
        year = None
    date = event_date(
        clause, published, looking_ahead=status == EventStatus.planned, words=text_words.of(clause_start, clause_end)
    )
    if reading.weekday and date is not None and date == published:
        status = EventStatus.occurred  # "يصل ولي العهد الأحد" in Sunday's paper: today's news
    if trigger.type == EventType.training_agreement and not referring:
        candidates += _negotiators(doc, sentence, before, candidates, status)
    if (
        trigger.type == EventType.meeting
        and doc.last_visitor is not None
        and doc.last_visitor.entity not in {a.entity for a in candidates}
        and any(w.reads_as(_GUESTS) for w in words[max(0, local_first - 4) : local_last + 5])
    ):
        candidates.append(doc.last_visitor)  # "كما سيلتقي الضيف الزائر برئيس الجمهورية": the visitor told before
    roles = participants.roles(trigger, words, candidates, local_first, local_last)
    if trigger.type == EventType.visit:
        doc.last_visitor = next(
            (a for a in reversed(candidates)
             if roles.get(a.entity) == ParticipantRole.visitor and a.kind == ParticipantKind.person),
            doc.last_visitor,
        )
    if trigger.type == EventType.visit and {ParticipantRole.visitor, ParticipantRole.host} <= set(roles.values()):
        doc.last_sides = candidates  # the sides of a visit are its visitor and its host, not two visitors
    if framed and trigger.type == EventType.visit and _met_before(doc, trigger, first):
        for a in candidates:  # "يلتقي الرئيس خلال الزيارة الرئيس البرتغالي": whom he meets hosts the visit
            if a.first > last and a.kind == ParticipantKind.person:
                roles[a.entity] = ParticipantRole.host
    if trigger.type == EventType.training_agreement and trigger.form == "imperfective":
        teacher = participants.teaching_subject(trigger, candidates, local_first, local_last, words[0].index)
        for a in candidates:  # "تركيا ستدرب عناصر الجيش الصومالي": the verb's subject trains, its object is trained
            if a is teacher:  # (after the verb: "تدرب فرنسا عناصر من الجيش اللبناني")
                if a.kind != ParticipantKind.person:
                    roles[a.entity] = ParticipantRole.trainer
                continue
            if roles.get(a.entity) == ParticipantRole.party or a.kind != ParticipantKind.person:
                if a.last < first and a.kind != ParticipantKind.person:
                    roles[a.entity] = ParticipantRole.trainer
                elif a.first > last and a.kind != ParticipantKind.person:
                    roles[a.entity] = ParticipantRole.trainee
    if trigger.type == EventType.training_agreement:
        earlier = [a for k in range(max(0, sentence - 8), sentence) for a in actors_by_sentence.get(k, [])]
        extra = _training_sides(
            trigger, words, candidates, actors_by_sentence[sentence], roles, local_first, local_last, earlier
        )
        for a in extra:
            if a.entity not in entities:  # "الجانب التركي": a country named by its side
                entities[a.entity] = Entity(a.entity, a.kind, a.name, (a.key,), affiliation=a.affiliation)
        candidates = candidates + extra
    kinds = {a.entity: entities[a.entity].kind for a in candidates}
    strength = 1.0 if trigger.form in ("perfective", "imperfective", "phrase") else 0.5
    has_person = any(entities[a.entity].kind == ParticipantKind.person for a in candidates)
    previous = norms[local_first - 1] if local_first else ""
    attended = (
        previous in _ATTENDANCE
        or any(n in _ATTENDANCE for n in norms[max(0, local_first - 2) : local_first])
        or any(n in _ATTENDANCE for n in after[:2])  # "وجرى اللقاء بحضور فلان": attendees of the meeting told before
    )
    anaphoric = (
        outcome_of
        or trigger.cue in ("reception", "attendance")
        or (trigger.form == "noun" and "ال" in trigger.prefix and attended)
        or (
            trigger.form == "noun"
            and not has_person
            and ("ال" in trigger.prefix or previous in ("هذه", "هذا", "تلك", "ذلك"))
        )
        or (  # "وأجرى الرئيسان خلال اللقاء اتصالا …"، "سيلتقي خلال الزيارة": the event told before frames another
            trigger.type != EventType.training_agreement
            and trigger.form == "noun"
            and "ال" in trigger.prefix
            and previous in _DURING
            and not (after and after[0].startswith("ال") and after[0].endswith(_ADJECTIVE_ENDINGS))
        )
    )
    margin = trigger.type == EventType.meeting and _after_margin(words, local_first)
    if margin:
        roles, kinds = {}, {}  # "التقى على هامش القمة فلانا": the clause's parties are the side meeting's
    frame = margin or (trigger.type == EventType.meeting and trigger.norm.endswith(("قمه", "قمم")))
    sideline = (
        trigger.type == EventType.meeting
        and not frame
        and "هامش" in doc.sentence_norm(sentence)[0]
        and any(w.reads_as(_MARGIN_FORMS) for w in words)  # على هامش القمة، على هامشها
    )
    return EventMention(
        type=trigger.type,
        another=another,
        frame=frame,
        sideline=sideline,
        status=status,
        status_cued=reading.cued and not outcome_of,
        background=reading.background,
        year=year,
        date=date,
        trigger=(trigger.start, trigger.end),
        sentence=sentence,
        participants=roles,
        kinds=kinds,
        cue=trigger.cue,
        form=trigger.form,
        strength=strength,
        anaphoric=anaphoric,
        referring=referring or framed,
        cancels=cancels,
        definite=trigger.form in ("noun", "phrase")
        and ("ال" in trigger.prefix or trigger.norm.startswith(("ال", "وال", "بال", "لل")))
        and not reading.attached,
        attached=reading.attached,  # المناورات المقبلة: a definite noun with its own time is a new happening
        clause=clause_index(text, t0, text_words),
        destination=participants.destination(
            words, local_last, lex, travel="toward" in trigger.needs or trigger.cue == "arrival"
        )
        if trigger.type == EventType.visit
        else None,
        affiliations={a.entity: entities[a.entity].affiliation for a in candidates},
        delegations={a.entity for a in candidates if a.kind == ParticipantKind.organization and a.head == "وفد"},
    )


def _passes(
    doc: _Article,
    lex: Lexicon,
    trigger: TriggerMention,
    sentence: int,
    norms: list[str],
    before: list[str],
    after: list[str],
    actors: list[ActorMention],
    first: int,
    last: int,
) -> bool:
    """The trigger's own checks (event_triggers.json 'needs') and the traps."""
    needs = trigger.needs
    if "with" in needs:
        nearby = after[:15]
        if after[:1] and after[0] in ("عن", "امكانيه", "في"):
            return False
        persons_after = [a for a in actors if a.first > last and a.kind == ParticipantKind.person]
        between = "بين" in after[:4]  # مفاوضات مباشرة بين الطرفين
        if "مع" not in nearby and not between and not _WITH_PRONOUN.intersection(nearby) and len(persons_after) < 2:
            return False
    if "military" in needs and not _military_context(norms):
        nearby = [w.norm for other in (sentence - 1, sentence + 1) for w in doc.by_sentence.get(other, [])]
        if not _military_context(nearby):
            return False
    if "not_round" in needs and ((after[:1] and after[0] in _ROUND_WORDS) or _TALKS.intersection(after[:3])):
        return False
    if trigger.norm.endswith(("قمه", "قمم")) and after[:1] and after[0] in trigger_word_list("peak_words"):
        return False  # في قمة أولوياته: the top of, not a summit
    if trigger.norm.endswith(("لقاء", "لقاءا")) and after[:1] and _interview(after):
        return False  # لقاء تلفزيوني، في لقاء مع قناة، لقاء أجرته معه صحيفة: an interview
    if (
        trigger.type == EventType.visit
        and "زيارات" in trigger.norm
        and (set(before[-2:]) | set(after[:3])) & trigger_word_list("reciprocal_words")
    ):
        return False  # "زيارات رسمية متبادلة"، "تكثيف الزيارات": visits in general, not one visit
    if trigger.type == EventType.meeting and before and before[-1] in _SCIENCE and "اجتماع" in trigger.norm:
        return False  # علم الاجتماع: sociology
    if trigger.norm.endswith("وصول") and not any(
        a.first == last + 1 and a.kind != ParticipantKind.country for a in actors
    ):
        return False  # "وصول شحنة مساعدات": what arrives is named right after the noun, and it is no one
    if "call" in needs and not any(n in _CALL_VERBS for n in before[-12:]):
        return False  # تلقى/أجرى … اتصالا: a call; اتصالا alone may be any contact
    if "guest" in needs and not any(n in _GUEST_VERBS for n in before[-8:]):
        return False
    if "received" in needs and not any(n in _RECEIVED for n in before[-12:]):
        return False  # "مطار" alone is no visit; "استقبل فلان في مطار …" welcomes a guest
    titled = any(n.removeprefix("ال") in lex.title_heads for n in after[:2])  # توجه رئيس …، الرئيس …
    if "toward" in needs and not any(
        n in ("الي", "نحو") or n.startswith("لل") for n in _toward_window(after, titled)
    ):
        return False
    if "toward" in needs and any(
        n[:1] == "ب" and n[1:] in trigger_word_list("addressed_objects") for n in after[:6]
    ):
        return False  # "توجه (الوزير) بالشكر إلى المملكة": he thanked it, he did not travel
    if "subject" in needs:
        pronoun_goal = after[:1] and after[0] in ("اليه", "اليها", "اليهم")  # وصلت إليه العلاقات
        if pronoun_goal and not any(0 < a.first - last <= 6 and a.kind != ParticipantKind.country for a in actors):
            return False
        forces = trigger_word_list("force_heads")
        actors = [a for a in actors if not (a.kind == ParticipantKind.organization and a.head in forces)]
        near = [
            a
            for a in actors
            if (0 < a.first - last <= _SUBJECT_AFTER or 0 < first - a.last <= 3)
            and a.kind != ParticipantKind.country
            and not a.locative
        ]
        if not near and before and before[-1] in _RELATIVES:
            # "عادل عبد المهدي، رئيس وزراء العراق، الذي وصل القاهرة": the relative's antecedent arrives
            near = [
                a
                for a in actors
                if 0 < first - 1 - a.last <= 8 and a.kind != ParticipantKind.country and not a.locative
            ]
        if not near and before and before[-1] in _DELEGATION and "راس" in before[-4:-1]:
            # "سيكون فلان على رأس وفد يصل العاصمة": the delegation arrives, led by the person before it
            near = [
                a
                for a in actors
                if a.kind == ParticipantKind.person and 0 < first - a.last <= 8 and not a.locative
            ]
        if not near:
            return False
    # a media interview ("أجرت لقاء معه") is not a meeting
    interview = (
        trigger.type == EventType.meeting
        and trigger.norm.endswith(("لقاء", "لقاءا"))
        and any(n.startswith(("اجرت", "اجري")) for n in before[-2:])
        and any(n in lex.media_words for n in norms)
    )
    return not interview


# حل فلان ضيفا، أن يحل ضيفا، سيحل ضيفا
_GUEST_VERBS = frozenset(
    {"حل", "حلت", "وحل", "وحلت", "حلا", "حلوا", "يحل", "تحل", "سيحل", "ستحل", "ويحل", "وتحل", "يحلان"}
)
_DURING = participants.DURING
_HABITUAL = frozenset(normalize(w) for w in ["سنويا", "سنوياً", "دوريا", "دورياً", "شهريا", "شهرياً", "بانتظام"])
_HABITUAL_WINDOW = 8  # words after an imperfective trigger where a habitual adverb makes it a habit
# "عاد الرئيس إلى البلاد عقب زيارة …"، "يعود … بعد جولة": a return home after a visit told in one clause
_RETURNED = re.compile(
    r"(?<!\w)[وف]?(?:عاد|عادت|يعود|تعود|عايدا|عايده)(?!\w)[^.!?؟\n]{0,160}?(?<!\w)(?:عقب|بعد|اثر|ختام|اختتام)\s+"
    r"(?:\S+\s+)?(?:زياره|جوله)"
)
_DEMONSTRATIVES = frozenset({"هذه", "هذا", "تلك", "ذلك"})
_DELEGATION = frozenset({"وفد", "الوفد", "وفدا"})
# Words after an arrival verb where its subject may stand, behind a time and a destination ("ووصل اليوم الاثنين
# إلى العاصمة السورية دمشق لافروف").
_SUBJECT_AFTER = 8
_FRAMES = _DURING | {"في", "وفي", "ضمن", "وضمن"}


def _home_farewell(doc: _Article, trigger: TriggerMention) -> bool:
    """A farewell ("في وداعه") after the visitor set out for the visit (توجه، سافر … إلى): he was seen off at
    home. A farewell after a visit told by its arrival or its talks is the host's, at the end of the visit."""
    if "وداع" not in trigger.norm:
        return False
    return any(t.type == EventType.visit and "toward" in t.needs and t.start < trigger.start for t in doc.triggers)


def _told_before(doc: _Article, trigger: TriggerMention, sentence: int) -> bool:
    """A definite visit noun ("الزيارة") after a visit trigger in an earlier sentence: the same visit."""
    return (
        trigger.form == "noun"
        and "ال" in trigger.prefix
        and trigger.type == EventType.visit
        and _visit_told_earlier(doc, sentence)
    )


def _visit_told_earlier(doc: _Article, sentence: int) -> bool:
    """Does a visit trigger stand in a sentence before ``sentence``?"""
    opens = doc.segmented.sentences[sentence].start
    return any(t.type == EventType.visit and t.start < opens for t in doc.triggers)


_UPON = frozenset({"لدي", "ولدي", "عند", "وعند", "فور", "وفور", "بعد", "وبعد", "عقب", "وعقب", "اثر", "لحظه"})


def _upon_arrival(doc: _Article, trigger: TriggerMention, norms: list[str], local_first: int, sentence: int) -> bool:
    """ "وكان في استقباله لدى وصوله المطار فلان": "upon his arrival" points back at the visit told in an earlier
    sentence; the names around it are its hosts (read by the reception), not visitors of another visit."""
    return (
        trigger.cue == "arrival"
        and trigger.form == "noun"
        and trigger.norm.endswith(("ه", "ها", "هم", "هما"))
        and local_first > 0
        and norms[local_first - 1] in _UPON
        and _visit_told_earlier(doc, sentence)
    )


def _demonstrative_reference(doc: _Article, trigger: TriggerMention, norms: list[str], local_first: int) -> bool:
    """"وتأتي هذه الزيارة في إطار …": a demonstrative points back at an event of the type told before, so the
    names around it (who directed it, whose policy it serves) are not its parties. Framed by a preposition
    ("وفي هذه الزيارة التقيت بفلان"), the names are whom the visit met; after an attendance verb ("وحضر هذه
    المباحثات فلان") they attended it: they stay."""
    return (
        trigger.form == "noun"
        and "ال" in trigger.prefix
        and local_first > 0
        and norms[local_first - 1] in _DEMONSTRATIVES
        and not (local_first > 1 and norms[local_first - 2] in _FRAMES | _ATTENDANCE)
        and any(t.type == trigger.type and t.start < trigger.start for t in doc.triggers)
    )


_RECEIVED = frozenset(
    normalize(w) for w in ["استقبل", "واستقبل", "استقبلت", "واستقبلت", "يستقبل", "ويستقبل", "تستقبل", "وتستقبل"]
)
_SCIENCE = frozenset({"علم", "وعلم", "لعلم", "بعلم", "عالم", "علماء", "وعلماء"})
_CALL_VERBS = frozenset(
    {"تلقي", "تلقت", "تلقيا", "يتلقي", "تتلقي", "اجري", "اجرت", "اجريا", "يجري", "تجري", "يجريان", "سيجري", "ستجري"}
    | {"وتلقي", "وتلقت", "واجري", "واجرت", "ويجري", "وتجري", "فتلقي", "فاجري"}
)
# Words that open a companion phrase after a travel verb (برفقة وفد، على رأس وفد، يرافقه، مصحوبا ب).
_COMPANION_OPENERS = frozenset({"برفقه", "يرافقه", "ترافقه", "يرافقها", "ترافقها", "رفقه", "بصحبه", "مصحوبا"})
_COMPANION_GAP = 16  # the destination may follow a delegation's description this far after the verb


def _with_after(words: list[Word], last: int, reach: int) -> int | None:
    """Local index of مع within ``reach`` words after the trigger's last word ``last``, if any."""
    return next((k for k in range(last + 1, min(len(words), last + reach + 1)) if words[k].norm in ("مع", "ومع")), None)


def _partners_after_with(
    words: list[Word], last: int, actors: list[ActorMention], chosen: list[ActorMention]
) -> list[ActorMention]:
    """ "تدريب بحري مشترك مع الولايات المتحدة وبريطانيا وفرنسا": the countries after مع are the training's
    partners (a country after مع is otherwise read as a place: الحدود مع الجزائر)."""
    base = words[0].index
    with_at = _with_after(words, last, 4)
    if with_at is None or any(w.breaks_before for w in words[last + 1 : with_at + 1]):
        return []
    taken = {a.entity for a in chosen}
    partners: list[ActorMention] = []
    expected = with_at + 1
    for a in actors:
        if a.first - base != expected or (partners and words[a.first - base].breaks_before):
            continue
        if a.entity not in taken:
            partners.append(a)
            taken.add(a.entity)
        expected = a.last - base + 1
    return partners


def _toward_window(after: list[str], titled: bool = False) -> list[str]:
    """The words after a travel verb where its إلى may stand: six, or up to ``_COMPANION_GAP`` when a
    companion phrase opens within ten ("توجه الرئيس برفقة وفد رفيع يضم وزيري الخارجية والدفاع إلى
    القاهرة") or a titled subject follows the verb (``titled``: "توجه رئيس مجلس السيادة الفريق أول ركن
    فلان، صباح اليوم، إلى أسمرا"); an إلى after another verb does not count: the window ends at ثم or و + an
    imperfective or perfective verb (وأرسل، وتفقد)."""
    near = after[:6]
    opener = titled or any(
        n in _COMPANION_OPENERS or n.startswith("مصحوب") or (n == "علي" and after[i + 1 : i + 2] == ["راس"])
        for i, n in enumerate(after[:10])  # after the subject's title and name, a time word
    )
    if not opener:
        return near
    window = list(near)
    for n in after[6:_COMPANION_GAP]:
        if n in ("ثم", "وثم") or (n[:2] in ("وا", "وت", "وي", "ون") and not n.startswith("وال")):
            break  # ثم عاد، وأرسل، وتفقد: another verb's clause
        window.append(n)
    return window


# Verbs that hand a training to their subject: "سيتولى الجانب التركي تدريب …"، "تكفلت البحرية بتدريب …"،
# "قامت القوات بتدريب …"، "تشرف البعثة على تدريب …" (with و/ف and the future س, see _light_verb).
_TAKES_ON = frozenset(
    {"تولي", "تولت", "تولوا", "يتولي", "تتولي", "يتوليان", "تكفل", "تكفلت", "يتكفل", "تتكفل", "قام", "قامت"}
    | {"يقوم", "تقوم", "اشرف", "اشرفت", "يشرف", "تشرف", "باشر", "باشرت", "يباشر", "تباشر", "اضطلع", "تضطلع"}
)
_SIGNED = frozenset(
    {"وقع", "وقعت", "وقعا", "وقعوا", "وقعتا", "ووقع", "ووقعت", "ووقعا", "ابرم", "ابرمت", "ابرما", "وابرم", "وابرمت"}
)
_PROVIDES = frozenset({"تقديم", "توفير", "قدم", "قدمت", "يقدم", "تقدم", "وفر", "وفرت", "يوفر", "توفر", "منح", "تمنح"})
_SENDS = frozenset(
    {"ارسال", "ارسل", "ارسلت", "يرسل", "ترسل", "ايفاد", "اوفد", "اوفدت", "يوفد", "توفد", "نشر", "نشرت", "ينشر", "تنشر"}
)
_SIDE = frozenset({"الجانب", "الطرف"})
_PERSONNEL = frozenset(
    {"جندي", "جنود", "جنديا", "عنصر", "عناصر", "ضابط", "ضباط", "ضابطا", "مقاتل", "مقاتلا", "مقاتلين", "طيار", "طيارين"}
    | {"افراد", "منتسبي", "مجند", "مجندا", "مجندين", "شرطي", "شرطيا"}
)
# "تدريب عناصر من الجيش"، "تدريب وحدات من الشرطة": words between a training and the force it trains
_PARTITIVE = frozenset({"عناصر", "وحدات", "افراد", "من", "ضباط", "جنود", "الف", "الاف", "مئات", "عشرات", "منتسبي"})
_SAYS_SELF = frozenset({"انها", "انه", "بانها", "بانه", "انهما", "بانهما"})  # أعلنت الوزارة أنها ستدرب
_SENT_TO = frozenset({"الي", "نحو"})


@per_word
def _light_verb(norm: str) -> bool:
    """سيتولى، وتكفلت، بتقديم، وتوفير: a verb (or verbal noun) whose subject gives the training."""
    if norm[:1] in ("و", "ف"):
        norm = norm[1:]
    if norm[:1] in ("س", "ب", "ل"):
        norm = norm[1:]
    return norm in _TAKES_ON or norm in _PROVIDES or norm in _SENDS


def _training_sides(
    trigger: TriggerMention,
    words: list[Word],
    candidates: list[ActorMention],
    actors: list[ActorMention],
    roles: dict[str, ParticipantRole],
    first: int,
    last: int,
    earlier: list[ActorMention],
) -> list[ActorMention]:
    """Who trains and who is trained where the verb around the training says it (sets ``roles``; returns
    actors to add): the subject of a verb that takes the training on (سيتولى X تدريب Y) trains; so does the
    sender of trainers (أرسلت أنقرة مدربين إلى الصومال, whose destination is trained) and the speaker of
    "أعلنت الوزارة أنها ستدرب"."""
    base = words[0].index
    added: list[ActorMention] = []
    chosen = {a.entity for a in candidates}
    candidates = [a for a in candidates if a.sentence == words[0].sentence]  # not the sides of an earlier sentence
    lo = max(0, first - 8)
    verb = next((k for k in range(first - 1, lo - 1, -1) if _light_verb(words[k].norm)), None)
    if verb is not None and not any(w.breaks_before for w in words[verb + 1 : first + 1]):
        for a in candidates:  # its subject: after the verb, or (not a person) before it in the clause
            at = a.first - base
            subject = at > verb or a.kind != ParticipantKind.person
            if at < first and subject and roles.get(a.entity) == ParticipantRole.party:
                roles[a.entity] = ParticipantRole.trainer
        lex = lexicon()
        for k in range(max(0, verb - 3), first - 1):  # "الجانب التركي سيتولى تدريب"، "سيتولى الجانب التركي تدريب"
            country = demonym_country(words[k + 1], lex) if words[k].reads_as(_SIDE) else None
            if country is not None and f"c:{country.name}" not in chosen:
                side = participants.country_at_word(words[k + 1], country.name)
                roles[side.entity] = ParticipantRole.trainer
                added.append(side)
                chosen.add(side.entity)
    for a in candidates:  # "الدعم التدريبي للجيش اللبناني"، "تدريب وتجهيز البحرية": whom the training is for
        at = a.first - base
        if last < at <= last + 3 and roles.get(a.entity) == ParticipantRole.party and a.kind != ParticipantKind.country:
            between = words[last + 1 : at]
            if any(w.breaks_before for w in words[last + 1 : at + 1]):
                continue
            if "ل" in words[at].readings[-1][0] or (
                between and all(w.norm[:1] == "و" or w.norm in _PARTITIVE for w in between)
            ):
                roles[a.entity] = ParticipantRole.trainee
    if "مدرب" in trigger.norm:  # trainers sent: the sender trains, the place they go to is trained
        for a in candidates:
            sender = a.last - base < first and a.kind != ParticipantKind.person
            if sender and roles.get(a.entity) == ParticipantRole.party:
                roles[a.entity] = ParticipantRole.trainer
        goal = next((k for k in range(last + 1, min(len(words), last + 4)) if words[k].norm in _SENT_TO), None)
        if goal is not None and ParticipantRole.trainee not in roles.values():
            for a in actors:
                at = a.first - base
                if at in (goal + 1, goal + 2) and a.kind == ParticipantKind.country and a.entity not in chosen:
                    roles[a.entity] = ParticipantRole.trainee
                    added.append(a)
                    chosen.add(a.entity)
                    break
    # "أعلنت الوزارة أنها ستدرب"، "أكدت أنقرة أنها ستواصل تدريب"، "أنها سترسل مدربين": the speaker trains
    said = next((k for k in range(first - 1, max(-1, first - 4), -1) if words[k].norm in _SAYS_SELF), None)
    if said is not None and not all(words[k].norm[:1] in ("س", "ي", "ت") for k in range(said + 1, first)):
        said = None  # only verbs (ستدرب، ستواصل، سترسل) between the pronoun and the training
    if said is not None:
        speaker = max(
            (a for a in actors if a.last - base < said and not a.locative and a.kind != ParticipantKind.person),
            key=lambda a: a.last,
            default=None,
        )
        if speaker is None and said > 0 and words[said - 1].readings[-1][1].startswith("ال"):
            # "وأعلنت الوزارة أنها …": the body named in full shortly before (وزارة الدفاع التركية)
            head = words[said - 1].readings[-1][1][2:]
            speaker = next(
                (a for a in reversed(earlier) if a.kind == ParticipantKind.organization and a.head == head), None
            )
        if speaker is not None and speaker.entity not in chosen:
            roles[speaker.entity] = ParticipantRole.trainer
            added.append(speaker)
            chosen.add(speaker.entity)
    lex = lexicon()
    for k in range(last + 1, min(len(words) - 1, last + 6)):  # "تدريب 16 ألف جندي صومالي": the trainees' country
        if words[k].breaks_before or words[k + 1].breaks_before:
            break
        if words[k].norm in _PERSONNEL:
            country = demonym_country(words[k + 1], lex)
            if country is not None and f"c:{country.name}" not in chosen:
                trainee = participants.country_at_word(words[k + 1], country.name)
                roles[trainee.entity] = ParticipantRole.trainee
                added.append(trainee)
            break
    return added


# Verbs whose object is a topic of talks: a training among their objects is discussed, not held.
_DISCUSSED = frozenset(
    {"بحث", "بحثا", "يبحث", "تبحث", "ناقش", "ناقشا", "يناقش", "تناول", "تناولت", "تناولا", "استعرض", "استعرضا"}
    | {"سيبحث", "سيبحثان", "ستبحث", "سيناقش", "سيناقشان", "ستناقش", "سيتناول", "سيتناولان", "ستتناول", "سيتباحثان"}
)
# Present-tense verbs of intent: "التدريبات التي يعتزم الجيشان إجراءها" are still ahead.
_INTENT = frozenset(
    {"يعتزم", "تعتزم", "ينوي", "تنوي", "يزمع", "تزمع", "يتوقع", "يرتقب", "يستعد", "تستعد", "يامل", "تامل"}
    | {"يرغب", "ترغب", "يسعي", "تسعي", "يريد", "تريد", "يطلب", "تطلب", "يقترح", "تقترح", "يمكن"}
)


# "جرى بحث"، "تم خلال اللقاء بحث"، "وتناول الاجتماع": the talks told before discuss what follows.
_TALKS_SUBJECTS = frozenset(normalize(w) for w in ["اللقاء", "الاجتماع", "المباحثات", "المحادثات", "الجانبان"])
_TALKS_NOUNS = frozenset(normalize(w) for w in ["بحث", "مناقشة", "التباحث", "استعراض"])
_IMPERSONAL = frozenset(normalize(w) for w in ["جرى", "وجرى", "تم", "وتم", "يجري", "سيجري", "سيتم"])
_AGREED = frozenset({EventStatus.proposed, EventStatus.planned})  # a training held is not its negotiators'
_NEGOTIATORS_REACH = 3  # sentences after the talks where a discussed training is still their topic
_TALK_FRAMES = _DISCUSSED | _DURING  # (وتناول، خلال) before اللقاء: the talks discussed what follows


def _negotiators(
    doc: _Article, sentence: int, before: list[str], candidates: list[ActorMention], status: EventStatus
) -> list[ActorMention]:
    """The persons of the talks told just before, when the training is what those talks discussed or the two
    sides signed ("استقبل الوزير السفير … وجرى بحث زيادة المقاعد المخصصة لضباط الجيش في الكليات العسكرية
    التركية"، "وقّع الجانبان عقب الاجتماع بروتوكولا لبرنامج التدريب"): who negotiated a training is a party to
    it, beside the forces it trains. A training held ("التدريبات التي تجريها قوات البلدين") is not theirs."""
    talks = doc.last_talks
    if talks is None or not 0 <= sentence - talks[0] <= _NEGOTIATORS_REACH:
        return []
    if any(a.kind == ParticipantKind.person for a in candidates):
        return []  # the sentence names its own negotiators
    signed = any(
        norm in _BOTH_SIDES and k + 1 < len(before) and before[k + 1] in _SIGNED for k, norm in enumerate(before)
    )
    discussed = status in _AGREED and any(
        (norm in _TALKS_NOUNS and k > 0 and before[k - 1] in _IMPERSONAL)
        or (norm in _TALKS_SUBJECTS and k > 0 and _bare(before[k - 1]) in _TALK_FRAMES)
        or (norm in _BOTH_SIDES and k + 1 < len(before) and before[k + 1] in _DISCUSSED)
        for k, norm in enumerate(before)
    )
    if not (signed or discussed):
        return []
    known = {a.entity for a in candidates}
    return [a for a in talks[1] if a.entity not in known]


# "خلال الزيارة الرسمية"، "خلال اللقاء الثنائي": an adjective may make it another event; "خلال الزيارة الرئيس …"
# starts the next phrase
_ADJECTIVE_ENDINGS = ("ه", "ي", "يه", "ين", "ان")
_VISIT_NOUNS = frozenset(normalize(w) for w in ["الزيارة", "زيارته", "زيارتها", "الجولة", "جولته", "جولتها"])
_DURING_IT = frozenset(normalize(w) for w in ["خلالها", "أثناءها", "وخلالها"])


def _during_the_visit(window: list[str]) -> bool:
    """Does the window say "during the visit" (خلال الزيارة، خلالها)?"""
    return any(
        norm in _DURING_IT or (norm in _DURING and k + 1 < len(window) and window[k + 1] in _VISIT_NOUNS)
        for k, norm in enumerate(window)
    )


_ANY = frozenset({"اي", "لاي", "باي", "واي"})
_NEGATORS = frozenset({"لم", "ولم", "لن", "ولن", "لا", "ولا", "ما", "عدم", "ليس", "ليست", "نفي", "نفت", "ينفي", "تنفي"})
_RECEIVER_REACH = 3  # sentences after a reception where "كما استقبل" still has its subject


def _dual_or_plural_object(words: list[Word], verb: int, persons: list[ActorMention]) -> bool:
    """ "استقبل النائبين فلانا وعلانا": an untitled dual or plural noun right after the verb heads its object."""
    after = words[verb + 1]
    return (
        min(a.first for a in persons) > after.index
        and after.norm.startswith("ال")
        and after.norm.endswith(("ين", "ان"))
        and after.readings[-1][1][2:-2] in lexicon().title_heads
    )


def _receiver_again(
    doc: _Article, sentence: int, words: list[Word], local_first: int, candidates: list[ActorMention]
) -> list[ActorMention]:
    """Who received a guest before is the subject of "كما استقبل فلانا" / "واستقبل أيضا فلانا", a reception verb
    with no subject of its own; the reception with a named subject is remembered for the sentences after it."""
    persons = [a for a in candidates if a.kind == ParticipantKind.person]
    known = doc.last_receiver
    objects = (
        known is not None
        and 0 < sentence - known[0] <= _RECEIVER_REACH
        and local_first <= 2
        and persons
        and local_first + 1 < len(words)
        and (min(persons, key=attrgetter("first")).dual or _dual_or_plural_object(words, local_first, persons))
        and all(a.first > words[local_first].index and a.entity != known[1].entity for a in persons)
    )
    if objects and known is not None:
        return [known[1]]  # "كما استقبل النائبين فلانا وعلانا": a dual title after the verb is its object
    if len({a.entity for a in persons}) >= 2:
        host = participants.receiver_subject(words, persons, local_first)
        if host is not None:
            doc.last_receiver = (sentence, host)
        return []
    if known is None or not 0 < sentence - known[0] <= _RECEIVER_REACH or local_first > 2 or len(persons) != 1:
        return []
    if persons[0].first < words[local_first].index or known[1].entity == persons[0].entity:
        return []  # "فلان استقبل …": its own subject
    return [known[1]]


_SINCE = frozenset({"منذ", "ومنذ", "خلفا"})  # since …, succeeding …


def _since_when(words: list[Word], actor: ActorMention) -> bool:
    """Is the actor what a "since" dates from ("هي الأولى منذ تنصيب الرئيس البرتغالي فلان"، "منذ توليه الحكم خلفا
    لأخيه الملك عبد الله"), or whom someone succeeds ("السفير الجديد، الذي تولى مهامه خلفا للسفير السابق فلان")?
    A time or a predecessor, not a party. The phrase runs to a punctuation mark, at most 7 words."""
    k = actor.first - words[0].index
    for j in range(k - 1, max(-1, k - 8), -1):
        if words[j].norm in _SINCE:
            return True
        if words[j + 1].breaks_before:
            return False
    return False


def _met_before(doc: _Article, trigger: TriggerMention, first: int) -> bool:
    """Is the word before the frame ("خلال الزيارة") a meeting verb of the same sentence (يلتقي الرئيس خلال …)?"""
    for other in doc.triggers:
        if other.type == EventType.meeting and other.form != "noun" and other.end <= trigger.start:
            words = doc.words_in(other.start, other.end)
            if words and first - 4 <= words[-1] < first and doc.words[words[-1]].sentence == doc.words[first].sentence:
                return True
    return False


def _ongoing_relative(after: list[str]) -> bool:
    """ "برامج تدريب الجيش التي تشرف عليها القوات": a present tense in a relative after the trigger says it is
    being held, even when the sentence only discusses it."""
    for k, norm in enumerate(after[:-1]):
        if norm in _RELATIVES:
            verb = after[k + 1]
            return verb.startswith(("ي", "ت")) and len(verb) >= 4 and verb not in _INTENT
    return False


_CIRCUMSTANCE = frozenset({"خلال", "وخلال", "اثناء", "واثناء", "لدي", "عقب", "وعقب", "بعد", "قبل"})


def _possessed_in_circumstance(trigger: TriggerMention, words: list[Word], local_first: int) -> bool:
    """A meeting noun with a possessive pronoun after خلال، عقب … ("خلال استقباله"، "وذلك خلال لقائه")."""
    return (
        trigger.type == EventType.meeting
        and local_first > 0
        and words[local_first - 1].norm in _CIRCUMSTANCE
        and trigger.norm.endswith(("ه", "ها", "هما", "هم"))
        and not trigger.norm.endswith("قمه")
    )


def _pronoun_antecedent(
    trigger: TriggerMention, words: list[Word], candidates: list[ActorMention], local_first: int
) -> list[ActorMention]:
    """ "تسلمها الوزير فلان خلال استقباله السفير": the pronoun of استقباله is the nearest person before it.

    Persons further back in the sentence (whoever sent the letter) are not parties of this meeting.
    """
    if not _possessed_in_circumstance(trigger, words, local_first):
        return candidates
    start = words[local_first].index
    before = [a for a in candidates if a.last < start and a.kind == ParticipantKind.person]
    if len(before) < 2:
        return candidates
    nearest = max(before, key=lambda a: a.last)
    return [a for a in candidates if a is nearest or a.last >= start or a.kind != ParticipantKind.person]


def _officials_for_countries(
    lex: Lexicon, candidates: list[ActorMention], actors: list[ActorMention], entities: dict[str, Entity]
) -> list[ActorMention]:
    """ "أكد وزير الخارجية السوري فلان خلال مؤتمر مع نظيره الروسي علان أن المباحثات الروسية السورية …": talks
    named by two countries' demonyms were held by the two officials of those countries the sentence names."""
    if len(candidates) < 2 or any(a.kind != ParticipantKind.country for a in candidates):
        return candidates
    officials: list[ActorMention] = []
    for country in candidates:
        found = lex.country_by_name.get(country.key) or lex.country_by_capital.get(country.key)
        person = next(
            (
                a for a in actors
                if a.kind == ParticipantKind.person and a.entity and found is not None
                and entities[a.entity].affiliation == found.name
            ),
            None,
        )
        if person is None:
            return candidates  # only when every country has its official
        officials.append(person)
    return officials if len({a.entity for a in officials}) == len(officials) else candidates


def _speaker_of_pronoun(
    trigger: TriggerMention,
    words: list[Word],
    candidates: list[ActorMention],
    actors: list[ActorMention],
    local_first: int,
) -> list[ActorMention]:
    """ "أكد الوزير فلان أن …، وذلك خلال لقائه علان": the pronoun of لقائه is the speaker who opens the
    sentence, however long what he said; nobody else before the trigger can be its antecedent."""
    if not _possessed_in_circumstance(trigger, words, local_first):
        return []
    start = words[local_first].index
    if any(a.kind == ParticipantKind.person and a.last < start for a in candidates):
        return []
    base = words[0].index
    speaker = next((a for a in actors if a.kind == ParticipantKind.person and a.key), None)
    if speaker is None or speaker.last >= start or speaker.first - base > 2:
        return []
    opens = words[: speaker.first - base]
    return [speaker] if opens and any(speech_verb(w.norm) for w in opens) else []


_FRAMING = frozenset({"خلال", "وخلال", "اثناء", "واثناء", "هامش", "قبيل", "وقبيل", "عقب", "وعقب", "بعد", "وبعد"})


def _next_trigger(doc: _Article, trigger: TriggerMention, sentence: int, offset: int) -> int | None:
    """Where the next trigger of the sentence starts (normalised sentence offset): a cue after it qualifies
    that event ("أجرى اتصالا هاتفيا تناول الاستعدادات للزيارة المرتقبة": the visit is ahead, the call was
    held), unless the trigger frames it ("لقاء … خلال زيارته المقبلة": the meeting is ahead too)."""
    k = bisect_left(doc.trigger_starts, trigger.end)
    if k >= len(doc.trigger_starts) or doc.trigger_starts[k] >= doc.segmented.sentences[sentence].end:
        return None
    start = doc.trigger_starts[k]
    ids = doc.words_in(start, start + 1)
    if ids and ids[0] > 0 and doc.words[ids[0] - 1].norm in _FRAMING:
        return None
    return doc.view_index(start) - offset


_NAME_QUOTES = frozenset('"«»“”')


def _before_between(words: list[Word], last: int) -> int:
    """The word after which the trigger's بين stands: the trigger itself, or the end of a quoted name and its
    adjectives ("مناورات «النجم الساطع» العسكرية المشتركة بين مصر والولايات المتحدة")."""
    if last + 1 >= len(words) or _NAME_QUOTES.isdisjoint(words[last + 1].gap):
        return last  # no name opens right after the trigger
    for k in range(last + 2, min(len(words), last + 9)):
        gap = words[k].gap
        if "،" in gap or "," in gap or "." in gap or ":" in gap:
            return last
        if words[k].norm == "بين":
            return k - 1
    return last


def _opinion_holder(lex: Lexicon, before: list[str]) -> bool:
    """An analyst or observer before the trigger; "خبراء عسكريون روس" (military advisers) are personnel, not pundits."""
    for k, norm in enumerate(before):
        if norm in lex.opinion_words and not (k + 1 < len(before) and _military_context(before[k + 1 : k + 2])):
            return True
    return False


_GENERIC = frozenset({"اي", "لاي", "باي", "واي"})  # أي لقاء: any meeting at all
_NEGATIONS = frozenset({"لن", "لا", "ولا", "فلا"})
_MODALS = frozenset({"يمكن", "يمكنه", "يمكنها", "تستطيع", "يستطيع", "بالامكان"})
_OPINION_VERBS = frozenset({"اعتبر", "اعتبرت", "يعتبر", "تعتبر", "يعتبرون", "واعتبر"})


@cache
def _opinion_or_speech() -> frozenset[str]:
    lex = lexicon()
    return lex.opinion_words | _OPINION_VERBS | lex.speech_verbs


def _hypothetical(lex: Lexicon, before: list[str]) -> bool:
    """A generic ("أي زيارة") or negated-modal ("لا يمكن عقد قمة") mention inside an opinion or a statement.

    A real event an analyst judges ("زيارة الوزير لن تغير شيئا") stays; so does a reported denial
    ("قال إن الوزير لن يزور").
    """
    if _opinion_or_speech().isdisjoint(before[-12:]):
        return False
    if before and before[-1] in _GENERIC:
        return True
    near = before[-3:]
    return bool(_NEGATIONS.intersection(near) and _MODALS.intersection(near))


# Sports words that are also ordinary words of news on diplomacy and defence (aim, trainer, player, club).
_AMBIGUOUS_SPORTS = frozenset(
    normalize(w) for w in ["هدف", "أهداف", "مدرب", "مدربة", "لاعب", "لاعبا", "لاعبي", "نادي", "النادي", "دوري"]
)  # (الدوري: the league, or "rotating": الرئيس الدوري، الاجتماع الدوري)


@per_word
def _is_sports(norm: str) -> bool:
    sports = lexicon().sports_words
    return norm in sports or _bare(norm) in sports


@per_word
def _is_participation(norm: str) -> bool:
    words = lexicon().participation_words
    return norm in words or _bare(norm) in words


# the verb after جولة that lists its stops -> are they still ahead?
_TOUR_SPANS = {normalize(w): True for w in ["تشمل", "ستشمل", "تقوده", "تقودها", "ستقوده"]} | {
    normalize(w): False for w in ["شملت", "قادته", "قادتها"]
}


def _tour_legs(doc: _Article, lex: Lexicon, trigger: TriggerMention, mention: EventMention) -> list[EventMention]:
    """ "جولة تشمل باماكو وواغادوغو": one visit per listed capital or country (the tour itself is its legs).

    A present tense (تشمل) lists stops still ahead (planned, unless the tour is cued otherwise); a past
    one (شملت) stops made. Each leg's trigger is its place name, so that it is located there.
    """
    words = doc.by_sentence[mention.sentence]
    base = words[0].index
    k = doc.words_in(trigger.start, trigger.end)[-1] - base + 1
    status = mention.status
    if trigger.norm.endswith(("جوله", "جولات")):
        end = min(len(words), k + 4)
        verb = next((j for j in range(k, end) if words[j].norm in _TOUR_SPANS), None)
        if verb is None:
            return []
        ahead = _TOUR_SPANS[words[verb].norm]
        if status == EventStatus.occurred or not mention.status_cued:
            status = EventStatus.planned if ahead else EventStatus.occurred
    else:
        # "يزور … كلا من باماكو وواغادوغو": a visit verb listing its stops (the verb says when)
        end = min(len(words), k + 12)
        each = next(
            (j for j in range(k, end - 1) if words[j].norm in ("كلا", "كل") and words[j + 1].norm == "من"), None
        )
        if each is None and "toward" in trigger.needs:
            # "سيسافر روبيو إلى ألمانيا وإسرائيل والإمارات": a travel verb listing its destinations
            each = next((j for j in range(k, end) if words[j].norm == "الي"), None)
        if each is None and k < len(words) and not words[k].breaks_before and _names_country(lex, words[k]):
            each = k  # "يعتزم زيارة كينيا وأوغندا وزيمبابوي": the visit's object lists its stops (two or more)
            verb = k - 1
            if trigger.prefix.endswith("ل") and not mention.status_cued:
                status = EventStatus.planned  # "غادر … لزيارة فيتنام وماليزيا": what the trip is for, ahead
        elif each is None or any(w.breaks_before for w in words[k : each + 1]):
            return []
        else:
            verb = each - 1
    legs: list[EventMention] = []
    j = verb + 1
    if j < len(words) and words[j].norm == "ايضا":
        j += 1  # "جولة تشمل أيضا الكويت وإيران"
    if j < len(words) and words[j].norm in ("الي", "الى"):
        j += 1  # "جولة تقوده إلى باماكو وواغادوغو"
    if j < len(words) and words[j].norm in ("كلا", "كل") and j + 1 < len(words) and words[j + 1].norm == "من":
        j += 2
    list_start = j  # "زار كلا من: مصر وقطر": a colon may open the list
    while j < len(words) and len(legs) < 8:
        word = words[j]
        if j > verb + 1 and word.breaks_before and not (j == list_start and ":" in word.gap):
            break
        country, clitics, last = None, "", word
        following = words[j + 1] if j + 1 < len(words) and not words[j + 1].breaks_before else None
        for proclitics, rest in word.readings:
            if following is not None:  # two-word names first: بوركينا فاسو، جنوب السودان
                country = lex.country_by_name.get(f"{rest} {following.norm}")
                if country is not None:
                    clitics, last = proclitics, following
                    break
            country = lex.country_by_capital.get(rest) or lex.country_by_name.get(rest)
            if country is not None:
                clitics = proclitics
                break
        if country is None:
            break
        legs.append(
            replace(
                mention,
                status=status,
                status_cued=True,  # the tour's verb says when
                attached=True,
                trigger=(min(word.start + len(clitics), word.end - 1), last.end),
                destination=country.name,
                participants={k: r for k, r in mention.participants.items() if r != ParticipantRole.host},
                leg=True,
            )
        )
        j = last.index - base + 1
    if not (len(legs) >= 2 or (legs and verb > k)):
        return []
    if any(kind != ParticipantKind.country for kind in mention.kinds.values()):
        for leg in legs:  # "زار كلا من مصر وقطر": the countries listed are the stops, not visitors
            leg.participants = {k: r for k, r in leg.participants.items() if leg.kinds[k] != ParticipantKind.country}
    return legs


_DEPARTURE = re.compile(r"[وف]?(?:غادر|يغادر|تغادر)(?:ت|ا|وا|ان|ون)?$")
_ONWARD = re.compile(r"[وف]?متوجه(?:ا|ه|ين|ون)?$")


def _sets_out_from_home(lex: Lexicon, words: list[Word], onward: int) -> bool:
    """ "غادر وزير الخارجية الإيراني … طهران متوجها إلى الرياض": before the onward word ``onward`` of a
    sentence, a departure verb whose place left is in the country of the first demonym after it (the
    traveller's own): the trip sets out from home, so it is under way and the place left was no visit."""
    verb = next((j for j in range(onward - 1, -1, -1) if _DEPARTURE.match(words[j].norm)), None)
    if verb is None:
        return False
    home = None
    for word in words[verb + 1 : onward]:
        if home is None:
            home = demonym_country(word, lex)
            if home is not None:
                continue
        for _, rest in word.readings:
            left = lex.country_by_capital.get(rest) or lex.country_by_name.get(rest)
            if left is not None:
                return left is home
    return False


def _names_country(lex: Lexicon, word: Word) -> bool:
    """Is the word (in any clitic reading) a country's or capital's name?"""
    return any(rest in lex.country_by_capital or rest in lex.country_by_name for _, rest in word.readings)


# plural meeting nouns that count meetings (not محادثات: one set of talks)
_SERIES = frozenset(normalize(w) for w in ["لقاءات", "اجتماعات", "اللقاءات", "الاجتماعات"])


def _bilateral_series(
    doc: _Article, trigger: TriggerMention, mention: EventMention, actors: list[ActorMention]
) -> list[EventMention]:
    """ "عقد أردوغان لقاءات مع نظيره الأوزبكي فلان، ورئيس الوزراء الكمبودي علان": a plural meeting noun with
    several counterparts after مع is a series of bilateral meetings, one per counterpart; so is a meeting verb
    listing them after كلا من ("يلتقي خلال الزيارة كلا من رئيس مجلس اللوردات فلان، ولجنة الشؤون الخارجية")."""
    if trigger.type != EventType.meeting:
        return []
    words = doc.by_sentence[mention.sentence]
    base = words[0].index
    last = doc.words_in(trigger.start, trigger.end)[-1] - base
    each = next(
        (k + 1 for k in range(last + 1, min(len(words) - 1, last + 12))
         if words[k].norm in ("كلا", "كل") and words[k + 1].norm == "من"),
        None,
    )
    kinds: tuple[ParticipantKind, ...]
    if each is not None:
        kinds = (ParticipantKind.person, ParticipantKind.organization)
        opens = each
    elif any(w.reads_as(_SERIES) for w in _trigger_words(doc, trigger)):
        kinds = (ParticipantKind.person,)
        with_at = _with_after(words, last, 3)
        if with_at is None:
            return []
        opens = with_at
    else:
        return []
    listed = [a for a in actors if a.kind in kinds and a.entity in mention.participants]
    counterparts = list(dict.fromkeys(a.entity for a in listed if a.first - base > opens))
    sides = [k for k in mention.participants if k not in counterparts]
    if len(counterparts) < 2 or not sides:
        return []
    return [
        replace(mention, participants={k: mention.participants[k] for k in (*sides, other)},
                kinds={k: mention.kinds[k] for k in (*sides, other)})
        for other in counterparts
    ]


def _trigger_words(doc: _Article, trigger: TriggerMention) -> list[Word]:
    return [doc.words[k] for k in doc.words_in(trigger.start, trigger.end)]


# Verbs whose subject is the venue: "استضافت عمان اجتماعا"، "تستضيف القاهرة مفاوضات"، "احتضنت الرباط".
_HOSTING_VERBS = frozenset(
    normalize(w)
    for w in ["استضاف", "استضافت", "يستضيف", "تستضيف", "ستستضيف", "سيستضيف", "احتضن", "احتضنت", "يحتضن", "تحتضن"]
)


def _is_hosting_verb(word: Word) -> bool:
    return word.reads_as(_HOSTING_VERBS)


# What a guest conveys from someone absent: "نقل تحيات الرئيس فلان"، "سلمه رسالة خطية من الملك".
_MESSAGES = frozenset(
    normalize(w) for w in ["تحيات", "تحية", "رسالة", "رسالتين", "برقية", "تهاني", "تمنيات", "تحياته", "خطية", "شفهية"]
)


_SENDERS_WINDOW = 25  # words back from a coordinated sender to the greetings it sends


def _message_sender(doc: _Article, actor: ActorMention) -> bool:
    """A person named as the sender of greetings or a message the guest conveys is absent, no party."""
    if actor.kind != ParticipantKind.person:
        return False
    first = doc.words[actor.first]
    k = actor.first - 1
    if k >= 0 and doc.words[k].norm == "من" and not doc.words[k].breaks_before:
        k -= 1
    if k >= 0 and not first.breaks_before and doc.words[k].reads_as(_MESSAGES):
        return True
    # "تحيات الملك فلان، وولي العهد علان": a sender listed after the first one
    if len(first.readings) < 2 or first.readings[1][0] != "و":
        return False
    sentence = first.sentence
    for k in range(actor.first - 1, max(-1, actor.first - _SENDERS_WINDOW), -1):
        word = doc.words[k]
        if word.sentence != sentence or word.index in doc.trigger_words:
            return False
        if word.reads_as(_MESSAGES):
            return True
    return False


def _venue_subject(doc: _Article, lex: Lexicon, actor: ActorMention) -> bool:
    """A capital that hosts the event ("تستضيف القاهرة مفاوضات بين …"، "وكانت عمان قد استضافت") is its venue."""
    if actor.kind != ParticipantKind.country or actor.first != actor.last:
        return False
    word = doc.words[actor.first]
    if not word.reads_as(lex.country_by_capital):
        return False
    words = doc.words
    k = actor.first - 1
    if k >= 0 and _is_hosting_verb(words[k]) and not word.breaks_before:
        return True
    k = actor.last + 1
    if k < len(words) and words[k].norm == "قد" and not words[k].breaks_before:
        k += 1
    return k < len(words) and _is_hosting_verb(words[k]) and not words[k].breaks_before


# After a meeting trigger, these make the countries that follow its topic: "بحثت القمة الأوضاع في السودان"،
# "اجتماع لبحث العدوان على قطر"، "حول ليبيا"، "تعزيز التعاون بين مالي والنيجر".
_TOPIC_MARKERS = frozenset(
    normalize(w)
    for w in [
        "الأوضاع", "الوضع", "أوضاع", "التطورات", "تطورات", "الأزمة", "أزمة", "الحرب", "العدوان", "الصراع", "النزاع",
        "الأحداث", "القتال", "السلام", "ملف", "الملف", "قضية", "القضية", "ملفات", "الإرهاب", "مكافحة", "التعاون",
        "العلاقات", "علاقات", "الأمن", "الاستقرار", "الهجوم", "الهجمات", "التصعيد", "حول", "بشأن", "إزاء", "تجاه",
        "لبحث", "لمناقشة", "لدراسة", "بحث", "بحثت", "ناقش", "ناقشت", "تناول", "تناولت", "تبحث", "يبحث", "تناقش",
        "يناقش", "ستناقش", "ستبحث", "تركز", "يركز", "ركزت", "ركز", "دعم", "إعمار", "الوضع", "وقف",
    ]
)
# … unless one of these stands between the topic and the country: "بمشاركة مصر"، "بحضور"، "مع"، "جمع".
_PARTAKERS = frozenset(
    normalize(w)
    for w in ["بمشاركة", "وبمشاركة", "مشاركة", "بحضور", "وبحضور", "مع", "ومع", "جمع", "جمعت", "ضم", "ضمت", "شارك",
              "شاركت", "قادة", "زعماء", "رؤساء", "وزراء", "ممثلي", "وفود"]
)
_CAPITAL_NOUNS = frozenset(normalize(w) for w in ["العاصمة", "عاصمة", "بالعاصمة", "والعاصمة", "للعاصمة"])


_GATHERINGS = frozenset(
    normalize(w)
    for w in ["اجتماع", "الاجتماع", "اجتماعات", "الاجتماعات", "قمة", "القمة", "مؤتمر", "المؤتمر", "منتدى", "المنتدى",
              "أعمال", "فعاليات", "الدورة", "دورة", "جلسة", "الجلسة", "جلسات", "اجتماعا"]
)
_ATTENDING = frozenset(
    normalize(w)
    for w in ["للمشاركة", "المشاركة", "لحضور", "حضور", "مشاركته", "مشاركتها", "ليشارك", "لتشارك", "يشارك", "تشارك",
              "سيشارك", "ستشارك", "ويشارك", "وتشارك", "لترؤس", "ترؤس", "يترأس", "ليترأس"]
)


def _attended_body(words: list[Word], actor: ActorMention) -> bool:
    """An organisation in the genitive of a gathering its subject goes to attend (للمشاركة في اجتماع مجموعة
    العشرين، لحضور قمة الاتحاد الأفريقي): it holds the gathering, it does not travel."""
    if actor.kind != ParticipantKind.organization:
        return False
    at = actor.first - words[0].index
    for k in range(at - 1, max(-1, at - 6), -1):
        if k < 0 or words[k + 1].breaks_before:
            return False
        if words[k].reads_as(_GATHERINGS):
            return any(words[j].reads_as(_ATTENDING) for j in range(max(0, k - 3), k))
    return False


# "بمشاركة قادة مصر والأردن"، "اجتماع وزراء خارجية السعودية ومصر": plural titles before a list of countries
_COLLECTIVE = {
    normalize(w): heads
    for w, heads in [
        ("قادة", ("رييس", "ملك", "امير", "سلطان", "عاهل", "ولي")),
        ("زعماء", ("رييس", "ملك", "امير", "سلطان", "عاهل", "ولي")),
        ("رؤساء", ("رييس",)),
        ("وزراء", ("وزير",)),
    ]
}


def _leaders_of(words: list[Word], candidates: list[ActorMention], entities: dict[str, Entity]) -> list[ActorMention]:
    """The named holders of a plural title before a list of countries (قادة مصر والأردن، وزراء خارجية مصر
    والأردن): bare titles resolve to the persons the article names with that office and country (spec,
    Participants); the countries stay."""
    base = words[0].index
    countries = [a for a in candidates if a.kind == ParticipantKind.country and a.sentence == words[0].sentence]
    if not countries:
        return []
    chosen = {a.entity for a in candidates}
    out: list[ActorMention] = []
    for country in countries:
        k = country.first - base - 1
        while k >= 0 and any(c.last - base == k for c in countries):  # back over the list: مصر والأردن
            k = min(c.first for c in countries if c.last - base == k) - base - 1
        office = None
        if k >= 1 and not words[k].reads_as(_COLLECTIVE):
            office = words[k].bare()  # وزراء خارجية مصر: the office between the title and the list
            k -= 1
        heads = next((_COLLECTIVE[r] for _, r in words[k].readings if r in _COLLECTIVE), None) if k >= 0 else None
        if heads is None:
            continue
        for entity in entities.values():
            if entity.kind != ParticipantKind.person or entity.key in chosen or entity.head not in heads:
                continue
            if entity.affiliation != country.name:
                continue
            if office is not None and not any(w.endswith(office) for w in entity.title_words):
                continue
            out.append(replace(country, kind=ParticipantKind.person, name=entity.name, key=entity.key,
                               entity=entity.key, affiliation=entity.affiliation))
            chosen.add(entity.key)
    return out


def _margin_gathering(words: list[Word], first: int) -> tuple[int, int] | None:
    """The words of the gathering after "على هامش" (up to a comma or the trigger), when the trigger at
    ``first`` stands outside it: the side meeting's parties are not that gathering's organisers."""
    for k, word in enumerate(words):
        if k >= first:
            return None
        if not word.reads_as(_MARGIN):
            continue
        end = k + 1
        while end < len(words) and end < first and not words[end].breaks_before:
            end += 1
        return (k + 1, end) if end <= first else None
    return None


def _topic_or_venue(words: list[Word], actor: ActorMention, last: int) -> bool:
    """A country after a meeting that is its topic (الأوضاع في السودان وليبيا) or its venue (في العاصمة
    الأنغولية لواندا): no party of it."""
    if actor.kind != ParticipantKind.country:
        return False
    base = words[0].index
    at = actor.first - base
    if at <= 0:
        return False
    k = at - 1
    if k > 0 and words[k].norm.startswith("ال") and not words[k].reads_as(_CAPITAL_NOUNS):
        k -= 1  # العاصمة الأنغولية لواندا: a demonym between
    if words[k].reads_as(_CAPITAL_NOUNS) and not words[at].breaks_before:
        return True
    if at <= last or last < 0:
        return False
    topic = False
    for w in words[last + 1 : at]:
        if w.breaks_before and w.index > words[last + 1].index:
            topic = False  # a comma or a new clause: what came before it no longer governs
        bare = w.readings[-1][1] if w.readings else w.norm
        if w.norm in _TOPIC_MARKERS or bare in _TOPIC_MARKERS:
            topic = True
        elif topic and (w.norm in _PARTAKERS or bare in _PARTAKERS):
            topic = False
    return topic


def _visiting_guests(doc: _Article, mentions: list[EventMention]) -> None:
    """ "يستقبل الرئيس غدا نظيره … الذي يزور تونس": the guest's visit is the planned reception's visit.

    A present-tense relative visit (ongoing, so read as occurred) after a planned reception in its sentence
    takes the reception's status: the relative describes the guest of that reception, not a visit of its own.
    """
    receptions = [
        m for m in mentions
        if m.type == EventType.meeting and m.cue == "host" and m.status == EventStatus.planned
    ]
    if not receptions:
        return
    for k, mention in enumerate(mentions):
        if mention.type != EventType.visit or mention.form != "imperfective" or mention.status != EventStatus.occurred:
            continue
        first = doc.words_in(*mention.trigger)[0]
        previous = doc.words[first - 1] if first else None
        if previous is None or previous.norm not in _RELATIVES or previous.sentence != mention.sentence:
            continue
        host = next(
            (r for r in receptions if r.sentence == mention.sentence and r.trigger[0] < mention.trigger[0]), None
        )
        if host is not None:
            mentions[k] = replace(mention, status=EventStatus.planned, date=host.date or mention.date)


def _after_margin(words: list[Word], first: int) -> bool:
    """ "على هامش القمة"، "على هامش أعمال الاجتماع": the trigger names the gathering a side meeting is held at."""
    k = first - 1
    if k >= 1 and words[k].norm in _FRAME_FILLERS:
        k -= 1
    return k >= 0 and words[k].reads_as(_MARGIN)


def _interview(after: list[str]) -> bool:
    """ "لقاء صحفي"، "لقاء مع قناة …"، "لقاء أجرته معه صحيفة …"، "لقاء مع الصحفيين": a media interview."""
    if after[0] in trigger_word_list("interview_words") or " ".join(after[:2]) in trigger_word_list("interview_words"):
        return True
    media = trigger_word_list("media_after")
    if after[0] in media:
        return True  # لقاء أجرته …
    if after[0] in ("مع", "اجرته", "اجراه") or after[0] in _WITH_PRONOUN:
        return any(n in media for n in after[1:4])
    return False


def _military_context(norms: list[str]) -> bool:
    """A military or security word among the words (or a phrase: خفر السواحل، حفظ السلام)."""
    if any(map(_is_military, norms)):
        return True
    extra = trigger_word_list("military_context")
    return any(n in extra for n in norms) or any(f"{n} {m}" in extra for n, m in pairwise(norms))


@per_word
def _is_military(norm: str) -> bool:
    """The word or one of its clitic readings is a military word (memoised per word form)."""
    military = lexicon().military_words
    return any(rest in military for _, rest in clitic_readings(norm))  # the first reading is the word itself


def _bare(norm: str) -> str:
    """A word without و/ب/ل/ال and a pronoun suffix: enough to look it up in a small word list."""
    if len(norm) > 4 and norm[0] in "وفبل":
        norm = norm[1:]
    if norm.startswith("ال") and len(norm) > 4:
        norm = norm[2:]
    for suffix in ("هما", "هم", "ها", "ه"):
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 3:
            stem = norm[: -len(suffix)]
            return stem[:-1] + "ه" if stem.endswith("ت") else stem  # مباراته -> مباراه
    return norm


_VISIT_MEETING_STATUSES = {(status, status) for status in EventStatus} | {(EventStatus.occurred, EventStatus.planned)}
"""A visit's meeting has the visit's status, or is still ahead in a visit under way ("وسيجري … مباحثات مع ضيفه")."""


_ACCOMPANY = frozenset(
    normalize(w) for w in ["يرافق", "يرافقه", "يرافقها", "يرافقهما", "يرافقهم", "رافق", "رافقه", "رافقها", "رافقهم"]
)


def _companions(doc: _Article, events: list[MergedEvent], actors_by_sentence: dict[int, list[ActorMention]]) -> None:
    """ "ويرافق رئيس مجلس السيادة الوزير فلان والفريق علان": who accompanies a visitor is one of the visitors (of
    the latest visit told at or before the sentence)."""
    if "رافق" not in doc.view.text:
        return  # (most articles: one substring test)
    for sentence, words in doc.by_sentence.items():
        if "رافق" in doc.sentence_norm(sentence)[0] and any(w.reads_as(_ACCOMPANY) for w in words):
            visit = _latest_told(events, sentence, EventType.visit, needs=ParticipantRole.visitor)
            _persons_join(visit, actors_by_sentence.get(sentence, []), ParticipantRole.visitor)


def _latest_told(
    events: list[MergedEvent], sentence: int, kind: EventType, needs: ParticipantRole | None = None
) -> MergedEvent | None:
    """The event of ``kind`` told last at or before ``sentence`` (not background, not denied; with a participant
    of role ``needs``, if given)."""
    told = [
        e for e in events
        if e.type == kind and not e.background and e.status != EventStatus.denied
        and min(e.sentences) <= sentence
        and (needs is None or needs in e.participants.values())
    ]
    return max(told, key=lambda e: max(k for k in e.sentences if k <= sentence)) if told else None


def _persons_join(event: MergedEvent | None, actors: list[ActorMention], role: ParticipantRole) -> None:
    """The persons of ``actors`` (not places) join ``event`` in ``role``, unless already in it."""
    if event is None:
        return
    for actor in actors:
        if actor.kind == ParticipantKind.person and not actor.locative and actor.entity not in event.participants:
            event.participants[actor.entity] = role
            event.kinds[actor.entity] = ParticipantKind.person


_SIGNED_IT = frozenset(normalize(w) for w in ["وقعها", "وقعه", "وقعاها", "وقعاه", "وقعتها", "وقعته"])
_SIGNING = frozenset(normalize(w) for w in ["وقع", "وقعت", "وقعا", "وقعها", "وقعه", "وقعاها", "وقعتها"])
_THE_AGREEMENT = frozenset(
    normalize(w) for w in ["المذكرة", "الاتفاقية", "الاتفاق", "البروتوكول", "الاتفاقيات", "المذكرات", "الوثيقة"]
)


def _signers(doc: _Article, events: list[MergedEvent], actors_by_sentence: dict[int, list[ActorMention]]) -> None:
    """ "ووقع المذكرة من الجانب العماني فلان، فيما وقعها من الجانب الباكستاني علان": who signs the agreement told
    before is one of its parties (the latest training agreement told at or before the sentence)."""
    if not any(e.type == EventType.training_agreement for e in events):
        return  # (most articles: no agreement to sign)
    for sentence, words in doc.by_sentence.items():
        if "وقع" not in doc.sentence_norm(sentence)[0]:
            continue
        if any(w.reads_as(_SIGNED_IT) for w in words) or any(
            a.reads_as(_SIGNING) and b.reads_as(_THE_AGREEMENT) for a, b in pairwise(words)
        ):
            agreement = _latest_told(events, sentence, EventType.training_agreement)
            _persons_join(agreement, actors_by_sentence.get(sentence, []), ParticipantRole.party)


def _guests_met(events: list[MergedEvent]) -> None:
    """ "زار فلان السودان … . وجاءت تصريحاته خلال اللقاء مع البرهان": a meeting that names one side only, told
    with a visit (of its status, or under way), is the visit's meeting and the visit gives the other side.

    The one participant is the visit's host (or the visit names none and the participant is no visitor): the
    visitors are the other side; the participant is a visitor: the hosts are. The visit is the latest one told
    before the meeting (or with it).
    """
    for meeting in events:
        if meeting.type != EventType.meeting or len(meeting.participants) != 1 or meeting.background:
            continue
        (party,) = meeting.participants
        told_at = min(meeting.sentences)
        visits = [
            e for e in events
            if e.type == EventType.visit
            and (e.status, meeting.status) in _VISIT_MEETING_STATUSES
            and not e.background
            and min(e.sentences) <= told_at
        ]
        for visit in sorted(visits, key=lambda e: min(e.sentences), reverse=True)[:1]:
            visitors = [k for k, role in visit.participants.items() if role == ParticipantRole.visitor]
            hosts = [k for k, role in visit.participants.items() if role == ParticipantRole.host]
            if party in visitors:
                others = hosts
            elif party in hosts or (not hosts and visit.status == meeting.status):
                others = visitors
            else:
                continue  # someone else than the visit's host (or a plan beside a visit under way): not its meeting
            for key in others:
                meeting.participants[key] = ParticipantRole.party
                meeting.kinds[key] = visit.kinds[key]
                if key in visit.affiliations:
                    meeting.affiliations[key] = visit.affiliations[key]


def _hosts_met(events: list[MergedEvent]) -> None:
    """ "زار فلان الخرطوم، حيث التقى علان"، "استقبل علان الضيف فلان": whom the visitor meets there hosts the visit.

    For a visit that names no host: the persons of a meeting of the same status with the visitor, told in
    one sentence with the visit, as a reception of the visitor, or later in the article ("وكان عراقجي قد التقى
    بالرئيس الأسد": not a phone call, nor a meeting of the background).
    """
    meetings = [e for e in events if e.type == EventType.meeting]
    for visit in events:
        if visit.type != EventType.visit or ParticipantRole.host in visit.participants.values():
            continue
        visitors = {k for k, role in visit.participants.items() if role == ParticipantRole.visitor}
        sentences = visit.sentences
        for meeting in meetings:
            if meeting.status != visit.status or not visitors.intersection(meeting.participants):
                continue
            told_with = not sentences.isdisjoint(meeting.sentences) or "host" in meeting.cues
            told_after = (
                not meeting.background and "phone" not in meeting.cues and min(meeting.sentences) >= min(sentences)
            )
            if not (told_with or told_after):
                continue
            persons = meeting.persons()
            for key in [k for k in meeting.participants if k in persons and k not in visitors]:  # (in their order)
                visit.participants[key] = ParticipantRole.host
                visit.kinds[key] = ParticipantKind.person


def _without_legs_done(events: list[MergedEvent]) -> list[MergedEvent]:
    """ "أعلنت الخارجية أن روبيو سيسافر إلى ألمانيا وإسرائيل والسعودية" beside "وصل روبيو إلى الرياض": the leg of
    the announced tour that the article reports as done is that visit, not another one still ahead."""
    done = [
        e for e in events
        if e.type == EventType.visit and e.status == EventStatus.occurred and not e.background and e.destination
    ]

    def leg_done(event: MergedEvent) -> bool:
        if event.type != EventType.visit or event.status != EventStatus.planned or not event.destination:
            return False
        if not all(m.leg for m in event.mentions):
            return False  # a plan of its own, not a stop of a listed tour
        visitors = {k for k, role in event.participants.items() if role == ParticipantRole.visitor}
        return any(
            d.destination == event.destination
            and visitors & {k for k, role in d.participants.items() if role == ParticipantRole.visitor}
            for d in done
        )

    return [e for e in events if not leg_done(e)]


def _received_today(doc: _Article, events: list[MergedEvent]) -> None:
    """ "سيقوم بزيارة رسمية للمملكة اليوم" beside "استقبل الملك … فلانا": the visit planned for today took place,
    since the article reports the visitor's reception."""
    receptions = [
        e for e in events
        if e.type == EventType.meeting
        and e.status == EventStatus.occurred
        and not e.background  # (a reception of last year says nothing of today)
        and any(m.cue == "host" for m in e.mentions)
    ]
    for visit in events:
        if visit.type != EventType.visit or visit.status != EventStatus.planned or not receptions:
            continue
        if any(m.cue == "onward" for m in visit.mentions):
            continue  # "غادر … متوجها إلى إسرائيل": the next stop, whoever received him at this one
        visitors = {k for k, role in visit.participants.items() if role == ParticipantRole.visitor}
        hosts = {k for k, role in visit.participants.items() if role == ParticipantRole.host}
        if not any(visitors.intersection(r.participants) and hosts.intersection(r.participants) for r in receptions):
            continue  # (the host who invited him received him: not a stop further on)
        if any(_TODAY.search(doc.sentence_norm(m.sentence)[0]) for m in visit.mentions):
            visit.status = EventStatus.occurred


_TODAY = re.compile(r"(?<!\w)اليوم(?!\w)")


def _build(doc: _Article, event: MergedEvent, entities: dict[str, Entity]) -> DetectedEvent:
    cues = {m.cue for m in event.mentions if m.cue}
    cameo, plover = cameo_plover(event.type, event.status, cues)
    body = doc.body
    triggers = sorted({m.trigger for m in event.mentions})
    sentence_ids = sorted({m.sentence for m in event.mentions})
    participants = []
    for key, role in event.participants.items():
        entity = entities[key]
        participants.append(
            Participant(
                name=entity.name,
                kind=entity.kind,
                role=role,
                title=entity.title,
                affiliation=entity.affiliation if entity.affiliation != entity.name else None,
                aliases=[a for a in entity.aliases if a != entity.name],
            )
        )
    sentences = doc.segmented.sentences
    date = next((m.date for m in event.mentions if m.date is not None), None)
    return DetectedEvent(
        type=event.type,
        status=event.status,
        cameo_code=cameo,
        plover_category=plover,
        participants=participants,
        date=date,
        triggers=[Trigger(start=a, end=b, text=body[a:b]) for a, b in triggers],
        evidence=[
            Evidence(start=sentences[i].start, end=sentences[i].end, text=sentences[i].text) for i in sentence_ids
        ],
        confidence=confidence(event),
    )


__all__ = ["EventType", "detect"]
