"""Every request the sandbox world received, so tests can count calls and prove that a
request never left the client. Holds no personal data: paths, codes and correlation ids only.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class RecordedRequest:
    time: str
    service: str
    bank_org: str | None
    path: str
    method: str
    status: int
    code: str | None
    correlation_id: str | None
    account_info_request_id: str | None
    endpoint: str | None
    client_id: str | None
    consumer_org: str | None


class RequestRecorder:
    """A thread-safe, bounded list of recorded requests."""

    def __init__(self, limit: int = 200_000) -> None:
        self._items: list[RecordedRequest] = []
        self._limit = limit
        self._lock = threading.Lock()

    def add(self, item: RecordedRequest) -> None:
        with self._lock:
            self._items.append(item)
            if len(self._items) > self._limit:
                del self._items[: len(self._items) - self._limit]

    def clear(self) -> int:
        with self._lock:
            count = len(self._items)
            self._items.clear()
            return count

    def as_json(self) -> list[dict[str, Any]]:
        with self._lock:
            return [asdict(item) for item in self._items]
