"""The sandbox's public registers as a bank sees them: Konkursvarsel notices and FREG facts
(deaths, guardianships with their tasks, address protection), kept in `registry.json`.

The registry is seeded with the synthetic identities of `examples/README.md` the first time a
state folder is used; registrations made later through the admin API survive a restart.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from app.sandbox.numbers import is_national_id, is_party_id
from app.sandbox.rules import GUARDIAN_TASK_DAILY_BANKING

logger = logging.getLogger(__name__)

REGISTRY_FILE = "registry.json"
NOTICE_TYPES = ("aapning", "sletting", "oppheving", "avslutning")
SHIELDING_LEVELS = ("strengtFortrolig", "fortrolig")


class RegistrationError(ValueError):
    """A registration names an invalid id, date or value."""


@dataclass(frozen=True)
class BankruptcyNotice:
    """One Konkursvarsel notice (REFERENCE §8.5)."""

    uuid: str
    registreringstidspunkt: str
    type: str
    debitor: str
    kjennelsesdato: str


@dataclass(frozen=True)
class Guardianship:
    """A FREG guardianship: ward, guardian, validity and the guardian's tasks."""

    ward: str
    guardian: str
    start: date
    end: date | None
    tasks: tuple[str, ...]

    def covers(self, first: date, last: date) -> bool:
        """Whether the guardianship existed at some point in the period."""
        return self.start <= last and (self.end is None or self.end >= first)


@dataclass
class _Content:
    notices: list[BankruptcyNotice] = field(default_factory=list)
    deaths: dict[str, date] = field(default_factory=dict)
    guardianships: list[Guardianship] = field(default_factory=list)
    shielded: dict[str, str] = field(default_factory=dict)


# The synthetic identities of examples/README.md and the names a bank holds for them.
SEEDED_NAMES: dict[str, str] = {
    "999000010": "SYNTETISK BYGG AS",
    "02913810077": "Olaf Fiktiv Testesen",
    "21879010184": "Sigrid Syntetisk Prøvesen",
    "09826510185": "Verner Verge Eksempelsen",
}


def _parse_date(value: object, what: str) -> date:
    if not isinstance(value, str):
        raise RegistrationError(f"{what} must be a YYYY-MM-DD string")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RegistrationError(f"{what} must be a YYYY-MM-DD date") from None


def _require_person(value: object, what: str) -> str:
    if not isinstance(value, str) or not is_national_id(value):
        raise RegistrationError(f"{what} must be a valid 11-digit national id")
    return value


class Registry:
    """Thread-safe store of register facts, written through to the state folder."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._content = _Content()
        self._generation = 0

    @classmethod
    def open(cls, state_dir: Path) -> Registry:
        registry = cls(state_dir / REGISTRY_FILE)
        if registry._path.exists():
            registry._load()
        else:
            registry._seed()
            registry._save()
        return registry

    @property
    def generation(self) -> int:
        """A counter bumped on every change, so caches of derived data can tell."""
        return self._generation

    # -- queries -------------------------------------------------------------------------

    def ruling_date(self, debtor: str) -> date | None:
        """The ruling date of the debtor's open bankruptcy (latest `aapning` not deleted)."""
        with self._lock:
            current: date | None = None
            for notice in sorted(self._content.notices, key=lambda n: n.registreringstidspunkt):
                if notice.debitor != debtor:
                    continue
                if notice.type == "aapning":
                    current = date.fromisoformat(notice.kjennelsesdato)
                elif notice.type in ("sletting", "oppheving"):
                    current = None
            return current

    def death_date(self, person: str) -> date | None:
        with self._lock:
            return self._content.deaths.get(person)

    def guardianships_of(self, ward: str) -> list[Guardianship]:
        with self._lock:
            return [g for g in self._content.guardianships if g.ward == ward]

    def shielding(self, person: str) -> str | None:
        with self._lock:
            return self._content.shielded.get(person)

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return self._to_json()

    # -- registrations -------------------------------------------------------------------

    def register_bankruptcy(
        self, debtor: object, ruling_date: object, notice_type: object = "aapning"
    ) -> BankruptcyNotice:
        if not isinstance(debtor, str) or not is_party_id(debtor):
            raise RegistrationError("debtor must be a valid organisation number or national id")
        ruling = _parse_date(ruling_date, "ruling_date")
        if notice_type not in NOTICE_TYPES:
            raise RegistrationError(f"type must be one of {', '.join(NOTICE_TYPES)}")
        notice = BankruptcyNotice(
            uuid=str(uuid.uuid4()),
            registreringstidspunkt=datetime.now(UTC).isoformat(timespec="milliseconds"),
            type=str(notice_type),
            debitor=debtor,
            kjennelsesdato=ruling.isoformat(),
        )
        with self._lock:
            self._content.notices.append(notice)
            self._changed()
        logger.info("registered bankruptcy notice type=%s", notice.type)
        return notice

    def register_death(self, person: object, death_date: object) -> None:
        person_id = _require_person(person, "person")
        died = _parse_date(death_date, "death_date")
        with self._lock:
            self._content.deaths[person_id] = died
            self._changed()
        logger.info("registered a death")

    def register_guardianship(
        self, ward: object, guardian: object, start: object, end: object, tasks: object
    ) -> Guardianship:
        ward_id = _require_person(ward, "ward")
        guardian_id = _require_person(guardian, "guardian")
        first = _parse_date(start, "start")
        last = None if end is None else _parse_date(end, "end")
        if last is not None and last < first:
            raise RegistrationError("end must not be before start")
        if not isinstance(tasks, list) or not all(isinstance(t, str) for t in tasks):
            raise RegistrationError("tasks must be a list of FREG task codes")
        guardianship = Guardianship(ward_id, guardian_id, first, last, tuple(tasks))
        with self._lock:
            self._content.guardianships.append(guardianship)
            self._changed()
        logger.info("registered a guardianship with %d tasks", len(tasks))
        return guardianship

    def register_shielded(self, person: object, level: object) -> None:
        person_id = _require_person(person, "person")
        if level not in SHIELDING_LEVELS:
            raise RegistrationError(f"level must be one of {', '.join(SHIELDING_LEVELS)}")
        with self._lock:
            self._content.shielded[person_id] = str(level)
            self._changed()
        logger.info("registered address protection level=%s", level)

    # -- persistence ---------------------------------------------------------------------

    def _changed(self) -> None:
        self._generation += 1
        self._save_locked()

    def _seed(self) -> None:
        content = self._content
        content.notices.append(
            BankruptcyNotice(
                uuid="9b2f3c1e-0000-4000-8000-5a1dc0de0001",
                registreringstidspunkt="2025-05-05T10:15:00.000Z",
                type="aapning",
                debitor="999000010",
                kjennelsesdato="2025-05-05",
            )
        )
        content.deaths["02913810077"] = date(2025, 4, 22)
        content.guardianships.append(
            Guardianship(
                ward="21879010184",
                guardian="09826510185",
                start=date(2021, 3, 1),
                end=None,
                tasks=(GUARDIAN_TASK_DAILY_BANKING,),
            )
        )
        content.shielded["24928510065"] = "strengtFortrolig"

    def _to_json(self) -> dict[str, Any]:
        content = self._content
        return {
            "bankruptcy_notices": [asdict(n) for n in content.notices],
            "deaths": {k: v.isoformat() for k, v in content.deaths.items()},
            "guardianships": [
                {
                    "ward": g.ward,
                    "guardian": g.guardian,
                    "start": g.start.isoformat(),
                    "end": g.end.isoformat() if g.end else None,
                    "tasks": list(g.tasks),
                }
                for g in content.guardianships
            ],
            "shielded": dict(content.shielded),
        }

    def _load(self) -> None:
        data = json.loads(self._path.read_text("utf-8"))
        content = _Content()
        content.notices = [BankruptcyNotice(**n) for n in data.get("bankruptcy_notices", [])]
        content.deaths = {k: date.fromisoformat(v) for k, v in data.get("deaths", {}).items()}
        content.guardianships = [
            Guardianship(
                ward=g["ward"],
                guardian=g["guardian"],
                start=date.fromisoformat(g["start"]),
                end=date.fromisoformat(g["end"]) if g.get("end") else None,
                tasks=tuple(g.get("tasks", ())),
            )
            for g in data.get("guardianships", [])
        ]
        content.shielded = dict(data.get("shielded", {}))
        self._content = content

    def _save(self) -> None:
        with self._lock:
            self._save_locked()

    def _save_locked(self) -> None:
        temporary = self._path.with_name(self._path.name + ".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(self._to_json(), handle, indent=2, ensure_ascii=False)
        os.replace(temporary, self._path)
