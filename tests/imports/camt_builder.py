"""Builds small synthetic camt.052/053/054 documents for the import tests.

The builder writes what the schema of each version expects where the versions differ: the party
wrapper Pty from 001.08 on, the entry status as Sts/Cd from 001.07 on, BICFI instead of BIC from
001.04 on, and TxDtls/Amt with its own CdtDbtInd from 001.03 on (001.02 has AmtDtls/TxAmt only).
"""

from __future__ import annotations

from dataclasses import dataclass, field

MESSAGE = {
    "052": ("BkToCstmrAcctRpt", "Rpt"),
    "053": ("BkToCstmrStmt", "Stmt"),
    "054": ("BkToCstmrDbtCdtNtfctn", "Ntfctn"),
}


@dataclass
class Detail:
    amount: str | None = None
    currency: str = "NOK"
    indicator: str | None = None
    debtor: str | None = None
    debtor_account: str | None = None
    creditor: str | None = None
    creditor_account: str | None = None
    text: str | None = None
    kid: str | None = None
    account_servicer_ref: str | None = None
    tx_id: str | None = None
    end_to_end: str | None = None
    charges: str | None = None
    instructed: tuple[str, str, str] | None = None
    """(amount, currency, exchange rate) of AmtDtls/InstdAmt."""


@dataclass
class Entry:
    amount: str
    indicator: str = "CRDT"
    currency: str = "NOK"
    status: str = "BOOK"
    booking: str | None = "2024-01-15"
    booking_time: str | None = None
    value: str | None = "2024-01-15"
    ref: str | None = None
    reversal: bool = False
    domain: tuple[str, str, str] | None = None
    proprietary: str | None = None
    info: str | None = None
    details: list[Detail] = field(default_factory=list)
    charges: str | None = None


@dataclass
class Account:
    number: str = "NO9386011117947"
    iban: bool = True
    currency: str | None = "NOK"
    owner: str | None = "Ola Nordmann"
    bic: str | None = "DNBANOKKXXX"
    bank: str | None = "DNB Bank ASA"


@dataclass
class Balance:
    code: str
    amount: str
    indicator: str = "CRDT"
    day: str = "2024-01-31"
    currency: str = "NOK"


def party(version: int, tag: str, name: str | None, account: str | None) -> str:
    out = ""
    if name is not None:
        inner = f"<Nm>{name}</Nm>"
        out += f"<{tag}><Pty>{inner}</Pty></{tag}>" if version >= 8 else f"<{tag}>{inner}</{tag}>"
    if account is not None:
        out += f"<{tag}Acct><Id><IBAN>{account}</IBAN></Id></{tag}Acct>"
    return out


def detail_xml(version: int, detail: Detail) -> str:
    refs = ""
    if detail.account_servicer_ref:
        refs += f"<AcctSvcrRef>{detail.account_servicer_ref}</AcctSvcrRef>"
    if detail.end_to_end:
        refs += f"<EndToEndId>{detail.end_to_end}</EndToEndId>"
    if detail.tx_id:
        refs += f"<TxId>{detail.tx_id}</TxId>"
    out = f"<Refs>{refs}</Refs>" if refs else ""
    amount_details = ""
    if detail.amount is not None:
        money = f'<Amt Ccy="{detail.currency}">{detail.amount}</Amt>'
        if version >= 3:
            out += money
            if detail.indicator:
                out += f"<CdtDbtInd>{detail.indicator}</CdtDbtInd>"
        else:
            amount_details += f"<TxAmt>{money}</TxAmt>"
    if detail.instructed:
        amount, currency, rate = detail.instructed
        amount_details = (
            f'<InstdAmt><Amt Ccy="{currency}">{amount}</Amt>'
            f"<CcyXchg><SrcCcy>{currency}</SrcCcy><TrgtCcy>NOK</TrgtCcy>"
            f"<XchgRate>{rate}</XchgRate></CcyXchg></InstdAmt>" + amount_details
        )
    if amount_details:
        out += f"<AmtDtls>{amount_details}</AmtDtls>"
    if detail.charges:
        out += f'<Chrgs><TtlChrgsAndTaxAmt Ccy="NOK">{detail.charges}</TtlChrgsAndTaxAmt></Chrgs>'
    parties = party(version, "Dbtr", detail.debtor, detail.debtor_account)
    parties += party(version, "Cdtr", detail.creditor, detail.creditor_account)
    if parties:
        out += f"<RltdPties>{parties}</RltdPties>"
    remittance = ""
    if detail.text:
        remittance += f"<Ustrd>{detail.text}</Ustrd>"
    if detail.kid:
        remittance += (
            "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>"
            f"<Ref>{detail.kid}</Ref></CdtrRefInf></Strd>"
        )
    if remittance:
        out += f"<RmtInf>{remittance}</RmtInf>"
    return f"<TxDtls>{out}</TxDtls>"


def entry_xml(version: int, entry: Entry) -> str:
    status = f"<Sts><Cd>{entry.status}</Cd></Sts>" if version >= 7 else f"<Sts>{entry.status}</Sts>"
    out = f'<Ntry><Amt Ccy="{entry.currency}">{entry.amount}</Amt>'
    out += f"<CdtDbtInd>{entry.indicator}</CdtDbtInd>"
    if entry.reversal:
        out += "<RvslInd>true</RvslInd>"
    out += status
    if entry.booking_time:
        out += f"<BookgDt><DtTm>{entry.booking_time}</DtTm></BookgDt>"
    elif entry.booking:
        out += f"<BookgDt><Dt>{entry.booking}</Dt></BookgDt>"
    if entry.value:
        out += f"<ValDt><Dt>{entry.value}</Dt></ValDt>"
    if entry.ref:
        out += f"<AcctSvcrRef>{entry.ref}</AcctSvcrRef>"
    codes = ""
    if entry.domain:
        domain, family, subfamily = entry.domain
        codes += (
            f"<Domn><Cd>{domain}</Cd><Fmly><Cd>{family}</Cd>"
            f"<SubFmlyCd>{subfamily}</SubFmlyCd></Fmly></Domn>"
        )
    if entry.proprietary:
        codes += f"<Prtry><Cd>{entry.proprietary}</Cd></Prtry>"
    out += f"<BkTxCd>{codes}</BkTxCd>" if codes else ""
    if entry.charges:
        out += f'<Chrgs><TtlChrgsAndTaxAmt Ccy="NOK">{entry.charges}</TtlChrgsAndTaxAmt></Chrgs>'
    if entry.details:
        out += "<NtryDtls>" + "".join(detail_xml(version, d) for d in entry.details)
        out += "</NtryDtls>"
    if entry.info:
        out += f"<AddtlNtryInf>{entry.info}</AddtlNtryInf>"
    return out + "</Ntry>"


def account_xml(version: int, account: Account) -> str:
    number = (
        f"<IBAN>{account.number}</IBAN>"
        if account.iban
        else f"<Othr><Id>{account.number}</Id></Othr>"
    )
    out = f"<Acct><Id>{number}</Id>"
    if account.currency:
        out += f"<Ccy>{account.currency}</Ccy>"
    if account.owner:
        out += f"<Ownr><Nm>{account.owner}</Nm></Ownr>"
    if account.bic or account.bank:
        bic_tag = "BICFI" if version >= 4 else "BIC"
        bank = f"<{bic_tag}>{account.bic}</{bic_tag}>" if account.bic else ""
        bank += f"<Nm>{account.bank}</Nm>" if account.bank else ""
        out += f"<Svcr><FinInstnId>{bank}</FinInstnId></Svcr>"
    return out + "</Acct>"


def balance_xml(balance: Balance) -> str:
    return (
        f"<Bal><Tp><CdOrPrtry><Cd>{balance.code}</Cd></CdOrPrtry></Tp>"
        f'<Amt Ccy="{balance.currency}">{balance.amount}</Amt>'
        f"<CdtDbtInd>{balance.indicator}</CdtDbtInd><Dt><Dt>{balance.day}</Dt></Dt></Bal>"
    )


def statement_xml(
    kind: str,
    version: int,
    *,
    statement_id: str = "STMT-1",
    account: Account | None = None,
    balances: list[Balance] | None = None,
    entries: list[Entry] | None = None,
) -> str:
    tag = MESSAGE[kind][1]
    out = f"<{tag}><Id>{statement_id}</Id><CreDtTm>2024-02-01T06:00:00+01:00</CreDtTm>"
    out += (
        "<FrToDt><FrDtTm>2024-01-01T00:00:00+01:00</FrDtTm>"
        "<ToDtTm>2024-01-31T23:59:59+01:00</ToDtTm></FrToDt>"
    )
    out += account_xml(version, account or Account())
    out += "".join(balance_xml(b) for b in balances or [])
    out += "\n".join(entry_xml(version, e) for e in entries or [])
    return out + f"</{tag}>"


def document(kind: str, version: int, *statements: str) -> str:
    message = MESSAGE[kind][0]
    namespace = f"urn:iso:std:iso:20022:tech:xsd:camt.{kind}.001.{version:02d}"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<Document xmlns="{namespace}">\n<{message}>\n'
        "<GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2024-02-01T06:00:00+01:00</CreDtTm></GrpHdr>\n"
        + "\n".join(statements)
        + f"\n</{message}>\n</Document>\n"
    )


def simple(
    kind: str, version: int, entries: list[Entry], balances: list[Balance] | None = None
) -> bytes:
    """A document with one statement for the default account."""
    statement = statement_xml(kind, version, entries=entries, balances=balances)
    return document(kind, version, statement).encode()
