"""Every message hadath exchanges, in one place: the contract between stages and with consumers.

pydantic only. Each topic carries one model; each model has a ``schema_version`` so a consumer can
tell which shape it reads. ``hadath schemas`` writes their JSON Schema into ``shared/jsonschema/``.
The event model follows ``spec/EVENTS.md``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal[1] = 1


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Message(_Model):
    """A value on a topic: versioned so consumers in any language can check what they read."""

    schema_version: Literal[1] = Field(SCHEMA_VERSION, description="Version of this message's schema.")


# ---------------------------------------------------------------- ingest


class Article(_Message):
    """A news article as publishers send it to ``articles.raw`` (key: the article id)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str = Field(min_length=1, max_length=512, description="Publisher's stable article id; the Kafka key.")
    title: str | None = Field(None, description="Headline, if any.")
    body: str = Field(min_length=1, description="Full article text (UTF-8). Offsets in events point into it.")
    published_at: dt.date | None = Field(None, description="Publication date; relative dates are resolved against it.")
    source: str | None = Field(None, description="Publisher or outlet name.")
    url: str | None = Field(None, description="Canonical URL of the article.")
    language: str = Field("ar", description="ISO 639-1 language code the publisher declared.")


# ---------------------------------------------------------------- segmentation


class Span(_Model):
    """A stretch of the article body: ``body[start:end] == text``."""

    start: int = Field(ge=0, description="Offset of the first character in the article body.")
    end: int = Field(ge=0, description="Offset one past the last character in the article body.")
    text: str = Field(description="The original characters, body[start:end].")


class Sentence(Span):
    """One sentence of the body."""

    index: int = Field(ge=0, description="Position of the sentence in the article, from 0.")


class Token(Span):
    """One word of the body with its clitics split off (offsets still point into the original text)."""

    sentence: int = Field(ge=0, description="Index of the sentence holding the token.")
    norm: str = Field(description="Normalised form of the whole token (no diacritics/tatweel, unified alef/ya/ta).")
    prefixes: list[str] = Field(
        default_factory=list, description="Proclitics split off, normalised (و ف ب ل ك ال س …)."
    )
    stem: str = Field(description="Normalised stem left when the clitics are removed.")
    suffixes: list[str] = Field(
        default_factory=list, description="Enclitic pronouns split off, normalised (ه ها هم …)."
    )


class SegmentedArticle(_Message):
    """``articles.segmented``: the article with its sentences and tokens."""

    article: Article = Field(description="The article as ingested.")
    sentences: list[Sentence] = Field(description="Sentences in order; offsets into article.body.")
    tokens: list[Token] = Field(description="Tokens in order; offsets into article.body.")
    segmenter: str = Field(description="Segmentation backend that produced this (builtin or farasa).")


# ---------------------------------------------------------------- events


class EventType(StrEnum):
    meeting = "meeting"
    visit = "visit"
    training_agreement = "training_agreement"


class EventStatus(StrEnum):
    occurred = "occurred"
    planned = "planned"
    proposed = "proposed"
    denied = "denied"


class ParticipantKind(StrEnum):
    person = "person"
    organization = "organization"
    country = "country"


class ParticipantRole(StrEnum):
    party = "party"
    visitor = "visitor"
    host = "host"
    trainer = "trainer"
    trainee = "trainee"


class PlacePrecision(StrEnum):
    site = "site"
    city = "city"
    region = "region"
    country = "country"


class Participant(_Model):
    """Who took part: a person, an organisation or a country/government."""

    name: str = Field(description="Name as written in the article, its fullest form there, without title.")
    kind: ParticipantKind = Field(description="person, organization or country.")
    role: ParticipantRole = Field(
        description="party (meeting), visitor/host (visit), trainer/trainee/party (training)."
    )
    title: str | None = Field(None, description="Title or office, kept apart from the name (e.g. نائب قائد أفريكوم).")
    affiliation: str | None = Field(None, description="Country or organisation the participant belongs to, if stated.")
    aliases: list[str] = Field(default_factory=list, description="Other forms the article uses for the participant.")


class Trigger(Span):
    """A word or phrase that signals the event (e.g. محادثات، زيارة)."""


class Evidence(Span):
    """A sentence an event was read from."""


class Place(_Model):
    """Where the event happened, at the finest level the article supports."""

    text: str = Field(description="Surface text in the article (e.g. مدينة سرت).")
    start: int | None = Field(None, ge=0, description="Offset of the surface text in the body, if read from it.")
    end: int | None = Field(None, ge=0, description="End offset of the surface text in the body.")
    name: str = Field(description="Canonical Arabic name from the gazetteer.")
    name_en: str = Field(description="English name.")
    country_code: str = Field(min_length=2, max_length=2, description="ISO 3166-1 alpha-2 country code.")
    lat: float = Field(ge=-90, le=90, description="Latitude, WGS84 degrees.")
    lon: float = Field(ge=-180, le=180, description="Longitude, WGS84 degrees.")
    precision: PlacePrecision = Field(description="site, city, region or country.")
    gazetteer_id: str = Field(description="Id in hadath's gazetteer (geonames:<id>, cldr:<cc> or curated:<slug>).")


class DetectedEvent(_Model):
    """An event as the detector reads it, before geolocation."""

    type: EventType = Field(description="meeting, visit or training_agreement.")
    status: EventStatus = Field(description="occurred, planned, proposed or denied.")
    cameo_code: str = Field(description="CAMEO event code (e.g. 040 consult, 042 visit, 062 military cooperation).")
    plover_category: str = Field(description="PLOVER category (CONSULT, AGREE, COOPERATE).")
    participants: list[Participant] = Field(description="Who took part, with roles.")
    date: dt.date | None = Field(None, description="Date of the event, normalised against the article date.")
    triggers: list[Trigger] = Field(min_length=1, description="Trigger words of every mention, first mention first.")
    evidence: list[Evidence] = Field(min_length=1, description="Sentences the event was read from.")
    confidence: float = Field(ge=0.0, le=1.0, description="Estimated probability that the event is right.")


class DetectedEvents(_Message):
    """``events.detected``: one message per article, with the events found (possibly none)."""

    article: Article = Field(description="The article the events were read from.")
    sentences: list[Sentence] = Field(description="The article's sentences (for place resolution).")
    events: list[DetectedEvent] = Field(description="Events detected in the article, in order of first mention.")


class Event(_Message):
    """``events.v1``: one typed event, the product hadath publishes (key: the article id)."""

    event_id: str = Field(description="Deterministic id: the same article and event always give the same id.")
    article_id: str = Field(description="Id of the article the event was read from.")
    type: EventType = Field(description="meeting, visit or training_agreement.")
    status: EventStatus = Field(description="occurred, planned, proposed or denied.")
    cameo_code: str = Field(description="CAMEO event code.")
    plover_category: str = Field(description="PLOVER category.")
    participants: list[Participant] = Field(description="Who took part, with roles.")
    place: Place | None = Field(description="Where it happened, or null when the article does not say.")
    date: dt.date | None = Field(description="Date of the event, or null when the article gives none.")
    trigger: str = Field(description="Trigger text of the first mention.")
    triggers: list[Trigger] = Field(description="Trigger spans of every mention.")
    evidence: list[Evidence] = Field(description="Sentences the event was read from, with offsets into the body.")
    confidence: float = Field(ge=0.0, le=1.0, description="Estimated probability that the event is right.")
    article_published_at: dt.date | None = Field(None, description="Publication date of the article.")
    source: str | None = Field(None, description="Publisher of the article.")
    extracted_at: dt.datetime = Field(description="When the event was produced (UTC).")
    producer_version: str = Field(description="hadath version that produced the event.")


def event_id(article_id: str, event_type: EventType, first_trigger_start: int) -> str:
    """Stable id: replays of an article collide on it, so the sink stays idempotent."""
    digest = hashlib.sha256(f"{article_id}\x1f{event_type.value}\x1f{first_trigger_start}".encode()).hexdigest()
    return f"evt_{digest[:24]}"


MODELS_BY_TOPIC_ROLE: dict[str, type[_Message]] = {
    "articles_raw": Article,
    "articles_segmented": SegmentedArticle,
    "events_detected": DetectedEvents,
    "events": Event,
}
