"""Transport rules per environment: https outside the sandbox, plain JSON only in test."""

import dataclasses

import httpx
import pytest

from app.dsop import environments
from app.dsop.connection import DsopConnection
from app.dsop.control import decrypting, resolve_href
from app.dsop.errors import ConfigurationError, InsecureTransportError, ProtocolError
from app.dsop.models import AccountsResponse


def test_plain_http_is_refused_outside_the_sandbox():
    with pytest.raises(InsecureTransportError, match="only talks https"):
        dataclasses.replace(environments.TEST, token_endpoint="http://test.maskinporten.no/token")
    with pytest.raises(InsecureTransportError):
        environments.PRODUCTION.check_url("http://bank.example/v2")
    environments.sandbox("http://127.0.0.1:5000").check_url("http://127.0.0.1:5000/banks/x/v2")


def test_plain_json_may_be_asked_for_in_test_only():
    DsopConnection(environments.TEST, {}, plain_json=True, directory_key="k")
    with pytest.raises(ConfigurationError, match="plain JSON"):
        DsopConnection(environments.PRODUCTION, {}, plain_json=True, directory_key="k")
    with pytest.raises(ConfigurationError, match="plain JSON"):
        DsopConnection(environments.sandbox("http://127.0.0.1:1"), {}, plain_json=True)


def test_remote_environments_need_the_directory_key():
    with pytest.raises(ConfigurationError, match="subscription key"):
        DsopConnection(environments.PRODUCTION, {})


def test_a_plain_json_answer_not_asked_for_is_refused():
    parse = decrypting(AccountsResponse, credentials=None, plain_json=False)  # type: ignore[arg-type]
    answer = httpx.Response(
        200,
        headers={"content-type": "application/json"},
        content=b'{"responseDetails": {"status": "complete"}, "accounts": []}',
    )
    with pytest.raises(ProtocolError, match="plain JSON"):
        parse(answer)
    asked = decrypting(AccountsResponse, credentials=None, plain_json=True)  # type: ignore[arg-type]
    value, status, count = asked(answer)
    assert (status, count) == ("complete", 0)


@pytest.mark.parametrize(
    ("base", "href", "expected"),
    [
        (
            "https://api.bank.example/dsop/v2",
            "/accounts/R1/transactions?p=2",
            "https://api.bank.example/dsop/v2/accounts/R1/transactions?p=2",
        ),
        (
            "https://api.bank.example/dsop/v2",
            "/dsop/v2/accounts/R1/transactions?p=2",
            "https://api.bank.example/dsop/v2/accounts/R1/transactions?p=2",
        ),
        (
            "https://api.bank.example/dsop/v2/",
            "accounts?page=2",
            "https://api.bank.example/dsop/v2/accounts?page=2",
        ),
    ],
)
def test_relative_paging_links_resolve_against_the_base(base, href, expected):
    assert resolve_href(base, href) == expected


def test_absolute_paging_links_are_refused():
    with pytest.raises(ProtocolError, match="relative"):
        resolve_href("https://a.example/v2", "https://evil.example/v2/accounts")
