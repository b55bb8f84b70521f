"""Reading a roster spreadsheet (CSV or XLSX) into rows of text keyed by roster field.

Files come as people have them: UTF-8 with or without a byte-order mark, Windows-1252
from older Excel, UTF-16 "Unicode text", ``;``-delimited CSV from European Excel, blank
lines, stray spaces, a title row above the header, numbers and dates typed into Excel
cells. Whatever the file, the result is plain strings; the import plan
(:mod:`nextgen_tui.roster_plan`) validates them.

Columns are matched to fields by name, ignoring case, spaces, dashes and underscores, with
common aliases ("Full Name", "Company", "E-mail", "Organisation"...). The wizard can pass
its own ``mapping`` (field -> column index) for columns the automatic match missed.

A file that cannot be a roster raises :class:`ImportFileError` with one plain message.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from nextgen_tui.errors import ImportFileError
from nextgen_tui.transfer.limits import (
    HEADER_ROWS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    check_cell,
    read_spreadsheet_bytes,
    too_many_rows,
)
from nextgen_tui.transfer.workbook import read_xlsx_sheets

#: Roster fields in the order the wizard lists them, with their user-facing labels.
FIELDS: dict[str, str] = {
    "name": "Name",
    "organization": "Organization",
    "org_kind": "Organization kind",
    "industry": "Industry",
    "title": "Title",
    "email": "Email",
    "phone": "Phone",
    "roles": "Roles",
    "team": "Action team",
    "start": "Start date",
    "champion_status": "Champion status",
    "champion_criteria": "Champion criteria",
    "outreach_owner": "Outreach owner",
    "signed_invite": "Signed invite",
    "hosts_launch": "Hosts launch",
    "invite_status": "Invite status",
    "introduced": "Introduced",
}
REQUIRED_FIELDS = ("name", "organization")

#: Other header spellings of each field, compared after :func:`header_key`.
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("fullname", "person", "personname", "contact", "contactname", "participant"),
    "organization": (
        "organisation",
        "org",
        "company",
        "companyname",
        "employer",
        "organizationname",
        "organisationname",
        "agency",
        "institution",
        "business",
    ),
    "org_kind": (
        "orgkind",
        "organizationkind",
        "organisationkind",
        "kind",
        "orgtype",
        "organizationtype",
        "organisationtype",
        "type",
        "sectortype",
    ),
    "industry": ("sector", "orgindustry", "companyindustry"),
    "title": ("jobtitle", "position", "role title", "jobrole"),
    "email": ("emailaddress", "mail", "emailaddr"),
    "phone": ("telephone", "phonenumber", "tel", "mobile", "cell", "cellphone", "workphone"),
    "roles": ("role", "partnershiprole", "partnershiproles"),
    "team": ("actionteam", "taskgroup", "teamname"),
    "start": ("startdate", "since", "started", "joined", "datejoined"),
    "champion_status": ("championstatus", "status"),
    "champion_criteria": ("championcriteria", "criteria", "passionateabout"),
    "outreach_owner": ("outreachowner", "owner", "outreach", "recruitedby", "askedby"),
    "signed_invite": ("signedinvite", "signedinviteletter", "signed", "signer", "signatory"),
    "hosts_launch": ("hostslaunch", "host", "launchhost", "hostlaunch", "hosting"),
    "invite_status": ("invitestatus", "invitation", "invitationstatus", "rsvp"),
    "introduced": ("wasintroduced", "introducedatlaunch"),
}

#: Columns our own roster export writes that carry no field (the stage is derived).
IGNORED_KEYS = frozenset({"stage"})

_KEY_CHARS = re.compile(r"[\s\-_.:/()#*]+")


def header_key(text: str) -> str:
    """``"E-mail Address"`` -> ``"emailaddress"``: case, spaces, dashes, underscores ignored."""
    return _KEY_CHARS.sub("", text.strip().casefold())


_FIELD_OF_KEY: dict[str, str] = {}
for _name in FIELDS:
    _FIELD_OF_KEY[header_key(_name)] = _name
    _FIELD_OF_KEY[header_key(FIELDS[_name])] = _name
    for _alias in ALIASES.get(_name, ()):
        _FIELD_OF_KEY.setdefault(header_key(_alias), _name)


def field_for_header(text: str) -> str | None:
    """The roster field a column header names, or ``None``."""
    return _FIELD_OF_KEY.get(header_key(text))


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One data row: ``number`` is its row (line) number in the spreadsheet, header = 1 up."""

    number: int
    values: dict[str, str]

    def get(self, name: str) -> str:
        return self.values.get(name, "")


@dataclass
class RawTable:
    """A spreadsheet's header and data rows as text, before columns are mapped."""

    source: str
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number, cells)
    mapping: dict[str, int] = field(default_factory=dict)  # field -> column index

    @property
    def unmapped_columns(self) -> list[int]:
        used = set(self.mapping.values())
        return [
            i
            for i, h in enumerate(self.headers)
            if i not in used and h.strip() and header_key(h) not in IGNORED_KEYS
        ]


@dataclass
class RosterTable:
    """The rows of a roster, keyed by field, ready for the import plan."""

    source: str
    rows: list[RosterRow]
    mapping: dict[str, int]
    headers: list[str]


# --------------------------------------------------------------------------- cells

_NEUTRALIZED = frozenset("=+-@\t\r")


def cell_text(value: Any) -> str:
    """A cell as the text a person sees: integral floats lose ``.0``, dates are ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] in _NEUTRALIZED:
        text = text[1:]  # our export's formula guard: the quote is not part of the value
    return " ".join(text.split()) if "\n" in text or "\r" in text else text


# --------------------------------------------------------------------------- CSV


def decode_text(raw: bytes, source: str) -> str:
    """Decode CSV bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" in raw[:4096]:
        raise ImportFileError(
            f"{source} is not a roster: it is a binary file, not CSV or XLSX text."
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their endings, as a file opened with ``newline=""``
    gives them, one at a time (``io.StringIO`` would hold four bytes a character)."""
    return (found.group() for found in _LINE.finditer(text))


def _sniff_delimiter(text: str) -> str:
    """The delimiter of the first non-blank line: the most frequent of , ; tab |."""
    for line in _lines(text):
        if line.strip():
            counts = {d: _count_outside_quotes(line, d) for d in (",", ";", "\t", "|")}
            best = max(counts, key=lambda d: counts[d])
            return best if counts[best] else ","
    return ","


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def read_csv_rows(raw: bytes, source: str) -> list[tuple[int, list[str]]]:
    """The non-blank records, numbered 1, 2, 3... as a spreadsheet shows them (quoted
    newlines not counted), within the row and cell limits."""
    return list(_csv_records(raw, source))


def _csv_records(raw: bytes, source: str) -> Iterator[tuple[int, list[str]]]:
    """:func:`read_csv_rows`, one record at a time."""
    text = decode_text(raw, source)
    reader = csv.reader(_lines(text), delimiter=_sniff_delimiter(text))
    budget = MAX_ROWS + HEADER_ROWS
    _raise_field_limit()
    try:
        for number, cells in enumerate(reader, start=1):
            for column, cell in enumerate(cells):
                check_cell(source, number, column, cell)
            if any(cells):
                budget -= 1
                if budget < 0:
                    raise too_many_rows(source)
                yield number, [cell_text(c) for c in cells]
    except csv.Error as exc:
        raise ImportFileError(
            f"{source} is not a readable CSV file (line {reader.line_num}: {exc})."
        ) from exc


def _raise_field_limit() -> None:
    """Let the csv module read a cell up to the file's size: the cell limit says which
    row and column is too long, where the csv module's own limit would not."""
    if csv.field_size_limit() < MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES)


# --------------------------------------------------------------------------- the table


def _header_score(cells: list[str]) -> tuple[int, int]:
    fields = {field_for_header(c) for c in cells if c}
    required = sum(1 for f in REQUIRED_FIELDS if f in fields)
    return required, len(fields - {None})


def _find_header(rows: list[tuple[int, list[str]]]) -> int | None:
    """Index of the header row: among the first ten non-blank rows, the best-matching one."""
    candidates = [i for i, (_, cells) in enumerate(rows) if any(cells)][:10]
    best, best_score = None, (0, 0)
    for i in candidates:
        score = _header_score(rows[i][1])
        if score > best_score:
            best, best_score = i, score
    return best


def auto_mapping(headers: list[str]) -> dict[str, int]:
    """Field -> column index for every header that names a field (first one wins)."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        name = field_for_header(header)
        if name is not None and name not in mapping:
            mapping[name] = index
    return mapping


def _table_from_rows(rows: list[tuple[int, list[str]]], source: str) -> RawTable | None:
    header_index = _find_header(rows)
    if header_index is None:
        return None
    headers = rows[header_index][1]
    data = [(n, cells) for n, cells in rows[header_index + 1 :] if any(c.strip() for c in cells)]
    if len(data) > MAX_ROWS:
        raise too_many_rows(source)
    return RawTable(source, headers, data, auto_mapping(headers))


def _spreadsheet(path: Path) -> bytes:
    """The bytes of ``path``, refused when they cannot be a roster we read."""
    data = read_spreadsheet_bytes(path)
    if not data.strip():
        raise ImportFileError(f"{path.name} is empty: there is no roster in it.")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            f"{path.name} is an old-style Excel .xls file; save it as .xlsx or CSV and import that."
        )
    return data


def _no_roster(source: str) -> ImportFileError:
    return ImportFileError(
        f"{source} is not a roster: no row names columns such as Name and Organization."
    )


def load_table(path: Path) -> RawTable:
    """Read ``path`` (CSV or XLSX, told apart by content) into a :class:`RawTable`."""
    return _table_of(_spreadsheet(path), path.name)


def _table_of(data: bytes, source: str) -> RawTable:
    if data.startswith(b"PK\x03\x04"):
        sheets = read_xlsx_sheets(data, source, cell_text)
        tables = [_table_from_rows(rows, source) for rows in sheets]
        found = [t for t in tables if t is not None]
        found.sort(key=lambda t: _header_score(t.headers), reverse=True)
        table = found[0] if found else None
    else:
        table = _table_from_rows(read_csv_rows(data, source), source)
    if table is None:
        raise _no_roster(source)
    return table


def check_mapping(table: RawTable, mapping: dict[str, int] | None = None) -> dict[str, int]:
    """The mapping to use; :class:`ImportFileError` if a required field has no column."""
    mapping = table.mapping if mapping is None else mapping
    missing = [FIELDS[f] for f in REQUIRED_FIELDS if f not in mapping]
    if len(missing) == len(REQUIRED_FIELDS) and not mapping:
        raise ImportFileError(
            f"{table.source} is not a roster: no column is named like Name or Organization."
        )
    if missing:
        raise ImportFileError(
            f"{table.source} has no {' or '.join(missing)} column; every roster needs one "
            f"(headers found: {', '.join(h for h in table.headers if h) or 'none'})."
        )
    for name, index in mapping.items():
        if name not in FIELDS:
            raise ImportFileError(f"{name!r} is not a roster field.")
        if not 0 <= index < max(len(table.headers), 1):
            raise ImportFileError(f"Column {index + 1} of {table.source} does not exist.")
    return mapping


def rows_of(
    table: RawTable, mapping: dict[str, int] | None = None, *, consume: bool = False
) -> list[RosterRow]:
    """The data rows keyed by field, with the given (or the automatic) mapping.

    ``consume``: empty ``table.rows`` while going, so a large file is never held twice
    (as cells and as rows).
    """
    mapping = check_mapping(table, mapping)
    source = table.rows
    if consume:
        table.rows = []
        source.reverse()
    return _keyed(_drain(source) if consume else source, mapping)


def _keyed(records: Iterable[tuple[int, list[str]]], mapping: dict[str, int]) -> list[RosterRow]:
    """Each record keyed by field. A value repeated down a column (a title, a kind, a
    role, an organization) is one string, not one per row."""
    # per column, its values seen so far; dropped for a column of mostly different values
    same: dict[str, dict[str, str] | None] = {name: {} for name in mapping}
    rows = []
    for count, (number, cells) in enumerate(records):
        values = {}
        for name, index in mapping.items():
            # whitespace runs are spreadsheet noise: "Ann  Lee " is "Ann Lee"
            text = " ".join(cells[index].split()) if index < len(cells) else ""
            if text:
                seen = same[name]
                if seen is not None:
                    text = seen.setdefault(text, text)
                    if len(seen) > _SAME_LIMIT and len(seen) > count // 2:
                        same[name] = None
                values[name] = text
        rows.append(RosterRow(number, values))
    return rows


_SAME_LIMIT = 1024


def _drain(reversed_rows: list[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    while reversed_rows:
        yield reversed_rows.pop()


def read_roster(path: Path, mapping: dict[str, int] | None = None) -> RosterTable:
    """Read a roster file into rows keyed by field; :class:`ImportFileError` when it can't.

    A CSV file is read a record at a time, each one keyed as it is read: its cells are
    never all held at once, beside the rows.
    """
    data = _spreadsheet(path)
    if data.startswith(b"PK\x03\x04"):
        table = _table_of(data, path.name)
        used = check_mapping(table, mapping)
        return RosterTable(table.source, rows_of(table, used, consume=True), used, table.headers)
    records = _csv_records(data, path.name)
    head: list[tuple[int, list[str]]] = []  # up to the tenth non-blank row: the header's
    candidates = 0
    while candidates < HEADER_ROWS and (record := next(records, None)) is not None:
        head.append(record)
        candidates += any(record[1])
    found = _table_from_rows(head, path.name)
    if found is None:
        raise _no_roster(path.name)
    used = check_mapping(found, mapping)
    rest = ((n, cells) for n, cells in records if any(c.strip() for c in cells))
    rows = _keyed(itertools.chain(found.rows, rest), used)
    if len(rows) > MAX_ROWS:
        raise too_many_rows(path.name)
    return RosterTable(found.source, rows, used, found.headers)
