"""Typed records shared by loaders, store and analysis, and the fixed vocabulary of the graph.

Labels and relationship types are a closed list: queries never build them from user input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LABELS = (
    "Actor", "State", "Group", "Session", "Issue", "Proposal", "Source", "Bloc",
    # palette labels on Bloc nodes (bloc id mod 8), colored by cypher/blocs.grass in the Browser
    "Color0", "Color1", "Color2", "Color3", "Color4", "Color5", "Color6", "Color7",
)  # fmt: skip
PALETTE_LABELS = LABELS[-8:]
REL_TYPES = (
    "MEMBER_OF",
    "ON_ISSUE",
    "IN_SESSION",
    "SUPPORTED",
    "OPPOSED",
    "NEUTRAL",
    "PROPOSED",
    "VOTED",
    "FROM_SOURCE",
    "IN_BLOC",
    "SUCCEEDED_BY",
)

STANCES = ("support", "oppose", "neutral")
VOTES = ("yes", "no", "abstain")
STANCE_REL = {"support": "SUPPORTED", "oppose": "OPPOSED", "neutral": "NEUTRAL"}


@dataclass(frozen=True)
class Actor:
    """A state, the EU, a group, or a historical member, keyed by its project code."""

    code: str
    name: str
    kind: str  # "state" | "group" | "observer" | "historical"
    region: str | None = None  # UN regional group code for states
    aliases: tuple[str, ...] = ()
    successor: str | None = None  # for historical members (USSR -> RUS)


@dataclass(frozen=True)
class SessionInfo:
    id: str  # "AHC-7", "UNGA-74"
    name: str
    start: str | None = None  # ISO date
    end: str | None = None
    venue: str | None = None
    body: str = "AHC"  # "AHC" | "UNGA"


@dataclass(frozen=True)
class Citation:
    """Where a fact was read: a file with character offsets, or a web page with a locator."""

    file: str  # a report file name, or the page address of a web source
    start: int | None = None
    end: int | None = None
    text: str | None = None  # the passage, when the loader keeps it (extracted reports)
    locator: str | None = None  # where on a web page ("section 'Day 3', paragraph 2")

    def __str__(self) -> str:
        if self.locator is not None:
            return f"{self.file}#{self.locator}"
        return f"{self.file}:{self.start}-{self.end}"


@dataclass(frozen=True)
class Event:
    """One side-taking passage: a proposal (an option of an issue) and who took which side."""

    id: str
    session: str
    issue: str
    option: str
    citation: Citation
    date: str | None = None
    proposer: str | None = None
    support: tuple[str, ...] = ()
    oppose: tuple[str, ...] = ()
    neutral: tuple[str, ...] = ()
    on_behalf_of: dict[str, str] = field(default_factory=dict)  # speaker code -> group code
    kind: str = "position"  # "position" | "vote"
    confidence: float | None = None  # extracted events: how sure the extractor is (0-1)
    cue: str | None = None  # extracted events: the rule that produced it


@dataclass(frozen=True)
class Vote:
    """One actor's recorded vote on one roll call."""

    roll_call: str  # proposal id, e.g. "UNGA-RC-9087"
    actor: str
    vote: str  # yes | no | abstain
    source: str


@dataclass(frozen=True)
class RollCall:
    id: str  # proposal id
    session: str  # "UNGA-74"
    date: str | None
    title: str
    resolution: str | None
    issue: str  # issue key, e.g. "unga-rc-9087" or a resolution key
    source: str
    topics: tuple[str, ...] = ()  # General Assembly topic codes (me, nu, di, hr, co, ec)


@dataclass(frozen=True)
class Position:
    """One actor's stance on one proposal, as exported from the graph for analysis.

    stance is support/oppose/neutral for stated positions, yes/no/abstain for recorded votes.
    Proposals that share an `issue` are competing options of one question.
    """

    actor: str
    proposal: str
    issue: str | None
    stance: str
    session: str
    date: str | None = None
    kind: str = "position"  # "position" | "vote"
    on_behalf_of: str | None = None
    proposer: bool = False
    # Set by graphkit.positions.expand_groups on a group's statement copied to a member state:
    # what it said through its group, not itself, counted with `weight` (< 1: one group voice
    # shared among its members). The actor's own statements and votes keep 1.0.
    attributed: bool = False
    weight: float = 1.0
