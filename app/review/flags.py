"""Rules that mark transactions worth a look, each with a reason a user can read.

- after_key_date: booked after the ruling date (bankruptcy) or the date of death (estate);
  an account that should have been blocked, or money that moved after the death.
- large_cash: a cash withdrawal at or above a threshold.
- round_sum: a payment out of a round sum (a multiple of 1 000 kr from 10 000 kr).
- own_transfer: money moved between the subject's own accounts, in any of the banks.
- new_counterparty: a large payment to someone the subject had not dealt with before the
  recent window (the last 90 days before the key date, or after it).

Rules read plain rows and return findings; storing them is the store's job. Reasons are
English templates marked for translation, filled from the finding's figures.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from app.domain.clock import SystemClock
from app.domain.money import format_amount
from app.domain.periods import Period
from app.domain.services import Service
from app.domain.text import QT_TRANSLATE_NOOP as _T

CASH_SUBFAMILIES = {"cashWithdrawal", "crossBorderCashWithdrawal"}
CASH_WORDS = re.compile(r"minibank|kontantuttak|uttak automat|\batm\b|cash withdrawal", re.I)

REASONS = {
    "after_key_date": _T("flags", "Booked {booking_date}, after the {key_date_label} {key_date}"),
    "large_cash": _T("flags", "Cash withdrawal of {amount} kr, at or above {threshold} kr"),
    "round_sum": _T("flags", "Round sum of {amount} kr paid out"),
    "own_transfer": _T("flags", "Moved between the subject's own accounts ({account})"),
    "new_counterparty": _T(
        "flags", "{amount} kr to {counterparty}, first paid on {first_date}: a new counterparty"
    ),
    "manual": _T("flags", "Marked by {author}"),
}
KEY_DATE_LABELS = {
    Service.BANKRUPTCY: _T("flags", "ruling date"),
    Service.ESTATE: _T("flags", "date of death"),
}
RULE_NAMES = {
    "after_key_date": _T("flags", "After the key date"),
    "large_cash": _T("flags", "Large cash withdrawal"),
    "round_sum": _T("flags", "Round sum"),
    "own_transfer": _T("flags", "Own accounts"),
    "new_counterparty": _T("flags", "New counterparty"),
    "manual": _T("flags", "Marked by hand"),
}


@dataclass(frozen=True)
class RuleSettings:
    large_cash_minor: int = 500_000
    round_sum_minor: int = 1_000_000
    round_unit_minor: int = 100_000
    new_counterparty_minor: int = 1_000_000
    recent_days: int = 90


@dataclass(frozen=True, slots=True)
class FlagInput:
    id: int
    account_number: str
    booking_date: date | None
    amount_minor: int
    status: str
    code_subfamily: str | None
    code_text: str | None
    counterparty_name: str | None
    counterparty_account: str | None
    message: str | None


@dataclass(frozen=True)
class Finding:
    transaction_id: int
    rule: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return reason_text(self.rule, self.params)

    @property
    def params_json(self) -> str:
        return json.dumps(self.params, ensure_ascii=False, sort_keys=True)


def reason_text(rule: str, params: dict[str, Any], translate=lambda text: text) -> str:
    """The reason of a finding in the language `translate` gives (English by default)."""
    template = REASONS.get(rule)
    if template is None:
        return rule
    values = dict(params)
    if "key_date_label" in values:
        values["key_date_label"] = translate(values["key_date_label"])
    try:
        return translate(template).format(**values)
    except (KeyError, IndexError):
        return template.format_map({k: values.get(k, "?") for k in _fields(template)})


def _fields(template: str) -> list[str]:
    return re.findall(r"{(\w+)}", template)


def _digits(text: str | None) -> str:
    return "".join(ch for ch in text or "" if ch.isdigit())


def _day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def _is_cash(row: FlagInput) -> bool:
    if row.code_subfamily in CASH_SUBFAMILIES:
        return True
    text = " ".join(filter(None, (row.code_text, row.message)))
    return bool(CASH_WORDS.search(text))


def _counterparty_key(row: FlagInput) -> str | None:
    account = _digits(row.counterparty_account)
    if account:
        return f"account:{account}"
    name = " ".join((row.counterparty_name or "").lower().split())
    return f"name:{name}" if name else None


def find_flags(
    rows: Iterable[FlagInput],
    *,
    service: Service,
    key_date: date,
    period_start: date,
    settings: RuleSettings | None = None,
    case_period: Period | None = None,
) -> list[Finding]:
    """Run every rule over the case's transactions and return what they found.

    Only transactions booked inside `case_period` (when given) are flagged; those outside it
    (an imported file reaching years back) still count as counterparties seen before.
    """
    settings = settings or RuleSettings()
    rows = [row for row in rows if row.status != "info" and row.booking_date is not None]
    own_accounts = {_digits(row.account_number) for row in rows}
    if service is Service.GUARDIANSHIP:
        recent_start = period_start + timedelta(days=settings.recent_days)
    else:
        recent_start = key_date - timedelta(days=settings.recent_days)
    findings: list[Finding] = []

    first_seen: dict[str, date] = {}
    for row in sorted(rows, key=lambda r: (r.booking_date, r.id)):
        key = _counterparty_key(row)
        if key and key not in first_seen:
            first_seen[key] = row.booking_date  # type: ignore[assignment]

    for row in rows:
        booked: date = row.booking_date  # type: ignore[assignment]
        if case_period is not None and not case_period.start <= booked <= case_period.end:
            continue
        out = row.amount_minor < 0
        size = abs(row.amount_minor)
        if service in KEY_DATE_LABELS and booked > key_date:
            findings.append(
                Finding(
                    row.id,
                    "after_key_date",
                    {
                        "booking_date": _day(booked),
                        "key_date": _day(key_date),
                        "key_date_label": KEY_DATE_LABELS[service],
                    },
                )
            )
        if out and _is_cash(row) and size >= settings.large_cash_minor:
            findings.append(
                Finding(
                    row.id,
                    "large_cash",
                    {
                        "amount": format_amount(size, minor=True),
                        "threshold": format_amount(settings.large_cash_minor, minor=True),
                    },
                )
            )
        counterparty_account = _digits(row.counterparty_account)
        own = bool(counterparty_account) and counterparty_account in own_accounts
        if own and counterparty_account != _digits(row.account_number):
            findings.append(Finding(row.id, "own_transfer", {"account": counterparty_account}))
            continue
        if out and size >= settings.round_sum_minor and size % settings.round_unit_minor == 0:
            findings.append(
                Finding(
                    row.id,
                    "round_sum",
                    {
                        "amount": format_amount(size, minor=True),
                    },
                )
            )
        key = _counterparty_key(row)
        if out and key and size >= settings.new_counterparty_minor:
            first = first_seen[key]
            if first >= recent_start:
                findings.append(
                    Finding(
                        row.id,
                        "new_counterparty",
                        {
                            "amount": format_amount(size, minor=True),
                            "counterparty": row.counterparty_name or counterparty_account,
                            "first_date": _day(first),
                        },
                    )
                )
    return findings


def refresh_flags(db: Any, case_id: int, settings: RuleSettings | None = None) -> int:
    """Run the rules over a stored case and store their findings; returns how many."""
    from app.store import review_queries
    from app.store.cases import facts_of, load_case

    with db.session() as session:
        case = load_case(session, case_id)
        facts = facts_of(case)
        period_start = case.period_start or facts.key_date
        case_period = facts.period(SystemClock().today())  # the Norwegian date
        findings = find_flags(
            review_queries.flag_inputs(session, case_id),
            service=facts.service,
            key_date=facts.key_date,
            period_start=period_start,
            settings=settings,
            case_period=case_period,
        )
        return review_queries.store_rule_flags(session, case_id, findings)
