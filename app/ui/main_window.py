"""The main window: the case list at the left; the overview, the transactions, the balance
chart and the steps of the chosen case at the right; the fetch progress in a dock at the bottom.
An estate case shows its deadline for private settlement above the tabs.

The window owns no data of its own. It asks the store (on the GUI thread for quick reads, in a
worker for the overview and for fetches and reports) and lays out what comes back.
"""

from __future__ import annotations

import html
import json
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import config
from app.domain.clock import Clock, SystemClock, to_oslo
from app.domain.services import Service
from app.harvest.events import HarvestEvent, HarvestFinished
from app.review.flags import RULE_NAMES, reason_text
from app.review.steps import days_left_words, deadline_of
from app.runtime import Runtime
from app.store.browse import (
    MANUAL_RULE,
    CaseOverview,
    FlagView,
    NoteTarget,
    SortKey,
    case_overview,
    clear_flags,
    flags_of,
    set_manual_flag,
    transaction_statuses,
)
from app.store.cases import create_case
from app.ui import settings
from app.ui.accounts import AccountTree
from app.ui.case_list import CASE_ID_ROLE, CaseListModel
from app.ui.chart import BalanceChart
from app.ui.fetch_panel import FetchPanel
from app.ui.formatting import account_number, format_count, format_date, format_minor
from app.ui.labels import TRANSACTION_STATUS, service_label
from app.ui.new_case import NewCaseDialog
from app.ui.notes import NotesPanel
from app.ui.overview import OverviewWidget
from app.ui.step_common import WARNING_STYLE, fill
from app.ui.steps import StepsWidget
from app.ui.transactions import COLUMN_OF, FilterBar, TransactionTable, TransactionTableModel
from app.ui.translations import LANGUAGES, Translations
from app.ui.workers import CallThread, HarvestThread

log = logging.getLogger(__name__)

TAB_OVERVIEW, TAB_TRANSACTIONS, TAB_CHART, TAB_STEPS = range(4)


class MainWindow(QMainWindow):
    def __init__(
        self,
        runtime: Runtime,
        translations: Translations,
        user_settings: config.Settings,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.clock: Clock = clock or SystemClock()
        self.runtime = runtime
        self.db = runtime.db
        self.translations = translations
        self.user_settings = user_settings
        self.user = config.current_user()
        self._runtimes: dict[str, Runtime] = {runtime.environment_name: runtime}
        self._threads: set[Any] = set()
        self._harvest: HarvestThread | None = None
        self._case_id: int | None = None
        self._overview_generation = 0
        self._last_query_seconds = 0.0

        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._set_tab_order()
        self.retranslate_ui()
        self._restore_state()
        self.case_model.reload()
        self._update_actions()

    # Building ----------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.case_model = CaseListModel(self.db, self)
        self.case_view = QTableView(self)
        self.case_view.setObjectName("caseList")
        self.case_view.setModel(self.case_model)
        self.case_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.case_view.verticalHeader().hide()
        self.case_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.case_view.horizontalHeader().setSectionsMovable(True)
        self.case_view.horizontalHeader().setContextMenuPolicy(
            Qt.ContextMenuPolicy.CustomContextMenu
        )
        self.case_view.setAlternatingRowColors(True)
        metrics = self.case_view.fontMetrics()
        service_width = 16 + max(
            metrics.horizontalAdvance(service_label(service.value, short=True))
            for service in Service
        )  # "Vergekontroll" whole, in the language the window starts in
        for column, width in enumerate((105, max(75, service_width), 125, 50, 55, 90)):
            self.case_view.setColumnWidth(column, width)
        self.case_view.selectionModel().currentRowChanged.connect(self._case_row_changed)
        self.case_model.modelReset.connect(self._reselect_case)

        self.overview = OverviewWidget(self)
        self.case_notes = NotesPanel(self.db, self.user, self)
        self.overview_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.overview_split.addWidget(self.overview)
        self.overview_split.addWidget(self.case_notes)
        self.overview_split.setStretchFactor(0, 4)
        self.overview_split.setStretchFactor(1, 1)
        self.overview_split.setSizes([1000, 220])

        self.account_tree = AccountTree(self)
        self.account_tree.scope_changed.connect(self._scope_changed)
        self.filter_bar = FilterBar(self)
        self.filter_bar.changed.connect(self._filter_changed)
        self.filter_bar.text.returnPressed.connect(self.filter_bar.flush)
        self.transaction_model = TransactionTableModel(self.db, self)
        self.transaction_model.reloaded.connect(self._transactions_reloaded)
        self.transaction_view = TransactionTable(self)
        self.transaction_view.setModel(self.transaction_model)
        self.transaction_view.apply_default_widths()
        self.transaction_view.selectionModel().currentRowChanged.connect(self._transaction_changed)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.item_notes = NotesPanel(self.db, self.user, self)
        self.item_notes.note_added.connect(lambda *_: self.transaction_model.refresh_rows())

        self.details_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.details_split.addWidget(self.details)
        self.details_split.addWidget(self.item_notes)
        self.details_split.setSizes([420, 600])
        self.table_split = QSplitter(Qt.Orientation.Vertical, self)
        self.table_split.addWidget(self.transaction_view)
        self.table_split.addWidget(self.details_split)
        self.table_split.setStretchFactor(0, 4)
        self.table_split.setStretchFactor(1, 1)
        right = QWidget(self)
        stack = QVBoxLayout(right)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.filter_bar)
        stack.addWidget(self.table_split, 1)
        self.transactions_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.transactions_split.addWidget(self.account_tree)
        self.transactions_split.addWidget(right)
        self.transactions_split.setStretchFactor(1, 3)
        self.transactions_split.setSizes([490, 1000])

        self.chart = BalanceChart(self.db, self)
        self.steps = StepsWidget(self.db, self.user, self.clock, self)
        self.steps.report_requested.connect(lambda: self.write_report())
        self.steps.fetch_requested.connect(lambda: self.fetch())
        self.steps.case_edited.connect(self._case_edited)
        self.steps.recorded.connect(lambda _case_id: self._show_banner())

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.overview_split, "")
        self.tabs.addTab(self.transactions_split, "")
        self.tabs.addTab(self.chart, "")
        self.tabs.addTab(self.steps, "")
        self.banner = QLabel(self)
        self.banner.setObjectName("caseBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        case_pane = QWidget(self)
        pane = QVBoxLayout(case_pane)
        pane.setContentsMargins(0, 0, 0, 0)
        pane.addWidget(self.banner)
        pane.addWidget(self.tabs, 1)

        self.main_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_split.addWidget(self.case_view)
        self.main_split.addWidget(case_pane)
        self.main_split.setStretchFactor(1, 4)
        # the case list shows its three first columns
        shown = sum(self.case_view.columnWidth(column) for column in range(3)) + 24
        self.main_split.setSizes([shown, 1400 - shown])
        self.setCentralWidget(self.main_split)

        self.fetch_panel = FetchPanel(self)
        self.fetch_panel.cancel_requested.connect(self.cancel_fetch)
        self.fetch_dock = QDockWidget(self)
        self.fetch_dock.setObjectName("fetchDock")
        self.fetch_dock.setWidget(self.fetch_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.fetch_dock)
        self.fetch_dock.hide()

        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)

    def _action(self, shortcut: QKeySequence | str | None, slot: Any) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_case_action = self._action(QKeySequence(key.New), self.new_case)
        self.fetch_action = self._action("F5", self.fetch)
        self.cancel_action = self._action("Ctrl+.", self.cancel_fetch)
        self.report_action = self._action("Ctrl+E", self.write_report)
        self.import_action = self._action("Ctrl+I", self.import_file)
        self.letters_action = self._action(None, self.show_letters)
        self.audit_action = self._action(None, self.show_audit)
        self.export_action = self._action("Ctrl+Shift+E", self.export_transactions)
        self.quit_action = self._action(QKeySequence(key.Quit), self.close)
        self.find_action = self._action(QKeySequence(key.Find), self.focus_filter)
        self.flag_action = self._action("Ctrl+M", lambda: self.flag_transaction())
        self.clear_flag_action = self._action("Ctrl+Shift+M", self.clear_transaction_flags)
        self.note_action = self._action("Ctrl+Shift+N", self.focus_note)
        self.cases_action = self._action("Ctrl+L", self.case_view.setFocus)
        self.tab_actions = [
            self._action(f"Ctrl+{number + 1}", lambda _=False, n=number: self.show_tab(n))
            for number in range(4)
        ]
        self.fetch_dock_action = self.fetch_dock.toggleViewAction()
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == self.translations.language)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_actions[code] = action

        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.new_case_action, self.fetch_action, self.cancel_action, self.report_action,
        ):  # fmt: skip
            self.toolbar.addAction(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.case_menu = bar.addMenu("")
        for action in (self.new_case_action, self.fetch_action, self.cancel_action):
            self.case_menu.addAction(action)
        self.case_menu.addSeparator()
        for action in (self.import_action, self.letters_action, self.audit_action):
            self.case_menu.addAction(action)
        self.case_menu.addSeparator()
        self.case_menu.addAction(self.report_action)
        self.case_menu.addAction(self.export_action)
        self.case_menu.addSeparator()
        self.case_menu.addAction(self.quit_action)
        self.transaction_menu = bar.addMenu("")
        for action in (self.find_action, self.flag_action, self.clear_flag_action,
                       self.note_action):  # fmt: skip
            self.transaction_menu.addAction(action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.cases_action)
        for action in self.tab_actions:
            self.view_menu.addAction(action)
        self.view_menu.addAction(self.fetch_dock_action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.transaction_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.flag_action, self.clear_flag_action, self.note_action):
            self.transaction_view.addAction(action)

    def _set_tab_order(self) -> None:
        bar = self.filter_bar
        chain = [
            self.case_view, self.tabs, self.account_tree, bar.text, bar.amount_min,
            bar.amount_max, bar.date_from, bar.date_to, bar.direction, bar.status, bar.flagged,
            bar.clear_button, self.transaction_view, self.item_notes.editor,
            self.item_notes.add_button,
        ]  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # Language ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Boinnsyn — bank information for estates and guardianships"))
        self.new_case_action.setText(self.tr("&New case…"))
        self.fetch_action.setText(self.tr("&Fetch from the banks"))
        self.cancel_action.setText(self.tr("&Cancel fetch"))
        self.report_action.setText(self.tr("Write &report…"))
        self.import_action.setText(self.tr("&Import file…"))
        self.letters_action.setText(self.tr("Digital &letters…"))
        self.audit_action.setText(self.tr("Request lo&g…"))
        self.export_action.setText(self.tr("E&xport transactions…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.find_action.setText(self.tr("&Search transactions"))
        self.flag_action.setText(self.tr("&Flag transaction…"))
        self.clear_flag_action.setText(self.tr("C&lear flags"))
        self.note_action.setText(self.tr("Write a &note"))
        self.cases_action.setText(self.tr("Go to the &case list"))
        titles = (
            self.tr("&Overview"),
            self.tr("&Transactions"),
            self.tr("Balance c&hart"),
            self.tr("Ste&ps"),
        )
        for number, (action, title) in enumerate(zip(self.tab_actions, titles, strict=True)):
            action.setText(title)
            self.tabs.setTabText(number, title)
        self.fetch_dock.setWindowTitle(self.tr("Fetch progress"))
        self.fetch_dock_action.setText(self.tr("Fetch &progress"))
        self.toolbar.setWindowTitle(self.tr("Tools"))
        self.case_menu.setTitle(self.tr("&Case"))
        self.transaction_menu.setTitle(self.tr("T&ransaction"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.case_view.setToolTip(self.tr("Cases (Ctrl+L)"))
        self.case_model.retranslate()
        self.transaction_model.retranslate()
        for widget in (
            self.overview, self.case_notes, self.account_tree, self.filter_bar,
            self.item_notes, self.chart, self.fetch_panel, self.steps,
        ):  # fmt: skip
            widget.retranslate_ui()
        self.tabs.setTabToolTip(
            TAB_STEPS, self.tr("The steps of the case's kind: what is done and what is left")
        )
        self._show_details()
        self._show_count()
        self._show_banner()

    def set_language(self, language: str) -> None:
        """Switch the interface language now and remember the choice."""
        self.translations.apply(language)
        self.language_actions[self.translations.language].setChecked(True)
        self.user_settings.language = self.translations.language
        self.user_settings.save()

    # Cases -------------------------------------------------------------------------------

    @property
    def case_id(self) -> int | None:
        return self._case_id

    def new_case(self) -> int | None:
        """Ask for a new case and store it; a refusal of the store keeps the dialog open."""
        dialog = NewCaseDialog(self.user_settings.environment, self, store=self.store_new_case)
        if dialog.exec() != NewCaseDialog.DialogCode.Accepted:
            return None
        return dialog.case_id

    def store_new_case(self, facts: Any) -> int:
        case_id = create_case(
            self.db, facts, environment=self.user_settings.environment, user=self.user
        )
        log.info("case %d created", case_id)
        self.case_model.reload()
        self.select_case(case_id)
        return case_id

    def select_case(self, case_id: int) -> None:
        row = self.case_model.row_of(case_id)
        if row is None:
            return
        self.case_view.selectionModel().setCurrentIndex(
            self.case_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _reselect_case(self) -> None:
        if self._case_id is not None:
            row = self.case_model.row_of(self._case_id)
            if row is not None:
                self.case_view.selectRow(row)

    def _case_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        case_id = current.data(CASE_ID_ROLE) if current.isValid() else None
        if case_id != self._case_id:
            self.open_case(case_id)

    def open_case(self, case_id: int | None) -> None:
        """Show a case: its transactions at once, its overview when the worker has it."""
        self._case_id = case_id
        self.filter_bar.blockSignals(True)
        self.filter_bar.clear()
        self.filter_bar.blockSignals(False)
        self.filter_bar.set_statuses([])  # the case's own come with the overview
        self.transaction_model.set_case(case_id, self.filter_bar.value())
        row = self.case_model.case(case_id)
        reference = row.reference if row else ""
        self.case_notes.set_target(case_id, NoteTarget.CASE, None, reference)
        self._show_overview(None, loading=case_id is not None)
        self.load_overview()
        self._forget_fetch_of_other_case(case_id)
        self.steps.set_case(case_id)
        self._show_banner()
        self._update_actions()

    def _forget_fetch_of_other_case(self, case_id: int | None) -> None:
        """The progress of a finished fetch belongs to its case; a running one stays on view,
        since it can still be cancelled."""
        if self._harvest is None and self.fetch_panel.case_id != case_id:
            self.fetch_panel.clear()
            self.fetch_dock.hide()

    def _case_edited(self, case_id: int) -> None:
        """The Steps tab changed the case's own facts (key dates): show them everywhere."""
        self.case_model.reload()
        if case_id == self._case_id:
            self.load_overview()
            self.transaction_model.refresh_rows()
            self._show_details()

    def _show_banner(self) -> None:
        """An estate's deadline for private settlement, above every tab."""
        row = self.case_model.case(self._case_id)
        if row is None or row.service != Service.ESTATE.value:
            self.banner.hide()
            return
        deadline, settlement = deadline_of(self.db, row.id, self.clock.today())
        template, args = days_left_words(deadline)
        days = fill(QCoreApplication.translate("steps", template), *args)
        text = fill(
            self.tr("Deadline for taking the estate over to private settlement: %1 (%2)"),
            format_date(deadline.due),
            days,
        )
        if settlement is not None:
            text += " · " + self.tr("a form of settlement is recorded")
            self.banner.setStyleSheet("padding: 4px;")
        else:
            urgent = WARNING_STYLE if deadline.days_left <= 14 else ""
            self.banner.setStyleSheet(f"padding: 4px; font-weight: bold; {urgent}")
        self.banner.setText(text)
        self.banner.setToolTip(QCoreApplication.translate("estate", deadline.rule))
        self.banner.show()

    def load_overview(self) -> None:
        """Compute the overview of the current case in a worker; a newer request wins."""
        case_id = self._case_id
        if case_id is None:
            return
        self._overview_generation += 1
        generation = self._overview_generation
        stretches = self.transaction_model.stretches

        def compute() -> tuple[CaseOverview, list[str]]:
            # The distinct statuses read every row of the case: for half a million, longer
            # than the whole first screen may take, so they are found here and not in open_case.
            # Where the case's rows lie is found here too, ahead of the first filter.
            with self.db.session() as session:  # the worker's own session
                overview = case_overview(session, case_id)
                statuses = transaction_statuses(session, case_id)
                stretches.find(session, case_id)
                return overview, statuses

        worker = CallThread(compute, self)
        worker.succeeded.connect(lambda result: self._overview_ready(generation, *result))
        worker.failed.connect(lambda message: self.statusBar().showMessage(message, 10_000))
        self._start(worker)

    def _overview_ready(self, generation: int, overview: CaseOverview, statuses: list[str]) -> None:
        if generation == self._overview_generation and overview.case_id == self._case_id:
            self.filter_bar.set_statuses(statuses)
            self._show_overview(overview)

    def _show_overview(self, overview: CaseOverview | None, *, loading: bool = False) -> None:
        self.overview.show_overview(overview, loading=loading)
        self.account_tree.set_case(overview)
        self.chart.set_case(overview)

    def _start(self, thread: Any) -> None:
        self._threads.add(thread)
        thread.finished.connect(lambda: self._threads.discard(thread))
        thread.finished.connect(thread.deleteLater)
        thread.start()

    def wait_for_workers(self, milliseconds: int = 30_000) -> None:
        for thread in list(self._threads):
            thread.wait(milliseconds)

    # Transactions ------------------------------------------------------------------------

    def _scope_changed(self, kind: str, account_ids: tuple[int, ...]) -> None:
        self._filter_changed()
        if kind == "account" and account_ids:
            self.chart.show_account(account_ids[0])
        self._show_details()

    def _filter_changed(self) -> None:
        _kind, account_ids = self.account_tree.current_scope()
        self.transaction_model.set_filter(self.filter_bar.value(account_ids))

    def _transactions_reloaded(self, seconds: float) -> None:
        self._last_query_seconds = seconds
        self._show_count()
        self._show_details()

    def _show_count(self) -> None:
        shown = self.transaction_model.rowCount()
        row = self.case_model.case(self._case_id)
        total = row.transactions if row else 0
        text = self.tr("%1 of %2 transactions").replace("%1", format_count(shown))
        self.count_label.setText(text.replace("%2", format_count(total)))

    def selected_transaction(self) -> int | None:
        index = self.transaction_view.currentIndex()
        return self.transaction_model.transaction_id(index.row()) if index.isValid() else None

    def _transaction_changed(self, *_: object) -> None:
        self._show_details()

    def _show_details(self) -> None:
        transaction_id = self.selected_transaction()
        if transaction_id is None:
            self.details.setText(self.tr("Choose a transaction to see its details and flags."))
            kind, ids = self.account_tree.current_scope()
            if kind == "account" and self._case_id is not None:
                item = self.account_tree.currentItem()
                subject = item.text(0) if item else ""
                self.item_notes.set_target(self._case_id, NoteTarget.ACCOUNT, ids[0], subject)
            else:
                self.item_notes.set_target(None, NoteTarget.CASE, None, "")
            return
        row = self.transaction_model.transaction_at(self.transaction_view.currentIndex().row())
        if row is None:
            return
        with self.db.session() as session:
            flags = flags_of(session, transaction_id)
        lines = [
            f"<b>{format_date(row.booking_date)} · {format_minor(row.amount_minor)} "
            f"{html.escape(row.currency or '')}</b>",
            html.escape(row.counterparty or ""),
            html.escape(row.text or ""),
            self.tr("Reference: %1").replace("%1", html.escape(row.reference or "–")),
            self.tr("Account: %1").replace("%1", account_number(row.account_number)),
            self.tr("Status: %1").replace("%1", TRANSACTION_STATUS(row.status)),
        ]
        lines.extend(self._flag_line(flag) for flag in flags)
        self.details.setText("<br>".join(line for line in lines if line))
        subject = f"{format_date(row.booking_date)} {format_minor(row.amount_minor)}"
        self.item_notes.set_target(self._case_id, NoteTarget.TRANSACTION, row.id, subject)

    def _flag_line(self, flag: FlagView) -> str:
        def translate(text: str) -> str:
            return QCoreApplication.translate("flags", text)

        if flag.rule == MANUAL_RULE or not flag.params:
            reason = flag.reason
        else:
            reason = reason_text(flag.rule, json.loads(flag.params), translate)
        state = (
            self.tr("cleared by %1").replace("%1", flag.cleared_by or "")
            if flag.cleared_at else self.tr("active")
        )  # fmt: skip
        return html.escape(
            self.tr("Flag: %1 (%2) — %3, %4 %5")
            .replace("%1", translate(RULE_NAMES.get(flag.rule, flag.rule)))
            .replace("%2", state)
            .replace("%3", reason)
            .replace("%4", flag.created_by)
            .replace("%5", to_oslo(flag.created_at).strftime("%d.%m.%Y"))
        )

    def flag_transaction(self, reason: str | None = None) -> bool:
        """Flag the chosen transaction by hand, asking for the reason unless given."""
        transaction_id = self.selected_transaction()
        if transaction_id is None:
            return False
        if reason is None:
            dialog = QInputDialog(self)
            dialog.setWindowTitle(self.tr("Flag transaction"))
            dialog.setLabelText(self.tr("Why does this transaction need a look?"))
            dialog.setOkButtonText(self.tr("Flag"))
            dialog.setCancelButtonText(self.tr("Cancel"))
            if dialog.exec() != QInputDialog.DialogCode.Accepted:
                return False
            reason = dialog.textValue()
        with self.db.session() as session:
            set_manual_flag(session, transaction_id, user=self.user, reason=reason.strip() or "—")
        self.transaction_model.refresh_rows()
        self._show_details()
        return True

    def clear_transaction_flags(self) -> bool:
        transaction_id = self.selected_transaction()
        if transaction_id is None:
            return False
        with self.db.session() as session:
            clear_flags(session, transaction_id, user=self.user)
        self.transaction_model.refresh_rows()
        self._show_details()
        return True

    def focus_filter(self) -> None:
        self.show_tab(TAB_TRANSACTIONS)
        self.filter_bar.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.text.selectAll()

    def focus_note(self) -> None:
        if self.tabs.currentIndex() == TAB_OVERVIEW:
            self.case_notes.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.show_tab(TAB_TRANSACTIONS)
            self.item_notes.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_tab(self, number: int) -> None:
        self.tabs.setCurrentIndex(number)

    # Fetching ----------------------------------------------------------------------------

    def _runtime_for(self, environment: str) -> Runtime:
        runtime = self._runtimes.get(environment)
        if runtime is None:
            runtime = Runtime(environment_name=environment, database_url=self.db.url)
            self._runtimes[environment] = runtime
        return runtime

    @property
    def fetching(self) -> bool:
        return self._harvest is not None

    def fetch(self) -> HarvestThread | None:
        """Fetch the chosen case from the banks in a worker thread."""
        if self._case_id is None or self._harvest is not None:
            return None
        row = self.case_model.case(self._case_id)
        environment = row.environment if row else self.runtime.environment_name
        harvest = HarvestThread(self._runtime_for(environment), self._case_id, self.user, self)
        harvest.progressed.connect(self._harvest_event)
        harvest.failed.connect(self.fetch_panel.stopped)
        harvest.finished.connect(self._harvest_done)
        self._harvest = harvest
        self.fetch_panel.started(self._case_id)
        self.fetch_dock.show()
        self._update_actions()
        self._start(harvest)
        return harvest

    def cancel_fetch(self) -> None:
        if self._harvest is not None:
            self._harvest.cancel()
            self.statusBar().showMessage(self.tr("Cancelling the fetch…"), 5000)

    def _harvest_event(self, event: HarvestEvent) -> None:
        self.fetch_panel.apply(event)
        if isinstance(event, HarvestFinished):
            self.statusBar().showMessage(self.fetch_panel.summary.text(), 10_000)

    def _harvest_done(self) -> None:
        harvest, self._harvest = self._harvest, None
        self._update_actions()
        self.case_model.reload()
        if harvest is not None and harvest.case_id == self._case_id:
            self.open_case(self._case_id)

    # Reports -----------------------------------------------------------------------------

    def write_report(self, path: Path | None = None) -> CallThread | None:
        """Write the case's PDF report in a worker thread."""
        if self._case_id is None:
            return None
        try:
            from app.reports.case_report import write_case_report
        except ImportError:
            QMessageBox.information(
                self,
                self.tr("Report"),
                self.tr("Reports cannot be written by this version of Boinnsyn yet."),
            )
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Write report"), str(Path.home()), self.tr("PDF files (*.pdf)")
            )
            if not chosen:
                return None
            path = Path(chosen)
        case_id, db, language = self._case_id, self.db, self.translations.language
        worker = CallThread(lambda: write_case_report(db, case_id, path, language=language), self)
        worker.succeeded.connect(
            lambda _: self.statusBar().showMessage(
                self.tr("Report written to %1").replace("%1", str(path)), 10_000
            )
        )
        worker.failed.connect(
            lambda message: QMessageBox.warning(
                self, self.tr("Report"), self.tr("The report failed: %1").replace("%1", message)
            )
        )
        self.statusBar().showMessage(self.tr("Writing the report…"))
        self._start(worker)
        return worker

    def import_file(self) -> None:
        """Bring a statement file or a bank export into the case."""
        if self._case_id is None:
            return
        from app.ui.import_dialog import ImportDialog

        ImportDialog(self.db, self._case_id, self.user, self).exec()
        self._after_import()

    def show_letters(self) -> None:
        if self._case_id is None:
            return
        from app.ui.letters_dialog import LettersDialog

        LettersDialog(self.db, self._case_id, self.user, self.translations.language, self).exec()
        self._after_import()

    def show_audit(self) -> None:
        if self._case_id is None:
            return
        from app.ui.audit_dialog import AuditDialog

        AuditDialog(self.db, self._case_id, self).exec()

    def _after_import(self) -> None:
        from app.review.flags import refresh_flags

        if self._case_id is not None:
            refresh_flags(self.db, self._case_id)
            self.case_model.reload()  # the case list's counts are the status bar's total
            self.open_case(self._case_id)

    def export_transactions(self, path: Path | None = None) -> CallThread | None:
        """Write the case's transactions as XLSX or CSV in a worker thread."""
        if self._case_id is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export transactions"),
                str(Path.home()),
                self.tr("Spreadsheets (*.xlsx);;CSV files (*.csv)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        from app.reports import exports

        writer = (
            exports.export_transactions_csv
            if path.suffix.lower() == ".csv"
            else exports.export_transactions_xlsx
        )
        case_id, db, language = self._case_id, self.db, self.translations.language
        worker = CallThread(lambda: writer(db, case_id, path, language=language), self)
        worker.succeeded.connect(
            lambda _: self.statusBar().showMessage(
                self.tr("Exported to %1").replace("%1", str(path)), 10_000
            )
        )
        worker.failed.connect(lambda message: QMessageBox.warning(self, self.tr("Export"), message))
        self._start(worker)
        return worker

    # State -------------------------------------------------------------------------------

    def _update_actions(self) -> None:
        has_case = self._case_id is not None
        row = self.case_model.case(self._case_id) if has_case else None
        is_open = row is not None and row.status != "closed"  # a closed case is not changed
        self.fetch_action.setEnabled(is_open and self._harvest is None)
        self.cancel_action.setEnabled(self._harvest is not None)
        self.import_action.setEnabled(is_open)
        for action in (self.report_action, self.letters_action, self.export_action,
                       self.audit_action):  # fmt: skip
            action.setEnabled(has_case)

    def _splitters(self) -> dict[str, QSplitter]:
        return {
            "main": self.main_split,
            "overview": self.overview_split,
            "overviewTables": self.overview.splitter,
            "transactions": self.transactions_split,
            "table": self.table_split,
            "details": self.details_split,
            "steps": self.steps.splitter,
        }

    def _restore_state(self) -> None:
        stored = settings.qsettings()
        geometry = stored.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 860)
        state = stored.value("window/state")
        if state is not None:
            self.restoreState(state)
        for key, splitter in self._splitters().items():
            settings.restore_splitter(splitter, key)
        header = self.transaction_view.horizontalHeader()
        header.setSortIndicator(COLUMN_OF[SortKey.DATE], Qt.SortOrder.AscendingOrder)
        settings.restore_header(header, "transactions")
        settings.restore_header(self.case_view.horizontalHeader(), "cases")
        tab = stored.value("window/tab", TAB_OVERVIEW, type=int)
        self.tabs.setCurrentIndex(tab if isinstance(tab, int) else TAB_OVERVIEW)
        self.transaction_view.setSortingEnabled(True)

    def save_state(self) -> None:
        stored = settings.qsettings()
        stored.setValue("window/geometry", self.saveGeometry())
        stored.setValue("window/state", self.saveState())
        stored.setValue("window/tab", self.tabs.currentIndex())
        for key, splitter in self._splitters().items():
            settings.save_splitter(splitter, key)
        settings.save_header(self.transaction_view.horizontalHeader(), "transactions")
        settings.save_header(self.case_view.horizontalHeader(), "cases")
        stored.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self._harvest is not None:
            self._harvest.cancel()
        self.wait_for_workers()
        for runtime in self._runtimes.values():
            if runtime is not self.runtime:
                runtime.close()
        super().closeEvent(event)
