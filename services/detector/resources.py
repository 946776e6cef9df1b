"""The detector's lexicons, loaded and normalised once at import (no per-article setup)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from shared.arabic import normalize

RESOURCES = Path(__file__).resolve().parents[2] / "shared" / "resources"


def _norm_words(words: list[str]) -> frozenset[str]:
    return frozenset(" ".join(normalize(w).split()) for w in words)


def _json(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RESOURCES / name).read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True, slots=True)
class Country:
    """A country with the names, demonym stems and capitals the detector recognises."""

    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word list the detector consults, in normalised form."""

    title_heads: frozenset[str]
    definite_only_heads: frozenset[str]
    dual_heads: frozenset[str]
    group_heads: frozenset[str]
    kin_heads: frozenset[str]
    rank_group: dict[str, int]
    title_complements: frozenset[str]
    org_heads: frozenset[str]
    org_names: dict[str, str]
    non_participant_org_heads: frozenset[str]
    speech_verbs: frozenset[str]
    stopwords: frozenset[str]
    common_words: frozenset[str]
    military_words: frozenset[str]
    sports_words: frozenset[str]
    media_words: frozenset[str]
    adjectives: frozenset[str]
    place_nouns: frozenset[str]
    participation_words: frozenset[str]
    frequent_words: frozenset[str]
    opinion_words: frozenset[str]
    given_names: dict[str, int]
    surnames: dict[str, int]
    countries: tuple[Country, ...]
    country_by_name: dict[str, Country]
    country_by_demonym: dict[str, Country]
    country_by_capital: dict[str, Country]
    place_first_words: frozenset[str]  # first words of country and capital names, for a quick test


def _read_countries() -> tuple[Country, ...]:
    countries: dict[str, Country] = {}
    for line in (RESOURCES / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = ([*line.split("\t"), "", "", ""])[:4]
        name = cells[0].strip()
        if name in countries:
            continue

        def split(cell: str) -> tuple[str, ...]:
            return tuple(x.strip() for x in cell.split("|") if x.strip())

        countries[name] = Country(name, (name, *split(cells[1])), split(cells[2]), split(cells[3]))
    return tuple(countries.values())


def _read_person_names() -> tuple[dict[str, int], dict[str, int]]:
    given: dict[str, int] = {}
    surnames: dict[str, int] = {}
    for line in (RESOURCES / "person_names.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        unit, g, s = line.split("\t")
        if int(g):
            given[unit] = int(g)
        if int(s):
            surnames[unit] = int(s)
    return given, surnames


@cache
def lexicon() -> Lexicon:
    """The loaded lexicon (built once per process)."""
    actors = _json("actors.json")
    countries = _read_countries()
    by_name: dict[str, Country] = {}
    by_demonym: dict[str, Country] = {}
    by_capital: dict[str, Country] = {}
    for country in countries:
        for name in country.names:
            by_name.setdefault(normalize(name), country)
        for demonym in country.demonyms:
            by_demonym.setdefault(normalize(demonym), country)
        for capital in country.capitals:
            by_capital.setdefault(normalize(capital), country)
    rank_group = {normalize(w): i for i, group in enumerate(actors["rank_groups"]) for w in group}
    given, surnames = _read_person_names()
    return Lexicon(
        title_heads=_norm_words(actors["title_heads"]),
        definite_only_heads=_norm_words(actors["definite_only_heads"]),
        dual_heads=_norm_words(actors["dual_heads"]),
        group_heads=_norm_words(actors["group_heads"]),
        kin_heads=_norm_words(actors["kin_heads"]),
        rank_group=rank_group,
        title_complements=_norm_words(actors["title_complements"]),
        org_heads=_norm_words(actors["org_heads"]),
        org_names={normalize(k): v for k, v in actors["org_names"].items()},
        non_participant_org_heads=_norm_words(actors["non_participant_org_heads"]),
        speech_verbs=_norm_words(actors["speech_verbs"]),
        stopwords=_norm_words(actors["stopwords"]),
        common_words=_norm_words(actors["common_words"]),
        military_words=_norm_words(actors["military_words"]),
        sports_words=_norm_words(actors["sports_words"]),
        media_words=_norm_words(actors["media_words"]),
        adjectives=_norm_words(actors["adjectives"]),
        place_nouns=_norm_words(actors["place_nouns"]),
        participation_words=_norm_words(actors["participation_words"]),
        opinion_words=_norm_words(actors["opinion_words"]),
        frequent_words=frozenset(
            w for w in (RESOURCES / "common_words.txt").read_text(encoding="utf-8").splitlines() if w and w[0] != "#"
        ),
        given_names=given,
        surnames=surnames,
        countries=countries,
        country_by_name=by_name,
        country_by_demonym=by_demonym,
        country_by_capital=by_capital,
        place_first_words=frozenset(name.split()[0] for name in [*by_name, *by_capital]),
    )


@cache
def trigger_table() -> list[dict[str, Any]]:
    """Trigger entries of shared/resources/event_triggers.json."""
    entries: list[dict[str, Any]] = _json("event_triggers.json")["triggers"]
    return entries


@cache
def modality_table() -> dict[str, Any]:
    """Status cues of shared/resources/modality.json."""
    return _json("modality.json")


@cache
def trigger_word_list(name: str) -> frozenset[str]:
    """A word list of event_triggers.json ('peak_words', 'interview_words', 'force_heads')."""
    return _norm_words(_json("event_triggers.json").get(name, []))


@cache
def trigger_not_words() -> frozenset[str]:
    """Whole words that look like triggers but are not (فيصل = ف + يصل)."""
    return _norm_words(_json("event_triggers.json").get("not_words", []))
