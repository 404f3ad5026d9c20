"""The guardianship control on paper: a chapter with the figures and the deviations, the
control outcome in the decisions chapter, and the short control report of one case.

Importing this module registers both with the report framework, so the full case report of a
guardianship case (`case_report.write_case_report`) carries the control. `write_control_report`
lays out the same chapters with the cover and the provenance but without the bank chapter and
the transaction appendix: the document a control batch writes per ward, a few pages long.
The texts here are in Norwegian (bokmål) and English like the framework's catalogue; the
rules' reasons come from `app.domain.guardianship` and are worded here.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from app import __version__, config
from app.domain.clock import Clock, SystemClock
from app.domain.guardianship import (
    CATEGORY_BY_CODE,
    RULE_NAMES,
    AccountControl,
    ControlResult,
    Deviation,
    Outcome,
    currency_unit,
    reason_text,
)
from app.domain.services import Service
from app.reports import formatting as fmt
from app.reports.context import ReportContext
from app.reports.data import ReportData, collect
from app.reports.decisions import decisions_section, register_decisions
from app.reports.document import numbered_canvas
from app.reports.files import written_privately
from app.reports.pages import page_marks, report_document
from app.reports.sections import (
    Section,
    chapter_numbers,
    cover,
    facts_table,
    grid,
    provenance,
    register_section,
)
from app.reports.styles import FRAME_WIDTH, make_styles
from app.reports.texts import Catalogue, catalogue
from app.review.control import CaseControl, control_case
from app.store import guardianship as store
from app.store.db import Database

log = logging.getLogger(__name__)

SECTION_KEY = "control"
TRANSACTIONS_SHOWN = 40
"""At most this many transactions are listed under one deviation; the rest are counted."""

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Vergekontroll", "Guardianship control"),
    "report_title": ("Kontrollrapport – vergeregnskap", "Control report – guardian's account"),
    "intro": (
        "Vergens regnskap for {year} holdt opp mot bankenes opplysninger, konto for konto. "
        "Avvik er funnet av reglene under; vurderingen er kontrollørens.",
        "The guardian's account for {year} held against the banks' data, account by account. "
        "Deviations are found by the rules below; the judgement is the officer's.",
    ),
    "reported_from": (
        "Vergeregnskapet: {source}, registrert av {user} {time}.",
        "The guardian's account: {source}, recorded by {user} {time}.",
    ),
    "manual": ("ført inn for hånd", "entered by hand"),
    "file": ("lest fra filen {name}", "read from the file {name}"),
    "not_reported": (
        "Vergeregnskapet er ikke registrert; bare bankenes tall er kontrollert.",
        "The guardian's account is not recorded; only the banks' figures are checked.",
    ),
    "not_fetched": (
        "Opplysningene fra bankene er ikke hentet ennå.",
        "The data from the banks has not been fetched yet.",
    ),
    "banks_not_answered": (
        "Banker uten svar gjennom API-et: {names}. Kontoene deres er ikke med i bankens tall.",
        "Banks that did not answer through the API: {names}. Their accounts are not in the "
        "bank figures.",
    ),
    "summary": ("Oppsummering", "Summary"),
    "and": ("og", "and"),
    "accounts_line": (
        "{accounts} kontoer hos bankene, {reported} i vergeregnskapet",
        "{accounts} accounts at the banks, {reported} in the guardian's account",
    ),
    "deviations_line": (
        "{count} avvik, beløpene lagt sammen {amount} (én betaling kan ligge bak flere avvik)",
        "{count} deviations, their amounts added up {amount} (one payment may lie behind "
        "more than one deviation)",
    ),
    "no_deviations": ("Ingen avvik over tersklene.", "No deviations above the thresholds."),
    "suggested": ("Foreslått utfall", "Suggested outcome"),
    "figures": ("Tall per konto", "Figures per account"),
    "account": ("Konto {number}", "Account {number}"),
    "col.post": ("Post", "Item"),
    "col.reported": ("Vergeregnskap", "Reported"),
    "col.bank": ("Banken", "Bank"),
    "col.difference": ("Differanse", "Difference"),
    "row.opening": ("Saldo 1. januar", "Balance 1 January"),
    "row.closing": ("Saldo 31. desember", "Balance 31 December"),
    "row.in": ("Penger inn", "Money in"),
    "row.out": ("Penger ut", "Money out"),
    "row.in_net": ("Penger inn etter tilbakeføringer", "Money in after reversals"),
    "row.out_net": ("Penger ut etter tilbakeføringer", "Money out after reversals"),
    "row.cash": ("Kontantuttak", "Cash withdrawals"),
    "row.fees": ("Gebyrer", "Bank fees"),
    "row.transactions": ("Transaksjoner", "Transactions"),
    "reported_lines": ("Vergens poster", "The guardian's items"),
    "only_reported": (
        "Kontoen står bare i vergeregnskapet.",
        "The account is only in the guardian's account.",
    ),
    "only_bank": ("Kontoen står ikke i vergeregnskapet.", "The account is not in the report."),
    "deviations": ("Avvik", "Deviations"),
    "col.rule": ("Regel", "Rule"),
    "col.account": ("Konto", "Account"),
    "col.amount": ("Beløp", "Amount"),
    "col.reason": ("Begrunnelse", "Reason"),
    "behind": (
        "Transaksjoner bak avviket: {rule}, konto {number}",
        "Transactions behind: {rule}, account {number}",
    ),
    "col.date": ("Dato", "Date"),
    "col.counterparty": ("Motpart", "Counterparty"),
    "col.text": ("Tekst", "Text"),
    "more": ("… og {count} til.", "… and {count} more."),
    "thresholds": ("Terskler", "Thresholds"),
    "thresholds_line": (
        "Saldo og summer: avvik over {balance} kr. Kontantuttak: over {cash} kr per konto og år. "
        "Gaver: over {gifts} kr per konto og år (runde beløp fra {round_min} kr i hele "
        "{round_unit} kr til privatpersoner, eller tekst om gave, bursdag, jul, konfirmasjon). "
        "Gebyrer: over {fees} kr per konto og år. Betalinger til vergen eller andre med "
        "rettigheter på kontoen: over {guardian} kr. Penger inn og ut i bankens kolonne er "
        "bruttosummer, som i kontoutskriftene og kontooversikten. En refusjon kan føres som "
        "penger inn eller trekkes fra utgiften den opphever, så summen vergen oppgir, holdes "
        "både mot bruttosummen og mot summen etter tilbakeføringer; avvik meldes bare når den "
        "skiller seg fra begge med mer enn {sums} kr.",
        "Balances and sums: differences above {balance} kr. Cash withdrawals: above {cash} kr "
        "per account and year. Gifts: above {gifts} kr per account and year (round sums from "
        "{round_min} kr in whole {round_unit} kr to private persons, or words of a gift, "
        "birthday, Christmas, confirmation). Fees: above {fees} kr per account and year. "
        "Payments to the guardian or to others with rights on the account: above {guardian} kr. "
        "Money in and out in the bank's column are gross sums, as on the statements and in the "
        "account overview. A refund may be booked as money in or taken off the expense it "
        "undoes, so the guardian's sum is held against both the gross sum and the sum after "
        "reversals; a deviation is raised only when it differs from both by more than {sums} "
        "kr.",
    ),
    "outcome": ("Utfall", "Outcome"),
    "outcome.approved": ("Godkjent", "Approved"),
    "outcome.follow_up": ("Til oppfølging", "Needs follow-up"),
    "outcome_recorded": (
        "{outcome} – registrert av {user} {time}",
        "{outcome} – recorded by {user} {time}",
    ),
    "outcome_reason": ("Begrunnelse", "Reason"),
    "outcome_earlier": (
        "Ikke registrert for dette vergeregnskapet. Tidligere utfall: {outcome} – registrert av "
        "{user} {time}, gitt før vergeregnskapet ble lest inn på nytt {report_time}",
        "Not recorded for this guardian's account. Earlier outcome: {outcome} – recorded by "
        "{user} {time}, given before the guardian's account was read in again {report_time}",
    ),
}


def text(tr: Catalogue, key: str, **values: Any) -> str:
    words = TEXTS[key][0 if tr.language == "nb" else 1]
    return words.format(**values) if values else words


def reason(tr: Catalogue, deviation: Deviation) -> str:
    """A deviation's reason in the report's language: its bokmål comes from the translation
    source, as the window's does."""
    return reason_text(
        deviation.rule, deviation.params, translate=tr.source, currency=deviation.currency
    )


def _sums(tr: Catalogue, result: ControlResult) -> str:
    """The deviations' amounts added up, one sum per currency: "32 400,00 kr og 1 000,00 EUR"."""
    sums = [
        f"{fmt.amount(minor)} {currency_unit(currency)}"
        for currency, minor in result.deviation_sums_minor().items()
    ]
    if len(sums) < 2:
        return "".join(sums)
    return f"{', '.join(sums[:-1])} {text(tr, 'and')} {sums[-1]}"


def outcome_word(tr: Catalogue, outcome: Outcome | str) -> str:
    return text(tr, f"outcome.{Outcome(outcome).value}")


def category_word(tr: Catalogue, code: str) -> str:
    category = CATEGORY_BY_CODE.get(code)
    if category is None:
        return code
    return category.norwegian if tr.language == "nb" else category.label


# -- the control of the case being laid out --------------------------------------------------


@dataclass
class _Cached:
    data: ReportData
    control: CaseControl
    shown: dict[int, store.ShownTransaction]


_cache: _Cached | None = None


def _control(ctx: ReportContext, control: CaseControl | None = None) -> _Cached:
    """The control of the report's case, computed once per report (builders run every pass);
    `control` gives one already computed."""
    global _cache
    cached = _cache
    if cached is not None and cached.data is ctx.data:
        return cached
    if control is None:
        control = control_case(ctx.db, ctx.data.case.id)
    ids = sorted(
        {i for d in control.result.deviations for i in d.transaction_ids[:TRANSACTIONS_SHOWN]}
    )
    with ctx.db.session() as session:
        shown = store.transactions_by_id(session, ids)
    cached = _Cached(ctx.data, control, shown)
    _cache = cached
    return cached


# -- the chapter -------------------------------------------------------------------------------


def _source_line(tr: Catalogue, control: CaseControl) -> str:
    source = control.report_source
    if source is None:
        return text(tr, "not_reported")
    where = (
        text(tr, "manual") if source.source == "manual" else text(tr, "file", name=source.source)
    )
    return text(
        tr,
        "reported_from",
        source=where,
        user=source.recorded_by,
        time=fmt.moment(source.recorded_at),
    )


def _difference(reported: int | None, bank: int | None) -> str:
    if reported is None or bank is None:
        return ""
    return fmt.amount(reported - bank)


def _figures_table(ctx: ReportContext, account: AccountControl) -> Flowable:
    tr, bank, reported = ctx.tr, account.bank, account.reported
    rows: list[list[str]] = []

    def row(key: str, mine: int | None, theirs: int | None) -> None:
        rows.append(
            [text(tr, key), fmt.amount(mine), fmt.amount(theirs), _difference(mine, theirs)]
        )

    row(
        "row.opening",
        reported.opening_minor if reported else None,
        bank.opening_minor if bank else None,
    )
    row(
        "row.closing",
        reported.closing_minor if reported else None,
        bank.closing_minor if bank else None,
    )
    income = reported.income_minor if reported else None
    expenses = reported.expense_minor if reported else None
    row("row.in", income, bank.in_minor if bank else None)
    if bank is not None and bank.net_in_minor != bank.in_minor:
        row("row.in_net", income, bank.net_in_minor)
    row("row.out", expenses, bank.out_minor if bank else None)
    if bank is not None and bank.net_out_minor != bank.out_minor:
        row("row.out_net", expenses, bank.net_out_minor)
    if bank is not None:
        cash_reported = reported.amount_of("cash") if reported else None
        rows.append(
            [
                f"{text(tr, 'row.cash')} ({bank.cash_count})",
                fmt.amount(cash_reported),
                fmt.amount(bank.cash_minor),
                _difference(cash_reported, bank.cash_minor),
            ]
        )
        fees_reported = reported.amount_of("fees") if reported else None
        row("row.fees", fees_reported, bank.fee_minor)
        rows.append([text(tr, "row.transactions"), "", fmt.count(bank.transactions), ""])
    header = [
        text(tr, "col.post"),
        text(tr, "col.reported"),
        text(tr, "col.bank"),
        text(tr, "col.difference"),
    ]
    return grid(ctx, header, rows, (FRAME_WIDTH - 330, 110, 110, 110), right=(1, 2, 3))


def _reported_lines(ctx: ReportContext, account: AccountControl) -> list[Flowable]:
    reported = account.reported
    if reported is None or not reported.lines:
        return []
    items = "; ".join(
        f"{category_word(ctx.tr, line.category)} {fmt.amount(line.amount_minor)}"
        + (f" ({line.note})" if line.note else "")
        for line in reported.lines
    )
    return [Paragraph(fmt.markup(f"{text(ctx.tr, 'reported_lines')}: {items}"), ctx.styles.small)]


def _account_block(ctx: ReportContext, account: AccountControl) -> list[Flowable]:
    number = fmt.account_number(account.account_number)
    title = text(ctx.tr, "account", number=number)
    if account.bank_name:
        title += f" – {account.bank_name}"
    if account.currency != "NOK":
        title += f" ({account.currency})"
    story: list[Flowable] = [ctx.minor_heading(f"control-account-{number}", title)]
    if account.bank is None:
        story.append(Paragraph(fmt.markup(text(ctx.tr, "only_reported")), ctx.styles.note))
    elif account.reported is None and _control(ctx).control.result.reported:
        story.append(Paragraph(fmt.markup(text(ctx.tr, "only_bank")), ctx.styles.note))
    story.append(_figures_table(ctx, account))
    story += _reported_lines(ctx, account)
    return [KeepTogether(story)]


def _deviation_rows(ctx: ReportContext, deviations: list[Deviation]) -> list[list[str]]:
    return [
        [
            ctx.tr.source(RULE_NAMES[d.rule]),
            fmt.account_number(d.account_number),
            fmt.amount(d.amount_minor, d.currency, show="NOK"),
            reason(ctx.tr, d),
        ]
        for d in deviations
    ]


def _behind(ctx: ReportContext, deviation: Deviation, cached: _Cached) -> list[Flowable]:
    tr = ctx.tr
    shown = [
        cached.shown[i] for i in deviation.transaction_ids[:TRANSACTIONS_SHOWN] if i in cached.shown
    ]
    if not shown:
        return []
    rows = [
        [
            fmt.day(t.booking_date),
            fmt.amount(t.amount_minor, t.currency, show=deviation.currency),
            t.counterparty or "",
            t.text or "",
        ]
        for t in shown
    ]
    header = [
        text(tr, "col.date"),
        text(tr, "col.amount"),
        text(tr, "col.counterparty"),
        text(tr, "col.text"),
    ]
    story: list[Flowable] = [
        CondPageBreak(30 * mm),
        Paragraph(
            fmt.markup(
                text(
                    tr,
                    "behind",
                    rule=tr.source(RULE_NAMES[deviation.rule]),
                    number=fmt.account_number(deviation.account_number),
                )
            ),
            ctx.styles.h3,
        ),
        grid(ctx, header, rows, (56, 80, 150, FRAME_WIDTH - 286), right=(1,)),
    ]
    rest = len(deviation.transaction_ids) - len(shown)
    if rest > 0:
        story.append(Paragraph(fmt.markup(text(tr, "more", count=rest)), ctx.styles.small))
    return story


def _thresholds(ctx: ReportContext, control: CaseControl) -> Paragraph:
    s = control.result.settings
    line = text(
        ctx.tr,
        "thresholds_line",
        balance=fmt.amount(s.balance_tolerance_minor),
        cash=fmt.amount(s.cash_limit_minor),
        gifts=fmt.amount(s.gift_limit_minor),
        round_min=fmt.amount(s.gift_round_minimum_minor),
        round_unit=fmt.amount(s.gift_round_unit_minor),
        fees=fmt.amount(s.fee_limit_minor),
        guardian=fmt.amount(s.guardian_transfer_limit_minor),
        sums=fmt.amount(s.sum_tolerance_minor),
    )
    return Paragraph(fmt.markup(line), ctx.styles.small)


def control_chapter(ctx: ReportContext) -> list[Flowable]:
    """The control chapter: summary, figures per account, deviations and their transactions."""
    tr, styles = ctx.tr, ctx.styles
    cached = _control(ctx)
    control, result = cached.control, cached.control.result
    story: list[Flowable] = [
        ctx.chapter_heading(SECTION_KEY, text(tr, "title")),
        Paragraph(fmt.markup(text(tr, "intro", year=control.facts.year)), styles.body),
        Paragraph(fmt.markup(_source_line(tr, control)), styles.body),
    ]
    if not control.fetched:
        story.append(Paragraph(fmt.markup(text(tr, "not_fetched")), styles.note))
    silent = [name for name, status in control.banks if status not in ("complete", "partial")]
    if silent:
        story.append(
            Paragraph(
                fmt.markup(text(tr, "banks_not_answered", names=", ".join(silent))), styles.note
            )
        )

    deviations = result.deviations
    bank_count = sum(1 for a in result.accounts if a.bank is not None)
    reported_count = sum(1 for a in result.accounts if a.reported is not None)
    story += [
        ctx.sub_heading("control-summary", text(tr, "summary")),
        facts_table(
            ctx,
            [
                (
                    text(tr, "figures"),
                    text(tr, "accounts_line", accounts=bank_count, reported=reported_count),
                ),
                (
                    text(tr, "deviations"),
                    text(
                        tr,
                        "deviations_line",
                        count=len(deviations),
                        amount=_sums(tr, result),
                    )
                    if deviations
                    else text(tr, "no_deviations"),
                ),
                (text(tr, "suggested"), outcome_word(tr, result.suggested)),
            ],
        ),
        ctx.sub_heading("control-figures", text(tr, "figures")),
    ]
    for account in result.accounts:
        story += _account_block(ctx, account)

    story.append(ctx.sub_heading("control-deviations", text(tr, "deviations")))
    if not deviations:
        story.append(Paragraph(fmt.markup(text(tr, "no_deviations")), styles.note))
    else:
        header = [
            text(tr, "col.rule"),
            text(tr, "col.account"),
            text(tr, "col.amount"),
            text(tr, "col.reason"),
        ]
        for start in range(0, len(deviations), 30):
            chunk = _deviation_rows(ctx, deviations[start : start + 30])
            story.append(grid(ctx, header, chunk, (100, 72, 74, FRAME_WIDTH - 246), right=(2,)))
        for deviation in deviations:
            story += _behind(ctx, deviation, cached)
    story += [Spacer(1, 3 * mm), ctx.sub_heading("control-thresholds", text(tr, "thresholds"))]
    story.append(_thresholds(ctx, control))
    return story


def outcome_section(ctx: ReportContext) -> list[Flowable] | None:
    """The decisions chapter's topic for a guardianship: the officer's recorded outcome, with
    who recorded it, when and why; None (the chapter says "not recorded yet") until then. An
    outcome given before the guardian's account was read in again is named as such, without
    its reason, since it does not count. The suggested outcome stands in the control chapter."""
    tr = ctx.tr
    recorded = _control(ctx).control.outcome
    if recorded is None:
        return None
    if recorded.report_at is not None:
        earlier = text(
            tr,
            "outcome_earlier",
            outcome=outcome_word(tr, recorded.outcome),
            user=recorded.decided_by,
            time=fmt.moment(recorded.decided_at),
            report_time=fmt.moment(recorded.report_at),
        )
        return [facts_table(ctx, [(text(tr, "outcome"), earlier)]), Spacer(1, 2 * mm)]
    rows = [
        (
            text(tr, "outcome"),
            text(
                tr,
                "outcome_recorded",
                outcome=outcome_word(tr, recorded.outcome),
                user=recorded.decided_by,
                time=fmt.moment(recorded.decided_at),
            ),
        )
    ]
    if recorded.reason:
        rows.append((text(tr, "outcome_reason"), recorded.reason))
    return [facts_table(ctx, rows), Spacer(1, 2 * mm)]


def _chapter_on_new_page(ctx: ReportContext) -> list[Flowable]:
    return [PageBreak(), *control_chapter(ctx)]


register_section(
    Service.GUARDIANSHIP, Section(SECTION_KEY, _chapter_on_new_page), before="decisions"
)
register_decisions(Service.GUARDIANSHIP, outcome_section)


# -- the short control report ------------------------------------------------------------------

CONTROL_REPORT = (
    Section("cover", cover, numbered=False),
    Section(SECTION_KEY, control_chapter),
    Section("decisions", decisions_section),
    Section("provenance", provenance),
)


def write_control_report(
    db: Database,
    case_id: int,
    out: str | Path,
    *,
    clock: Clock | None = None,
    language: str = "nb",
    user: str | None = None,
    control: CaseControl | None = None,
) -> Path:
    """Write the control report of a guardianship case to `out` (a PDF) and return its path:
    cover, control (figures, deviations, transactions behind them), outcome and provenance, on
    the framework's pages (marks, footer, "side x av y"), laid out in one pass. `control` is
    the case's control when the caller has just run it."""
    started = time.monotonic()
    tr = catalogue(language)
    made_at = (clock or SystemClock()).now()
    data = collect(
        db, case_id, made_at=made_at, user=user or config.current_user(), version=__version__
    )
    if data.service is not Service.GUARDIANSHIP:
        raise ValueError(f"case {case_id} is not a guardianship control")
    ctx = ReportContext(
        data=data,
        tr=tr,
        styles=make_styles(),
        db=db,
        chapters=chapter_numbers(CONTROL_REPORT),
        with_transactions=False,
    )
    _control(ctx, control)
    story: list[Flowable] = []
    for section in CONTROL_REPORT:
        story += section.build(ctx)
    marks = page_marks(data, tr)
    with written_privately(out) as part:
        document = report_document(
            str(part),
            data,
            tr,
            marks,
            title=f"{text(tr, 'report_title')} – {data.case.reference}",
        )
        document.build(story, canvasmaker=numbered_canvas(marks))
    log.info("case %d control report written: %.2f s", case_id, time.monotonic() - started)
    return Path(out)
