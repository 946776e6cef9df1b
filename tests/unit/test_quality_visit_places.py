"""The place named right after the noun زيارة is the place visited, never a visitor or a party, even when
it is a capital that elsewhere stands for its government (الرباط، القاهرة، الدوحة); should its country
take part through a demonym, it is named by the country. و + a verb before له/إليه is no name."""

from __future__ import annotations

import pytest

from tests.unit.detector_helpers import events


def _found(body: str) -> set[tuple[str, str | None]]:
    return {(p.name, p.role.value if p.role else None) for e in events(body) for p in e.participants}


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("التقى العاهل المغربي الرئيس الموريتاني ودعاه إلى زيارة الرباط.", "الرباط"),
        ("استقبل أمير قطر الرئيس السوري ووجه إليه دعوة لزيارة الدوحة.", "الدوحة"),
        ("التقى وزير الخارجية التركي نظيره الإيراني وبحثا زيارة طهران المرتقبة.", "طهران"),
        ("استقبل الرئيس المصري نظيره الفرنسي ودعاه لزيارة القاهرة قريبا.", "القاهرة"),
    ],
)
def test_the_place_of_a_visit_noun_is_no_participant(body: str, place: str) -> None:
    assert not any(name == place for name, _ in _found(body)), _found(body)


@pytest.mark.parametrize(
    "body",
    [
        "استقبل الرئيس المصري نظيره الفرنسي وجدد له الدعوة إلى زيارة القاهرة.",
        "التقى الرئيس الجزائري نظيره التونسي وأكد له دعم بلاده.",
    ],
)
def test_a_verb_before_a_pronoun_phrase_is_no_person(body: str) -> None:
    assert not any(name.startswith("و") for name, _ in _found(body)), _found(body)
