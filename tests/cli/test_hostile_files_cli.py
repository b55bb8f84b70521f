"""Hostile files and names given to the command: one plain line, the right exit status,
control characters shown visibly, the roster's bytes untouched.

The exact output is checked. Most cases run the command in this process
(:func:`~tests.support.cli.run_cli`); those that need a process of their own run the
installed command: a full disk (a file size limit set in the child) and the refusals that
must stay in bounded memory (the child's peak memory is measured).
"""

from __future__ import annotations

import io
import os
import resource
import signal
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook

from nextgen_tui.store.repository import Store
from tests.support import factories as f
from tests.support.cli import COMMAND, Result, run_cli

ESCAPES = "\x1b]0;PWNED\x07\x1b[2J"
SHOWN = "\\x1b]0;PWNED\\x07\\x1b[2J"


def _seeded(folder: Path) -> Path:
    path = folder / "roster.json"
    with Store(path) as store:
        f.partnership(store, "Health Care")
    return path


def _exact(result: Result, stderr: str, status: int = 2) -> None:
    assert (result.returncode, result.stdout, result.stderr) == (status, "", stderr)


# ------------------------------------------------------------------ terminal escapes


def test_import_headers_with_escapes_are_shown_visibly(tmp_path: Path) -> None:
    db = _seeded(tmp_path)
    before = db.read_bytes()
    sheet = tmp_path / "roster.csv"
    sheet.write_text(f"Name,{ESCAPES}\nAnn Lee,x\n", encoding="utf-8")
    result = run_cli("import", str(sheet), "--db", str(db), "--partnership", "Health Care")
    _exact(
        result,
        "nextgen-tui import: roster.csv has no Organization column; every roster needs one "
        f"(headers found: Name, {SHOWN}).\n",
    )
    assert db.read_bytes() == before


def test_a_missing_path_with_escapes_is_shown_visibly(tmp_path: Path) -> None:
    db = tmp_path / f"{ESCAPES}.json"
    _exact(
        run_cli("gaps", "--db", str(db)),
        f"nextgen-tui gaps: There is no roster file at {tmp_path}/{SHOWN}.json.\n",
    )
    sheet = tmp_path / f"{ESCAPES}.csv"
    _exact(
        run_cli("import", str(sheet), "--db", str(_seeded(tmp_path)), "--partnership", "X"),
        f"nextgen-tui import: There is no file at {tmp_path}/{SHOWN}.csv.\n",
    )


def test_an_argument_with_escapes_is_shown_visibly(tmp_path: Path) -> None:
    result = run_cli("export", "--db", "r.json", "--partnership", "P", "--format", ESCAPES)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("nextgen-tui export: argument --format: invalid choice: ")
    assert SHOWN in result.stderr and "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_invalid_rows_with_escapes_are_shown_visibly(tmp_path: Path) -> None:
    db = _seeded(tmp_path)
    sheet = tmp_path / "roster.csv"
    sheet.write_text(f"Name,Organization\nAnn{ESCAPES},Acme\n", encoding="utf-8")
    result = run_cli(
        "import", str(sheet), "--db", str(db), "--partnership", "Health Care", "--dry-run"
    )
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert result.stdout.splitlines()[0] == (
        "row 2: not imported: Name must not contain control characters."
    )


# ------------------------------------------------------------------ rosters that are not files


def test_a_fifo_or_a_device_as_the_roster_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "roster.json"
    os.mkfifo(fifo)
    for args in (("gaps", "--db", str(fifo)), ("--db", str(fifo))):
        _exact(
            run_cli(*args),
            f"nextgen-tui{' gaps' if args[0] == 'gaps' else ''}: {fifo} is not a regular file, "
            "so it is not a roster file. Nothing was changed.\n",
        )
    _exact(
        run_cli("--db", "/dev/zero"),
        "nextgen-tui: /dev/zero is not a regular file, so it is not a roster file. "
        "Nothing was changed.\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.json"]  # no lock left


def test_a_fifo_or_a_device_as_the_spreadsheet_is_refused_at_once(tmp_path: Path) -> None:
    db = _seeded(tmp_path)
    fifo = tmp_path / "roster.csv"
    os.mkfifo(fifo)
    for sheet in (str(fifo), "/dev/zero"):
        _exact(
            run_cli("import", sheet, "--db", str(db), "--partnership", "Health Care"),
            f"nextgen-tui import: {sheet} is not a regular file; choose a CSV or XLSX file.\n",
        )


def test_deeply_nested_json_is_one_line_and_status_2(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    path.write_text('{"_meta": ' + "[" * 100_000 + "]" * 100_000 + "}")
    before = path.read_bytes()
    _exact(
        run_cli("gaps", "--db", str(path)),
        f"nextgen-tui gaps: {path} is not a roster file (its JSON is nested too deeply). "
        "Nothing was changed.\n",
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.json"]


def test_a_roster_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = _seeded(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = run_cli("gaps", "--db", str(path), "--today", "2026-06-01")
    assert result.returncode == 1, result.stderr  # blockers found, as a new partnership has
    assert result.stdout.startswith("Health Care (stage 1 of 4: Prepare): ")


def _no_room_to_write() -> None:
    """In the child: every write that grows a file fails, as on a full disk."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def test_a_full_disk_is_one_plain_line_and_the_roster_is_intact(tmp_path: Path) -> None:
    db = _seeded(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    content = db.read_bytes()
    sheet = tmp_path / "people.csv"
    sheet.write_text("Name,Organization\nAnn Lee,Acme\n", encoding="utf-8")
    result = subprocess.run(
        [*COMMAND, "import", str(sheet), "--db", str(db), "--partnership", "Health Care"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        preexec_fn=_no_room_to_write,
    )
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("nextgen-tui import: Could not save ") and line.endswith(
        ": File too large."
    )
    assert db.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*before, "people.csv"])


# ------------------------------------------------------------------ hostile spreadsheets


def _xlsx_bytes(rows: Sequence[Sequence[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rewrite(data: bytes, part: str, change: str) -> bytes:
    """The workbook with ``part`` replaced (``{}`` in ``change`` stands for its old text)."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            text = source.read(item.filename)
            if item.filename == part:
                text = change.replace("{}", text.decode()).encode()
            target.writestr(item.filename, text)
    return out.getvalue()


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)
EXTERNAL = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY ext SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize("prolog", [LAUGHS, EXTERNAL], ids=["billion-laughs", "external"])
def test_an_xlsx_with_a_dtd_is_refused_plainly(tmp_path: Path, prolog: str) -> None:
    db = _seeded(tmp_path)
    plain = _xlsx_bytes([["Name", "Organization"], ["Ann", "Acme"]])
    sheet_xml = zipfile.ZipFile(io.BytesIO(plain)).read("xl/worksheets/sheet1.xml").decode()
    entity = "&ext;" if prolog == EXTERNAL else "&lol3;"
    assert "Ann" in sheet_xml
    body = sheet_xml.replace("Ann", entity)
    sheet = tmp_path / "roster.xlsx"
    sheet.write_bytes(_rewrite(plain, "xl/worksheets/sheet1.xml", prolog + body))
    _exact(
        run_cli("import", str(sheet), "--db", str(db), "--partnership", "Health Care"),
        "nextgen-tui import: roster.xlsx is not a readable Excel workbook "
        "(it may be damaged or of another kind).\n",
    )


def test_a_truncated_or_corrupted_xlsx_is_refused_plainly(tmp_path: Path) -> None:
    db = _seeded(tmp_path)
    plain = _xlsx_bytes([["Name", "Organization"]] + [[f"P{i}", "Acme"] for i in range(2000)])
    sheet = tmp_path / "roster.xlsx"
    archive = zipfile.ZipFile(io.BytesIO(plain))
    member = archive.getinfo("xl/worksheets/sheet1.xml")
    start = member.header_offset + 30 + len(member.filename) + len(member.extra)
    middle = start + member.compress_size // 2
    corrupted = (
        plain[:middle] + bytes(b ^ 0x5A for b in plain[middle : middle + 64]) + plain[middle + 64 :]
    )
    for broken in (plain[: len(plain) // 2], corrupted):
        sheet.write_bytes(broken)
        _exact(
            run_cli("import", str(sheet), "--db", str(db), "--partnership", "Health Care"),
            "nextgen-tui import: roster.xlsx is not a readable Excel workbook "
            "(it may be damaged or of another kind).\n",
        )


def _peak_memory_mb(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run the command in a child of a fresh Python and return its peak memory (MB)."""
    probe = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(r.returncode)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *COMMAND, *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    *lines, peak = result.stderr.splitlines()
    result.stderr = "".join(line + "\n" for line in lines)
    return result, int(peak) / 1024


def test_a_zip_bomb_sheet_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    db = _seeded(tmp_path)
    plain = _xlsx_bytes([["Name", "Organization"], ["Ann", "Acme"]])
    huge = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        + "A" * (70 * 1024 * 1024)
        + "</t></is></c></row></sheetData></worksheet>"
    )
    bomb = _rewrite(plain, "xl/worksheets/sheet1.xml", huge)
    sheet = tmp_path / "roster.xlsx"
    sheet.write_bytes(bomb)
    assert sheet.stat().st_size < 200_000
    result, peak = _peak_memory_mb(
        "import", str(sheet), "--db", str(db), "--partnership", "Health Care"
    )
    _exact(
        result,
        "nextgen-tui import: roster.xlsx holds a cell or tag far over 10,000 characters "
        "(in its part 'xl/worksheets/sheet1.xml'). Nothing was imported.\n",
    )
    assert peak < 300


def test_a_part_unpacking_past_the_limit_is_refused_unread(tmp_path: Path) -> None:
    db = _seeded(tmp_path)
    out = io.BytesIO()
    rows = b"<row/>" * (1024 * 1024 // 6)
    # the fastest compression: the same 300 MB part, in half the test's CPU time
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for _ in range(300):
                part.write(rows)
    sheet = tmp_path / "roster.xlsx"
    sheet.write_bytes(out.getvalue())
    result, peak = _peak_memory_mb(
        "import", str(sheet), "--db", str(db), "--partnership", "Health Care"
    )
    _exact(
        result,
        "nextgen-tui import: roster.xlsx is too large to be a roster: its part "
        "'xl/worksheets/sheet1.xml' unpacked is 300 MB (at most 256 MB). Nothing was "
        "imported.\n",
    )
    assert peak < 300


def test_a_row_of_a_million_cells_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    db = _seeded(tmp_path)
    plain = _xlsx_bytes([["Name", "Organization"], ["Ann", "Acme"]])
    cells = '<c t="inlineStr"><is><t>x</t></is></c>' * 1_000_000
    wide = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData><row r="1">{cells}</row></sheetData></worksheet>'
    )
    sheet = tmp_path / "roster.xlsx"
    sheet.write_bytes(_rewrite(plain, "xl/worksheets/sheet1.xml", wide))
    result, peak = _peak_memory_mb(
        "import", str(sheet), "--db", str(db), "--partnership", "Health Care"
    )
    _exact(
        result,
        "nextgen-tui import: roster.xlsx has more columns or formatting than a roster can "
        "hold (in its part 'xl/worksheets/sheet1.xml'). Nothing was imported.\n",
    )
    assert peak < 300


def test_a_cell_over_10000_characters_is_refused_naming_row_and_column(tmp_path: Path) -> None:
    db = _seeded(tmp_path)
    before = db.read_bytes()
    long = "x" * 10_001
    csv_sheet = tmp_path / "roster.csv"
    csv_sheet.write_text(f"Name,Organization\nAnn,Acme\nBen,{long}\n", encoding="utf-8")
    xlsx_sheet = tmp_path / "roster.xlsx"
    xlsx_sheet.write_bytes(_xlsx_bytes([["Name", "Organization"], ["Ann", "Acme"], ["Ben", long]]))
    for sheet in (csv_sheet, xlsx_sheet):
        _exact(
            run_cli("import", str(sheet), "--db", str(db), "--partnership", "Health Care"),
            f"nextgen-tui import: {sheet.name}: row 3, column B holds 10,001 characters; "
            "a cell may hold at most 10,000. Nothing was imported.\n",
        )
    assert db.read_bytes() == before


def test_more_than_100000_rows_are_refused_early_in_bounded_memory(tmp_path: Path) -> None:
    db = _seeded(tmp_path)
    before = db.read_bytes()
    sheet = tmp_path / "roster.csv"
    rows = "".join(f"Person {i},Acme\n" for i in range(100_001))
    sheet.write_text("Name,Organization\n" + rows, encoding="utf-8")
    result, peak = _peak_memory_mb(
        "import", str(sheet), "--db", str(db), "--partnership", "Health Care"
    )
    _exact(
        result,
        "nextgen-tui import: roster.csv has more than 100,000 rows; import at most 100,000 "
        "at a time (split the file). Nothing was imported.\n",
    )
    assert peak < 300
    assert db.read_bytes() == before
