"""The trustee's review in a bankruptcy report: the key dates, the review windows with every
listed transaction, its assessment and note and the totals per window, the close parties, and
the assets and claims at the ruling date with what was secured and the trustee's remarks.

Importing this module registers it in the decisions chapter of the bankruptcy report kind.
The windows are worked out by `app.review.steps.load_bankruptcy` once per report, on the
report's date; the listed transactions are laid out with `long_grid`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from app.domain.bankruptcy import (
    ASSESSMENT_NAMES,
    WINDOW_NAMES,
    WINDOW_OUTSIDE,
    WINDOW_RULES,
    Assessment,
    ReviewWindow,
)
from app.domain.clock import to_oslo
from app.domain.services import Service
from app.reports import formatting as fmt
from app.reports.context import ReportContext
from app.reports.data import ReportData
from app.reports.decisions import register_decisions
from app.reports.sections import facts_table, grid, long_grid
from app.reports.styles import FRAME_WIDTH
from app.reports.workflow_texts import domain, text
from app.review.positions import HOME_CURRENCY, currencies, totals
from app.review.steps import TRANSACTION_WINDOWS, BankruptcyWork, load_bankruptcy
from app.store.workflow import TransactionLine

log = logging.getLogger(__name__)

AMOUNT_WIDTH = 74
"""The width of an amount column: "-999 999 999,99" fits on one line in the cell font, with the
cell padding on both sides. The amount is one word (its spaces do not break), so a narrower
column would cut it between two lines."""
UNASSESSED_SHOWN = 40
"""Per window, at most this many transactions not yet assessed are listed (the largest)."""


@dataclass
class _Cached:
    data: ReportData
    work: BankruptcyWork


_cache: _Cached | None = None


def report_day(ctx: ReportContext) -> date:
    """The report's own date in Norway: the windows and deadlines are judged on it."""
    return to_oslo(ctx.data.made_at).date()


def _work(ctx: ReportContext) -> BankruptcyWork:
    """The review of the report's case, worked out once per report (builders run every pass)."""
    global _cache
    cached = _cache
    if cached is not None and cached.data is ctx.data:
        return cached.work
    work = load_bankruptcy(ctx.db, ctx.data.case.id, report_day(ctx))
    _cache = _Cached(ctx.data, work)
    return work


def _p(value: str, style: object) -> Paragraph:
    return Paragraph(fmt.markup(value), style)


def _dates(ctx: ReportContext, work: BankruptcyWork, window: ReviewWindow) -> str:
    span = work.review.windows[window].period
    return fmt.period(span.start, span.end) if span else text(ctx.tr, "window.no_dates")


def _assessment(ctx: ReportContext, code: str | None) -> str:
    if not code:
        return ""
    return domain(ctx.tr, ASSESSMENT_NAMES[Assessment(code)])


def _key_facts(ctx: ReportContext, work: BankruptcyWork) -> list[Flowable]:
    tr, dates = ctx.tr, work.review.key_dates
    assessed, listed = work.assessed(tuple(ReviewWindow))
    rows = [
        (text(tr, "fact.ruling_date"), fmt.day(dates.ruling_date)),
        (
            text(tr, "fact.cutoff_date"),
            fmt.day(dates.cutoff_date) if dates.cutoff_date else text(tr, "fact.cutoff_missing"),
        ),
        (
            text(tr, "fact.period"),
            fmt.period(work.review.fetched.start, work.review.fetched.end)
            if work.fetched
            else text(tr, "fact.not_fetched"),
        ),
    ]
    changed = work.key_dates_changed
    if changed is not None:
        rows.append(
            (
                text(tr, "fact.key_dates_changed"),
                text(tr, "by", user=changed.decided_by, time=fmt.moment(changed.decided_at)),
            )
        )
    rows.append(
        (text(tr, "fact.assessed"), text(tr, "assessed_line", assessed=assessed, listed=listed))
    )
    return [facts_table(ctx, rows), Spacer(1, 3 * mm)]


def _summary(ctx: ReportContext, work: BankruptcyWork) -> Flowable:
    tr = ctx.tr
    rows = []
    for window in ReviewWindow:
        listing = work.review.windows[window]
        assessed, listed = work.assessed((window,))
        rows.append(
            [
                domain(tr, WINDOW_NAMES[window]),
                _dates(ctx, work, window),
                fmt.count(len(listing.lines)),
                fmt.amount(-listing.total_out),
                fmt.amount(listing.total_in),
                text(tr, "of", done=assessed, total=listed),
            ]
        )
    header = [
        text(tr, "col.window"),
        text(tr, "col.dates"),
        text(tr, "col.count"),
        text(tr, "col.out"),
        text(tr, "col.in"),
        text(tr, "col.assessed"),
    ]
    widths = (FRAME_WIDTH - 346, 110, 40, AMOUNT_WIDTH, AMOUNT_WIDTH, 48)
    return grid(ctx, header, rows, widths, right=(2, 3, 4, 5))


def _what(line: TransactionLine) -> str:
    party = line.counterparty_name or line.merchant or fmt.account_number(line.counterparty_account)
    words = line.message or line.code_text
    return " – ".join(filter(None, (party, words)))


def listed_lines(
    work: BankruptcyWork, window: ReviewWindow
) -> tuple[list[TransactionLine], list[TransactionLine]]:
    """(shown, left out): every assessed transaction of the window, and of those not yet
    assessed the `UNASSESSED_SHOWN` largest; the rest are counted, and are in the appendix."""
    lines = work.review.windows[window].lines
    assessed = {line.id for line in lines if (line.id, window.value) in work.review.assessments}
    open_lines = [line for line in lines if line.id not in assessed]
    largest = sorted(open_lines, key=lambda line: (-abs(line.amount_minor), line.id))
    kept = {line.id for line in largest[:UNASSESSED_SHOWN]} | assessed
    shown = [line for line in lines if line.id in kept]
    return shown, [line for line in lines if line.id not in kept]


def _row(
    ctx: ReportContext, work: BankruptcyWork, window: ReviewWindow, line: TransactionLine
) -> list[str]:
    found = work.review.assessments.get((line.id, window.value))
    note = ""
    if found is not None:
        note = found.assessed_by
        if found.note:
            note = text(ctx.tr, "note_by", note=found.note, user=found.assessed_by)
    return [
        fmt.day(line.booking_date),
        fmt.account_number(line.account_number),
        _what(line),
        fmt.amount(line.amount_minor),
        _assessment(ctx, found.assessment if found else None),
        note,
    ]


def _window_block(ctx: ReportContext, work: BankruptcyWork, window: ReviewWindow) -> list[Flowable]:
    tr, styles = ctx.tr, ctx.styles
    listing = work.review.windows[window]
    story: list[Flowable] = [
        CondPageBreak(40 * mm),
        ctx.minor_heading(
            f"window-{window.value}",
            text(
                tr,
                "window.heading",
                name=domain(tr, WINDOW_NAMES[window]),
                dates=_dates(ctx, work, window),
            ),
        ),
        _p(text(tr, "window.rule", rule=domain(tr, WINDOW_RULES[window])), styles.small),
    ]
    if work.review.key_dates.cutoff_missing and window in (
        ReviewWindow.EXTRAORDINARY,
        ReviewWindow.NO_CONSIDERATION,
    ):
        story.append(_p(text(tr, "window.stand_in"), styles.note))
    if listing.reaches_outside and listing.reach is not None:
        outside = domain(tr, WINDOW_OUTSIDE).replace("%1", fmt.day(listing.reach.start))
        story.append(_p(outside.replace("%2", fmt.day(listing.reach.end)), styles.note))
    if not listing.lines:
        story.append(_p(text(tr, "window.empty"), styles.note))
        return story

    header = [
        text(tr, "col.date"),
        text(tr, "col.account"),
        text(tr, "col.counterparty"),
        text(tr, "col.amount"),
        text(tr, "col.assessment"),
        text(tr, "col.note"),
    ]
    widths = (54, 70, 120, AMOUNT_WIDTH, 56, FRAME_WIDTH - 374)
    sums: dict[str | None, list[int]] = {}
    for line in listing.lines:
        found = work.review.assessments.get((line.id, window.value))
        entry = sums.setdefault(found.assessment if found else None, [0, 0])
        entry[0] += 1
        entry[1] += line.amount_minor
    shown, left_out = listed_lines(work, window)
    rows = [_row(ctx, work, window, line) for line in shown]
    story += long_grid(ctx, header, rows, widths, right=(3,))
    if left_out:
        story.append(
            _p(
                text(
                    tr,
                    "window.more",
                    count=len(left_out),
                    amount=fmt.amount(sum(line.amount_minor for line in left_out)),
                    shown=UNASSESSED_SHOWN,
                ),
                styles.small,
            )
        )

    parts = [
        text(
            tr,
            "window.totals",
            count=len(listing.lines),
            out=fmt.amount(-listing.total_out),
            inn=fmt.amount(listing.total_in),
        )
    ]
    for code in (*(a.value for a in Assessment), None):
        if code in sums:
            count, amount = sums[code]
            name = _assessment(ctx, code) if code else text(tr, "not_assessed")
            parts.append(
                text(tr, "window.by_assessment", name=name, amount=fmt.amount(amount), count=count)
            )
    story.append(Spacer(1, 1.5 * mm))
    story.append(_p(" · ".join(parts), styles.body))
    return story


def _close_parties(ctx: ReportContext, work: BankruptcyWork) -> list[Flowable]:
    tr, styles = ctx.tr, ctx.styles
    story: list[Flowable] = [
        ctx.sub_heading("close-parties", text(tr, "close.heading")),
        _p(
            text(tr, "close.intro", window=domain(tr, WINDOW_NAMES[ReviewWindow.CLOSE_PARTY])),
            styles.body,
        ),
    ]
    parties = work.review.close_parties
    if parties:
        rows = [
            [
                party.name or "",
                fmt.account_number(party.account_number),
                party.note or "",
                text(tr, "by", user=party.recorded_by, time=fmt.moment(party.recorded_at)),
            ]
            for party in parties
        ]
        header = [
            text(tr, "col.name"),
            text(tr, "col.account_number"),
            text(tr, "col.note"),
            text(tr, "col.recorded"),
        ]
        story.append(grid(ctx, header, rows, (130, 80, FRAME_WIDTH - 330, 120)))
    elif work.no_close_parties is not None:
        decision = work.no_close_parties
        story.append(
            _p(
                text(
                    tr,
                    "close.none_known",
                    user=decision.decided_by,
                    time=fmt.moment(decision.decided_at),
                ),
                styles.body,
            )
        )
    else:
        story.append(_p(text(tr, "close.none"), styles.note))
    return story


def _assets(ctx: ReportContext, work: BankruptcyWork) -> list[Flowable]:
    tr, styles = ctx.tr, ctx.styles
    ruling = work.review.key_dates.ruling_date
    story: list[Flowable] = [
        CondPageBreak(60 * mm),  # the heading and its intro go with the table
        ctx.sub_heading("assets-and-claims", text(tr, "assets.heading")),
        _p(text(tr, "assets.intro", date=fmt.day(ruling)), styles.body),
    ]
    if not work.positions:
        story.append(_p(text(tr, "assets.none"), styles.note))
        return story
    rows = []
    secured_total = 0
    for item in work.positions:
        account = item.account
        found = work.account_assessments.get(account.account_id)
        secured = found.secured_minor if found else None
        secured_total += secured or 0
        remarks = ""
        if found is not None and found.remarks:
            remarks = text(tr, "note_by", note=found.remarks, user=found.assessed_by)
        rows.append(
            [
                account.bank_name,
                fmt.account_number(account.account_number),
                ctx.tr.word("account_type", account.type, default=account.type or ""),
                fmt.amount(item.at_key_date, item.currency, show=HOME_CURRENCY) or "–",
                fmt.amount(item.at_end, item.currency, show=HOME_CURRENCY) or "–",
                fmt.amount(secured),
                remarks,
            ]
        )
    header = [
        text(tr, "col.bank"),
        text(tr, "col.account"),
        text(tr, "col.type"),
        text(tr, "col.at_ruling"),
        text(tr, "col.at_end"),
        text(tr, "col.secured"),
        text(tr, "col.remarks"),
    ]
    widths = (56, 68, 80, AMOUNT_WIDTH, AMOUNT_WIDTH, AMOUNT_WIDTH, FRAME_WIDTH - 426)
    story += long_grid(ctx, header, rows, widths, right=(3, 4, 5))
    lines = []
    for currency in currencies(work.positions):
        assets, debts = totals(work.positions, at_key_date=True, currency=currency)
        lines.append(
            text(
                tr,
                "assets.totals",
                currency=currency,
                assets=fmt.amount(assets),
                debts=fmt.amount(-debts),
            )
        )
    lines.append(text(tr, "assets.secured", secured=fmt.amount(secured_total)))
    story += [Spacer(1, 1.5 * mm), _p(" ".join(lines), styles.body)]
    return story


def review_section(ctx: ReportContext) -> list[Flowable]:
    """The decisions chapter's topic for a bankruptcy: the review windows and what follows."""
    work = _work(ctx)
    story: list[Flowable] = [_p(text(ctx.tr, "windows.intro"), ctx.styles.body)]
    story += _key_facts(ctx, work)
    story.append(_summary(ctx, work))
    for window in ReviewWindow:
        story += _window_block(ctx, work, window)
    story += _close_parties(ctx, work)
    story += _assets(ctx, work)
    listed = sum(len(work.review.windows[w].lines) for w in TRANSACTION_WINDOWS)
    log.debug("case %d review windows: %d transactions listed", work.case_id, listed)
    return story


register_decisions(Service.BANKRUPTCY, review_section)
