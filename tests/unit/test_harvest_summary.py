"""The one line a fetch prints: its bank counts mean what they mean in `boinnsyn demo`."""

from app.harvest.events import HarvestSummary


def fields(line: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in line.split(" "))


def test_the_fetch_line_counts_every_bank_then_those_by_api_and_by_letter():
    summary = HarvestSummary(
        case_id=3,
        banks=7,
        banks_with_api=6,
        letters_needed=1,
        accounts=13,
        transactions_received=6005,
        transactions_new=6005,
        elapsed_seconds=9.414,
    )

    found = fields(summary.line())

    assert list(found) == [
        "banks", "by_api", "letters", "accounts", "transactions", "new", "failed", "seconds",
    ]  # fmt: skip
    assert (found["banks"], found["by_api"], found["letters"]) == ("7", "6", "1")
    assert found["seconds"] == "9.41"
