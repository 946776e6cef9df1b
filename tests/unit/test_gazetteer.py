"""The gazetteer: reproducible build, names with clitics and multi-word names, common-word guard."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from services.geolocator.gazetteer import WordCache, default_gazetteer, name_words
from services.geolocator.mentions import find_mentions, words_of
from shared.build.gazetteer import OUTPUT, build


@pytest.mark.timeout(120)
def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "gazetteer.tsv"
    build(out)
    assert out.read_bytes() == OUTPUT.read_bytes()


def _names(text: str) -> list[str]:
    gazetteer = default_gazetteer()
    mentions = find_mentions(words_of(text), gazetteer)
    return [" ".join(c.words) for m in mentions for c in m.candidates[:1]]


def test_clitics_and_multi_word_names_match() -> None:
    found = _names("وصل بليبيا ثم لطرابلس والقاهرة والولايات المتحدة وشرم الشيخ وجنوب السودان")
    assert name_words("ليبيا") in [tuple(n.split()) for n in found]
    for name in ("طرابلس", "القاهره", "الولايات المتحده", "شرم الشيخ", "جنوب السودان"):
        assert name in found, name


def test_name_written_apart_and_short_words() -> None:
    assert _names("التقى الوفد في كازا بلانكا") == ["كازابلانكا"]
    assert _names("قبل أن يغادر") == []


def test_entries_have_the_basics() -> None:
    gazetteer = default_gazetteer()
    libya = gazetteer.by_country["LY"]
    assert libya.precision == "country" and 20 < libya.lat < 34 and 9 < libya.lon < 26
    assert gazetteer.capitals["SD"].name == "الخرطوم"
    sirte = [n.entry for n in gazetteer.lookup(["سرت"]) if n.entry.country_code == "LY"]
    assert sirte and abs(sirte[0].lat - 31.21) < 0.05


def test_word_cache_computes_each_word_once_and_stays_bounded() -> None:
    computed: list[str] = []

    def length(word: str) -> int:
        computed.append(word)
        return len(word)

    cache = WordCache(length, limit=2, max_length=3)
    assert cache["ab"] == 2 and cache["ab"] == 2 and computed == ["ab"]
    assert cache["abcd"] == 4 and "abcd" not in cache  # too long to keep
    assert list(map(cache.__getitem__, ["c", "d", "e"])) == [1, 1, 1] and len(cache) <= 2


def test_names_written_apart_are_found_whatever_the_first_word_opens() -> None:
    gazetteer = default_gazetteer()
    # كازا opens few names, and only with the next word: only the next words that complete one are looked up
    openings = gazetteer.openings["كازا"]
    assert openings is not None and not openings.alone and "بلانكا" in openings.followers
    assert _names("زار الوزير كازا بلانكا") == ["كازابلانكا"]
    # ما opens hundreds of names: looked up whatever follows
    openings = gazetteer.openings["ما"]
    assert openings is not None and openings.alone
    assert _names("زار الوزير ما ليزيا") == ["ماليزيا"]


def test_capitals_named_after_their_country_keep_that_name() -> None:
    """GeoNames lists 'تونس العاصمة' for Tunis: تونس is the city's name, not the rare misspelling توونس."""
    with OUTPUT.open(encoding="utf-8") as rows:
        names = {row["name_en"]: row["name"] for row in csv.DictReader(rows, delimiter="\t") if row["capital"] == "1"}
    assert names["Tunis"] == "تونس"
    assert names["Algiers"] == "الجزائر"
    assert names["Riyadh"] == "الرياض"
