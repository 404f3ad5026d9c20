"""Logging: rotating files in the user's log folder, never personal data.

Log lines carry case numbers, bank organisation numbers, correlation ids, counts and timings.
As a last guard, a filter masks anything that looks like an 11-digit national id or account
number before a line is written.
"""

from __future__ import annotations

import logging
import logging.handlers
import re

from app import config

_ELEVEN_DIGITS = re.compile(r"(?<!\d)\d{6}[ .]?\d{5}(?!\d)")
_BEARER = re.compile(r"(Bearer\s+|eyJ)[A-Za-z0-9._~+/=-]{10,}")


class RedactingFilter(logging.Filter):
    """Masks 11-digit numbers (national ids, account numbers) and bearer tokens in records."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _BEARER.sub("[token]", _ELEVEN_DIGITS.sub("[id]", message))
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def setup_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(getattr(handler, "_boinnsyn", False) for handler in root.handlers):
        return
    handler = logging.handlers.RotatingFileHandler(
        config.log_dir() / "boinnsyn.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    handler._boinnsyn = True  # type: ignore[attr-defined]
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
