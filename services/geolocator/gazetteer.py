"""The gazetteer, loaded once per process, with a name index keyed by the first normalised word.

Rows come from shared/resources/gazetteer.tsv (built by shared/build/gazetteer.py); demonyms
(ليبي، التركية …) come from shared/resources/places_curated.json and serve disambiguation only:
a nationality is never an event place.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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
        # word -> its (form, preposition) readings, filled as articles are read (bounded by the vocabulary)
        self.forms_cache: dict[str, list[tuple[str, str]]] = {}
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
        self.max_words = max((len(n.words) for c in self.by_first_word.values() for n in c), default=1)

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
