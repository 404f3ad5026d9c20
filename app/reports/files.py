"""How reports and exports reach the disk: whole or not at all, and readable by the user only.

A report holds confidential bank data, so the file is created for its owner alone (as the case
database is), written beside its final name, and moved into place only when it is complete; a
run that fails leaves neither a half file nor a stray part behind, nor (for a spreadsheet) the
temporary files openpyxl streams a write-only workbook's rows into.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from openpyxl import Workbook

PRIVATE = stat.S_IRUSR | stat.S_IWUSR


class OutputFileError(OSError):
    """An output file cannot be written where it was asked for; the message says why.

    A subclass of OSError, so callers that already catch OSError keep catching it.
    """


def check_output_folder(target: str | Path) -> Path:
    """Refuse an output path whose folder is missing, before any work is done for it."""
    final = Path(target)
    folder = final.parent
    if not folder.exists():
        raise OutputFileError(f"cannot write {final}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise OutputFileError(f"cannot write {final}: {folder} is not a folder")
    if final.is_dir():
        raise OutputFileError(f"cannot write {final}: it is a folder; name a file in it")
    return final


def check_output_suffix(target: str | Path, *suffixes: str, option: str = "--out") -> Path:
    """Refuse an output file named for another format than the one written (a PDF named
    .docx would open in nothing); `option` names where the user gave the name."""
    final = Path(target)
    if final.suffix.lower() not in suffixes:
        raise OutputFileError(f"{option} must end in {' or '.join(suffixes)}")
    return final


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def unwritable(target: str | Path, error: OSError) -> OutputFileError:
    """The one-line refusal for a file that could not be written, from the system's error."""
    return OutputFileError(f"cannot write {target}: {_reason(error)}")


def output_folder(folder: str | Path) -> Path:
    """Make sure a folder for output files exists (created with its parents, for the user
    alone, when missing); refuse a path that is a file or cannot be created."""
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise OutputFileError(f"cannot write into {path}: it is a file, not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise OutputFileError(f"cannot create the folder {path}: {_reason(error)}") from error
    return path


@contextmanager
def written_privately(target: str | Path) -> Iterator[Path]:
    """Yield a private part file to write; on success it replaces `target`."""
    final = check_output_folder(target)
    part = final.with_name(final.name + ".part")
    try:
        descriptor = os.open(part, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, PRIVATE)
    except OSError as error:
        raise unwritable(final, error) from error
    os.close(descriptor)
    try:
        yield part
        try:
            part.replace(final)
        except OSError as error:
            raise unwritable(final, error) from error
    finally:
        part.unlink(missing_ok=True)


@contextmanager
def written_csv(target: str | Path) -> Iterator[TextIO]:
    """Yield the text stream of a CSV file, written privately and whole: UTF-8 with a byte
    order mark, so that Excel reads "æøå" and "§" as they are."""
    with (
        written_privately(target) as part,
        part.open("w", encoding="utf-8-sig", newline="") as stream,
    ):
        yield stream


@contextmanager
def written_workbook(target: str | Path) -> Iterator[Workbook]:
    """Yield a write-only workbook to fill; on success it is saved privately to `target`.

    The part file is created first, so a place that cannot be written is refused before any
    row is made; on a failure the workbook's sheets are closed and their temporary files
    removed, so nothing is left half-open to complain when it is collected.
    """
    from openpyxl import Workbook

    with written_privately(target) as part:
        workbook = Workbook(write_only=True)
        try:
            yield workbook
            workbook.save(part)
        except BaseException:
            _discard(workbook)
            raise


def _discard(workbook: Workbook) -> None:
    """Close the streamed sheets of a workbook that will not be saved and remove their files."""
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        if not sheet.closed:
            sheet.close()
        Path(writer.out).unlink(missing_ok=True)
