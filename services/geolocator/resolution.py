"""Which mentioned place is the place OF an event (spec/EVENTS.md, "Place").

Order of evidence: a place phrase tied to the event's trigger in its sentence (في، إلى، ب…،
بمدينة، بالعاصمة، nearest first); the same for the event's other mentions; a meeting held
"during" (خلالها) a visit takes the visit's place; then the article's dateline; else null.
A place is never taken from a participant's nationality, nor from a border or an envoy's post.
A country is refined to a city of that country the article places events in (the finest supported).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from services.geolocator.gazetteer import Gazetteer, GazetteerEntry, name_words
from services.geolocator.mentions import Mention, Word, article_countries, choose_entries, find_mentions, words_of
from shared.schemas import DetectedEvent, EventStatus, EventType, Participant, ParticipantKind

_VISIT_VERB_STEMS = ("زار", "يزور", "تزور", "سيزور", "ستزور", "يصل", "وصل", "تصل", "سيصل", "ستصل", "زيار", "جول", "توجه", "متوجه", "حل", "يحل")
_DURING = frozenset(["خلالها", "خلاله", "خلالهما"])
_BACK_REFERENCE_VERBS = frozenset(["جاء", "وجاء", "ياتي", "وياتي", "جاءت", "وجاءت"])
_INSTITUTIONS = frozenset(["وزاره", "الوزاره", "مقر", "رئاسه", "الرئاسه", "القصر", "قصر", "ديوان"])
_MIN_CUE = 1.0
_DISTANCE_PENALTY = 0.12
_CLAUSE_PENALTY = 0.4
_DATELINE_CHARS = 160


@dataclass(frozen=True, slots=True)
class ResolvedPlace:
    """A place chosen for an event: the gazetteer entry and the text it was read from (if any)."""

    entry: GazetteerEntry
    text: str
    start: int | None
    end: int | None


class ArticlePlaces:
    """The place mentions of one article, analysed once and shared by all its events."""

    def __init__(self, body: str, gazetteer: Gazetteer, participants: list[Participant]):
        self.body = body
        self.gazetteer = gazetteer
        self.words = words_of(body)
        self.word_starts = [w.start for w in self.words]
        blocked = self._participant_words(participants)
        self.mentions = find_mentions(self.words, gazetteer, blocked)
        choose_entries(self.mentions, article_countries(self.words, self.mentions, gazetteer))
        self.mentions = [m for m in self.mentions if m.entry is not None]
        self.dateline = self._dateline()

    def _participant_words(self, participants: list[Participant]) -> set[int]:
        """Words inside the names of people: محمد بن سلمان is not a place (organisations may hold one)."""
        names = {name_words(p.name) for p in participants if p.kind == ParticipantKind.person}
        names |= {name_words(a) for p in participants if p.kind == ParticipantKind.person for a in p.aliases}
        names = {n for n in names if len(n) >= 2}
        blocked: set[int] = set()
        if not names:
            return blocked
        firsts = {n[0] for n in names}
        norms = [w.norm for w in self.words]
        for i, word in enumerate(norms):
            if word not in firsts and (len(word) < 4 or word[1:] not in firsts):
                continue
            for name in names:
                n = len(name)
                head = word if word == name[0] else word[1:]
                if head == name[0] and tuple(norms[i + 1:i + n]) == name[1:]:
                    blocked.update(range(i, i + n))
        return blocked

    def word_index(self, offset: int) -> int:
        """Index of the word at or just before ``offset``."""
        return max(0, bisect.bisect_right(self.word_starts, offset) - 1)

    def _dateline(self) -> Mention | None:
        """A place opening the body before a dash or colon: "القاهرة - …", "(واس) الرياض - …"."""
        for mention in self.mentions:
            if mention.start > _DATELINE_CHARS:
                break
            gap_before = self.words[mention.first].gap
            after = self.words[mention.last + 1].gap if mention.last + 1 < len(self.words) else ""
            at_line_start = mention.first == 0 or "\n" in gap_before or ")" in gap_before
            if at_line_start and any(ch in after for ch in "-–—:/") and mention.prefix == "":
                return mention
        return None


def _is_visit_verb(word: Word) -> bool:
    norm = word.norm
    return any(form.startswith(_VISIT_VERB_STEMS) for form in (norm, norm[1:] if norm[:1] in "وفل" else norm))


def _clauses_between(words: list[Word], a: int, b: int) -> int:
    lo, hi = sorted((a, b))
    return sum(1 for k in range(lo + 1, hi + 1) if any(ch in words[k].gap for ch in ",;:"))


def _visit_object(places: ArticlePlaces, mention: Mention, reach: int) -> bool:
    """A bare place right after a visit verb (زار مصر، سيصل موسكو): the visited place."""
    if mention.prefix or mention.cue >= _MIN_CUE:
        return False
    for k in range(mention.first - 1, max(-1, mention.first - 1 - reach), -1):
        if _is_visit_verb(places.words[k]):
            return True
        if any(ch in places.words[k + 1].gap for ch in ",;:"):
            return False
    return False


def place_near(places: ArticlePlaces, event_type: EventType, trigger_start: int, sentence: tuple[int, int]) -> Mention | None:
    """The place phrase tied to a trigger in its sentence: strongest cue, then nearest, same clause first."""
    trigger = places.word_index(trigger_start)
    best: tuple[float, Mention] | None = None
    for mention in places.mentions:
        if mention.start < sentence[0] or mention.end > sentence[1] or mention.post_or_border:
            continue
        cue = mention.cue
        is_visit = event_type == EventType.visit
        if _visit_object(places, mention, 10 if is_visit else 2) and (is_visit or abs(mention.first - trigger) <= 6):
            cue = 2.0  # a meeting "ليلتقي" right after "سيصل موسكو" is held there too
        if event_type == EventType.visit and mention.prefix == "ل" and mention.first - trigger in (1, 2):
            cue = max(cue, 2.5)  # زيارة لمصر
        if cue < _MIN_CUE:
            continue
        distance = abs(mention.first - trigger) if mention.first > trigger else abs(trigger - mention.last)
        score = cue - _DISTANCE_PENALTY * distance - _CLAUSE_PENALTY * _clauses_between(places.words, trigger, mention.first)
        if best is None or score > best[0]:
            best = (score, mention)
    return best[1] if best else None


def _sentence_index(offset: int, sentences: list[tuple[int, int]]) -> int | None:
    for k, (start, end) in enumerate(sentences):
        if start <= offset < end:
            return k
    return None


def _followed_by_during(places: ArticlePlaces, trigger_start: int) -> bool:
    i = places.word_index(trigger_start)
    return any(w.norm in _DURING for w in places.words[i:i + 3])


def _opens_with_back_reference(places: ArticlePlaces, sentence: tuple[int, int]) -> bool:
    """"جاء ذلك خلال لقاء في …", "يأتي ذلك …": the sentence places what the previous one reported."""
    i = places.word_index(sentence[0])
    head = [w.norm for w in places.words[i:i + 3] if w.start >= sentence[0]]
    return len(head) >= 2 and head[0] in _BACK_REFERENCE_VERBS and head[1] in ("ذلك", "هذا")


def _shares_participant(a: DetectedEvent, b: DetectedEvent) -> bool:
    names_a = {name_words(p.name) for p in a.participants} | {name_words(x) for p in a.participants for x in p.aliases}
    names_b = {name_words(p.name) for p in b.participants} | {name_words(x) for p in b.participants for x in p.aliases}
    return bool({n for n in names_a if n} & names_b)


def _institution_capital(places: ArticlePlaces, sentence: tuple[int, int], trigger_start: int) -> Mention | None:
    """"في وزارة الخارجية الروسية" / "بمقر الرئاسة المصرية": the capital of that country."""
    trigger = places.word_index(trigger_start)
    words = places.words
    for k in range(trigger, len(words)):
        if words[k].start >= sentence[1] or k - trigger > 8:
            break
        word = words[k].norm
        head = word[1:] if word[:1] == "ب" else word
        if head not in _INSTITUTIONS or not (word[:1] == "ب" or (k > 0 and words[k - 1].norm == "في")):
            continue
        for j in range(k + 1, min(k + 4, len(words))):
            cc = places.gazetteer.demonyms.get(words[j].norm)
            if cc and cc in places.gazetteer.capitals:
                capital = places.gazetteer.capitals[cc]
                return Mention(k, j, words[k].start, words[j].end, "", [], cue=3.0, entry=capital)
    return None


def resolve_places(
    places: ArticlePlaces, events: list[DetectedEvent], sentences: list[tuple[int, int]]
) -> list[ResolvedPlace | None]:
    """The place of every event of one article (None where the article gives none)."""
    chosen: list[Mention | None] = []
    for event in events:
        found = None
        for trigger in event.triggers:
            k = _sentence_index(trigger.start, sentences)
            if k is None:
                continue
            found = place_near(places, event.type, trigger.start, sentences[k])
            found = found or _institution_capital(places, sentences[k], trigger.start)
            if found is None and k + 1 < len(sentences) and _opens_with_back_reference(places, sentences[k + 1]):
                found = place_near(places, event.type, sentences[k + 1][0], sentences[k + 1])
            if found:
                break
        chosen.append(found)
    for k, event in enumerate(events):
        # a meeting held "during" a visit (استقبله خلالها، التقى خلالها) takes the visit's place
        if event.type != EventType.visit and _followed_by_during(places, event.triggers[0].start):
            visits = [j for j, e in enumerate(events) if e.type == EventType.visit and chosen[j] is not None
                      and e.triggers[0].start <= event.triggers[0].start
                      and (e.status == EventStatus.occurred) == (event.status == EventStatus.occurred)]
            if visits:
                chosen[k] = chosen[max(visits, key=lambda j: events[j].triggers[0].start)]
    for k, event in enumerate(events):
        # talks of a visitor with no place of their own: held where the visitor went
        if chosen[k] is None and event.type == EventType.meeting:
            visits = [j for j, e in enumerate(events) if e.type == EventType.visit and chosen[j] is not None
                      and _shares_participant(e, event)]
            if visits:
                chosen[k] = chosen[min(visits, key=lambda j: abs(events[j].triggers[0].start - event.triggers[0].start))]
    if places.dateline is not None:
        chosen = [c if c is not None else places.dateline for c in chosen]
    return [_refine(places, c) if c is not None else None for c in chosen]


def _refine(places: ArticlePlaces, mention: Mention) -> ResolvedPlace:
    """A country refined to the city of that country the article places things in, if there is one."""
    entry = mention.entry
    assert entry is not None
    if entry.precision == "country":
        cities = [m for m in places.mentions if m.entry is not None and m.entry.country_code == entry.country_code
                  and m.entry.precision in ("city", "site") and (m.cue >= _MIN_CUE or m is places.dateline
                                                                  or m.entry.capital)]
        if cities:
            city = min(cities, key=lambda m: abs(m.start - mention.start))
            assert city.entry is not None
            return ResolvedPlace(city.entry, city_text(places, city), city.start, city.end)
    return ResolvedPlace(entry, places.body[mention.start:mention.end], mention.start, mention.end)


def city_text(places: ArticlePlaces, mention: Mention) -> str:
    return places.body[mention.start:mention.end]
