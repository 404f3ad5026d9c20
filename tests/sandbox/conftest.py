"""Fixtures for the sandbox tests: one sandbox world per session, on loopback, with the date
fixed to 2025-06-16 and no latency, and a consumer to talk to it (see `sandbox_consumer`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sandbox_consumer import TODAY, Dsop

from app.sandbox.process import SandboxProcess


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxProcess]:
    state_dir = tmp_path_factory.mktemp("sandbox-state")
    with SandboxProcess(state_dir, today=TODAY, latency_ms=0) as process:
        yield process


@pytest.fixture(scope="session")
def dsop(sandbox: SandboxProcess) -> Iterator[Dsop]:
    assert sandbox.info is not None
    client = Dsop(sandbox.info.base_url, sandbox.info.state_dir)
    yield client
    client.http.close()


@pytest.fixture(scope="session")
def plain_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dsop]:
    """A second world, in another state folder, that answers plain JSON in test mode."""
    state_dir = tmp_path_factory.mktemp("sandbox-plain")
    with SandboxProcess(state_dir, today=TODAY, latency_ms=0, plain_json_allowed=True) as process:
        assert process.info is not None
        client = Dsop(process.info.base_url, state_dir)
        yield client
        client.http.close()


@pytest.fixture
def faults(dsop: Dsop) -> Iterator[Any]:
    """Install a fault configuration for one test; removed afterwards."""

    def install(config: dict[str, Any]) -> None:
        response = dsop.admin("PUT", "/faults", config)
        assert response.status_code == 200, response.text

    yield install
    dsop.admin("PUT", "/faults", {"seed": 0, "banks": {}})
