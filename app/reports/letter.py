"""The request letter to a bank outside the API (digital letter to its Altinn inbox).

It states who asks and on what legal basis, whom and which period it concerns, what the bank
should send back and in which formats, and how to refer to the request, so that the answer
can be imported into the case. Same page marks as the reports: confidential, and sandbox where
the case is synthetic.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app import __version__, config
from app.domain.clock import Clock, SystemClock, oslo_day
from app.domain.periods import Period
from app.domain.services import Endpoint, Service, profile
from app.reports import formatting as fmt
from app.reports.document import PageMarks, ReportDocument, numbered_canvas
from app.reports.files import written_privately
from app.reports.styles import FRAME_WIDTH, Styles, facts_style, make_styles
from app.store.db import Database
from app.store.letters import ANSWER_DAYS, sent_dates
from app.store.models import Bank
from app.store.report_queries import report_case

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {
    "confidential": (
        "Fortrolig – taushetsbelagte opplysninger",
        "Confidential – information subject to a duty of secrecy",
    ),
    "sandbox": ("SANDBOX – syntetiske testdata", "SANDBOX – synthetic test data"),
    "page": ("side {page} av {pages}", "page {page} of {pages}"),
    "title": ("Anmodning om kontoopplysninger", "Request for account information"),
    "heading": ("Brev til {bank}", "Letter to {bank}"),
    "to": ("Til", "To"),
    "from": ("Fra", "From"),
    "date": ("Dato", "Date"),
    "case": ("Vår referanse", "Our reference"),
    "request_id": ("AccountInfoRequestID", "AccountInfoRequestID"),
    "service": ("Tjeneste", "Service"),
    "basis": ("Hjemmel", "Legal basis"),
    "subject": ("Gjelder", "Concerns"),
    "unknown_name": ("(navn ikke oppgitt)", "(name not given)"),
    "sender.bankruptcy": ("Bostyrer i konkursboet", "The trustee of the bankruptcy estate"),
    "sender.estate": ("Arvingene i dødsboet", "The heirs of the estate"),
    "sender.guardianship": (
        "Statsforvalteren som vergemålsmyndighet",
        "The county governor as guardianship authority",
    ),
    "subject_id": ("Identifikator", "Identifier"),
    "key_date.bankruptcy": ("Kjennelsesdato", "Ruling date"),
    "key_date.estate": ("Dødsdato", "Date of death"),
    "key_date.guardianship": ("Kontrollår", "Control year"),
    "guardian": ("Verge", "Guardian"),
    "period": ("Periode", "Period"),
    "answer_by": ("Svar innen", "Answer by"),
    "intro": (
        "Vi ber om opplysninger om kontoer og transaksjoner for personen eller virksomheten "
        "nedenfor. Banken er oppført hos oss som en institusjon som kjenner kontrollobjektet, "
        "men den har ikke et kontroll-API vi kan bruke, og vi ber derfor om svaret som digitalt "
        "brev.",
        "We ask for information about the accounts and transactions of the person or business "
        "below. The bank is known to us as an institution that knows the control object, but it "
        "has no Control API we can use, so we ask for the answer by digital letter.",
    ),
    "what": ("Dette ber vi om", "What we ask for"),
    "what_accounts": (
        "Alle kontoer kontrollobjektet eide i perioden (også avsluttede), med kontonummer, "
        "kontotype, valuta, eierperiode og status.",
        "Every account the control object owned in the period (closed ones too), with account "
        "number, type, currency, ownership period and status.",
    ),
    "what_balances": (
        "Bokført saldo per konto ved periodens slutt, og ved {moment} der banken kan gi det.",
        "The booked balance of each account at the end of the period, and at {moment} where the "
        "bank can give it.",
    ),
    "what_transactions": (
        "Alle transaksjoner i perioden med bokføringsdato, beløp, motpart, tekst og referanse.",
        "Every transaction in the period with booking date, amount, counterparty, text and "
        "reference.",
    ),
    "what_roles": (
        "Hvem som har disposisjonsrett på kontoene, og fra når.",
        "Who has the right to dispose of the accounts, and since when.",
    ),
    "formats": ("Formater", "Formats"),
    "formats_text": (
        "Helst kontoutskrift som ISO 20022 camt.053 (alle versjoner fra .001.02). Ellers en "
        "regnearkfil (XLSX eller CSV, semikolonseparert) med én rad per transaksjon. PDF "
        "brukes bare der ingen maskinlesbar fil finnes.",
        "Preferably statements as ISO 20022 camt.053 (any version from .001.02). Otherwise a "
        "spreadsheet (XLSX or CSV, semicolon separated) with one row per transaction. PDF only "
        "where no machine-readable file exists.",
    ),
    "reply": ("Slik svarer dere", "How to answer"),
    "reply_text": (
        "Svar til vår Altinn-innboks og oppgi vår referanse {reference} og "
        "AccountInfoRequestID {request_id}, så knyttes svaret til riktig sak.",
        "Answer to our Altinn inbox and give our reference {reference} and AccountInfoRequestID "
        "{request_id}, so that the answer is joined to the right case.",
    ),
    "secrecy": (
        "Opplysningene gis med hjemmel som nevnt over og er underlagt taushetsplikt hos oss.",
        "The information is given on the legal basis above and is subject to a duty of secrecy "
        "with us.",
    ),
    "made_with": ("Laget med Boinnsyn {version}", "Made with Boinnsyn {version}"),
}


def _tr(language: str):
    index = 0 if language == "nb" else 1

    def tr(key: str, **values: object) -> str:
        text = TEXTS[key][index]
        return text.format(**values) if values else text

    return tr


def _facts(rows: list[tuple[str, str]], styles: Styles) -> Table:
    data = [
        [Paragraph(fmt.markup(label), styles.label), Paragraph(fmt.markup(value), styles.cell)]
        for label, value in rows
    ]
    table = Table(data, colWidths=[FRAME_WIDTH * 0.3, FRAME_WIDTH * 0.7])
    table.setStyle(facts_style())
    return table


def write_letter(
    db: Database,
    case_id: int,
    bank_id: int,
    out: str | Path,
    *,
    clock: Clock | None = None,
    language: str = "nb",
    user: str | None = None,
) -> Path:
    """Write the request letter to one bank of a case as PDF and return its path."""
    tr = _tr(language)
    now = (clock or SystemClock()).now()
    with db.session() as session:
        case = report_case(session, case_id)  # its name the user's, else the banks'
        bank = session.get(Bank, bank_id)
        if bank is None or bank.case_id != case_id:
            raise LookupError(f"bank {bank_id} is not part of case {case_id}")
        service = Service(case.service)
        service_profile = profile(service)
        period = (
            Period(case.period_start, case.period_end)
            if case.period_start and case.period_end
            else service_profile.period(case.key_date, oslo_day(now))
        )
        # a letter sent is dated as sent, with the answer date stored then; a draft is dated
        # today, with the answer date it would get if it went today
        sent_on, due_on = sent_dates(session, case_id, bank_id) or (None, None)
        facts = {
            "reference": case.reference,
            "request_id": case.request_id,
            "subject_name": case.subject_name or tr("unknown_name"),
            "subject_id": case.subject_id,
            "guardian": case.guardian_id,
            "key_date": case.key_date,
            "environment": case.environment,
        }
        bank_name, bank_org = bank.name, bank.org_number
    styles = make_styles()
    key_label = tr(f"key_date.{service.value}")
    key_value = (
        str(facts["key_date"].year)
        if service is Service.GUARDIANSHIP
        else fmt.day(facts["key_date"])
    )
    dated: date = sent_on or oslo_day(now)
    answer_by: date = due_on or dated + timedelta(days=ANSWER_DAYS)
    sender = user or config.Settings.load().sender_name.strip() or tr(f"sender.{service.value}")

    story: list[Flowable] = [
        Paragraph(fmt.markup(tr("title")), styles.title),
        Paragraph(fmt.markup(tr("heading", bank=bank_name)), styles.subtitle),
        Spacer(1, 6),
        _facts(
            [
                (tr("to"), f"{bank_name} ({fmt.party_id(bank_org)})"),
                (tr("from"), sender),
                (tr("date"), fmt.day(dated)),
                (tr("case"), str(facts["reference"])),
                (tr("request_id"), str(facts["request_id"])),
                (tr("answer_by"), fmt.day(answer_by)),
            ],
            styles,
        ),
        Spacer(1, 8),
        Paragraph(fmt.markup(tr("intro")), styles.body),
        Spacer(1, 6),
        _facts(
            [
                (tr("service"), service_profile.official_name),
                (tr("basis"), fmt.legal_reference(service_profile.mandate(Endpoint.ACCOUNTS))),
                (tr("subject"), str(facts["subject_name"])),
                (tr("subject_id"), fmt.party_id(str(facts["subject_id"]))),
                (key_label, key_value),
                *(
                    [(tr("guardian"), fmt.party_id(str(facts["guardian"])))]
                    if facts["guardian"]
                    else []
                ),
                (tr("period"), fmt.period(period.start, period.end)),
            ],
            styles,
        ),
        Paragraph(fmt.markup(tr("what")), styles.h2),
    ]
    wanted = ["what_accounts", "what_balances", "what_transactions"]
    if service is Service.GUARDIANSHIP:
        wanted.append("what_roles")
    for key in wanted:
        text = tr(key, moment=key_label.lower()) if key == "what_balances" else tr(key)
        story.append(Paragraph("• " + fmt.markup(text), styles.body))
    story += [
        Paragraph(fmt.markup(tr("formats")), styles.h2),
        Paragraph(fmt.markup(tr("formats_text")), styles.body),
        Paragraph(fmt.markup(tr("reply")), styles.h2),
        Paragraph(
            fmt.markup(
                tr("reply_text", reference=facts["reference"], request_id=facts["request_id"])
            ),
            styles.body,
        ),
        Spacer(1, 8),
        Paragraph(fmt.markup(tr("secrecy")), styles.note),
        Spacer(1, 4),
        Paragraph(fmt.markup(tr("made_with", version=__version__)), styles.small),
    ]
    marks = PageMarks(
        confidential=tr("confidential"),
        heading=(f"{tr('title')} · {facts['reference']}", str(facts["reference"])),
        footer=(f"{bank_name} · {facts['reference']}", fmt.moment(now)),
        page_label=lambda page, pages: tr("page", page=page, pages=pages),
        sandbox=tr("sandbox") if facts["environment"] == "sandbox" else None,
    )
    with written_privately(out) as part:
        document = ReportDocument(
            str(part),
            marks,
            title=f"{tr('title')} – {facts['reference']}",
            author=sender,
            subject=f"{service_profile.official_name} – {bank_name}",
            creator=f"Boinnsyn {__version__}",
            keywords=[tr("confidential")],
            language=language,
            made_at=now,
        )
        document.build(story, canvasmaker=numbered_canvas(marks))
    return Path(out)
