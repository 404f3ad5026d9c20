"""Every text of the reports and exports, in Norwegian (bokmål) and English.

The reports leave the application as documents, so they cannot use the interface's Qt
translations; this catalogue is their one source of words. A `Catalogue` picks the language
once and fills placeholders: `tr("page", page=1, pages=9)` gives "side 1 av 9" in Norwegian.
Enumerated values from the standard (account types, statuses, rules) are looked up with
`tr.word("account_type", value)`, which falls back to the raw value rather than failing on a
value a bank invents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.bokmaal import norwegian
from app.reports.formatting import count

LANGUAGES = ("nb", "en")

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {
    # Markings on every page
    "confidential": (
        "Fortrolig – taushetsbelagte opplysninger",
        "Confidential – information subject to a duty of secrecy",
    ),
    "sandbox_marking": ("SANDBOX – syntetiske testdata", "SANDBOX – synthetic test data"),
    "page": ("side {page} av {pages}", "page {page} of {pages}"),
    "footer_case": ("Sak {reference}", "Case {reference}"),
    "footer_fetched": ("Data hentet {time}", "Data fetched {time}"),
    "footer_not_fetched": ("Data ikke hentet", "Data not fetched"),
    "footer_made": ("Rapport laget {time}", "Report made {time}"),
    "footer_source": ("Kilde: {source}", "Source: {source}"),
    "environment.sandbox": ("sandkasse (syntetiske testdata)", "sandbox (synthetic test data)"),
    "environment.test": ("DSOP testmiljø", "DSOP test environment"),
    "environment.production": ("DSOP produksjon", "DSOP production"),
    # Titles
    "title.bankruptcy": ("Kontoopplysninger i konkursbo", "Bank account information: bankruptcy"),
    "title.estate": ("Kontoopplysninger i dødsbo", "Bank account information: deceased's estate"),
    "title.guardianship": (
        "Kontoopplysninger til vergekontroll",
        "Bank account information: guardianship control",
    ),
    "service.bankruptcy": ("Konkursbehandling", "Bankruptcy proceedings (Konkursbehandling)"),
    "service.estate": (
        "Oppgjør etter dødsfall",
        "Settling an estate after a death (Oppgjør etter dødsfall)",
    ),
    "service.guardianship": ("Vergekontroll", "Guardianship control (Vergekontroll)"),
    "cover_notice": (
        "Rapporten inneholder opplysninger om kontoer og transaksjoner som er underlagt "
        "taushetsplikt. Den skal bare brukes i saken den er laget for, og må ikke gis videre "
        "til andre enn dem som har rett til opplysningene.",
        "This report holds information about accounts and transactions that is subject to a "
        "duty of secrecy. Use it only in the case it was made for, and pass it on only to "
        "those entitled to the information.",
    ),
    "cover_sandbox": (
        "Alle opplysninger i denne rapporten er syntetiske testdata fra Boinnsyns sandkasse. "
        "De gjelder ingen virkelig person eller virksomhet.",
        "Everything in this report is synthetic test data from the Boinnsyn sandbox. It "
        "concerns no real person or business.",
    ),
    "made_with": ("Laget med Boinnsyn {version}", "Made with Boinnsyn {version}"),
    # Case facts
    "fact.reference": ("Saksreferanse", "Case reference"),
    "fact.service": ("Tjeneste", "Service"),
    "fact.subject.bankruptcy": ("Skyldner", "Debtor"),
    "fact.subject.estate": ("Avdøde", "Deceased"),
    "fact.subject.guardianship": ("Vergehaver", "Ward (vergehaver)"),
    "fact.subject_id.person": ("Fødselsnummer / D-nummer", "National id / D-number"),
    "fact.subject_id.organisation": ("Organisasjonsnummer", "Organisation number"),
    "fact.ruling_date": ("Kjennelsesdato", "Ruling date (kjennelsesdato)"),
    "fact.cutoff_date": ("Fristdag", "Cut-off date (fristdag)"),
    "fact.death_date": ("Dødsdato", "Date of death"),
    "fact.control_year": ("Kontrollår", "Year controlled"),
    "fact.guardian": ("Verge (fødselsnummer)", "Guardian (national id)"),
    "fact.period": ("Periode hentet", "Period fetched"),
    "fact.environment": ("Datakilde", "Data source"),
    "fact.request_id": ("Forespørsels-ID (AccountInfoRequestID)", "AccountInfoRequestID"),
    "fact.legal_basis": ("Hjemmel", "Legal basis"),
    "fact.case_created": ("Sak opprettet", "Case created"),
    "fact.by": ("{time} av {user}", "{time} by {user}"),
    "fact.fetched_at": ("Data hentet", "Data fetched"),
    "fact.made": ("Rapport laget", "Report made"),
    "not_fetched": ("Ikke hentet ennå", "Not fetched yet"),
    "unknown_name": ("(navn ikke oppgitt)", "(name not given)"),
    "name_from_banks": ("{name} (som bankene oppgir det)", "{name} (as the banks give it)"),
    # Contents
    "contents": ("Innhold", "Contents"),
    # Sections
    "section.summary": ("Sammendrag", "Summary"),
    "section.banks": ("Banker og kontoer", "Banks and accounts"),
    "section.flags": ("Flaggede transaksjoner og merknader", "Flagged transactions and notes"),
    "section.decisions": ("Beslutninger", "Decisions"),
    "section.provenance": ("Kilder og sporbarhet", "Sources and traceability"),
    "section.appendix": ("Vedlegg: alle transaksjoner", "Appendix: every transaction"),
    # Summary
    "summary.banks": ("Banker", "Banks"),
    "summary.banks_line": (
        "{total} i alt. Komplett: {complete}, delvis: {partial}, feilet: {failed}, "
        "krever brev: {letter}",
        "{total} in all: {complete} complete, {partial} partial, {failed} failed, "
        "{letter} need a letter",
    ),
    "summary.banks_other": ("{count} {status}", "{count} {status}"),
    "summary.accounts": ("Kontoer", "Accounts"),
    "summary.accounts_line": (
        "{total} i alt: {open} åpne, {blocked} sperret, {closed} avsluttet",
        "{total} in all: {open} open, {blocked} blocked, {closed} closed",
    ),
    "summary.accounts_unknown": ("{count} med ukjent status", "{count} of unknown status"),
    "summary.no_balance": (
        "Kontoer uten kjent saldo, ikke med i summene: {count}.",
        "Accounts without a known balance, left out of the sums: {count}.",
    ),
    "summary.outside_period": (
        "Innleste transaksjoner utenfor sakens periode {period}: {count}. De er beholdt i "
        "saken, men er ikke med i summene og gir ikke flagg.",
        "Imported transactions outside the case's period {period}: {count}. They are kept in "
        "the case, but are left out of the sums and raise no flags.",
    ),
    "summary.balances": ("Eiendeler og gjeld", "Assets and debts"),
    "summary.balances_note": (
        "Eiendeler er summen av positive saldoer, gjeld summen av negative saldoer (lån, "
        "kredittkort). Saldo ved {key_label} er beregnet fra bankens bokførte saldo og de "
        "bokførte transaksjonene der banken ikke har oppgitt den.",
        "Assets are the sum of positive balances, debts the sum of negative balances (loans, "
        "credit cards). The balance at the {key_label} is computed from the bank's booked "
        "balance and the booked transactions where the bank did not give it.",
    ),
    "summary.currency": ("Valuta", "Currency"),
    "summary.at": ("{label} {date}", "{label} {date}"),
    "summary.period_end": ("Periodens slutt", "End of period"),
    "summary.assets": ("Eiendeler", "Assets"),
    "summary.debts": ("Gjeld", "Debts"),
    "summary.net": ("Netto", "Net"),
    "summary.transactions": ("Transaksjoner", "Transactions"),
    "summary.tx_count": ("Antall", "Number"),
    "summary.tx_in": ("Inn (bokført)", "In (booked)"),
    "summary.tx_out": ("Ut (bokført)", "Out (booked)"),
    "summary.tx_all": ("Hele perioden", "Whole period"),
    "summary.tx_pending": (
        "Transaksjoner som ikke er bokført (reservert eller til informasjon), ikke med i "
        "summene: {count}.",
        "Transactions not booked (pending or for information), left out of the sums: {count}.",
    ),
    "summary.flags": ("Flaggede transaksjoner", "Flagged transactions"),
    "summary.flags_line": ("{count}, se kapittel {chapter}", "{count}, see chapter {chapter}"),
    "summary.missing": ("Dette mangler", "Still missing"),
    "summary.missing_not_fetched": (
        "Ingenting er hentet ennå: ingen banker eller kontoer har svart.",
        "Nothing has been fetched yet: no bank or account has answered.",
    ),
    "summary.missing_none": (
        "Alle banker og kontoer svarte fullstendig.",
        "Every bank and account answered in full.",
    ),
    "summary.missing_bank": ("{name}: {status}", "{name}: {status}"),
    "summary.missing_account": ("Konto {name}: {status}", "Account {name}: {status}"),
    "key_label.bankruptcy": ("kjennelsesdato", "ruling date"),
    "key_label.estate": ("dødsdato", "date of death"),
    "key_label.guardianship": ("inngangen til kontrollåret", "start of the year controlled"),
    "key_column.bankruptcy": ("Kjennelsesdato", "Ruling date"),
    "key_column.estate": ("Dødsdato", "Date of death"),
    "key_column.guardianship": ("Inngående", "Opening"),
    "after.bankruptcy": ("Etter kjennelsesdato", "After the ruling date"),
    "after.estate": ("Etter dødsdato", "After the date of death"),
    "after.cutoff": ("Etter fristdag", "After the cut-off date"),
    # Banks
    "bank.org_number": ("Organisasjonsnummer", "Organisation number"),
    "bank.answer": ("Svar", "Answer"),
    "bank.message": ("Melding", "Message"),
    "bank.fetched": ("Hentet", "Fetched"),
    "bank.requests": ("Forespørsler", "Requests"),
    "bank.requests_line": (
        "{count}, av dem uten svar: {failed}; {first} – {last}",
        "{count}, of them without an answer: {failed}; {first} – {last}",
    ),
    "bank.requests_none": ("Ingen forespørsler registrert", "No requests recorded"),
    "bank.correlation": ("CorrelationID", "CorrelationID"),
    "bank.correlation_line": (
        "første {first}, siste {last}; {count} i alt, alle i revisjonseksporten",
        "first {first}, last {last}; {count} in all, every one in the audit export",
    ),
    "bank.correlation_one": ("{first}", "{first}"),
    "bank.accounts": ("Kontoer i banken", "Accounts at the bank"),
    "bank.no_accounts": ("Banken oppga ingen kontoer.", "The bank reported no accounts."),
    "bank.none": (
        "Ingen banker er funnet for saken ennå.",
        "No banks have been found for the case yet.",
    ),
    "bank.letter": (
        "Banken er ikke nådd gjennom Control API; opplysningene må innhentes ved digitalt brev.",
        "The bank was not reached through the Control API; ask for the information by digital "
        "letter.",
    ),
    "bank.chart_title": (
        "Saldo per konto ved periodens slutt ({currency})",
        "Balance per account at the end of the period ({currency})",
    ),
    "column.account": ("Konto", "Account"),
    "column.type": ("Type", "Type"),
    "column.status": ("Status", "Status"),
    "column.balance_end": ("Saldo slutt", "Balance at end"),
    "column.transactions": ("Transaksjoner", "Transactions"),
    # Accounts
    "account.heading": ("Konto {number}", "Account {number}"),
    "account.name": ("Kontonavn", "Account name"),
    "account.type": ("Kontotype", "Account type"),
    "account.currency": ("Valuta", "Currency"),
    "account.status": ("Status", "Status"),
    "account.owner": ("Eier", "Owner"),
    "account.permission": ("Disposisjonsrett", "Right of disposal"),
    "account.owner_period": ("Eierperiode", "Ownership period"),
    "account.lifetime": ("Konto åpen", "Account open"),
    "account.balance_key": ("Saldo ved {label} {date}", "Balance at the {label} {date}"),
    "account.balance_end": ("Saldo ved periodens slutt", "Balance at the end of the period"),
    "account.computed": ("(beregnet)", "(computed)"),
    "account.bank_balances": ("Saldoer fra banken", "Balances from the bank"),
    "account.balance_item": ("{kind} {amount} per {date}", "{kind} {amount} on {date}"),
    "account.credit_line": (
        "kredittramme {amount} (inkludert i saldoen)",
        "credit line {amount} (included in the balance)",
    ),
    "account.credit_line_apart": (
        "kredittramme {amount} (ikke inkludert)",
        "credit line {amount} (not included)",
    ),
    "account.no_balance": ("Ingen saldo oppgitt", "No balance given"),
    "account.closed_no_balance": (
        "Avsluttet {date} – banken leverer ingen saldo for en avsluttet konto",
        "Closed {date} – a bank gives no balance for a closed account",
    ),
    "account.transactions": ("Transaksjoner", "Transactions"),
    "account.tx_line": (
        "{count} ({booked} bokført, {pending} ikke bokført)",
        "{count} ({booked} booked, {pending} not booked)",
    ),
    "account.tx_none": ("Ingen transaksjoner lagret", "No transactions stored"),
    "account.dated": ("Datert", "Dated"),
    "account.in_out": ("Inn / ut (bokført)", "In / out (booked)"),
    "account.fetch": ("Henting", "Fetch"),
    "account.roles": ("Roller", "Roles"),
    "account.role_item": ("{name} ({permission}) {period}", "{name} ({permission}) {period}"),
    "account.chart_title": (
        "Daglig bokført saldo, konto {number} ({currency})",
        "Daily booked balance, account {number} ({currency})",
    ),
    "account.chart_key": ("{label}", "{label}"),
    "open_ended": ("–", "–"),
    # Flags and notes
    "flags.intro": (
        "Transaksjoner som en regel eller en bruker har merket for nærmere gjennomgang, med "
        "begrunnelse og brukernes merknader.",
        "Transactions a rule or a user marked for a closer look, with the reasons and the "
        "users' notes.",
    ),
    "flags.none": ("Ingen flaggede transaksjoner.", "No flagged transactions."),
    "flags.cleared": (
        "Flagg som en bruker har fjernet, ikke vist: {count}.",
        "Flags a user cleared, not shown: {count}.",
    ),
    "flags.column.date": ("Dato", "Date"),
    "flags.column.account": ("Konto", "Account"),
    "flags.column.what": ("Motpart og tekst", "Counterparty and text"),
    "flags.column.amount": ("Beløp", "Amount"),
    "flags.column.reason": ("Begrunnelse", "Reason"),
    "flags.note": ("Merknad fra {author} {time}: {text}", "Note by {author} {time}: {text}"),
    "flags.by": ("{rule} ({author})", "{rule} ({author})"),
    "notes.heading": ("Merknader", "Notes"),
    "notes.none": ("Ingen merknader.", "No notes."),
    "notes.case": ("Til saken", "On the case"),
    "notes.account": ("Til konto {number}", "On account {number}"),
    "notes.transaction": (
        "Til transaksjon {date}, {amount} på konto {account}",
        "On the transaction of {date}, {amount} on account {account}",
    ),
    "notes.unknown_target": ("Til et element som ikke finnes lenger", "On an item now gone"),
    "notes.item": ("{author}, {time}", "{author}, {time}"),
    # Decisions
    "decisions.intro": (
        "Vurderinger og beslutninger i saken som er registrert i Boinnsyn.",
        "Assessments and decisions in the case recorded in Boinnsyn.",
    ),
    "decisions.bankruptcy": ("Gjennomgangsvinduer (omstøtelse)", "Review windows (avoidance)"),
    "decisions.estate": ("Skifteform", "Form of settlement (skifteform)"),
    "decisions.guardianship": ("Kontrollutfall", "Control outcome"),
    "decisions.not_recorded": ("Ikke registrert ennå.", "Not recorded yet."),
    # Provenance
    "provenance.intro": (
        "Alle forespørsler i saken bærer samme AccountInfoRequestID. Hver forespørsel har i "
        "tillegg sin egen CorrelationID. Med disse kan banken finne igjen forespørslene og "
        "svarene sine.",
        "Every request in the case carries the same AccountInfoRequestID. Each request also has "
        "its own CorrelationID. With these a bank can find its requests and answers again.",
    ),
    "provenance.audit": (
        "Den fullstendige listen over forespørsler, med tidspunkt, endepunkt, CorrelationID og "
        "utfall, står i revisjonseksporten av saken (CSV eller XLSX).",
        "The full list of requests, with time, endpoint, CorrelationID and outcome, is in the "
        "case's audit export (CSV or XLSX).",
    ),
    "provenance.banks": ("Svar fra bankene", "The banks' answers"),
    "provenance.sources": ("Hentinger og importer", "Fetches and imports"),
    "provenance.sources_none": ("Ingen hentinger eller importer.", "No fetches or imports."),
    "provenance.source_line": (
        "{label}, {status}. Startet {started} av {user}, ferdig {finished}. Periode {period}.",
        "{label}, {status}. Started {started} by {user}, finished {finished}. Period {period}.",
    ),
    "provenance.unfinished": ("ikke ferdig", "not finished"),
    "source_kind.api": ("DSOP-henting", "DSOP fetch"),
    "source_kind.file": ("Filimport", "File import"),
    "source_status.running": ("ikke fullført", "not completed"),
    "source_status.complete": ("fullført", "completed"),
    "source_status.failed": ("feilet", "failed"),
    "source_status.cancelled": ("avbrutt", "cancelled"),
    "source_status.mismatch": (
        "fullført, men saldoene i filen stemmer ikke med postene",
        "completed, but the file's balances do not agree with its entries",
    ),
    # Appendix
    "appendix.intro": (
        "Alle transaksjoner som er lagret i saken, per bank og konto, ordnet etter "
        "bokføringsdato. Beløp er i kontoens valuta; negative beløp er penger ut. "
        "Merking: F = flagget (se kapittel {chapter}), R = reservert, I = til informasjon, "
        "T = tilbakeføring.",
        "Every transaction stored in the case, by bank and account, in order of booking date. "
        "Amounts are in the account's currency; negative amounts are money out. "
        "Marks: F = flagged (see chapter {chapter}), R = pending, I = for information, "
        "T = reversal.",
    ),
    "appendix.account": ("{bank} – konto {number}", "{bank} – account {number}"),
    "appendix.account_none": ("Ingen transaksjoner.", "No transactions."),
    "appendix.account_end": (
        "Transaksjoner på konto {number}: {count}.",
        "Transactions on account {number}: {count}.",
    ),
    "appendix.end": (
        "Slutt på vedlegget. Transaksjoner i alt: {count}. Kontoer med transaksjoner: {accounts}.",
        "End of the appendix. Transactions in all: {count}. Accounts with transactions: "
        "{accounts}.",
    ),
    "appendix.column.date": ("Bokført", "Booked"),
    "appendix.column.text": ("Type", "Type"),
    "appendix.column.counterparty": ("Motpart", "Counterparty"),
    "appendix.column.message": ("Melding / referanse", "Message / reference"),
    "appendix.column.amount": ("Beløp", "Amount"),
    "appendix.column.mark": ("Merk.", "Mark"),
    "appendix.value_date": ("valør {date}", "value {date}"),
    "appendix.reference": ("Ref. {reference}", "Ref. {reference}"),
    "appendix.card": ("Kort {card}", "Card {card}"),
    "appendix.exchange": (
        "Opprinnelig {amount} {currency}, kurs {rate}",
        "Originally {amount} {currency}, rate {rate}",
    ),
    # Exports
    "export.sheet.transactions": ("Transaksjoner", "Transactions"),
    "export.sheet.about": ("Om eksporten", "About"),
    "export.sheet.summary": ("Sammendrag", "Summary"),
    "export.sheet.banks": ("Banker", "Banks"),
    "export.sheet.accounts": ("Kontoer", "Accounts"),
    "export.about.what": ("Innhold", "Contents"),
    "export.about.transactions": (
        "Alle transaksjoner lagret i saken",
        "Every transaction stored in the case",
    ),
    "export.about.summary": ("Sammendrag av saken", "Summary of the case"),
    "export.about.rows": ("Antall rader", "Rows"),
    "export.made": ("Eksportert", "Exported"),
    "export.about.times": ("Tidspunkter er norsk tid.", "Times are Norwegian time."),
    "export.figure": ("Nøkkeltall", "Figure"),
    "export.value": ("Verdi", "Value"),
    "export.figure.banks": ("Banker", "Banks"),
    "export.figure.accounts": ("Kontoer", "Accounts"),
    "export.figure.transactions": ("Transaksjoner", "Transactions"),
    "export.figure.flagged": ("Flaggede transaksjoner", "Flagged transactions"),
    "export.figure.assets_end": (
        "Eiendeler ved periodens slutt",
        "Assets at the end of the period",
    ),
    "export.figure.debts_end": ("Gjeld ved periodens slutt", "Debts at the end of the period"),
    "export.figure.assets_key": ("Eiendeler ved {label}", "Assets at the {label}"),
    "export.figure.debts_key": ("Gjeld ved {label}", "Debts at the {label}"),
    "export.figure.in": ("Inn (bokført)", "In (booked)"),
    "export.figure.out": ("Ut (bokført)", "Out (booked)"),
    "col.bank": ("Bank", "Bank"),
    "col.bank_org": ("Bankens org.nr.", "Bank org. no."),
    "col.account": ("Kontonummer", "Account number"),
    "col.account_name": ("Kontonavn", "Account name"),
    "col.account_type": ("Kontotype", "Account type"),
    "col.account_status": ("Kontostatus", "Account status"),
    "col.owner": ("Eier", "Owner"),
    "col.booking_date": ("Bokført dato", "Booking date"),
    "col.value_date": ("Valørdato", "Value date"),
    "col.amount": ("Beløp", "Amount"),
    "col.currency": ("Valuta", "Currency"),
    "col.status": ("Status", "Status"),
    "col.reversal": ("Tilbakeføring", "Reversal"),
    "col.text": ("Tekst", "Text"),
    "col.counterparty": ("Motpart", "Counterparty"),
    "col.counterparty_account": ("Motpartens konto", "Counterparty account"),
    "col.merchant": ("Brukersted", "Merchant"),
    "col.message": ("Melding", "Message"),
    "col.reference": ("Referanse", "Reference"),
    "col.card": ("Kort", "Card"),
    "col.original_amount": ("Opprinnelig beløp", "Original amount"),
    "col.original_currency": ("Opprinnelig valuta", "Original currency"),
    "col.exchange_rate": ("Kurs", "Exchange rate"),
    "col.flagged": ("Flagget", "Flagged"),
    "col.transaction_id": ("Transaksjons-id", "Transaction id"),
    "col.balance_key": ("Saldo {label}", "Balance {label}"),
    "col.balance_key_computed": ("Beregnet", "Computed"),
    "col.balance_end": ("Saldo periodens slutt", "Balance end of period"),
    "col.balance_end_date": ("Saldo per", "Balance on"),
    "col.transactions": ("Transaksjoner", "Transactions"),
    "col.in": ("Inn (bokført)", "In (booked)"),
    "col.out": ("Ut (bokført)", "Out (booked)"),
    "col.fetch": ("Henting", "Fetch"),
    "col.message_fetch": ("Melding fra henting", "Fetch message"),
    "col.answer": ("Svar", "Answer"),
    "col.fetched": ("Hentet", "Fetched"),
    "col.requests": ("Forespørsler", "Requests"),
    "col.failed": ("Uten svar", "Without an answer"),
    "col.first_correlation": ("Første CorrelationID", "First CorrelationID"),
    "col.last_correlation": ("Siste CorrelationID", "Last CorrelationID"),
    "yes": ("ja", "yes"),
    "no": ("nei", "no"),
    # Account types (REFERENCE §5.1)
    "account_type.loanAccount": ("Lånekonto", "Loan account"),
    "account_type.salaryAccount": ("Brukskonto (lønnskonto)", "Everyday account (salary)"),
    "account_type.currencyAccount": ("Valutakonto", "Currency account"),
    "account_type.savingsAccount": ("Sparekonto", "Savings account"),
    "account_type.clientAccount": ("Klientkonto", "Client account"),
    "account_type.taxDeductionAccount": ("Skattetrekkskonto", "Tax deduction account"),
    "account_type.businessAccount": ("Driftskonto", "Business account"),
    "account_type.creditCardAccount": ("Kredittkortkonto", "Credit card account"),
    "account_type.prepaidCardAccount": ("Forhåndsbetalt kort", "Prepaid card account"),
    "account_type.accountWithoutBalance": ("Konto uten saldo", "Account without a balance"),
    "account_type.otherAccount": ("Annen konto", "Other account"),
    "account_type.none": ("Ukjent type", "Type not given"),
    # Account state shown to readers
    "account_state.open": ("Åpen", "Open"),
    "account_state.blocked": ("Sperret", "Blocked"),
    "account_state.closed": ("Avsluttet {date}", "Closed {date}"),
    "account_state.deleted": ("Slettet hos banken", "Deleted at the bank"),
    "account_state.unknown": ("Ukjent", "Unknown"),
    # Fetch status of an account
    "fetch_status.listed": ("bare listet, ikke hentet", "listed only, not fetched"),
    "fetch_status.complete": ("komplett", "complete"),
    "fetch_status.partial": ("delvis", "partial"),
    "fetch_status.failed": ("feilet", "failed"),
    # Bank answers
    "bank_status.pending": ("ikke hentet", "not fetched"),
    "bank_status.fetching": ("henting ikke fullført", "fetch not finished"),
    "bank_status.complete": ("komplett", "complete"),
    "bank_status.partial": ("delvis", "partial"),
    "bank_status.incomplete": (
        "ufullstendig (noen kontoer feilet)",
        "incomplete (accounts failed)",
    ),
    "bank_status.failed": ("feilet", "failed"),
    "bank_status.letter_needed": ("krever digitalt brev", "needs a digital letter"),
    "bank_status.cancelled": ("avbrutt", "cancelled"),
    "bank_status.imported": ("fra innleste filer", "from imported files"),
    # Permissions (REFERENCE §5.3)
    "permission.rightToUseAlone": ("disponerer alene", "may use alone"),
    "permission.rightToUseWithOther": ("disponerer sammen med andre", "may use with another"),
    "permission.rightToSeeOnly": ("kun innsyn", "may only see"),
    # Balance kinds
    "balance_kind.bookedBalance": ("Bokført saldo", "Booked balance"),
    "balance_kind.availableBalance": ("Disponibel saldo", "Available balance"),
    "balance_kind.openingBalance": ("Inngående saldo", "Opening balance"),
    "balance_kind.opening": ("Inngående saldo", "Opening balance"),
    "balance_kind.closing": ("Utgående saldo", "Closing balance"),
    # Transaction statuses
    "tx_status.booked": ("bokført", "booked"),
    "tx_status.pending": ("reservert", "pending"),
    "tx_status.info": ("til informasjon", "for information"),
    # Flag rules
    "rule.after_key_date": ("Etter nøkkeldato", "After the key date"),
    "rule.large_cash": ("Stort kontantuttak", "Large cash withdrawal"),
    "rule.round_sum": ("Rundt beløp", "Round sum"),
    "rule.own_transfer": ("Egne kontoer", "Own accounts"),
    "rule.new_counterparty": ("Ny motpart", "New counterparty"),
    "rule.manual": ("Merket av bruker", "Marked by hand"),
    # Messages that earlier versions stored in English and no longer write (see `source`)
    "stored.added from a file": ("lagt til fra fil", "added from a file"),
    # Months for chart axes
    "month.1": ("jan.", "Jan"),
    "month.2": ("feb.", "Feb"),
    "month.3": ("mars", "Mar"),
    "month.4": ("april", "Apr"),
    "month.5": ("mai", "May"),
    "month.6": ("juni", "Jun"),
    "month.7": ("juli", "Jul"),
    "month.8": ("aug.", "Aug"),
    "month.9": ("sep.", "Sep"),
    "month.10": ("okt.", "Oct"),
    "month.11": ("nov.", "Nov"),
    "month.12": ("des.", "Dec"),
}


class UnknownLanguage(ValueError):
    def __init__(self, language: str) -> None:
        super().__init__(f"reports are written in {' or '.join(LANGUAGES)}, not {language!r}")
        self.language = language


COUNTED = frozenset({"count", "booked", "pending", "failed", "accounts"})
"""The names of the values that are counts of things."""


@dataclass(frozen=True)
class Catalogue:
    """The report texts of one language."""

    language: str

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise UnknownLanguage(self.language)

    @property
    def _index(self) -> int:
        return LANGUAGES.index(self.language)

    def __call__(self, key: str, **values: Any) -> str:
        text = TEXTS[key][self._index]
        if not values:
            return text
        # counts read as amounts do, thousands grouped; other numbers (years) as they are
        grouped = {
            name: count(value) if name in COUNTED and type(value) is int else value
            for name, value in values.items()
        }
        return text.format(**grouped)

    def word(self, group: str, value: str | None, *, default: str | None = None) -> str:
        """The readable word for an enumerated value; the value itself when unknown."""
        key = f"{group}.{value if value is not None else 'none'}"
        if key in TEXTS:
            return self(key)
        if default is not None:
            return default
        return value or ""

    def subject_name(self, name: str | None, *, from_banks: bool) -> str:
        """The control object's name as a report states it: the user's, the banks' (said so),
        or that none is known."""
        if not name:
            return self("unknown_name")
        return self("name_from_banks", name=name) if from_banks else name

    def source(self, english: str) -> str:
        """A text the core keeps in English (flag reasons, fetch messages), in this language.

        A message an earlier version stored, and the interface no longer translates, has its
        words here (`stored.` keys), so that cases made then read in the report's language."""
        stored = f"stored.{english}"
        if stored in TEXTS:
            return self(stored)
        if self.language == "nb":
            return norwegian(english)
        return english


def catalogue(language: str) -> Catalogue:
    return Catalogue(language)
