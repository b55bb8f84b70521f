"""Role details edited where they belong: a champion's recruitment, a leader's invitation."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Select

from nextgen_tui.models import (
    ChampionDetails,
    ChampionStatus,
    InvitationStatus,
    LeaderDetails,
    RoleAssignment,
    RoleKind,
)
from nextgen_tui.models.snapshot import PartnershipSnapshot
from screens.common.context import save, store_of
from screens.common.editor_form import (
    TEAM_MEMBER_ROLES,
    EditorForm,
    people_options,
    person_select,
    role_holders,
)

CHAMPION_STATUS_LABELS: dict[ChampionStatus, str] = {
    ChampionStatus.PROSPECT: "Prospect (not asked yet)",
    ChampionStatus.ASKED: "Asked",
    ChampionStatus.COMMITTED: "Committed",
    ChampionStatus.DECLINED: "Declined",
}

INVITATION_LABELS: dict[InvitationStatus, str] = {
    InvitationStatus.INVITED: "Invited",
    InvitationStatus.ACCEPTED: "Accepted",
    InvitationStatus.DECLINED: "Declined",
}

CRITERIA: tuple[tuple[str, str], ...] = (
    ("passionate_company", "Passionate about their company"),
    ("passionate_industry", "Passionate about the industry"),
    ("passionate_community", "Passionate about the community"),
)


class _RoleForm(EditorForm[bool]):
    """Loads one role assignment and the snapshot of its partnership."""

    role_name = "Role"

    def __init__(self, role_id: int) -> None:
        super().__init__()
        self.role_id = role_id
        self.role: RoleAssignment | None = None
        self.snapshot: PartnershipSnapshot | None = None

    def load(self) -> None:
        store = store_of(self)
        self.role = store.role(self.role_id)
        self.snapshot = store.snapshot(self.role.partnership_id)
        who = self.snapshot.person_name(self.role.person_id)
        org = self.snapshot.organization_of(self.role.person_id)
        self.form_title = f"{self.role_name}: {who}" + (f" ({org.name})" if org else "")

    def loaded(self) -> tuple[RoleAssignment, PartnershipSnapshot]:
        assert self.role is not None and self.snapshot is not None
        return self.role, self.snapshot

    def save_role(self, updated: RoleAssignment) -> None:
        store = store_of(self)
        if save(self, lambda: store.save_role(updated)) is not None:
            self.dismiss(True)


class ChampionEditor(_RoleForm):
    """A champion's status, the three criteria, outreach owner, invite letter and hosting."""

    role_name = "Champion"

    def compose_fields(self) -> ComposeResult:
        role, snapshot = self.loaded()
        details = role.champion or ChampionDetails()
        statuses = [(Content(label), status) for status, label in CHAMPION_STATUS_LABELS.items()]
        yield self.field(
            "status", "Status", Select(statuses, value=details.status, allow_blank=False)
        )
        for name, label in CRITERIA:
            yield self.check(name, label, getattr(details, name))
        team = [pid for pid in role_holders(snapshot, *TEAM_MEMBER_ROLES) if pid != role.person_id]
        owner = details.outreach_owner_id
        prompt = "Nobody yet" if team else "Nobody yet (no one is on the core or convening team)"
        yield self.field(
            "outreach_owner_id",
            "Outreach owner (a convener or a core or convening team member)",
            person_select(people_options(snapshot, team, keep=owner), owner, prompt=prompt),
        )
        yield self.check("signed_invite", "Signed the invite letter", details.signed_invite)
        yield self.check("hosts_launch", "Willing to host the launch meeting", details.hosts_launch)

    def submit(self) -> None:
        assert self.role is not None
        values = self.values()
        fields = ChampionDetails.model_fields
        try:
            details = ChampionDetails.model_validate({k: values[k] for k in fields})
            updated = self.role.updated(champion=details.model_dump())
        except ValidationError as exc:
            self.show_validation_error(exc)
            return
        self.save_role(updated)


class LeaderEditor(_RoleForm):
    """An industry leader's invitation: its status, the champion who invited them, and
    whether they attended and were introduced."""

    role_name = "Industry leader"

    def compose_fields(self) -> ComposeResult:
        role, snapshot = self.loaded()
        details = role.leader or LeaderDetails()
        choices = [(Content(label), status) for status, label in INVITATION_LABELS.items()]
        yield self.field(
            "invitation",
            "Invitation",
            Select(choices, value=details.invitation, allow_blank=False),
        )
        champions = [
            r.person_id
            for r in snapshot.holders(RoleKind.CHAMPION)
            if r.champion is not None and r.champion.status is not ChampionStatus.DECLINED
        ]
        inviter = details.invited_by_id
        yield self.field(
            "invited_by_id",
            "Invited by (the champion who personally asked them)",
            person_select(
                people_options(snapshot, champions, keep=inviter),
                inviter,
                prompt="Nobody recorded" if champions else "Nobody recorded (no champion yet)",
            ),
        )
        yield self.check("attended", "Attended the launch meeting", details.attended)
        yield self.check("introduced", "Introduced at the meeting", details.introduced)

    def submit(self) -> None:
        assert self.role is not None
        values = self.values()
        try:
            details = LeaderDetails.model_validate(
                {k: values[k] for k in LeaderDetails.model_fields}
            )
            updated = self.role.updated(leader=details.model_dump())
        except ValidationError as exc:
            self.show_validation_error(exc)
            return
        self.save_role(updated)
