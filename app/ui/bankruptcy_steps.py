"""The trustee's steps in a bankruptcy: key dates, review windows, close parties, and assets
and claims.

Each page lays out one part of a `BankruptcyWork` (see `app.review.steps`) and records what
the trustee decides through `app.store.workflow`: new key dates (checked by the domain, the
refused field named), an assessment with a note per transaction and window, the persons and
companies close to the debtor, and per account the amount secured and a remark.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.bankruptcy import (
    ASSESSMENT_NAMES,
    WINDOW_NAMES,
    WINDOW_OUTSIDE,
    WINDOW_RULES,
    Assessment,
    KeyDates,
    ReviewWindow,
    checked_key_dates,
)
from app.domain.cases import FIELD_CUTOFF_DATE, FIELD_RULING_DATE
from app.domain.errors import InvalidInput
from app.domain.periods import Period
from app.domain.services import Service, profile
from app.domain.text import QT_TRANSLATE_NOOP
from app.review.flags import refresh_flags
from app.review.positions import AccountPosition, currencies, totals
from app.review.steps import BankruptcyWork
from app.store import workflow
from app.store.models import AccountAssessment, WindowAssessment
from app.store.workflow import TransactionLine
from app.ui.formatting import (
    DATE_FORMAT,
    account_number,
    format_count,
    format_date,
    format_minor,
    parse_amount,
)
from app.ui.labels import ACCOUNT_TYPE, input_error
from app.ui.step_common import (
    CASE,
    RELOAD,
    RIGHT,
    STEPS,
    WARNING_STYLE,
    StepContext,
    StepPage,
    cell,
    error_label,
    fill,
    fill_table,
    make_table,
    moment,
    note_label,
    show_error,
)

ModelIndex = QModelIndex | QPersistentModelIndex
EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.SelectedClicked
)


def window_name(window: ReviewWindow) -> str:
    return QCoreApplication.translate("bankruptcy", WINDOW_NAMES[window])


def assessment_name(code: str | None) -> str:
    if not code:
        return ""
    return QCoreApplication.translate("bankruptcy", ASSESSMENT_NAMES[Assessment(code)])


def _date_edit(parent: QWidget, today: date) -> QDateEdit:
    field = QDateEdit(parent)
    field.setDisplayFormat(DATE_FORMAT)
    field.setCalendarPopup(True)
    field.setMaximumDate(QDate(today.year + 1, 12, 31))
    field.setMaximumWidth(160)
    return field


def _to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def counterparty(line: TransactionLine) -> str:
    return line.counterparty_name or line.merchant or account_number(line.counterparty_account)


def line_text(line: TransactionLine) -> str:
    return line.message or line.code_text or ""


# -- key dates -------------------------------------------------------------------------------


class KeyDatesPage(StepPage):
    """The ruling date and the cut-off date, with the windows and fetch period they give."""

    def __init__(self, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._work: BankruptcyWork | None = None
        today = context.clock.today()
        self.intro = note_label(self)
        self.ruling_label = QLabel(self)
        self.ruling_date = _date_edit(self, today)
        self.ruling_label.setBuddy(self.ruling_date)
        self.ruling_error = error_label(self)
        self.cutoff_known = QCheckBox(self)
        self.cutoff_date = _date_edit(self, today)
        self.cutoff_error = error_label(self)
        self.save_button = QPushButton(self)
        self.saved = note_label(self)

        self.windows_title = QLabel(self)
        self.windows = make_table(self)
        self.stand_in = note_label(self, WARNING_STYLE)
        self.period = note_label(self)
        self.period_warning = note_label(self, WARNING_STYLE)

        ruling_column = QVBoxLayout()
        ruling_column.addWidget(self.ruling_date)
        ruling_column.addWidget(self.ruling_error)
        cutoff_column = QVBoxLayout()
        cutoff_column.addWidget(self.cutoff_date)
        cutoff_column.addWidget(self.cutoff_error)
        form = QFormLayout()
        form.addRow(self.ruling_label, ruling_column)
        form.addRow(self.cutoff_known, cutoff_column)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved, 1)
        self.windows.setMaximumHeight(self.windows.fontMetrics().height() * 9)

        layout = self.layout_
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.windows_title)
        layout.addWidget(self.windows)
        layout.addWidget(self.stand_in)
        layout.addWidget(self.period)
        layout.addWidget(self.period_warning)
        layout.addStretch(1)

        self.cutoff_known.toggled.connect(self.cutoff_date.setEnabled)
        for signal in (
            self.ruling_date.dateChanged,
            self.cutoff_date.dateChanged,
            self.cutoff_known.toggled,
        ):
            signal.connect(self._preview)
        self.save_button.clicked.connect(self.save)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Key dates"))
        self.intro.setText(
            self.tr(
                "The ruling date opens the bankruptcy. The cut-off date (fristdag) is the day "
                "the petition reached the court; the windows for reversing payments count back "
                "from it."
            )
        )
        self.ruling_label.setText(QCoreApplication.translate("fields", FIELD_RULING_DATE) + ":")
        self.cutoff_known.setText(self.tr("C&ut-off date (fristdag):"))
        self.cutoff_known.setToolTip(self.tr("Tick when the cut-off date is known"))
        self.save_button.setText(self.tr("&Save key dates"))
        windows_title = self.tr("The review windows with these dates")
        self.windows_title.setText(f"<b>{windows_title}</b>")
        self._show_saved()
        self._preview()

    # Showing -----------------------------------------------------------------------------

    def show_work(self, work: BankruptcyWork) -> None:
        self._work = work
        self.case_id = work.case_id
        dates = work.review.key_dates
        for field in (self.ruling_date, self.cutoff_date, self.cutoff_known):
            field.blockSignals(True)
        self.ruling_date.setDate(_to_qdate(dates.ruling_date))
        self.cutoff_known.setChecked(dates.cutoff_date is not None)
        self.cutoff_date.setEnabled(dates.cutoff_date is not None)
        self.cutoff_date.setDate(_to_qdate(dates.cutoff_date or dates.ruling_date))
        for field in (self.ruling_date, self.cutoff_date, self.cutoff_known):
            field.blockSignals(False)
        show_error(self.ruling_error, None)
        show_error(self.cutoff_error, None)
        self._show_saved()
        self._preview()

    def entered(self) -> tuple[date, date | None]:
        ruling = _from_qdate(self.ruling_date.date())
        cutoff = _from_qdate(self.cutoff_date.date()) if self.cutoff_known.isChecked() else None
        return ruling, cutoff

    def _show_saved(self) -> None:
        work = self._work
        if work is None or work.key_dates_changed is None:
            self.saved.setText(self.tr("As entered when the case was created."))
            return
        changed = work.key_dates_changed
        self.saved.setText(
            fill(self.tr("Last changed by %1, %2"), changed.decided_by, moment(changed.decided_at))
        )

    def _fetched(self) -> Period | None:
        work = self._work
        return work.review.fetched if work is not None and work.fetched else None

    def _preview(self) -> None:
        """Show the windows and the fetch period the dates in the fields would give."""
        work = self._work
        if work is None:
            return
        today = self.context.clock.today()
        ruling, cutoff = self.entered()
        try:
            dates = checked_key_dates(ruling, cutoff, today)
        except InvalidInput:
            dates = None
        fetched = work.review.fetched
        rows = []
        for window in ReviewWindow:
            span = dates.window(window, fetched) if dates else None
            rows.append(
                [
                    cell(window_name(window)),
                    cell(format_date(span.start) if span else "–"),
                    cell(format_date(span.end) if span else "–"),
                ]
            )
        fill_table(self.windows, [self.tr("Window"), self.tr("From"), self.tr("To")], rows)
        self.stand_in.setVisible(dates is not None and dates.cutoff_missing)
        self.stand_in.setText(
            self.tr(
                "Without a cut-off date the ruling date stands in for it; the windows before "
                "the ruling date are counted from %1."
            ).replace("%1", format_date(ruling))
        )
        self._show_period(ruling, today)

    def _show_period(self, ruling: date, today: date) -> None:
        allowed = profile(Service.BANKRUPTCY).period(ruling, today)
        fetched = self._fetched()
        lines = [
            fill(
                self.tr(
                    "With this ruling date a fetch asks for %1–%2: twelve months before the "
                    "ruling date up to today. Changing the ruling date changes this period."
                ),
                format_date(allowed.start),
                format_date(allowed.end),
            )
        ]
        warning = ""
        if fetched is None:
            lines.append(self.tr("Not fetched yet."))
        else:
            lines.append(
                fill(
                    self.tr("Fetched so far: %1–%2."),
                    format_date(fetched.start),
                    format_date(fetched.end),
                )
            )
            if allowed.start < fetched.start:
                warning = fill(
                    self.tr(
                        "The stored transactions start %1. Fetch again (F5) to cover the "
                        "months from %2."
                    ),
                    format_date(fetched.start),
                    format_date(allowed.start),
                )
            elif allowed.start > fetched.start:
                warning = fill(
                    self.tr(
                        "Transactions stored from before %1 stay in the case, outside the "
                        "period a new fetch would ask for."
                    ),
                    format_date(allowed.start),
                )
        self.period.setText(" ".join(lines))
        self.period_warning.setText(warning)
        self.period_warning.setVisible(bool(warning))

    # Saving ------------------------------------------------------------------------------

    def error_text(self, error: InvalidInput) -> str:
        return input_error(error)

    def save(self) -> bool:
        """Store the dates in the fields; a broken rule is shown under the field it names."""
        work = self._work
        if work is None:
            return False
        show_error(self.ruling_error, None)
        show_error(self.cutoff_error, None)
        ruling, cutoff = self.entered()
        current: KeyDates = work.review.key_dates
        if (ruling, cutoff) == (current.ruling_date, current.cutoff_date):
            self.saved.setText(self.tr("Nothing to save: the dates are as stored."))
            return False
        try:
            with self.context.db.session() as session:
                workflow.set_key_dates(
                    session,
                    work.case_id,
                    ruling_date=ruling,
                    cutoff_date=cutoff,
                    today=self.context.clock.today(),
                    user=self.context.user,
                )
        except InvalidInput as error:
            label, field = (
                (self.cutoff_error, self.cutoff_date)
                if error.field == FIELD_CUTOFF_DATE
                else (self.ruling_error, self.ruling_date)
            )
            show_error(label, self.error_text(error))
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        refresh_flags(self.context.db, work.case_id)  # the rules read the key dates
        self.changed.emit(CASE)
        return True


# -- review windows --------------------------------------------------------------------------

WINDOW_HEADERS = (
    QT_TRANSLATE_NOOP("WindowTableModel", "Date"),
    QT_TRANSLATE_NOOP("WindowTableModel", "Account"),
    QT_TRANSLATE_NOOP("WindowTableModel", "Counterparty"),
    QT_TRANSLATE_NOOP("WindowTableModel", "Text"),
    QT_TRANSLATE_NOOP("WindowTableModel", "Amount"),
    QT_TRANSLATE_NOOP("WindowTableModel", "Assessment"),
    QT_TRANSLATE_NOOP("WindowTableModel", "Note"),
    QT_TRANSLATE_NOOP("WindowTableModel", "Assessed by"),
)
ASSESSMENT_COLUMN, NOTE_COLUMN = 5, 6

Writer = Callable[[list[TransactionLine], str | None, dict[int, str | None]], bool]
"""Records one assessment (None takes it back) and notes per transaction id."""


class WindowTableModel(QAbstractTableModel):
    """The transactions of one review window with the trustee's assessment and note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window = ReviewWindow.AFTER_RULING
        self.lines: list[TransactionLine] = []
        self._assessments: dict[tuple[int, str], WindowAssessment] = {}
        self.writer: Writer | None = None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(WINDOW_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(WINDOW_HEADERS[section])
        return None

    def show(
        self,
        window: ReviewWindow,
        lines: list[TransactionLine],
        assessments: dict[tuple[int, str], WindowAssessment],
    ) -> None:
        self.beginResetModel()
        self.window, self.lines, self._assessments = window, lines, assessments
        self.endResetModel()

    def update_assessments(self, assessments: dict[tuple[int, str], WindowAssessment]) -> None:
        self._assessments = assessments
        if self.lines:
            self.dataChanged.emit(
                self.index(0, ASSESSMENT_COLUMN), self.index(len(self.lines) - 1, 7)
            )

    def assessment(self, line: TransactionLine) -> WindowAssessment | None:
        return self._assessments.get((line.id, self.window.value))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, column = self.lines[index.row()], index.column()
        found = self.assessment(line)
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                format_date(line.booking_date),
                account_number(line.account_number),
                counterparty(line),
                line_text(line),
                format_minor(line.amount_minor),
                assessment_name(found.assessment) if found else "",
                (found.note or "") if found else "",
                found.assessed_by if found else "",
            )
            return values[column]
        if role == Qt.ItemDataRole.EditRole:
            if column == ASSESSMENT_COLUMN:
                return found.assessment if found else ""
            if column == NOTE_COLUMN:
                return (found.note or "") if found else ""
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == NOTE_COLUMN and found and found.note:
                return found.note
            if column in (2, 3):
                return " · ".join(filter(None, (counterparty(line), line_text(line))))
            if column == 7 and found:
                return moment(found.assessed_at)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(RIGHT)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in (ASSESSMENT_COLUMN, NOTE_COLUMN):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.writer is None:
            return False
        line = self.lines[index.row()]
        found = self.assessment(line)
        note = (found.note if found else None) or None
        if index.column() == ASSESSMENT_COLUMN:
            assessment = str(value or "") or None
            if assessment == (found.assessment if found else None):
                return False
        elif index.column() == NOTE_COLUMN:
            note = str(value or "").strip() or None
            if note == ((found.note or None) if found else None):
                return False
            # A note needs an assessment to hang on; "investigate" until the trustee decides.
            assessment = found.assessment if found else Assessment.INVESTIGATE.value
        else:
            return False
        return self.writer([line], assessment, {line.id: note})


class AssessmentDelegate(QStyledItemDelegate):
    """A drop-down of the assessments; the choice is stored as soon as it is made."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem("—", "")
        for assessment in Assessment:
            combo.addItem(assessment_name(assessment.value), assessment.value)
        combo.activated.connect(lambda _number: self._commit(combo))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractTableModel, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class WindowsPage(StepPage):
    """The four review windows: a summary to choose from, and the chosen window's list."""

    def __init__(self, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._work: BankruptcyWork | None = None
        self.window = ReviewWindow.AFTER_RULING
        self.summary = make_table(self, stretch_last=False)
        self.summary.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.summary.setMaximumHeight(self.summary.fontMetrics().height() * 9)
        self.summary.itemSelectionChanged.connect(self._summary_chosen)
        self.window_title = QLabel(self)
        self.window_title.setWordWrap(True)
        self.rule = note_label(self)
        self.stand_in = note_label(self, WARNING_STYLE)
        self.outside = note_label(self, WARNING_STYLE)
        self.model = WindowTableModel(self)
        self.model.writer = self.write
        self.table = QTableView(self)
        self.table.setObjectName("windowTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(EDIT_TRIGGERS)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.delegate = AssessmentDelegate(self.table)
        self.table.setItemDelegateForColumn(ASSESSMENT_COLUMN, self.delegate)
        for column, width in enumerate((80, 100, 190, 170, 100, 95, 200)):
            self.table.setColumnWidth(column, width)
        self.totals = note_label(self)

        self.buttons: dict[Assessment | None, QPushButton] = {}
        row = QHBoxLayout()
        self.buttons_label = QLabel(self)
        row.addWidget(self.buttons_label)
        for assessment in (*Assessment, None):
            button = QPushButton(self)
            button.clicked.connect(lambda _=False, a=assessment: self.assess_selected(a))
            self.buttons[assessment] = button
            row.addWidget(button)
        row.addStretch(1)

        layout = self.layout_
        layout.addWidget(self.summary)
        layout.addWidget(self.window_title)
        layout.addWidget(self.rule)
        layout.addWidget(self.stand_in)
        layout.addWidget(self.outside)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.totals)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Review windows"))
        self.buttons_label.setText(self.tr("Assess the chosen rows:"))
        texts = {
            Assessment.REVERSE: self.tr("Rever&se"),
            Assessment.ACCEPT: self.tr("&Accept"),
            Assessment.INVESTIGATE: self.tr("&Investigate"),
            None: self.tr("Clear assess&ment"),
        }
        for assessment, button in self.buttons.items():
            button.setText(texts[assessment])
        self.table.setToolTip(
            self.tr(
                "Double-click or press F2 on the assessment or the note to change it. A note "
                "on a transaction not yet assessed marks it Investigate."
            )
        )
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(WINDOW_HEADERS) - 1)
        self._show_summary()
        self._show_window()

    # Showing -----------------------------------------------------------------------------

    def show_work(self, work: BankruptcyWork) -> None:
        self._work = work
        self.case_id = work.case_id
        self._show_summary()
        self._show_window()

    def choose_window(self, window: ReviewWindow) -> None:
        self.window = window
        self.summary.selectRow(list(ReviewWindow).index(window))
        self._show_window()

    def _summary_chosen(self) -> None:
        rows = self.summary.selectionModel().selectedRows()
        if rows:
            window = list(ReviewWindow)[rows[0].row()]
            if window is not self.window:
                self.window = window
                self._show_window()

    def _counts(self, window: ReviewWindow) -> tuple[int, int]:
        assert self._work is not None
        return self._work.assessed((window,))

    def _show_summary(self) -> None:
        work = self._work
        if work is None:
            return
        rows = []
        for window in ReviewWindow:
            listing = work.review.windows[window]
            span = listing.period
            dates = f"{format_date(span.start)}–{format_date(span.end)}" if span else "–"
            assessed, listed = self._counts(window)
            rows.append(
                [
                    cell(window_name(window)),
                    cell(dates),
                    cell(str(len(listing.lines)), right=True),
                    cell(format_minor(listing.total_out), right=True),
                    cell(format_minor(listing.total_in), right=True),
                    cell(
                        fill(self.tr("%1 of %2"), format_count(assessed), format_count(listed)),
                        right=True,
                    ),
                ]
            )
        headers = [
            self.tr("Window"),
            self.tr("Dates"),
            self.tr("Transactions"),
            self.tr("Out"),
            self.tr("In"),
            self.tr("Assessed"),
        ]
        self.summary.blockSignals(True)
        fill_table(self.summary, headers, rows)
        self.summary.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary.selectRow(list(ReviewWindow).index(self.window))
        self.summary.blockSignals(False)

    def _show_window(self) -> None:
        work = self._work
        if work is None:
            self.model.show(self.window, [], {})
            return
        listing = work.review.windows[self.window]
        span = listing.period
        dates = (
            fill(self.tr("%1 to %2"), format_date(span.start), format_date(span.end))
            if span
            else self.tr("no dates inside the period fetched")
        )
        self.window_title.setText(f"<b>{window_name(self.window)}</b> · {dates}")
        self.rule.setText(QCoreApplication.translate("bankruptcy", WINDOW_RULES[self.window]))
        stand_in = work.review.key_dates.cutoff_missing and self.window in (
            ReviewWindow.EXTRAORDINARY,
            ReviewWindow.NO_CONSIDERATION,
        )
        self.stand_in.setVisible(stand_in)
        self.stand_in.setText(
            self.tr(
                "The cut-off date (fristdag) is missing, so the ruling date is used: the window "
                "may start a few days too late. Enter the cut-off date under Key dates."
            )
        )
        reach = listing.reach
        self.outside.setVisible(listing.reaches_outside and reach is not None)
        if listing.reaches_outside and reach is not None:
            self.outside.setText(
                fill(
                    QCoreApplication.translate("bankruptcy", WINDOW_OUTSIDE),
                    format_date(reach.start),
                    format_date(reach.end),
                )
            )
        self.model.show(self.window, listing.lines, work.review.assessments)
        self._show_totals()

    def _show_totals(self) -> None:
        work = self._work
        if work is None:
            self.totals.clear()
            return
        listing = work.review.windows[self.window]
        sums: dict[str | None, list[int]] = {}
        for line in listing.lines:
            found = self.model.assessment(line)
            entry = sums.setdefault(found.assessment if found else None, [0, 0])
            entry[0] += 1
            entry[1] += line.amount_minor
        parts = [
            fill(
                self.tr("Transactions: %1, out %2, in %3"),
                str(len(listing.lines)),
                format_minor(listing.total_out),
                format_minor(listing.total_in),
            )
        ]
        for code in (*(a.value for a in Assessment), None):
            if code in sums:
                count, amount = sums[code]
                name = assessment_name(code) if code else self.tr("Not assessed")
                parts.append(f"{name}: {format_minor(amount)} ({count})")
        self.totals.setText(" · ".join(parts))

    # Recording ---------------------------------------------------------------------------

    def selected_lines(self) -> list[TransactionLine]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.lines[row] for row in rows]

    def assess_selected(self, assessment: Assessment | None) -> bool:
        lines = self.selected_lines()
        if not lines:
            return False
        notes = {}
        for line in lines:
            found = self.model.assessment(line)
            notes[line.id] = found.note if found else None
        return self.write(lines, assessment.value if assessment else None, notes)

    def write(
        self, lines: list[TransactionLine], assessment: str | None, notes: dict[int, str | None]
    ) -> bool:
        """Store one assessment for the lines (None takes it back), then show the new sums."""
        work = self._work
        if work is None or not lines:
            return False
        window = self.window.value
        with self.context.db.session() as session:
            for line in lines:
                if assessment is None:
                    workflow.remove_assessment(session, work.case_id, line.id, window)
                else:
                    workflow.assess_transaction(
                        session,
                        work.case_id,
                        line.id,
                        window,
                        assessment,
                        user=self.context.user,
                        note=notes.get(line.id),
                    )
        with self.context.db.session() as session:
            work.review.assessments = workflow.window_assessments(session, work.case_id)
        self.model.update_assessments(work.review.assessments)
        self._show_totals()
        self._show_summary()
        self.changed.emit(STEPS)
        return True


# -- close parties ---------------------------------------------------------------------------


class ClosePartiesPage(StepPage):
    """Persons and companies close to the debtor, and the payments to them."""

    window_requested = Signal(object)
    """The review window to show (the close-party window)."""

    def __init__(self, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._work: BankruptcyWork | None = None
        self.intro = note_label(self)
        self.name_label = QLabel(self)
        self.name = QLineEdit(self)
        self.name_label.setBuddy(self.name)
        self.account_label = QLabel(self)
        self.account = QLineEdit(self)
        self.account_label.setBuddy(self.account)
        self.note_label = QLabel(self)
        self.note = QLineEdit(self)
        self.note_label.setBuddy(self.note)
        self.add_button = QPushButton(self)
        self.add_error = error_label(self)
        self.parties = make_table(self)
        self.remove_button = QPushButton(self)
        self.none_known = QCheckBox(self)
        self.listing_title = QLabel(self)
        self.listing_title.setWordWrap(True)
        self.listing = make_table(self)
        self.go_button = QPushButton(self)

        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow(self.account_label, self.account)
        form.addRow(self.note_label, self.note)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.add_error, 1)
        add_row.addStretch(0)
        remove_row = QHBoxLayout()
        remove_row.addWidget(self.remove_button)
        remove_row.addWidget(self.none_known)
        remove_row.addStretch(1)
        go_row = QHBoxLayout()
        go_row.addWidget(self.listing_title, 1)
        go_row.addWidget(self.go_button)

        top = QWidget(self)
        upper = QVBoxLayout(top)
        upper.setContentsMargins(0, 0, 0, 0)
        upper.addWidget(self.intro)
        upper.addLayout(form)
        upper.addLayout(add_row)
        upper.addWidget(self.parties, 1)
        upper.addLayout(remove_row)
        bottom = QWidget(self)
        lower = QVBoxLayout(bottom)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addLayout(go_row)
        lower.addWidget(self.listing, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(bottom)
        self.layout_.addWidget(split, 1)

        self.add_button.clicked.connect(self.add_current)
        self.name.returnPressed.connect(self.add_current)
        self.account.returnPressed.connect(self.add_current)
        self.note.returnPressed.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        self.none_known.clicked.connect(self._none_known_clicked)
        self.go_button.clicked.connect(lambda: self.window_requested.emit(ReviewWindow.CLOSE_PARTY))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Close parties"))
        self.intro.setText(
            self.tr(
                "Mark the persons and companies close to the debtor (nærstående): family, "
                "owners, companies they control. Payments to them in the whole period fetched "
                "are listed in the close-party window. A name matches when it is part of the "
                "counterparty's name; an account number matches its digits."
            )
        )
        self.name_label.setText(self.tr("Na&me:"))
        self.account_label.setText(self.tr("Account n&umber:"))
        self.note_label.setText(self.tr("No&te:"))
        self.name.setPlaceholderText(self.tr("e.g. the owner's name or a company"))
        self.account.setPlaceholderText(self.tr("11 digits; dots and spaces are allowed"))
        self.add_button.setText(self.tr("A&dd close party"))
        self.remove_button.setText(self.tr("Remove the chosen party"))
        self.none_known.setText(self.tr("No close parties &known"))
        self.none_known.setToolTip(
            self.tr("Record that you know of no close parties; the step then counts as done.")
        )
        self.go_button.setText(self.tr("Assess in the review &windows"))
        self._show()

    def show_work(self, work: BankruptcyWork) -> None:
        self._work = work
        self.case_id = work.case_id
        self._show()

    def _show(self) -> None:
        work = self._work
        if work is None:
            return
        rows = [
            [
                cell(party.name or ""),
                cell(account_number(party.account_number)),
                cell(party.note or "", tooltip=party.note),
                cell(party.recorded_by),
                cell(moment(party.recorded_at)),
            ]
            for party in work.review.close_parties
        ]
        headers = [
            self.tr("Name"),
            self.tr("Account number"),
            self.tr("Note"),
            self.tr("Recorded by"),
            self.tr("Recorded"),
        ]
        fill_table(self.parties, headers, rows)
        self.remove_button.setEnabled(bool(rows))
        self.none_known.setChecked(work.no_close_parties is not None)

        listing = work.review.windows[ReviewWindow.CLOSE_PARTY]
        self.listing_title.setText(
            "<b>"
            + fill(
                self.tr("Close-party window — transactions: %1, out: %2"),
                str(len(listing.lines)),
                format_minor(listing.total_out),
            )
            + "</b>"
        )
        assessments = work.review.assessments
        lines = [
            [
                cell(format_date(line.booking_date)),
                cell(account_number(line.account_number)),
                cell(counterparty(line)),
                cell(format_minor(line.amount_minor), right=True),
                cell(
                    assessment_name(found.assessment)
                    if (found := assessments.get((line.id, ReviewWindow.CLOSE_PARTY.value)))
                    else ""
                ),
            ]
            for line in listing.lines
        ]
        headers = [
            self.tr("Date"),
            self.tr("Account"),
            self.tr("Counterparty"),
            self.tr("Amount"),
            self.tr("Assessment"),
        ]
        fill_table(self.listing, headers, lines)

    def add_current(self) -> bool:
        """Add the party in the fields; refuse one without a name or a usable account number."""
        work = self._work
        if work is None:
            return False
        name = self.name.text().strip() or None
        account = self.account.text().strip() or None
        if account is not None and not account.replace(".", "").replace(" ", "").isdigit():
            show_error(self.add_error, self.tr("An account number has digits only."))
            self.account.setFocus()
            return False
        if name is None and account is None:
            show_error(self.add_error, self.tr("Give a name or an account number."))
            self.name.setFocus()
            return False
        show_error(self.add_error, None)
        with self.context.db.session() as session:
            workflow.add_close_party(
                session,
                work.case_id,
                user=self.context.user,
                name=name,
                account_number=account,
                note=self.note.text().strip() or None,
            )
        for field in (self.name, self.account, self.note):
            field.clear()
        self.name.setFocus()
        self.changed.emit(RELOAD)
        return True

    def remove_selected(self) -> bool:
        work = self._work
        rows = sorted({index.row() for index in self.parties.selectionModel().selectedRows()})
        if work is None or not rows:
            return False
        parties = work.review.close_parties
        with self.context.db.session() as session:
            for row in rows:
                workflow.remove_close_party(session, parties[row].id)
        self.changed.emit(RELOAD)
        return True

    def _none_known_clicked(self, checked: bool) -> None:
        self.set_none_known(checked)

    def set_none_known(self, none_known: bool) -> None:
        work = self._work
        if work is None:
            return
        with self.context.db.session() as session:
            workflow.record_decision(
                session,
                work.case_id,
                workflow.NO_CLOSE_PARTIES,
                "yes" if none_known else "no",
                user=self.context.user,
            )
        self.changed.emit(RELOAD)


# -- assets and claims -----------------------------------------------------------------------

ASSET_HEADERS = (
    QT_TRANSLATE_NOOP("AssetsModel", "Bank"),
    QT_TRANSLATE_NOOP("AssetsModel", "Account"),
    QT_TRANSLATE_NOOP("AssetsModel", "Type"),
    QT_TRANSLATE_NOOP("AssetsModel", "At the ruling date"),
    QT_TRANSLATE_NOOP("AssetsModel", "At the end of the period"),
    QT_TRANSLATE_NOOP("AssetsModel", "Secured"),
    QT_TRANSLATE_NOOP("AssetsModel", "Remarks"),
    QT_TRANSLATE_NOOP("AssetsModel", "Assessed by"),
)
SECURED_COLUMN, REMARKS_COLUMN = 5, 6


class AssetsModel(QAbstractTableModel):
    """Every account's balance at the ruling date and at the end, with the secured amount and
    the trustee's remarks, both editable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.positions: list[AccountPosition] = []
        self._assessments: dict[int, AccountAssessment] = {}
        self.writer: Callable[[AccountPosition, int, str], bool] | None = None
        """Stores a cell: the position, the column and the text typed."""

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.positions)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ASSET_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(ASSET_HEADERS[section])
        return None

    def show(
        self, positions: list[AccountPosition], assessments: dict[int, AccountAssessment]
    ) -> None:
        self.beginResetModel()
        self.positions, self._assessments = positions, assessments
        self.endResetModel()

    def assessment(self, position: AccountPosition) -> AccountAssessment | None:
        return self._assessments.get(position.account.account_id)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        position, column = self.positions[index.row()], index.column()
        account = position.account
        found = self.assessment(position)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            secured = found.secured_minor if found else None
            values = (
                account.bank_name,
                account_number(account.account_number),
                ACCOUNT_TYPE(account.type or "unknown"),
                format_minor(position.at_key_date) if position.at_key_date is not None else "–",
                format_minor(position.at_end) if position.at_end is not None else "–",
                format_minor(secured) if secured is not None else "",
                (found.remarks or "") if found else "",
                found.assessed_by if found else "",
            )
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 4, SECURED_COLUMN):
            return int(RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == REMARKS_COLUMN and found and found.remarks:
                return found.remarks
            if column == 7 and found:
                return moment(found.assessed_at)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in (SECURED_COLUMN, REMARKS_COLUMN):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.writer is None:
            return False
        if index.column() not in (SECURED_COLUMN, REMARKS_COLUMN):
            return False
        return self.writer(self.positions[index.row()], index.column(), str(value or ""))

    def refresh(self, assessments: dict[int, AccountAssessment]) -> None:
        self._assessments = assessments
        if self.positions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.positions) - 1, 7))


class AssetsPage(StepPage):
    """Assets and claims at the ruling date, ready for the report."""

    def __init__(self, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._work: BankruptcyWork | None = None
        self.intro = note_label(self)
        self.model = AssetsModel(self)
        self.model.writer = self.write_cell
        self.table = QTableView(self)
        self.table.setObjectName("assetsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(EDIT_TRIGGERS | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.error = error_label(self)
        self.totals = note_label(self)
        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.totals)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Assets and claims"))
        self.intro.setText(
            self.tr(
                "Each account's balance at the ruling date and at the end of the period "
                "fetched. Enter what you have secured for the estate and your remarks (double-"
                "click, F2 or just type); both go into the report."
            )
        )
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ASSET_HEADERS) - 1)
        # each column at least as wide as its title in the language shown
        header = self.table.horizontalHeader()
        for column, width in enumerate((130, 105, 125, 120, 130, 110, 260)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self._show_totals()

    def show_work(self, work: BankruptcyWork) -> None:
        self._work = work
        self.case_id = work.case_id
        self.model.show(work.positions, work.account_assessments)
        show_error(self.error, None)
        self._show_totals()

    def _show_totals(self) -> None:
        work = self._work
        if work is None:
            self.totals.clear()
            return
        secured_by_account = {
            account_id: item.secured_minor or 0
            for account_id, item in work.account_assessments.items()
        }
        lines = []
        # one line per currency: amounts in different currencies are never added together
        for code in currencies(work.positions):
            held = [p for p in work.positions if p.currency == code]
            assets_key, debts_key = totals(held, at_key_date=True)
            assets_end, debts_end = totals(held, at_key_date=False)
            secured = sum(secured_by_account.get(p.account.account_id, 0) for p in held)
            lines.append(
                fill(
                    self.tr(
                        "In %1 at the ruling date %2: assets %3, debts %4. At the end of the "
                        "period: assets %5, debts %6. Secured: %7."
                    ),
                    code,
                    format_date(work.review.key_dates.ruling_date),
                    format_minor(assets_key),
                    format_minor(-debts_key),
                    format_minor(assets_end),
                    format_minor(-debts_end),
                    format_minor(secured),
                )
            )
        self.totals.setText("\n".join(lines))

    def write_cell(self, position: AccountPosition, column: int, text: str) -> bool:
        """Store a secured amount or a remark; an amount that is not one is refused."""
        work = self._work
        if work is None:
            return False
        found = self.model.assessment(position)
        secured = found.secured_minor if found else None
        remarks = (found.remarks if found else None) or None
        if column == SECURED_COLUMN:
            try:
                secured = parse_amount(text)
            except ValueError:
                show_error(
                    self.error,
                    fill(
                        self.tr("Secured, account %1: “%2” is not an amount."),
                        account_number(position.account.account_number),
                        text,
                    ),
                )
                return False
        else:
            remarks = text.strip() or None
        show_error(self.error, None)
        with self.context.db.session() as session:
            workflow.assess_account(
                session,
                work.case_id,
                position.account.account_id,
                user=self.context.user,
                secured_minor=secured,
                remarks=remarks,
            )
        with self.context.db.session() as session:
            work.account_assessments = workflow.account_assessments(session, work.case_id)
        self.model.refresh(work.account_assessments)
        self._show_totals()
        self.changed.emit(STEPS)
        return True
