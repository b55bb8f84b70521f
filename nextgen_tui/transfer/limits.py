"""How much a roster spreadsheet may hold, and reading one without trusting its size.

A roster is people: tens of thousands of rows at the very most, and short cells. A file
far beyond that is a mistake or an attack (one cell of 200 MB, two million rows, a zip
that unpacks a thousandfold), so it is refused early, in bounded memory and time, with one
plain message that says where the limit was crossed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from nextgen_tui.errors import ImportFileError

MAX_ROWS = 100_000  # data rows of one import
MAX_CELL_CHARS = 10_000  # characters in one cell
MAX_FILE_BYTES = 64 * 1024 * 1024  # the spreadsheet file itself
MAX_PART_BYTES = 256 * 1024 * 1024  # one part of an XLSX, unpacked
MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # all parts of an XLSX, unpacked
#: In a part's XML: the longest run between two tags (a cell of 10,000 characters,
#: escaped, is far shorter), the most tags in one row or shared string, and in all.
MAX_XML_RUN = 128 * 1024
MAX_TAGS_PER_ELEMENT = 50_000
MAX_TAGS_PER_PART = 16_000_000
MAX_COLUMNS = 1_000  # columns read from a row; more than a roster ever has

#: Rows above the header that are read before the header is found.
HEADER_ROWS = 10


def column_letter(index: int) -> str:
    """``0`` -> ``A``, ``25`` -> ``Z``, ``26`` -> ``AA``: the column as a spreadsheet names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def check_cell(source: str, row: int, column: int, text: str) -> None:
    """:class:`ImportFileError` when a cell holds more than :data:`MAX_CELL_CHARS`."""
    if len(text) > MAX_CELL_CHARS:
        raise ImportFileError(
            f"{source}: row {row}, column {column_letter(column)} holds {len(text):,} "
            f"characters; a cell may hold at most {MAX_CELL_CHARS:,}. Nothing was imported."
        )


def too_many_rows(source: str) -> ImportFileError:
    return ImportFileError(
        f"{source} has more than {MAX_ROWS:,} rows; import at most {MAX_ROWS:,} at a time "
        "(split the file). Nothing was imported."
    )


def too_large(source: str, what: str, size: int, limit: int) -> ImportFileError:
    return ImportFileError(
        f"{source} is too large to be a roster: {what} is {size / 2**20:,.0f} MB "
        f"(at most {limit / 2**20:,.0f} MB). Nothing was imported."
    )


def read_spreadsheet_bytes(path: Path) -> bytes:
    """The bytes of the spreadsheet at ``path``: a regular file of at most the size limit.

    A folder, a FIFO or a device (``/dev/zero``) is refused at once, never read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise ImportFileError(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path} is a folder; choose a CSV or XLSX file.") from None
    except PermissionError:
        raise ImportFileError(f"No permission to read {path}.") from None
    except OSError as exc:
        raise ImportFileError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ImportFileError(f"{path} is a folder; choose a CSV or XLSX file.")
        if not stat.S_ISREG(st.st_mode):
            raise ImportFileError(f"{path} is not a regular file; choose a CSV or XLSX file.")
        if st.st_size > MAX_FILE_BYTES:
            raise too_large(path.name, "the file", st.st_size, MAX_FILE_BYTES)
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, 1 << 20):
            total += len(chunk)
            if total > MAX_FILE_BYTES:  # it grew while being read
                raise too_large(path.name, "the file", total, MAX_FILE_BYTES)
            chunks.append(chunk)
        return b"".join(chunks)
    except IsADirectoryError:
        raise ImportFileError(f"{path} is a folder; choose a CSV or XLSX file.") from None
    except OSError as exc:
        raise ImportFileError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    finally:
        os.close(fd)
