"""Errors raised when user input breaks a domain rule."""

from __future__ import annotations

from app.domain.text import fill


class DomainError(Exception):
    """Base class for every rule the domain enforces."""


class InvalidInput(DomainError):
    """A value entered by the user breaks a rule.

    `field` names the input (as the user knows it), `rule` says what the rule is. A rule that
    names something of its own (another case) is a template with %1, %2, … for `values`: `rule`
    is it filled in, `template` what a translation looks up. The message is safe to show and to
    log: it never repeats the rejected value, which may be a national id. A field that is one
    of several (the third account's closing balance) is likewise a template, `field_template`,
    filled with `field_values`, each of which is translated too (a field's name) or left as it
    is (a number).
    """

    def __init__(
        self, field: str, rule: str, *values: str, field_values: tuple[str, ...] = ()
    ) -> None:
        self.field_template = field
        self.field_values = field_values
        self.field = fill(field, *field_values)
        self.template = rule
        self.values = values
        self.rule = fill(rule, *values)
        super().__init__(f"{self.field}: {self.rule}")
