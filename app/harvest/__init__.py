"""The orchestration of one fetch: concurrency, retries, progress, cancellation and resume."""
