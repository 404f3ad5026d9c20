"""The store's read queries for reports: streamed in order, summed exactly, traced per bank."""

from __future__ import annotations

from datetime import UTC, date, datetime

from report_support import FETCHED_AT

from app.store import report_queries as q


def test_transactions_stream_in_blocks_by_bank_account_and_date(db, bankruptcy):
    with db.session() as session:
        blocks = list(q.stream_transactions(session, bankruptcy.case_id, block=3))
    assert [len(b) for b in blocks] == [3, 3, 3, 1]
    rows = [row for block in blocks for row in block]
    order = [(r.bank_name, r.account_number, r.booking_date) for r in rows]
    assert order == sorted(order)
    assert [r.key for r in rows][:4] == ["C1", "C2", "B1", "B2"]


def test_account_activity_sums_booked_money_in_and_out(db, bankruptcy):
    with db.session() as session:
        activity = {a.account_id: a for a in q.account_activity(session, bankruptcy.case_id)}
    business = activity[bankruptcy.accounts["business"]]
    assert (business.count, business.booked, business.pending) == (5, 4, 1)
    assert business.in_minor == 5_000_000 + 250_025  # 50 000,00 + 2 500,25
    assert business.out_minor == -1_250_050 - 2_000_000  # pending -100,00 left out
    assert (business.first, business.last) == (date(2025, 1, 10), date(2025, 6, 15))


def test_activity_after_a_date_counts_only_later_bookings(db, bankruptcy):
    with db.session() as session:
        after = q.account_activity(session, bankruptcy.case_id, after=date(2025, 3, 14))
    assert sum(a.count for a in after) == 3
    assert sum(a.out_minor for a in after) == -45_678


def test_request_trails_give_count_failures_and_first_and_last_ids(db, bankruptcy):
    with db.session() as session:
        trails = q.request_trails(session, bankruptcy.case_id)
    trail = trails["911111111"]
    assert (trail.requests, trail.failed, trail.correlation_ids) == (3, 1, 3)
    assert trail.first_correlation_id.endswith("0001")
    assert trail.last_correlation_id.endswith("0003")
    assert trail.first_at == datetime(2025, 6, 16, 9, 1, tzinfo=UTC)


def test_the_fetch_time_is_the_last_finished_api_fetch(db, bankruptcy):
    with db.session() as session:
        assert q.latest_fetch(session, bankruptcy.case_id) == FETCHED_AT


def test_flagged_ids_leave_out_flags_a_user_cleared(db, bankruptcy):
    from app.store.browse import clear_flags

    with db.session() as session:
        clear_flags(session, bankruptcy.transactions["B4"], user="bostyrer.berg")
    with db.session() as session:
        assert q.flagged_transaction_ids(session, bankruptcy.case_id) == {
            bankruptcy.transactions["B3"]
        }
        assert q.cleared_flag_count(session, bankruptcy.case_id) == 1
