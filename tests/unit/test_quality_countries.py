"""UN member states beyond the first curated ~130 are countries: الكونغو (Brazzaville) beside the DRC,
Latin American, Balkan, Asian and African states with their usual Arabic variants."""

from __future__ import annotations

import pytest

from services.detector.resources import lexicon
from shared.arabic import normalize
from shared.schemas import ParticipantKind
from tests.unit.detector_helpers import events


def _countries(body: str) -> set[str]:
    return {p.name for e in events(body) for p in e.participants if p.kind == ParticipantKind.country}


@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("وقعت الكونغو وروسيا اتفاقية للتعاون العسكري تشمل تدريب الضباط الكونغوليين.", "الكونغو"),
        ("وقعت بوليفيا وروسيا اتفاقية للتعاون العسكري تشمل تدريب الضباط.", "بوليفيا"),
        ("اتفقت ميانمار والصين على برنامج لتدريب قوات حرس الحدود.", "ميانمار"),
        ("وقعت تركيا والبوسنة والهرسك اتفاقية لتدريب عناصر الجيش في سراييفو.", "البوسنة والهرسك"),
        ("وقعت بنين والنيجر اتفاقا أمنيا يشمل تدريب وحدات مكافحة الإرهاب.", "بنين"),
    ],
)
def test_a_newly_listed_state_is_a_party(body: str, country: str) -> None:
    assert country in _countries(body), _countries(body)


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("الكونغو", "الكونغو"),
        ("جمهورية الكونغو الديمقراطية", "الكونغو الديمقراطية"),
        ("كونغو برازافيل", "الكونغو"),
        ("بورما", "ميانمار"),
        ("سوازيلاند", "إسواتيني"),
        ("جمهورية إفريقيا الوسطى", "أفريقيا الوسطى"),
        ("جنوب إفريقيا", "جنوب أفريقيا"),
        ("باراجواي", "باراغواي"),
    ],
)
def test_variants_name_their_state(name: str, country: str) -> None:
    assert lexicon().country_by_name[normalize(name)].name == country
