"""The words of the workflow parts of the reports: the trustee's review windows, close parties
and assets in a bankruptcy; the estate picture, heirs, form of settlement and deadline of an
estate. Norwegian (bokmål) and English, like the framework's catalogue.

The domain keeps its texts (window names, rules, forms, consequences, warnings, the
disclaimer) as English source strings for Qt's translation; a report prints their bokmål from
the same translation source through `app.bokmaal`.
"""

from __future__ import annotations

from typing import Any

from app.bokmaal import norwegian
from app.domain.bankruptcy import ASSESSMENT_NAMES, WINDOW_NAMES, WINDOW_OUTSIDE, WINDOW_RULES
from app.domain.estate import CONSEQUENCES, DISCLAIMER, FORM_NAMES, PRIVATE_SETTLEMENT_RULE
from app.domain.guardianship import REASONS, REASONS_AFTER_REVERSALS
from app.reports.texts import Catalogue
from app.review.estate import CATEGORIES

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {
    # Bankruptcy
    "windows.intro": (
        "Transaksjonene i hvert vindu som bostyrer må vurdere, med vurderingen og merknaden "
        "som er registrert i Boinnsyn. Vinduene er avgrenset til perioden som er hentet. "
        "Beløp ut er vist med minus, som i sammendraget.",
        "The transactions in each window the trustee must assess, with the assessment and note "
        "recorded in Boinnsyn. The windows are cut to the period fetched. Money out is shown "
        "with a minus, as in the summary.",
    ),
    "fact.ruling_date": ("Kjennelsesdato", "Ruling date"),
    "fact.cutoff_date": ("Fristdag", "Cut-off date (fristdag)"),
    "fact.cutoff_missing": (
        "ikke registrert – kjennelsesdatoen brukes i stedet",
        "not entered – the ruling date stands in",
    ),
    "fact.period": ("Periode hentet", "Period fetched"),
    "fact.not_fetched": ("Ikke hentet ennå", "Not fetched yet"),
    "fact.key_dates_changed": ("Datoene sist endret", "Dates last changed"),
    "fact.assessed": ("Vurdert", "Assessed"),
    "assessed_line": (
        "{assessed} av {listed} transaksjoner i vinduene",
        "{assessed} of {listed} transactions in the windows",
    ),
    "by": ("{user}, {time}", "{user}, {time}"),
    "col.window": ("Vindu", "Window"),
    "col.dates": ("Datoer", "Dates"),
    "col.count": ("Antall", "Number"),
    "col.out": ("Ut", "Out"),
    "col.in": ("Inn", "In"),
    "col.assessed": ("Vurdert", "Assessed"),
    "col.date": ("Dato", "Date"),
    "col.account": ("Konto", "Account"),
    "col.counterparty": ("Motpart og tekst", "Counterparty and text"),
    "col.amount": ("Beløp", "Amount"),
    "col.assessment": ("Vurdering", "Assessment"),
    "col.note": ("Merknad", "Note"),
    "of": ("{done} av {total}", "{done} of {total}"),
    "window.heading": ("{name}, {dates}", "{name}, {dates}"),
    "window.no_dates": (
        "ingen dager innenfor perioden som er hentet",
        "no days inside the period fetched",
    ),
    "window.rule": ("Regel: {rule}.", "Rule: {rule}."),
    "window.stand_in": (
        "Fristdag er ikke registrert, så kjennelsesdatoen er brukt: vinduet kan begynne noen "
        "dager for sent.",
        "The cut-off date is not entered, so the ruling date is used: the window may start a "
        "few days too late.",
    ),
    "window.more": (
        "Ikke listet: {count} transaksjoner til som ikke er vurdert, til sammen {amount} (bare "
        "de {shown} største som ikke er vurdert, står over). Alle står i vedlegget.",
        "Not listed: {count} more transactions not assessed, {amount} in all (only the {shown} "
        "largest not assessed are above). Every one is in the appendix.",
    ),
    "window.empty": ("Ingen transaksjoner i vinduet.", "No transactions in the window."),
    "window.totals": (
        "Antall: {count}, ut {out}, inn {inn}.",
        "Number: {count}, out {out}, in {inn}.",
    ),
    "window.by_assessment": ("{name}: {amount} ({count})", "{name}: {amount} ({count})"),
    "not_assessed": ("Ikke vurdert", "Not assessed"),
    "note_by": ("{note} ({user})", "{note} ({user})"),
    "close.heading": ("Nærstående", "Close parties"),
    "close.intro": (
        "Personer og selskaper bostyrer har merket som nærstående til skyldneren. Betalinger "
        "til dem i hele perioden står i vinduet «{window}» over.",
        "Persons and companies the trustee marked as close to the debtor. Payments to them in "
        "the whole period are in the window “{window}” above.",
    ),
    "close.none": ("Ingen nærstående er merket.", "No close parties are marked."),
    "close.none_known": (
        "Bostyrer kjenner ikke til nærstående (registrert av {user}, {time}).",
        "The trustee knows of no close parties (recorded by {user}, {time}).",
    ),
    "col.name": ("Navn", "Name"),
    "col.account_number": ("Kontonummer", "Account number"),
    "col.recorded": ("Registrert", "Recorded"),
    "assets.heading": ("Eiendeler og krav ved kjennelsen", "Assets and claims at the ruling"),
    "assets.intro": (
        "Saldo per konto ved kjennelsesdatoen {date} og ved periodens slutt, hva bostyrer har "
        "sikret, og bostyrers merknader.",
        "The balance of each account at the ruling date {date} and at the end of the period, "
        "what the trustee has secured, and the trustee's remarks.",
    ),
    "col.bank": ("Bank", "Bank"),
    "col.type": ("Type", "Type"),
    "col.at_ruling": ("Ved kjennelsen", "At the ruling"),
    "col.at_end": ("Ved slutt", "At the end"),
    "col.secured": ("Sikret", "Secured"),
    "col.remarks": ("Merknader", "Remarks"),
    "assets.total": ("Sum", "Total"),
    "assets.totals": (
        "Ved kjennelsen ({currency}): eiendeler {assets}, gjeld {debts}.",
        "At the ruling ({currency}): assets {assets}, debts {debts}.",
    ),
    "assets.secured": (
        "Sikret i alt: {secured}. Gjeld er vist med minus, slik bankene oppgir saldoen.",
        "Secured in all: {secured}. Debts are shown with a minus, as the banks give the balance.",
    ),
    "assets.none": ("Ingen kontoer er funnet.", "No accounts were found."),
    # Estate
    "settlement.form": ("Valgt skifteform", "Form chosen"),
    "settlement.representative": ("Bofullmektig", "Representative (bofullmektig)"),
    "settlement.reasons": ("Begrunnelse", "Reasons"),
    "settlement.recorded": ("Registrert", "Recorded"),
    "settlement.consequences": ("Hva det betyr", "What it means"),
    "settlement.none_given": ("–", "–"),
    "warnings.heading": ("Advarsler fra tallene", "Warnings from the figures"),
    "warnings.none": (
        "Tallene taler ikke mot noen av skifteformene.",
        "The figures argue against none of the forms.",
    ),
    "warnings.no_debt_taker": (
        "Ingen arving har påtatt seg gjeldsansvar ennå.",
        "No heir has taken on responsibility for the debts yet.",
    ),
    "deadline.heading": ("Frist for privat skifte", "Deadline for private settlement"),
    "deadline.due": ("Frist", "Due"),
    "deadline.days": ("Dager igjen", "Days left"),
    "deadline.days_left": ("{days} dager igjen per {date}", "{days} days left on {date}"),
    "deadline.one_left": ("1 dag igjen per {date}", "1 day left on {date}"),
    "deadline.today": ("fristen går ut i dag, {date}", "due today, {date}"),
    "deadline.one_over": ("1 dag over fristen per {date}", "1 day overdue on {date}"),
    "deadline.over": ("{days} dager over fristen per {date}", "{days} days overdue on {date}"),
    "deadline.rule": ("Regel", "Rule"),
    "deadline.basis": ("Grunnlag", "Basis"),
    "deadline.default": (
        "60 dager etter dødsfallet {date}",
        "60 days after the death on {date}",
    ),
    "deadline.set": (
        "satt av {user}, {time}",
        "set by {user}, {time}",
    ),
    "deadline.reason": ("; begrunnelse: {reason}", "; reason: {reason}"),
    "deadline.settled": (
        "Skifteform er registrert; fristen gjelder overtakelse til privat skifte.",
        "A form of settlement is recorded; the deadline concerns taking over for private "
        "settlement.",
    ),
    "heirs.heading": ("Arvinger", "Heirs"),
    "heirs.none": ("Ingen arvinger er registrert.", "No heirs are recorded."),
    "col.relation": ("Forhold", "Relation"),
    "col.position": ("Standpunkt", "Position"),
    "col.debts": ("Gjeldsansvar", "Takes on the debts"),
    "agrees.yes": ("Enig", "Agrees"),
    "agrees.no": ("Ikke enig", "Does not agree"),
    "agrees.none": ("Ukjent", "Not known"),
    "yes": ("Ja", "Yes"),
    "no": ("Nei", "No"),
    "relation.spouse": ("Ektefelle", "Spouse"),
    "relation.cohabitant": ("Samboer", "Cohabitant"),
    "relation.child": ("Barn", "Child"),
    "relation.other": ("Annen arving", "Other heir"),
    "picture.heading": ("Boets stilling", "Estate picture"),
    "picture.intro": (
        "Avdødes innskudd, lån og kredittgjeld ved dødsfallet {date} og nå, slik bankene har "
        "oppgitt dem. Eiendeler og gjeld utenfor bankene (bolig, bil, skatt) er ikke med.",
        "The deceased's deposits, loans and credit debts at the death on {date} and now, as "
        "the banks gave them. Assets and debts outside the banks (a home, a car, taxes) are "
        "not included.",
    ),
    "picture.at_death": ("Ved dødsfallet {date}", "At the death {date}"),
    "picture.now": ("Nå", "Now"),
    "picture.not_opened": ("ikke åpnet ennå", "not opened yet"),
    "picture.closed": ("avsluttet {date}", "closed {date}"),
    "picture.assets": ("Eiendeler", "Assets"),
    "picture.debts": ("Kjent gjeld", "Known debts"),
    "picture.net": ("Netto", "Net"),
    "picture.funeral": (
        "Begravelseskostnader oppgitt: {amount}.",
        "Funeral costs given: {amount}.",
    ),
    "picture.no_balance": ("–", "–"),
    "picture.signs": (
        "Gjeld er vist med minus, slik bankene oppgir saldoen; netto er eiendeler minus gjeld.",
        "Debts are shown with a minus, as the banks give the balance; net is assets less debts.",
    ),
    "picture.currencies": (
        "Hver valuta er summert for seg. Advarslene bygger bare på beløpene i NOK.",
        "Each currency is totalled on its own. The warnings weigh the amounts in NOK only.",
    ),
    "after.heading": ("Transaksjoner etter dødsfallet", "Transactions after the death"),
    "after.category": ("{name}: {count}, sum {amount}", "{name}: {count}, total {amount}"),
    "after.none": ("Ingen transaksjoner etter dødsfallet.", "No transactions after the death."),
    "unknown.heading": ("Ikke kjent ennå", "Not known yet"),
    "unknown.none": (
        "Ingenting: alle banker og kontoer svarte fullstendig.",
        "Nothing: every bank and account answered in full.",
    ),
    "unknown.not_fetched": (
        "Alt: ingenting er hentet fra bankene ennå.",
        "Everything: nothing has been fetched from the banks yet.",
    ),
    "unknown.no_balance": ("{account}: ingen kjent saldo", "{account}: no balance known"),
    "history.heading": ("Beslutningene så langt", "The decisions so far"),
    "col.when": ("Tidspunkt", "When"),
    "col.by": ("Av", "By"),
    "col.what": ("Hva", "What"),
    "col.decided": ("Besluttet", "Decided"),
    "kind.settlement_form": ("Skifteform", "Form of settlement"),
    "kind.deadline": ("Frist", "Deadline"),
    "kind.funeral_costs": ("Begravelseskostnader", "Funeral costs"),
    "deadline.back_to_rule": ("60 dager etter dødsfallet", "60 days after the death"),
    "more": (
        "… og {count} til; alle står i vedlegget.",
        "… and {count} more; all are in the appendix.",
    ),
}


DOMAIN_TEXTS = (
    *WINDOW_NAMES.values(),
    *WINDOW_RULES.values(),
    WINDOW_OUTSIDE,
    *ASSESSMENT_NAMES.values(),
    *FORM_NAMES.values(),
    *CONSEQUENCES.values(),
    DISCLAIMER,
    PRIVATE_SETTLEMENT_RULE,
    *CATEGORIES.values(),
    *REASONS.values(),
    *REASONS_AFTER_REVERSALS.values(),
)
"""The domain texts a report prints; each needs its bokmål in the translation source."""


def text(tr: Catalogue, key: str, **values: Any) -> str:
    words = TEXTS[key][0 if tr.language == "nb" else 1]
    return words.format(**values) if values else words


def domain(tr: Catalogue, english: str) -> str:
    """A domain text in the report's language."""
    if tr.language == "nb":
        return norwegian(english)
    return english
