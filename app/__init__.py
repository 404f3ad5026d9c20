"""Boinnsyn: find and review what a person or company had in the bank when an estate must be
settled."""

__version__ = "0.1.0"
