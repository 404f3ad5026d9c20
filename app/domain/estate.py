"""The estate after a death (dødsbo): the forms of settlement (skifteform) and their deadline.

The heirs must choose how the estate is settled:
- privat skifte: the heirs take over the estate themselves; at least one of them takes on
  responsibility for the deceased's debts;
- offentlig skifte: the district court (tingrett) settles the estate, usually through a lawyer
  as administrator; the heirs answer for no debts;
- uskifte: a surviving spouse or cohabitant keeps the estate undivided and takes over the
  debts; the division with the other heirs waits;
- a small estate (boet utlagt til dekning av begravelsesutgifter): when the assets do not exceed
  the funeral costs, the court can hand the estate to whoever paid the funeral.

What Boinnsyn shows here is guidance, not legal advice. The texts state the rule behind each
deadline; they were written from the general rules and should be checked against the act.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.text import QT_TRANSLATE_NOOP as _T

PRIVATE_SETTLEMENT_DAYS = 60
PRIVATE_SETTLEMENT_RULE = _T(
    "estate",
    "arveloven § 118: the heirs must take the estate over for private settlement "
    "within 60 days after the death, unless the court allows a longer time",
)
DISCLAIMER = _T(
    "estate",
    "This is guidance to help the heirs decide, not legal advice. Ask the district "
    "court or a lawyer before you sign anything that makes you responsible for debts.",
)


class SettlementForm(enum.StrEnum):
    PRIVATE = "private"
    PUBLIC = "public"
    UNDIVIDED = "undivided"
    SMALL_ESTATE = "small_estate"


class Relation(enum.StrEnum):
    SPOUSE = "spouse"
    COHABITANT = "cohabitant"
    CHILD = "child"
    OTHER = "other"


FORM_NAMES = {
    SettlementForm.PRIVATE: _T("estate", "Private settlement (privat skifte)"),
    SettlementForm.PUBLIC: _T("estate", "Public settlement (offentlig skifte)"),
    SettlementForm.UNDIVIDED: _T("estate", "Undivided possession (uskifte)"),
    SettlementForm.SMALL_ESTATE: _T("estate", "Small estate to whoever paid the funeral"),
}

CONSEQUENCES = {
    SettlementForm.PRIVATE: _T(
        "estate",
        "The heirs settle the estate themselves and decide together. At least one "
        "heir must take on responsibility for the deceased's debts; if the debts turn out to "
        "be larger than what the estate holds, those heirs can have to pay the difference.",
    ),
    SettlementForm.PUBLIC: _T(
        "estate",
        "The district court settles the estate, usually by appointing a lawyer. "
        "Creditors are paid from the estate, what is left goes to the heirs, and no heir "
        "answers for the debts. The settlement costs are paid by the estate.",
    ),
    SettlementForm.UNDIVIDED: _T(
        "estate",
        "The surviving spouse or cohabitant keeps the estate undivided and takes "
        "over the deceased's debts. The other heirs get their inheritance later, when the "
        "undivided estate is settled.",
    ),
    SettlementForm.SMALL_ESTATE: _T(
        "estate",
        "When the assets are no more than the funeral costs, the court can hand "
        "the estate to whoever paid the funeral, and no further settlement is needed.",
    ),
}


@dataclass(frozen=True)
class EstateFigures:
    """Assets and known debts, in hundredths, at the date of death and now."""

    assets_at_death: int
    debts_at_death: int
    assets_now: int
    debts_now: int
    unknowns: int
    """Banks or accounts whose answer is missing, partial or failed."""
    funeral_costs: int | None = None

    @property
    def net_at_death(self) -> int:
        return self.assets_at_death - self.debts_at_death


@dataclass(frozen=True)
class Warning_:
    form: SettlementForm
    text: str


def warnings(figures: EstateFigures, heirs: list[Relation]) -> list[Warning_]:
    """Where the figures argue against a form of settlement."""
    found: list[Warning_] = []
    if figures.debts_at_death > figures.assets_at_death:
        found.append(
            Warning_(
                SettlementForm.PRIVATE,
                _T(
                    "estate",
                    "The known debts are larger than the assets. Heirs who take on "
                    "responsibility for the debts may have to pay the difference themselves.",
                ),
            )
        )
    if figures.unknowns:
        found.append(
            Warning_(
                SettlementForm.PRIVATE,
                _T(
                    "estate",
                    "Some banks have not answered in full, so there may be debts you do "
                    "not know of yet.",
                ),
            )
        )
    if not any(relation in (Relation.SPOUSE, Relation.COHABITANT) for relation in heirs):
        found.append(
            Warning_(
                SettlementForm.UNDIVIDED,
                _T(
                    "estate",
                    "Undivided possession needs a surviving spouse or cohabitant; none is "
                    "recorded among the heirs.",
                ),
            )
        )
    if figures.funeral_costs is not None and figures.assets_at_death > figures.funeral_costs:
        found.append(
            Warning_(
                SettlementForm.SMALL_ESTATE,
                _T(
                    "estate",
                    "The assets are larger than the funeral costs, so the estate is not a "
                    "small estate.",
                ),
            )
        )
    if figures.debts_at_death > figures.assets_at_death:
        found.append(
            Warning_(
                SettlementForm.UNDIVIDED,
                _T(
                    "estate",
                    "The surviving spouse or cohabitant takes over debts larger than the assets.",
                ),
            )
        )
    return found


@dataclass(frozen=True)
class Deadline:
    due: date
    days_left: int
    rule: str
    set_by_user: bool


def private_settlement_deadline(
    death_date: date, today: date, override: date | None = None
) -> Deadline:
    """The last day to take the estate over for private settlement, and days left."""
    due = override or death_date + timedelta(days=PRIVATE_SETTLEMENT_DAYS)
    return Deadline(
        due=due,
        days_left=(due - today).days,
        rule=PRIVATE_SETTLEMENT_RULE,
        set_by_user=override is not None,
    )
