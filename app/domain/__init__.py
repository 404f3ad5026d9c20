"""Pure-Python domain of Boinnsyn: cases, service profiles, periods, identifiers and money."""
