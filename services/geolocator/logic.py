"""Geolocation: detected events -> published events with their place resolved. Pure."""

from __future__ import annotations

import datetime as dt

from shared.schemas import DetectedEvents, Event


def geolocate(detected: DetectedEvents, extracted_at: dt.datetime) -> list[Event]:
    """Resolve each event's place (or null) and build the final ``events.v1`` messages."""
    raise NotImplementedError
