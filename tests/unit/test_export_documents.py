"""Exports that are documents: Markdown status report, invite letter and summary, iCalendar."""

from __future__ import annotations

from datetime import date

import pytest

from nextgen_tui.errors import ExportError
from nextgen_tui.models import (
    ActionTeam,
    Stage,
    Waiver,
)
from nextgen_tui.store.repository import Store
from nextgen_tui.text.markdown import md_escape, sentence
from nextgen_tui.transfer.exports import (
    calendar_ics,
    fold_line,
    ical_escape,
    render,
)
from nextgen_tui.transfer.reports import invite_letter, status_report
from tests.conftest import FIXED_NOW
from tests.support import factories as f
from tests.support.export_seed import seed
from tests.support.ics import check_ics

TODAY = FIXED_NOW.date()


# --------------------------------------------------------------------------- Markdown


def test_md_escape_keeps_user_text_literal() -> None:
    assert md_escape("[x](http://e.vil)") == "\\[x\\](http://e.vil)"
    assert md_escape("*Bob* <b>_x_</b>") == "\\*Bob\\* \\<b>\\_x\\_\\</b>"
    assert md_escape("> quoted") == "\\> quoted"
    assert md_escape("&amp; and R&D") == "\\&amp; and R&D"
    assert md_escape("$5 to $10") == "\\$5 to \\$10"


def test_md_escape_leaves_ordinary_text_readable() -> None:
    text = "Meet (at least every 90 days). Costs $5, see snake_case & R&D!"
    assert md_escape(text) == text
    assert sentence("Budget cut.") == "Budget cut." and sentence("Budget cut") == "Budget cut."
    assert md_escape("- not a list") == "\\- not a list"
    assert md_escape("1. not a list") == "1\\. not a list"
    assert md_escape("# not a heading") == "\\# not a heading"
    assert md_escape("two\nlines") == "two lines"


def test_status_report_has_each_stages_rosters_counts_targets_and_gaps(store: Store) -> None:
    seeded = seed(store)
    report = status_report(store.snapshot(seeded.partnership.id), TODAY)
    assert report.startswith("# Status report: Advanced Manufacturing, North Valley\n")
    for number, label in enumerate(["Prepare", "Launch", "Action", "Sustain"], start=1):
        assert f"## Stage {number}: {label}" in report
    assert "## Stage 1: Prepare (current stage)" in report
    # Ann Lee Corp is in Machining, not Advanced Manufacturing: her commitment does not count
    assert "#### Champions: 0 committed (target 2-6) — too few" in report
    assert "(champion-not-industry)" in report
    assert "At the table: 0 industry (0 leaders, 0 champions) vs " in report
    assert "- **Ann Lee**, Title Ann Lee, Ann Lee Corp — committed" in report
    assert "hosts the launch; outreach by Ben Ode" in report
    assert "**Blocker** (champions-too-few)" in report
    assert "(companies-too-few)" in report  # a later stage's gap is listed too
    prepare = report.split("## Stage 1")[1].split("## Stage 2")[0]
    assert "### Gaps" in prepare and "champions-too-few" in prepare


def test_status_report_reads_plainly_without_stray_backslashes(store: Store) -> None:
    seeded = seed(store)
    partnership = seeded.partnership
    waiver = Waiver(
        from_stage=Stage.PREPARE, to_stage=Stage.LAUNCH, reason="Budget cycle.", on=TODAY
    )
    store.save_partnership(partnership.updated(stage=Stage.ACTION, waivers=[waiver]))
    formed = date(TODAY.year - 1, TODAY.month, 1)  # long ago, and no meeting since
    store.save_team(ActionTeam(partnership_id=partnership.id, name="Talent", formed=formed))
    report = status_report(store.snapshot(partnership.id), TODAY)
    assert "(at least every 90 days)" in report  # the team-stalled message, as written
    assert "Reason: Budget cycle." in report
    assert "\\(" not in report and ".." not in report


def test_invite_letter_has_what_why_how_and_the_committed_champions(store: Store) -> None:
    seeded = seed(store)
    letter = invite_letter(store.snapshot(seeded.partnership.id))
    for part in ("**What.**", "**Why.**", "**How.**"):
        assert part in letter
    assert "Thursday, April 23, 2026" in letter
    assert "at Ann Lee 0" in letter  # the place
    assert "hosted by Ann Lee Corp" in letter
    signatures = letter.split("Sincerely,")[1]
    assert "**Ann Lee**  \nTitle Ann Lee  \nAnn Lee Corp  \n*Host of the launch*" in signatures
    assert "Dee Dean" not in signatures  # asked, not committed


def test_invite_letter_without_a_date_or_champions_says_so(store: Store) -> None:
    p = f.partnership(store)
    letter = invite_letter(store.snapshot(p.id))
    assert "date to be set" in letter and "place to be set" in letter
    assert "No champion has committed yet" in letter


def test_launch_summary_comes_from_the_meeting_module(store: Store) -> None:
    seeded = seed(store)
    summary = render("summary", store.snapshot(seeded.partnership.id), today=TODAY).decode()
    assert summary.startswith("# Launch meeting: Advanced Manufacturing, North Valley")


# --------------------------------------------------------------------------- iCalendar


def test_ical_escape() -> None:
    assert ical_escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_fold_line_at_75_octets_never_inside_a_character() -> None:
    line = "DESCRIPTION:" + "Zoë 👩🏽‍🔧 " * 30
    folded = fold_line(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert parts[0] + "".join(part[1:] for part in parts[1:]) == line


def test_calendar_has_the_launch_and_every_convening(store: Store) -> None:
    seeded = seed(store)
    ics = calendar_ics(store.snapshot(seeded.partnership.id), FIXED_NOW)
    lines = check_ics(ics)
    assert lines.count("BEGIN:VEVENT") == 3
    assert "DTSTART;VALUE=DATE:20260423" in lines
    assert "SUMMARY:Launch meeting: Advanced Manufacturing\\, North Valley" in lines
    assert "LOCATION:Ann Lee 0" in lines
    assert "DTSTART;VALUE=DATE:20260701" in lines
    assert "DESCRIPTION:Agenda: Ann Lee\\; Ben Ode\\, and\\nmore \\\\ later" in lines
    assert (
        "SUMMARY:Action team meeting: Ida Moe team (Advanced Manufacturing\\, North "
        "Valley)" in lines
    )
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == 3
    again = calendar_ics(store.snapshot(seeded.partnership.id), FIXED_NOW)
    assert again == ics  # stable UIDs: re-importing updates the events, never duplicates


def test_calendar_with_nothing_to_show_is_a_plain_error(store: Store) -> None:
    p = f.partnership(store)
    with pytest.raises(ExportError, match="nothing to put in a calendar"):
        calendar_ics(store.snapshot(p.id), FIXED_NOW)
