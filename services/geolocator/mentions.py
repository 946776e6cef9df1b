"""Place mentions in an article: gazetteer names found in the text, with the cue that introduces them.

The text is read on the normalised view (shared/arabic.py), word by word, with the proclitics
و ف ب ل ك (and لل = ل + ال) peeled off the first word of a name, so بليبيا، لطرابلس، والقاهرة and
multi-word names (الولايات المتحدة، شرم الشيخ) all match; offsets point into the original body.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from services.geolocator.gazetteer import Gazetteer, GazetteerEntry, IndexedName
from shared.arabic import normalized_view

_WORD = re.compile(r"[\u0621-\u064a]+|[A-Za-z]+|\d+")

# Nouns that introduce a place name (مدينة سرت، العاصمة طرابلس، بمقر …); normalised.
TOPONYM_NOUNS = frozenset(
    [
        "مدينه", "العاصمه", "عاصمه", "بلده", "قريه", "منطقه", "ولايه", "محافظه", "اقليم", "واحه", "ميناء", "مقر",
        "قصر", "مطار", "قاعده", "ديوان", "جزيره", "المدينه", "البلده", "القريه", "المنطقه", "الولايه", "المحافظه",
        "الاقليم", "مدينتي", "مخيم", "معسكر", "القصر", "المطار", "المقر",
    ]
)
# Prepositions and adverbs that tie a place to an event, with how strongly.
LOCATIVE_WORDS = {"في": 3.0, "داخل": 3.0, "الي": 2.5, "الى": 2.5, "لدي": 1.5, "قرب": 2.0, "خارج": 0.0, "من": 0.5,
                  "نحو": 2.0, "صوب": 2.0, "حتي": 1.0}
# A place after these is someone's post or a border, not where the event is.
_POST_WORDS = frozenset([
    "سفير", "السفير", "سفيرا", "سفاره", "السفاره", "سفارتها", "سفارته", "قنصل", "القنصل", "القنصليه", "قنصليه",
])
# An envoy "إلى ليبيا" / "لدى ليبيا" is posted there; an envoy "في واشنطن" may well meet there.
_ENVOY_WORDS = frozenset(["مندوب", "المندوب", "ممثل", "الممثل", "المبعوث", "مبعوث", "مبعوثا"])
_ENVOY_PREPOSITIONS = frozenset(["الي", "الى", "لدي"])
_FUNCTION_WORDS = frozenset([
    "ان", "انه", "انها", "الي", "الى", "علي", "عن", "مع", "من", "في", "لا", "لم", "لن", "ما", "هذا", "هذه", "ذلك",
    "التي", "الذي",
])
_BORDER_WORDS = frozenset(["حدود", "الحدود", "حدودها", "حدوده"])


@dataclass(slots=True)
class Word:
    """A word of the body: normalised text and original offsets; ``gap`` is the text since the previous word."""

    norm: str
    start: int
    end: int
    gap: str
    broken: bool = False  # punctuation or a line break in the gap


@dataclass
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


def words_of(text: str) -> list[Word]:
    """Words of ``text`` on its normalised view, with original offsets."""
    view = normalized_view(text)
    normal, offsets = view.text, view.offsets
    breaks = _BREAK.search
    words = []
    previous_end = 0
    for match in _WORD.finditer(normal):
        first, last = match.span()
        gap = normal[previous_end:first]
        words.append(Word(match.group(), offsets[first], offsets[last - 1] + 1, gap, breaks(gap) is not None))
        previous_end = last
    return words


def _clitic_forms(word: str, ordinary: set[str]) -> list[tuple[str, str]]:
    """(form, preposition) readings of a word with its proclitics peeled: بليبيا -> (ليبيا, ب).

    Words in ``ordinary`` (لجنة, not ل + جنة) are only read whole.
    """
    forms = [(word, "")]
    if word in ordinary:
        return forms
    bases = [word]
    if len(word) > 3 and word[0] in "وف" and word[1:] not in ordinary:
        bases.append(word[1:])
        forms.append((word[1:], ""))
    for base in bases:
        if base.startswith("لل") and len(base) > 4:
            forms.append(("ال" + base[2:], "ل"))
        if len(base) > 3 and base[0] in "بلك":
            forms.append((base[1:], base[0]))
    return forms


def find_mentions(words: list[Word], gazetteer: Gazetteer, blocked: set[int] | None = None) -> list[Mention]:
    """Longest gazetteer names in ``words`` (left to right, no overlaps); ``blocked`` words are skipped."""
    blocked = blocked or set()
    norms = [w.norm for w in words]
    single, multi = gazetteer.single, gazetteer.multi
    forms_cache = gazetteer.forms_cache
    mentions: list[Mention] = []
    i = 0
    while i < len(words):
        if i in blocked:
            i += 1
            continue
        word = norms[i]
        following = norms[i + 1] if i + 1 < len(norms) and not words[i + 1].broken else None
        best: tuple[int, str, list[IndexedName], int] | None = None
        forms = forms_cache.get(word)
        if forms is None:
            forms = forms_cache[word] = _clitic_forms(word, gazetteer.clitic_words)
        for form, prefix in forms:
            found = [n for n in multi.get((form, following), ()) if _continues(n.words, norms, i)] if following else []
            found = found or single.get(form, [])
            span = len(found[0].words) if found else 0
            if not found and following is not None and len(following) >= 3 and following not in _FUNCTION_WORDS:
                # بيونغ يانغ written apart while the gazetteer has بيونغيانغ (big places only: قبل أن is no town)
                found = [n for n in single.get(form + following, ())
                         if n.entry.precision != "city" or n.entry.population >= 100_000]
                span = 2 if found else 0
            if not found or (best is not None and span <= best[0]):
                continue
            if len(form) <= 3 and form != word:  # short peeled single words: big places only
                found = [n for n in found if len(n.words) > 1 or n.entry.precision != "city"
                         or n.entry.population >= 200_000]
            if found:
                top = max(len(n.words) for n in found)
                best = (span, prefix, [n for n in found if len(n.words) == top], len(word) - len(form))
        if best is None:
            i += 1
            continue
        length, prefix, candidates, peeled = best
        last = i + length - 1
        broken = any(words[k].broken for k in range(i + 1, last + 1))
        if broken or any(k in blocked for k in range(i, last + 1)):
            i += 1
            continue
        mentions.append(Mention(i, last, words[i].start, words[last].end, prefix, candidates, peeled))
        i = last + 1
    for mention in mentions:
        _read_cue(mention, words, gazetteer)
    _link_coordinated(mentions, words)
    return mentions


def _continues(name: tuple[str, ...], norms: list[str], i: int) -> bool:
    """True when the words after position ``i`` are the rest of ``name``."""
    n = len(name)
    return n == 1 or (i + n <= len(norms) and tuple(norms[i + 1:i + n]) == name[1:])


def _link_coordinated(mentions: list[Mention], words: list[Word]) -> None:
    """Places listed with و or commas right after a cued place share its cue: بكل من تافنيت وطانطان وتزنيت."""
    for k, mention in enumerate(mentions):
        mention.group = k
        if k == 0:
            continue
        previous = mentions[k - 1]
        gap = words[mention.first].gap.strip()
        listed = mention.first == previous.last + 1 and gap in ("", ",") and (
            (mention.peeled and words[mention.first].norm[0] == "و") or gap == ","
        )
        if listed and previous.cue >= 1.0:
            mention.cue = max(mention.cue, previous.cue)
            mention.group = previous.group


_BREAK = re.compile(r'[.!?\n,;:()"]')


def _sentence_break(gap: str) -> bool:
    return _BREAK.search(gap) is not None


def _read_cue(mention: Mention, words: list[Word], gazetteer: Gazetteer) -> None:
    """How the words before the name introduce it: في/إلى/ب…, a toponym noun, a post or a border."""
    cue = {"ب": 3.0, "ل": 0.5, "ك": 0.0}.get(mention.prefix, 0.0)  # لـ is mostly genitive (رئيس لجمهورية تشاد)
    k = mention.first - 1
    steps = 0
    gap = words[mention.first].gap
    while k >= 0 and steps < 4 and not _sentence_break(gap):
        word = words[k].norm
        bare = word[1:] if len(word) > 3 and word[0] in "وف" else word
        stem = bare[1:] if len(bare) > 3 and bare[0] in "بل" else bare
        if stem in TOPONYM_NOUNS or ("ال" + stem) in TOPONYM_NOUNS:
            mention.toponym_noun = True
            mention.phrase_first, mention.phrase_peeled = k, len(word) - len(stem)
            if bare[0] == "ب" and stem != bare:
                cue = max(cue, 3.0)
            cue = max(cue, 2.0)
        elif word in gazetteer.demonyms:
            mention.nearby_countries.add(gazetteer.demonyms[word])
        elif word in ("بكل", "وبكل") or (word == "من" and k > 0 and words[k - 1].norm in ("كل", "بكل", "وبكل")):
            cue = max(cue, 3.0)  # في كل من طانطان وتزنيت (بكل من)
            break
        elif word in LOCATIVE_WORDS:
            cue = max(cue, LOCATIVE_WORDS[word])
            _check_post_or_border(mention, words, k)
            break
        elif word in _BORDER_WORDS or (word == "مع" and k > 0 and words[k - 1].norm in _BORDER_WORDS):
            mention.post_or_border = True
            break
        else:
            break
        gap = words[k].gap
        k -= 1
        steps += 1
    mention.cue = cue
    if cue:
        _check_post_or_border(mention, words, mention.first)
    # a demonym just after the name: مدينة أنطاليا التركية
    for k in range(mention.last + 1, min(mention.last + 3, len(words))):
        if _sentence_break(words[k].gap):
            break
        if words[k].norm in gazetteer.demonyms:
            mention.nearby_countries.add(gazetteer.demonyms[words[k].norm])


def _check_post_or_border(mention: Mention, words: list[Word], before: int) -> None:
    preposition = words[before].norm if before < mention.first else ""
    for k in range(max(0, before - 4), before):
        word = words[k].norm
        envoy = word in _ENVOY_WORDS and preposition in _ENVOY_PREPOSITIONS
        if word in _POST_WORDS or word in _BORDER_WORDS or envoy:
            mention.post_or_border = True


def article_countries(words: list[Word], mentions: list[Mention], gazetteer: Gazetteer) -> Counter[str]:
    """How often each country is named or referred to by demonym in the article (for disambiguation)."""
    counts: Counter[str] = Counter()
    for word in words:
        cc = gazetteer.demonyms.get(word.norm)
        if cc:
            counts[cc] += 1
    for mention in mentions:
        # only names that point at one country (مصر، بنغازي), not عمان (Oman or Amman) nor طرابلس
        significant = {c.entry.country_code for c in mention.candidates
                       if c.entry.precision != "city" or c.entry.population >= 100_000}
        if len(significant) == 1:
            counts[significant.pop()] += 2
        elif not significant and mention.cue and len({c.entry.country_code for c in mention.candidates}) == 1:
            counts[mention.candidates[0].entry.country_code] += 2
    return counts


def _prior(entry: GazetteerEntry) -> float:
    bonus = {"country": 4.0, "region": 5.0, "site": 5.0, "city": 0.0}[entry.precision]
    return bonus + math.log10(entry.population + 10) + (1.0 if entry.capital else 0.0)


def choose_entries(mentions: list[Mention], countries: Counter[str]) -> None:
    """Pick each mention's place: prior (kind, population, capital) + article countries + nearby demonyms.

    A name that is also a common word (flagged in the gazetteer) only counts after a toponym noun;
    villages need their country in the article or a toponym noun.
    """
    total = sum(countries.values()) or 1
    for mention in mentions:
        best: tuple[float, GazetteerEntry] | None = None
        names = {c.entry.id: c for c in mention.candidates}
        for candidate in names.values():
            entry = candidate.entry
            if candidate.common and not mention.toponym_noun:
                continue
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
                c.entry.precision == "country" and c.entry.country_code == entry.country_code for c in names.values()
            ):
                score += 8.0  # الجزائر، الكويت، تونس: the capital, the finer reading
            if best is None or score > best[0]:
                best = (score, entry)
        mention.entry = best[1] if best else None
