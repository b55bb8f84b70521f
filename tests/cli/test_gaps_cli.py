"""``nextgen-tui gaps``: text, JSON, exit codes, plain errors.

The command runs in this process (:func:`~tests.support.cli.run_cli`); test_cli.py runs
it on the demo through the installed entry point as well.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nextgen_tui.store.repository import Store
from tests.support import factories as f
from tests.support.cli import CliResult, run_cli
from tests.support.gap_builder import Build

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-06-01"


def gaps(*args: str | Path) -> CliResult:
    return run_cli("gaps", *args, cwd=ROOT)


@pytest.fixture
def seeded(store: Store, db_path: Path) -> Path:
    """A complete partnership ("Test partnership") and an empty one ("Healthcare, [x] Bay")."""
    Build.complete().save(store)
    f.partnership(store, "Healthcare, [x] Bay", "Healthcare", "Bay")
    store.close()
    return db_path


def test_text_output_groups_by_partnership_and_stage(seeded: Path) -> None:
    result = gaps("--db", seeded, "--today", TODAY)
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Healthcare, [x] Bay (stage 1 of 4: Prepare): ")
    assert "  1. Prepare (current stage): not ready" in lines
    assert "Test partnership (stage 1 of 4: Prepare): no gaps" in lines
    first = lines.index("Test partnership (stage 1 of 4: Prepare): no gaps")
    assert lines[first + 1 : first + 5] == [
        "  1. Prepare (current stage): no gaps",
        "  2. Launch: no gaps",
        "  3. Action: no gaps",
        "  4. Sustain: no gaps",
    ]
    prepare = lines[lines.index("  1. Prepare (current stage): not ready") + 1 :]
    prepare = prepare[: next(i for i, line in enumerate(prepare) if not line.startswith("    "))]
    severities = [line.split()[0] for line in prepare]
    assert severities == sorted(severities, key=["BLOCKER", "WARNING", "HINT"].index)
    assert any(line.startswith("    BLOCKER  champions-too-few: No committed") for line in prepare)
    assert lines[-1].startswith("2 partnerships: ")


def test_json_output(seeded: Path) -> None:
    result = gaps("--db", seeded, "--today", TODAY, "--json")
    assert result.returncode == 1
    rows = json.loads(result.stdout)
    assert rows and all(
        set(row) == {"partnership", "rule", "stage", "severity", "message", "subjects"}
        for row in rows
    )
    assert {row["partnership"] for row in rows} == {"Healthcare, [x] Bay"}
    few = next(row for row in rows if row["rule"] == "champions-too-few")
    assert (few["stage"], few["severity"]) == ("prepare", "blocker")
    assert few["message"].startswith("No committed industry champion;")
    assert {row["severity"] for row in rows} <= {"blocker", "warning", "hint"}


def test_json_subjects_name_what_the_gap_concerns(store: Store, db_path: Path) -> None:
    b = Build.complete()
    b.set_partnership(name="Manufacturing")
    b.thresholds(companies_min=15)  # 12 leaders' companies and 2 champions' companies
    b.save(store)
    store.close()
    rows = json.loads(gaps("--db", db_path, "--today", TODAY, "--json").stdout)
    [row] = rows
    assert row["rule"] == "companies-too-few"
    assert len(row["subjects"]) == 14
    assert all(s["kind"] == "organization" and s["name"] for s in row["subjects"])


def test_one_partnership_without_blockers_exits_0(seeded: Path) -> None:
    result = gaps("--db", seeded, "--partnership", "test PARTNERSHIP", "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Test partnership (stage 1 of 4: Prepare): no gaps\n")
    assert "Healthcare" not in result.stdout
    empty = gaps("--db", seeded, "--partnership", "Test partnership", "--today", TODAY, "--json")
    assert (empty.returncode, json.loads(empty.stdout)) == (0, [])


def test_warnings_alone_exit_0_and_today_is_honoured(seeded: Path) -> None:
    result = gaps("--db", seeded, "--partnership", "Test partnership", "--today", "2027-01-01")
    assert result.returncode == 0
    assert "  4. Sustain: ready" in result.stdout
    assert "WARNING  no-quarterly-convening:" in result.stdout


def test_unknown_partnership_lists_the_names(seeded: Path) -> None:
    result = gaps("--db", seeded, "--partnership", "Nope")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "no partnership named 'Nope'" in result.stderr
    assert "Healthcare, [x] Bay; Test partnership" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--db", "/nonexistent/roster.json"], "There is no roster file"),
        (["--today", "2026-02-30"], "is not a date"),
        (["--bogus"], "unrecognized arguments"),
    ],
)
def test_usage_and_file_errors_exit_2_in_one_line(
    seeded: Path, args: list[str], expected: str
) -> None:
    if "--db" not in args:
        args = ["--db", str(seeded), *args]
    result = gaps(*args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and expected in result.stderr
    assert "Traceback" not in result.stderr


def test_damaged_file_is_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = gaps("--db", broken)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_works_while_the_app_has_the_file_open(seeded: Path) -> None:
    with Store(seeded):  # holds the write lock, as the running app does
        result = gaps("--db", seeded, "--partnership", "Test partnership", "--today", TODAY)
    assert result.returncode == 0, result.stderr


def test_an_empty_file_has_no_partnerships(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    Store(path).close()
    result = gaps("--db", path)
    assert (result.returncode, result.stdout) == (0, f"No partnerships in {path}.\n")


def test_outreach_collision_is_listed_even_for_one_partnership(store: Store, db_path: Path) -> None:
    """The command line checks each partnership against the others of the file."""
    first = f.partnership(store)
    second = f.partnership(store, "Healthcare, North Valley", "Healthcare")
    ceo = f.person(store, "Ana Ortiz", f.org(store, "Ortiz Precision"))
    f.champion(store, first, ceo)
    f.leader(store, second, ceo)
    store.close()
    result = gaps("--db", db_path, "--today", TODAY, "--partnership", second.name, "--json")
    found = [row for row in json.loads(result.stdout) if row["rule"] == "outreach-collision"]
    assert [(row["partnership"], row["severity"], row["stage"]) for row in found] == [
        ("Healthcare, North Valley", "warning", "prepare")
    ]
    assert found[0]["message"].startswith(
        "Ana Ortiz is also being approached by Advanced Manufacturing, North Valley "
        "(committed as a champion, nobody owns the outreach there yet)."
    )
    assert found[0]["subjects"] == [{"kind": "person", "id": ceo.id, "name": "Ana Ortiz"}]
