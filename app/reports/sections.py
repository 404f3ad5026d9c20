"""The sections of a case report, and which sections each report kind has, in order.

A section builder takes the `ReportContext` and returns flowables. Every kind (bankruptcy,
estate, guardianship) starts from the same list: cover, contents, summary, banks and accounts,
flagged transactions and notes, decisions, sources, appendix; the builders word themselves by
the case's service. A later module can add a chapter with `register_section`, or fill the
decisions chapter through `app.reports.decisions.register_decisions`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.services import Service
from app.reports import formatting as fmt
from app.reports.appendix import appendix_flowables
from app.reports.charts import balance_bars, daily_balance
from app.reports.context import ReportContext
from app.reports.data import FlaggedTransaction, Sums, account_state
from app.reports.decisions import decisions_section
from app.reports.document import Heading, Streamed, contents_table
from app.reports.styles import (
    CONFIDENTIAL,
    FRAME_WIDTH,
    SANDBOX_FILL,
    facts_style,
    grid_style,
)
from app.review.balances import KnownBalance, daily_balances
from app.review.flags import reason_text
from app.store import report_queries as q
from app.store.browse import INCOMPLETE_ACCOUNT, INCOMPLETE_BANK

SectionBuilder = Callable[[ReportContext], list[Flowable]]

LABEL_WIDTH = 150.0
MIN_CHART_TRANSACTIONS = 10


@dataclass(frozen=True)
class Section:
    key: str
    build: SectionBuilder
    numbered: bool = True
    """Numbered sections are chapters: they get a number and a contents entry."""


# -- helpers -----------------------------------------------------------------------------


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(fmt.markup(text), style)


def facts_table(
    ctx: ReportContext,
    rows: Sequence[tuple[str, str | Flowable]],
    *,
    label_width: float = LABEL_WIDTH,
) -> Table:
    """A two-column table of labels and values; values wrap within the frame."""
    styles = ctx.styles
    data = [
        [_p(label, styles.label), value if isinstance(value, Flowable) else _p(value, styles.cell)]
        for label, value in rows
    ]
    return Table(
        data, colWidths=(label_width, FRAME_WIDTH - label_width), style=facts_style(), hAlign="LEFT"
    )


def grid(
    ctx: ReportContext,
    header: Sequence[str],
    rows: Sequence[Sequence[str | Flowable]],
    widths: Sequence[float],
    *,
    right: tuple[int, ...] = (),
    with_header: bool = True,
) -> Table:
    """A table with a header row, repeated when the table runs onto the next page (or, with
    `with_header` false, the rows alone)."""
    styles = ctx.styles

    def cell(value: str | Flowable, column: int, head: bool = False) -> Flowable:
        if not isinstance(value, str):
            return value  # a flowable, or a list of them
        if head:
            return _p(value, styles.head_right if column in right else styles.cell_bold)
        return _p(value, styles.cell_right if column in right else styles.cell)

    data = [[cell(h, i, head=True) for i, h in enumerate(header)]] if with_header else []
    data += [[cell(v, i) for i, v in enumerate(row)] for row in rows]
    return Table(
        data,
        colWidths=list(widths),
        repeatRows=1 if with_header else 0,
        style=grid_style(header=with_header, right_columns=right),
        hAlign="LEFT",
    )


ROWS_PER_TABLE = 40
"""A long listing is laid out as tables of this many rows, so that layout time stays linear
(one table of thousands of rows is split again and again)."""


def long_grid(
    ctx: ReportContext,
    header: Sequence[str],
    rows: Sequence[Sequence[str | Flowable]],
    widths: Sequence[float],
    *,
    right: tuple[int, ...] = (),
) -> list[Flowable]:
    """`grid` for any number of rows: one header at the top and on every page it runs onto,
    never between its rows in the middle of a page."""

    def make(part: Sequence[Sequence[str | Flowable]], with_header: bool) -> Table:
        return grid(ctx, header, part, widths, right=right, with_header=with_header)

    parts: list[Flowable] = [make(rows[:ROWS_PER_TABLE], True)] if rows else []
    for start in range(ROWS_PER_TABLE, len(rows), ROWS_PER_TABLE):
        parts.append(_GoingOn(make, rows[start : start + ROWS_PER_TABLE]))
    return parts


class _GoingOn(Flowable):
    """Rows that go on from the table above: under it they follow without a header; where
    they begin a page, they bring the header along."""

    def __init__(
        self,
        make: Callable[[Sequence[Sequence[str | Flowable]], bool], Table],
        rows: Sequence[Sequence[str | Flowable]],
    ) -> None:
        super().__init__()
        self._make = make
        self._rows = rows
        self._table: Table | None = None
        self._at_top = False

    def _lay_out(self) -> Table:
        # the frame sets itself on a flowable before it asks for its size or a split
        self._at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        self._table = self._make(self._rows, self._at_top)
        return self._table

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        width, height = self._lay_out().wrap(availWidth, availHeight)
        self.width, self.height = width, height
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        table = self._lay_out()
        parts = table.split(availWidth, availHeight)
        if self._at_top or len(parts) < 2:
            return parts  # a header of its own, repeated on every page by the table
        fitted = parts[0]
        return [fitted, _GoingOn(self._make, self._rows[fitted._nrows :])]

    def draw(self) -> None:
        assert self._table is not None
        self._table.drawOn(self.canv, 0, 0)


def _service_name(ctx: ReportContext) -> str:
    return ctx.tr(f"service.{ctx.data.service.value}")


def _key_label(ctx: ReportContext) -> str:
    return ctx.tr(f"key_label.{ctx.data.service.value}")


def _account_label(account: q.ReportAccount) -> str:
    return fmt.account_number(account.account_number)


def _state_word(ctx: ReportContext, account: q.ReportAccount) -> str:
    state = account_state(account, ctx.data.case.period_end)
    return ctx.tr(f"account_state.{state}", date=fmt.day(account.end_date))


# -- cover -------------------------------------------------------------------------------


def case_facts(ctx: ReportContext) -> list[tuple[str, str]]:
    """The facts of the case, as the cover shows them."""
    tr, data, case = ctx.tr, ctx.data, ctx.data.case
    service = data.service
    rows = [
        (tr("fact.reference"), case.reference),
        (tr("fact.service"), _service_name(ctx)),
        (
            tr(f"fact.subject.{service.value}"),
            tr.subject_name(case.subject_name, from_banks=case.name_from_banks),
        ),
        (tr(f"fact.subject_id.{case.subject_kind}"), fmt.party_id(case.subject_id)),
    ]
    if service is Service.BANKRUPTCY:
        rows.append((tr("fact.ruling_date"), fmt.day(case.key_date)))
        if case.cutoff_date is not None:
            rows.append((tr("fact.cutoff_date"), fmt.day(case.cutoff_date)))
    elif service is Service.ESTATE:
        rows.append((tr("fact.death_date"), fmt.day(case.key_date)))
    else:
        rows.append((tr("fact.control_year"), str(case.key_date.year)))
        rows.append((tr("fact.guardian"), fmt.party_id(case.guardian_id)))
    period = fmt.period(case.period_start, case.period_end) or tr("not_fetched")
    rows += [
        (tr("fact.period"), period),
        (tr("fact.environment"), tr.word("environment", case.environment)),
        (tr("fact.legal_basis"), fmt.legal_reference(data.profile.mandate_accounts)),
        (tr("fact.request_id"), case.request_id),
        (
            tr("fact.case_created"),
            tr("fact.by", time=fmt.moment(case.created_at), user=case.created_by),
        ),
        (tr("fact.fetched_at"), fmt.moment(data.fetched_at) or tr("not_fetched")),
        (tr("fact.made"), tr("fact.by", time=fmt.moment(data.made_at), user=data.user)),
    ]
    return rows


def _boxed(flowables: list[Flowable], *, border: Color, fill: Color | None = None) -> Table:
    style = [
        ("BOX", (0, 0), (-1, -1), 1.2, border),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    if fill is not None:
        style.append(("BACKGROUND", (0, 0), (-1, -1), fill))
    return Table([[flowables]], colWidths=[FRAME_WIDTH], style=TableStyle(style))


def cover(ctx: ReportContext) -> list[Flowable]:
    tr, styles, data = ctx.tr, ctx.styles, ctx.data
    story: list[Flowable] = [Spacer(1, 8 * mm)]
    if data.is_sandbox:
        story += [
            _boxed(
                [_p(tr("sandbox_marking"), styles.marking), _p(tr("cover_sandbox"), styles.body)],
                border=SANDBOX_FILL,
                fill=SANDBOX_FILL.clone(alpha=0.25),
            ),
            Spacer(1, 6 * mm),
        ]
    story += [
        _p(tr(f"title.{data.service.value}"), styles.title),
        _p(
            f"{_service_name(ctx)} · {data.case.subject_name or data.case.reference}",
            styles.subtitle,
        ),
        facts_table(ctx, case_facts(ctx)),
        Spacer(1, 8 * mm),
        _boxed(
            [_p(tr("confidential"), styles.marking), _p(tr("cover_notice"), styles.body)],
            border=CONFIDENTIAL,
        ),
        Spacer(1, 4 * mm),
        _p(tr("made_with", version=data.version), styles.small),
        PageBreak(),
    ]
    return story


def contents(ctx: ReportContext) -> list[Flowable]:
    story: list[Flowable] = [
        Heading(
            fmt.markup(ctx.tr("contents")),
            ctx.styles.h1,
            key="contents",
            title=ctx.tr("contents"),
            level=None,
        )
    ]
    table = contents_table(ctx.contents, ctx.styles)
    if table is not None:
        story.append(table)
    story.append(PageBreak())
    return story


# -- summary -----------------------------------------------------------------------------


def _bank_line(ctx: ReportContext) -> str:
    tr = ctx.tr
    groups, others = ctx.data.answer_counts()
    line = tr(
        "summary.banks_line",
        total=len(ctx.data.banks),
        complete=groups["complete"],
        partial=groups["partial"],
        failed=groups["failed"],
        letter=groups["letter"],
    )
    extra = [
        tr("summary.banks_other", count=count, status=tr.word("bank_status", status))
        for status, count in sorted(others.items())
    ]
    return "; ".join([line, *extra])


def _account_line(ctx: ReportContext) -> str:
    tr = ctx.tr
    states = Counter(account_state(a, ctx.data.case.period_end) for a in ctx.data.accounts)
    line = tr(
        "summary.accounts_line",
        total=len(ctx.data.accounts),
        open=states["open"],
        blocked=states["blocked"],
        closed=states["closed"] + states["deleted"],
    )
    if states["unknown"]:
        line += "; " + tr("summary.accounts_unknown", count=states["unknown"])
    return line


def _balance_table(ctx: ReportContext) -> Table | None:
    tr, overview, case = ctx.tr, ctx.data.overview, ctx.data.case
    if not overview.totals:
        return None
    key_header = f"{tr(f'key_column.{ctx.data.service.value}')} {fmt.day(overview.balance_date)}"
    end_header = f"{tr('summary.period_end')} {fmt.day(case.period_end)}".strip()
    rows = []
    for totals in overview.totals:
        cur = totals.currency
        rows += [
            [
                f"{tr('summary.assets')} ({cur})",
                fmt.amount(totals.assets_key),
                fmt.amount(totals.assets_end),
            ],
            [
                f"{tr('summary.debts')} ({cur})",
                fmt.amount(totals.debts_key),
                fmt.amount(totals.debts_end),
            ],
            [
                f"{tr('summary.net')} ({cur})",
                fmt.amount(totals.assets_key + totals.debts_key),
                fmt.amount(totals.assets_end + totals.debts_end),
            ],
        ]
    widths = (FRAME_WIDTH - 300, 150, 150)
    return grid(ctx, ["", key_header, end_header], rows, widths, right=(1, 2))


def _transaction_table(ctx: ReportContext) -> Table:
    tr, data, case = ctx.tr, ctx.data, ctx.data.case
    lines: list[tuple[str, dict[str, Sums]]] = [(tr("summary.tx_all"), data.totals)]
    if data.service is not Service.GUARDIANSHIP:
        lines.append(
            (f"{tr(f'after.{data.service.value}')} {fmt.day(case.key_date)}", data.after_key)
        )
    if data.after_cutoff is not None:
        lines.append((f"{tr('after.cutoff')} {fmt.day(case.cutoff_date)}", data.after_cutoff))
    rows = []
    for label, by_currency in lines:
        for currency, sums in (by_currency or {"NOK": Sums()}).items():
            rows.append(
                [
                    f"{label} ({currency})",
                    fmt.count(sums.count),
                    fmt.amount(sums.in_minor),
                    fmt.amount(sums.out_minor),
                ]
            )
    header = ["", tr("summary.tx_count"), tr("summary.tx_in"), tr("summary.tx_out")]
    return grid(ctx, header, rows, (FRAME_WIDTH - 300, 70, 115, 115), right=(1, 2, 3))


def _missing(ctx: ReportContext) -> list[Flowable]:
    """Banks and accounts whose answers are not complete, with the reason where known."""
    tr, styles, data = ctx.tr, ctx.styles, ctx.data
    items = []
    for bank in data.banks:
        if bank.status in INCOMPLETE_BANK:
            items.append(
                (
                    tr(
                        "summary.missing_bank",
                        name=bank.name,
                        status=tr.word("bank_status", bank.status),
                    ),
                    bank.message,
                )
            )
        if bank.status == "cancelled":
            continue
        for account in data.accounts_of(bank.id):
            if account.fetch_status in INCOMPLETE_ACCOUNT:
                name = f"{bank.name} {_account_label(account)}"
                items.append(
                    (
                        tr(
                            "summary.missing_account",
                            name=name,
                            status=tr.word("fetch_status", account.fetch_status),
                        ),
                        account.message,
                    )
                )
    if not items and not data.fetched:
        return [_p(tr("summary.missing_not_fetched"), styles.body)]
    if not items:
        return [_p(tr("summary.missing_none"), styles.body)]
    return [
        _p(f"• {text}" + (f" – {tr.source(message)}" if message else ""), styles.body)
        for text, message in items
    ]


def summary(ctx: ReportContext) -> list[Flowable]:
    tr, styles, data = ctx.tr, ctx.styles, ctx.data
    pending = sum(s.pending for s in data.totals.values())
    flagged = len(data.flagged)
    no_balance = sum(
        1
        for bank in data.overview.banks
        for a in bank.accounts
        if a.balance_end is None or a.balance_key is None
    )
    story: list[Flowable] = [
        ctx.chapter_heading("summary", tr("section.summary")),
        facts_table(
            ctx,
            [
                (tr("summary.banks"), _bank_line(ctx)),
                (tr("summary.accounts"), _account_line(ctx)),
                (tr("summary.transactions"), fmt.count(data.transaction_count)),
                (
                    tr("summary.flags"),
                    tr("summary.flags_line", count=flagged, chapter=ctx.chapter("flags"))
                    if flagged
                    else tr("flags.none"),
                ),
            ],
        ),
        ctx.sub_heading("summary-balances", tr("summary.balances"), contents=False),
    ]
    table = _balance_table(ctx)
    if table is not None:
        story.append(table)
    story.append(Spacer(1, 2 * mm))
    story.append(_p(tr("summary.balances_note", key_label=_key_label(ctx)), styles.small))
    if no_balance:
        story.append(_p(tr("summary.no_balance", count=no_balance), styles.small))
    story += [
        ctx.sub_heading("summary-transactions", tr("summary.transactions"), contents=False),
        _transaction_table(ctx),
        Spacer(1, 2 * mm),
    ]
    if pending:
        story.append(_p(tr("summary.tx_pending", count=pending), styles.small))
    if data.outside_period and data.allowed_period:
        story.append(
            _p(
                tr(
                    "summary.outside_period",
                    count=data.outside_period,
                    period=fmt.period(*data.allowed_period),
                ),
                styles.small,
            )
        )
    story.append(ctx.sub_heading("summary-missing", tr("summary.missing"), contents=False))
    story += _missing(ctx)
    return story


# -- banks and accounts ------------------------------------------------------------------


def _trail_rows(ctx: ReportContext, org_number: str) -> list[tuple[str, str]]:
    tr = ctx.tr
    trail = ctx.data.trails.get(org_number)
    if trail is None:
        return [(tr("bank.requests"), tr("bank.requests_none"))]
    rows = [
        (
            tr("bank.requests"),
            tr(
                "bank.requests_line",
                count=trail.requests,
                failed=trail.failed,
                first=fmt.moment(trail.first_at),
                last=fmt.moment(trail.last_at),
            ),
        )
    ]
    if trail.first_correlation_id:
        if trail.correlation_ids <= 1:
            text = tr("bank.correlation_one", first=trail.first_correlation_id)
        else:
            text = tr(
                "bank.correlation_line",
                first=trail.first_correlation_id,
                last=trail.last_correlation_id,
                count=trail.correlation_ids,
            )
        rows.append((tr("bank.correlation"), text))
    return rows


def _bank_facts(ctx: ReportContext, bank: q.ReportBank) -> Table:
    tr = ctx.tr
    rows = [
        (tr("bank.org_number"), fmt.party_id(bank.org_number)),
        (tr("bank.answer"), tr.word("bank_status", bank.status)),
    ]
    if bank.message:
        rows.append((tr("bank.message"), tr.source(bank.message)))
    rows.append((tr("bank.fetched"), fmt.moment(bank.fetched_at) or tr("not_fetched")))
    rows += _trail_rows(ctx, bank.org_number)
    return facts_table(ctx, rows)


def _end_balance(ctx: ReportContext, account: q.ReportAccount) -> tuple[int | None, str]:
    overview = ctx.data.account_overview(account.id)
    if overview is None or overview.balance_end is None:
        return None, ""
    return overview.balance_end, overview.currency or account.currency or "NOK"


def _accounts_table(ctx: ReportContext, accounts: list[q.ReportAccount]) -> Table:
    tr = ctx.tr
    rows = []
    for account in accounts:
        balance, currency = _end_balance(ctx, account)
        count = sum(s.count for s in ctx.data.activity.get(account.id, {}).values())
        rows.append(
            [
                _account_label(account),
                tr.word("account_type", account.type),
                _state_word(ctx, account),
                fmt.amount(balance, currency, show="NOK") if balance is not None else "–",
                fmt.count(count),
            ]
        )
    header = [
        tr("column.account"),
        tr("column.type"),
        tr("column.status"),
        tr("column.balance_end"),
        tr("column.transactions"),
    ]
    return grid(ctx, header, rows, (88, 130, 92, 105, FRAME_WIDTH - 415), right=(3, 4))


def _bars(ctx: ReportContext, accounts: list[q.ReportAccount]) -> list[Flowable]:
    by_currency: dict[str, list[tuple[str, int]]] = {}
    for account in accounts:
        balance, currency = _end_balance(ctx, account)
        if balance is not None:
            by_currency.setdefault(currency, []).append((_account_label(account), balance))
    story: list[Flowable] = []
    for currency, items in sorted(by_currency.items()):
        if len(items) < 2:
            continue  # one bar says nothing the table above does not
        story.append(
            KeepTogether(
                [
                    _p(ctx.tr("bank.chart_title", currency=currency), ctx.styles.small),
                    balance_bars(items, width=FRAME_WIDTH),
                ]
            )
        )
    return story


def _balance_lines(ctx: ReportContext, account: q.ReportAccount) -> str:
    tr = ctx.tr
    lines = []
    for balance in account.balances:
        line = tr(
            "account.balance_item",
            kind=tr.word("balance_kind", balance.kind),
            amount=fmt.amount(balance.amount_minor, balance.currency, show=account.currency),
            date=fmt.day(balance.as_of),
        )
        if balance.credit_line_minor is not None:
            key = (
                "account.credit_line"
                if balance.credit_line_included
                else "account.credit_line_apart"
            )
            line += ", " + tr(key, amount=fmt.amount(balance.credit_line_minor))
        lines.append(line)
    return "\n".join(lines)


def _owner(account: q.ReportAccount) -> str:
    parts = [account.owner_name or "", fmt.party_id(account.owner_id)]
    return ", ".join(p for p in parts if p)


def account_facts(ctx: ReportContext, account: q.ReportAccount) -> list[tuple[str, str]]:
    """The facts of one account, as its section shows them."""
    tr, data = ctx.tr, ctx.data
    overview = data.account_overview(account.id)
    currency = account.currency or "NOK"
    rows: list[tuple[str, str]] = []
    if account.name:
        rows.append((tr("account.name"), account.name))
    rows += [
        (tr("account.type"), tr.word("account_type", account.type)),
        (tr("account.currency"), currency),
        (tr("account.status"), _state_word(ctx, account)),
    ]
    owner = _owner(account)
    if owner:
        rows.append((tr("account.owner"), owner))
    if account.owner_permission:
        rows.append((tr("account.permission"), tr.word("permission", account.owner_permission)))
    if account.owner_start or account.owner_end:
        rows.append(
            (tr("account.owner_period"), fmt.period(account.owner_start, account.owner_end))
        )
    if account.start_date or account.end_date:
        rows.append((tr("account.lifetime"), fmt.period(account.start_date, account.end_date)))
    if overview is not None and overview.balance_key is not None:
        value = fmt.amount(overview.balance_key)
        if overview.balance_key_derived:
            value += " " + tr("account.computed")
        label = tr(
            "account.balance_key", label=_key_label(ctx), date=fmt.day(data.overview.balance_date)
        )
        rows.append((label, value))
    if account.end_date is not None and not account.balances:
        value = tr("account.closed_no_balance", date=fmt.day(account.end_date))
    elif overview is not None and overview.balance_end is not None:
        value = f"{fmt.amount(overview.balance_end)} ({fmt.day(overview.balance_end_on)})"
    else:
        value = tr("account.no_balance")
    rows.append((tr("account.balance_end"), value))
    bank_balances = _balance_lines(ctx, account)
    if bank_balances:
        rows.append((tr("account.bank_balances"), bank_balances))
    rows += _activity_rows(ctx, account)
    fetch = tr.word("fetch_status", account.fetch_status)
    if account.message:
        fetch += f": {account.message}"
    rows.append((tr("account.fetch"), fetch))
    if account.roles:
        rows.append(
            (
                tr("account.roles"),
                "\n".join(
                    tr(
                        "account.role_item",
                        name=role.name or fmt.party_id(role.party_id),
                        permission=tr.word("permission", role.permission),
                        period=fmt.period(role.start_date, role.end_date),
                    ).strip()
                    for role in account.roles
                ),
            )
        )
    return rows


def _activity_rows(ctx: ReportContext, account: q.ReportAccount) -> list[tuple[str, str]]:
    tr = ctx.tr
    activity = ctx.data.activity.get(account.id, {})
    if not activity:
        return [(tr("account.transactions"), tr("account.tx_none"))]
    total = sum(activity.values(), start=Sums())
    rows = [
        (
            tr("account.transactions"),
            tr("account.tx_line", count=total.count, booked=total.booked, pending=total.pending),
        ),
        (tr("account.dated"), fmt.period(total.first, total.last)),
        (
            tr("account.in_out"),
            "\n".join(
                f"{fmt.amount(s.in_minor, cur, show=account.currency or 'NOK')} / "
                f"{fmt.amount(s.out_minor, cur, show=account.currency or 'NOK')}"
                for cur, s in activity.items()
            ),
        ),
    ]
    return rows


def _chart_account(ctx: ReportContext, accounts: list[q.ReportAccount]) -> q.ReportAccount | None:
    """The bank's busiest account whose daily balance can be derived, if any."""
    best, best_count = None, MIN_CHART_TRANSACTIONS - 1
    for account in accounts:
        overview = ctx.data.account_overview(account.id)
        if overview is None or overview.balance_end is None or account.fetch_status != "complete":
            continue
        booked = sum(s.booked for s in ctx.data.activity.get(account.id, {}).values())
        if booked > best_count:
            best, best_count = account, booked
    return best


def _daily_chart(ctx: ReportContext, account: q.ReportAccount) -> Flowable | None:
    data = ctx.data
    overview = data.account_overview(account.id)
    movements = data.movements.get(account.id, [])
    if overview is None or overview.balance_end is None or overview.balance_end_on is None:
        return None
    if not movements:
        return None
    start = data.case.period_start or movements[0][0]
    end = data.case.period_end or overview.balance_end_on
    if end is None or end <= start:
        return None
    known = KnownBalance(overview.balance_end_on, overview.balance_end)
    series = daily_balances(start, end, known, movements)
    key = data.case.key_date if data.service is not Service.GUARDIANSHIP else None
    marker = (key, f"{ctx.tr(f'key_column.{data.service.value}')} {fmt.day(key)}") if key else None
    return KeepTogether(
        [
            _p(
                ctx.tr(
                    "account.chart_title",
                    number=_account_label(account),
                    currency=account.currency or "NOK",
                ),
                ctx.styles.small,
            ),
            daily_balance(series, width=FRAME_WIDTH, tr=ctx.tr, marker=marker),
        ]
    )


def banks(ctx: ReportContext) -> list[Flowable]:
    tr, styles, data = ctx.tr, ctx.styles, ctx.data
    story: list[Flowable] = [PageBreak(), ctx.chapter_heading("banks", tr("section.banks"))]
    if not data.banks:
        story.append(_p(tr("bank.none"), styles.note))
    for bank in data.banks:
        accounts = data.accounts_of(bank.id)
        story += [
            CondPageBreak(60 * mm),
            ctx.sub_heading(f"bank-{bank.id}", bank.name),
            _bank_facts(ctx, bank),
        ]
        if bank.status == "letter_needed":
            story.append(Spacer(1, 2 * mm))
            story.append(_p(tr("bank.letter"), styles.note))
        if not accounts:
            if bank.status != "letter_needed":
                story.append(_p(tr("bank.no_accounts"), styles.note))
            continue
        story += [Spacer(1, 3 * mm), _accounts_table(ctx, accounts), Spacer(1, 3 * mm)]
        story += _bars(ctx, accounts)
        charted = _chart_account(ctx, accounts)
        for account in accounts:
            title = tr("account.heading", number=_account_label(account))
            if account.name:
                title += f" – {account.name}"
            story += [
                ctx.minor_heading(f"account-{account.id}", title),
                facts_table(ctx, account_facts(ctx, account)),
            ]
            if account is charted:
                chart = _daily_chart(ctx, account)
                if chart is not None:
                    story += [Spacer(1, 2 * mm), chart]
    return story


# -- flags and notes ---------------------------------------------------------------------


def _reason(ctx: ReportContext, flag: q.FlagRow) -> str:
    rule = ctx.tr.word("rule", flag.rule)
    if flag.rule == "manual" or not flag.params:
        return f"{ctx.tr('flags.by', rule=rule, author=flag.created_by)}: {flag.reason}"
    try:
        params = json.loads(flag.params)
    except ValueError:
        return f"{rule}: {flag.reason}"
    return f"{rule}: {reason_text(flag.rule, params, translate=ctx.tr.source)}"


def _flag_row(ctx: ReportContext, item: FlaggedTransaction) -> list[str | Flowable]:
    tr, styles, t = ctx.tr, ctx.styles, item.transaction
    what = "\n".join(filter(None, (t.counterparty_name or t.merchant, t.message or t.code_text)))
    reasons = [_p(f"• {_reason(ctx, flag)}", styles.cell) for flag in item.flags]
    reasons += [
        _p(
            tr("flags.note", author=note.author, time=fmt.moment(note.created_at), text=note.text),
            ctx.styles.cell_note,
        )
        for note in item.notes
    ]
    return [
        fmt.day(t.booking_date or t.value_date),
        f"{t.bank_name}\n{fmt.account_number(t.account_number)}",
        what,
        fmt.amount(t.amount_minor, t.currency, show=t.account_currency or "NOK"),
        reasons,  # type: ignore[list-item]
    ]


def _note_target(ctx: ReportContext, note: q.NoteRow) -> str:
    tr = ctx.tr
    if note.target_kind == "case":
        return tr("notes.case")
    if note.target_kind == "account":
        account = next((a for a in ctx.data.accounts if a.id == note.target_id), None)
        if account is not None:
            return tr("notes.account", number=_account_label(account))
    if note.target_kind == "transaction":
        t = ctx.data.note_transactions.get(note.target_id or -1)
        if t is not None:
            return tr(
                "notes.transaction",
                date=fmt.day(t.booking_date),
                amount=fmt.amount(t.amount_minor, t.currency, show=t.account_currency or "NOK"),
                account=fmt.account_number(t.account_number),
            )
    return tr("notes.unknown_target")


def flags_and_notes(ctx: ReportContext) -> list[Flowable]:
    tr, styles, data = ctx.tr, ctx.styles, ctx.data
    story: list[Flowable] = [
        PageBreak(),
        ctx.chapter_heading("flags", tr("section.flags")),
        _p(tr("flags.intro"), styles.body),
    ]
    if not data.flagged:
        story.append(_p(tr("flags.none"), styles.note))
    header = [tr(f"flags.column.{k}") for k in ("date", "account", "what", "amount", "reason")]
    story += long_grid(
        ctx,
        header,
        [_flag_row(ctx, item) for item in data.flagged],
        (56, 92, 118, 66, FRAME_WIDTH - 332),
        right=(3,),
    )
    if data.cleared_flags:
        story.append(Spacer(1, 2 * mm))
        story.append(_p(tr("flags.cleared", count=data.cleared_flags), styles.small))

    shown = {f.transaction.id for f in data.flagged}
    notes = [n for n in data.notes if not (n.target_kind == "transaction" and n.target_id in shown)]
    story.append(ctx.sub_heading("notes", tr("notes.heading")))
    if not notes:
        story.append(_p(tr("notes.none"), styles.note))
    for note in notes:
        target = fmt.markup(_note_target(ctx, note))
        byline = fmt.markup(tr("notes.item", author=note.author, time=fmt.moment(note.created_at)))
        story.append(
            KeepTogether(
                [
                    Paragraph(f"<b>{target}</b> · {byline}", styles.body),
                    Paragraph(fmt.markup(note.text), styles.body),
                ]
            )
        )
    return story


# -- provenance and appendix -------------------------------------------------------------


def provenance(ctx: ReportContext) -> list[Flowable]:
    tr, styles, data = ctx.tr, ctx.styles, ctx.data
    mandates = dict.fromkeys((data.profile.mandate_relations, data.profile.mandate_accounts))
    story: list[Flowable] = [
        PageBreak(),
        ctx.chapter_heading("provenance", tr("section.provenance")),
        _p(tr("provenance.intro"), styles.body),
        facts_table(
            ctx,
            [
                (tr("fact.request_id"), data.case.request_id),
                (tr("fact.legal_basis"), "\n".join(map(fmt.legal_reference, mandates))),
                (tr("fact.environment"), tr.word("environment", data.case.environment)),
            ],
        ),
        ctx.sub_heading("provenance-banks", tr("provenance.banks"), contents=False),
    ]
    rows = []
    for bank in data.banks:
        trail = data.trails.get(bank.org_number)
        requests = "–"
        ids = "–"
        if trail is not None:
            requests = f"{trail.requests} ({trail.failed})"
            ids = (
                "\n".join(
                    dict.fromkeys(
                        filter(None, (trail.first_correlation_id, trail.last_correlation_id))
                    )
                )
                or "–"
            )
        rows.append(
            [
                f"{bank.name}\n{fmt.party_id(bank.org_number)}",
                tr.word("bank_status", bank.status),
                fmt.moment(bank.fetched_at) or "–",
                requests,
                _p(ids, styles.small),
            ]
        )
    header = [
        tr("col.bank"),
        tr("col.answer"),
        tr("col.fetched"),
        tr("col.requests"),
        f"{tr('col.first_correlation')} / {tr('col.last_correlation')}",
    ]
    if rows:
        story.append(grid(ctx, header, rows, (112, 78, 66, 64, FRAME_WIDTH - 320), right=(3,)))
    story += [
        Spacer(1, 2 * mm),
        _p(tr("provenance.audit"), styles.small),
        ctx.sub_heading("provenance-sources", tr("provenance.sources"), contents=False),
    ]
    if not data.sources:
        story.append(_p(tr("provenance.sources_none"), styles.note))
    for source in data.sources:
        label = f"{tr.word('source_kind', source.kind)}: {source.label}"
        story.append(
            _p(
                "• "
                + tr(
                    "provenance.source_line",
                    label=label,
                    status=tr.word("source_status", source.status),
                    started=fmt.moment(source.started_at),
                    user=source.user,
                    finished=fmt.moment(source.finished_at) or tr("provenance.unfinished"),
                    period=fmt.period(source.period_start, source.period_end) or "–",
                ),
                styles.body,
            )
        )
    return story


def appendix(ctx: ReportContext) -> list[Flowable]:
    tr, styles = ctx.tr, ctx.styles
    story: list[Flowable] = [
        PageBreak(),
        ctx.chapter_heading("appendix", tr("section.appendix")),
        _p(tr("appendix.intro", chapter=ctx.chapter("flags")), styles.body),
    ]
    if ctx.with_transactions:
        story.append(Streamed(appendix_flowables(ctx)))
    return story


# -- report kinds ------------------------------------------------------------------------


def default_sections() -> list[Section]:
    return [
        Section("cover", cover, numbered=False),
        Section("contents", contents, numbered=False),
        Section("summary", summary),
        Section("banks", banks),
        Section("flags", flags_and_notes),
        Section("decisions", decisions_section),
        Section("provenance", provenance),
        Section("appendix", appendix),
    ]


REPORT_KINDS: dict[Service, list[Section]] = {service: default_sections() for service in Service}
"""The sections of each report kind, in order. Change it through `register_section`."""


class UnknownSection(KeyError):
    def __init__(self, key: str) -> None:
        super().__init__(f"no report section {key!r} to place a new section before")


def register_section(service: Service, section: Section, *, before: str = "appendix") -> None:
    """Add a chapter to one report kind, before the section with the key `before`."""
    sections = REPORT_KINDS[Service(service)]
    sections[:] = [s for s in sections if s.key != section.key]
    keys = [s.key for s in sections]
    if before not in keys:
        raise UnknownSection(before)
    sections.insert(keys.index(before), section)


def sections_for(service: Service) -> list[Section]:
    return list(REPORT_KINDS[Service(service)])


def chapter_numbers(sections: Sequence[Section]) -> dict[str, int]:
    numbered = [s.key for s in sections if s.numbered]
    return {key: number for number, key in enumerate(numbered, start=1)}
