"""The sandbox's hand-built transaction dicts against the shared wire models they follow."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.dsop import models
from app.sandbox import synth, wire
from app.sandbox.banks import API_BANKS

PARTIES = ["999000010", "02913810077", "21879010184", "09826510185"]


def histories():
    for bank in API_BANKS:
        for party in PARTIES:
            for plan in synth.accounts_at(bank.org_number, party):
                yield bank, plan, synth.history(plan, None, None)


@pytest.mark.parametrize("pending", [False, True])
def test_every_transaction_dict_is_what_the_model_serialises(pending: bool) -> None:
    checked = kinds = 0
    seen: set[str] = set()
    for bank, plan, hist in histories():
        for tx in synth.transactions_between(hist, date(2024, 1, 1), date(2025, 6, 30)):
            expected = wire.transaction_model(tx, plan, bank, pending).to_wire()
            tx.wire = None  # built fresh, not taken from an earlier test's cache
            assert wire.transaction(tx, plan, bank, pending) == expected, tx.ident
            checked += 1
            shape = ",".join(sorted(expected))
            if shape not in seen:
                seen.add(shape)
                kinds += 1
    # whole histories of deposits, cards, loans and currency accounts, in many shapes
    assert checked > 10_000
    assert kinds >= 5


def test_the_dict_sent_as_json_reads_back_as_the_same_model() -> None:
    bank, plan, hist = next(h for h in histories() if h[1].currency != "NOK")
    for tx in synth.transactions_between(hist, date(2024, 1, 1), date(2025, 6, 30))[:200]:
        tx.wire = None
        built = wire.transaction(tx, plan, bank, False)
        assert models.Transaction.model_validate_json(json.dumps(built)) == wire.transaction_model(
            tx, plan, bank, False
        )


def test_rent_is_worded_with_norwegian_month_names_whatever_the_locale() -> None:
    rents = {
        tx.day.month: tx.info
        for bank, plan, hist in histories()
        for tx in synth.transactions_between(hist, date(2025, 1, 1), date(2025, 12, 31))
        if tx.info and tx.info.startswith("Husleie ") and tx.info != "Husleie lokaler"
    }
    assert rents[2] == "Husleie februar" and rents[5] == "Husleie mai"
    assert rents[10] == "Husleie oktober"
