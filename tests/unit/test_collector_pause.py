"""The cycle collector is paused while fetches run and comes back when the last one ends."""

from __future__ import annotations

import gc

from app.harvest.harvest import collector_paused


def test_overlapping_pauses_restore_the_collector_after_the_last() -> None:
    assert gc.isenabled()
    first = collector_paused()
    second = collector_paused()
    first.__enter__()
    second.__enter__()
    assert not gc.isenabled()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the second fetch still runs
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_collector_switched_off_elsewhere_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_error_inside_still_restores_the_collector() -> None:
    try:
        with collector_paused():
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert gc.isenabled()
