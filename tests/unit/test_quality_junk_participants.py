"""Places, seas, valleys and document nouns that the name lexicon also lists as given names (بحر، وادي، بيان)
are no persons; "عمان" beside Jordan is Amman (Jordan's capital), not a party named Oman."""

from __future__ import annotations

import pytest
from detector_helpers import events, names, one

from shared.arabic import normalize


def all_names(body: str) -> set[str]:
    return {normalize(n) for e in events(body) for n in names(e)}


@pytest.mark.parametrize(
    "body",
    [
        "انطلقت فعاليات تمرين بحري مشترك في بحر العرب بمشاركة القوات البحرية السعودية والباكستانية.",
        "وتشارك القوات البحرية العمانية والهندية في تمرين بحري مشترك في بحر العرب يستمر خمسة أيام.",
        "أجرت القوات البحرية الإيرانية والروسية تمرينا بحريا مشتركا في بحر عمان.",
        "نفذت القوات الأردنية والأمريكية تدريبات عسكرية مشتركة في وادي رم جنوب المملكة.",
        "اختتمت القوات المصرية والسودانية تدريبات مشتركة في جبل عامر.",
    ],
)
def test_seas_valleys_and_mountains_are_no_participants(body: str) -> None:
    found = all_names(body)
    assert not any(n.startswith(("بحر", "وادي", "جبل", "عمان")) for n in found), found


@pytest.mark.parametrize(
    "body",
    [
        "التقى وزير الدفاع العراقي ثابت العباسي، اليوم، قائد القوات البرية الأمريكية، وفق بيان صادر عن الوزارة.",
        "وبحث الجانبان، بحسب بيان صادر عن مكتب رئيس الوزراء، التعاون العسكري خلال لقاء جمع الوزير بالسفير.",
        "التقى رئيس الأركان الفريق محمد الغنام نظيره الأمريكي، حسب بيان مشترك صدر في ختام اللقاء.",
    ],
)
def test_a_statement_is_no_participant(body: str) -> None:
    assert not any(n.startswith("بيان") for n in all_names(body))


def test_amman_beside_jordan_is_jordan_not_oman() -> None:
    meeting = one("واستضافت عمان اجتماعا لوزراء خارجية الأردن ومصر والعراق.", "meeting")
    assert {p.name for p in meeting.participants} == {"الأردن", "مصر", "العراق"}


def test_oman_stays_oman_after_sultanate() -> None:
    meeting = one("واستضافت مسقط اجتماعا لوزراء خارجية سلطنة عمان والأردن.", "meeting")
    assert {p.name for p in meeting.participants} == {"سلطنة عمان", "الأردن"}
