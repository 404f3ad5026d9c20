"""The audit trail of a case as CSV: one line per request that left the machine.

The columns are identifiers, legal basis, period and outcome. By construction the request log
holds no national id, name or amount, so the export holds none either.
"""

from __future__ import annotations

import csv
from typing import TextIO

from app.domain.clock import to_oslo
from app.store.cases import audit_records
from app.store.db import Database

COLUMNS = (
    "time",
    "user",
    "case",
    "environment",
    "service",
    "bank",
    "endpoint",
    "method",
    "correlation_id",
    "account_info_request_id",
    "legal_mandate",
    "from_date",
    "to_date",
    "http_status",
    "response_status",
    "error_code",
    "items",
    "attempt",
    "duration_ms",
    "outcome",
)


def write_audit_csv(db: Database, case_id: int, stream: TextIO) -> int:
    writer = csv.writer(stream, delimiter=";")
    writer.writerow(COLUMNS)
    with db.session() as session:
        records = audit_records(session, case_id)
        for record in records:
            writer.writerow(
                (
                    to_oslo(record.at).isoformat(timespec="seconds"),
                    record.user,
                    record.case_id,
                    record.environment,
                    record.service or "",
                    record.bank_org_number or "",
                    record.endpoint,
                    record.method,
                    record.correlation_id or "",
                    record.request_id or "",
                    record.legal_mandate or "",
                    record.period_start or "",
                    record.period_end or "",
                    record.http_status or "",
                    record.response_status or "",
                    record.error_code or "",
                    "" if record.item_count is None else record.item_count,
                    record.attempt,
                    "" if record.duration_ms is None else record.duration_ms,
                    record.outcome,
                )
            )
    return len(records)
