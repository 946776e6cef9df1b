"""Compare what the sink stored with what the pure pipeline says it should hold. Pure.

``lost``: expected events absent from the store, or stored with different content.
``duplicated``: stored rows beyond one per event, i.e. the same event content (ignoring the volatile
``extracted_at``) stored under more than one row, plus rows no article should have produced.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from shared.schemas import Event

_VOLATILE = {"extracted_at"}


def content_key(event: Event) -> str:
    """Identity of an event's content, independent of its id and of when it was extracted."""
    payload = event.model_dump_json(exclude={*_VOLATILE, "event_id"})
    return hashlib.sha256(payload.encode()).hexdigest()


def fingerprint(event: Event) -> tuple[str, str]:
    return event.event_id, content_key(event)


@dataclass(frozen=True)
class Verdict:
    expected: int
    stored: int
    lost: int
    duplicated: int
    unexpected: int
    lost_examples: tuple[str, ...] = ()
    duplicated_examples: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.lost == 0 and self.duplicated == 0

    def line(self) -> str:
        return f"CHAOS lost={self.lost} duplicated={self.duplicated}"


def compare(expected: Iterable[Event], stored: Iterable[Event]) -> Verdict:
    """The verdict for a store holding ``stored`` when the articles produce ``expected``."""
    wanted = Counter(fingerprint(e) for e in expected)
    rows = list(stored)
    have = Counter(fingerprint(e) for e in rows)
    by_content = Counter(content_key(e) for e in rows)
    wanted_content = Counter(key for (_, key), n in wanted.items() for _ in range(n))
    lost = [f"{event_id}" for (event_id, key) in wanted if (event_id, key) not in have]
    extra_copies = sum(max(0, n - max(1, wanted_content[key])) for key, n in by_content.items())
    # a row matching no expected event is an extra copy too (e.g. an event re-ided by a bad replay)
    unexpected = [e.event_id for e in rows if fingerprint(e) not in wanted and content_key(e) not in wanted_content]
    doubled = [e.event_id for e in rows if by_content[content_key(e)] > max(1, wanted_content[content_key(e)])]
    return Verdict(
        expected=sum(wanted.values()),
        stored=len(rows),
        lost=len(lost),
        duplicated=extra_copies + len(unexpected),
        unexpected=len(unexpected),
        lost_examples=tuple(lost[:5]),
        duplicated_examples=tuple((doubled + unexpected)[:5]),
    )
