"""Analysis over stored data: balances over time, flag rules, summaries. No SQL, no Qt."""
