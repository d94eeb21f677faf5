"""The data model shared by every stage: documents in, events out.

Offsets (``start``/``end``) are always character offsets into ``Document.text``,
end exclusive, so ``doc.text[start:end]`` is the evidence.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any

# Section kinds. Events are extracted from BODY sections only.
BODY = "body"
HEADER = "header"
REFERENCES = "references"
SIDEBAR = "sidebar"

# The actor id of an organisation the actor registry does not know (kept with its surface text).
UNKNOWN_ACTOR = "unknown"
# The actor id of a definite noun for an organisation ("the group", "the militant group"): the armed group
# the document named last, resolved by the extract stage (none when it named none).
TOLD_GROUP = "told:group"
COMMENTS = "comments"
SECTION_KINDS = (BODY, HEADER, REFERENCES, SIDEBAR, COMMENTS)

# ACLED's event types of political violence: one attack may be told as any of them by different reports
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def normalise_text(text: str) -> str:
    """Text reduced for duplicate detection: NFKC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def text_hash(text: str) -> str:
    """sha256 of the normalised text (hex, 64 chars)."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Section:
    """A part of a document: body, header, reference list, sidebar or comments."""

    kind: str
    start: int
    end: int


@dataclass(slots=True)
class Reference:
    """A source the document cites, parsed from its reference list."""

    text: str
    start: int
    end: int
    author: str | None = None
    title: str | None = None
    outlet: str | None = None
    date: str | None = None  # ISO date (YYYY-MM-DD, YYYY-MM or YYYY)
    date_text: str | None = None


@dataclass(slots=True)
class Document:
    """One source text with its metadata and sections."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD (or coarser) of publication
    url: str | None = None
    source: str | None = None  # outlet or blog name
    author: str | None = None
    origin: str | None = None  # path or URL it was read from
    content_hash: str = ""
    sections: list[Section] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    day_first: bool = False  # numeric dates in its text are day/month/year (ingest.day_first)
    language: str | None = None  # ISO 639-1 code of the text's language (ingest.language), None if unknown
    notice: str | None = None  # one line for the reader about how the document was treated ("events are extracted from English only")

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = text_hash(self.text)
        if not self.sections and self.text:
            self.sections = [Section(BODY, 0, len(self.text))]

    def body_sections(self) -> list[Section]:
        """Sections that events may be extracted from."""
        return [s for s in self.sections if s.kind == BODY]

    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(slots=True)
class Place:
    """A gazetteer entry."""

    name: str
    latitude: float
    longitude: float
    geonameid: int | None = None
    feature_class: str | None = None  # GeoNames: A admin, P populated place, L area, ...
    feature_code: str | None = None  # PCLI country, ADM1 province, ADM2 district, PPL..., PPLX section
    country_code: str | None = None  # ISO 3166-1 alpha-2
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0
    source: str | None = None  # which input it came from

    @property
    def is_country(self) -> bool:
        return (self.feature_code or "").startswith("PCL")

    @property
    def is_admin1(self) -> bool:
        return self.feature_code == "ADM1"


@dataclass(slots=True)
class Actor:
    """A canonical actor from the registry."""

    id: str
    name: str
    inter: int  # ACLED inter code 1-8
    type: str  # state_forces, government, rebel_group, political_militia, identity_militia, rioters, protesters, civilians, external
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    valid_from: str | None = None
    valid_to: str | None = None
    member_of: str | None = None  # id of the organisation a person acts for


@dataclass
class Event:
    """One event mention, in the flat record of DESIGN.md."""

    event_id: str
    document_id: str
    evidence_start: int
    evidence_end: int
    evidence_text: str
    event_type: str
    sub_event_type: str
    plover_type: str | None = None
    plover_mode: str | None = None
    trigger: str | None = None
    actor1: str | None = None
    actor1_id: str | None = None
    inter1: int | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    actor2_id: str | None = None
    inter2: int | None = None
    assoc_actor_2: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    time_precision: int | None = None
    date_reason: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    where_prec: int | None = None
    geonameid: int | None = None
    place_reason: str | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    arrested: int | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    background: bool = False
    source: str | None = None
    source_url: str | None = None
    published: str | None = None
    confidence: float = 0.5
    # field name -> [start, end] of the text each slot came from
    spans: dict[str, list[int]] = field(default_factory=dict)
    # attackers who died by their own act ("a suicide bomber blew himself up"), not in fatalities;
    # last because schema 3 added the column (the table keeps this order)
    perpetrators_killed: int | None = None
    # who the text says reported it ("police said", "according to hospital officials"); never a party
    reported_by: str | None = None
    # the incident this mention belongs to (incidents/ within a report, merge/ across reports)
    incident_id: str | None = None
    # which decided the sub-event type: "trigger" (the lexicon's word, refined by ACLED's rules) or "model"
    # (the type classifier, confident enough); type_reason says why (schema 5)
    type_source: str | None = None
    type_reason: str | None = None
    # a side the text did not name but ACLED's convention supplies, or one it removed (schema 7)
    actor1_reason: str | None = None
    actor2_reason: str | None = None
    # why the mention is flagged negated, hypothetical, future or background, read off its clause (schema 11)
    flag_reason: str | None = None

    def to_record(self) -> dict[str, Any]:
        """The flat JSON-able record (the `extract --format jsonl` contract)."""
        record = {name: getattr(self, name) for name in EVENT_FIELDS}
        record["spans"] = {k: list(v) for k, v in self.spans.items()}
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> "Event":
        return cls(**{k: v for k, v in record.items() if k in _EVENT_NAMES})

    @property
    def counted(self) -> bool:
        """Whether the event counts by default (not negated, hypothetical, future or background)."""
        return not (self.negated or self.hypothetical or self.future or self.background)


def make_event_id(document_id: str, start: int, end: int) -> str:
    """Stable event id: hash of document id and evidence span."""
    return hashlib.sha1(f"{document_id}:{start}:{end}".encode("utf-8")).hexdigest()[:16]


# Column order of the flat record, used by CSV exports and tables.
EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event))
_EVENT_NAMES = frozenset(EVENT_FIELDS)


@dataclass(slots=True)
class Figure:
    """One death toll a text gives for an incident, with who gave it and where it was read."""

    value: int
    mention_id: str
    document_id: str
    source: str | None = None  # the outlet of the document
    reported_by: str | None = None  # who the text credits ("the defence ministry")
    # "best", "low" (at least n), "least" (at least n, told as no count: "several"), "high" (at most n) or
    # "share" (a share of the dead another figure counts: "three ministers" beside "fifteen people")
    bound: str = "best"
    updated: bool = False  # told as a revision ("the toll rose to 15")
    span: list[int] | None = None
    side: str | None = None  # whose dead it counts, where its words say: "state" forces or an "armed" group


@dataclass
class Incident:
    """One real event: its fields (``record``, a flat Event whose event_id is the incident id), each
    taken from one mention (``field_sources``), and every mention that supports it.

    Within one report the mentions are the lede, detail and restatements of the event; across
    reports ``merge/`` joins report incidents and keeps each join's reason.
    """

    record: Event
    mention_ids: list[str] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)
    field_sources: dict[str, str] = field(default_factory=dict)  # field -> mention event_id
    figures: list[Figure] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # outlets, sorted
    disagreements: list[str] = field(default_factory=list)  # "fatalities: AP 13, Jerusalem Post 7"
    merge_reasons: list[str] = field(default_factory=list)
    report_ids: list[str] = field(default_factory=list)  # the report incidents it joins

    @property
    def incident_id(self) -> str:
        return self.record.event_id

    def to_record(self) -> dict[str, Any]:
        """The flat record plus incident_id, mentions' ids, sources and disagreements."""
        record = self.record.to_record()
        record["incident_id"] = self.incident_id
        record["kind"] = "event"
        record["mention_ids"] = list(self.mention_ids)
        record["document_ids"] = list(self.document_ids)
        record["field_sources"] = dict(self.field_sources)
        record["figures"] = [asdict(f) for f in self.figures]
        record["sources"] = list(self.sources)
        record["disagreements"] = list(self.disagreements)
        record["merge_reasons"] = list(self.merge_reasons)
        return record


@dataclass
class Aggregate:
    """A total over a period or an area ("8,300 killed in Iraq this year"): stored and shown apart,
    never counted as an incident, never summed into fatalities."""

    aggregate_id: str
    document_id: str
    evidence_start: int
    evidence_end: int
    evidence_text: str
    event_type: str | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    period: str | None = None  # the text's words for the period ("this year", "since March")
    date_start: str | None = None
    date_end: str | None = None
    area: str | None = None  # the place the total covers (location, province or country)
    country: str | None = None
    admin1: str | None = None
    reason: str = ""  # why it is a total and not an incident
    mention_id: str | None = None  # the sentence-level finding it was read from
    source: str | None = None

    def to_record(self) -> dict[str, Any]:
        record = asdict(self)
        record["kind"] = "aggregate"
        return record
