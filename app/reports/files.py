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


@contextmanager
def written_privately(target: str | Path) -> Iterator[Path]:
    """Yield a private part file to write; on success it replaces `target`."""
    final = Path(target)
    part = final.with_name(final.name + ".part")
    descriptor = os.open(part, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, PRIVATE)
    os.close(descriptor)
    try:
        yield part
        part.replace(final)
    finally:
        part.unlink(missing_ok=True)
