"""Clitic segmentation of one normalised word that leaves names whole.

Proclitics: و ف (conjunctions), س (future, on imperfect verbs only), ب ل ك (prepositions), ال and
لل (= ل + ال). Enclitic pronouns: ه ها هم هما هن كم كما نا. Names are protected: a word (or the
word without its conjunction) that is a gazetteer name or a person-name unit is not split further
(سرت، بغداد، بنغازي، لبنان، كردستان، كامل). A stem must keep at least three letters.
Suffix decisions look at the original spelling: a final ة (normalised to ه) is no pronoun.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from shared.arabic import normalize

RESOURCES = Path(__file__).resolve().parents[2] / "shared" / "resources"
_PRONOUNS = ("هما", "كما", "هم", "هن", "كم", "ها", "نا", "ه")
_IMPERFECT = "يتنا"
_MIN_STEM = 3


@lru_cache(maxsize=1)
def protected_words() -> frozenset[str]:
    """Single-word place names (gazetteer) and person-name units (name lexicon), normalised.

    Either resource may be absent (built by another step): then only the stem-length rule protects.
    """
    words: set[str] = set()
    gazetteer = RESOURCES / "gazetteer.tsv"
    if gazetteer.exists():
        with gazetteer.open(encoding="utf-8") as f:
            reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader)
            names_col = header.index("names")
            for row in reader:
                for name in row[names_col].split("|"):
                    if name and not name.startswith("~") and " " not in name:
                        words.add(normalize(name))
    person_names = RESOURCES / "person_names.tsv"
    if person_names.exists():
        with person_names.open(encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                unit, _, counts = line.rstrip("\n").partition("\t")
                given, _, surname = counts.partition("\t")
                seen = sum(int(c) for c in (given, surname) if c.isdigit())
                if unit and _names_a_person(unit, seen):
                    words.add(unit)
    return frozenset(w for w in words if len(w) >= 3)


def _names_a_person(unit: str, seen: int) -> bool:
    """A name unit that also reads as clitic + word (واكد = و + أكد, بوزير = ب + وزير) needs more evidence.

    Units that cannot start with a proclitic are names however rare (فلاديمير، بوتين is seen twice).
    """
    if unit[0] not in "وفبلك":
        return True
    return seen >= 2 and not (unit[1:] in common_words() and seen < 20)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent Arabic words (shared/resources/common_words.txt, from wordfreq); empty when absent.

    They arbitrate splits: وزارة is a word (زارة is not), وقال is و + قال (قال is a word too).
    """
    path = RESOURCES / "common_words.txt"
    if not path.exists():
        return frozenset()
    with path.open(encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))


def split_clitics(norm: str, original: str | None = None, protected: frozenset[str] | None = None
                  ) -> tuple[list[str], str, list[str]]:
    """(prefixes, stem, suffixes) of a normalised word; ``original`` (diacritics removed) guides suffixes."""
    if protected is None:
        prefixes, stem, suffixes = _split_cached(norm, original)
        return list(prefixes), stem, list(suffixes)
    return _split(norm, original, protected)


@lru_cache(maxsize=200_000)
def _split_cached(norm: str, original: str | None) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """News repeats its words: each distinct word is analysed once per process."""
    prefixes, stem, suffixes = _split(norm, original, protected_words(), common_words())
    return tuple(prefixes), stem, tuple(suffixes)


def _whole_word(word: str, rest: str, known: frozenset[str], protected: frozenset[str]) -> bool:
    """True when ``word`` is a known word and the clitic reading's ``rest`` is not (وزارة, not و + زارة)."""
    return _known(word, known) and rest not in known and rest not in protected


def _preposition_reading(word: str, common: frozenset[str], protected: frozenset[str]) -> bool:
    """ب/ل/ك + rest: when the rest is a known word or name; a word known whole, or unknown both ways
    (بلينكن، لافروف: foreign names), stays whole. Without the word list, the stem-length rule decides.
    """
    rest = word[1:]
    if word[0] == "ك" and word in common:
        return False  # كذلك، كلما: lexicalised
    if rest in protected or _known(rest, common):
        return not (word in common and rest not in common and rest not in protected)
    if not common:
        return len(rest) > _MIN_STEM
    return False


def _known(word: str, known: frozenset[str]) -> bool:
    if word in known:
        return True
    for pronoun in _PRONOUNS:  # بلادهم: بلاد + هم
        if word.endswith(pronoun) and len(word) - len(pronoun) >= _MIN_STEM and word[: -len(pronoun)] in known:
            return True
    return False


def _split(norm: str, original: str | None, protected: frozenset[str], common: frozenset[str] = frozenset()
           ) -> tuple[list[str], str, list[str]]:
    prefixes: list[str] = []
    stem = norm
    if stem in protected:
        return _definite_only(stem)
    if (len(stem) > _MIN_STEM and stem[0] in "وف" and not _protected_prefix(stem, protected)
            and not _whole_word(stem, stem[1:], common, protected)):
        prefixes.append(stem[0])
        stem = stem[1:]
        if stem in protected:
            more, stem, _ = _definite_only(stem)
            return prefixes + more, stem, []
    future = stem.startswith("س") and len(stem) > _MIN_STEM + 1 and stem[1] in _IMPERFECT
    if future and not stem.endswith(("ه", "ات")) and (stem[1] == "ي" or len(stem) > _MIN_STEM + 2):
        prefixes.append("س")  # سيلتقي، ستعقد: future on an imperfect verb (not سيارة، سياسة)
        return prefixes, stem[1:], []
    if stem.startswith("لل") and len(stem) >= _MIN_STEM + 2:
        if stem[1:] in protected and stem[2:] not in protected:  # لليبيا = ل + ليبيا
            prefixes.append("ل")
            stem = stem[1:]
        elif _known(stem[1:], common) and not _known(stem[2:], common):  # للقاء = ل + اللقاء
            prefixes.extend(["ل", "ال"])
            stem = stem[1:]
        else:  # للقوات = ل + القوات
            prefixes.extend(["ل", "ال"])
            stem = stem[2:]
    elif len(stem) >= _MIN_STEM + 3 and stem[0] in "بلك" and stem[1:3] == "ال":
        prefixes.extend([stem[0], "ال"])
        stem = stem[3:]
    elif stem.startswith("ال") and len(stem) >= _MIN_STEM + 2:
        prefixes.append("ال")
        stem = stem[2:]
    elif len(stem) > _MIN_STEM and stem[0] in "بلك" and _preposition_reading(stem, common, protected):
        prefixes.append(stem[0])  # بليبيا، لطرابلس، بوزير
        stem = stem[1:]
    if stem in protected:
        return prefixes, stem, []
    suffixes = _pronoun_suffix(stem, original)
    if suffixes:
        stem = stem[: -len(suffixes[0])]
    return prefixes, stem, suffixes


def _definite_only(name: str) -> tuple[list[str], str, list[str]]:
    """A protected name keeps its letters; only its article comes off (القاهرة -> ال + قاهرة)."""
    if name.startswith("ال") and len(name) >= _MIN_STEM + 2:
        return ["ال"], name[2:], []
    return [], name, []


def _protected_prefix(word: str, protected: frozenset[str]) -> bool:
    """وهران is a city, not و + هران."""
    return word in protected


def _pronoun_suffix(stem: str, original: str | None) -> list[str]:
    spelled = normalize(original) if original else stem
    if original and original.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ة"):
        return []
    for pronoun in _PRONOUNS:
        if not stem.endswith(pronoun) or len(stem) - len(pronoun) < _MIN_STEM:
            continue
        if not spelled.endswith(pronoun):
            continue
        if pronoun == "ه" and stem[-2] in "اي":
            return []  # اتجاه، توجيه: the ه is a root letter
        if pronoun in ("هم", "هن") and len(stem) - len(pronoun) < _MIN_STEM + 1:
            return []  # تفاهم، مساهم
        return [pronoun]
    return []
