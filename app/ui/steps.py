"""The Steps tab: the workflow of the chosen case's kind, step by step.

At the left the steps of the kind (see `app.review.steps`) with a mark for each done one and a
line on what is left; at the right the chosen step's page. A bankruptcy goes through key
dates, review windows, close parties, and assets and claims; an estate through the estate
picture, the heirs, the form of settlement and the deadline; a guardianship control through
the fetch, the guardian's account and the control, and the outcome. Every kind ends with the
report, which carries everything recorded here.

The tab reads the case when it is shown (not while it is hidden), on the GUI thread: the
reads are local queries. What a page records is written at once; the tab then reads again as
much as the page asks for.
"""

from __future__ import annotations

import inspect
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.bankruptcy import ReviewWindow
from app.domain.clock import Clock
from app.domain.services import Service
from app.review import steps as review_steps
from app.review.steps import STEP_NAMES, Step, StepState
from app.store.cases import load_case
from app.store.db import Database
from app.ui.bankruptcy_steps import AssetsPage, ClosePartiesPage, KeyDatesPage, WindowsPage
from app.ui.estate_steps import DeadlinePage, HeirsPage, PicturePage, SettlementPage
from app.ui.labels import service_label
from app.ui.step_common import (
    CASE,
    DONE_MARK,
    LEFT_MARK,
    RELOAD,
    STEPS,
    StepContext,
    StepPage,
    fill,
    note_label,
    state_text,
)

log = logging.getLogger(__name__)

STEP_ROLE = Qt.ItemDataRole.UserRole + 1


def step_name(step: Step) -> str:
    return QCoreApplication.translate("steps", STEP_NAMES[step])


class ReportPage(StepPage):
    """The last step of every kind: what is done and left, and the button that writes it."""

    report_requested = Signal()

    def __init__(self, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._states: list[StepState] = []
        self.intro = note_label(self)
        self.summary = note_label(self)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.report_requested)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.summary)
        self.layout_.addLayout(row)
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Report"))
        self.intro.setText(
            self.tr(
                "The PDF report of the case carries everything recorded in these steps in its "
                "decisions chapter, with who recorded it and when. You can write it at any "
                "time; steps still open are reported as open."
            )
        )
        self.button.setText(self.tr("&Write report…"))
        self._show()

    def show_work(self, work: Any) -> None:
        """The report page shows the states, not the data: see `show_states`."""

    def show_states(self, states: list[StepState]) -> None:
        self._states = states
        self._show()

    def _show(self) -> None:
        lines = [
            f"{DONE_MARK if state.done else LEFT_MARK} <b>{step_name(state.step)}</b> — "
            f"{state_text(state)}"
            for state in self._states
            if state.step is not Step.REPORT
        ]
        self.summary.setText("<br>".join(lines))


class FetchPage(StepPage):
    """The first step of a guardianship control: fetch the ward's accounts for the year."""

    fetch_requested = Signal()

    def __init__(self, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._state: StepState | None = None
        self.intro = note_label(self)
        self.status = note_label(self)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.fetch_requested)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.status)
        self.layout_.addLayout(row)
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Fetch"))
        self.intro.setText(
            self.tr(
                "Fetch the ward's accounts and transactions for the year controlled from the "
                "banks. The progress shows at the bottom of the window."
            )
        )
        self.button.setText(self.tr("&Fetch from the banks"))
        self._show()

    def show_work(self, work: Any) -> None:
        """The fetch page shows its step's state: see `show_state`."""

    def show_state(self, state: StepState | None) -> None:
        self._state = state
        self._show()

    def _show(self) -> None:
        self.status.setText(state_text(self._state) if self._state else "")


class GuardianshipHost(QWidget):
    """Holds the guardianship control's own panel for the chosen case.

    The panel (`app.ui.guardianship.GuardianshipPanel`) is built by another part of the
    application, one per case; it is looked up when a guardianship case is shown and given
    what it asks for by name (db, case_id, user, clock, parent). Without it this version
    says so.
    """

    recorded = Signal()
    """The panel saved the guardian's account or recorded an outcome."""

    def __init__(self, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.panel: QWidget | None = None
        self._case_id: int | None = None
        self.missing = note_label(self)
        self.missing.hide()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.missing)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.missing.setText(
            self.tr("The guardianship control is not part of this version of Boinnsyn yet.")
        )
        retranslate = getattr(self.panel, "retranslate_ui", None)
        if callable(retranslate):
            retranslate()

    def show_case(self, case_id: int) -> None:
        """Show the control of a case: the same panel read again, or a new one."""
        if self.panel is not None and case_id == self._case_id:
            reload = getattr(self.panel, "reload", None)
            if callable(reload):
                reload()
            return
        if self.panel is not None:
            self.layout_.removeWidget(self.panel)
            self.panel.deleteLater()
            self.panel = None
        self._case_id = case_id
        self.panel = self._build(case_id)
        self.missing.setVisible(self.panel is None)
        if self.panel is not None:
            self.layout_.addWidget(self.panel, 1)

    def _build(self, case_id: int) -> QWidget | None:
        try:
            from app.ui.guardianship import GuardianshipPanel
        except ImportError:
            return None
        offered: dict[str, Any] = {
            "db": self.context.db,
            "case_id": case_id,
            "user": self.context.user,
            "clock": self.context.clock,
            "parent": self,
        }
        wanted = inspect.signature(GuardianshipPanel).parameters
        try:
            panel = GuardianshipPanel(**{k: v for k, v in offered.items() if k in wanted})
        except TypeError as error:
            log.warning("case %d: the guardianship panel could not be built: %s", case_id, error)
            return None
        for name in ("report_saved", "outcome_recorded", "changed"):
            signal = getattr(panel, name, None)
            if signal is not None and hasattr(signal, "connect"):
                signal.connect(lambda *_: self.recorded.emit())
        return panel


class StepsWidget(QWidget):
    """The steps of the chosen case's kind, and the page of the chosen step."""

    report_requested = Signal()
    fetch_requested = Signal()
    case_edited = Signal(int)
    """The case's own facts changed (key dates): the case list and overview must follow."""
    recorded = Signal(int)
    """Something was recorded for the case (a decision, a heir, an assessment)."""

    def __init__(
        self, db: Database, user: str, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = StepContext(db, user, clock)
        self._case_id: int | None = None
        self._service: Service | None = None
        self._stale = False
        self.work: Any = None
        self.states: list[StepState] = []

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.step_list = QListWidget(self)
        self.step_list.setObjectName("stepList")
        self.step_list.setWordWrap(True)
        self.step_list.setSpacing(2)
        self.step_list.currentItemChanged.connect(self._step_chosen)
        self.pages = QStackedWidget(self)
        self.empty = note_label(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.pages.addWidget(self.empty)

        self.page_of: dict[Service, dict[Step, StepPage | QWidget]] = {}
        self._build_pages()

        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.step_list, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([260, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        QWidget.setTabOrder(self.step_list, self.pages)
        self.retranslate_ui()

    # Building ----------------------------------------------------------------------------

    def _build_pages(self) -> None:
        context = self.context
        self.key_dates = KeyDatesPage(context, self)
        self.windows = WindowsPage(context, self)
        self.close_parties = ClosePartiesPage(context, self)
        self.assets = AssetsPage(context, self)
        self.picture = PicturePage(context, self)
        self.heirs = HeirsPage(context, self)
        self.settlement = SettlementPage(context, self)
        self.deadline = DeadlinePage(context, self)
        self.report = ReportPage(context, self)
        self.fetch_page = FetchPage(context, self)
        self.guardianship = GuardianshipHost(context, self)
        self.page_of = {
            Service.BANKRUPTCY: {
                Step.KEY_DATES: self.key_dates,
                Step.WINDOWS: self.windows,
                Step.CLOSE_PARTIES: self.close_parties,
                Step.ASSETS: self.assets,
                Step.REPORT: self.report,
            },
            Service.ESTATE: {
                Step.PICTURE: self.picture,
                Step.HEIRS: self.heirs,
                Step.SETTLEMENT: self.settlement,
                Step.DEADLINE: self.deadline,
                Step.REPORT: self.report,
            },
            Service.GUARDIANSHIP: {
                Step.FETCH: self.fetch_page,
                Step.CONTROL: self.guardianship,
                Step.OUTCOME: self.guardianship,
                Step.REPORT: self.report,
            },
        }
        for page in dict.fromkeys(p for pages in self.page_of.values() for p in pages.values()):
            self.pages.addWidget(page)
            if isinstance(page, StepPage):
                page.changed.connect(self._page_changed)
        self.guardianship.recorded.connect(lambda: self._page_changed(STEPS))
        self.report.report_requested.connect(self.report_requested)
        self.fetch_page.fetch_requested.connect(self.fetch_requested)
        self.picture.fetch_requested.connect(self.fetch_requested)
        self.close_parties.window_requested.connect(self.show_window)

    # Language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.empty.setText(self.tr("Choose a case to see the steps of its kind."))
        for page in dict.fromkeys(p for pages in self.page_of.values() for p in pages.values()):
            retranslate = getattr(page, "retranslate_ui", None)
            if callable(retranslate):
                retranslate()
        self._show_states()

    # The case ----------------------------------------------------------------------------

    @property
    def case_id(self) -> int | None:
        return self._case_id

    @property
    def service(self) -> Service | None:
        return self._service

    def set_case(self, case_id: int | None) -> None:
        """Show another case; it is read now if the tab is visible, else when it is shown."""
        self._case_id = case_id
        self._service = None
        if case_id is not None:
            with self.context.db.session() as session:
                self._service = Service(load_case(session, case_id).service)
        self.work = None
        self.states = []
        self._stale = True
        if self.isVisible():
            self.reload()
        else:
            self._show_states()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Read the case's data and lay every page of its kind out again."""
        self._stale = False
        case_id, service = self._case_id, self._service
        if case_id is None or service is None:
            self.work = None
            self.states = []
            self._show_states()
            return
        today = self.context.clock.today()
        if service is Service.BANKRUPTCY:
            self.work = review_steps.load_bankruptcy(self.context.db, case_id, today)
        elif service is Service.ESTATE:
            self.work = review_steps.load_estate(self.context.db, case_id, today)
        else:
            self.work = None
            self.guardianship.show_case(case_id)
        if self.work is not None:
            for page in self.page_of[service].values():
                if isinstance(page, StepPage) and page is not self.report:
                    page.show_work(self.work)
        self.refresh_states()

    def refresh_states(self) -> None:
        """Judge the steps again from the data held (after a page updated it)."""
        case_id, service, work = self._case_id, self._service, self.work
        if case_id is None or service is None:
            self.states = []
        elif service is Service.BANKRUPTCY:
            self.states = review_steps.bankruptcy_steps(work)
        elif service is Service.ESTATE:
            self.states = review_steps.estate_steps(work)
        else:
            self.states = review_steps.guardianship_steps(self.context.db, case_id)
        self.report.show_states(self.states)
        fetch = next((s for s in self.states if s.step is Step.FETCH), None)
        self.fetch_page.show_state(fetch)
        self._show_states()

    def _page_changed(self, scope: str) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        if scope in (RELOAD, CASE):
            self.reload()
        else:
            self.refresh_states()
        if scope == CASE:
            self.case_edited.emit(case_id)
        self.recorded.emit(case_id)

    # The step list -----------------------------------------------------------------------

    def state(self, step: Step) -> StepState | None:
        return next((state for state in self.states if state.step is step), None)

    def _show_states(self) -> None:
        current = self.current_step()
        self.step_list.blockSignals(True)
        self.step_list.clear()
        service = self._service
        if self._case_id is None or service is None:
            self.heading.setText(self.tr("No case chosen"))
            self.pages.setCurrentWidget(self.empty)
            self.step_list.blockSignals(False)
            return
        states = {state.step: state for state in self.states}
        for step in review_steps.KIND_STEPS[service]:
            state = states.get(step)
            mark = DONE_MARK if state and state.done else LEFT_MARK
            item = QListWidgetItem(f"{mark}  {step_name(step)}")
            detail = state_text(state) if state else ""
            item.setToolTip(detail)
            item.setData(STEP_ROLE, step)
            done_word = self.tr("done") if state and state.done else self.tr("left")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{step_name(step)}, {done_word}")
            if detail:
                item.setText(f"{item.text()}\n      {detail}")
            self.step_list.addItem(item)
        # every step listed is counted, the report too, so the count matches the ticks
        done = sum(1 for state in self.states if state.done)
        total = len(review_steps.KIND_STEPS[service])
        self.heading.setText(
            f"<b>{service_label(service, short=True)}</b> — "
            + fill(self.tr("%1 of %2 steps done"), str(done), str(total))
        )
        self.step_list.blockSignals(False)
        steps = review_steps.KIND_STEPS[service]
        self.show_step(current if current in steps else steps[0])

    def current_step(self) -> Step | None:
        item = self.step_list.currentItem()
        return item.data(STEP_ROLE) if item is not None else None

    def show_step(self, step: Step) -> None:
        """Choose a step of the current case's kind and show its page."""
        service = self._service
        if service is None or step not in self.page_of[service]:
            return
        for row in range(self.step_list.count()):
            if self.step_list.item(row).data(STEP_ROLE) == step:
                self.step_list.blockSignals(True)
                self.step_list.setCurrentRow(row)
                self.step_list.blockSignals(False)
        self.pages.setCurrentWidget(self.page_of[service][step])

    def page(self, step: Step) -> Any:
        """The page of a step of the current kind (for the window and for tests)."""
        assert self._service is not None
        return self.page_of[self._service][step]

    def _step_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.show_step(current.data(STEP_ROLE))

    def show_window(self, window: ReviewWindow) -> None:
        self.show_step(Step.WINDOWS)
        self.windows.choose_window(window)
