"""The log files: only their owner may read them, and each line says which clock wrote it."""

from __future__ import annotations

import logging
import re
import stat

from app.logs import LINE_FORMAT, TIME_FORMAT, PrivateRotatingFileHandler, RedactingFilter


def test_the_log_and_its_rotated_files_are_readable_by_their_owner_only(tmp_path):
    path = tmp_path / "boinnsyn.log"
    path.write_text("left by an older version\n")
    path.chmod(0o644)
    handler = PrivateRotatingFileHandler(path, maxBytes=200, backupCount=2, encoding="utf-8")
    logger = logging.getLogger("test.private-log")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for number in range(20):
            logger.warning("line %d of a case log that rotates", number)
    finally:
        logger.removeHandler(handler)
        handler.close()

    files = sorted(tmp_path.iterdir())
    assert [f.name for f in files] == ["boinnsyn.log", "boinnsyn.log.1", "boinnsyn.log.2"]
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}


def test_a_line_carries_its_time_with_the_offset_and_no_national_id(tmp_path):
    path = tmp_path / "boinnsyn.log"
    handler = PrivateRotatingFileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LINE_FORMAT, TIME_FORMAT))
    handler.addFilter(RedactingFilter())
    logger = logging.getLogger("test.line-format")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("fetched for %s", "02913810077")
    finally:
        logger.removeHandler(handler)
        handler.close()

    line = path.read_text(encoding="utf-8")
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} WARNING test.line-format ", line)
    assert "02913810077" not in line and "fetched for [id]" in line


def test_ids_and_account_numbers_are_masked_however_they_are_grouped():
    from app.logs import redact

    text = "ids 02913810077 and 029138 10077, accounts 9990.25.10628 and 9990 25 10628; case 12"
    assert redact(text) == "ids [id] and [id], accounts [id] and [id]; case 12"
