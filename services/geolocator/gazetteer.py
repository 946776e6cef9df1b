"""The gazetteer, loaded once per process, with a name index keyed by the first normalised word.

What each text word may open (``Gazetteer.openings``) is worked out once per word, so the matcher only
examines the few words that may start a name.

Rows come from shared/resources/gazetteer.tsv (built by shared/build/gazetteer.py); demonyms
(ليبي، التركية …) come from shared/resources/places_curated.json and serve disambiguation only:
a nationality is never an event place.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar

from shared.arabic import normalize

RESOURCES = Path(__file__).resolve().parents[2] / "shared" / "resources"
GAZETTEER_TSV = RESOURCES / "gazetteer.tsv"
CURATED_JSON = RESOURCES / "places_curated.json"

_SEPARATORS = re.compile(r"[\s\-_'\u2010-\u2015]+")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer."""

    id: str
    precision: str
    country_code: str
    lat: float
    lon: float
    population: int
    capital: bool
    name_en: str
    name: str


@dataclass(frozen=True, slots=True)
class IndexedName:
    """A normalised name (as a word tuple) pointing at a place; ``common`` names need a toponym cue."""

    words: tuple[str, ...]
    entry: GazetteerEntry
    common: bool


_Value = TypeVar("_Value")
_MAX_FOLLOWERS = 500  # a word opening more one-word names than this is looked up whatever follows


class WordCache(dict[str, _Value], Generic[_Value]):
    """``cache[word]`` is ``compute(word)``, computed once: per-word analysis, read in C-level passes (map).

    Bounded, since a stream's vocabulary keeps growing: cleared when it holds ``limit`` words (a few MB);
    strings longer than ``max_length`` (no word is) are computed every time, not kept.
    """

    def __init__(self, compute: Callable[[str], _Value], limit: int = 50_000, max_length: int = 40):
        super().__init__()
        self.compute, self.limit, self.max_length = compute, limit, max_length

    def __missing__(self, word: str) -> _Value:
        value = self.compute(word)
        if len(word) <= self.max_length:
            if len(self) >= self.limit:
                self.clear()
            self[word] = value
        return value


class Opening(NamedTuple):
    """A reading of a text word (proclitics peeled) that may open a name: what the matcher then looks up."""

    form: str
    prefix: str  # the peeled preposition: ب ل ك or ""
    singles: list[IndexedName]  # one-word names that are this form
    opens_multi: bool  # the first word of a longer name
    opens_joined: bool  # the start of a one-word name written apart (بيونغ يانغ for بيونغيانغ)


class Openings(NamedTuple):
    """What a text word may open: its readings, and whether the next word decides."""

    readings: tuple[Opening, ...]
    alone: bool  # a reading is a one-word name: look it up whatever follows
    followers: frozenset[str]  # otherwise only these next words may complete a name (الولايات + المتحده)


SHADDA = "\u0651"


def gemination(text: str) -> tuple[int, ...]:
    """Positions (among the letters normalisation keeps) of the letters written with a shadda: عمّان -> (1,)."""
    positions = []
    letters = 0
    for char in text:
        if char == SHADDA:
            if letters:
                positions.append(letters - 1)
        elif normalize(char).strip():
            letters += 1
    return tuple(positions)


def name_words(name: str) -> tuple[str, ...]:
    """Normalised words of a name, the unit the index and the text matcher share."""
    return tuple(w for w in _SEPARATORS.split(normalize(name)) if w)


class Gazetteer:
    """Places and a first-word index over their names; demonym forms mapped to country codes."""

    def __init__(
        self,
        entries: list[tuple[GazetteerEntry, list[tuple[str, bool]]]],
        demonyms: dict[str, list[str]],
        clitic_words: set[str] | None = None,
    ):
        self.entries = [entry for entry, _ in entries]
        # words that look like proclitic + name but are ordinary words (لجنة): never peeled
        self.clitic_words = {normalize(w) for w in clitic_words or ()}
        # word -> what it may open, filled as articles are read
        self.openings = WordCache(self._openings)
        self.by_first_word: dict[str, list[IndexedName]] = {}
        self.by_country: dict[str, GazetteerEntry] = {}
        self.capitals: dict[str, GazetteerEntry] = {}
        seen: set[tuple[tuple[str, ...], str]] = set()
        self.demonyms = _demonym_forms(demonyms)
        for entry, names in entries:
            if entry.precision == "country":
                self.by_country[entry.country_code] = entry
            if entry.capital:
                self.capitals[entry.country_code] = entry
            for name, common in names:
                words = name_words(name)
                if sum(map(len, words)) < 3 or (words, entry.id) in seen:
                    continue  # two-letter names (أن -> Ans) are words, not places
                if len(words) == 1 and words[0] in self.demonyms and entry.precision == "city":
                    continue  # الهندية is "Indian", not the Iraqi town (السعودية the country stays)
                seen.add((words, entry.id))
                self.by_first_word.setdefault(words[0], []).append(IndexedName(words, entry, common))
        for candidates in self.by_first_word.values():
            candidates.sort(key=lambda n: -len(n.words))  # longest name first
        # the matcher's index: one-word names by word, longer names by their first two words
        # (عين، أبو، سيدي open hundreds of names: a two-word key keeps each lookup short)
        self.single: dict[str, list[IndexedName]] = {}
        self.multi: dict[tuple[str, str], list[IndexedName]] = {}
        for first, candidates in self.by_first_word.items():
            for indexed in candidates:
                if len(indexed.words) == 1:
                    self.single.setdefault(first, []).append(indexed)
                else:
                    self.multi.setdefault((first, indexed.words[1]), []).append(indexed)
        self.multi_seconds: dict[str, set[str]] = {}
        for first, second in self.multi:
            self.multi_seconds.setdefault(first, set()).add(second)
        self._sorted_singles = sorted(self.single)
        # how one-word names may start, three letters or more before their end (what may be written apart)
        self._joinable_starts = frozenset(name[:k] for name in self.single for k in range(1, len(name) - 2))
        self.max_words = max((len(n.words) for c in self.by_first_word.values() for n in c), default=1)
        # where a place's names write a shadda (عمّان: Amman, not عُمان): a written shadda tells them apart
        self.geminations: dict[str, set[tuple[int, ...]]] = {}
        for entry, names in entries:
            for name, _ in names:
                if SHADDA in name:
                    self.geminations.setdefault(entry.id, set()).add(gemination(name))

    def _openings(self, word: str) -> Openings | None:
        """What a text word may open (None for most words): its readings, and the next words that matter."""
        readings = []
        followers: set[str] = set()
        alone = False
        for form, prefix in clitic_readings(word, self.clitic_words):
            singles = self.single.get(form, [])
            seconds = self.multi_seconds.get(form, set())
            rests = self._joined_rests(form)  # (None: too many to list)
            if not (singles or seconds or rests is None or rests):
                continue
            readings.append(Opening(form, prefix, singles, bool(seconds), rests is None or bool(rests)))
            if singles or rests is None:
                alone = True
            else:
                followers |= seconds | rests
        for form, prefix in short_clitic_readings(word, self.clitic_words):
            if form in self.multi_seconds:  # only as the first word of a longer name
                readings.append(Opening(form, prefix, [], True, False))
                followers |= self.multi_seconds[form]
        if not readings:
            return None
        return Openings(tuple(readings), alone, frozenset() if alone else frozenset(followers))

    def _joined_rests(self, form: str) -> set[str] | None:
        """Words of three letters or more that, written after ``form``, complete a one-word name (بيونغ + يانغ).

        None when too many names start with ``form`` (في، ب) to list their rests.
        """
        if form not in self._joinable_starts:
            return set()  # (most words)
        names = self._sorted_singles
        first = bisect.bisect_left(names, form)
        end = bisect.bisect_left(names, form + "\U0010ffff", first)
        if end - first > _MAX_FOLLOWERS:
            return None
        cut = len(form)
        return {name[cut:] for name in names[first:end] if len(name) >= cut + 3}

    def lookup(self, words: list[str]) -> list[IndexedName]:
        """Names matching a prefix of ``words`` (already normalised, clitics stripped from the first)."""
        if not words:
            return []
        found = []
        for candidate in self.by_first_word.get(words[0], ()):
            n = len(candidate.words)
            if n <= len(words) and tuple(words[:n]) == candidate.words:
                found.append(candidate)
        return found


def clitic_readings(word: str, ordinary: set[str]) -> list[tuple[str, str]]:
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


def short_clitic_readings(word: str, ordinary: set[str]) -> list[tuple[str, str]]:
    """Readings :func:`clitic_readings` leaves out: a proclitic peeled off a three-letter word (بأم -> ب + ام,
    وبأم -> ب + ام, وأم -> ام, بتل -> ب + تل, بذي -> ب + ذي).

    The two letters left are no place on their own: these readings may only open a longer name whose next
    words follow in the text (بأم درمان، بتل أبيب، بذي قار), so بام (Bam) and لام stay what they are.
    """
    if word in ordinary or len(word) > 4:
        return []
    forms = []
    bases = [word]
    if len(word) == 4 and word[0] in "وف" and word[1:] not in ordinary:
        bases = [word[1:]]
    elif len(word) == 3 and word[0] in "وف":
        forms.append((word[1:], ""))
    for base in bases:
        if len(base) == 3 and base[0] in "بلك":
            forms.append((base[1:], base[0]))
    return forms


def _demonym_forms(demonyms: dict[str, list[str]]) -> dict[str, str]:
    """Every inflection of each demonym (ليبي، الليبي، الليبية، ليبيون، الليبيين …) -> country code."""
    forms: dict[str, str] = {}
    for cc, words in demonyms.items():
        for word in words:
            if " " in word:
                continue
            base = normalize(word)
            for stem in (base, "ال" + base):
                for ending in ("", "ه", "ين", "ون", "يه"):
                    forms.setdefault(stem + ending, cc)
    return forms


def load_gazetteer(tsv: Path = GAZETTEER_TSV, curated: Path = CURATED_JSON) -> Gazetteer:
    """Read the TSV and the curated demonyms (once per process: see :func:`default_gazetteer`)."""
    entries: list[tuple[GazetteerEntry, list[tuple[str, bool]]]] = []
    clitic_words: set[str] = set()
    with tsv.open(encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            row = line.rstrip("\n").split("\t")
            entry = GazetteerEntry(
                id=row[col["id"]], precision=row[col["precision"]], country_code=row[col["country_code"]],
                lat=float(row[col["lat"]]), lon=float(row[col["lon"]]), population=int(row[col["population"]]),
                capital=row[col["capital"]] == "1", name_en=row[col["name_en"]], name=row[col["name"]],
            )
            names = [(n.lstrip("~"), n.startswith("~")) for n in row[col["names"]].split("|") if n]
            entries.append((entry, names))
            clitic_words.update(w for w in row[col["clitic_words"]].split("|") if w)
    demonyms = json.loads(curated.read_text(encoding="utf-8")).get("demonyms", {})
    return Gazetteer(entries, demonyms, clitic_words)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer from shared/resources (built once, then shared)."""
    return load_gazetteer()
