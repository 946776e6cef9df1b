"""Derive hadath's person-name lexicon from the arabic-name-romanizer wheel's Wikidata name table.

Source: ``arabic_name_romanizer/resources/names.sqlite3`` (table ``units``: Arabic given names and
surnames from Wikidata, CC0). Only that data file is read; the wheel's ONNX models are not used.
Output: ``shared/resources/person_names.tsv`` with one normalised name unit a line:
``<arabic>\\t<given count>\\t<surname count>``, sorted, so a rebuild is byte-identical.

    python -m shared.build.names [--source PATH] [--output PATH]
"""

from __future__ import annotations

import argparse
import importlib.util
import sqlite3
from collections import defaultdict
from pathlib import Path

from shared.arabic import normalize

OUTPUT = Path(__file__).resolve().parent.parent / "resources" / "person_names.tsv"
HEADER = (
    "# hadath person-name units, derived from arabic-name-romanizer names.sqlite3 (Wikidata, CC0)"
    " by shared/build/names.py\n"
)
# Every attested unit enters the lexicon (the detector filters common words itself):
# rare units are often foreign given names in Arabic script (فلاديمير، جيرمي).
MIN_COUNT = 1


def default_source() -> Path:
    """The names table inside the installed arabic-name-romanizer wheel."""
    spec = importlib.util.find_spec("arabic_name_romanizer")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("arabic-name-romanizer is not installed: pip install arabic-name-romanizer")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "names.sqlite3"


def read_units(source: Path) -> dict[str, tuple[int, int]]:
    """Normalised Arabic name unit -> (times seen as a given name, times seen as a surname)."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as db:
        for key, role, count in db.execute("SELECT arabic_key, role, count FROM units"):
            unit = " ".join(normalize(key).split())
            if not unit or not all("\u0621" <= ch <= "\u064a" or ch == " " for ch in unit):
                continue
            slot = counts[unit]
            if role == "surname":
                slot[1] += count
            else:  # given or unknown: both behave as given names in running text
                slot[0] += count
    return {unit: (g, s) for unit, (g, s) in counts.items() if g + s >= MIN_COUNT}


def render(units: dict[str, tuple[int, int]]) -> str:
    """The TSV text of the lexicon, sorted for reproducibility."""
    lines = [f"{unit}\t{g}\t{s}\n" for unit, (g, s) in sorted(units.items())]
    return HEADER + "".join(lines)


def build(source: Path | None = None, output: Path = OUTPUT) -> Path:
    """Rebuild the lexicon file; returns its path."""
    output.write_text(render(read_units(source or default_source())), encoding="utf-8")
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=None, help="names.sqlite3 (default: the installed wheel's)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    print(build(args.source, args.output))


if __name__ == "__main__":
    main()
