"""The derived lexicons rebuild byte-identically from their sources, and the curated ones load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.detector.resources import RESOURCES, lexicon, trigger_table
from shared.build import names

pytestmark = pytest.mark.timeout(120)


def test_person_names_rebuild_is_identical(tmp_path: Path) -> None:
    rebuilt = names.build(output=tmp_path / "person_names.tsv")
    assert rebuilt.read_bytes() == (RESOURCES / "person_names.tsv").read_bytes()


def test_common_words_rebuild_is_identical(tmp_path: Path) -> None:
    pytest.importorskip("wordfreq", reason="wordfreq is a build-time dependency (pip install -e '.[data]')")
    from shared.build import common_words

    rebuilt = common_words.build(output=tmp_path / "common_words.txt")
    assert rebuilt.read_bytes() == (RESOURCES / "common_words.txt").read_bytes()


def test_name_lexicon_knows_arab_and_foreign_given_names() -> None:
    lex = lexicon()
    for given in ("محمد", "خليفه", "جون", "ماريو", "ياشار"):
        assert given in lex.given_names, given
    assert "السيسي" in lex.surnames


def test_curated_files_are_valid_and_normalised() -> None:
    for name in ("actors.json", "event_triggers.json", "modality.json"):
        json.loads((RESOURCES / name).read_text(encoding="utf-8"))
    assert {e["type"] for e in trigger_table()} == {"meeting", "visit", "training_agreement"}
    lex = lexicon()
    assert lex.country_by_demonym["امريكي"].name == "الولايات المتحدة"
    assert lex.country_by_capital["انقره"].name == "تركيا"
    assert lex.country_by_name["السينغال"].name == "السنغال"
