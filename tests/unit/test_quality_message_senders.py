"""Whoever sends the greetings or the letter a guest conveys is absent: no party of the meeting.

Invented sentences in Gulf, Egyptian and Levantine wire style ("سلمه رسالة خطية من"، "نقل إليه تحيات").
"""

from __future__ import annotations

from detector_helpers import one


def parties(body: str) -> set[str]:
    return {p.name for p in one(body, "meeting").participants}


def test_the_sender_of_a_written_message_is_no_party() -> None:
    found = parties(
        "استقبل الرئيس عبد الفتاح السيسي وزير الخارجية السعودي الأمير فيصل بن فرحان الذي سلمه رسالة خطية "
        "من الملك سلمان بن عبد العزيز."
    )
    assert found == {"عبد الفتاح السيسي", "فيصل بن فرحان"}


def test_the_one_whose_greetings_are_conveyed_is_no_party() -> None:
    found = parties(
        "استقبل الرئيس عبد الفتاح السيسي وزير الخارجية السعودي الأمير فيصل بن فرحان الذي نقل إليه تحيات "
        "الملك سلمان بن عبد العزيز."
    )
    assert found == {"عبد الفتاح السيسي", "فيصل بن فرحان"}


def test_a_message_sent_from_a_place_keeps_the_parties() -> None:
    found = parties("التقى وزير الخارجية أيمن الصفدي نظيره التركي هاكان فيدان وسلمه رسالة من عمان.")
    assert {"أيمن الصفدي", "هاكان فيدان"} <= found
