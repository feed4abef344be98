"""The typed record tidings produces: articles, actors, events, quotes, citations, times.

Every annotation carries character offsets (`start`, `end`) into `Article.text`, so each fact
can be traced back to the sentence it came from. `Report.to_dict()` is the JSON contract.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Modality(StrEnum):
    """Whether an event happened, according to its evidence sentence."""

    ASSERTED = "asserted"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"
    CONDITIONAL = "conditional"
    NEGATED = "negated"
    REPORTED_CLAIM = "reported-claim"


class QuoteKind(StrEnum):
    """How a quote reproduces the speaker's words."""

    DIRECT = "direct"
    PARTIAL = "partial"
    INDIRECT = "indirect"


class AttributionKind(StrEnum):
    """How much of an attributed statement is the source's own words."""

    DIRECT = "direct"  # every word inside quotation marks
    MIXED = "mixed"  # a paraphrase holding quoted words
    INDIRECT = "indirect"  # reported speech, no quoted words
    OTHER = "other"  # beliefs, findings, intentions, stances, "according to"


class CitationKind(StrEnum):
    """How a cited source delivered the information."""

    REPORT = "report"
    INTERVIEW = "interview"
    STATEMENT = "statement"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: its text and metadata."""

    id: str
    text: str
    title: str = ""
    outlet: str = ""
    published: date | None = None
    url: str = ""
    language: str = "en"
    # The text opens with a line that is the title the metadata gave (not one read off the
    # text): that line is the headline however it is capitalised.
    opens_with_title: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Metadata as in the JSON contract (the text itself is not repeated)."""
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that refers to an actor."""

    text: str
    start: int
    end: int
    # name | title | pronoun | metonym | demonym | description | surname | place
    kind: str = "name"


@dataclass(slots=True)
class Actor:
    """A person, government, military, organisation or group acting in the article."""

    id: str
    name: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    # person | country | organisation | group
    kind: str = "person"
    kb_id: str | None = None
    # Knowledge-base id of the organisation the actor acts for (a UN official: "UN").
    affiliation: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def acting_mentions(self) -> list[Mention]:
        """The mentions that name the actor, without those naming its country as a place."""
        return [m for m in self.mentions if m.kind != "place"]

    @property
    def reference(self) -> str:
        """How gold files and dedup name an actor: its ISO-3 country, else its organisation's
        id, else its name, in capitals."""
        return (self.country or self.affiliation or self.kb_id or self.name).upper()

    @property
    def code(self) -> str:
        """CAMEO-style actor code: ISO-3 country then sector, e.g. ``USAGOV``."""
        return f"{self.country or ''}{self.sector or ''}"

    def to_dict(self) -> dict[str, Any]:
        """Serialise as in the JSON contract."""
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "code": self.code or None,
            "role": self.role,
            "kind": self.kind,
            "kb_id": self.kb_id,
            "affiliation": self.affiliation,
            "mentions": [asdict(m) for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression normalised against the publication date.

    `value` is ISO 8601: ``2025-10-17`` (day), ``2025-W42`` (week), ``2025-10`` (month),
    ``2025`` (year), ``2025-09-28/2025-10-17`` (range) or ``P4Y`` (duration); None when the
    expression cannot be anchored.
    """

    text: str
    start: int
    end: int
    value: str | None
    granularity: str  # day | week | month | quarter | year | decade | range | season | time | set |
    # reference (PRESENT_REF, PAST_REF, FUTURE_REF) | duration | unknown


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit; `normalized` holds the value in the canonical unit."""

    text: str
    start: int
    end: int
    value: float
    unit: str
    kind: str  # length | money | count | casualties | troops | duration | percent | mass | other
    normalized_value: float
    normalized_unit: str
    normalized_max: float | None = None  # upper bound of a range ("5,000 to 7,000 troops")
    outcome: str | None = None  # for casualty counts: killed | injured | casualties
    part_of_count: bool = False  # "two children" in "six people, including two children"

    def to_dict(self) -> dict[str, Any]:
        """Serialise as in the JSON contract."""
        normalized: dict[str, Any] = {"value": self.normalized_value, "unit": self.normalized_unit}
        if self.normalized_max is not None:
            normalized["max"] = self.normalized_max
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "normalized": normalized,
            "outcome": self.outcome,
        } | ({"part_of_count": True} if self.part_of_count else {})


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None  # actor id
    cue: str | None = None  # the speech verb, e.g. "said"
    outlet: str | None = None  # the outlet or channel that carried it ("told CBS News")


Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One statement attributed to a source: what (content), who (source), how (cue).

    `content` holds the character spans of what was said or held, in text order (two for a
    quote split around its cue); `fragments` the quoted stretches inside it. `source` is an
    actor id when the source is a known actor; `source_text` and `source_span` are the words
    that name the source as written ("officials", "the report", "he").
    """

    kind: AttributionKind
    text: str  # the content's pieces joined by a space
    content: tuple[Span, ...]
    source: str | None = None
    source_text: str | None = None
    source_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    fragments: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Citation:
    """A source that the article attributes information to."""

    outlet: str
    kind: CitationKind
    start: int
    end: int
    text: str = ""
    speaker: str | None = None  # actor id of who spoke to the outlet, if any
    date: str | None = None  # ISO date of the report/interview when given


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence an annotation was read from."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened (or is planned), with the expression it came from.

    `value` is ISO 8601 as for times, or ``../2025-03-14`` with granularity ``before`` for an
    event the text dates only as on or before a day (ISO 8601-2's open interval).
    """

    value: str | None
    granularity: str
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event took place."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Event:
    """Who did, said, promised, requested or threatened what to whom, when and where."""

    id: str
    type: str  # PLOVER event type, e.g. CONSULT
    trigger: str
    trigger_start: int
    trigger_end: int
    evidence: Evidence
    modality: Modality = Modality.ASSERTED
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    source: list[str] = field(default_factory=list)  # actor ids
    target: list[str] = field(default_factory=list)  # actor ids
    date: EventDate | None = None
    location: Location | None = None
    reported_by: str | None = None  # outlet or actor id the claim is attributed to
    confidence: float = 0.5
    casualties: dict[str, float] = field(default_factory=dict)  # killed / injured counts
    # Index in `Report.attributions` of the statement whose content holds the trigger: who
    # says it happened (the innermost, when "according to X" holds what Y said).
    attribution: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Serialise as in the JSON contract."""
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "source": list(self.source),
            "target": list(self.target),
            "modality": str(self.modality),
            "trigger": {"text": self.trigger, "start": self.trigger_start, "end": self.trigger_end},
            "date": asdict(self.date) if self.date else None,
            "location": asdict(self.location) if self.location else None,
            "evidence": asdict(self.evidence),
            "reported_by": self.reported_by,
            "confidence": round(self.confidence, 3),
            "casualties": dict(self.casualties),
            "attribution": self.attribution,
        }


@dataclass(slots=True)
class Report:
    """Everything tidings extracted from one article."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of tidings."""
        return {
            "article": self.article.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [_plain(q) for q in self.quotes],
            "attributions": [_plain(a) for a in self.attributions],
            "citations": [_plain(c) for c in self.citations],
            "times": [asdict(t) for t in self.times],
            "quantities": [q.to_dict() for q in self.quantities],
        }


def _plain(record: Any) -> dict[str, Any]:
    """A dataclass as a dict with enum members turned into their string values."""
    return {k: (str(v) if isinstance(v, StrEnum) else v) for k, v in asdict(record).items()}


@dataclass(slots=True)
class ActorResolution:
    """The actors of an article and which tokens refer to which of them.

    `token_actor` maps the spaCy token index of every token inside an actor mention (names,
    titles, pronouns, metonyms) to the id of the actor it refers to. Later stages (quotes,
    events) read who a token refers to from here instead of re-resolving it.
    """

    actors: list[Actor] = field(default_factory=list)
    token_actor: dict[int, str] = field(default_factory=dict)
    # Countries named only as places or through their people: actors an event may fall on
    # ("an attack on a base in Mali"), reported only when an event does.
    latent: list[Actor] = field(default_factory=list)
    # Token index -> the country actor (acting or latent) of a place named there ("in Mali").
    token_place: dict[int, str] = field(default_factory=dict)

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id (acting or latent), or None."""
        return next((a for a in (*self.actors, *self.latent) if a.id == actor_id), None)

    def latent_country(self, iso3: str | None) -> Actor | None:
        """The latent actor standing for a country, or None."""
        return next((a for a in self.latent if a.country == iso3), None) if iso3 else None

    def actor_of_token(self, token_index: int) -> Actor | None:
        """The actor the token at this index refers to, or None."""
        actor_id = self.token_actor.get(token_index)
        return self.actor(actor_id) if actor_id else None
