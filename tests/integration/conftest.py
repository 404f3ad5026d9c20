"""A sandbox world for the client's integration tests: real HTTP on loopback, real JWT and JWE,
the business date fixed to 2025-06-16, no added latency."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from app.domain.cases import new_bankruptcy, new_estate, new_guardianship
from app.domain.clock import FixedClock
from app.dsop import credentials, environments
from app.dsop.connection import DsopConnection
from app.dsop.transport import RetryPolicy
from app.sandbox.process import SandboxProcess
from app.store.cases import create_case
from app.store.models import Case

TODAY = date(2025, 6, 16)
CLOCK = FixedClock.on(TODAY)
FAST_RETRY = RetryPolicy(attempts=3, initial_wait=0.05, max_wait=0.2, max_retry_after=2)


class World:
    def __init__(self, process: SandboxProcess) -> None:
        assert process.info is not None
        self.base_url = process.info.base_url
        self.state_dir: Path = process.info.state_dir
        self.admin = httpx.Client(base_url=f"{self.base_url}/sandbox", timeout=30)

    def connection(self, **extra) -> DsopConnection:
        return DsopConnection(
            environment=environments.sandbox(self.base_url),
            credentials=credentials.load_sandbox(self.state_dir),
            retry=extra.pop("retry", FAST_RETRY),
            **extra,
        )

    def requests(self) -> list[dict]:
        response = self.admin.get("/requests")
        response.raise_for_status()
        body = response.json()
        return body["requests"] if isinstance(body, dict) else body

    def clear_requests(self) -> None:
        self.admin.delete("/requests").raise_for_status()

    def faults(self, config: dict) -> None:
        response = self.admin.put("/faults", json=config)
        assert response.status_code == 200, response.text


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    state_dir = tmp_path_factory.mktemp("integration-sandbox")
    with SandboxProcess(state_dir, today=TODAY, latency_ms=0) as process:
        world = World(process)
        yield world
        world.admin.close()


@pytest.fixture
def no_faults(world: World) -> Iterator[World]:
    world.faults({"seed": 0, "banks": {}})
    yield world
    world.faults({"seed": 0, "banks": {}})


def bankruptcy_case(db, debtor: str = "999000010", days_ago: int = 60) -> int:
    with db.session() as session:  # references are unique: number each case of the test
        number = session.scalar(select(func.count(Case.id))) + 1
    facts = new_bankruptcy(
        reference=f"K-{debtor}-{number}",
        debtor_id=debtor,
        debtor_name="SYNTETISK BYGG AS",
        ruling_date=TODAY - timedelta(days=days_ago),
        today=TODAY,
    )
    return create_case(db, facts, environment="sandbox", user="tester")


def estate_case(db) -> int:
    facts = new_estate(
        reference="D-1",
        deceased_id="02913810077",
        death_date=date(2025, 4, 22),
        deceased_name="Olaf Fiktiv Testesen",
        today=TODAY,
    )
    return create_case(db, facts, environment="sandbox", user="tester")


def guardianship_case(db) -> int:
    facts = new_guardianship(
        reference="V-1", ward_id="21879010184", guardian_id="09826510185", year=2024, today=TODAY
    )
    return create_case(db, facts, environment="sandbox", user="tester")
