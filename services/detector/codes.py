"""CAMEO and PLOVER codes of an event, by type, status and how it was reported (spec/EVENTS.md table)."""

from __future__ import annotations

from shared.schemas import EventStatus, EventType


def cameo_plover(event_type: EventType, status: EventStatus, cues: set[str]) -> tuple[str, str]:
    """(CAMEO code, PLOVER category). ``cues`` are trigger cues seen in the event's mentions."""
    if event_type == EventType.meeting:
        if status in (EventStatus.planned, EventStatus.proposed):
            return "036", "CONSULT"  # express intent to meet or negotiate
        if "phone" in cues:
            return "041", "CONSULT"  # discuss by telephone
        if "negotiate" in cues:
            return "046", "CONSULT"
        if "host" in cues:
            return "043", "CONSULT"  # host a visit / receive
        return "040", "CONSULT"
    if event_type == EventType.visit:
        if status in (EventStatus.planned, EventStatus.proposed):
            return "036", "CONSULT"
        return "042", "CONSULT"  # make a visit (the visitor's view; hosts are in the participants)
    # training_agreement
    if status == EventStatus.occurred:
        if "agreement" in cues:
            return "057", "AGREE"  # sign formal agreement
        return "062", "COOPERATE"  # cooperate militarily: the training was held
    if status == EventStatus.proposed and "request" in cues:
        return "0212", "AGREE"  # appeal for military cooperation
    return "0312", "AGREE"  # express intent to cooperate militarily (offered, planned, or called off)
