"""The base model and the directory and partnership records: organizations, people,
partnerships with their thresholds, waivers and debrief.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    model_validator,
)

from nextgen_tui.models.fields import Email, LongText, Name, Phone, RecordId, ShortText
from nextgen_tui.models.kinds import SYSTEM_OF_KIND, OrgKind, Stage, System
from nextgen_tui.models.messages import FIELD_LABELS


class Model(BaseModel):
    """Base of every model: strict about unknown fields, validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)

    def updated(self, **changes: Any) -> Self:
        """Return a validated copy with ``changes`` applied (``model_copy`` skips validation)."""
        data = self.model_dump()
        data.update(changes)
        return type(self).model_validate(data)


class Record(Model):
    """A stored record with an id given by the store."""

    id: RecordId = 0


# --------------------------------------------------------------------------- directory


class Organization(Record):
    name: Name
    #: never defaulted to a company: industry vs public is what the app measures
    kind: OrgKind = OrgKind.UNKNOWN
    industry: ShortText = ""
    region: ShortText = ""
    notes: LongText = ""
    deleted: bool = False

    @property
    def system(self) -> System:
        return SYSTEM_OF_KIND[self.kind]

    @property
    def is_industry(self) -> bool:
        return self.kind is OrgKind.COMPANY

    @property
    def is_public(self) -> bool:
        """A public partner organization: known, and not a company."""
        return self.kind not in (OrgKind.COMPANY, OrgKind.UNKNOWN)


class Person(Record):
    name: Name
    title: ShortText = ""
    organization_id: RecordId | None = None
    email: Email = ""
    phone: Phone = ""
    notes: LongText = ""
    deleted: bool = False


# --------------------------------------------------------------------------- partnership


class Thresholds(Model):
    """The toolkit's numbers; a region may tune them per partnership."""

    champions_min: int = Field(2, ge=0, le=100)
    champions_max: int = Field(6, ge=0, le=100)
    invite_signers_min: int = Field(2, ge=0, le=100)
    core_team_min: int = Field(6, ge=0, le=200)
    core_team_max: int = Field(12, ge=0, le=200)
    convening_team_min: int = Field(25, ge=0, le=1000)
    companies_min: int = Field(12, ge=0, le=1000)
    companies_max: int = Field(60, ge=0, le=1000)
    support_delegates_max: int = Field(12, ge=0, le=200)
    team_stall_days: int = Field(90, ge=1, le=3650)
    convening_overdue_days: int = Field(100, ge=1, le=3650)

    @model_validator(mode="after")
    def _ranges_ordered(self) -> Self:
        for low, high in (
            ("champions_min", "champions_max"),
            ("core_team_min", "core_team_max"),
            ("companies_min", "companies_max"),
        ):
            if getattr(self, low) > getattr(self, high):
                raise ValueError(
                    f"{FIELD_LABELS.get(low, low)} must not be more than "
                    f"{FIELD_LABELS.get(high, high)}"
                )
        return self


class Waiver(Model):
    """A stage advanced while blockers remained: why, when, and which blockers."""

    from_stage: Stage
    to_stage: Stage
    reason: LongText
    on: date
    blockers: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _reason_required(self) -> Self:
        if not self.reason:
            raise ValueError("A waiver needs a reason")
        return self


class Debrief(Model):
    """The support team's debrief after the launch."""

    on: date
    notes: LongText = ""


class Partnership(Record):
    name: Name
    industry: ShortText = ""
    region: ShortText = ""
    stage: Stage = Stage.PREPARE
    thresholds: Thresholds = Field(default_factory=Thresholds)
    waivers: list[Waiver] = Field(default_factory=list)
    debrief: Debrief | None = None
    notes: LongText = ""
    created: date | None = None
