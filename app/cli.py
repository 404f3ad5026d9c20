"""The command line: the same jobs as the window, without a screen.

`boinnsyn` alone starts the window; `boinnsyn demo --out report.pdf` fetches a sample
bankruptcy case from the sandbox and writes its report; `boinnsyn --help` lists the rest.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import time
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import __version__, config
from app.domain.cases import new_bankruptcy, new_estate, new_guardianship
from app.domain.clock import SystemClock, oslo_day, to_oslo
from app.domain.errors import InvalidInput
from app.dsop.errors import DsopError
from app.harvest.harvest import Harvest
from app.logs import setup_logging
from app.reports.files import (
    OutputFileError,
    check_output_folder,
    check_output_suffix,
    written_csv,
)
from app.review.flags import refresh_flags
from app.runtime import Runtime
from app.secrets import KeyringUnavailable
from app.store.cases import (
    CaseNotFound,
    DuplicateCase,
    banks_with_accounts,
    count_transactions,
    create_case,
    ensure_open,
    find_case,
)
from app.store.deletion import CaseStillOpen
from app.store.letters import LetterRow, LetterStateError
from app.store.models import Bank, Case

log = logging.getLogger(__name__)

DEMO_REFERENCE = "DEMO-KONKURS"
DEMO_DEBTOR = "999000010"
DEMO_DEBTOR_NAME = "SYNTETISK BYGG AS"
DEMO_RULING_DAYS_AGO = 45


class CommandRefused(Exception):
    """A command cannot go on as asked; the message says why and what to do instead."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="boinnsyn", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"boinnsyn {__version__}")
    commands = parser.add_subparsers(dest="command")

    commands.add_parser("gui", help="start the window (the default)")

    demo = commands.add_parser(
        "demo", help="fetch a sample bankruptcy case from the sandbox and write its report"
    )
    demo.add_argument("--out", type=Path, required=True, help="where to write the PDF report")

    fetch = commands.add_parser("fetch", help="fetch a case from the banks")
    fetch.add_argument("case", help="case number or reference")

    report = commands.add_parser("report", help="write a case's PDF report")
    report.add_argument("case", help="case number or reference")
    report.add_argument("--out", type=Path, required=True)

    commands.add_parser("cases", help="list the cases")

    new = commands.add_parser("new", help="create a case")
    kinds = new.add_subparsers(dest="kind", required=True)
    bankruptcy = kinds.add_parser("bankruptcy", help="a bankruptcy estate (konkursbo)")
    bankruptcy.add_argument("--debtor", required=True, help="national id or organisation number")
    bankruptcy.add_argument("--name", help="the debtor's name")
    bankruptcy.add_argument("--ruling-date", required=True, type=_date, help="dd.mm.yyyy")
    bankruptcy.add_argument("--cutoff-date", type=_date, help="fristdag, dd.mm.yyyy")
    estate = kinds.add_parser("estate", help="the estate of a deceased person (dødsbo)")
    estate.add_argument("--deceased", required=True, help="national id or D-number")
    estate.add_argument("--name", help="the deceased's name")
    estate.add_argument("--death-date", required=True, type=_date, help="dd.mm.yyyy")
    guardianship = kinds.add_parser("guardianship", help="a guardianship control year")
    guardianship.add_argument("--ward", required=True, help="the ward's national id")
    guardianship.add_argument("--name", help="the ward's name")
    guardianship.add_argument("--guardian", required=True, help="the guardian's national id")
    guardianship.add_argument("--year", required=True, type=int)
    for kind in (bankruptcy, estate, guardianship):
        kind.add_argument("--reference", required=True, help="your case reference")

    close = commands.add_parser("close", help="close a case (it can then be deleted)")
    close.add_argument("case", help="case number or reference")
    delete = commands.add_parser("delete", help="delete a closed case and all its data")
    delete.add_argument("case", help="case number or reference")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    commands.add_parser("retention", help="list closed cases due for deletion")

    environment = commands.add_parser("environment", help="show or choose the environment")
    environment.add_argument("name", nargs="?", choices=("sandbox", "test", "production"))

    certificate = commands.add_parser("certificate", help="enterprise certificates")
    certificate_commands = certificate.add_subparsers(dest="action", required=True)
    add = certificate_commands.add_parser("import", help="import a PKCS#12 file")
    add.add_argument("file", type=Path)
    add.add_argument("--environment", required=True, choices=("test", "production"))
    add.add_argument("--service", required=True, choices=("bankruptcy", "estate", "guardianship"))
    add.add_argument("--client-id", required=True, help="the Maskinporten client id")
    status = certificate_commands.add_parser("status", help="show certificates and expiry")
    status.add_argument("--environment", required=True, choices=("test", "production"))

    secret = commands.add_parser("directory-key", help="store the API directory's key")
    secret.add_argument("--environment", required=True, choices=("test", "production"))

    batch = commands.add_parser(
        "control-batch", help="run the guardianship control for a list of wards"
    )
    batch.add_argument(
        "wards", type=Path, help="CSV: ward_id;guardian_id;ward_name;reference;report_file"
    )
    batch.add_argument("--year", required=True, type=int, help="the year controlled (last year)")
    batch.add_argument("--out", type=Path, required=True, help="folder for the PDFs and summary")
    batch.add_argument(
        "--concurrency", type=_wards_at_once, default=None, help="wards fetched at once (1-16)"
    )
    batch.add_argument("--language", choices=("nb", "en"), default="nb")
    control_import = commands.add_parser(
        "control-import", help="import a guardian's account (CSV or XLSX) into a case"
    )
    control_import.add_argument("case", help="case number or reference")
    control_import.add_argument("file", type=Path)
    template = commands.add_parser(
        "control-template", help="write the guardian's account template (.xlsx or .csv)"
    )
    template.add_argument("--out", type=Path, required=True)
    control_run = commands.add_parser("control-run", help="run the guardianship control of a case")
    control_run.add_argument("case", help="case number or reference")
    control_run.add_argument("--out", type=Path, help="also write the control report (PDF)")
    outcome = commands.add_parser("control-outcome", help="record the control's outcome")
    outcome.add_argument("case", help="case number or reference")
    outcome.add_argument("outcome", choices=("approved", "follow-up"))
    outcome.add_argument("--reason", default="", help="why (required for follow-up)")

    export = commands.add_parser("export", help="export a case's transactions or summary")
    export.add_argument("case", help="case number or reference")
    export.add_argument("--out", type=Path, required=True, help="a .xlsx or .csv file")
    export.add_argument(
        "--summary", action="store_true", help="the summary instead (.xlsx or .csv)"
    )

    imported = commands.add_parser(
        "import", help="bring statement files (camt.05x) or bank CSV/XLSX exports into a case"
    )
    imported.add_argument("case", help="case number or reference")
    imported.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imported.add_argument("--bank", help="organisation number of the bank the files come from")
    imported.add_argument("--bank-name", help="the bank's name, when it is new to the case")
    imported.add_argument(
        "--account", help="account number (for CSV/XLSX exports without an account column)"
    )

    letters = commands.add_parser("letters", help="digital letters to banks outside the API")
    letters.add_argument("case", help="case number or reference")
    letter = commands.add_parser("letter", help="write, send or close a digital letter")
    letter.add_argument("case", help="case number or reference")
    letter.add_argument("--bank", required=True, help="the bank's organisation number")
    letter.add_argument("--out", type=Path, help="write the letter as PDF to this file")
    letter.add_argument(
        "--sender", help="who the letter is from, with how to reach them (default: the role)"
    )
    step = letter.add_mutually_exclusive_group()
    step.add_argument("--sent", action="store_true", help="record that it was sent")
    step.add_argument("--answered", action="store_true", help="record that it was answered")

    audit = commands.add_parser("audit", help="export a case's request log as CSV")
    audit.add_argument("case", help="case number or reference")
    audit.add_argument("--out", type=Path, help="CSV file (default: standard output)")
    return parser


def _wards_at_once(text: str) -> int:
    """How many wards a batch fetches at once, 1 to 16."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 16:
        raise argparse.ArgumentTypeError(f"{value} is not between 1 and 16")
    return value


def _date(text: str) -> date:
    """Read a date typed as dd.mm.yyyy (or yyyy-mm-dd)."""
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    if _DATE_SHAPE.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the calendar")
    raise argparse.ArgumentTypeError(f"{text!r} is not a date; write dd.mm.yyyy")


_DATE_SHAPE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{1,2}-\d{1,2}")


INTERRUPTED = 130
"""The exit code of a command stopped by Ctrl-C, as shells report it (128 + SIGINT)."""


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        # Everything is stored as it arrives and a second run adds nothing twice, so a stop
        # loses nothing: say so in one line instead of a traceback.
        print(
            "boinnsyn: interrupted; what was stored so far is kept, and running the command "
            "again goes on from there",
            file=sys.stderr,
        )
        return INTERRUPTED


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    setup_logging()
    if args.command in (None, "gui"):
        from app.ui.main import run_gui

        return run_gui()
    runtime = Runtime.from_settings()
    try:
        handler = {
            "demo": _demo,
            "fetch": _fetch,
            "report": _report,
            "cases": _cases,
            "new": _new,
            "audit": _audit,
            "export": _export,
            "letters": _letters,
            "import": _import,
            "letter": _letter,
            "close": _close,
            "delete": _delete,
            "retention": _retention,
            "environment": _environment,
            "certificate": _certificate,
            "directory-key": _directory_key,
            "control-batch": _control,
            "control-import": _control,
            "control-template": _control,
            "control-run": _control,
            "control-outcome": _control,
        }[args.command]
        code = handler(runtime, args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _stdout_to_devnull()
        return 1
    except (
        InvalidInput,
        DsopError,
        CaseNotFound,
        KeyringUnavailable,
        CaseStillOpen,
        OutputFileError,
        CommandRefused,
    ) as error:
        print(f"boinnsyn: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        log.warning("command %s failed: %s", args.command, type(error).__name__)
        if error.strerror and error.filename:
            print(f"boinnsyn: {error.filename}: {error.strerror.lower()}", file=sys.stderr)
        else:
            print(f"boinnsyn: {error.strerror or error}", file=sys.stderr)
        return 1
    finally:
        runtime.close()


def _stdout_to_devnull() -> None:
    """The reader of standard output has gone (`boinnsyn cases | head`): stop quietly, with
    standard output pointed at devnull so that the interpreter's last flush has nowhere to fail."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _demo_case(runtime: Runtime) -> int:
    with runtime.db.session() as session:
        existing = session.scalars(select(Case).where(Case.reference == DEMO_REFERENCE)).first()
        if existing is not None and existing.closed_at is not None:
            raise CommandRefused(
                f"the demo's case {existing.id} ({DEMO_REFERENCE}) is closed, and a closed case "
                f"is kept as it was; delete it (boinnsyn delete {DEMO_REFERENCE}) to run the "
                "demo again"
            )
        if existing is not None:
            return existing.id
    today = SystemClock().today()
    facts = new_bankruptcy(
        reference=DEMO_REFERENCE,
        debtor_id=DEMO_DEBTOR,
        debtor_name=DEMO_DEBTOR_NAME,
        ruling_date=today - timedelta(days=DEMO_RULING_DAYS_AGO),
        cutoff_date=today - timedelta(days=DEMO_RULING_DAYS_AGO + 3),
        today=today,
    )
    try:
        return create_case(runtime.db, facts, environment="sandbox", user=config.current_user())
    except DuplicateCase as error:
        raise CommandRefused(
            f"the demo fetches {DEMO_DEBTOR_NAME} ({DEMO_DEBTOR}), and case {error.case_number} "
            f"({error.reference}) is open for that company; close it first "
            f"(boinnsyn close {error.reference})"
        ) from None


def _harvest(runtime: Runtime, case_id: int) -> Harvest:
    return Harvest(runtime.db, case_id, runtime.connection(), user=config.current_user())


def _demo(runtime: Runtime, args: argparse.Namespace) -> int:
    check_output_suffix(args.out, ".pdf")
    check_output_folder(args.out)
    runtime.environment_name = "sandbox"
    started = time.monotonic()
    case_id = _demo_case(runtime)
    summary = _harvest(runtime, case_id).run()
    if summary.error:
        print(f"boinnsyn: the fetch stopped: {summary.error}", file=sys.stderr)
        return 1
    from app.reports.case_report import write_case_report

    refresh_flags(runtime.db, case_id)
    write_case_report(runtime.db, case_id, args.out, language=_language())
    with runtime.db.session() as session:
        banks = banks_with_accounts(session, case_id)
        stored = count_transactions(session, case_id)
    letters = sum(1 for bank in banks if bank.status == "letter_needed")
    accounts = sum(len(bank.accounts) for bank in banks)
    # The counts are the stored case's, as in the report: banks= is every bank that knew the
    # debtor, by_api= those asked through their Control API, letters= those that need a letter.
    print(
        f"case={case_id} banks={len(banks)} by_api={summary.banks_with_api} "
        f"letters={letters} accounts={accounts} transactions={stored} "
        f"seconds={time.monotonic() - started:.1f} report={args.out}"
    )
    return 0


def _fetch(runtime: Runtime, args: argparse.Namespace) -> int:
    with runtime.db.session() as session:
        case = ensure_open(session, find_case(session, args.case).id)
        case_id, runtime.environment_name = case.id, case.environment
    summary = _harvest(runtime, case_id).run()
    if summary.transactions_received:
        refresh_flags(runtime.db, case_id)
    print(f"case={case_id} {summary.line()}")
    if summary.error:
        print(f"boinnsyn: the fetch stopped: {summary.error}", file=sys.stderr)
        return 1
    return 0


def _report(runtime: Runtime, args: argparse.Namespace) -> int:
    from app.reports.case_report import write_case_report

    check_output_suffix(args.out, ".pdf")
    check_output_folder(args.out)
    with runtime.db.session() as session:
        case_id = find_case(session, args.case).id
    write_case_report(runtime.db, case_id, args.out, language=_language())
    print(f"case={case_id} report={args.out}")
    return 0


def _cases(runtime: Runtime, args: argparse.Namespace) -> int:
    from app.store.cases import list_cases

    with runtime.db.session() as session:
        rows = list_cases(session)
    for row in rows:
        print(
            f"{row.id:>5}  {row.reference:<24} {row.service:<13} {row.key_date:%d.%m.%Y} "
            f"{row.environment:<10} {row.status:<6} banks={row.banks} accounts={row.accounts} "
            f"transactions={row.transactions}"
        )
    if not rows:
        print("no cases yet; create one with `boinnsyn new`")
    return 0


def _new(runtime: Runtime, args: argparse.Namespace) -> int:
    today = SystemClock().today()
    synthetic = runtime.environment_name != "production"
    if args.kind == "bankruptcy":
        facts = new_bankruptcy(
            reference=args.reference,
            debtor_id=args.debtor,
            debtor_name=args.name,
            ruling_date=args.ruling_date,
            cutoff_date=args.cutoff_date,
            today=today,
            allow_synthetic=synthetic,
        )
    elif args.kind == "estate":
        facts = new_estate(
            reference=args.reference,
            deceased_id=args.deceased,
            deceased_name=args.name,
            death_date=args.death_date,
            today=today,
            allow_synthetic=synthetic,
        )
    else:
        facts = new_guardianship(
            reference=args.reference,
            ward_id=args.ward,
            ward_name=args.name,
            guardian_id=args.guardian,
            year=args.year,
            today=today,
            allow_synthetic=synthetic,
        )
    case_id = create_case(
        runtime.db, facts, environment=runtime.environment_name, user=config.current_user()
    )
    period = facts.period(today)
    print(
        f"case={case_id} reference={facts.reference} service={facts.service.value} "
        f"period={period.start:%d.%m.%Y}..{period.end:%d.%m.%Y}"
    )
    return 0


def _audit(runtime: Runtime, args: argparse.Namespace) -> int:
    from app.store.audit_export import write_audit_csv

    if args.out is not None:
        check_output_suffix(args.out, ".csv")
        check_output_folder(args.out)
    with runtime.db.session() as session:
        case_id = find_case(session, args.case).id
    if args.out is None:
        count = write_audit_csv(runtime.db, case_id, sys.stdout)
    else:
        with written_csv(args.out) as stream:
            count = write_audit_csv(runtime.db, case_id, stream)
        print(f"case={case_id} requests={count} audit={args.out}")
    return 0


def _close(runtime: Runtime, args: argparse.Namespace) -> int:
    from app.store.deletion import close_case

    with runtime.db.session() as session:
        case_id = find_case(session, args.case).id
    close_case(runtime.db, case_id, now=SystemClock().now())
    print(f"case={case_id} closed")
    return 0


def _delete(runtime: Runtime, args: argparse.Namespace) -> int:
    from app.store.deletion import CaseStillOpen, delete_case, find_in_file

    with runtime.db.session() as session:
        case = find_case(session, args.case)
        case_id, subject, still_open = case.id, case.subject_id, case.closed_at is None
    if still_open:
        raise CaseStillOpen(case_id)  # before asking: the answer could change nothing
    if not args.yes:
        answer = _ask(
            f"Delete case {case_id} and all its data for good? Type yes: ",
            command="delete",
            instead="add --yes to delete without asking",
        )
        if answer.strip().lower() != "yes":
            print("not deleted")
            return 1
    delete_case(runtime.db, case_id, user=config.current_user(), now=SystemClock().now())
    left = find_in_file(runtime.db, [subject])
    print(
        f"case={case_id} deleted; subject id left in the database file: {'yes' if left else 'no'}"
    )
    return 0


def _retention(runtime: Runtime, args: argparse.Namespace) -> int:
    from app.store.deletion import due_for_deletion

    days = config.Settings.load().retention_days
    due = due_for_deletion(runtime.db, retention_days=days, now=SystemClock().now())
    for case in due:
        print(f"{case.id:>5}  {case.reference:<24} closed {case.closed_at:%d.%m.%Y}")
    if not due:
        print(f"no closed cases are due for deletion (retention {days} days)")
    return 0


def _environment(runtime: Runtime, args: argparse.Namespace) -> int:
    settings = config.Settings.load()
    if args.name:
        settings.environment = args.name
        settings.save()
    print(f"environment={settings.environment}")
    return 0


def _ask(prompt: str, *, command: str, instead: str, secret: bool = False) -> str:
    """The user's answer to a question; refused when no answer can come (no terminal, no input)."""
    try:
        return _secret_answer(prompt) if secret else input(prompt)
    except EOFError:
        raise CommandRefused(
            f"{command} needs an answer typed on a terminal and got none; {instead}"
        ) from None


def _secret_answer(prompt: str) -> str:
    """A secret typed on the terminal without echo; with no terminal, one line piped on standard
    input. (getpass would warn there that it cannot hide the typing: nothing is typed.)"""
    import getpass
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", getpass.GetPassWarning)
        try:
            return getpass.getpass(prompt)
        except getpass.GetPassWarning:
            log.info("no terminal for a secret; reading it from standard input")
    line = sys.stdin.readline()
    if not line.strip():
        raise EOFError
    return line.rstrip("\r\n")


def _check_readable(path: Path, what: str) -> None:
    """Refuse a file that is missing or cannot be read, before anything is asked or done."""
    try:
        with path.open("rb"):
            pass
    except OSError as error:
        raise CommandRefused(_unreadable(path, what, error)) from None


def _unreadable(path: Path, what: str, error: OSError) -> str:
    """Why a file could not be read, in one line naming it (never the system's errno text)."""
    if isinstance(error, FileNotFoundError):
        return f"{what} {path} does not exist"
    if isinstance(error, IsADirectoryError):
        return f"{what} {path} is a folder, not a file"
    return f"{what} {path} cannot be read: {(error.strerror or str(error)).lower()}"


def _certificate(runtime: Runtime, args: argparse.Namespace) -> int:
    from app import certificates
    from app.domain.services import Service

    now = SystemClock().now()
    if args.action == "import":
        _check_readable(args.file, "the certificate file")
        password = _ask(
            "PKCS#12 password: ",
            command="certificate import",
            secret=True,
            instead="run it on a terminal, or pipe the password on standard input",
        )
        status = certificates.import_pkcs12(
            args.environment, Service(args.service), args.file, password, args.client_id, now=now
        )
        print(
            f"imported {status.service.value} certificate of {status.name} "
            f"({status.org_number}), valid until {status.expires_at:%d.%m.%Y}"
        )
        if status.warning:
            print(f"warning: {status.warning}")
        return 0
    stored = certificates.load_credentials(args.environment)
    if not stored:
        print(
            f"no certificate is stored for {args.environment}; "
            "import one with `boinnsyn certificate import`"
        )
    for service, credentials in stored.items():
        status = certificates.status_of(args.environment, Service(service), credentials, now)
        print(
            f"{service:<13} {status.name} ({status.org_number}) valid until "
            f"{status.expires_at:%d.%m.%Y}, {status.days_left} days left"
            + (f"  WARNING: {status.warning}" if status.warning else "")
        )
    return 0


def _directory_key(runtime: Runtime, args: argparse.Namespace) -> int:
    from app import secrets

    key = _ask(
        "Subscription key of the API directory: ",
        command="directory-key",
        secret=True,
        instead="run it on a terminal, or pipe the key on standard input",
    )
    secrets.set_secret(secrets.secret_name(args.environment, "directory-key"), key.strip())
    print(f"directory key stored in the keyring for {args.environment}")
    return 0


def _control(runtime: Runtime, args: argparse.Namespace) -> int:
    """The guardianship control commands; their work is in app.batch and app.review.control."""
    from app.batch import control_command

    return control_command(runtime, args)


def _language() -> str:
    return config.Settings.load().language


def _export(runtime: Runtime, args: argparse.Namespace) -> int:
    from app.reports import exports

    suffix = check_output_suffix(args.out, ".xlsx", ".csv").suffix.lower()
    check_output_folder(args.out)
    with runtime.db.session() as session:
        case_id = find_case(session, args.case).id
    write = {
        (True, ".csv"): exports.export_summary_csv,
        (True, ".xlsx"): exports.export_summary_xlsx,
        (False, ".csv"): exports.export_transactions_csv,
        (False, ".xlsx"): exports.export_transactions_xlsx,
    }[(args.summary, suffix)]
    write(runtime.db, case_id, args.out, language=_language())
    print(f"case={case_id} export={args.out}")
    return 0


def _letters(runtime: Runtime, args: argparse.Namespace) -> int:
    from app.store.letters import letter_rows

    today = SystemClock().today()
    with runtime.db.session() as session:
        case_id = find_case(session, args.case).id
        rows = letter_rows(session, case_id, today)
    for row in rows:
        print(f"{row.org_number}  {row.bank_name:<32} {_letter_state(row)}")
    if not rows:
        with runtime.db.session() as session:
            _refuse_without_banks(session, case_id, args.case)
        print(f"case={case_id}: no bank needs a letter")
    return 0


def _refuse_without_banks(session: Session, case_id: int, key: str) -> None:
    """A case no bank is known for yet has nothing to write letters about: it says how to
    get its banks."""
    if session.scalar(select(Bank.id).where(Bank.case_id == case_id).limit(1)) is None:
        raise CommandRefused(
            f"no bank is known for case {case_id} yet: fetch it first (boinnsyn fetch {key}), "
            "or import its files"
        )


def _letter_state(row: LetterRow) -> str:
    """A letter's state with the one date that matters in it."""
    if row.status in ("sent", "reminder_due") and row.due_on is not None:
        return f"{row.status} answer due {row.due_on:%d.%m.%Y}"
    if row.status == "answered" and row.answered_at is not None:
        return f"answered {to_oslo(row.answered_at):%d.%m.%Y}"
    if row.status == "imported" and row.imported_at is not None:
        return f"imported {to_oslo(row.imported_at):%d.%m.%Y}"
    return row.status


def _letter(runtime: Runtime, args: argparse.Namespace) -> int:
    from sqlalchemy import select as _select

    from app.domain.identifiers import validate_org_number
    from app.reports.letter import write_letter
    from app.store import letters

    now = SystemClock().now()
    org = validate_org_number(args.bank, "--bank")
    if args.out is not None:
        check_output_suffix(args.out, ".pdf")
        check_output_folder(args.out)
    with runtime.db.session() as session:
        case_id = ensure_open(session, find_case(session, args.case).id).id
        bank_id = session.scalar(
            _select(Bank.id).where(Bank.case_id == case_id, Bank.org_number == org)
        )
        if bank_id is None:
            _refuse_without_banks(session, case_id, args.case)
            raise CommandRefused(f"bank {args.bank} is not part of case {case_id}")
        try:
            letter_id = letters.draft(
                session, case_id, bank_id, user=config.current_user(), now=now
            )
        except letters.LetterNotNeeded as error:
            raise CommandRefused(str(error)) from None
        try:
            if args.sent:
                letters.mark_sent(session, letter_id, now=now)
            if args.answered:
                letters.mark_answered(session, letter_id, now=now)
        except LetterStateError as error:
            raise CommandRefused(
                f"the letter to bank {args.bank} is {error.current} already; it cannot go back "
                f"to {error.wanted} (letters move forward only: {', '.join(letters.ORDER)})"
            ) from None
    if args.out:
        write_letter(runtime.db, case_id, bank_id, args.out, language=_language(), user=args.sender)
    with runtime.db.session() as session:
        status = letters.state(session.get(letters.Letter, letter_id), oslo_day(now))
    print(
        f"case={case_id} bank={args.bank} letter={status}"
        + (f" pdf={args.out}" if args.out else "")
    )
    return 0


def _import(runtime: Runtime, args: argparse.Namespace) -> int:
    from app.domain.identifiers import validate_org_number
    from app.imports.errors import ImportFileError
    from app.imports.into_case import CaseImport, ImportTargetError
    from app.reports.formatting import account_number

    bank = validate_org_number(args.bank, "--bank") if args.bank is not None else None
    for path in args.files:
        _check_readable(path, "the file")
    with runtime.db.session() as session:
        case_id = find_case(session, args.case).id
    importer = CaseImport(runtime.db, case_id, user=config.current_user(), now=SystemClock().now())
    failed = 0
    for path in args.files:
        try:
            result = importer.import_file(
                path, bank_org=bank, bank_name=args.bank_name, account_number=args.account
            )
        except ImportTargetError as error:
            failed += 1
            hint = IMPORT_HINTS.get(error.needs, "") if error.needs else ""
            print(f"boinnsyn: {error}{hint}", file=sys.stderr)
            continue
        except ImportFileError as error:
            failed += 1
            print(f"boinnsyn: {error}", file=sys.stderr)
            continue
        except OSError as error:
            failed += 1
            print(f"boinnsyn: {_unreadable(path, 'the file', error)}", file=sys.stderr)
            continue
        print(f"case={case_id} {result.line()}")
        for item in result.accounts:
            if item.message:  # what the file itself says is wrong, such as its balances
                print(f"  {account_number(item.account_number)}: {item.message}")
    if failed < len(args.files):
        refresh_flags(runtime.db, case_id)
    return 1 if failed else 0


IMPORT_HINTS = {
    "bank": " (give --bank ORGNO, and --bank-name NAME when the bank is new to the case)",
    "bank_name": " (give --bank-name NAME)",
    "account": " (give --account NUMBER)",
}
"""The options that name what an import could not place, by what it needs."""
