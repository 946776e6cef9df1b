"""Derive hadath's list of common Arabic words (never a person's name on their own) from wordfreq.

Source: the ``wordfreq`` package's Arabic frequency list (data CC-BY-SA 4.0, Robyn Speer et al.;
see shared/resources/README.md). Words are normalised as the detector matches them (shared/arabic.py)
and their frequencies summed over spellings that normalise alike. A word enters the list when its Zipf
frequency is at least ``MIN_ZIPF`` and neither the name lexicon (person_names.tsv) nor WELL_KNOWN_NAMES
knows it as a name: then "عقد" in "ماكرون عقد" ends a name, while "السيسي" (a listed family name) does not.
Output: ``shared/resources/common_words.txt``, one word a line, sorted (a rebuild is byte-identical).

    python -m shared.build.common_words
"""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

from shared.arabic import normalize

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
OUTPUT = RESOURCES / "common_words.txt"
MIN_ZIPF = 4.4
# A unit attested this often as a name in Wikidata is a name first (سعيد، صالح، خليفة).
NAME_COUNT = 3
# Frequent words that are the names of well-known people, which the name lexicon (Arabic names from
# Wikidata) lacks: "رجب طيب أردوغان عقد" must keep أردوغان. Hand-curated, public domain.
WELL_KNOWN_NAMES = frozenset(normalize(w) for w in ["أردوغان", "أوباما", "بوش", "عبدالعزيز", "شي"])
HEADER = (
    "# hadath common Arabic words (Zipf >= 4.4, not a listed name), derived from wordfreq's Arabic list\n"
    "# (CC-BY-SA 4.0) by shared/build/common_words.py\n"
)


def known_names(path: Path = RESOURCES / "person_names.tsv") -> set[str]:
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        unit, given, surname = line.split("\t")
        if int(given) + int(surname) >= NAME_COUNT:
            names.add(unit)
    return names


def common_words() -> list[str]:
    """Frequent normalised Arabic words that are not names, sorted."""
    from wordfreq import get_frequency_dict  # build-time only

    totals: dict[str, float] = defaultdict(float)
    for word, frequency in get_frequency_dict("ar").items():
        norm = normalize(word)
        if norm and all("\u0621" <= ch <= "\u064a" for ch in norm):
            totals[norm] += frequency
    names = known_names() | WELL_KNOWN_NAMES
    return sorted(w for w, f in totals.items() if math.log10(f) + 9 >= MIN_ZIPF and w not in names)


def build(output: Path = OUTPUT) -> Path:
    output.write_text(HEADER + "".join(f"{w}\n" for w in common_words()), encoding="utf-8")
    return output


if __name__ == "__main__":
    print(build())
