"""The decisions chapter, and the hook through which later modules fill it.

Each report kind has one decisions topic: the review windows for avoidance in a bankruptcy,
the form of settlement (skifteform) of an estate, the outcome of a guardianship control. The
data for them is not recorded by Boinnsyn yet, so the chapter says so. A module that records
them registers a builder for its service:

    from app.reports.decisions import register_decisions

    def settlement_section(ctx: ReportContext) -> list[Flowable] | None:
        ...  # read through a function in app.store, return flowables, or None if nothing yet

    register_decisions(Service.ESTATE, settlement_section)

A builder returns flowables to print under the topic's heading, or None (or an empty list)
when nothing is recorded for the case; when no builder has anything, the chapter prints
"not recorded yet". Builders run once per layout pass, so they must give the same result each
time for the same case.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from reportlab.platypus import Flowable, Paragraph

from app.domain.services import Service
from app.reports.context import ReportContext
from app.reports.formatting import markup

log = logging.getLogger(__name__)

DecisionBuilder = Callable[[ReportContext], "list[Flowable] | None"]

_BUILDERS: dict[Service, list[DecisionBuilder]] = {service: [] for service in Service}


def register_decisions(service: Service, builder: DecisionBuilder) -> None:
    """Add a builder to the decisions chapter of one report kind (once; repeats are ignored)."""
    builders = _BUILDERS[Service(service)]
    if builder not in builders:
        builders.append(builder)


def unregister_decisions(service: Service, builder: DecisionBuilder) -> None:
    builders = _BUILDERS[Service(service)]
    if builder in builders:
        builders.remove(builder)


def decisions_section(ctx: ReportContext) -> list[Flowable]:
    """The decisions chapter: the kind's topic, then what the registered builders give."""
    tr, styles, service = ctx.tr, ctx.styles, ctx.data.service
    story: list[Flowable] = [
        ctx.chapter_heading("decisions", tr("section.decisions")),
        Paragraph(markup(tr("decisions.intro")), styles.body),
        ctx.sub_heading("decisions-topic", tr(f"decisions.{service.value}"), contents=False),
    ]
    recorded: list[Flowable] = []
    for builder in _BUILDERS[service]:
        recorded.extend(builder(ctx) or ())
    if not recorded:
        recorded = [Paragraph(markup(tr("decisions.not_recorded")), styles.note)]
    log.debug("case %d decisions: %d builders", ctx.data.case.id, len(_BUILDERS[service]))
    return story + recorded
