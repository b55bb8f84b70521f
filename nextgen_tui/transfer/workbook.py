"""Reading the sheets of an XLSX workbook as rows of text, safely.

An XLSX is a zip of XML parts. Before anything is parsed, every part's unpacked size is
checked (Python's zip reader never unpacks past the size a part declares), so a zip bomb
is refused without unpacking it; then each part is scanned as a stream, in small pieces,
for what would make a parser hold too much at once (a text or tag longer than any cell, a
row or shared string of more tags than a roster has). The XML is parsed by
``defusedxml`` (openpyxl uses it when it is installed, and it is a dependency): a DTD, an
entity (the "billion laughs") or an external reference is refused, never expanded or
fetched. Sheets are streamed (openpyxl's read-only mode) and reading stops at the row
limit.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import IO, Any

from nextgen_tui.errors import ImportFileError
from nextgen_tui.transfer.limits import (
    HEADER_ROWS,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_PART_BYTES,
    MAX_ROWS,
    MAX_TAGS_PER_ELEMENT,
    MAX_TAGS_PER_PART,
    MAX_UNPACKED_BYTES,
    MAX_XML_RUN,
    check_cell,
    too_large,
    too_many_rows,
)

Rows = list[tuple[int, list[str]]]


def _unreadable(source: str) -> ImportFileError:
    return ImportFileError(
        f"{source} is not a readable Excel workbook (it may be damaged or of another kind)."
    )


def check_parts(data: bytes, source: str) -> None:
    """Refuse a workbook whose parts would unpack, or parse, beyond the limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            total = 0
            for part in parts:
                if part.file_size > MAX_PART_BYTES:
                    what = f"its part {part.filename!r} unpacked"
                    raise too_large(source, what, part.file_size, MAX_PART_BYTES)
                total += part.file_size
            if total > MAX_UNPACKED_BYTES:
                raise too_large(source, "the workbook unpacked", total, MAX_UNPACKED_BYTES)
            for part in parts:
                if part.filename.endswith((".xml", ".rels")):
                    with archive.open(part) as stream:
                        _scan_xml(stream, source, part.filename)
    except ImportFileError:
        raise
    except Exception as exc:  # a truncated or damaged zip: one plain refusal
        raise _unreadable(source) from exc


_ELEMENT_START = re.compile(rb"<(?:row|si)[\s>/]")


def _scan_xml(stream: IO[bytes], source: str, name: str) -> None:
    """Read a part in 1 MB pieces; refuse what would make the parser hold too much."""
    run = 0  # bytes since the last "<"
    tags = 0  # tags since the start of the last row (or shared string)
    total = 0
    while chunk := stream.read(1 << 20):
        pieces = chunk.split(b"<")
        run += len(pieces[0])
        longest = max(run, *(len(piece) for piece in pieces[1:])) if len(pieces) > 1 else run
        if longest > MAX_XML_RUN:
            raise ImportFileError(
                f"{source} holds a cell or tag far over {MAX_CELL_CHARS:,} characters "
                f"(in its part {name!r}). Nothing was imported."
            )
        run = len(pieces[-1]) if len(pieces) > 1 else run
        count = len(pieces) - 1
        total += count
        starts = list(_ELEMENT_START.finditer(chunk))
        tags = chunk.count(b"<", starts[-1].start()) if starts else tags + count
        if tags > MAX_TAGS_PER_ELEMENT or total > MAX_TAGS_PER_PART:
            raise ImportFileError(
                f"{source} has more columns or formatting than a roster can hold "
                f"(in its part {name!r}). Nothing was imported."
            )


def read_xlsx_sheets(data: bytes, source: str, cell_text: Callable[[Any], str]) -> list[Rows]:
    """Every worksheet's rows as text (the active sheet first), within the limits."""
    import openpyxl
    from openpyxl import load_workbook

    if not openpyxl.DEFUSEDXML:  # switched off by OPENPYXL_DEFUSEDXML=False, or missing
        raise ImportFileError(
            f"{source} cannot be read safely: XLSX import needs the defusedxml package "
            "(and OPENPYXL_DEFUSEDXML not set to False). Save the sheet as CSV and import that."
        )
    check_parts(data, source)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a hostile or damaged file: any parser error is a refusal
        raise _unreadable(source) from exc
    try:
        sheets = list(book.worksheets)
        active = book.active
        if active in sheets:
            sheets.remove(active)
            sheets.insert(0, active)
        result: list[Rows] = []
        budget = MAX_ROWS + HEADER_ROWS  # non-blank rows over every sheet
        for sheet in sheets:
            rows: Rows = []
            # each row as long as its own cells, not padded to the width the sheet declares
            # (or to MAX_COLUMNS: 1,000 cells a row held 400 MB at 50,000 rows)
            sheet.reset_dimensions()
            values_of = sheet.iter_rows(values_only=True)
            for number, values in enumerate(values_of, start=1):
                if number > 3 * MAX_ROWS:  # blank rows by the million
                    raise too_many_rows(source)
                cells = []
                for column, value in enumerate(values[:MAX_COLUMNS]):
                    if isinstance(value, str):
                        check_cell(source, number, column, value)
                    cells.append(cell_text(value))
                if any(cells):  # blank rows are skipped anyway: never kept
                    budget -= 1
                    if budget < 0:
                        raise too_many_rows(source)
                    rows.append((number, cells))
            result.append(rows)
        return result
    except ImportFileError:
        raise
    except Exception as exc:  # a truncated part, bad XML, a DTD: one plain refusal
        raise _unreadable(source) from exc
    finally:
        book.close()
