"""Place mentions in an article: gazetteer names found in the text, with the cue that introduces them.

The text is read on the normalised view (shared/arabic.py), word by word, with the proclitics
و ف ب ل ك (and لل = ل + ال) peeled off the first word of a name, so بليبيا، لطرابلس، والقاهرة and
multi-word names (الولايات المتحدة، شرم الشيخ) all match; offsets point into the original body.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress, repeat

from services.geolocator.gazetteer import Gazetteer, GazetteerEntry, IndexedName, Opening, WordCache
from shared.arabic import normalize

# Words on the normalised view: a run of Arabic letters, of Latin letters or of digits.
NORMAL_WORD_CLASSES = (r"[\u0621-\u064a]", "[A-Za-z]", r"\d")

# Nouns that introduce a place name (مدينة سرت، العاصمة طرابلس، بمقر …); normalised.
TOPONYM_NOUNS = frozenset(
    [
        "مدينه", "العاصمه", "عاصمه", "بلده", "قريه", "منطقه", "ولايه", "محافظه", "اقليم", "واحه", "ميناء", "مقر",
        "قصر", "مطار", "قاعده", "ديوان", "جزيره", "المدينه", "البلده", "القريه", "المنطقه", "الولايه", "المحافظه",
        "الاقليم", "مدينتي", "مخيم", "معسكر", "القصر", "المطار", "المقر", "مناطق", "المناطق", "مدن", "المدن",
        "محافظات", "المحافظات", "ولايات", "الولايات", "ميادين", "الميادين", "ميدان", "الميدان",
    ]
)
# Prepositions and adverbs that tie a place to an event, with how strongly.
LOCATIVE_WORDS = {"في": 3.0, "داخل": 3.0, "الي": 2.5, "الى": 2.5, "لدي": 1.5, "قرب": 2.0, "خارج": 0.0, "من": 0.5,
                  "نحو": 2.0, "صوب": 2.0, "حتي": 1.0}
# A place after these is someone's post or a border, not where the event is.
_POST_WORDS = frozenset([
    "سفير", "السفير", "سفيرا", "سفاره", "السفاره", "سفارتها", "سفارته", "قنصل", "القنصل", "القنصليه", "قنصليه",
    "لشوون",  # "وزير الدولة لشؤون الدفاع في دولة قطر": the office's country, not where it is held
])
# An envoy "إلى ليبيا" / "لدى ليبيا" is posted there; an envoy "في واشنطن" may well meet there.
_ENVOY_WORDS = frozenset(["مندوب", "المندوب", "ممثل", "الممثل", "المبعوث", "مبعوث", "مبعوثا"])
_ENVOY_PREPOSITIONS = frozenset(["الي", "الى", "لدي"])
_FUNCTION_WORDS = frozenset([
    "ان", "انه", "انها", "الي", "الى", "علي", "عن", "مع", "من", "في", "لا", "لم", "لن", "ما", "هذا", "هذه", "ذلك",
    "التي", "الذي",
])
_IN_OR_TO = frozenset(["في", "داخل", "الي", "الى"])
_BORDER_WORDS = frozenset(["حدود", "الحدود", "حدودها", "حدوده"])
_POST_OR_BORDER_WORDS = _POST_WORDS | _BORDER_WORDS
_CUE_WORDS = frozenset(["بكل", "وبكل", "من", "مع", *LOCATIVE_WORDS, *_BORDER_WORDS])  # read before a name
# A gathering in construct with a city (قمة الرياض، منتدى الدوحة، مؤتمر ميونخ، محادثات جدة) is held there.
_GATHERING_NOUNS = frozenset(["قمه", "موتمر", "منتدي", "ملتقي", "حوار", "اجتماعات", "محادثات", "مفاوضات"])
_AT_A_GATHERING = frozenset(["هامش", "في", "وفي", "خلال", "وخلال", "اثناء", "واثناء"])


@dataclass(slots=True)
class Words:
    """The words of a body as columns (no object per word: an article has hundreds).

    ``norms[i]`` is word i on the normalised view, ``starts[i]``/``ends[i]`` its original offsets and
    ``gaps[i]`` the normalised text between word i - 1 and word i.
    """

    norms: list[str]
    starts: list[int]
    ends: list[int]
    gaps: list[str]

    def __len__(self) -> int:
        return len(self.norms)


@dataclass(slots=True)
class Mention:
    """A gazetteer name found in the body, with its candidates and how the text introduces it."""

    first: int  # index of the first word
    last: int  # index of the last word (inclusive)
    start: int
    end: int
    prefix: str  # proclitic preposition on the first word: ب ل ك or ""
    candidates: list[IndexedName]
    peeled: int = 0  # letters of proclitics peeled off the first word (و، ب، لل …)
    cue: float = 0.0  # strength of the locative cue (0: bare)
    toponym_noun: bool = False  # preceded by مدينة، العاصمة …
    post_or_border: bool = False
    nearby_countries: set[str] = field(default_factory=set)  # demonyms right around it (مدينة أنطاليا التركية)
    group: int = -1  # mentions coordinated in one list (في طانطان وتزنيت وقنيطرة) share a group
    phrase_first: int = -1  # first word of the place phrase (مدينة in "بمدينة سرت"), -1: the name itself
    phrase_peeled: int = 0  # proclitic letters on that first word (ب in بمدينة)
    spans_list: bool = False  # stands for several listed places (a country), not to be narrowed again
    entry: GazetteerEntry | None = None  # chosen candidate
    needs_presence: bool = False  # a candidate only counts when the article names its country (المملكة)


def words_of(text: str) -> Words:
    """Words of ``text`` on its normalised view, with original offsets.

    Read on the original text, so the body is never normalised as a whole, and phrase by phrase: a phrase
    is words joined by single spaces, found by one C-level split; str.split cuts it into words; the running
    lengths of gaps and words are the offsets; each word and gap is normalised once (cached).
    """
    parts = _PHRASE.split(text)  # gap, phrase, gap, phrase, ..., trailing gap
    phrases = [phrase.split(" ") for phrase in parts[1::2]]
    pieces = list(chain.from_iterable(phrases))
    norms = list(map(_phrase_words.__getitem__, pieces))
    if "" in norms:  # a piece mixing Arabic, Latin or digits (و1988), a lone mark (ـ), two spaces
        return _words_phrase_by_phrase(parts, phrases)
    gaps = [" "] * len(pieces)  # inside a phrase, one space
    lengths = [1] * (2 * len(pieces))  # of the gap before each word, and of the word
    lengths[1::2] = map(len, pieces)
    first = 0  # the first word of each phrase
    for gap, phrase in zip(parts[0:-1:2], phrases, strict=True):
        gaps[first], lengths[2 * first] = _normal_forms[gap], len(gap)
        first += len(phrase)
    bounds = list(accumulate(lengths))
    starts, ends = bounds[0::2], bounds[1::2]
    for space in _MARK_BEFORE_SPACE.finditer(text):  # أيضاً كما: the word ends before its marks
        k = bisect.bisect_left(ends, space.start())
        if k < len(ends) and ends[k] == space.start():
            ends[k] -= _trailing_mark_count(pieces[k])
    return Words(norms, starts, ends, gaps)


def _words_phrase_by_phrase(parts: list[str], phrases: list[list[str]]) -> Words:
    """:func:`words_of` for any text (slower): phrases with a piece that is not one word are split exactly."""
    split = [parts[0]]  # gap, word, gap, word, ..., trailing gap (original text)
    for phrase, pieces, gap_after in zip(parts[1::2], phrases, parts[2::2], strict=True):
        if "" in map(_phrase_words.__getitem__, pieces) or _MARK_BEFORE_SPACE.search(phrase):
            words_and_gaps = _WORD.split(phrase)  # "", word, gap, ..., word, ""
            split[-1] += words_and_gaps[0]
            split += words_and_gaps[1:]
            split[-1] += gap_after
        else:
            split += chain.from_iterable(zip(pieces, repeat(" ")))  # word, " ", word, " ", ..., word, " "
            split[-1] = gap_after
    normal = list(map(_normal_forms.__getitem__, split))
    bounds = list(accumulate(map(len, split)))  # bounds[2i]: where word i starts, bounds[2i + 1]: where it ends
    return Words(normal[1::2], bounds[0:-1:2], bounds[1::2], normal[0:-1:2])


def _character_classes() -> tuple[list[str], str]:
    """The word classes of the normalised view as (regex) classes of original characters, and the dropped ones.

    A character belongs to a word class when its normalised form does (أ and ی are Arabic letters, ٣ a digit);
    the characters normalisation drops (harakat, tatweel, zero-width marks) may sit inside a word, not at its
    ends. Derived from shared/arabic.py over the BMP (its tables hold nothing beyond; a unit test checks
    that words_of agrees with the normalised view).
    """
    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
    normal = list(map(normalize, chars))
    kept = [c for c, n in zip(chars, normal, strict=True) if len(n) == 1]  # (normalised to one or none)
    normal_text = "".join(n for n in normal if len(n) == 1)  # kept[i] normalises to normal_text[i]

    def members(word_class: str) -> str:
        return re.escape("".join(kept[m.start()] for m in re.finditer(word_class, normal_text)))

    classes = [members(word_class) for word_class in NORMAL_WORD_CLASSES[:2]]
    classes.append(r"\d" + members(NORMAL_WORD_CLASSES[2]))  # \d: digits beyond the BMP too
    return classes, "".join(c for c, n in zip(chars, normal, strict=True) if not n)


_CLASSES, _DROPPED_CHARACTERS = _character_classes()
DROPPED_CHARACTERS = frozenset(_DROPPED_CHARACTERS)  # what normalisation drops (the empty normal form)
_DROPPED = re.escape(_DROPPED_CHARACTERS)
_LETTER = "[" + "".join(_CLASSES) + "]"
# Each pattern opens with a character class, which lets the regex engine skip quickly to the next match;
# the groups keep the phrases and words in split().
_PHRASE = re.compile(f"({_LETTER}(?:[{''.join(_CLASSES)}{_DROPPED} ]*{_LETTER})?)")
_WORD = re.compile("(" + "|".join(f"[{c}][{c}]*(?:[{_DROPPED}]+[{c}]+)*" for c in _CLASSES) + ")")
_MARK_BEFORE_SPACE = re.compile(f" (?<=[{_DROPPED}] )")  # (opening with the space: found fast)
_NORMAL_WORD = re.compile("|".join(f"{c}+" for c in NORMAL_WORD_CLASSES))
_STARTS_WITH_LETTER = re.compile(_LETTER)


def _phrase_word(piece: str) -> str:
    """The normalised form of a phrase's piece; "" unless it is one word (not و1, ـ, or the "" of two spaces)."""
    normal = normalize(piece)
    return normal if _STARTS_WITH_LETTER.match(piece) and _NORMAL_WORD.fullmatch(normal) else ""


def _trailing_mark_count(word: str) -> int:
    return len(word) - len(word.rstrip(_DROPPED_CHARACTERS))


# piece, gap or word -> its normalised form (an article's pieces are mostly ones seen before)
_phrase_words = WordCache(_phrase_word)
_normal_forms = WordCache(normalize)


def find_mentions(words: Words, gazetteer: Gazetteer, blocked: set[int] | None = None) -> list[Mention]:
    """Longest gazetteer names in ``words`` (left to right, no overlaps); ``blocked`` words are skipped.

    Only words with a reading that may open a name are examined (a third of them, found in one C-level pass).
    """
    blocked = blocked or set()
    norms, gaps = words.norms, words.gaps
    openings = list(map(gazetteer.openings.__getitem__, norms))
    count = len(norms)
    mentions: list[Mention] = []
    resume = 0  # first word not inside an earlier mention
    for i in compress(range(count), openings):  # (the words that may open a name)
        if i < resume or i in blocked or (opened := openings[i]) is None:
            continue
        following = norms[i + 1] if i + 1 < count else None
        if not opened.alone and following not in opened.followers:
            continue  # (most words that open a name only with the right next word)
        if following is not None and _breaks[gaps[i + 1]]:
            following = None
        best = _longest_name(norms[i], opened.readings, norms, i, gazetteer, following)
        if best is None:
            continue
        length, prefix, candidates, peeled = best
        last = i + length - 1
        if last > i and (any(map(_breaks.__getitem__, gaps[i + 1:last + 1]))
                         or any(k in blocked for k in range(i + 1, last + 1))):
            continue
        mentions.append(Mention(i, last, words.starts[i], words.ends[last], prefix, candidates, peeled))
        resume = last + 1
    if not _DEMONYM_HEAD_OR_KINGDOM.isdisjoint(norms):  # (one C-level pass; most articles have neither)
        if not _DEMONYM_HEADS.keys().isdisjoint(norms):
            mentions = _places_by_demonym(mentions, words, gazetteer, blocked)
        if not _KINGDOM_WORDS.keys().isdisjoint(norms):
            mentions = _kingdoms(mentions, words, gazetteer)
    for mention in mentions:
        _read_cue(mention, words, gazetteer)
    _link_coordinated(mentions, words)
    return mentions


# "العاصمة" (with its proclitics: letters, preposition) before a demonym and no name: that country's capital
_CAPITAL_WORDS = {"العاصمه": (0, ""), "والعاصمه": (1, ""), "بالعاصمه": (1, "ب"), "وبالعاصمه": (2, "ب"),
                  "فالعاصمه": (1, "")}
# "الأراضي" before a demonym (وصل إلى الأراضي المغربية، للأراضي الليبية): that country
_TERRITORY_WORDS = {"الاراضي": (0, ""), "والاراضي": (1, ""), "بالاراضي": (1, "ب"), "للاراضي": (1, "ل"),
                    "وللاراضي": (2, "ل")}
# "المياه (الإقليمية) المصرية"، "الأجواء الليبية": that country's waters or airspace, so that country
_TERRITORY_WORDS |= {"المياه": (0, ""), "بالمياه": (1, "ب"), "للمياه": (1, "ل"), "الاجواء": (0, ""),
                     "بالاجواء": (1, "ب")}
_DEMONYM_HEADS = {**_CAPITAL_WORDS, **_TERRITORY_WORDS}
_TERRITORIAL = frozenset({"الاقليميه"})  # a word that may stand between the head and the demonym


# a bare "المملكة" (زيارة المملكة، وصل إلى المملكة): the kingdom the article is about, if it names one
_KINGDOM_WORDS = {"المملكه": (0, ""), "والمملكه": (1, ""), "بالمملكه": (1, "ب"), "وبالمملكه": (2, "ب"),
                  "فالمملكه": (1, "")}
_KINGDOMS = ("BH", "JO", "MA", "SA")
_DEMONYM_HEAD_OR_KINGDOM = frozenset([*_DEMONYM_HEADS, *_KINGDOM_WORDS])


def _kingdoms(mentions: list[Mention], words: Words, gazetteer: Gazetteer) -> list[Mention]:
    """"دعوة لزيارة المملكة" in a Jordanian wire is Jordan: a mention of the kingdoms the article names
    (chosen among them by :func:`choose_entries`); not المملكة المتحدة / العربية السعودية / المغربية."""
    norms, gaps = words.norms, words.gaps
    kingdoms = [gazetteer.by_country[cc] for cc in _KINGDOMS if cc in gazetteer.by_country]
    found = mentions
    for i in compress(range(len(norms)), map(_KINGDOM_WORDS.__contains__, norms)):
        following = norms[i + 1] if i + 1 < len(norms) and not _breaks[gaps[i + 1]] else ""
        if following in gazetteer.demonyms or following == "العربيه" or any(
                m.first <= i <= m.last for m in mentions):  # (المملكة المتحدة is a name)
            continue
        peeled, prefix = _KINGDOM_WORDS[norms[i]]
        names = [IndexedName((norms[i][peeled:],), kingdom, False) for kingdom in kingdoms]
        if found is mentions:
            found = list(mentions)
        found.append(Mention(i, i, words.starts[i], words.ends[i], prefix, names, peeled, needs_presence=True))
    if found is not mentions:
        found.sort(key=lambda m: m.first)
    return found


def _places_by_demonym(
    mentions: list[Mention], words: Words, gazetteer: Gazetteer, blocked: set[int]
) -> list[Mention]:
    """"في العاصمة المصرية" (no name after it) is Cairo: a mention of the capital of the demonym's country;
    "إلى الأراضي المغربية" is that country."""
    norms, gaps = words.norms, words.gaps
    found = mentions
    taken: set[int] | None = None
    for i in compress(range(len(norms) - 1), map(_DEMONYM_HEADS.__contains__, norms)):
        j = i + 2 if norms[i + 1] in _TERRITORIAL and i + 2 < len(norms) and not _breaks[gaps[i + 2]] else i + 1
        country = gazetteer.demonyms.get(norms[j])
        places = gazetteer.capitals if norms[i] in _CAPITAL_WORDS else gazetteer.by_country
        if country is None or country not in places or i in blocked or _breaks[gaps[i + 1]]:
            continue
        if taken is None:
            taken = {k for m in mentions for k in range(m.first - 1, m.last + 1)}  # in a name or right before one
        if i in taken or j in taken:
            continue  # (العاصمة الأردنية عمان: the name says it)
        place = places[country]
        peeled, prefix = _DEMONYM_HEADS[norms[i]]
        if found is mentions:
            found = list(mentions)
        found.append(Mention(i, j, words.starts[i], words.ends[j], prefix,
                             [IndexedName((norms[i][peeled:], *norms[i + 1 : j + 1]), place, False)], peeled,
                             toponym_noun=True))
    if found is not mentions:
        found.sort(key=lambda m: m.first)
    return found


def _longest_name(
    word: str, readings: tuple[Opening, ...], norms: list[str], i: int, gazetteer: Gazetteer, following: str | None
) -> tuple[int, str, list[IndexedName], int] | None:
    """The longest name opened at word ``i``: (words spanned, preposition, candidates, letters peeled)."""
    single, multi = gazetteer.single, gazetteer.multi
    best: tuple[int, str, list[IndexedName], int] | None = None
    for form, prefix, singles, opens_multi, opens_joined in readings:
        found = singles
        if following and opens_multi and (longer := multi.get((form, following))):
            found = [n for n in longer if _continues(n.words, norms, i)] or singles
        span = len(found[0].words) if found else 0
        if (not found and opens_joined and following is not None and len(following) >= 3
                and following not in _FUNCTION_WORDS and (joined := single.get(form + following))):
            # بيونغ يانغ written apart while the gazetteer has بيونغيانغ (big places only: قبل أن is no town)
            found = [n for n in joined if n.entry.precision != "city" or n.entry.population >= 100_000]
            span = 2 if found else 0
        if not found or (best is not None and span <= best[0]):
            continue
        if len(form) <= 3 and form != word:  # short peeled single words: big places only
            found = [n for n in found if len(n.words) > 1 or n.entry.precision != "city"
                     or n.entry.population >= 200_000]
        if found is singles:  # one-word names, all of the same length
            best = (span, prefix, list(found), len(word) - len(form))
        elif found:
            top = max(len(n.words) for n in found)
            best = (span, prefix, [n for n in found if len(n.words) == top], len(word) - len(form))
    return best


def _continues(name: tuple[str, ...], norms: list[str], i: int) -> bool:
    """True when the words after position ``i`` are the rest of ``name``."""
    n = len(name)
    return n == 1 or (i + n <= len(norms) and tuple(norms[i + 1:i + n]) == name[1:])


def _link_coordinated(mentions: list[Mention], words: Words) -> None:
    """Places listed with و or commas right after a cued place share its cue: بكل من تافنيت وطانطان وتزنيت."""
    for k, mention in enumerate(mentions):
        mention.group = k
        if k == 0:
            continue
        previous = mentions[k - 1]
        gap = words.gaps[mention.first].strip()
        listed = mention.first == previous.last + 1 and gap in ("", ",") and (
            (mention.peeled and words.norms[mention.first][0] == "و") or gap == ","
        )
        if listed and previous.cue >= 1.0:
            mention.cue = max(mention.cue, previous.cue)
            mention.group = previous.group


_BREAK = re.compile(r'[.!?\n,;:()"]')


def _holds_break(gap: str) -> bool:
    """Punctuation or a line break between two words: a name or a cue does not reach across it."""
    return _BREAK.search(gap) is not None


_breaks = WordCache(_holds_break)  # gap -> whether it holds a break


# Cue of the preposition on the name itself; لـ is mostly genitive (رئيس لجمهورية تشاد).
_PREFIX_CUES = {"ب": 3.0, "ل": 0.5, "ك": 0.0}


def _read_cue(mention: Mention, words: Words, gazetteer: Gazetteer) -> None:
    """How the words before the name introduce it: في/إلى/ب…, a toponym noun, a post or a border."""
    norms, gaps, demonyms = words.norms, words.gaps, gazetteer.demonyms
    cue = max(_PREFIX_CUES.get(mention.prefix, 0.0), _gathering_cue(norms, gaps, mention.first))
    k = mention.first - 1
    steps = 0
    gap = gaps[mention.first]
    while k >= 0 and steps < 4 and not _breaks[gap]:
        word = norms[k]
        if (noun := _toponym_nouns[word]) is not None:
            mention.toponym_noun = True
            mention.phrase_first, mention.phrase_peeled = k, noun[0]
            cue = max(cue, noun[1])
        elif word in demonyms:
            mention.nearby_countries.add(demonyms[word])
        elif word not in _CUE_WORDS:
            if k == 0 or _toponym_nouns[norms[k - 1]] is None or not _adjective_after_noun(norms, gaps, k):
                break  # (most words: none of the cases below)
        elif word in ("بكل", "وبكل") or (word == "من" and k > 0 and norms[k - 1] in ("كل", "بكل", "وبكل", "كلا")):
            # في كل من طانطان وتزنيت (بكل من); "أن كلا من باكستان وسريلانكا تشارك" lists parties, not places
            # (a visit's "يزور كلا من باماكو" is read by the geolocator as the verb's object)
            if word != "من" or norms[k - 1] in ("بكل", "وبكل") or (k > 1 and norms[k - 2] in _IN_OR_TO):
                cue = max(cue, 3.0)
            break
        elif word in LOCATIVE_WORDS:
            cue = max(cue, LOCATIVE_WORDS[word])
            _check_post_or_border(mention, norms, k)
            break
        elif word in _BORDER_WORDS or (word == "مع" and k > 0 and norms[k - 1] in _BORDER_WORDS):
            mention.post_or_border = True
            break
        else:
            break
        gap = gaps[k]
        k -= 1
        steps += 1
    mention.cue = cue
    if cue:
        _check_post_or_border(mention, norms, mention.first)
    # a demonym just after the name: مدينة أنطاليا التركية
    if demonyms.keys().isdisjoint(norms[mention.last + 1:mention.last + 3]):
        return  # (the usual case)
    for k in range(mention.last + 1, min(mention.last + 3, len(norms))):
        if _breaks[gaps[k]]:
            break
        if norms[k] in demonyms:
            mention.nearby_countries.add(demonyms[norms[k]])


def _gathering_cue(norms: list[str], gaps: list[str], first: int) -> float:
    """"على هامش منتدى الدوحة"، "بقمة الرياض": a gathering named after the place, where an event is held."""
    k = first - 1
    if k < 1 or _breaks[gaps[first]]:
        return 0.0
    word = norms[k]
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
    at = len(word) > 3 and word[0] == "ب"
    of = len(word) > 3 and word[0] == "ل"  # "على هامش الدورة الخامسة لمنتدى باريس": a session of the gathering
    if (word[1:] if at or of else word) not in _GATHERING_NOUNS:
        return 0.0
    if at:
        return 3.0
    if of:
        return 2.5 if not _AT_A_GATHERING.isdisjoint(norms[max(0, k - 3) : k]) else 0.0
    return 2.5 if norms[k - 1] in _AT_A_GATHERING else 0.0


def _adjective_after_noun(norms: list[str], gaps: list[str], k: int) -> bool:
    """An adjective (ال...) between a toponym noun and its name: العاصمة المؤقتة عدن، المدينة الساحلية اللاذقية."""
    return norms[k].startswith("ال") and len(norms[k]) >= 5 and not _breaks[gaps[k]]


def _toponym_noun(word: str) -> tuple[int, float] | None:
    """For a toponym noun (مدينة، وبالعاصمة …): its proclitic letters and its cue (بمدينة: 3, مدينة: 2).

    The whole word is tried before a peeled و or ب: ولاية, واحة and بلدة begin with those letters themselves.
    """
    bares = (word, word[1:]) if len(word) > 3 and word[0] in "وف" else (word,)
    for bare in bares:
        stems = (bare, bare[1:]) if len(bare) > 3 and bare[0] in "بل" else (bare,)
        for stem in stems:
            if stem in TOPONYM_NOUNS or ("ال" + stem) in TOPONYM_NOUNS:
                return len(word) - len(stem), 3.0 if bare[0] == "ب" and stem != bare else 2.0
    return None


_toponym_nouns = WordCache(_toponym_noun)


def _check_post_or_border(mention: Mention, norms: list[str], before: int) -> None:
    preposition = norms[before] if before < mention.first else ""
    window = norms[max(0, before - 4):before]
    if not _POST_OR_BORDER_WORDS.isdisjoint(window) or (
        preposition in _ENVOY_PREPOSITIONS and not _ENVOY_WORDS.isdisjoint(window)
    ):
        mention.post_or_border = True


def article_countries(words: Words, mentions: list[Mention], gazetteer: Gazetteer) -> dict[str, int]:
    """How often each country is named or referred to by demonym in the article (for disambiguation)."""
    counts: dict[str, int] = {}  # (a plain dict: a Counter costs more to build than the counting)
    for country in filter(None, map(gazetteer.demonyms.get, words.norms)):
        counts[country] = counts.get(country, 0) + 1
    for mention in mentions:
        if len(mention.candidates) == 1:  # (most names: the general case below, in short)
            entry = mention.candidates[0].entry
            if mention.cue or entry.precision != "city" or entry.population >= 100_000:
                counts[entry.country_code] = counts.get(entry.country_code, 0) + 2
            continue
        # only names that point at one country (مصر، بنغازي), not عمان (Oman or Amman) nor طرابلس
        significant = {c.entry.country_code for c in mention.candidates
                       if c.entry.precision != "city" or c.entry.population >= 100_000}
        if len(significant) == 1:
            country = significant.pop()
        elif not significant and mention.cue and len({c.entry.country_code for c in mention.candidates}) == 1:
            country = mention.candidates[0].entry.country_code
        else:
            continue
        counts[country] = counts.get(country, 0) + 2
    return counts


_PRECISION_BONUS = {"country": 4.0, "region": 5.0, "site": 5.0, "city": 0.0}


def _prior(entry: GazetteerEntry) -> float:
    return _PRECISION_BONUS[entry.precision] + math.log10(entry.population + 10) + (1.0 if entry.capital else 0.0)


def choose_entries(mentions: list[Mention], countries: dict[str, int]) -> None:
    """Pick each mention's place: prior (kind, population, capital) + article countries + nearby demonyms.

    A name that is also a common word (flagged in the gazetteer) only counts after a toponym noun;
    villages need their country in the article or a toponym noun.
    """
    total = sum(countries.values()) or 1
    for mention in mentions:
        best: tuple[float, GazetteerEntry] | None = None
        candidates = mention.candidates
        if len(candidates) > 1:
            candidates = list({c.entry.id: c for c in candidates}.values())  # one per place
        for candidate in candidates:
            entry = candidate.entry
            if (candidate.common and not mention.toponym_noun) or (
                    mention.needs_presence and entry.country_code not in countries):
                continue
            word = candidate.words[0]
            if len(candidate.words) == 1 and not word.startswith("ال") and _toponym_nouns[word] is not None:
                continue  # "في المدينة العسكرية بمدينة الحمام": مدينة heads a place's name, it is not المدينة المنورة
            if entry.precision == "city" and not mention.toponym_noun:
                if mention.peeled and entry.population < 50_000 and len(candidate.words[0]) < 5:
                    continue  # بيونغ is not ب + يونغ (Young, Uruguay), بايدن not ب + إيدن
                small = 100_000 if mention.peeled else 5000
                if entry.population < small and entry.country_code not in countries:
                    continue
            score = _prior(entry)
            if entry.country_code in countries:  # the article is about that country: presence, then share
                score += 3.0 + 3.0 * countries[entry.country_code] / total
            if entry.country_code in mention.nearby_countries:
                score += 6.0
            if entry.precision == "city" and entry.capital and any(
                c.entry.precision == "country" and c.entry.country_code == entry.country_code for c in candidates
            ):
                score += 8.0  # الجزائر، الكويت، تونس: the capital, the finer reading
            if best is None or score > best[0]:
                best = (score, entry)
        mention.entry = best[1] if best else None
        if best is not None and best[1].precision == "country" and len(candidates) > 1:
            mention.entry = _capital_of_the_article(best[1], candidates, countries)


def _capital_of_the_article(country: GazetteerEntry, candidates: list[IndexedName],
                            countries: dict[str, int]) -> GazetteerEntry:
    """A country's name that is also another country's capital (عمان: Oman, Amman) is the capital where the
    article names the capital's country (الأردن، الأردني) more than the first (سلطنة عمان، العماني، مسقط)."""
    for candidate in candidates:
        entry = candidate.entry
        if (entry.capital and entry.precision == "city" and not candidate.common
                and entry.country_code != country.country_code
                and countries.get(entry.country_code, 0) > countries.get(country.country_code, 0)):
            return entry
    return country
