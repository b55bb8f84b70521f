"""The import's limits sit exactly where they say: 100,000 rows, 10,000 characters a cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from nextgen_tui.errors import ImportFileError
from nextgen_tui.transfer.limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, column_letter
from nextgen_tui.transfer.spreadsheet import load_table


def test_exactly_the_row_limit_is_read_blank_lines_aside(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    rows = "".join(f"Person {i},Acme\n" for i in range(MAX_ROWS))
    path.write_text("Title row\n\nName,Organization\n\n" + rows + "\n\n", encoding="utf-8")
    table = load_table(path)
    assert len(table.rows) == MAX_ROWS
    assert table.rows[-1] == (MAX_ROWS + 4, [f"Person {MAX_ROWS - 1}", "Acme"])
    path.write_text("Name,Organization\n" + rows + "One,More\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="has more than 100,000 rows"):
        load_table(path)


def test_exactly_the_cell_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(f"Name,Organization\nAnn,{'x' * MAX_CELL_CHARS}\n", encoding="utf-8")
    assert len(load_table(path).rows[0][1][1]) == MAX_CELL_CHARS


@pytest.mark.parametrize(("index", "letter"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ")])
def test_column_letters(index: int, letter: str) -> None:
    assert column_letter(index) == letter


def test_xlsx_rows_are_as_wide_as_their_cells_and_at_most_the_column_limit(
    tmp_path: Path,
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "Organization"])
    sheet.append(["Ann Lee", "Acme"])
    sheet.cell(row=3, column=1, value="Bo Ode")
    sheet.cell(row=3, column=2, value="Newco")
    sheet.cell(row=3, column=MAX_COLUMNS + 500, value="far right")  # the sheet is that wide
    path = tmp_path / "wide.xlsx"
    book.save(path)
    table = load_table(path)
    assert table.headers == ["Name", "Organization"]  # not padded to the sheet's width
    (_, ann), (_, bo) = table.rows
    assert ann == ["Ann Lee", "Acme"]
    assert len(bo) == MAX_COLUMNS and bo[:2] == ["Bo Ode", "Newco"]
