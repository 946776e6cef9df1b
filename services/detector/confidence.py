"""A confidence in [0, 1] for each event, from the evidence behind it (calibrated on the dev set)."""

from __future__ import annotations

import math

from services.detector.merging import MergedEvent
from shared.schemas import EventType, ParticipantKind

# Log-odds weights; see the calibration table in services/detector/README.md.
_BIAS = -0.6
_PER_EXTRA_MENTION = 0.5
_NAMED_PERSON = 1.2
_SECOND_PARTY = 0.6
_VERB_TRIGGER = 0.6
_STRONG_TRIGGER = 0.3
_ONLY_COUNTRIES = -0.8
_TRAINING = -0.2


def confidence(event: MergedEvent) -> float:
    """Estimated probability that ``event`` is a real event of its type with the right participants."""
    score = _BIAS
    score += _PER_EXTRA_MENTION * min(3, len(event.mentions) - 1)
    kinds = list(event.kinds.values())
    persons = sum(1 for k in kinds if k == ParticipantKind.person)
    if persons:
        score += _NAMED_PERSON
    if len(kinds) >= 2:
        score += _SECOND_PARTY
    if kinds and all(k == ParticipantKind.country for k in kinds):
        score += _ONLY_COUNTRIES
    if any(m.form in ("perfective", "imperfective") for m in event.mentions):
        score += _VERB_TRIGGER
    score += _STRONG_TRIGGER * max(m.strength for m in event.mentions)
    if event.type == EventType.training_agreement:
        score += _TRAINING
    return round(1.0 / (1.0 + math.exp(-score)), 3)
