"""Digital letters to banks outside the API: which banks need one, and where each letter is.

A letter moves from drafted to sent to answered to imported, forward only: a step back is
refused, and recording a step the letter has already passed changes nothing. A sent letter whose
answer date has passed without an answer is shown as "reminder due"; that state is derived, not
stored. A closed case's letters stay as they were: none is drafted or moved on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.clock import oslo_day
from app.store.cases import ensure_open
from app.store.models import Bank, Letter

ANSWER_DAYS = 14
ORDER = ("drafted", "sent", "answered", "imported")
"""The stored states of a letter, in the only order it may move through them."""
NEEDS_LETTER = ("letter_needed",)
"""Bank statuses for which the case asks for a letter; a partial answer may get one too."""


class LetterNotFound(LookupError):
    def __init__(self, letter_id: int) -> None:
        super().__init__(f"no letter {letter_id}")


class LetterStateError(ValueError):
    """A letter was asked to move back to a state it has already passed."""

    def __init__(self, letter_id: int, current: str, wanted: str) -> None:
        super().__init__(
            f"letter {letter_id} is {current} already; it cannot go back to {wanted} "
            f"(letters move forward only: {', '.join(ORDER)})"
        )
        self.letter_id = letter_id
        self.current = current
        self.wanted = wanted


class LetterNotNeeded(ValueError):
    """A letter was asked of a bank that answered in full through its API."""

    def __init__(self, org_number: str) -> None:
        super().__init__(
            f"bank {org_number} answered in full through its API; a letter is for a bank "
            "outside the API or one whose answer was partial or failed"
        )


@dataclass(frozen=True)
class LetterRow:
    bank_id: int
    bank_name: str
    org_number: str
    bank_status: str
    letter_id: int | None
    status: str
    """none, drafted, sent, reminder_due, answered or imported."""
    sent_at: datetime | None
    due_on: date | None
    answered_at: datetime | None
    imported_at: datetime | None


def state(letter: Letter | None, today: date) -> str:
    if letter is None:
        return "none"
    if letter.status == "sent" and letter.due_on is not None and letter.due_on < today:
        return "reminder_due"
    return letter.status


def letter_rows(session: Session, case_id: int, today: date) -> list[LetterRow]:
    """Every bank that needs a letter or has one, with the letter's state."""
    rows = session.execute(
        select(Bank, Letter)
        .outerjoin(Letter, (Letter.bank_id == Bank.id) & (Letter.case_id == Bank.case_id))
        .where(Bank.case_id == case_id)
        .where((Bank.status.in_(NEEDS_LETTER)) | (Letter.id.is_not(None)))
        .order_by(Bank.name)
    ).all()
    return [
        LetterRow(
            bank_id=bank.id,
            bank_name=bank.name,
            org_number=bank.org_number,
            bank_status=bank.status,
            letter_id=letter.id if letter else None,
            status=state(letter, today),
            sent_at=letter.sent_at if letter else None,
            due_on=letter.due_on if letter else None,
            answered_at=letter.answered_at if letter else None,
            imported_at=letter.imported_at if letter else None,
        )
        for bank, letter in rows
    ]


def sent_dates(session: Session, case_id: int, bank_id: int) -> tuple[date, date | None] | None:
    """(the Norwegian day it was sent, the answer date given then) of the letter to a bank,
    or None while it is not sent."""
    row = session.execute(
        select(Letter.sent_at, Letter.due_on).where(
            Letter.case_id == case_id, Letter.bank_id == bank_id
        )
    ).first()
    if row is None or row.sent_at is None:
        return None
    return oslo_day(row.sent_at), row.due_on


def draft(session: Session, case_id: int, bank_id: int, *, user: str, now: datetime) -> int:
    """The letter to a bank, created as drafted the first time; its id either way."""
    existing = session.scalars(
        select(Letter).where(Letter.case_id == case_id, Letter.bank_id == bank_id)
    ).first()
    if existing is not None:
        return existing.id
    ensure_open(session, case_id)
    bank = session.get(Bank, bank_id)
    if bank is not None and bank.status == "complete":
        raise LetterNotNeeded(bank.org_number)
    letter = Letter(
        case_id=case_id, bank_id=bank_id, status="drafted", created_by=user, created_at=now
    )
    session.add(letter)
    session.flush()
    return letter.id


def _letter(session: Session, letter_id: int) -> Letter:
    letter = session.get(Letter, letter_id)
    if letter is None:
        raise LetterNotFound(letter_id)
    return letter


def goes_forward(status: str, wanted: str) -> bool:
    """Whether a letter in `status` (stored, or as `state` shows it) may still move to `wanted`.

    No letter yet ("none") may go anywhere; a reminder due is a sent letter.
    """
    stored = "sent" if status == "reminder_due" else status
    return stored not in ORDER or ORDER.index(stored) < ORDER.index(wanted)


def _moving_to(session: Session, letter_id: int, wanted: str) -> Letter | None:
    """The letter when `wanted` is a step forward; None when it is in that state already."""
    letter = _letter(session, letter_id)
    if letter.status == wanted:
        return None
    if not goes_forward(letter.status, wanted):
        raise LetterStateError(letter_id, letter.status, wanted)
    ensure_open(session, letter.case_id)
    return letter


def mark_sent(
    session: Session, letter_id: int, *, now: datetime, answer_days: int = ANSWER_DAYS
) -> None:
    """Record that the letter was sent; its answer is due `answer_days` later."""
    letter = _moving_to(session, letter_id, "sent")
    if letter is None:
        return
    letter.status, letter.sent_at = "sent", now
    letter.due_on = oslo_day(now) + timedelta(days=answer_days)


def mark_answered(
    session: Session, letter_id: int, *, now: datetime, note: str | None = None
) -> None:
    """Record that the bank answered (a note may be added to an answered letter later)."""
    letter = _moving_to(session, letter_id, "answered")
    if letter is not None:
        letter.status, letter.answered_at = "answered", now
    if note:
        _letter(session, letter_id).note = note


def mark_imported(session: Session, case_id: int, bank_id: int, *, now: datetime) -> bool:
    """Record that the bank's answer is in the case; False when no letter was sent to it."""
    letter = session.scalars(
        select(Letter).where(Letter.case_id == case_id, Letter.bank_id == bank_id)
    ).first()
    if letter is None:
        return False
    letter.status, letter.imported_at = "imported", now
    letter.answered_at = letter.answered_at or now
    return True
