"""Stage 2, model: the argument file as pydantic models (format version 1).

These models are the format: ``docs/format.md`` describes them and ``argmap schema`` prints the
JSON Schema generated from them. They check one file's shape; references between elements are
checked by :mod:`argmap.resolve`, across included files.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError, PydanticKnownError

FORMAT_VERSION = 1
SLUG_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$"
# References may also name the elements that the short forms create (``a->b``, ``a-/->b``).
REF_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_./>-]{0,199}$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
# Text must show something: not empty, not only spaces and line breaks (drawn as an empty box).
TEXT_PATTERN = r"\S"
Text = Annotated[str, StringConstraints(min_length=1, pattern=TEXT_PATTERN)]
# A web address or a DOI: never ``javascript:``, ``data:`` or a bare host name (issue #7).
# Schemes are case-insensitive (RFC 3986, 3.1); the pattern spells that out because JSON
# Schema's regular expressions (ECMA 262) have no inline flags.
URL_PATTERN = r"^([Hh][Tt][Tt][Pp][Ss]?://|[Dd][Oo][Ii]:)\S+$"
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN)]


def _one_or_many(value: Any) -> Any:
    """``supports: x`` is short for ``supports: [x]``."""
    return [value] if isinstance(value, str) else value


# The schema takes a whole number too: ``supports: 3`` names claim 3 for argmap (the loader
# hands every scalar over as text), and is the number 3 to an editor's YAML 1.2 parser, which a
# schema of text alone flagged. Written out, as a validator for it would cost every reference
# of a large map a call.
_REF_DESCRIPTION = "The identifier of another element of the map."
Ref = Annotated[
    str,
    StringConstraints(pattern=REF_PATTERN),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": REF_PATTERN},
                {"type": "integer", "minimum": 0},
            ],
            "description": _REF_DESCRIPTION,
        }
    ),
    Field(description=_REF_DESCRIPTION),
]
Refs = Annotated[list[Ref], BeforeValidator(_one_or_many, json_schema_input_type=Ref | list[Ref])]
Texts = Annotated[
    list[Text], BeforeValidator(_one_or_many, json_schema_input_type=Text | list[Text])
]


def _date_text(value: Any) -> Any:
    return str(value) if isinstance(value, int) else value


# ``date: 2007`` is a number to an editor's YAML 1.2 parser; the loader keeps it as text.
DateText = Annotated[str, BeforeValidator(_date_text, json_schema_input_type=str | int)]


class ClaimKind(StrEnum):
    THESIS = "thesis"
    CLAIM = "claim"
    PREMISE = "premise"
    ASSUMPTION = "assumption"
    COUNTERCLAIM = "counterclaim"


class Direction(StrEnum):
    """Where a drawing grows from its thesis, as ``argmap render --rankdir`` spells it: ``tb``
    puts the thesis at the top, its reasons below."""

    TB = "tb"
    LR = "lr"
    BT = "bt"
    RL = "rl"


class Grouping(StrEnum):
    """The boxes drawn around claims: by who holds them, by their first tag, or none."""

    NONE = "none"
    ACTOR = "actor"
    TAG = "tag"


# ``true`` and ``false`` as YAML 1.2 writes them; the loader keeps them as text. ``yes``, ``no``
# and ``on`` (YAML 1.1) are no truth values here. The loader cannot tell ``"TRUE"`` from
# ``TRUE`` (as ``priority: "3"`` is ``priority: 3``), where an editor's YAML parser reads the
# quoted one as text: the schema says that these texts are accepted too.
TruthText = Literal["true", "True", "TRUE", "false", "False", "FALSE"]
_TRUTH = {spelling: spelling.lower() == "true" for spelling in get_args(TruthText)}


def _truth(value: Any) -> Any:
    return _TRUTH.get(value, value) if isinstance(value, str) else value


Flag = Annotated[bool, Strict(), BeforeValidator(_truth, json_schema_input_type=bool | TruthText)]


# A whole number as the loader hands it over, as text: digits with single underscores between
# them (``3_000``, YAML 1.1), a sign, a zero fraction (``3.0``, which JSON Schema's "integer"
# takes), spaces around. pydantic's own reading of text takes more, and wrongly: ``0-5`` was -5.
WHOLE_NUMBER_PATTERN = r"^[ \t]*[+-]?[0-9]+(_[0-9]+)*(\.0*)?[ \t]*$"
_WHOLE_NUMBER = re.compile(WHOLE_NUMBER_PATTERN)
WholeNumberText = Annotated[str, StringConstraints(pattern=WHOLE_NUMBER_PATTERN)]


def _whole_number(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if _WHOLE_NUMBER.fullmatch(value) is None:
        raise PydanticKnownError("int_parsing")
    try:
        return int(value.strip().partition(".")[0])
    except ValueError:  # more digits than Python turns into a number
        raise PydanticKnownError("int_parsing_size") from None


WholeNumber = Annotated[
    int, BeforeValidator(_whole_number, json_schema_input_type=int | WholeNumberText)
]


class _Element(BaseModel):
    """Every element rejects keys the format does not define, and is immutable once read."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Element):
    """A text that quotes are taken from."""

    title: Text = Field(
        description="The source's title.", examples=["Montebello Moment Came and Went"]
    )
    authors: Texts = Field(
        default_factory=list, description="Its authors.", examples=[["Greg Anderson"]]
    )
    date: DateText | None = Field(
        None, description="Publication date, as precise as known.", examples=["2007-08-28"]
    )
    publisher: str | None = Field(
        None, description="Who published it.", examples=["Hudson Institute"]
    )
    url: Url | None = Field(
        None,
        description="Where it is published (http, https or doi:).",
        examples=["https://www.hudson.org/"],
    )
    file: str | None = Field(
        None,
        description="A local copy, relative to the argument file, that quotes are checked against "
        "(.txt, .md, .html or .pdf).",
        examples=["sources/montebello-moment-came-and-went.txt"],
    )
    note: str | None = Field(
        None,
        description="Anything worth saying about the source.",
        examples=["Saved from the publisher site on 2026-11-01."],
    )


class Actor(_Element):
    """Someone who holds claims."""

    name: Text = Field(description="The actor's name.", examples=["Maude Barlow"])
    role: str | None = Field(
        None, description="Their role.", examples=["Chair, Council of Canadians"]
    )
    url: Url | None = Field(
        None,
        description="A page about them (http, https or doi:).",
        examples=["https://canadians.org"],
    )
    note: str | None = Field(
        None,
        description="Anything worth saying about them.",
        examples=["Founded the Council of Canadians."],
    )


# A strength as the loader hands it over, as text: a decimal from 0 to 1 (``0``, ``1``, ``0.5``,
# ``.5``, ``1.0``, a ``+``, ``-0``), spaces around, as a YAML 1.2 parser (an editor's) reads
# each of them as a number. pydantic's own reading of text took ``0.5_0`` and ``5e-1`` too; an
# exponent is refused, as a pattern (the schema's) cannot bound the value it writes.
_ONE = r"0*1(\.0*)?"
_FRACTION = r"0*(0(\.[0-9]*)?|\.[0-9]+)"
_ZERO = r"0*(0(\.0*)?|\.0+)"
STRENGTH_PATTERN = rf"^[ \t]*(\+?({_ONE}|{_FRACTION})|-{_ZERO})[ \t]*$"
_STRENGTH = re.compile(STRENGTH_PATTERN)
_DECIMAL = r"[ \t]*[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)"
_OUT_OF_RANGE = re.compile(rf"{_DECIMAL}[ \t]*")
_EXPONENT = re.compile(rf"{_DECIMAL}[eE][+-]?[0-9]+[ \t]*")
StrengthText = Annotated[str, StringConstraints(pattern=STRENGTH_PATTERN)]
EXPONENT_ERROR = "number_exponent"
_LONGEST_HINT = 20  # digits of a decimal a hint spells out


def _strength(value: Any) -> Any:
    """The number a strength's text writes; a decimal out of range (by its digits, not by a
    float that rounds ``1.00000000000000000001`` to 1), an exponent and anything else
    refused."""
    if not isinstance(value, str):
        return value
    if _STRENGTH.fullmatch(value) is not None:
        return abs(float(value))  # -0 is 0, not a -0.0 that an export would write
    if _OUT_OF_RANGE.fullmatch(value) is not None:
        if Decimal(value.strip()) < 0:
            raise PydanticKnownError("greater_than_equal", {"ge": 0})
        raise PydanticKnownError("less_than_equal", {"le": 1})
    if _EXPONENT.fullmatch(value) is not None:
        number = Decimal(value.strip())
        decimal = format(number.normalize(), "f") if 0 <= number <= 1 else None
        if decimal is not None and len(decimal) > _LONGEST_HINT:
            decimal = None
        raise PydanticCustomError(
            EXPONENT_ERROR,
            "{text} is written with an exponent, which argmap does not read",
            {"text": value, "decimal": decimal},
        )
    raise PydanticKnownError("float_parsing")


Strength = Annotated[
    float,
    Field(ge=0.0, le=1.0, allow_inf_nan=False),
    BeforeValidator(
        _strength,
        json_schema_input_type=Annotated[float, Field(ge=0.0, le=1.0)] | StrengthText,
    ),
]


class InlineEvidence(_Element):
    """A quote written under the claim it supports."""

    quote: Text = Field(
        description="Verbatim from the source; '...' marks an omission, '[text]' an insertion.",
        examples=["the structural flaws of the SPP are serious"],
    )
    source: Ref = Field(
        description="The id of the source quoted.", examples=["anderson-sands-2007"]
    )
    locator: str | None = Field(
        None,
        description="Where in the source: 'para 12', 'page 3', 'line 40', 'lines 40-42'.",
        examples=["para 13"],
    )
    strength: Strength = Field(
        1.0, description="How strongly it bears on the claim, 0 to 1.", examples=[0.8]
    )
    note: str | None = Field(
        None,
        description="Anything worth saying about the quote.",
        examples=["Quoted from the summary paragraph."],
    )


class Evidence(InlineEvidence):
    """A quote for or against a claim."""

    supports: Ref | None = Field(
        None, description="The claim the quote backs.", examples=["congress-poisonous"]
    )
    attacks: Ref | None = Field(
        None, description="The claim the quote counts against.", examples=["harper-dismissal"]
    )

    @model_validator(mode="after")
    def _one_target(self) -> Evidence:
        if (self.supports is None) == (self.attacks is None):
            raise ValueError("evidence needs exactly one of 'supports' or 'attacks'")
        return self

    @property
    def target(self) -> str:
        return self.supports if self.supports is not None else str(self.attacks)


class Claim(_Element):
    """A statement of the map."""

    text: Text = Field(
        description="The statement, a full sentence.",
        examples=["The exclusion of Congress is politically poisonous for the SPP."],
    )
    label: str | None = Field(
        None,
        description="A short title for the map when the text is long.",
        examples=["Excluding Congress is poisonous"],
    )
    kind: ClaimKind = Field(
        ClaimKind.CLAIM,
        title="Kind",
        description="thesis, claim, premise, assumption or counterclaim.",
        examples=["thesis"],
    )
    holder: Ref | None = Field(
        None, description="The id of the actor who holds the claim.", examples=["authors"]
    )
    tags: Texts = Field(
        default_factory=list,
        description="Free labels, used to group the map.",
        examples=[["congress", "transparency"]],
    )
    note: str | None = Field(
        None,
        description="Anything the map's author wants to say.",
        examples=["The main structural criticism of the authors."],
    )
    priority: WholeNumber = Field(
        0, description="Higher wins when attacks conflict; default 0.", examples=[-1]
    )
    supports: Refs = Field(
        default_factory=list,
        description="Claims this claim alone supports.",
        examples=["flaws-serious"],
    )
    attacks: Refs = Field(
        default_factory=list,
        description="Elements this claim attacks: an argument is undercut, a premise or "
        "assumption undermined, any other claim rebutted.",
        examples=["harper-dismissal"],
    )
    rebuts: Refs = Field(
        default_factory=list, description="Claims this claim rebuts.", examples=["spp-threat"]
    )
    undermines: Refs = Field(
        default_factory=list, description="Premises this claim undermines.", examples=["forum-cfr"]
    )
    undercuts: Refs = Field(
        default_factory=list,
        description="Arguments this claim undercuts.",
        examples=["attendance->require-uniforms"],
    )
    evidence: list[InlineEvidence] = Field(
        default_factory=list,
        description="Quotes that support this claim.",
        examples=[
            [
                {
                    "quote": "politically poisonous for the SPP",
                    "source": "anderson-sands-2007",
                    "locator": "para 14",
                }
            ]
        ],
    )


class Argument(_Element):
    """Linked premises, all needed, supporting one conclusion."""

    conclusion: Ref = Field(
        description="The id of the claim the premises support.", examples=["spp-fails"]
    )
    premises: Annotated[list[Ref], Field(min_length=1)] = Field(
        description="The ids of the premises; all are needed.",
        examples=[["us-engagement-key", "bush-did-little"]],
    )
    label: str | None = Field(
        None, description="A name for the inference.", examples=["the key player is not acting"]
    )
    holder: Ref | None = Field(
        None, description="The id of the actor who makes the argument.", examples=["authors"]
    )
    note: str | None = Field(
        None,
        description="Anything worth saying about the inference.",
        examples=["Both premises are needed."],
    )
    priority: WholeNumber = Field(
        0, description="Higher wins when attacks conflict; default 0.", examples=[1]
    )


class Attack(_Element):
    """An objection: a claim that rebuts a claim, undermines a premise or undercuts an argument."""

    source: Ref = Field(
        alias="from", description="The id of the attacking claim.", examples=["may-not-survive"]
    )
    rebuts: Ref | None = Field(None, description="The claim it denies.", examples=["spp-threat"])
    undermines: Ref | None = Field(
        None, description="The premise it denies.", examples=["forum-cfr"]
    )
    undercuts: Ref | None = Field(
        None,
        description="The argument whose inference it denies.",
        examples=["secrecy-threat-argument"],
    )
    note: str | None = Field(
        None,
        description="Why, e.g. when a holder attacks their own claim.",
        examples=["A concession: the authors grant the point."],
    )

    @model_validator(mode="after")
    def _one_target(self) -> Attack:
        given = [t for t in (self.rebuts, self.undermines, self.undercuts) if t is not None]
        if len(given) != 1:
            raise ValueError("an attack needs exactly one of 'rebuts', 'undermines' or 'undercuts'")
        return self


class Drawing(_Element):
    """How the map is drawn when this file is named; the command line overrides it."""

    rankdir: Direction = Field(
        Direction.TB,
        title="Rankdir",
        description="Where the map grows from its thesis: tb (thesis at the top), lr, bt or rl.",
        examples=["lr"],
    )
    group_by: Grouping = Field(
        Grouping.NONE,
        alias="group-by",
        title="Group by",
        description="A box around the claims of each actor, or of each (first) tag.",
        examples=["actor"],
    )
    evidence: Flag = Field(
        True, description="Draw the evidence (quotes) under the claims.", examples=[False]
    )
    legend: Flag = Field(True, description="Draw the legend.", examples=[False])


# Version 1 as the loader hands it over, as text: ``1``, ``01``, ``+1``, ``1.0`` (which JSON
# Schema's "integer" takes), spaces around. The schema takes the same texts, so that an editor
# does not flag ``argmap: "1"``.
VERSION_PATTERN = r"^[ \t]*\+?0*1(\.0*)?[ \t]*$"
_VERSION = re.compile(VERSION_PATTERN)
VersionText = Annotated[str, StringConstraints(pattern=VERSION_PATTERN)]


def _integer_text(value: Any) -> Any:
    """The loader keeps scalars as text; the version is compared as a number. Digits are
    ASCII's: ``"١"`` (an Arabic-Indic one) is no version 1, as a YAML parser does not read it."""
    if not isinstance(value, str):
        return value
    if _VERSION.fullmatch(value) is not None:
        return 1
    if value.strip().isascii() and value.strip().isdigit():
        return int(value)  # another version, named as a number in the message
    return value


def _question(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Question(_Element):
    """A discussion question for handouts."""

    text: Text = Field(
        description="The question.",
        examples=["Is excluding Congress a flaw, or the price of getting anything done?"],
    )
    about: Refs = Field(
        default_factory=list,
        description="The ids of the claims it is about.",
        examples=[["congress-poisonous"]],
    )


class ArgumentFile(_Element):
    """One argument file (format version 1)."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="argmap argument file",
        json_schema_extra={"$id": "https://argmap.dev/schema/argmap.schema.json"},
    )

    argmap: Annotated[
        Literal[1],
        BeforeValidator(_integer_text, json_schema_input_type=Literal[1] | VersionText),
    ] = Field(description="The format version; 1 is the only one so far.", examples=[1])
    title: str | None = Field(
        None, description="The map's title.", examples=["Montebello Moment Came and Went"]
    )
    question: str | None = Field(
        None, description="The question under debate.", examples=["Will the SPP survive?"]
    )
    description: str | None = Field(
        None,
        description="A paragraph about the map.",
        examples=["A map of the authors argument and of their critics."],
    )
    authors: Texts = Field(
        default_factory=list, description="Who made the map.", examples=[["Debate class 10B"]]
    )
    date: DateText | None = Field(
        None, description="When the map was made, YYYY-MM-DD.", examples=["2026-11-28"]
    )
    include: Texts = Field(
        default_factory=list,
        description="Other argument files that join this map.",
        examples=[["critics.yaml"]],
    )
    drawing: Drawing | None = Field(
        None,
        description="How 'argmap render' (and the drawings of report, handout and watch) draw "
        "this map when this file is named; not the maps that include it.",
        examples=[{"rankdir": "lr", "group-by": "actor"}],
    )
    sources: dict[Slug, Source] = Field(
        default_factory=dict,
        description="Texts that quotes come from, by id.",
        examples=[{"report": {"title": "A District Study", "file": "sources/report.txt"}}],
    )
    actors: dict[Slug, Actor] = Field(
        default_factory=dict,
        description="Who holds claims, by id.",
        examples=[{"barlow": {"name": "Maude Barlow"}}],
    )
    claims: dict[Slug, Claim] = Field(
        default_factory=dict,
        description="The statements of the map, by id.",
        examples=[
            {
                "spp-fails": {
                    "text": "The SPP will fail unless its flaws are corrected.",
                    "kind": "thesis",
                }
            }
        ],
    )
    arguments: dict[Slug, Argument] = Field(
        default_factory=dict,
        description="Linked premises for a conclusion, by id.",
        examples=[
            {
                "us-key-argument": {
                    "conclusion": "spp-fails",
                    "premises": ["us-engagement-key", "bush-did-little"],
                }
            }
        ],
    )
    attacks: dict[Slug, Attack] = Field(
        default_factory=dict,
        description="Objections, by id.",
        examples=[{"survival-answers-threat": {"from": "may-not-survive", "rebuts": "spp-threat"}}],
    )
    evidence: dict[Slug, Evidence] = Field(
        default_factory=dict,
        description="Quotes for or against claims, by id.",
        examples=[
            {
                "barlow-confirmed": {
                    "quote": "Our research confirms some of",
                    "source": "anderson-sands-2007",
                    "attacks": "harper-dismissal",
                }
            }
        ],
    )
    questions: list[
        Annotated[Question, BeforeValidator(_question, json_schema_input_type=Text | Question)]
    ] = Field(
        default_factory=list,
        description="Discussion questions for handouts.",
        examples=[["Does a rise in attendance show that uniforms caused it?"]],
    )


ELEMENT_SECTIONS: tuple[str, ...] = (
    "sources",
    "actors",
    "claims",
    "arguments",
    "attacks",
    "evidence",
)
KIND_NAMES: dict[str, str] = {
    "sources": "source",
    "actors": "actor",
    "claims": "claim",
    "arguments": "argument",
    "attacks": "attack",
    "evidence": "evidence",
}
