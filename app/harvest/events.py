"""Progress events of a fetch. Plain data: the UI re-emits them on its own thread."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class HarvestStarted:
    case_id: int


@dataclass(frozen=True)
class BanksFound:
    case_id: int
    banks: tuple[tuple[str, str, str], ...]
    """(organisation number, name, status) per bank the relations service named."""


@dataclass(frozen=True)
class BankProgress:
    case_id: int
    org_number: str
    name: str
    step: str
    """relations, accounts, details, transactions, roles, done."""
    status: str
    accounts_total: int = 0
    accounts_done: int = 0
    transactions: int = 0
    message: str | None = None


@dataclass
class HarvestSummary:
    case_id: int
    banks: int = 0
    """Every bank the relations service named: each knew the control object in the period."""
    banks_with_api: int = 0
    """Those of `banks` asked through their Control API; the others need a letter."""
    banks_complete: int = 0
    banks_partial: int = 0
    banks_failed: int = 0
    letters_needed: int = 0
    accounts: int = 0
    transactions_received: int = 0
    transactions_new: int = 0
    elapsed_seconds: float = 0.0
    cancelled: bool = False
    error: str | None = None
    bank_status: dict[str, str] = field(default_factory=dict)

    def line(self) -> str:
        """One line of counts; `banks=`, `by_api=` and `letters=` mean what they mean in the
        line of `boinnsyn demo`: every bank that knew the control object, those asked through
        their API, and those that need a digital letter."""
        return (
            f"banks={self.banks} by_api={self.banks_with_api} letters={self.letters_needed} "
            f"accounts={self.accounts} transactions={self.transactions_received} "
            f"new={self.transactions_new} failed={self.banks_failed} "
            f"seconds={self.elapsed_seconds:.2f}"
        )


@dataclass(frozen=True)
class HarvestFinished:
    summary: HarvestSummary


HarvestEvent = HarvestStarted | BanksFound | BankProgress | HarvestFinished
