"""The new-case dialog: all three kinds with valid and invalid input; errors name the field,
keep the dialog open with what was typed, and store nothing."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import person_id
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from ui_factory import FixedCase

from app.domain.cases import (
    FIELD_CUTOFF_DATE,
    FIELD_DEATH_DATE,
    FIELD_GUARDIAN,
    FIELD_YEAR,
    CaseFacts,
    new_guardianship,
)
from app.domain.cases import FIELD_SUBJECT as SUBJECT
from app.domain.clock import FixedClock
from app.domain.identifiers import PartyKind
from app.domain.services import Service
from app.store.cases import create_case
from app.store.db import Database
from app.store.models import Case
from app.ui.main_window import MainWindow
from app.ui.new_case import NewCaseDialog
from app.ui.translations import Translations

TODAY = date(2025, 6, 30)
WARD = person_id(date(1950, 4, 2), 234)
GUARDIAN = person_id(date(1975, 8, 9), 345)
DECEASED = person_id(date(1940, 1, 15), 456)
CHILD = person_id(date(2018, 3, 1), 567)  # died young: a date of death before birth is close


@pytest.fixture
def dialog(qtbot: QtBot) -> NewCaseDialog:
    dialog = NewCaseDialog("sandbox", clock=FixedClock.on(TODAY))
    qtbot.addWidget(dialog)
    return dialog


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(dialog: NewCaseDialog) -> date:
    return dialog.ruling_date.date().toPython()


def _cases(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count(Case.id))) or 0


def test_dates_are_shown_day_month_year(dialog: NewCaseDialog) -> None:
    dialog.ruling_date.setDate(QDate(2025, 3, 5))
    assert dialog.ruling_date.displayFormat() == "dd.MM.yyyy"
    assert dialog.ruling_date.text() == "05.03.2025"


def test_environment_is_shown(dialog: NewCaseDialog) -> None:
    assert dialog.environment.text() == "Sandbox (synthetic test data)"


def test_valid_bankruptcy_gives_facts(dialog: NewCaseDialog) -> None:
    dialog.set_service(Service.BANKRUPTCY)
    dialog.reference.setText("K-1")
    dialog.debtor_id.setText("999 000 010")
    dialog.debtor_name.setText("SYNTETISK BYGG AS")
    dialog.ruling_date.setDate(QDate(2025, 3, 15))
    dialog.cutoff_known.setChecked(True)
    dialog.cutoff_date.setDate(QDate(2025, 3, 12))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    facts = dialog.facts()
    assert facts is not None
    assert (facts.service, facts.subject_id, facts.subject_kind) == (
        Service.BANKRUPTCY, "999000010", PartyKind.ORGANISATION,
    )  # fmt: skip
    assert (facts.key_date, facts.cutoff_date) == (date(2025, 3, 15), date(2025, 3, 12))


def test_bankruptcy_without_known_cutoff_has_none(dialog: NewCaseDialog) -> None:
    dialog.reference.setText("K-2")
    dialog.debtor_id.setText(WARD)
    dialog.accept()
    facts = dialog.facts()
    assert facts is not None and facts.cutoff_date is None
    assert facts.subject_kind is PartyKind.PERSON


def test_the_cutoff_date_shows_the_ruling_date_until_it_is_known(dialog: NewCaseDialog) -> None:
    dialog.ruling_date.setDate(QDate(2025, 3, 20))
    assert dialog.cutoff_date.date().toPython() == date(2025, 3, 20)
    dialog.cutoff_known.setChecked(True)
    dialog.cutoff_date.setDate(QDate(2025, 3, 17))
    dialog.ruling_date.setDate(QDate(2025, 3, 21))  # a cut-off date typed stays as typed
    assert dialog.cutoff_date.date().toPython() == date(2025, 3, 17)


def test_valid_estate_gives_facts(dialog: NewCaseDialog) -> None:
    dialog.set_service(Service.ESTATE)
    dialog.reference.setText("D-1")
    dialog.deceased_id.setText(DECEASED)
    dialog.deceased_name.setText("Kari Nordmann")
    dialog.death_date.setDate(QDate(2025, 2, 1))
    dialog.accept()
    facts = dialog.facts()
    assert facts is not None
    assert (facts.service, facts.subject_id, facts.key_date, facts.subject_name) == (
        Service.ESTATE, DECEASED, date(2025, 2, 1), "Kari Nordmann",
    )  # fmt: skip


def test_valid_guardianship_gives_facts(dialog: NewCaseDialog) -> None:
    dialog.set_service(Service.GUARDIANSHIP)
    dialog.reference.setText("V-1")
    dialog.ward_id.setText(WARD)
    dialog.ward_name.setText("Ola Nordmann")
    dialog.guardian_id.setText(GUARDIAN)
    assert dialog.year.value() == 2024
    dialog.accept()
    facts = dialog.facts()
    assert facts is not None
    assert (facts.service, facts.subject_id, facts.guardian_id, facts.year) == (
        Service.GUARDIANSHIP, WARD, GUARDIAN, 2024,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("service", "fill", "field", "message"),
    [
        (Service.BANKRUPTCY, {"debtor_id": "12345"}, SUBJECT[Service.BANKRUPTCY],
         "Debtor's national id or organisation number: must be 9 digits (organisation number)"
         " or 11 digits (national id or D-number)"),
        (Service.BANKRUPTCY, {"debtor_id": "999000010", "cutoff": date(2025, 3, 20)},
         FIELD_CUTOFF_DATE, "Cut-off date (fristdag): cannot be after the ruling date"),
        (Service.ESTATE, {"deceased_id": CHILD, "death_date": date(2017, 6, 1)},
         FIELD_DEATH_DATE, "Date of death: cannot be before the birth date"),
        (Service.ESTATE, {"deceased_id": DECEASED[:-1] + "0"}, SUBJECT[Service.ESTATE],
         "Deceased's national id or D-number: the check digits do not match (mistyped?)"),
        (Service.GUARDIANSHIP, {"ward_id": WARD, "guardian_id": WARD}, FIELD_GUARDIAN,
         "Guardian's national id or D-number: must be another person than the ward"),
        (Service.GUARDIANSHIP, {"ward_id": WARD, "guardian_id": GUARDIAN, "year": 2023},
         FIELD_YEAR, "Year: must be the last calendar year, 2024; the control covers no other"),
    ],
)  # fmt: skip
def test_invalid_input_is_shown_under_its_field_and_keeps_the_dialog_open(
    dialog: NewCaseDialog, service: Service, fill: dict, field: str, message: str
) -> None:
    dialog.set_service(service)
    dialog.reference.setText("REF-1")
    dialog.ruling_date.setDate(QDate(2025, 3, 15))
    for name, value in fill.items():
        if name == "cutoff":
            dialog.cutoff_known.setChecked(True)
            dialog.cutoff_date.setDate(_qdate(value))
        elif name == "death_date":
            dialog.death_date.setDate(_qdate(value))
        elif name == "year":
            dialog.year.setValue(value)
        else:
            getattr(dialog, name).setText(value)

    dialog.accept()

    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.facts() is None
    assert dialog.visible_errors() == [message]
    assert not dialog.fields[service][field].error.isHidden()
    assert dialog.reference.text() == "REF-1"
    for name, value in fill.items():
        if isinstance(value, str):
            assert getattr(dialog, name).text() == value


def test_empty_reference_is_reported_on_the_reference(dialog: NewCaseDialog) -> None:
    dialog.debtor_id.setText("999000010")
    dialog.accept()
    assert dialog.visible_errors() == ["Case reference: must not be empty"]
    assert not dialog.reference_field.error.isHidden()


def test_a_corrected_input_clears_the_error(dialog: NewCaseDialog) -> None:
    dialog.reference.setText("K-9")
    dialog.debtor_id.setText("999000011")
    dialog.accept()
    assert dialog.visible_errors()
    dialog.debtor_id.setText("999000010")
    dialog.accept()
    assert dialog.visible_errors() == []
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_an_error_goes_as_soon_as_the_field_is_corrected(dialog: NewCaseDialog) -> None:
    dialog.reference.setText("K-9")
    dialog.debtor_id.setText("999000011")
    dialog.accept()
    assert dialog.visible_errors()
    dialog.debtor_id.setText("999000010")
    assert dialog.visible_errors() == []


def test_an_error_follows_the_field_while_it_is_still_wrong(dialog: NewCaseDialog) -> None:
    dialog.reference.setText("K-9")
    dialog.debtor_id.setText("999000011")
    dialog.accept()
    dialog.debtor_id.setText("12345")
    assert dialog.visible_errors() == [
        "Debtor's national id or organisation number: must be 9 digits (organisation number)"
        " or 11 digits (national id or D-number)"
    ]


def test_typing_shows_no_error_before_the_first_submit(dialog: NewCaseDialog) -> None:
    dialog.debtor_id.setText("999000011")
    assert dialog.visible_errors() == []


def test_a_corrected_cutoff_date_clears_its_error(dialog: NewCaseDialog) -> None:
    dialog.reference.setText("K-9")
    dialog.debtor_id.setText("999000010")
    dialog.ruling_date.setDate(QDate(2025, 3, 15))
    dialog.cutoff_known.setChecked(True)
    dialog.cutoff_date.setDate(QDate(2025, 3, 20))
    dialog.accept()
    assert dialog.visible_errors()
    dialog.cutoff_date.setDate(QDate(2025, 3, 12))
    assert dialog.visible_errors() == []


def test_errors_are_translated_to_norwegian(
    qtbot: QtBot, dialog: NewCaseDialog, translations: Translations
) -> None:
    translations.apply("nb")
    qtbot.waitUntil(lambda: dialog.create_button.text() == "&Opprett sak")
    dialog.set_service(Service.ESTATE)
    dialog.reference.setText("D-2")
    dialog.deceased_id.setText(CHILD)
    dialog.death_date.setDate(QDate(2017, 6, 1))
    dialog.accept()
    assert dialog.visible_errors() == ["Dødsdato: kan ikke være før fødselsdatoen"]
    dialog.death_date.setDate(QDate(2015, 6, 29))  # a day beyond the ten years
    dialog.accept()
    assert dialog.visible_errors() == [
        "Dødsdato: kan ikke være mer enn ti år tilbake (bankene har ikke eldre data)"
    ]


def test_window_stores_nothing_when_the_user_gives_up_after_an_error(
    window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def invalid_then_cancel(dialog: NewCaseDialog) -> int:
        dialog.reference.setText("K-3")
        dialog.debtor_id.setText("123")
        dialog.accept()
        assert dialog.visible_errors()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(NewCaseDialog, "exec", invalid_then_cancel)
    assert window.new_case() is None
    assert _cases(db) == 0


def test_window_stores_the_case_with_its_environment_once_valid(
    window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def invalid_then_valid(dialog: NewCaseDialog) -> int:
        dialog.set_service(Service.ESTATE)
        dialog.reference.setText("D-3")
        dialog.deceased_id.setText("1")
        dialog.accept()
        assert _cases(db) == 0
        dialog.deceased_id.setText(DECEASED)
        dialog.death_date.setDate(QDate(2025, 1, 5))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewCaseDialog, "exec", invalid_then_valid)
    case_id = window.new_case()
    assert case_id is not None
    with db.session() as session:
        case = session.get(Case, case_id)
        assert case is not None
        assert (case.reference, case.service, case.environment) == ("D-3", "estate", "sandbox")
    assert window.case_id == case_id


def test_window_keeps_the_dialog_open_with_what_was_typed_when_the_debtor_has_an_open_case(
    window: MainWindow, db: Database, fixed_case: FixedCase, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}

    def duplicate_then_another_debtor(dialog: NewCaseDialog) -> int:
        dialog.reference.setText("K-9")
        dialog.debtor_id.setText("999 000 010")  # the fixed case's debtor, still open
        dialog.ruling_date.setDate(QDate(2025, 3, 20))
        dialog.accept()
        seen["refused"] = (dialog.result(), dialog.case_id, _cases(db))
        seen["errors"] = dialog.visible_errors()
        seen["typed"] = (dialog.reference.text(), dialog.debtor_id.text(), _day(dialog))
        dialog.debtor_id.setText("999000193")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewCaseDialog, "exec", duplicate_then_another_debtor)
    case_id = window.new_case()

    assert seen["refused"] == (QDialog.DialogCode.Rejected, None, 1)
    assert seen["errors"] == [
        f"{SUBJECT[Service.BANKRUPTCY]}: case {fixed_case.case_id} (K-2025-001) is already "
        "open for this debtor; close it before creating another"
    ]
    assert seen["typed"] == ("K-9", "999 000 010", date(2025, 3, 20))
    assert case_id is not None and case_id != fixed_case.case_id
    assert window.case_id == case_id
    assert _cases(db) == 2


def norwegian_dialog_beside_v1(
    qtbot: QtBot, db: Database, translations: Translations
) -> NewCaseDialog:
    """The dialog in Norwegian, storing into `db`, which holds the control V-1 of WARD's 2024."""

    def store(facts: CaseFacts) -> int:
        return create_case(db, facts, environment="sandbox", user="tester")

    store(new_guardianship(
        reference="V-1", ward_id=WARD, guardian_id=GUARDIAN, year=2024, today=TODAY
    ))  # fmt: skip
    dialog = NewCaseDialog("sandbox", clock=FixedClock.on(TODAY), store=store)
    qtbot.addWidget(dialog)
    translations.apply("nb")
    qtbot.waitUntil(lambda: dialog.create_button.text() == "&Opprett sak")
    return dialog


def test_an_open_control_of_the_wards_year_is_named_in_norwegian(
    qtbot: QtBot, db: Database, translations: Translations
) -> None:
    dialog = norwegian_dialog_beside_v1(qtbot, db, translations)
    dialog.set_service(Service.GUARDIANSHIP)
    dialog.reference.setText("V-2")
    dialog.ward_id.setText(WARD)
    dialog.guardian_id.setText(DECEASED)  # another guardian: the ward's year is what counts
    dialog.accept()

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.visible_errors() == [
        "Vergehavers fødselsnummer eller D-nummer: sak 1 (V-1) er allerede åpen for denne "
        "vergehaveren og året 2024; avslutt den før du oppretter en ny"
    ]
    assert dialog.ward_id.text() == WARD
    assert _cases(db) == 1


def test_a_reference_taken_is_named_by_its_field_in_norwegian(
    qtbot: QtBot, db: Database, translations: Translations
) -> None:
    dialog = norwegian_dialog_beside_v1(qtbot, db, translations)
    dialog.set_service(Service.ESTATE)
    dialog.reference.setText("V-1")
    dialog.deceased_id.setText(DECEASED)
    dialog.accept()

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.visible_errors() == [
        "Saksreferanse: sak 1 har allerede denne referansen; velg en annen"
    ]
    assert dialog.reference.text() == "V-1"
