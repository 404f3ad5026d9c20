"""Errors raised when a statement file or bank export cannot be read.

Every error names the file, says what was wrong and, where it applies, the line (or spreadsheet
row) and the column, so the interface can show it as it is. Messages never repeat the content of
a transaction; they may quote the one cell value that broke a rule, which the user typed or
exported and needs to see to fix it.
"""

from __future__ import annotations


class ImportFileError(Exception):
    """A file could not be imported.

    `file` is the name shown to the user, `problem` what was wrong, `line` the 1-based line
    (or spreadsheet row) where it was found, `column` the column header where one applies.
    """

    line_word = "line"

    def __init__(
        self,
        file: str,
        problem: str,
        line: int | None = None,
        column: str | None = None,
    ) -> None:
        where = file
        if line is not None:
            where += f", {self.line_word} {line}"
        if column is not None:
            where += f", column {column}"
        super().__init__(f"{where}: {problem}")
        self.file = file
        self.problem = problem
        self.line = line
        self.column = column


class StatementFileError(ImportFileError):
    """An ISO 20022 camt file could not be read."""


class NotXmlError(StatementFileError):
    """The file is empty or is not XML at all."""


class MalformedXmlError(StatementFileError):
    """The file is XML but breaks the XML rules (a mismatched tag, a stray character)."""


class TruncatedFileError(StatementFileError):
    """The XML ends before the document is complete, as a cut-off download does."""


class UnsupportedMessageError(StatementFileError):
    """The XML is not a camt.052, camt.053 or camt.054 message of a version this reader knows."""


class MissingElementError(StatementFileError):
    """An element the standard makes mandatory, and the import needs, is absent."""


class InvalidValueError(StatementFileError):
    """An element holds a value that is not what the standard allows (an amount, a date)."""


class TableFileError(ImportFileError):
    """A bank CSV or XLSX export could not be read."""


class UnsupportedEncodingError(TableFileError):
    """The text is neither UTF-8 nor Windows-1252, the encodings Norwegian bank exports use."""


class UnsupportedTableError(TableFileError):
    """The file is not a CSV or XLSX export (an old binary .xls, an empty file)."""


class MappingError(TableFileError):
    """The column mapping does not fit the file: a mapped column is missing, a role unmapped."""


class RowError(TableFileError):
    """One row of an export breaks a rule; `line` and `column` say where."""


class XlsxRowError(RowError):
    """One spreadsheet row breaks a rule; the message says "row" as the spreadsheet does."""

    line_word = "row"


class ValueFormatError(ValueError):
    """A single cell value is not a valid amount or date; carries the rule it broke."""

    def __init__(self, value: str, rule: str) -> None:
        super().__init__(f"{value!r} {rule}")
        self.value = value
        self.rule = rule


class AmountFormatError(ValueFormatError):
    """A text is not an amount in any of the formats Norwegian bank exports use."""


class DateFormatError(ValueFormatError):
    """A text is not a date in any of the formats Norwegian bank exports use."""
