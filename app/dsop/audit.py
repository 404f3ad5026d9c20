"""The audit record of one request that left the machine, and the sink that keeps it.

A record carries identifiers, the legal basis, the period and the outcome: enough for a bank
to find the request again and for the user to prove the legal ground. It never carries a
national id, a name or an amount.
"""

from __future__ import annotations

import threading
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Protocol

current_case: ContextVar[tuple[int | None, str | None]] = ContextVar(
    "current_case", default=(None, None)
)
"""The case and service a task is fetching for, so that every request made on their behalf,
token and directory requests included, is recorded against the case."""


@dataclass
class AuditEntry:
    environment: str
    endpoint: str
    user: str
    at: datetime = field(default_factory=lambda: datetime.now(UTC))
    method: str = "GET"
    case_id: int | None = None
    service: str | None = None
    bank_org_number: str | None = None
    correlation_id: str | None = None
    request_id: str | None = None
    legal_mandate: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    http_status: int | None = None
    response_status: str | None = None
    error_code: str | None = None
    item_count: int | None = None
    attempt: int = 1
    duration_ms: int | None = None
    outcome: str = "pending"


class AuditSink(Protocol):
    def record(self, entry: AuditEntry) -> None: ...


class MemoryAudit:
    """An audit sink that keeps records in a list; for tools that store nothing."""

    def __init__(self) -> None:
        self.entries: list[AuditEntry] = []

    def record(self, entry: AuditEntry) -> None:
        self.entries.append(entry)


class AuditBuffer:
    """Collects audit entries from the event loop until the one writer stores them."""

    def __init__(self) -> None:
        self.entries: list[AuditEntry] = []
        self._lock = threading.Lock()

    def record(self, entry: AuditEntry) -> None:
        with self._lock:
            self.entries.append(entry)

    def take(self) -> list[AuditEntry]:
        with self._lock:
            taken, self.entries = self.entries, []
        return taken
