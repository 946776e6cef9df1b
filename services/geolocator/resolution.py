"""Which mentioned place is the place OF an event (spec/EVENTS.md, "Place").

Order of evidence: a place phrase tied to the event's trigger in its sentence (في، إلى، ب…،
بمدينة، بالعاصمة، nearest first); the same for the event's other mentions; a meeting held
"during" (خلالها) a visit takes the visit's place; then the article's dateline; else null.
A place is never taken from a participant's nationality, nor from a border or an envoy's post.
A country is refined to a city of that country the article places events in (the finest supported).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import compress

from services.geolocator.gazetteer import SHADDA, Gazetteer, GazetteerEntry, WordCache, gemination, name_words
from services.geolocator.mentions import (
    DROPPED_CHARACTERS,
    Mention,
    Words,
    article_countries,
    choose_entries,
    find_mentions,
    words_of,
)
from shared.schemas import DetectedEvent, EventStatus, EventType, Participant, ParticipantKind

# Verbs whose bare object is the visited place (زار مصر، سيصل موسكو، غادر القاهرة), normalised.
_VISIT_VERBS = frozenset(
    [
        "زار", "زارت", "زاروا", "زارا", "يزور", "تزور", "نزور", "سيزور", "ستزور", "يزوران", "وصل", "وصلت", "وصلوا",
        "وصلا", "يصل", "تصل", "سيصل", "ستصل", "يصلان", "حل", "حلت", "يحل", "تحل", "توجه", "توجهت", "يتوجه",
        "تتوجه", "سيتوجه", "غادر", "غادرت", "غادروا", "غادرا", "يغادر", "تغادر", "سيغادر",
    ]
)
# Verbal nouns whose object may follow directly (زيارة مصر، جولته الخليجية).
_VISIT_NOUNS = frozenset([
    "زياره", "زيارته", "زيارتها", "زيارتهم", "زيارتهما", "جوله", "جولته", "جولتها", "وصول", "وصوله", "مغادره",
])
# Nouns heading a construct: in "رئيس وزراء النيجر" the bare country is no visited place.
_CONSTRUCT_HEADS = frozenset(
    [
        "رئيس", "وزير", "وزراء", "وزاره", "حكومه", "جيش", "قوات", "سفير", "سفاره", "ملك", "امير", "دوله", "برلمان",
        "مجلس", "شعب", "رئاسه", "قائد", "مبعوث", "ممثل", "وفد", "زعيم", "خارجيه", "دفاع", "داخليه", "رئيسا",
        "وزيرا", "نائب", "اركان", "سلطان", "عاهل", "شيخ", "حاكم", "ولي", "عهد", "امين", "مستشار",
    ]
)
# Topics: "الوضع في سوريا" is what was discussed, not where.
_TOPIC_NOUNS = frozenset(
    [
        "وضع", "اوضاع", "ازمه", "ازمات", "حرب", "ملف", "ملفات", "صراع", "نزاع", "تطورات", "مستجدات", "امن",
        "استقرار", "سلام", "تسويه", "عمليه", "احداث", "قضيه", "قضايا", "اوضاعها", "الاوضاع", "الوضع", "الازمه",
        "الحرب", "الملف", "الصراع", "النزاع", "التطورات", "المستجدات", "الامن", "الاستقرار", "السلام", "التسويه",
        "العمليه", "الاحداث", "القضيه", "الاستثمار", "الاستثمارات", "التعاون", "مشاريع", "المشاريع", "الانتخابات",
        "انتخابات",
    ]
)
# Verbs whose subject is the venue: "استضافت عمان اجتماعا"، "تستضيف الرياض غدا قمة"، "احتضنت الجزائر".
_HOSTING_VERBS = frozenset(
    [
        "استضاف", "استضافت", "يستضيف", "تستضيف", "ستستضيف", "سيستضيف", "احتضن", "احتضنت", "يحتضن", "تحتضن",
        "ستحتضن", "سيحتضن",
    ]
)
_HOSTING_CUE = 2.0
# Adjectives of scope, not of a place's situation: "الأوضاع الإقليمية في طهران" were discussed in Tehran.
_SCOPES = frozenset([
    "الاقليمي", "الاقليميه", "الدولي", "الدوليه", "الثنائي", "الثنائيه", "المشترك", "المشتركه", "العالمي",
    "العالميه",
])
# The verb after جولة that lists its stops (جولة تشمل باماكو وواغادوغو).
_TOUR_VERBS = frozenset(["تشمل", "ستشمل", "شملت", "يشمل", "شمل"])
_DURING = frozenset(["خلالها", "خلاله", "خلالهما"])
_DURING_REACH = 5  # words from a meeting trigger to its خلالها
_BACK_REFERENCE_VERBS = frozenset(["جاء", "وجاء", "ياتي", "وياتي", "جاءت", "وجاءت"])
_INSTITUTIONS = frozenset(["وزاره", "الوزاره", "مقر", "رئاسه", "الرئاسه", "القصر", "قصر", "ديوان"])
_INSTITUTION_WORDS = _INSTITUTIONS | {"ب" + word for word in _INSTITUTIONS}  # as written, with بـ or not
_MIN_CUE = 1.0
_BARE_OBJECT_CUE = 1.5
_DEPARTURES = frozenset(["غادر", "غادرت", "غادروا", "غادرا", "يغادر", "تغادر", "سيغادر", "ستغادر"])
_DISTANCE_PENALTY = 0.04
_LATER_MENTION_PENALTY = 1.5
_MIN_SCORE = -0.5
_HOLDING_VERBS = frozenset(
    [
        "عقد", "عقدت", "انعقد", "انعقدت", "يعقد", "تعقد", "ستعقد", "سيعقد", "جري", "جرت", "يجري", "تجري", "اقيم",
        "اقيمت", "تم", "تمت", "جمع", "جمعت", "جمعهما", "جمعتهما", "كان", "كانت",
    ]
)
_RELATIVE_PRONOUNS = frozenset(["الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي"])
_CLAUSE_PENALTY = 0.4
_CLAUSE_BREAK = re.compile("[,;:]")
_DATELINE_CHARS = 160
_name_words = WordCache(name_words)  # a participant's name -> its normalised words
_CALL_STEMS = ("هاتف", "اتصال", "مكالم", "اتصل", "عبر الفيديو", "افتراضي")
# What follows a dateline's place: a dash (ـ too), colon or slash, or a date / agency tag in brackets first.
# "مسقط في 12 أبريل /العمانية/" and "نواكشوط، 20/11/2025" (a line of its own) too.
_DATELINE_TAIL = re.compile(r"\s*(?:[-–—ـ:/]|(?:[،,]|\s+في)?\s*\d{1,2}\s+\S+(?:\s+\d{4})?\s*(?:\([^)\n]{1,30}\))?"
                            r"\s*[-–—ـ:/]|\([^)\n]{1,30}\)\s*[-–—ـ:]"
                            r"|[،,]?\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}[ \t]*(?:\n|$|[-–—ـ:(]))")


# National news agencies, as datelines tag them ("(بترا)"، "/ وام /"، "بغداد - واع"، "كونا -" opening the body): the
# article's home country,
# evidence for names of two countries' places (عمان: Amman in a Jordanian wire); never an event place itself.
_AGENCIES = {
    "بترا": "JO", "واس": "SA", "وام": "AE", "قنا": "QA", "كونا": "KW", "العمانية": "OM", "العُمانية": "OM",
    "بنا": "BH", "سبأ": "YE", "سبا": "YE", "سانا": "SY", "واع": "IQ", "ومع": "MA", "وات": "TN", "واج": "DZ",
    "وال": "LY", "سونا": "SD", "أ ش أ": "EG", "أ.ش.أ": "EG", "وفا": "PS",
}
_AGENCY = re.compile(r"(?:^|[(/\-–—ـ])\s*(" + "|".join(map(re.escape, sorted(_AGENCIES, key=len, reverse=True)))
                     + r")\s*(?:[)/:\-–—ـ]|$)", re.MULTILINE)


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
        self._word_indexes: dict[int, int] = {}
        blocked = self._participant_words(participants)
        self.mentions = find_mentions(self.words, gazetteer, blocked)
        if SHADDA in body:
            self._read_shaddas()
        self.countries = article_countries(self.words, self.mentions, gazetteer)
        self.agency: str | None = None  # the country of the national agency that filed it, if tagged
        if (agency := _AGENCY.search(body, 0, _DATELINE_CHARS)) is not None:  # "عمان (بترا)": a Jordanian wire
            self.agency = _AGENCIES[agency.group(1)]
            self.countries[self.agency] = self.countries.get(self.agency, 0) + 2
        choose_entries(self.mentions, self.countries)
        self.mentions = [m for m in self.mentions if m.entry is not None]
        self.mention_starts = [m.start for m in self.mentions]
        self.dateline = self._dateline()

    def _participant_words(self, participants: list[Participant]) -> set[int]:
        """Words inside the names and titles of people: محمد بن سلمان is not a place, nor is أبوظبي in "ولي عهد أبوظبي"
        or العراق in "رئيس وزراء العراق" (the spec: a place is never guessed from a participant's nationality;
        organisations may hold one)."""
        names = {words for p in participants if p.kind == ParticipantKind.person
                 for name in (p.name, *p.aliases) if len(words := _name_words[name]) >= 2}
        names |= {words for p in participants if p.kind == ParticipantKind.person and p.title
                  and len(words := _name_words[p.title]) >= 2}
        blocked: set[int] = set()
        if not names:
            return blocked
        firsts = {n[0] for n in names}
        seconds = {n[1] for n in names}
        norms = self.words.norms
        # a name's first word (perhaps with a proclitic) comes before its second: find those (a C-level pass)
        for i in compress(range(-1, len(norms) - 1), map(seconds.__contains__, norms)):
            if i < 0:
                continue
            word = norms[i]
            if word not in firsts and (len(word) < 4 or word[1:] not in firsts):
                continue
            for name in names:
                n = len(name)
                head = word if word == name[0] else word[1:]
                if head == name[0] and tuple(norms[i + 1:i + n]) == name[1:]:
                    blocked.update(range(i, i + n))
        return blocked

    def _read_shaddas(self) -> None:
        """A name written with a shadda keeps the places spelled with it: عمّان is Amman, not عُمان (Oman)."""
        geminations = self.gazetteer.geminations
        for mention in self.mentions:
            if len(mention.candidates) < 2:
                continue
            surface = self.body[_skip_letters(self.body, mention.start, mention.peeled):mention.end]
            if SHADDA not in surface:
                continue
            written = gemination(surface)
            spelled = [c for c in mention.candidates if written in geminations.get(c.entry.id, ())]
            if spelled:
                mention.candidates = spelled

    def word_index(self, offset: int) -> int:
        """Index of the word at or just before ``offset`` (asked again and again for the same triggers)."""
        index = self._word_indexes.get(offset)
        if index is None:
            index = self._word_indexes[offset] = max(0, bisect.bisect_right(self.words.starts, offset) - 1)
        return index

    def _dateline(self) -> Mention | None:
        """A place opening a line near the top, then a dash, colon, slash or a dated agency tag.

        "القاهرة - أ ش أ"، "(واس) الرياض -"، "بغداد/ واع"، "الرياض 05 نوفمبر 2024 (واس) -"، "نواكشوط، 12 مايو".
        """
        for mention in self.mentions:
            if mention.start > _DATELINE_CHARS:
                break
            if mention.prefix or mention.peeled or mention.entry is None:
                continue
            gap_before = self.words.gaps[mention.first]
            at_line_start = mention.first == 0 or "\n" in gap_before or ")" in gap_before
            if at_line_start and _DATELINE_TAIL.match(self.body, mention.end):
                # "عمان - بترا": a wire files from a city (Amman), whatever else the article names (Omani wires
                # file from مسقط)
                _read_as_city(mention, self.countries, dateline=True, agency=self.agency)
                if mention.entry is not None and mention.entry.precision == "country":
                    return None  # "ليبيا –": an outlet's country tag, not where the wire filed from
                return mention
        return None


def _read_as_city(
    mention: Mention, countries: dict[str, int], dateline: bool = False, agency: str | None = None
) -> None:
    """A name that is a country and another country's capital (عمان) read as the capital where a city is meant,
    unless the article names that country more than the capital's ("مسقط"، "العماني": Oman hosts); in a
    dateline always, unless the filing ``agency`` is that country's."""
    entry = mention.entry
    if entry is not None and entry.precision == "country":
        capital = next(
            (c.entry for c in mention.candidates if c.entry.precision == "city" and c.entry.capital and not c.common),
            None,
        )
        if capital is not None and (
            countries.get(entry.country_code, 0) <= countries.get(capital.country_code, 0)
            or (dateline and agency != entry.country_code)
        ):
            mention.entry = capital


def _bare(word: str) -> str:
    """A word without its conjunction and article: وزيارة -> زياره, والرئيس -> رئيس."""
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    return word


def _is_visit_verb(norm: str) -> bool:
    return norm in _VISIT_VERBS or (len(norm) > 3 and norm[0] in "وف" and norm[1:] in _VISIT_VERBS)


def _holds_clause_break(gap: str) -> int:
    return 1 if _CLAUSE_BREAK.search(gap) else 0


_visit_verbs = WordCache(_is_visit_verb)
_clause_break = WordCache(_holds_clause_break)


def _clauses_between(words: Words, a: int, b: int) -> int:
    lo, hi = sorted((a, b))
    return sum(map(_clause_break.__getitem__, words.gaps[lo + 1:hi + 1]))


def _visit_object(places: ArticlePlaces, mention: Mention, reach: int) -> bool:
    """A bare place after a visit verb (زار مصر، يزور ... طهران) or right after a visit noun (زيارة مصر)."""
    if mention.prefix or mention.cue >= _MIN_CUE or mention.first == 0:
        return False
    norms, gaps = places.words.norms, places.words.gaps
    previous = _bare(norms[mention.first - 1])
    if previous in _CONSTRUCT_HEADS or ("ال" + previous) in _CONSTRUCT_HEADS:
        return False
    if previous in _VISIT_NOUNS or norms[mention.first - 1] in _VISIT_NOUNS:
        return True
    if previous[:1] in ("ل", "ب") and previous[1:] in _VISIT_NOUNS:
        return True  # دعوة لزيارة أنقرة، قام بزيارة مصر
    tour_words = norms[max(0, mention.first - 5):mention.first]
    if previous in _TOUR_VERBS and any(_bare(n).startswith("جول") for n in tour_words):
        return True  # "جولة أفريقية تشمل باماكو": the tour's stops
    for k in range(mention.first - 1, max(-1, mention.first - 1 - reach), -1):
        if _visit_verbs[norms[k]]:
            return True
        if _clause_break[gaps[k + 1]]:
            return False
    return False


def _is_hosting_verb(norm: str) -> bool:
    return norm in _HOSTING_VERBS or (len(norm) > 4 and norm[0] in "وف" and norm[1:] in _HOSTING_VERBS)


_hosting_verbs = WordCache(_is_hosting_verb)


def _hosting_subject(places: ArticlePlaces, mention: Mention) -> bool:
    """The bare place right after a hosting verb (العاصمة, a title of the city, may stand between), or its
    subject before it ("وكانت عمان قد استضافت")."""
    if mention.prefix:
        return False
    norms, gaps = places.words.norms, places.words.gaps
    after = mention.last + 1
    if after < len(norms) and norms[after] == "قد":
        after += 1
    if after < len(norms) and _hosting_verbs[norms[after]] and not _clause_break[gaps[mention.last + 1]]:
        return True
    if mention.first == 0:
        return False
    k = mention.first - 1
    if k > 0 and _bare(norms[k]) in ("عاصمه", "مدينه") and not _clause_break[gaps[k + 1]]:
        k -= 1
    return _hosting_verbs[norms[k]] and not _clause_break[gaps[k + 1]]


def _foreign_relative_clauses(words: Words, trigger: int, until: int) -> int:
    """Relative clauses between a trigger and a place that are not about the event itself.

    "الاجتماع الذي عقد في …" and "الزيارة الأخيرة التي كان من المقرر …" describe the event; "الحرب التي
    يشنها التحالف … في اليمن" describes something else.
    """
    if _RELATIVE_PRONOUNS.isdisjoint(words.norms[trigger + 1:until]):
        return 0
    count = 0
    for k in range(trigger + 1, until):
        if words.norms[k] not in _RELATIVE_PRONOUNS:
            continue
        next_word = _bare(words.norms[k + 1]) if k + 1 < len(words) else ""
        if k - trigger <= 3 or next_word in _HOLDING_VERBS:
            continue
        count += 1
    return count


def _is_topic(places: ArticlePlaces, mention: Mention) -> bool:
    """"بحثا الأوضاع في ليبيا": the place qualifies a topic noun; so do the places listed after it
    ("الأزمة في السودان وجنوب السودان")."""
    if mention.group >= 0:
        k = bisect.bisect_left(places.mention_starts, mention.start)
        while k > 0 and places.mentions[k - 1].group == mention.group:
            k -= 1
        if places.mentions[k] is not mention:
            mention = places.mentions[k]
    norms = places.words.norms
    k = (mention.phrase_first if mention.phrase_first >= 0 else mention.first) - 1
    if mention.prefix == "ب" or k < 1 or norms[k] not in ("في", "داخل"):
        return False
    if norms[k - 1] in _TOPIC_NOUNS or _bare(norms[k - 1]) in _TOPIC_NOUNS:
        return True
    # "التطورات الأمنية في ليبيا": a country's or a region's situation, up to two adjectives between; not a city
    # ("التطورات الإقليمية في القاهرة" were discussed there) nor a scope ("التعاون الثنائي في الرياض")
    if mention.entry is None or mention.entry.precision not in ("country", "region"):
        return False
    for j in range(k - 1, max(-1, k - 4), -1):
        if norms[j] in _TOPIC_NOUNS or _bare(norms[j]) in _TOPIC_NOUNS:
            return True
        if not norms[j].startswith("ال") or norms[j] in _SCOPES or places.words.gaps[j + 1] != " ":
            return False
    return False


def place_near(
    places: ArticlePlaces, event_type: EventType, trigger_start: int, sentence: tuple[int, int]
) -> tuple[float, Mention] | None:
    """The place phrase tied to a trigger in its sentence: strongest cue, then nearest, same clause first."""
    trigger = places.word_index(trigger_start)
    best: tuple[float, Mention] | None = None
    is_visit = event_type == EventType.visit
    departure = (is_visit and trigger < len(places.words)
                 and _bare(places.words.norms[trigger]) in _DEPARTURES)  # its first object is where
    onward = _onward_after(places, trigger, sentence) if departure else None
    for k in range(bisect.bisect_left(places.mention_starts, sentence[0]), len(places.mentions)):
        mention = places.mentions[k]
        if mention.start >= sentence[1]:
            break  # (the mentions are in text order)
        if mention.end > sentence[1] or mention.post_or_border:
            continue
        if _is_topic(places, mention):
            continue
        if is_visit and mention.last < trigger and _returned_to(places, mention, sentence):
            continue  # "عاد … إلى السودان عقب زيارة إلى أسمرا": home, where the visitor came back to
        cue = mention.cue
        if onward is not None and mention.first > trigger:
            if mention.first > onward:
                continue  # "غادر … الإمارات متوجها إلى مصر": the next stop is not the visit that ends
            cue = max(cue, 3.0)  # the place left, whatever stands between (", الأربعاء،")
        if _visit_object(places, mention, 10 if is_visit else 2) and (is_visit or abs(mention.first - trigger) <= 6):
            cue = max(cue, _BARE_OBJECT_CUE)  # a meeting "ليلتقي" right after "سيصل موسكو" is held there too
            if is_visit and departure and mention.first > trigger:
                cue, departure = 3.0, False  # "غادر ... القاهرة متوجها إلى عمان": the visit ends there
        if not is_visit and 0 < trigger - mention.last <= 8 and _hosting_subject(places, mention):
            cue = max(cue, _HOSTING_CUE)  # "استضافت عمان اجتماعا": the host city is where it is held
            _read_as_city(mention, places.countries)
        where = _where_clause_of(places, mention, trigger)
        if where:
            cue = max(cue, 3.0)  # "في منتجع شرم الشيخ حيث يتوقع وصول العاهل": at the place before حيث
        if is_visit and mention.first <= trigger <= mention.last:
            cue = max(cue, 3.0)  # a leg of a tour: its trigger is the stop's name
        if is_visit and mention.prefix == "ل":  # زيارة لمصر، يقوم بها ... لكوريا الشمالية: the destination
            cue = max(cue, 2.5 if mention.first - trigger in (1, 2) else 1.5)
        if cue < _MIN_CUE:
            continue
        distance = abs(mention.first - trigger) if mention.first > trigger else abs(trigger - mention.last)
        clauses = 0 if where else _clauses_between(places.words, trigger, mention.first)
        score = cue - _DISTANCE_PENALTY * distance - _CLAUSE_PENALTY * clauses
        if mention.first > trigger and _foreign_relative_clauses(places.words, trigger, mention.first):
            continue  # "الحرب التي يشنها التحالف ... في اليمن": the place of another clause
        if score > _MIN_SCORE and (best is None or score > best[0]):
            best = (score, mention)
    return best


_ONWARD_WORDS = frozenset({"متوجه", "متوجها", "متوجهه", "متوجهين", "متوجهون"})


def _onward_after(places: ArticlePlaces, trigger: int, sentence: tuple[int, int]) -> int | None:
    """The word "متوجها" after a departure verb in its sentence, if any."""
    end = min(len(places.words), places.word_index(sentence[1]))
    return next((j for j in range(trigger + 1, end) if _bare(places.words.norms[j]) in _ONWARD_WORDS), None)


_RETURN_VERBS = frozenset({"عاد", "عادت", "يعود", "تعود", "عايدا", "عايده"})
_RETURN_WINDOW = 20  # words from a return verb to the place it returns to (a long title may stand between)


def _returned_to(places: ArticlePlaces, mention: Mention, sentence: tuple[int, int]) -> bool:
    """Is the place where a return verb before it in the sentence goes back to?"""
    lo = max(places.word_index(sentence[0]), mention.first - _RETURN_WINDOW)
    return any(_bare(norm) in _RETURN_VERBS for norm in places.words.norms[lo : mention.first])


def _where_clause_of(places: ArticlePlaces, mention: Mention, trigger: int) -> bool:
    """The trigger stands in a حيث clause (up to ten words on) right after the place mention."""
    after = mention.last + 1
    norms = places.words.norms
    return after < len(norms) and norms[after] in ("حيث", "وحيث") and 0 < trigger - after <= 10


def _sentence_index(offset: int, sentences: list[tuple[int, int]]) -> int | None:
    for k, (start, end) in enumerate(sentences):
        if start <= offset < end:
            return k
    return None


def _followed_by_during(places: ArticlePlaces, trigger_start: int) -> bool:
    """"استقبله خلالها"، "يلتقي الرئيس الأمريكي خلالها": the trigger, its subject (up to 3 words), then خلالها."""
    i = places.word_index(trigger_start)
    return not _DURING.isdisjoint(places.words.norms[i:i + _DURING_REACH])


def _opens_with_back_reference(places: ArticlePlaces, sentence: tuple[int, int]) -> bool:
    """"جاء ذلك خلال لقاء في …", "يأتي ذلك …": the sentence places what the previous one reported."""
    i = places.word_index(sentence[0])
    norms, starts = places.words.norms[i:i + 3], places.words.starts[i:i + 3]
    if _BACK_REFERENCE_VERBS.isdisjoint(norms[:2]):
        return False  # (the usual case)
    head = [norm for norm, start in zip(norms, starts, strict=True) if start >= sentence[0]]
    return len(head) >= 2 and head[0] in _BACK_REFERENCE_VERBS and head[1] in ("ذلك", "هذا")


def _shares_participant(a: DetectedEvent, b: DetectedEvent) -> bool:
    names_a = {_name_words[name] for p in a.participants for name in (p.name, *p.aliases)}
    names_b = {_name_words[name] for p in b.participants for name in (p.name, *p.aliases)}
    return bool({n for n in names_a if n} & names_b)


def _institution_capital(places: ArticlePlaces, sentence: tuple[int, int], trigger_start: int) -> Mention | None:
    """"في وزارة الخارجية الروسية" / "بمقر الرئاسة المصرية": the capital of that country."""
    trigger = places.word_index(trigger_start)
    words = places.words
    norms = words.norms
    if _INSTITUTION_WORDS.isdisjoint(norms[trigger:trigger + 9]):
        return None  # (the usual case)
    for k in range(trigger, len(words)):
        if words.starts[k] >= sentence[1] or k - trigger > 8:
            break
        word = norms[k]
        head = word[1:] if word[:1] == "ب" else word
        if head not in _INSTITUTIONS or not (word[:1] == "ب" or (k > 0 and norms[k - 1] == "في")):
            continue
        for j in range(k + 1, min(k + 3, len(words))):
            if any(ch in words.gaps[j] for ch in ".,;:!?\n"):
                break
            cc = places.gazetteer.demonyms.get(norms[j])
            if cc and cc in places.gazetteer.capitals:
                capital = places.gazetteer.capitals[cc]
                return Mention(k, j, words.starts[k], words.ends[j], "", [], cue=3.0, entry=capital)
    return None


# Schools of an army (الكليات العسكرية التركية): training there is training in that country.
_ACADEMIES = frozenset([
    "الكليات", "الكليه", "المدارس", "المدرسه", "الاكاديميات", "الاكاديميه", "المعاهد", "المعهد", "المراكز",
])


_ACADEMY_WORDS = _ACADEMIES | {"ب" + word for word in _ACADEMIES}
_AGREEMENT_STEMS = ("مذكر", "اتفاق", "بروتوكول", "وثيق")


def _signed(places: ArticlePlaces, event: DetectedEvent) -> bool:
    """An agreement reported signed: its place is where it was signed (the dateline), not where it trains."""
    return event.status == EventStatus.occurred and _bare(
        places.words.norms[places.word_index(event.triggers[0].start)]).startswith(_AGREEMENT_STEMS)


def _academy_country(places: ArticlePlaces, sentence: tuple[int, int], trigger_start: int) -> Mention | None:
    """"للتدريب في الكليات العسكرية التركية"، "بالمدارس والأكاديميات العسكرية الإيطالية": that country."""
    words = places.words
    norms = words.norms
    trigger = places.word_index(trigger_start)
    if _ACADEMY_WORDS.isdisjoint(norms[trigger:trigger + 10]):
        return None  # (the usual case)
    for k in range(trigger, min(trigger + 10, len(words))):
        if words.starts[k] >= sentence[1]:
            break
        word = norms[k]
        head = word[1:] if word[:1] == "ب" else word
        if head not in _ACADEMIES or not (word[:1] == "ب" or (k > 0 and norms[k - 1] == "في")):
            continue
        for j in range(k + 1, min(k + 5, len(words))):
            if words.starts[j] >= sentence[1] or any(ch in words.gaps[j] for ch in ".,;:!?\n"):
                break
            cc = places.gazetteer.demonyms.get(norms[j])
            if cc and cc in places.gazetteer.by_country:
                country = places.gazetteer.by_country[cc]
                return Mention(k, j, words.starts[k], words.ends[j], "", [], cue=3.0, entry=country,
                               peeled=1 if word[:1] == "ب" else 0, spans_list=True)
        break
    return None


_UNREAL = frozenset([EventStatus.proposed, EventStatus.denied])
_GATHERINGS = ("قمه", "قمم", "موتمر", "منتدي", "اجتماعات", "دوره")
# word -> whether it is هامش (على هامش: on the sidelines of), with its clitics (a per-word memo, read by map)
_margin_words = WordCache(lambda norm: _bare(norm).startswith("هامش"))


def _margin_summit_place(
    places: ArticlePlaces, previous: tuple[int, int], sentence: tuple[int, int], trigger_start: int
) -> tuple[float, Mention] | None:
    """"وعلى هامش القمة التقى …" after a sentence placing the summit ("انطلقت في الدوحة أعمال القمة"): the
    meeting is held where the summit is."""
    words = places.words
    i = places.word_index(trigger_start)
    lo = max(places.word_index(sentence[0]), i - 6)
    if not any(map(_margin_words.__getitem__, words.norms[lo:i + 10])):
        return None  # (the usual case)
    for j in range(places.word_index(previous[0]), places.word_index(sentence[0])):
        if words.starts[j] >= previous[0] and _bare(words.norms[j]).startswith(_GATHERINGS):
            return place_near(places, EventType.meeting, words.starts[j], previous)
    return None


def resolve_places(
    places: ArticlePlaces, events: list[DetectedEvent], sentences: list[tuple[int, int]]
) -> list[ResolvedPlace | None]:
    """The place of every event of one article (None where the article gives none)."""
    chosen: list[Mention | None] = []
    for event in events:
        best: tuple[float, Mention] | None = None
        for rank, trigger in enumerate(event.triggers):
            k = _sentence_index(trigger.start, sentences)
            if k is None:
                continue
            scored = place_near(places, event.type, trigger.start, sentences[k])
            if scored is None:
                capital = _institution_capital(places, sentences[k], trigger.start)
                scored = (2.0, capital) if capital else None
            if scored is None and event.type == EventType.training_agreement and not _signed(places, event):
                academy = _academy_country(places, sentences[k], trigger.start)
                scored = (2.0, academy) if academy else None
            if scored is None and k > 0:
                scored = _margin_summit_place(places, sentences[k - 1], sentences[k], trigger.start)
            if scored is None and k + 1 < len(sentences) and _opens_with_back_reference(places, sentences[k + 1]):
                scored = place_near(places, event.type, sentences[k + 1][0], sentences[k + 1])
            if scored is not None:
                score = scored[0] - _LATER_MENTION_PENALTY * min(rank, 1)  # the first mention is the event's own
                if score > _MIN_SCORE and (best is None or score > best[0]):
                    best = (score, scored[1])
        chosen.append(best[1] if best else None)
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
                      and not (event.status == EventStatus.occurred and e.status in _UNREAL)
                      and _shares_participant(e, event)]  # (talks held are not held where a visit is invited to)
            if visits:
                start = event.triggers[0].start
                chosen[k] = chosen[min(visits, key=lambda j: abs(events[j].triggers[0].start - start))]
    for k, event in enumerate(events):
        # "عقد لقاءات مع فلان وعلان" after "على هامش القمة في دوشنبه": a held meeting with no place of its own is
        # where the held meeting of a shared participant told before it was (not a call)
        if chosen[k] is None and event.type == EventType.meeting and _dateline_applies(places, event):
            earlier = [j for j, e in enumerate(events) if j != k and e.type == EventType.meeting
                       and chosen[j] is not None and e.status == EventStatus.occurred
                       and e.triggers[0].start < event.triggers[0].start and _shares_participant(e, event)]
            if earlier:
                chosen[k] = chosen[max(earlier, key=lambda j: events[j].triggers[0].start)]
    chosen = [_widen_list(places, c) if c is not None else None for c in chosen]
    if places.dateline is not None:  # where the wire filed from: for what happened there, not calls or plans
        chosen = [c if c is not None or not _dateline_applies(places, e) else places.dateline
                  for c, e in zip(chosen, events, strict=True)]
    home = _home_country(places)
    if home is not None:  # "وصل … إلى البلاد": the country of the wire that reports it
        for k, event in enumerate(events):
            j = _the_country_word(places, event, sentences) if chosen[k] is None else None
            if j is not None:
                words = places.words
                chosen[k] = Mention(j, j, words.starts[j], words.ends[j], "", [], entry=home, cue=_MIN_CUE)
    return [_refine(places, c) if c is not None else None for c in chosen]


_THE_COUNTRY = frozenset({"البلاد", "للبلاد"})  # "إلى البلاد"، "زيارته للبلاد": the reporting country
_TO = frozenset({"الي", "والي"})
_THE_COUNTRY_WINDOW = 16  # words after a visit's trigger where "إلى البلاد" names its destination


def _home_country(places: ArticlePlaces) -> GazetteerEntry | None:
    """The country a wire reports from: its national agency's (كونا، واس …), else its dateline's."""
    dateline = places.dateline.entry if places.dateline is not None else None
    code = places.agency or (dateline.country_code if dateline is not None else None)
    return places.gazetteer.by_country.get(code) if code else None


def _the_country_word(places: ArticlePlaces, event: DetectedEvent, sentences: list[tuple[int, int]]) -> int | None:
    """The word "البلاد" of "إلى البلاد"، "للبلاد" right after one of a visit's triggers, if any."""
    if event.type != EventType.visit:
        return None
    norms = places.words.norms
    for trigger in event.triggers:
        k = _sentence_index(trigger.start, sentences)
        if k is None:
            continue
        i = places.word_index(trigger.start)
        end = min(places.word_index(sentences[k][1]), i + _THE_COUNTRY_WINDOW)
        for j in range(i, end):
            if norms[j] in _THE_COUNTRY and (norms[j] == "للبلاد" or (j > 0 and norms[j - 1] in _TO)):
                return j
    return None


# word -> whether it speaks of a call (هاتفيا، اتصالا …): a per-word memo, read by map
_call_words = WordCache(lambda norm: _bare(norm).startswith(_CALL_STEMS))


def _dateline_applies(places: ArticlePlaces, event: DetectedEvent) -> bool:
    if event.status != EventStatus.occurred:
        return False
    for trigger in event.triggers:
        i = places.word_index(trigger.start)
        if any(map(_call_words.__getitem__, places.words.norms[i:i + 3])):
            return False
    return True


def _widen_list(places: ArticlePlaces, mention: Mention) -> Mention:
    """Several cities of one country listed together (تافنيت وطانطان وتزنيت): the event spans the country."""
    group = [m for m in places.mentions if m.group == mention.group and m.entry is not None]
    entries = {m.entry.id for m in group if m.entry is not None}
    codes = {m.entry.country_code for m in group if m.entry is not None}
    if len(entries) < 2 or len(codes) != 1:
        return mention
    country = places.gazetteer.by_country.get(codes.pop())
    if country is None or any(m.entry is not None and m.entry.precision in ("country", "region") for m in group):
        return mention
    first, last = group[0], group[-1]
    return Mention(first.first, last.last, first.start, last.end, "", [], cue=mention.cue, entry=country,
                   group=mention.group, peeled=first.peeled, spans_list=True)


def _refine(places: ArticlePlaces, mention: Mention) -> ResolvedPlace:
    """A country refined to the city of that country the article places things in, if there is one."""
    entry = mention.entry
    assert entry is not None
    if entry.precision == "country" and not mention.spans_list:
        cities = [m for m in places.mentions if m.entry is not None and m.entry.country_code == entry.country_code
                  and m.entry.precision in ("city", "site") and (m.cue >= _MIN_CUE or m is places.dateline
                                                                  or m.entry.capital)]
        if cities:
            city = min(cities, key=lambda m: abs(m.start - mention.start))
            assert city.entry is not None
            return _resolved(places, city)
    return _resolved(places, mention)


def _resolved(places: ArticlePlaces, mention: Mention) -> ResolvedPlace:
    """The place with its surface phrase: from the toponym noun (مدينة سرت), clitics (بـ، و) left out."""
    assert mention.entry is not None
    if mention.phrase_first >= 0:
        start = _skip_letters(places.body, places.words.starts[mention.phrase_first], mention.phrase_peeled)
    else:
        start = _skip_letters(places.body, mention.start, mention.peeled)
    return ResolvedPlace(mention.entry, places.body[start:mention.end], start, mention.end)


def _skip_letters(body: str, start: int, letters: int) -> int:
    """The offset after ``letters`` letters from ``start`` (diacritics and tatweel do not count)."""
    while letters > 0 and start < len(body):
        if body[start] not in DROPPED_CHARACTERS:
            letters -= 1
        start += 1
    while start < len(body) and body[start] in DROPPED_CHARACTERS:
        start += 1
    return start
