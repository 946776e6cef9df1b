"""Demonyms coordinated after one organisation name the same organisation of each country: "القوات
البحرية السعودية والباكستانية" is the Saudi navy and the Pakistani navy, not the Saudi navy alone."""

from __future__ import annotations

import pytest

from tests.unit.detector_helpers import has_name, names, one


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "نفذت القوات البحرية السعودية والباكستانية تمرينا بحريا مشتركا في بحر العرب.",
            ["القوات البحرية السعودية", "القوات البحرية الباكستانية"],
        ),
        (
            "اختتمت القوات البرية المصرية والسودانية تدريبا مشتركا في قاعدة مروي.",
            ["القوات البرية المصرية", "القوات البرية السودانية"],
        ),
        (
            "شاركت القوات المسلحة النيجرية والمالية والبوركينية في تدريب مشترك لمكافحة الإرهاب.",
            ["القوات المسلحة النيجرية", "القوات المسلحة المالية", "القوات المسلحة البوركينية"],
        ),
    ],
)
def test_each_coordinated_demonym_is_a_force(body: str, expected: list[str]) -> None:
    event = one(body, "training_agreement")
    assert all(has_name(event, name) for name in expected), sorted(names(event))
