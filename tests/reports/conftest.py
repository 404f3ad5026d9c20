"""Fixtures of the report tests: the fixed cases and a report writer with a fixed clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_support import (
    REPORT_CLOCK,
    BuiltCase,
    build_bankruptcy,
    build_estate,
    build_guardianship,
)

from app.domain.clock import FixedClock


@pytest.fixture
def report_clock() -> FixedClock:
    return REPORT_CLOCK


@pytest.fixture
def bankruptcy(db) -> BuiltCase:
    return build_bankruptcy(db)


@pytest.fixture
def estate(db) -> BuiltCase:
    return build_estate(db)


@pytest.fixture
def guardianship(db) -> BuiltCase:
    return build_guardianship(db)


@pytest.fixture
def write_report(db, tmp_path: Path, report_clock: FixedClock):
    """Write a case's report with the fixed clock; returns the PDF's path."""
    from app.reports.case_report import write_case_report

    def write(case_id: int, name: str = "report.pdf", **options) -> Path:
        options.setdefault("clock", report_clock)
        options.setdefault("user", "rapport.bruker")
        return write_case_report(db, case_id, tmp_path / name, **options)

    return write
