<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb">
<context>
    <name>AccountTree</name>
    <message>
        <location filename="../app/ui/accounts.py" line="+33"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>All accounts</source>
        <translation>Alle kontoer</translation>
    </message>
</context>
<context>
    <name>AssetsModel</name>
    <message>
        <location filename="../app/ui/bankruptcy_steps.py" line="+999"/>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the ruling date</source>
        <translation>Ved kjennelsesdatoen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the end of the period</source>
        <translation>Ved periodens slutt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secured</source>
        <translation>Sikret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remarks</source>
        <translation>Merknader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessed by</source>
        <translation>Vurdert av</translation>
    </message>
</context>
<context>
    <name>AssetsPage</name>
    <message>
        <location line="+114"/>
        <source>Assets and claims</source>
        <translation>Eiendeler og krav</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each account&apos;s balance at the ruling date and at the end of the period fetched. Enter what you have secured for the estate and your remarks (double-click, F2 or just type); both go into the report.</source>
        <translation>Saldoen på hver konto ved kjennelsesdatoen og ved slutten av perioden som er hentet. Før inn hva du har sikret for boet og dine merknader (dobbeltklikk, F2 eller bare skriv); begge kommer med i rapporten.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>In %1 at the ruling date %2: assets %3, debts %4. At the end of the period: assets %5, debts %6. Secured: %7.</source>
        <translation>I %1 på kjennelsesdatoen %2: eiendeler %3, gjeld %4. Ved periodens slutt: eiendeler %5, gjeld %6. Sikret: %7.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Secured, account %1: “%2” is not an amount.</source>
        <translation>Sikret, konto %1: «%2» er ikke et beløp.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../app/ui/audit_dialog.py" line="+36"/>
        <source>Request log</source>
        <translation>Forespørselslogg</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Endpoint</source>
        <translation>Endepunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CorrelationID</source>
        <translation>CorrelationID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>Antall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempt</source>
        <translation>Forsøk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save as CSV…</source>
        <translation>&amp;Lagre som CSV …</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 requests.</source>
        <translation>%1 forespørsler.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal basis: %1</source>
        <translation>Hjemmel: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save request log</source>
        <translation>Lagre forespørselslogg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
</context>
<context>
    <name>BalanceChart</name>
    <message>
        <location filename="../app/ui/chart.py" line="+59"/>
        <source>A&amp;ccount:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>No balance is known for this account</source>
        <translation>Ingen kjent saldo for denne kontoen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Daily balance (booked)</source>
        <translation>Saldo per dag (bokført)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>From %1 to %2; lowest %3 on %4.</source>
        <translation>Fra %1 til %2; lavest %3 den %4.</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../app/ui/case_list.py" line="+20"/>
        <source>Reference</source>
        <translation>Referanse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Tjeneste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key date</source>
        <translation>Skjæringsdato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Banks</source>
        <translation>Banker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts</source>
        <translation>Kontoer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transactions</source>
        <translation>Transaksjoner</translation>
    </message>
</context>
<context>
    <name>ClosePartiesPage</name>
    <message>
        <location filename="../app/ui/bankruptcy_steps.py" line="-342"/>
        <source>Close parties</source>
        <translation>Nærstående</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark the persons and companies close to the debtor (nærstående): family, owners, companies they control. Payments to them in the whole period fetched are listed in the close-party window. A name matches when it is part of the counterparty&apos;s name; an account number matches its digits.</source>
        <translation>Merk personene og selskapene som står skyldneren nær: familie, eiere og selskaper de kontrollerer. Betalinger til dem i hele perioden som er hentet, står i vinduet for nærstående. Et navn treffer når det er en del av motpartens navn; et kontonummer treffer på sifrene.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Na&amp;me:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account n&amp;umber:</source>
        <translation>Kontonumm&amp;er:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No&amp;te:</source>
        <translation>&amp;Merknad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. the owner&apos;s name or a company</source>
        <translation>f.eks. eierens navn eller et selskap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>11 digits; dots and spaces are allowed</source>
        <translation>11 sifre; punktum og mellomrom er lov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;dd close party</source>
        <translation>&amp;Legg til nærstående</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the chosen party</source>
        <translation>Fjern valgt nærstående</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No close parties &amp;known</source>
        <translation>&amp;Ingen kjente nærstående</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record that you know of no close parties; the step then counts as done.</source>
        <translation>Registrer at du ikke kjenner til nærstående; da regnes steget som ferdig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assess in the review &amp;windows</source>
        <translation>V&amp;urder i gjennomgangsvinduene</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account number</source>
        <translation>Kontonummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded by</source>
        <translation>Registrert av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded</source>
        <translation>Registrert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Close-party window — transactions: %1, out: %2</source>
        <translation>Vinduet for nærstående — transaksjoner: %1, ut: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counterparty</source>
        <translation>Motpart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessment</source>
        <translation>Vurdering</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>An account number has digits only.</source>
        <translation>Et kontonummer har bare sifre.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give a name or an account number.</source>
        <translation>Oppgi et navn eller et kontonummer.</translation>
    </message>
</context>
<context>
    <name>DeadlinePage</name>
    <message>
        <location filename="../app/ui/estate_steps.py" line="+963"/>
        <source>Deadline for private settlement</source>
        <translation>Frist for privat skifte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;another date:</source>
        <translation>Sett &amp;annen dato:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For instance when the district court has allowed a longer time</source>
        <translation>For eksempel når tingretten har gitt lengre frist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason for the date:</source>
        <translation>Begrunnelse for datoen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save the deadline</source>
        <translation>&amp;Lagre fristen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Due %1</source>
        <translation>Frist %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The rule behind the deadline — %1.</source>
        <translation>Regelen bak fristen — %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set by %1, %2.</source>
        <translation>Satt av %1, %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason: %1</source>
        <translation>Begrunnelse: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counted as 60 days after the death on %1.</source>
        <translation>Regnet som 60 dager etter dødsfallet %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A form of settlement is recorded: %1 (%2).</source>
        <translation>Skifteform er registrert: %1 (%2).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The deadline must fall after the death.</source>
        <translation>Fristen må ligge etter dødsfallet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing to save: the deadline is as stored.</source>
        <translation>Ingenting å lagre: fristen er som lagret.</translation>
    </message>
</context>
<context>
    <name>FetchPage</name>
    <message>
        <location filename="../app/ui/steps.py" line="+139"/>
        <source>Fetch</source>
        <translation>Henting</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fetch the ward&apos;s accounts and transactions for the year controlled from the banks. The progress shows at the bottom of the window.</source>
        <translation>Hent vergehaverens kontoer og transaksjoner for kontrollåret fra bankene. Framdriften vises nederst i vinduet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Fetch from the banks</source>
        <translation>&amp;Hent fra bankene</translation>
    </message>
</context>
<context>
    <name>FetchPanel</name>
    <message>
        <location filename="../app/ui/fetch_panel.py" line="+189"/>
        <source>Ca&amp;ncel fetch</source>
        <translation>Avbr&amp;yt henting</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The fetch could not start: %1</source>
        <translation>Hentingen kunne ikke starte: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The fetch stopped: %1</source>
        <translation>Hentingen stoppet: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The fetch was cancelled; what was received is kept.</source>
        <translation>Hentingen ble avbrutt; det som kom inn, er tatt vare på.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done in %1 s: %2 banks, %3 accounts, %4 new transactions.</source>
        <translation>Ferdig på %1 s: %2 banker, %3 kontoer, %4 nye transaksjoner.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fetching…</source>
        <translation>Henter …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No fetch has run in this window yet.</source>
        <translation>Ingen henting er kjørt i dette vinduet ennå.</translation>
    </message>
</context>
<context>
    <name>FetchProgressModel</name>
    <message>
        <location line="-206"/>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Steg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts</source>
        <translation>Kontoer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transactions</source>
        <translation>Transaksjoner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../app/ui/transactions.py" line="+511"/>
        <source>&amp;Search:</source>
        <translation>Sø&amp;k:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counterparty, text, reference or merchant</source>
        <translation>Motpart, tekst, referanse eller brukersted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;mount:</source>
        <translation>&amp;Beløp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from</source>
        <translation>fra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smallest amount, in or out (e.g. 1 000,00)</source>
        <translation>Minste beløp, inn eller ut (f.eks. 1 000,00)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest amount, in or out</source>
        <translation>Største beløp, inn eller ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Booked:</source>
        <translation>Bokført &amp;dato:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First booking date</source>
        <translation>Første bokføringsdato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last booking date</source>
        <translation>Siste bokføringsdato</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In and out</source>
        <translation>Inn og ut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Money in</source>
        <translation>Penger inn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money out</source>
        <translation>Penger ut</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+10"/>
        <source>All statuses</source>
        <translation>Alle statuser</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>&amp;Flagged only</source>
        <translation>Kun &amp;flaggede</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear filters</source>
        <translation>&amp;Nullstill filtre</translation>
    </message>
</context>
<context>
    <name>GuardianshipHost</name>
    <message>
        <location filename="../app/ui/steps.py" line="+40"/>
        <source>The guardianship control is not part of this version of Boinnsyn yet.</source>
        <translation>Vergekontrollen er ikke med i denne versjonen av Boinnsyn ennå.</translation>
    </message>
</context>
<context>
    <name>GuardianshipPanel</name>
    <message>
        <location filename="../app/ui/guardianship.py" line="+185"/>
        <source>Account number</source>
        <translation>Kontonummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance 1 January</source>
        <translation>Saldo 1. januar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance 31 December</source>
        <translation>Saldo 31. desember</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in</source>
        <translation>inn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>out</source>
        <translation>ut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add account</source>
        <translation>&amp;Legg til konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove account</source>
        <translation>&amp;Fjern konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importer …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the guardian&apos;s account from CSV or XLSX</source>
        <translation>Les vergeregnskapet fra CSV eller XLSX</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Template…</source>
        <translation>&amp;Mal …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the template a guardian fills in</source>
        <translation>Lagre malen vergen fyller ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run &amp;control</source>
        <translation>Kjør &amp;kontroll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Control &amp;report…</source>
        <translation>Kontroll&amp;rapport …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;pproved</source>
        <translation>&amp;Godkjent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs &amp;follow-up</source>
        <translation>Til &amp;oppfølging</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for the outcome…</source>
        <translation>Begrunnelse for utfallet …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record &amp;outcome</source>
        <translation>Registrer &amp;utfall</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>%1 is not an amount</source>
        <translation>%1 er ikke et beløp</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>Saved %n account(s).</source>
        <translation>
            <numerusform>Lagret %n konto.</numerusform>
            <numerusform>Lagret %n kontoer.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import the guardian&apos;s account</source>
        <translation>Importer vergeregnskapet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>Regneark (*.xlsx *.csv);;Alle filer (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not imported: %1</source>
        <translation>Ikke importert: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Write the template</source>
        <translation>Lagre malen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel-arbeidsbok (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Template written to %1</source>
        <translation>Malen er lagret i %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Write the control report</source>
        <translation>Lagre kontrollrapporten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Report written to %1</source>
        <translation>Rapporten er lagret i %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>approve</source>
        <translation>godkjenne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>follow up</source>
        <translation>følge opp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The banks have not been asked yet; fetch the case first.</source>
        <translation>Bankene er ikke spurt ennå; hent saken først.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No guardian&apos;s account is recorded; only the bank figures are checked.</source>
        <translation>Vergeregnskapet er ikke registrert; bare bankenes tall er kontrollert.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n deviation(s) found.</source>
        <translation>
            <numerusform>%n avvik funnet.</numerusform>
            <numerusform>%n avvik funnet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggested:</source>
        <translation>Forslag:</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Choose approved or needs follow-up first.</source>
        <translation>Velg godkjent eller til oppfølging først.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No outcome recorded yet.</source>
        <translation>Ikke noe utfall registrert ennå.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approved</source>
        <translation>Godkjent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs follow-up</source>
        <translation>Til oppfølging</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No outcome recorded for this guardian&apos;s account. Earlier: %1 by %2 on %3, given before the guardian&apos;s account was read in again on %4.</source>
        <translation>Ingen utfall registrert for dette vergeregnskapet. Tidligere: %1 av %2 %3, gitt før vergeregnskapet ble lest inn på nytt %4.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recorded: %1 by %2 on %3</source>
        <translation>Registrert: %1 av %2 %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Guardianship control</source>
        <translation>Vergekontroll</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Guardianship control %1 – %2</source>
        <translation>Vergekontroll %1 – %2</translation>
    </message>
</context>
<context>
    <name>HeirsPage</name>
    <message>
        <location filename="../app/ui/estate_steps.py" line="-652"/>
        <source>Heirs</source>
        <translation>Arvinger</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everyone who inherits, with their position on the form of settlement. In a private settlement at least one heir must take on responsibility for the deceased&apos;s debts.</source>
        <translation>Alle som arver, med sitt standpunkt til skifteformen. Ved privat skifte må minst én arving påta seg ansvaret for avdødes gjeld.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Na&amp;me:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;lation:</source>
        <translation>&amp;Forhold:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;grees with the choice:</source>
        <translation>&amp;Enig i valget:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+12"/>
        <source>Not known</source>
        <translation>Ukjent</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <source>Agrees</source>
        <translation>Enig</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+13"/>
        <source>Does not agree</source>
        <translation>Ikke enig</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Takes on responsibility for the &amp;debts</source>
        <translation>P&amp;åtar seg gjeldsansvar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add heir</source>
        <translation>&amp;Legg til arving</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Update heir</source>
        <translation>Oppd&amp;ater arving</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove h&amp;eir</source>
        <translation>Fjern arv&amp;ing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;blank form</source>
        <translation>&amp;Blankt skjema</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Nei</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relation</source>
        <translation>Forhold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Standpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Takes on the debts</source>
        <translation>Gjeldsansvar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded by</source>
        <translation>Registrert av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded</source>
        <translation>Registrert</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Give the heir&apos;s name.</source>
        <translation>Oppgi arvingens navn.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../app/ui/import_dialog.py" line="+89"/>
        <source>Import a file</source>
        <translation>Importer fil</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Bla gjennom …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>organisation number</source>
        <translation>organisasjonsnummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bank name</source>
        <translation>bankens navn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>as the file names it, or choose or type one</source>
        <translation>slik filen oppgir den, eller velg eller skriv inn en</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Bank:</source>
        <translation>&amp;Bank:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New bank:</source>
        <translation>Ny bank:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Columns</source>
        <translation>Kolonner</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>A bank not in the case…</source>
        <translation>En bank som ikke er i saken …</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Choose a statement or export</source>
        <translation>Velg kontoutskrift eller eksportfil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Statements and exports (*.xml *.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Kontoutskrifter og eksporter (*.xml *.csv *.xlsx *.txt);;Alle filer (*)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no file chosen</source>
        <translation>ingen fil valgt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the file does not exist</source>
        <translation>filen finnes ikke</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ISO 20022 statement (camt.052/053/054)</source>
        <translation>ISO 20022-kontoutskrift (camt.052/053/054)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>bank export</source>
        <translation>eksport fra bank</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bank export (%1, %2)</source>
        <translation>eksport fra bank (%1, %2)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Line</source>
        <translation>Linje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked</source>
        <translation>Bokført</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counterparty</source>
        <translation>Motpart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Choose a column for: %1</source>
        <translation>Velg en kolonne for: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a file to import.</source>
        <translation>Velg en fil å importere.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Importing…</source>
        <translation>Importerer …</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: records %2, new %3, already in the case %4.</source>
        <translation>%1: poster %2, nye %3, fantes allerede i saken %4.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The statement&apos;s closing balance does not match its entries.</source>
        <translation>Utgående saldo i kontoutskriften stemmer ikke med postene.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of them are booked outside the case&apos;s period; they are kept.</source>
        <translation>%1 av dem er bokført utenfor sakens periode; de er tatt vare på.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not imported: %1</source>
        <translation>Ikke importert: %1</translation>
    </message>
</context>
<context>
    <name>KeyDatesPage</name>
    <message>
        <location filename="../app/ui/bankruptcy_steps.py" line="-749"/>
        <source>Key dates</source>
        <translation>Viktige datoer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The ruling date opens the bankruptcy. The cut-off date (fristdag) is the day the petition reached the court; the windows for reversing payments count back from it.</source>
        <translation>Kjennelsesdatoen åpner konkursen. Fristdagen er dagen begjæringen kom inn til retten; fristene for omstøtelse regnes bakover fra den.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>C&amp;ut-off date (fristdag):</source>
        <translation>&amp;Fristdag:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick when the cut-off date is known</source>
        <translation>Kryss av når fristdagen er kjent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save key dates</source>
        <translation>&amp;Lagre datoene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The review windows with these dates</source>
        <translation>Gjennomgangsvinduene med disse datoene</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>As entered when the case was created.</source>
        <translation>Som registrert da saken ble opprettet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last changed by %1, %2</source>
        <translation>Sist endret av %1, %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Window</source>
        <translation>Vindu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Without a cut-off date the ruling date stands in for it; the windows before the ruling date are counted from %1.</source>
        <translation>Uten fristdag brukes kjennelsesdatoen i stedet; vinduene før kjennelsen regnes fra %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>With this ruling date a fetch asks for %1–%2: twelve months before the ruling date up to today. Changing the ruling date changes this period.</source>
        <translation>Med denne kjennelsesdatoen ber en henting om %1–%2: tolv måneder før kjennelsesdatoen og fram til i dag. Endres kjennelsesdatoen, endres også denne perioden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not fetched yet.</source>
        <translation>Ikke hentet ennå.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fetched so far: %1–%2.</source>
        <translation>Hentet så langt: %1–%2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The stored transactions start %1. Fetch again (F5) to cover the months from %2.</source>
        <translation>De lagrede transaksjonene begynner %1. Hent på nytt (F5) for å dekke månedene fra %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Transactions stored from before %1 stay in the case, outside the period a new fetch would ask for.</source>
        <translation>Transaksjoner lagret fra før %1 blir liggende i saken, utenfor perioden en ny henting ville be om.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Nothing to save: the dates are as stored.</source>
        <translation>Ingenting å lagre: datoene er som lagret.</translation>
    </message>
</context>
<context>
    <name>LettersDialog</name>
    <message>
        <location filename="../app/ui/letters_dialog.py" line="+57"/>
        <source>Digital letters</source>
        <translation>Digitale brev</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Banks without a Control API, and banks whose answer was partial, are asked by digital letter. Write the letter, send it from your Altinn inbox, and import the bank&apos;s answer when it comes.</source>
        <translation>Banker uten kontroll-API, og banker som svarte delvis, spørres med digitalt brev. Skriv brevet, send det fra Altinn-innboksen, og importer bankens svar når det kommer.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Write letter…</source>
        <translation>&amp;Skriv brev …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark &amp;sent</source>
        <translation>Merk som s&amp;endt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark &amp;answered</source>
        <translation>Merk som &amp;besvart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import answer…</source>
        <translation>&amp;Importer svar …</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Org. no.</source>
        <translation>Org.nr.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Letter</source>
        <translation>Brev</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer due</source>
        <translation>Svarfrist</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Write letter</source>
        <translation>Skriv brev</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Letter written to %1</source>
        <translation>Brevet er skrevet til %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This letter has gone further already; a letter&apos;s state only moves on.</source>
        <translation>Brevet er allerede kommet lenger; et brev kan bare gå videre, ikke tilbake.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The case is closed: its letters are kept as they were.</source>
        <translation>Saken er avsluttet: brevene beholdes slik de var.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/ui/main_window.py" line="+322"/>
        <source>Boinnsyn — bank information for estates and guardianships</source>
        <translation>Boinnsyn — bankopplysninger for bo og vergemål</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New case…</source>
        <translation>&amp;Ny sak …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fetch from the banks</source>
        <translation>&amp;Hent fra bankene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel fetch</source>
        <translation>&amp;Avbryt henting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write &amp;report…</source>
        <translation>Skriv &amp;rapport …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>A&amp;vslutt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search transactions</source>
        <translation>&amp;Søk i transaksjoner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Flag transaction…</source>
        <translation>&amp;Flagg transaksjon …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear flags</source>
        <translation>Fje&amp;rn flagg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a &amp;note</source>
        <translation>Skriv et &amp;notat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the &amp;case list</source>
        <translation>Gå til saks&amp;listen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Overview</source>
        <translation>&amp;Oversikt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Transactions</source>
        <translation>&amp;Transaksjoner</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fetch progress</source>
        <translation>Fremdrift for henting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetch &amp;progress</source>
        <translation>Fremdrift for &amp;henting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tools</source>
        <translation>Verktøy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Case</source>
        <translation>&amp;Sak</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Deadline for taking the estate over to private settlement: %1 (%2)</source>
        <translation>Frist for å overta boet til privat skifte: %1 (%2)</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Flag: %1 (%2) — %3, %4 %5</source>
        <translation>Flagg: %1 (%2) — %3, %4 %5</translation>
    </message>
    <message>
        <location line="-254"/>
        <source>Balance c&amp;hart</source>
        <translation>Saldo&amp;graf</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>&amp;Import file…</source>
        <translation>&amp;Importer fil …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digital &amp;letters…</source>
        <translation>Digitale &amp;brev …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request lo&amp;g…</source>
        <translation>Forespørsels&amp;logg …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport transactions…</source>
        <translation>E&amp;ksporter transaksjoner …</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ste&amp;ps</source>
        <translation>Sa&amp;ksgang</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>T&amp;ransaction</source>
        <translation>T&amp;ransaksjon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>S&amp;pråk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases (Ctrl+L)</source>
        <translation>Saker (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The steps of the case&apos;s kind: what is done and what is left</source>
        <translation>Stegene for denne typen sak: hva som er gjort og hva som gjenstår</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>a form of settlement is recorded</source>
        <translation>skifteform er registrert</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>%1 of %2 transactions</source>
        <translation>%1 av %2 transaksjoner</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a transaction to see its details and flags.</source>
        <translation>Velg en transaksjon for å se detaljer og flagg.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reference: %1</source>
        <translation>Referanse: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account: %1</source>
        <translation>Konto: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cleared by %1</source>
        <translation>fjernet av %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>aktivt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Flag transaction</source>
        <translation>Flagg transaksjon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why does this transaction need a look?</source>
        <translation>Hvorfor bør denne transaksjonen undersøkes?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag</source>
        <translation>Flagg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Cancelling the fetch…</source>
        <translation>Avbryter hentingen …</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+20"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Reports cannot be written by this version of Boinnsyn yet.</source>
        <translation>Denne versjonen av Boinnsyn kan ikke skrive rapporter ennå.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write report</source>
        <translation>Skriv rapport</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Report written to %1</source>
        <translation>Rapporten er skrevet til %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The report failed: %1</source>
        <translation>Rapporten feilet: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writing the report…</source>
        <translation>Skriver rapporten …</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Export transactions</source>
        <translation>Eksporter transaksjoner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spreadsheets (*.xlsx);;CSV files (*.csv)</source>
        <translation>Regneark (*.xlsx);;CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Exported to %1</source>
        <translation>Eksportert til %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export</source>
        <translation>Eksport</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../app/ui/new_case.py" line="+264"/>
        <source>New case</source>
        <translation>Ny sak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind of case:</source>
        <translation>Saks&amp;type:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Environment:</source>
        <translation>Miljø:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kno&amp;wn</source>
        <translation>kj&amp;ent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;reate case</source>
        <translation>&amp;Opprett sak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Debtor&apos;s &amp;name (optional):</source>
        <translation>Skyldners &amp;navn (valgfritt):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deceased&apos;s &amp;name:</source>
        <translation>Avdødes &amp;navn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ward&apos;s &amp;name:</source>
        <translation>Vergehavers &amp;navn:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. the court&apos;s case number</source>
        <translation>f.eks. tingrettens saksnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>9 or 11 digits</source>
        <translation>9 eller 11 siffer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>11 digits</source>
        <translation>11 siffer</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../app/ui/notes.py" line="+68"/>
        <source>&amp;Add note</source>
        <translation>&amp;Legg til notat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the note (Ctrl+Return)</source>
        <translation>Legg til notatet (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a note…</source>
        <translation>Skriv et notat …</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes on the case %1</source>
        <translation>Notater om saken %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes on the account %1</source>
        <translation>Notater om kontoen %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes on the transaction %1</source>
        <translation>Notater om transaksjonen %1</translation>
    </message>
</context>
<context>
    <name>OverviewWidget</name>
    <message>
        <location filename="../app/ui/overview.py" line="+160"/>
        <source>Banks</source>
        <translation>Banker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts</source>
        <translation>Kontoer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assets and debts</source>
        <translation>Eiendeler og gjeld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still missing</source>
        <translation>Mangler fortsatt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading the case…</source>
        <translation>Leser saken …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a case, or create one with New case (Ctrl+N).</source>
        <translation>Velg en sak, eller opprett en med Ny sak (Ctrl+N).</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>period %1–%2</source>
        <translation>periode %1–%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not fetched yet</source>
        <translation>ikke hentet ennå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 banks, %2 accounts, %3 transactions</source>
        <translation>%1 banker, %2 kontoer, %3 transaksjoner</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+43"/>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Org. no.</source>
        <translation>Org.nr.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+47"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No balance is known for this account</source>
        <translation>Ingen kjent saldo for denne kontoen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Given by the bank</source>
        <translation>Oppgitt av banken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computed from the balance at %1 and the booked transactions since</source>
        <translation>Beregnet fra saldoen %1 og de bokførte transaksjonene etter</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Kontotype</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Fetched</source>
        <translation>Hentet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner period</source>
        <translation>Eierperiode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transactions</source>
        <translation>Transaksjoner</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Balance %1</source>
        <translation>Saldo %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance at end</source>
        <translation>Saldo ved periodens slutt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>* computed: the booked balance at the end of the period minus the booked transactions after %1. Closed accounts count as zero from their end date.</source>
        <translation>* beregnet: bokført saldo ved periodens slutt minus de bokførte transaksjonene etter %1. Avsluttede kontoer regnes som null fra sluttdatoen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>end</source>
        <translation>slutt</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Assets %1</source>
        <translation>Eiendeler %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Debts %1</source>
        <translation>Gjeld %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Net %1</source>
        <translation>Netto %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Nothing has been fetched yet: fetch from the banks or import their files.</source>
        <translation>Ingenting er hentet ennå: hent fra bankene eller importer filene deres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing: every bank and account answered in full.</source>
        <translation>Ingenting: alle banker og kontoer har svart fullstendig.</translation>
    </message>
</context>
<context>
    <name>PicturePage</name>
    <message>
        <location filename="../app/ui/estate_steps.py" line="-316"/>
        <source>Estate picture</source>
        <translation>Boets stilling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fetch from the banks</source>
        <translation>&amp;Hent fra bankene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transactions after the death</source>
        <translation>Transaksjoner etter dødsfallet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known yet</source>
        <translation>Ikke kjent ennå</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+74"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The deceased&apos;s deposits, loans and credit debts at the death on %1 and now, per bank and account. Assets and debts outside the banks (a home, a car, taxes) are not here.</source>
        <translation>Avdødes innskudd, lån og kredittgjeld ved dødsfallet %1 og nå, per bank og konto. Eiendeler og gjeld utenfor bankene (bolig, bil, skatt) er ikke med her.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing is fetched yet: fetch from the banks to see the estate.</source>
        <translation>Ingenting er hentet ennå: hent fra bankene for å se boet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Assets (%1)</source>
        <translation>Eiendeler (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Known debts (%1)</source>
        <translation>Kjent gjeld (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Net (%1)</source>
        <translation>Netto (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+20"/>
        <source>At the death %1</source>
        <translation>Ved dødsfallet %1</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+21"/>
        <source>Now</source>
        <translation>Nå</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: no balance known</source>
        <translation>%1: ingen kjent saldo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing has been fetched yet: fetch from the banks or import their files.</source>
        <translation>Ingenting er hentet ennå: hent fra bankene eller importer filene deres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing: every bank and account answered in full.</source>
        <translation>Ingenting: alle banker og kontoer svarte fullstendig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not opened yet</source>
        <translation>ikke åpnet ennå</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>closed %1</source>
        <translation>avsluttet %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No transactions after the death.</source>
        <translation>Ingen transaksjoner etter dødsfallet.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../app/ui/translations.py" line="+97"/>
        <source>Drive</source>
        <translation>Stasjon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>Mappe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 File</source>
        <translation>%1-fil</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-49"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Søk i:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File &amp;name:</source>
        <translation>Fil&amp;navn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>Fil&amp;type:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Åpne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save As</source>
        <translation>Lagre som</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All Files (*)</source>
        <translation>Alle filer (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward</source>
        <translation>Fram</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent Directory</source>
        <translation>Overordnet mappe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back</source>
        <translation>Gå tilbake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go forward</source>
        <translation>Gå fram</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the parent directory</source>
        <translation>Gå til overordnet mappe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create New Folder</source>
        <translation>Opprett ny mappe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a New Folder</source>
        <translation>Opprett en ny mappe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List View</source>
        <translation>Listevisning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail View</source>
        <translation>Detaljvisning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change to list view mode</source>
        <translation>Bytt til listevisning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change to detail view mode</source>
        <translation>Bytt til detaljvisning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sidebar</source>
        <translation>Sidepanel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List of places and bookmarks</source>
        <translation>Steder og bokmerker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>Filer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent Places</source>
        <translation>Nylig brukte steder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename</source>
        <translation>&amp;Gi nytt navn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Slett</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;hidden files</source>
        <translation>Vis s&amp;kjulte filer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Folder</source>
        <translation>&amp;Ny mappe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Folder</source>
        <translation>Ny mappe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 finnes allerede.
Vil du erstatte den?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Fant ikke filen.
Kontroller at filnavnet er riktig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Fant ikke mappen.
Kontroller at mappenavnet er riktig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Er du sikker på at du vil slette «%1»?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>«%1» er skrivebeskyttet.
Vil du slette den likevel?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not delete directory.</source>
        <translation>Kunne ikke slette mappen.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date Modified</source>
        <translation>Endret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computer</source>
        <translation>Datamaskin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My Computer</source>
        <translation>Min datamaskin</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>Gjør &amp;om</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Lim inn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Merk alt</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-80"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save All</source>
        <translation>Lagre alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes to &amp;All</source>
        <translation>Ja til &amp;alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>&amp;Nei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;o to All</source>
        <translation>N&amp;ei til alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abort</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Forkast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Hjelp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>Bruk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Tilbakestill</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore Defaults</source>
        <translation>Gjenopprett standardverdier</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location line="+64"/>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>Gjør &amp;om</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;Link Location</source>
        <translation>Kopier &amp;lenkeadresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Lim inn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Merk alt</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../app/ui/steps.py" line="-97"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PDF report of the case carries everything recorded in these steps in its decisions chapter, with who recorded it and when. You can write it at any time; steps still open are reported as open.</source>
        <translation>PDF-rapporten for saken tar med alt som er registrert i disse stegene i kapitlet om beslutninger, med hvem som registrerte det og når. Du kan skrive den når som helst; steg som ikke er ferdige, står som åpne.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Write report…</source>
        <translation>Skriv r&amp;apport…</translation>
    </message>
</context>
<context>
    <name>SettlementPage</name>
    <message>
        <location filename="../app/ui/estate_steps.py" line="+214"/>
        <source>Form of settlement</source>
        <translation>Skifteform</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funeral costs</source>
        <translation>Begravelseskostnader</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Form of settlement (skifteform)</source>
        <translation>Skifteform</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose how the estate is to be settled. The figures and warnings come from the banks&apos; answers; what they cannot tell (a home, a car, debts outside the banks) you must weigh yourself.</source>
        <translation>Velg hvordan boet skal gjøres opp. Tallene og advarslene bygger på bankenes svar; det de ikke kan si noe om (bolig, bil, gjeld utenfor bankene), må du vurdere selv.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The forms of settlement</source>
        <translation>Skifteformene</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>F&amp;uneral costs paid:</source>
        <translation>&amp;Begravelseskostnader betalt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 35 000</source>
        <translation>f.eks. 35 000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;epresentative (bofullmektig):</source>
        <translation>Bof&amp;ullmektig:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The heir or lawyer who acts for the estate</source>
        <translation>Arvingen eller advokaten som handler på vegne av boet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rea&amp;sons:</source>
        <translation>Begrunn&amp;else:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the &amp;decision</source>
        <translation>Reg&amp;istrer beslutningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisions so far</source>
        <translation>Beslutninger så langt</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>At the death %1, in NOK: assets %2 against known debts %3, net %4. Now: assets %5, known debts %6.</source>
        <translation>Ved dødsfallet %1, i NOK: eiendeler %2 mot kjent gjeld %3, netto %4. Nå: eiendeler %5, kjent gjeld %6.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>In %1 apart: assets %2 against known debts %3 at the death; the figures in NOK above leave them out.</source>
        <translation>I %1 for seg: eiendeler %2 mot kjent gjeld %3 ved dødsfallet; tallene i NOK over tar dem ikke med.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Banks or accounts not answered in full: %1 (see Estate picture).</source>
        <translation>Banker eller kontoer uten fullstendig svar: %1 (se Boets stilling).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No heirs recorded yet (see Heirs).</source>
        <translation>Ingen arvinger registrert ennå (se Arvinger).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Heirs: %1 agree, %2 do not, %3 not known. Taking on responsibility for the debts: %4.</source>
        <translation>Arvinger: %1 enige, %2 ikke enige, %3 ukjent. Påtar seg gjeldsansvar: %4.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>nobody yet</source>
        <translation>ingen ennå</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>At the death: assets %1 against known debts %2, net %3.</source>
        <translation>Ved dødsfallet: eiendeler %1 mot kjent gjeld %2, netto %3.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The spouse or cohabitant takes over known debts of %1 with assets of %2.</source>
        <translation>Ektefellen eller samboeren overtar kjent gjeld på %1 sammen med eiendeler på %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Assets at the death %1 against funeral costs of %2.</source>
        <translation>Eiendeler ved dødsfallet %1 mot begravelseskostnader på %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Assets at the death %1; enter the funeral costs to compare.</source>
        <translation>Eiendeler ved dødsfallet %1; før inn begravelseskostnadene for å sammenligne.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No heir has taken on responsibility for the debts yet.</source>
        <translation>Ingen arving har påtatt seg gjeldsansvar ennå.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No form of settlement is recorded yet.</source>
        <translation>Ingen skifteform er registrert ennå.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In force: %1, recorded by %2, %3.</source>
        <translation>Gjeldende: %1, registrert av %2, %3.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>60 days after the death</source>
        <translation>60 dager etter dødsfallet</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>When</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided</source>
        <translation>Besluttet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Representative</source>
        <translation>Bofullmektig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a form of settlement first.</source>
        <translation>Velg en skifteform først.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Funeral costs: “%1” is not an amount.</source>
        <translation>Begravelseskostnader: «%1» er ikke et beløp.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing has changed since the last decision.</source>
        <translation>Ingenting er endret siden forrige beslutning.</translation>
    </message>
</context>
<context>
    <name>StepsWidget</name>
    <message>
        <location filename="../app/ui/steps.py" line="+239"/>
        <source>Choose a case to see the steps of its kind.</source>
        <translation>Velg en sak for å se stegene for denne typen sak.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>No case chosen</source>
        <translation>Ingen sak valgt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>done</source>
        <translation>ferdig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>left</source>
        <translation>gjenstår</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 of %2 steps done</source>
        <translation>%1 av %2 steg ferdige</translation>
    </message>
</context>
<context>
    <name>TransactionTableModel</name>
    <message>
        <location filename="../app/ui/transactions.py" line="-449"/>
        <source>Flag</source>
        <translation>Flagg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counterparty</source>
        <translation>Motpart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Referanse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+290"/>
        <source>Flagged</source>
        <translation>Flagget</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Has notes</source>
        <translation>Har notater</translation>
    </message>
</context>
<context>
    <name>WindowTableModel</name>
    <message>
        <location filename="../app/ui/bankruptcy_steps.py" line="+29"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counterparty</source>
        <translation>Motpart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessment</source>
        <translation>Vurdering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessed by</source>
        <translation>Vurdert av</translation>
    </message>
</context>
<context>
    <name>WindowsPage</name>
    <message>
        <location line="+197"/>
        <source>Review windows</source>
        <translation>Gjennomgangsvinduer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assess the chosen rows:</source>
        <translation>Vurder de valgte radene:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rever&amp;se</source>
        <translation>O&amp;mstøt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept</source>
        <translation>Go&amp;dta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Investigate</source>
        <translation>&amp;Undersøk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear assess&amp;ment</source>
        <translation>&amp;Fjern vurderingen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Double-click or press F2 on the assessment or the note to change it. A note on a transaction not yet assessed marks it Investigate.</source>
        <translation>Dobbeltklikk eller trykk F2 på vurderingen eller merknaden for å endre den. En merknad på en transaksjon som ikke er vurdert ennå, gir vurderingen Undersøk.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Window</source>
        <translation>Vindu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates</source>
        <translation>Datoer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transactions</source>
        <translation>Transaksjoner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out</source>
        <translation>Ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In</source>
        <translation>Inn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessed</source>
        <translation>Vurdert</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 to %2</source>
        <translation>%1 til %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no dates inside the period fetched</source>
        <translation>ingen dager innenfor perioden som er hentet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The cut-off date (fristdag) is missing, so the ruling date is used: the window may start a few days too late. Enter the cut-off date under Key dates.</source>
        <translation>Fristdagen mangler, så kjennelsesdatoen er brukt: vinduet kan begynne noen dager for sent. Før inn fristdagen under Viktige datoer.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Transactions: %1, out %2, in %3</source>
        <translation>Transaksjoner: %1, ut %2, inn %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not assessed</source>
        <translation>Ikke vurdert</translation>
    </message>
</context>
<context>
    <name>account status</name>
    <message>
        <location filename="../app/ui/labels.py" line="+64"/>
        <source>Open</source>
        <translation>Åpen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked</source>
        <translation>Sperret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Avsluttet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Ukjent</translation>
    </message>
</context>
<context>
    <name>account type</name>
    <message>
        <location line="+7"/>
        <source>Loan account</source>
        <translation>Lånekonto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyday account</source>
        <translation>Brukskonto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency account</source>
        <translation>Valutakonto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Savings account</source>
        <translation>Sparekonto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client account</source>
        <translation>Klientkonto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tax deduction account</source>
        <translation>Skattetrekkskonto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business account</source>
        <translation>Driftskonto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit card account</source>
        <translation>Kredittkortkonto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepaid card account</source>
        <translation>Forhåndsbetalt kortkonto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account without balance</source>
        <translation>Konto uten saldo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other account</source>
        <translation>Annen konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown type</source>
        <translation>Ukjent type</translation>
    </message>
</context>
<context>
    <name>bank status</name>
    <message>
        <location line="-46"/>
        <source>Waiting</source>
        <translation>Venter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetching</source>
        <translation>Henter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete</source>
        <translation>Fullstendig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partial</source>
        <translation>Delvis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incomplete</source>
        <translation>Ufullstendig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Feilet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter needed</source>
        <translation>Krever digitalt brev</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From files</source>
        <translation>Fra filer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Avbrutt</translation>
    </message>
</context>
<context>
    <name>bankruptcy</name>
    <message>
        <location filename="../app/domain/bankruptcy.py" line="+50"/>
        <source>After the ruling date</source>
        <translation>Etter kjennelsesdatoen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments in the 3 months before the cut-off</source>
        <translation>Betalinger de siste 3 månedene før fristdagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfers without consideration, 1 year</source>
        <translation>Overføringer uten vederlag, 1 år</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfers to close parties</source>
        <translation>Overføringer til nærstående</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>konkursloven § 100: the debtor lost control of the assets at the opening</source>
        <translation>konkursloven § 100: skyldneren mistet rådigheten over formuen ved konkursåpningen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dekningsloven § 5-5: extraordinary payments in the 3 months before the cut-off date may be reversed</source>
        <translation>dekningsloven § 5-5: ekstraordinære betalinger de siste 3 månedene før fristdagen kan omstøtes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>dekningsloven § 5-2: gifts in the year before the cut-off date may be reversed</source>
        <translation>dekningsloven § 5-2: gaver det siste året før fristdagen kan omstøtes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>dekningsloven chapter 5: longer windows apply to close parties</source>
        <translation>dekningsloven kapittel 5: lengre frister gjelder for nærstående</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>By law this window runs %1–%2, beyond the period fetched; transactions outside the period fetched are not listed.</source>
        <translation>Etter loven går dette vinduet %1–%2, utover perioden som er hentet; transaksjoner utenfor perioden som er hentet, er ikke med.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reverse</source>
        <translation>Omstøt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept</source>
        <translation>Godta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigate</source>
        <translation>Undersøk</translation>
    </message>
</context>
<context>
    <name>environment</name>
    <message>
        <location filename="../app/ui/labels.py" line="+67"/>
        <source>Sandbox (synthetic test data)</source>
        <translation>Sandkasse (syntetiske testdata)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Production</source>
        <translation>Produksjon</translation>
    </message>
</context>
<context>
    <name>estate</name>
    <message>
        <location filename="../app/domain/estate.py" line="+26"/>
        <source>arveloven § 118: the heirs must take the estate over for private settlement within 60 days after the death, unless the court allows a longer time</source>
        <translation>arveloven § 118: arvingene må overta boet til privat skifte innen 60 dager etter dødsfallet, med mindre tingretten gir lengre frist</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is guidance to help the heirs decide, not legal advice. Ask the district court or a lawyer before you sign anything that makes you responsible for debts.</source>
        <translation>Dette er veiledning som hjelp til arvingenes valg, ikke juridisk rådgivning. Spør tingretten eller en advokat før du skriver under på noe som gjør deg ansvarlig for gjeld.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Private settlement (privat skifte)</source>
        <translation>Privat skifte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public settlement (offentlig skifte)</source>
        <translation>Offentlig skifte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undivided possession (uskifte)</source>
        <translation>Uskifte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Small estate to whoever paid the funeral</source>
        <translation>Lite bo til den som betalte begravelsen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The heirs settle the estate themselves and decide together. At least one heir must take on responsibility for the deceased&apos;s debts; if the debts turn out to be larger than what the estate holds, those heirs can have to pay the difference.</source>
        <translation>Arvingene gjør opp boet selv og bestemmer sammen. Minst én arving må påta seg ansvaret for avdødes gjeld; viser gjelden seg å være større enn det boet eier, kan disse arvingene måtte betale mellomlegget.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The district court settles the estate, usually by appointing a lawyer. Creditors are paid from the estate, what is left goes to the heirs, and no heir answers for the debts. The settlement costs are paid by the estate.</source>
        <translation>Tingretten gjør opp boet, som regel ved å oppnevne en advokat. Kreditorene får dekning av boet, resten går til arvingene, og ingen arving svarer for gjelden. Skiftekostnadene dekkes av boet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The surviving spouse or cohabitant keeps the estate undivided and takes over the deceased&apos;s debts. The other heirs get their inheritance later, when the undivided estate is settled.</source>
        <translation>Gjenlevende ektefelle eller samboer beholder boet udelt og overtar avdødes gjeld. De andre arvingene får arven sin senere, når uskifteboet gjøres opp.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When the assets are no more than the funeral costs, the court can hand the estate to whoever paid the funeral, and no further settlement is needed.</source>
        <translation>Når eiendelene ikke er mer verdt enn begravelseskostnadene, kan tingretten overlate boet til den som betalte begravelsen, og det trengs ikke noe videre skifte.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The known debts are larger than the assets. Heirs who take on responsibility for the debts may have to pay the difference themselves.</source>
        <translation>Den kjente gjelden er større enn eiendelene. Arvinger som påtar seg gjeldsansvar, kan måtte betale mellomlegget selv.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Some banks have not answered in full, so there may be debts you do not know of yet.</source>
        <translation>Noen banker har ikke svart fullstendig, så det kan finnes gjeld du ikke kjenner til ennå.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Undivided possession needs a surviving spouse or cohabitant; none is recorded among the heirs.</source>
        <translation>Uskifte krever en gjenlevende ektefelle eller samboer; ingen er registrert blant arvingene.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The assets are larger than the funeral costs, so the estate is not a small estate.</source>
        <translation>Eiendelene er større enn begravelseskostnadene, så boet er ikke et lite bo.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The surviving spouse or cohabitant takes over debts larger than the assets.</source>
        <translation>Gjenlevende ektefelle eller samboer overtar gjeld som er større enn eiendelene.</translation>
    </message>
    <message>
        <location filename="../app/review/estate.py" line="+28"/>
        <source>Income still paid in (pensions, benefits)</source>
        <translation>Inntekter som fortsatt betales inn (pensjon, trygd)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standing orders and direct debits still running</source>
        <translation>Faste oppdrag og AvtaleGiro som fortsatt løper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card use and cash withdrawals after the death</source>
        <translation>Kortbruk og kontantuttak etter dødsfallet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other transactions after the death</source>
        <translation>Andre transaksjoner etter dødsfallet</translation>
    </message>
</context>
<context>
    <name>fetch status</name>
    <message>
        <location filename="../app/ui/labels.py" line="-62"/>
        <source>Listed only</source>
        <translation>Bare listet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete</source>
        <translation>Fullstendig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partial</source>
        <translation>Delvis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Feilet</translation>
    </message>
</context>
<context>
    <name>fetch step</name>
    <message>
        <location line="+45"/>
        <source>Customer relations</source>
        <translation>Kundeforhold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts</source>
        <translation>Kontoer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account details</source>
        <translation>Kontodetaljer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transactions</source>
        <translation>Transaksjoner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Ferdig</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../app/domain/cases.py" line="+27"/>
        <source>Debtor&apos;s national id or organisation number</source>
        <translation>Skyldners fødselsnummer eller organisasjonsnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deceased&apos;s national id or D-number</source>
        <translation>Avdødes fødselsnummer eller D-nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ward&apos;s national id or D-number</source>
        <translation>Vergehavers fødselsnummer eller D-nummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ruling date</source>
        <translation>Kjennelsesdato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cut-off date (fristdag)</source>
        <translation>Fristdag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of death</source>
        <translation>Dødsdato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian&apos;s national id or D-number</source>
        <translation>Vergens fødselsnummer eller D-nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case reference</source>
        <translation>Saksreferanse</translation>
    </message>
    <message>
        <location filename="../app/ui/import_dialog.py" line="-324"/>
        <source>Account number</source>
        <translation>Kontonummer</translation>
    </message>
</context>
<context>
    <name>flags</name>
    <message>
        <location filename="../app/review/flags.py" line="+34"/>
        <source>Booked {booking_date}, after the {key_date_label} {key_date}</source>
        <translation>Bokført {booking_date}, etter {key_date_label} {key_date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash withdrawal of {amount} kr, at or above {threshold} kr</source>
        <translation>Kontantuttak på {amount} kr, minst {threshold} kr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round sum of {amount} kr paid out</source>
        <translation>Rundt beløp på {amount} kr betalt ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved between the subject&apos;s own accounts ({account})</source>
        <translation>Flyttet mellom egne kontoer ({account})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{amount} kr to {counterparty}, first paid on {first_date}: a new counterparty</source>
        <translation>{amount} kr til {counterparty}, første betaling {first_date}: ny motpart</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Marked by {author}</source>
        <translation>Merket av {author}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ruling date</source>
        <translation>kjennelsesdatoen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date of death</source>
        <translation>dødsdatoen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>After the key date</source>
        <translation>Etter skjæringsdatoen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Large cash withdrawal</source>
        <translation>Stort kontantuttak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round sum</source>
        <translation>Rundt beløp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Own accounts</source>
        <translation>Egne kontoer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New counterparty</source>
        <translation>Ny motpart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked by hand</source>
        <translation>Merket manuelt</translation>
    </message>
</context>
<context>
    <name>guardianship</name>
    <message>
        <location filename="../app/domain/guardianship.py" line="+49"/>
        <source>Pension and benefits</source>
        <translation>Pensjon og trygd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Salary</source>
        <translation>Lønn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interest</source>
        <translation>Renter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gifts received</source>
        <translation>Gaver mottatt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sale of assets</source>
        <translation>Salg av eiendeler</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transfer from the ward&apos;s own account</source>
        <translation>Overføring fra egen konto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other income</source>
        <translation>Andre inntekter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Housing</source>
        <translation>Bolig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food and groceries</source>
        <translation>Mat og dagligvarer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clothing</source>
        <translation>Klær</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health and care</source>
        <translation>Helse og omsorg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leisure</source>
        <translation>Fritid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gifts given</source>
        <translation>Gaver gitt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+237"/>
        <source>Cash withdrawals</source>
        <translation>Kontantuttak</translation>
    </message>
    <message>
        <location line="-236"/>
        <location line="+241"/>
        <source>Bank fees</source>
        <translation>Gebyrer</translation>
    </message>
    <message>
        <location line="-236"/>
        <source>Paid to the guardian</source>
        <translation>Overføring til verge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tax</source>
        <translation>Skatt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transfer to the ward&apos;s own account</source>
        <translation>Overføring til egen konto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other expenses</source>
        <translation>Andre utgifter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Account number</source>
        <translation>Kontonummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening balance 1 January</source>
        <translation>Inngående saldo 1. januar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing balance 31 December</source>
        <translation>Utgående saldo 31. desember</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Post</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Account %1, %2</source>
        <translation>Konto %1, %2</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>Opening balance differs</source>
        <translation>Inngående saldo avviker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing balance differs</source>
        <translation>Utgående saldo avviker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account not reported</source>
        <translation>Konto ikke oppgitt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account not found at the banks</source>
        <translation>Konto ikke funnet i bankene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money in differs</source>
        <translation>Sum inn avviker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money out differs</source>
        <translation>Sum ut avviker</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cash withdrawals not reported as such</source>
        <translation>Kontantuttak ikke ført som kontantuttak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments to the guardian</source>
        <translation>Betalinger til vergen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments to others with rights on the account</source>
        <translation>Betalinger til andre med rettigheter på kontoen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments that look like gifts</source>
        <translation>Betalinger som ser ut som gaver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The guardian&apos;s figures do not add up</source>
        <translation>Vergens tall går ikke opp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank data incomplete</source>
        <translation>Bankens svar er ufullstendig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Balance on 1 January: reported {reported} kr, the bank&apos;s {bank} kr (difference {difference} kr)</source>
        <translation>Saldo 1. januar: oppgitt {reported} kr, bankens {bank} kr (differanse {difference} kr)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Balance on 31 December: reported {reported} kr, the bank&apos;s {bank} kr (difference {difference} kr)</source>
        <translation>Saldo 31. desember: oppgitt {reported} kr, bankens {bank} kr (differanse {difference} kr)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bank has this account, with {bank} kr on 31 December and {count} transactions in the year; the guardian&apos;s account does not list it</source>
        <translation>Banken har kontoen, med {bank} kr 31. desember og {count} transaksjoner i året; vergeregnskapet nevner den ikke</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The guardian reports this account with {reported} kr on 31 December; none of the banks that answered has it</source>
        <translation>Vergeregnskapet oppgir kontoen med {reported} kr 31. desember; ingen av bankene som svarte, har den</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Money in during the year: reported {reported} kr, the bank&apos;s {bank} kr (difference {difference} kr)</source>
        <translation>Penger inn i året: oppgitt {reported} kr, bankens {bank} kr (differanse {difference} kr)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Money out during the year: reported {reported} kr, the bank&apos;s {bank} kr (difference {difference} kr)</source>
        <translation>Penger ut i året: oppgitt {reported} kr, bankens {bank} kr (differanse {difference} kr)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} cash withdrawals of {bank} kr in all, above the limit of {limit} kr</source>
        <translation>{count} kontantuttak på til sammen {bank} kr, over grensen på {limit} kr</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} cash withdrawals of {bank} kr in the bank; reported as cash withdrawals: {reported} kr</source>
        <translation>{count} kontantuttak på {bank} kr i banken; ført som kontantuttak: {reported} kr</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} payments of {bank} kr in all to the guardian</source>
        <translation>{count} betalinger på til sammen {bank} kr til vergen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} payments of {bank} kr in all to others with rights on the account</source>
        <translation>{count} betalinger på til sammen {bank} kr til andre med rettigheter på kontoen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} payments of {bank} kr in all look like gifts, above the limit of {limit} kr</source>
        <translation>{count} betalinger på til sammen {bank} kr ser ut som gaver, over grensen på {limit} kr</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} bank fees of {bank} kr in all, above the limit of {limit} kr</source>
        <translation>{count} gebyrer på til sammen {bank} kr, over grensen på {limit} kr</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opening {opening} kr + income {income} kr − expenses {expenses} kr = {expected} kr, but the reported closing balance is {reported} kr</source>
        <translation>Inngående {opening} kr + inntekter {income} kr − utgifter {expenses} kr = {expected} kr, men oppgitt utgående saldo er {reported} kr</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bank&apos;s answer for this account is not complete ({status}); its figures may fall short</source>
        <translation>Bankens svar for kontoen er ikke komplett ({status}); tallene kan være for lave</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Money in during the year: reported {reported} kr, the bank&apos;s {bank} kr, or {net} kr after reversals (difference {difference} kr from the nearer)</source>
        <translation>Penger inn i året: oppgitt {reported} kr, bankens {bank} kr, eller {net} kr etter tilbakeføringer (differanse {difference} kr fra det nærmeste)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Money out during the year: reported {reported} kr, the bank&apos;s {bank} kr, or {net} kr after reversals (difference {difference} kr from the nearer)</source>
        <translation>Penger ut i året: oppgitt {reported} kr, bankens {bank} kr, eller {net} kr etter tilbakeføringer (differanse {difference} kr fra det nærmeste)</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Approved</source>
        <translation>Godkjent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs follow-up</source>
        <translation>Til oppfølging</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location filename="../app/review/control.py" line="+81"/>
        <location line="+5"/>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
</context>
<context>
    <name>harvest</name>
    <message>
        <location filename="../app/harvest/harvest.py" line="+54"/>
        <source>no Control API in the directory</source>
        <translation>ingen kontroll-API i API-katalogen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only an API older than v2 in the directory</source>
        <translation>bare et API eldre enn v2 i API-katalogen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>some accounts could not be fetched; see each account</source>
        <translation>noen kontoer kunne ikke hentes; se hver konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the bank answered with no accounts; for a person with a protected address banks always answer empty, so check the Population Register before concluding</source>
        <translation>banken svarte uten kontoer; for en person med adressesperre svarer bankene alltid tomt, så sjekk Folkeregisteret før du konkluderer</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <location filename="../app/ui/import_dialog.py" line="-18"/>
        <source>Booking date</source>
        <translation>Bokføringsdato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value date</source>
        <translation>Rentedato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (signed)</source>
        <translation>Beløp (med fortegn)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money in</source>
        <translation>Inn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money out</source>
        <translation>Ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counterparty</source>
        <translation>Motpart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From account</source>
        <translation>Fra konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To account</source>
        <translation>Til konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Referanse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive reference</source>
        <translation>Arkivreferanse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transaction type</source>
        <translation>Transaksjonstype</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Own account</source>
        <translation>Egen konto</translation>
    </message>
</context>
<context>
    <name>letters</name>
    <message>
        <location filename="../app/ui/letters_dialog.py" line="-150"/>
        <source>Letter needed</source>
        <translation>Brev trengs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written, not sent</source>
        <translation>Skrevet, ikke sendt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder due</source>
        <translation>Purring forfalt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered</source>
        <translation>Besvart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer imported</source>
        <translation>Svar importert</translation>
    </message>
</context>
<context>
    <name>relations</name>
    <message>
        <location filename="../app/ui/estate_steps.py" line="-805"/>
        <source>Spouse</source>
        <translation>Ektefelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cohabitant</source>
        <translation>Samboer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other heir</source>
        <translation>Annen arving</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <location filename="../app/domain/cases.py" line="+3"/>
        <source>must be the last calendar year, %1; the control covers no other</source>
        <translation>må være forrige kalenderår, %1; kontrollen gjelder bare det året</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>must not be empty</source>
        <translation>må fylles ut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be at most 100 characters</source>
        <translation>kan ha høyst 100 tegn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must not hold line breaks, tabs or other control characters</source>
        <translation>kan ikke inneholde linjeskift, tabulatorer eller andre kontrolltegn</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must hold a letter or a sign besides digits; a number alone is a case number</source>
        <translation>må ha en bokstav eller et tegn i tillegg til sifre; et tall alene er et saksnummer</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>cannot be more than ten years ago (banks keep no older data)</source>
        <translation>kan ikke være mer enn ti år tilbake (bankene har ikke eldre data)</translation>
    </message>
    <message>
        <location filename="../app/domain/bankruptcy.py" line="+61"/>
        <location filename="../app/domain/cases.py" line="-5"/>
        <location filename="../app/domain/guardianship.py" line="-287"/>
        <location line="+2"/>
        <source>must be given</source>
        <translation>må oppgis</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <location filename="../app/domain/cases.py" line="+2"/>
        <source>cannot be in the future</source>
        <translation>kan ikke være fram i tid</translation>
    </message>
    <message>
        <location filename="../app/domain/cases.py" line="+23"/>
        <source>cannot be after the ruling date</source>
        <translation>kan ikke være etter kjennelsesdatoen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot be more than 12 months before the ruling date (the bankruptcy service fetches nothing older)</source>
        <translation>kan ikke være mer enn 12 måneder før kjennelsesdatoen (konkurstjenesten henter ikke eldre data)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>cannot be before the birth date</source>
        <translation>kan ikke være før fødselsdatoen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>must be another person than the ward</source>
        <translation>må være en annen person enn vergehaveren</translation>
    </message>
    <message>
        <location filename="../app/domain/identifiers.py" line="+55"/>
        <location line="+69"/>
        <source>must be 11 digits</source>
        <translation>må ha 11 siffer</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>the check digits do not match (mistyped?)</source>
        <translation>kontrollsifrene stemmer ikke (skrivefeil?)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>is a synthetic test number, not allowed in production</source>
        <translation>er et syntetisk testnummer, som ikke er tillatt i produksjon</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>does not contain a valid birth date</source>
        <translation>inneholder ikke en gyldig fødselsdato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gives a birth date in the future</source>
        <translation>gir en fødselsdato fram i tid</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>must be 9 digits</source>
        <translation>må ha 9 siffer</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+36"/>
        <source>the check digit does not match (mistyped?)</source>
        <translation>kontrollsifferet stemmer ikke (skrivefeil?)</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>must be 9 digits (organisation number) or 11 digits (national id or D-number)</source>
        <translation>må ha 9 siffer (organisasjonsnummer) eller 11 siffer (fødselsnummer eller D-nummer)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>is not a valid IBAN</source>
        <translation>er ikke et gyldig IBAN</translation>
    </message>
    <message>
        <location filename="../app/domain/guardianship.py" line="-33"/>
        <source>is not one of the listed categories</source>
        <translation>er ikke en av postene i listen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must not be negative; write expenses as positive amounts</source>
        <translation>kan ikke være negativt; skriv utgifter som positive beløp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>note is too long</source>
        <translation>merknaden er for lang</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>must be at most 140 characters</source>
        <translation>kan være høyst 140 tegn</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>is reported twice; merge the two</source>
        <translation>er oppgitt to ganger; slå dem sammen</translation>
    </message>
    <message>
        <location line="+276"/>
        <source>must be approved or follow-up</source>
        <translation>må være godkjent eller til oppfølging</translation>
    </message>
    <message>
        <location filename="../app/review/control.py" line="-4"/>
        <source>must be given when the control needs follow-up</source>
        <translation>må fylles ut når kontrollen skal følges opp</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be given when approving a control that found deviations</source>
        <translation>må oppgis når en kontroll som fant avvik godkjennes</translation>
    </message>
    <message>
        <location filename="../app/store/cases.py" line="+42"/>
        <source>case %1 already has this reference; choose another</source>
        <translation>sak %1 har allerede denne referansen; velg en annen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>case %1 (%2) is already open for this debtor; close it before creating another</source>
        <translation>sak %1 (%2) er allerede åpen for denne skyldneren; avslutt den før du oppretter en ny</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>case %1 (%2) is already open for this deceased person; close it before creating another</source>
        <translation>sak %1 (%2) er allerede åpen for denne avdøde; avslutt den før du oppretter en ny</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>case %1 (%2) is already open for this ward and year %3; close it before creating another</source>
        <translation>sak %1 (%2) er allerede åpen for denne vergehaveren og året %3; avslutt den før du oppretter en ny</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <location filename="../app/domain/services.py" line="+183"/>
        <source>Bankruptcy (Konkursbehandling)</source>
        <translation>Konkursbehandling (konkursbo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estate after a death (Oppgjør etter dødsfall)</source>
        <translation>Oppgjør etter dødsfall (dødsbo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardianship control (Vergekontroll)</source>
        <translation>Vergekontroll</translation>
    </message>
    <message>
        <location filename="../app/ui/labels.py" line="+14"/>
        <source>Bankruptcy</source>
        <translation>Konkursbo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estate</source>
        <translation>Dødsbo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardianship</source>
        <translation>Vergekontroll</translation>
    </message>
</context>
<context>
    <name>steps</name>
    <message>
        <location filename="../app/review/steps.py" line="+56"/>
        <source>Key dates</source>
        <translation>Viktige datoer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review windows</source>
        <translation>Gjennomgangsvinduer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close parties</source>
        <translation>Nærstående</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assets and claims</source>
        <translation>Eiendeler og krav</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estate picture</source>
        <translation>Boets stilling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heirs</source>
        <translation>Arvinger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form of settlement</source>
        <translation>Skifteform</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetch</source>
        <translation>Henting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian&apos;s account and control</source>
        <translation>Vergeregnskap og kontroll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not fetched yet</source>
        <translation>Ikke hentet ennå</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Ready: every step is done</source>
        <translation>Klar: alle steg er ferdige</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One step is left first</source>
        <translation>Ett steg gjenstår først</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 steps are left first</source>
        <translation>%1 steg gjenstår først</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Ruling date %1; the cut-off date is missing, the ruling date stands in</source>
        <translation>Kjennelsesdato %1; fristdag mangler, kjennelsesdatoen brukes i stedet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ruling date %1, cut-off date %2</source>
        <translation>Kjennelsesdato %1, fristdag %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No transactions in the windows</source>
        <translation>Ingen transaksjoner i vinduene</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 transactions assessed</source>
        <translation>%1 av %2 transaksjoner vurdert</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 marked; %2 of %3 transactions assessed</source>
        <translation>%1 merket; %2 av %3 transaksjoner vurdert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None known, confirmed by %1</source>
        <translation>Ingen kjente, bekreftet av %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None marked yet</source>
        <translation>Ingen merket ennå</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No accounts found</source>
        <translation>Ingen kontoer funnet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 accounts assessed</source>
        <translation>%1 av %2 kontoer vurdert</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1 days overdue</source>
        <translation>%1 dager over fristen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 day overdue</source>
        <translation>1 dag over fristen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due today</source>
        <translation>Fristen går ut i dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 day left</source>
        <translation>1 dag igjen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 days left</source>
        <translation>%1 dager igjen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due %1: %2 days overdue</source>
        <translation>Frist %1: %2 dager over fristen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due %1: 1 day overdue</source>
        <translation>Frist %1: 1 dag over fristen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due %1: due today</source>
        <translation>Frist %1: går ut i dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due %1: 1 day left</source>
        <translation>Frist %1: 1 dag igjen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due %1: %2 days left</source>
        <translation>Frist %1: %2 dager igjen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Banks or accounts not answered in full: %1</source>
        <translation>Banker eller kontoer uten fullstendig svar: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Heirs: %1; position not known: %2</source>
        <translation>Arvinger: %1; standpunkt ukjent: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Heirs: %1; agreeing: %2</source>
        <translation>Arvinger: %1; enige: %2</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Recorded by %1 on %2 for an earlier version of the guardian&apos;s account; to be recorded again</source>
        <translation>Registrert av %1 den %2 for en tidligere utgave av vergeregnskapet; må registreres på nytt</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Assets %1, known debts %2 at the death</source>
        <translation>Eiendeler %1, kjent gjeld %2 ved dødsfallet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No heirs recorded yet</source>
        <translation>Ingen arvinger registrert ennå</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Not chosen yet</source>
        <translation>Ikke valgt ennå</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+86"/>
        <source>Recorded by %1 on %2</source>
        <translation>Registrert av %1 %2</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Due %1; the form of settlement is recorded</source>
        <translation>Frist %1; skifteformen er registrert</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Fetched %1–%2</source>
        <translation>Hentet %1–%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+1"/>
        <source>Not available in this version</source>
        <translation>Ikke tilgjengelig i denne versjonen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The guardian&apos;s account is not recorded yet</source>
        <translation>Vergeregnskapet er ikke registrert ennå</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The guardian&apos;s account recorded by %1</source>
        <translation>Vergeregnskapet registrert av %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not recorded yet</source>
        <translation>Ikke registrert ennå</translation>
    </message>
</context>
<context>
    <name>transaction status</name>
    <message>
        <location filename="../app/ui/labels.py" line="-31"/>
        <source>Booked</source>
        <translation>Bokført</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>Reservert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information</source>
        <translation>Informasjon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Ukjent</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <location filename="../app/ui/workers.py" line="+48"/>
        <source>an unexpected error (%1); the log has the details</source>
        <translation>en uventet feil (%1); loggen har detaljene</translation>
    </message>
</context>
</TS>
