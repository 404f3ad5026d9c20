"""How reports and exports reach the disk: whole or not at all, and readable by the user only.

A report holds confidential bank data, so the file is created for its owner alone (as the case
database is), written beside its final name, and moved into place only when it is complete; a
run that fails leaves neither a half file nor a stray part behind.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


@contextmanager
def written_privately(target: str | Path) -> Iterator[Path]:
    """Yield a private part file to write; on success it replaces `target`."""
    final = check_output_folder(target)
    part = final.with_name(final.name + ".part")
    try:
        descriptor = os.open(part, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, PRIVATE)
    except OSError as error:
        raise OutputFileError(f"cannot write {final}: {_reason(error)}") from error
    os.close(descriptor)
    try:
        yield part
        try:
            part.replace(final)
        except OSError as error:
            raise OutputFileError(f"cannot write {final}: {_reason(error)}") from error
    finally:
        part.unlink(missing_ok=True)
