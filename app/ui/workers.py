"""Work that must not block the window: a fetch from the banks, and any other slow call.

Each worker runs in its own QThread and opens its own database sessions. It sends plain data
back through signals, which Qt queues to the GUI thread; models change only there.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from app.domain.errors import DomainError, InvalidInput
from app.harvest.events import HarvestEvent
from app.harvest.harvest import Harvest
from app.imports.errors import ImportFileError
from app.review.flags import refresh_flags
from app.runtime import Runtime
from app.ui.labels import input_error

log = logging.getLogger(__name__)


def failure_text(error: Exception, what: str) -> str:
    """How the window words work that failed, and the log line for it.

    A refusal the user can act on (a rule broken, a file that cannot be read, a file that
    cannot be written) is shown as its message and logged by its kind alone, without a
    traceback; anything else is a fault, logged in full and shown by its kind.
    """
    if isinstance(error, InvalidInput):
        log.warning("%s refused: %s", what, type(error).__name__)
        return input_error(error)
    if isinstance(error, DomainError | ImportFileError):
        log.warning("%s refused: %s", what, type(error).__name__)
        # TODO: The rules of file imports are worded in English only; the window shows them
        # as they are, under a translated lead.
        return str(error)
    if isinstance(error, OSError):
        log.warning("%s failed: %s", what, type(error).__name__)
        if error.strerror and error.filename:
            return f"{error.strerror}: {error.filename}"
        return error.strerror or str(error)
    log.exception("%s failed", what)
    return QCoreApplication.translate(
        "workers", "an unexpected error (%1); the log has the details"
    ).replace("%1", type(error).__name__)


class CallThread(QThread):
    """Runs one callable off the GUI thread and reports its result or its error."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, function: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._function = function

    def run(self) -> None:
        try:
            result = self._function()
        except Exception as error:  # the thread's last stop: report it instead of losing it
            self.failed.emit(failure_text(error, "background work"))
            return
        self.succeeded.emit(result)


class HarvestThread(QThread):
    """Fetches one case with `Harvest.run()`; progress events arrive as `progressed`. When the
    fetch ends, the rule flags are refreshed in the same thread, before `finished`.

    `cancel()` sets the harvest's threading.Event: running banks stop at their next step and
    what was stored stays stored.
    """

    progressed = Signal(object)
    failed = Signal(str)

    def __init__(
        self, runtime: Runtime, case_id: int, user: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self._runtime = runtime
        self._user = user
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _emit(self, event: HarvestEvent) -> None:
        self.progressed.emit(event)

    def run(self) -> None:
        try:
            connection = self._runtime.connection()
            harvest = Harvest(
                self._runtime.db,
                self.case_id,
                connection,
                user=self._user,
                on_event=self._emit,
                cancel=self._cancel,
            )
            harvest.run()
        except Exception as error:  # the thread's last stop: report it instead of losing it
            self.failed.emit(failure_text(error, f"case {self.case_id}: the fetch"))
            return
        self._refresh_flags()

    def _refresh_flags(self) -> None:
        """Run the rules over what is stored now, so the flags are there when the window looks;
        also after a cancelled or partial fetch, since what was stored stays stored."""
        try:
            found = refresh_flags(self._runtime.db, self.case_id)
        except Exception as error:  # the thread's last stop: report it instead of losing it
            self.failed.emit(failure_text(error, f"case {self.case_id}: the rule flags"))
            return
        log.info("case %d: %d rule flags after the fetch", self.case_id, found)
