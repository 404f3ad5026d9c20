"""Logging: rotating files in the user's log folder, never personal data.

Log lines carry case numbers, bank organisation numbers, correlation ids, counts and timings.
As a last guard, a filter masks anything that looks like an 11-digit national id or account
number before a line is written.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re

from app import config

_ELEVEN_DIGITS = re.compile(r"(?<!\d)\d(?:[ .]?\d){10}(?!\d)")
"""Eleven digits, maybe grouped by spaces or points: a national id (218790 10184), a D-number
or an account number (9990.25.10628)."""
_BEARER = re.compile(r"(Bearer\s+|eyJ)[A-Za-z0-9._~+/=-]{10,}")


def redact(text: str) -> str:
    """`text` with anything like a national id or account number, and bearer tokens, masked."""
    return _BEARER.sub("[token]", _ELEVEN_DIGITS.sub("[id]", text))


class RedactingFilter(logging.Filter):
    """Masks 11-digit numbers (national ids, account numbers) and bearer tokens in records."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files, the first and every one after a rotation, only their owner
    may read: case numbers and bank answers are not for other users of the machine."""

    def _open(self):  # type: ignore[no-untyped-def]
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)  # a file left by an older version
        return open(descriptor, self.mode, encoding=self.encoding, errors=self.errors)


LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
"""Local time with its offset from UTC, so that a line says which clock it was written by."""


def setup_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(getattr(handler, "_boinnsyn", False) for handler in root.handlers):
        return
    handler = PrivateRotatingFileHandler(
        config.log_dir() / "boinnsyn.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    handler._boinnsyn = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(LINE_FORMAT, TIME_FORMAT))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
