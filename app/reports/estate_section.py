"""The heirs' decision in an estate report: the form of settlement chosen (skifteform) with
representative, reasons, author and time; the warnings the figures give; the deadline for
private settlement with its rule; the heirs and their positions; the estate picture at the
death and now, the transactions after the death by kind, and what is still unknown; the
history of the decisions; and the statement that this is guidance, not legal advice.

Importing this module registers it in the decisions chapter of the estate report kind. When
no form is recorded yet, the topic says so first, then gives the basis for the choice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from app.domain.clock import to_oslo
from app.domain.estate import CONSEQUENCES, DISCLAIMER, FORM_NAMES, SettlementForm
from app.domain.services import Service
from app.reports import formatting as fmt
from app.reports.context import ReportContext
from app.reports.data import ReportData
from app.reports.decisions import register_decisions
from app.reports.sections import facts_table, grid, long_grid
from app.reports.styles import FRAME_WIDTH, RULE
from app.reports.workflow_texts import domain, text
from app.review.estate import CATEGORIES, UNSETTLED_BANK
from app.review.positions import HOME_CURRENCY, AccountPosition
from app.review.steps import EstateWork, load_estate
from app.store import workflow
from app.store.models import Decision

log = logging.getLogger(__name__)

CATEGORY_SHOWN = 200
"""At most this many transactions after the death are listed per kind; the rest are counted."""


@dataclass
class _Cached:
    data: ReportData
    work: EstateWork


_cache: _Cached | None = None


def report_day(ctx: ReportContext) -> date:
    return to_oslo(ctx.data.made_at).date()


def _work(ctx: ReportContext) -> EstateWork:
    """The estate's data, read once per report (builders run on every layout pass)."""
    global _cache
    cached = _cache
    if cached is not None and cached.data is ctx.data:
        return cached.work
    work = load_estate(ctx.db, ctx.data.case.id, report_day(ctx))
    _cache = _Cached(ctx.data, work)
    return work


def _p(value: str, style: object) -> Paragraph:
    return Paragraph(fmt.markup(value), style)


def form_word(ctx: ReportContext, code: str) -> str:
    try:
        return domain(ctx.tr, FORM_NAMES[SettlementForm(code)])
    except ValueError:
        return code


def _decision(ctx: ReportContext, work: EstateWork) -> list[Flowable]:
    tr, styles = ctx.tr, ctx.styles
    latest = work.settlement
    if latest is None:
        return [_p(ctx.tr("decisions.not_recorded"), styles.body)]
    rows = [
        (text(tr, "settlement.form"), form_word(ctx, latest.value)),
        (
            text(tr, "settlement.representative"),
            latest.representative or text(tr, "settlement.none_given"),
        ),
        (text(tr, "settlement.reasons"), latest.reasons or text(tr, "settlement.none_given")),
        (
            text(tr, "settlement.recorded"),
            text(tr, "by", user=latest.decided_by, time=fmt.moment(latest.decided_at)),
        ),
    ]
    known = {form.value: form for form in SettlementForm}
    if latest.value in known:  # a form this version does not know shows by its stored name
        consequence = domain(tr, CONSEQUENCES[known[latest.value]])
        rows.append((text(tr, "settlement.consequences"), consequence))
    return [facts_table(ctx, rows)]


def _warnings(ctx: ReportContext, work: EstateWork) -> list[Flowable]:
    tr, styles = ctx.tr, ctx.styles
    found = [(warning.form, domain(tr, warning.text)) for warning in work.warnings()]
    if work.heirs and not any(heir.takes_debt_responsibility for heir in work.heirs):
        found.append((SettlementForm.PRIVATE, text(tr, "warnings.no_debt_taker")))
    order = list(SettlementForm)
    found.sort(key=lambda item: order.index(item[0]))  # stable: the domain's order per form
    lines = [f"{domain(tr, FORM_NAMES[form])}: {words}" for form, words in found]
    story: list[Flowable] = [ctx.sub_heading("estate-warnings", text(tr, "warnings.heading"))]
    if not lines:
        return [*story, _p(text(tr, "warnings.none"), styles.body)]
    return story + [_p(f"• {line}", styles.body) for line in lines]


def _days_left(ctx: ReportContext, days: int) -> str:
    tr, on = ctx.tr, fmt.day(report_day(ctx))
    if days > 1:
        return text(tr, "deadline.days_left", days=days, date=on)
    if days == 1:
        return text(tr, "deadline.one_left", date=on)
    if days == 0:
        return text(tr, "deadline.today", date=on)
    if days == -1:
        return text(tr, "deadline.one_over", date=on)
    return text(tr, "deadline.over", days=-days, date=on)


def _deadline(ctx: ReportContext, work: EstateWork) -> list[Flowable]:
    tr, deadline = ctx.tr, work.deadline
    decision = work.deadline_decision
    if deadline.set_by_user and decision is not None:
        basis = text(
            tr, "deadline.set", user=decision.decided_by, time=fmt.moment(decision.decided_at)
        )
        if decision.reasons:
            basis += text(tr, "deadline.reason", reason=decision.reasons)
    else:
        basis = text(tr, "deadline.default", date=fmt.day(work.picture.death_date))
    rows = [
        (text(tr, "deadline.due"), fmt.day(deadline.due)),
        (text(tr, "deadline.days"), _days_left(ctx, deadline.days_left)),
        (text(tr, "deadline.rule"), domain(tr, deadline.rule)),
        (text(tr, "deadline.basis"), basis),
    ]
    story: list[Flowable] = [
        ctx.sub_heading("estate-deadline", text(tr, "deadline.heading")),
        facts_table(ctx, rows),
    ]
    if work.settlement is not None:
        story.append(_p(text(tr, "deadline.settled"), ctx.styles.small))
    return story


def _heirs(ctx: ReportContext, work: EstateWork) -> list[Flowable]:
    tr = ctx.tr
    story: list[Flowable] = [ctx.sub_heading("estate-heirs", text(tr, "heirs.heading"))]
    if not work.heirs:
        return [*story, _p(text(tr, "heirs.none"), ctx.styles.note)]
    agrees = {True: "agrees.yes", False: "agrees.no", None: "agrees.none"}
    rows = [
        [
            heir.name,
            text(tr, f"relation.{heir.relation}")
            if f"relation.{heir.relation}" in _RELATIONS
            else heir.relation,
            text(tr, agrees[heir.agrees]),
            text(tr, "yes" if heir.takes_debt_responsibility else "no"),
            text(tr, "by", user=heir.recorded_by, time=fmt.moment(heir.recorded_at)),
        ]
        for heir in work.heirs
    ]
    header = [
        text(tr, "col.name"),
        text(tr, "col.relation"),
        text(tr, "col.position"),
        text(tr, "col.debts"),
        text(tr, "col.recorded"),
    ]
    story.append(grid(ctx, header, rows, (FRAME_WIDTH - 340, 70, 70, 70, 130)))
    return story


_RELATIONS = {"relation.spouse", "relation.cohabitant", "relation.child", "relation.other"}


def _picture(ctx: ReportContext, work: EstateWork) -> list[Flowable]:
    tr, styles = ctx.tr, ctx.styles
    picture, figures = work.picture, work.picture.figures
    death = fmt.day(picture.death_date)
    story: list[Flowable] = [
        CondPageBreak(80 * mm),
        ctx.sub_heading("estate-picture", text(tr, "picture.heading")),
        _p(text(tr, "picture.intro", date=death), styles.body),
    ]
    rows = []
    for sums in picture.by_currency:
        label = f" ({sums.currency})"
        rows += [
            [
                text(tr, "picture.assets") + label,
                fmt.amount(sums.assets_at_death),
                fmt.amount(sums.assets_now),
            ],
            [
                text(tr, "picture.debts") + label,
                fmt.amount(-sums.debts_at_death),
                fmt.amount(-sums.debts_now),
            ],
            [
                text(tr, "picture.net") + label,
                fmt.amount(sums.assets_at_death - sums.debts_at_death),
                fmt.amount(sums.assets_now - sums.debts_now),
            ],
        ]
    header = ["", text(tr, "picture.at_death", date=death), text(tr, "picture.now")]
    story.append(grid(ctx, header, rows, (FRAME_WIDTH - 260, 130, 130), right=(1, 2)))
    story.append(Spacer(1, 1.5 * mm))
    note = text(tr, "picture.signs")
    if len(picture.by_currency) > 1:
        note += " " + text(tr, "picture.currencies")
    story.append(_p(note, styles.small))
    if figures.funeral_costs is not None:
        story.append(Spacer(1, 1.5 * mm))
        story.append(
            _p(text(tr, "picture.funeral", amount=fmt.amount(figures.funeral_costs)), styles.body)
        )
    story.append(Spacer(1, 2 * mm))

    def at_death(item: AccountPosition) -> str:
        if item.opened_after(picture.death_date):
            return text(tr, "picture.not_opened")
        return fmt.amount(item.at_key_date, item.currency, show=HOME_CURRENCY) or "–"

    def now(item: AccountPosition) -> str:
        closed = item.account.end_date
        if closed is not None:
            return text(tr, "picture.closed", date=fmt.day(closed))  # counted as nothing
        return fmt.amount(item.at_end, item.currency, show=HOME_CURRENCY) or "–"

    accounts = [
        [
            item.account.bank_name,
            fmt.account_number(item.account.account_number),
            tr.word("account_type", item.account.type, default=item.account.type or ""),
            at_death(item),
            now(item),
        ]
        for item in picture.accounts
    ]
    if accounts:
        header = [
            text(tr, "col.bank"),
            text(tr, "col.account"),
            text(tr, "col.type"),
            text(tr, "picture.at_death", date=death),
            text(tr, "picture.now"),
        ]
        widths = (FRAME_WIDTH - 384, 72, 112, 100, 100)
        story += long_grid(ctx, header, accounts, widths, right=(3, 4))
    return story + _after_death(ctx, work) + _unknown(ctx, work)


def _after_death(ctx: ReportContext, work: EstateWork) -> list[Flowable]:
    tr, styles = ctx.tr, ctx.styles
    story: list[Flowable] = [
        CondPageBreak(35 * mm),
        ctx.sub_heading("estate-after-death", text(tr, "after.heading")),
    ]
    after = work.picture.after_death
    if not after:
        return [*story, _p(text(tr, "after.none"), styles.note)]
    header = [
        text(tr, "col.date"),
        text(tr, "col.account"),
        text(tr, "col.counterparty"),
        text(tr, "col.amount"),
    ]
    widths = (56, 72, FRAME_WIDTH - 208, 80)
    for key, english in CATEGORIES.items():
        lines = after.get(key)
        if not lines:
            continue
        total = sum(line.amount_minor for line in lines)
        story.append(
            _p(
                text(
                    tr,
                    "after.category",
                    name=domain(tr, english),
                    count=len(lines),
                    amount=fmt.amount(total),
                ),
                styles.h3,
            )
        )
        rows = [
            [
                fmt.day(line.booking_date),
                fmt.account_number(line.account_number),
                " – ".join(
                    filter(
                        None,
                        (
                            line.counterparty_name or line.merchant,
                            line.message or line.code_text,
                        ),
                    )
                ),
                fmt.amount(line.amount_minor),
            ]
            for line in lines
        ]
        shown = rows[:CATEGORY_SHOWN]
        story += long_grid(ctx, header, shown, widths, right=(3,))
        if len(rows) > len(shown):
            story.append(_p(text(tr, "more", count=len(rows) - len(shown)), styles.small))
    return story


def _unknown(ctx: ReportContext, work: EstateWork) -> list[Flowable]:
    tr, styles = ctx.tr, ctx.styles
    lines = []
    for name, status, message in work.banks:
        if status in UNSETTLED_BANK:
            line = f"{name}: {tr.word('bank_status', status)}"
            if message:
                line += f" – {tr.source(message)}"
            lines.append(line)
    for item in work.picture.accounts:
        if item.at_key_date is None and item.account.end_date is None:
            account = f"{item.account.bank_name} {fmt.account_number(item.account.account_number)}"
            lines.append(text(tr, "unknown.no_balance", account=account))
    story: list[Flowable] = [ctx.sub_heading("estate-unknown", text(tr, "unknown.heading"))]
    if not lines and not work.fetched:
        return [*story, _p(text(tr, "unknown.not_fetched"), styles.body)]
    if not lines:
        return [*story, _p(text(tr, "unknown.none"), styles.body)]
    return story + [_p(f"• {line}", styles.body) for line in lines]


def _decided(ctx: ReportContext, decision: Decision) -> str:
    if decision.kind == workflow.SETTLEMENT_FORM:
        return form_word(ctx, decision.value)
    if decision.kind == workflow.DEADLINE:
        if not decision.value:
            return text(ctx.tr, "deadline.back_to_rule")
        return fmt.day(date.fromisoformat(decision.value))
    if decision.kind == workflow.FUNERAL_COSTS:
        return fmt.amount(int(decision.value))
    return decision.value


def _history(ctx: ReportContext, work: EstateWork) -> list[Flowable]:
    tr = ctx.tr
    if not work.history:
        return []
    rows = [
        [
            fmt.moment(decision.decided_at),
            decision.decided_by,
            text(tr, f"kind.{decision.kind}"),
            _decided(ctx, decision),
            decision.representative or "",
            decision.reasons or "",
        ]
        for decision in work.history
    ]
    header = [
        text(tr, "col.when"),
        text(tr, "col.by"),
        text(tr, "col.what"),
        text(tr, "col.decided"),
        text(tr, "settlement.representative"),
        text(tr, "settlement.reasons"),
    ]
    widths = (62, 50, 104, 64, 80, FRAME_WIDTH - 360)
    story: list[Flowable] = [
        CondPageBreak(30 * mm),
        ctx.sub_heading("estate-history", text(tr, "history.heading")),
    ]
    story += long_grid(ctx, header, rows, widths)
    return story


def _disclaimer(ctx: ReportContext) -> Flowable:
    box = TableStyle(
        [
            ("BOX", (0, 0), (-1, -1), 0.8, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
    )
    paragraph = _p(domain(ctx.tr, DISCLAIMER), ctx.styles.note)
    return Table([[paragraph]], colWidths=[FRAME_WIDTH], style=box)


def settlement_section(ctx: ReportContext) -> list[Flowable]:
    """The decisions chapter's topic for an estate: the decision first, then its basis."""
    work = _work(ctx)
    story = _decision(ctx, work)
    story += [Spacer(1, 2 * mm), _disclaimer(ctx)]
    story += _warnings(ctx, work)
    story += _deadline(ctx, work)
    story += _heirs(ctx, work)
    story += _picture(ctx, work)
    story += _history(ctx, work)
    log.debug("case %d estate decisions: %d recorded", work.case_id, len(work.history))
    return story


register_decisions(Service.ESTATE, settlement_section)
