"""The chaos verdict counts lost and duplicated events correctly (so `CHAOS lost=0 duplicated=0` means something)."""

from __future__ import annotations

from shared.schemas import EventStatus
from tests.chaos.verdict import compare
from tests.factories import sample_event


def test_identical_sets_are_clean_even_when_extracted_at_differs() -> None:
    expected = [sample_event("a", 0), sample_event("a", 9), sample_event("b", 0)]
    stored = [e.model_copy(update={"extracted_at": e.extracted_at.replace(hour=23)}) for e in expected]
    verdict = compare(expected, stored)
    assert (verdict.lost, verdict.duplicated, verdict.line()) == (0, 0, "CHAOS lost=0 duplicated=0")


def test_missing_and_changed_events_are_lost() -> None:
    expected = [sample_event("a", 0), sample_event("a", 9), sample_event("b", 0)]
    changed = expected[2].model_copy(update={"status": EventStatus.denied})
    verdict = compare(expected, [expected[0], changed])
    assert verdict.lost == 2 and not verdict.ok


def test_the_same_event_under_another_id_is_a_duplicate() -> None:
    expected = [sample_event("a", 0)]
    copy = expected[0].model_copy(update={"event_id": "evt_other"})
    verdict = compare(expected, [expected[0], copy])
    assert (verdict.lost, verdict.duplicated) == (0, 1)


def test_an_event_no_article_produced_counts_as_duplicated() -> None:
    verdict = compare([sample_event("a", 0)], [sample_event("a", 0), sample_event("zzz", 3)])
    assert (verdict.duplicated, verdict.unexpected) == (1, 1)
