"""Feeds a case's facts to the sandbox's simulated registers before a fetch.

In the real world the banks learn of a bankruptcy from the Bankruptcy Register, of a death and
of a guardianship from the Population Register, before anyone asks. The sandbox has no such
world of its own, so a sandbox case tells it what the court or the register would have said.
These calls are not DSOP requests and are not audited.
"""

from __future__ import annotations

import httpx

from app.domain.cases import CaseFacts
from app.domain.services import Service
from app.dsop.errors import ConfigurationError


async def register_case(http: httpx.AsyncClient, admin_url: str, facts: CaseFacts) -> None:
    if facts.service is Service.BANKRUPTCY:
        path = "registry/bankruptcy"
        body = {"debtor": facts.subject_id, "ruling_date": facts.key_date.isoformat()}
    elif facts.service is Service.ESTATE:
        path = "registry/death"
        body = {"person": facts.subject_id, "death_date": facts.key_date.isoformat()}
    else:
        path = "registry/guardianship"
        body = {
            "ward": facts.subject_id,
            "guardian": facts.guardian_id,
            "start": facts.key_date.replace(year=facts.key_date.year - 3).isoformat(),
            "end": None,
            "tasks": ["representasjonDagligbank"],
        }
    try:
        response = await http.post(f"{admin_url.rstrip('/')}/{path}", json=body)
    except httpx.HTTPError as error:
        raise ConfigurationError(f"the sandbox is not reachable: {type(error).__name__}") from None
    if response.status_code >= 400:
        raise ConfigurationError(
            f"the sandbox refused the case facts (HTTP {response.status_code})"
        )
