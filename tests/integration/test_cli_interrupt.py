"""Ctrl-C in the middle of a command: one line, no traceback, nothing lost or doubled."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def boinnsyn(home: Path, *args: str, **kwargs: object) -> subprocess.Popen:
    env = dict(os.environ, BOINNSYN_HOME=str(home), PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,  # type: ignore[arg-type]
    )


def finished(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def test_a_fetch_stopped_by_ctrl_c_says_so_in_one_line_and_a_rerun_completes(tmp_path):
    home = tmp_path / "home"
    code, _, err = finished(
        boinnsyn(home, "new", "bankruptcy", "--reference", "K-1", "--debtor", "999000010",
                 "--ruling-date", "05.05.2025")
    )  # fmt: skip
    assert code == 0, err

    fetch = boinnsyn(home, "fetch", "K-1")
    deadline = time.monotonic() + 60
    while not any(home.rglob("sandbox*")) and time.monotonic() < deadline:
        time.sleep(0.02)  # the command is running its own code once it starts the sandbox
    time.sleep(0.2)
    fetch.send_signal(signal.SIGINT)
    code, _, err = finished(fetch)

    assert code == 130
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        "boinnsyn: interrupted; what was stored so far is kept, and running the command again "
        "goes on from there"
    )

    code, out, err = finished(boinnsyn(home, "fetch", "K-1"))
    assert code == 0, err
    total = int(re.search(r"transactions=(\d+)", out).group(1))  # type: ignore[union-attr]
    code, out, _ = finished(boinnsyn(home, "fetch", "K-1"))
    assert code == 0
    assert re.search(rf"\btransactions={total}\b", out) and re.search(r"\bnew=0\b", out)
    assert total > 5000
