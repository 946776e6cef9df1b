"""Every message hadath exchanges, in one place: the contract between stages and with consumers.

pydantic only. Each topic carries one model; each model has a ``schema_version`` so a consumer can
tell which shape it reads. ``hadath schemas`` writes their JSON Schema into ``shared/jsonschema/``.
The event model follows ``spec/EVENTS.md``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from enum import StrEnum
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, model_validator

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


class Token(NamedTuple):
    """One word of the body with its clitics split off: a row of :class:`TokenTable`, not a message itself."""

    start: int
    end: int
    text: str
    sentence: int
    norm: str
    prefixes: tuple[str, ...]
    stem: str
    suffixes: tuple[str, ...]


class TokenTable(_Model):
    """The article's tokens as columns: position i of every list describes token i.

    Columns rather than one object per token: the message is about a third of the size, and the
    detector decodes a few lists instead of building hundreds of objects. The word itself is
    ``article.body[start[i]:end[i]]``.
    """

    start: list[int] = Field(description="Offset of each token's first character in the article body.")
    end: list[int] = Field(description="Offset one past each token's last character in the article body.")
    sentence: list[int] = Field(description="Index of the sentence holding each token.")
    norm: list[str] = Field(
        description="Normalised form of each whole token (no diacritics/tatweel, unified alef/ya/ta)."
    )
    prefixes: list[tuple[str, ...]] = Field(
        description="Proclitics split off each token, normalised (و ف ب ل ك ال س …)."
    )
    stem: list[str] = Field(description="Normalised stem of each token once its clitics are removed.")
    suffixes: list[tuple[str, ...]] = Field(
        description="Enclitic pronouns split off each token, normalised (ه ها هم …)."
    )

    @model_validator(mode="after")
    def _columns_line_up(self) -> TokenTable:
        sizes = {len(column) for column in (self.start, self.end, self.sentence, self.norm, self.prefixes,
                                             self.stem, self.suffixes)}
        if len(sizes) > 1:
            raise ValueError(f"token columns differ in length: {sorted(sizes)}")
        return self

    def __len__(self) -> int:
        return len(self.start)

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> TokenTable:
        """The table of ``tokens`` (rows to columns)."""
        return cls(
            start=[t.start for t in tokens], end=[t.end for t in tokens], sentence=[t.sentence for t in tokens],
            norm=[t.norm for t in tokens], prefixes=[t.prefixes for t in tokens],
            stem=[t.stem for t in tokens], suffixes=[t.suffixes for t in tokens],
        )

    def rows(self, body: str) -> list[Token]:
        """The tokens one by one (``body`` is the article body the offsets point into)."""
        return [
            Token(start, end, body[start:end], sentence, norm, prefixes, stem, suffixes)
            for start, end, sentence, norm, prefixes, stem, suffixes in zip(
                self.start, self.end, self.sentence, self.norm, self.prefixes, self.stem, self.suffixes, strict=True
            )
        ]


class SegmentedArticle(_Message):
    """``articles.segmented``: the article with its sentences and tokens."""

    schema_version: Literal[2] = Field(  # type: ignore[assignment]
        2, description="Version of this message's schema (2: tokens as columns; 1 had one object per token)."
    )
    article: Article = Field(description="The article as ingested.")
    sentences: list[Sentence] = Field(description="Sentences in order; offsets into article.body.")
    tokens: TokenTable = Field(description="Tokens in order, as columns; offsets into article.body.")
    segmenter: str = Field(description="Segmentation backend that produced this (builtin or farasa).")

    @model_validator(mode="after")
    def _tokens_inside_body(self) -> SegmentedArticle:
        size = len(self.article.body)
        if self.tokens.start and (min(self.tokens.start) < 0 or max(self.tokens.end) > size):
            raise ValueError("a token offset lies outside the article body")
        return self

    def token_rows(self) -> list[Token]:
        """The tokens one by one, each with its text."""
        return self.tokens.rows(self.article.body)


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
