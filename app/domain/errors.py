"""Errors raised when user input breaks a domain rule."""

from __future__ import annotations


class DomainError(Exception):
    """Base class for every rule the domain enforces."""


class InvalidInput(DomainError):
    """A value entered by the user breaks a rule.

    `field` names the input (as the user knows it), `rule` says what the rule is. The message is
    safe to show and to log: it never repeats the rejected value, which may be a national id.
    """

    def __init__(self, field: str, rule: str) -> None:
        super().__init__(f"{field}: {rule}")
        self.field = field
        self.rule = rule
