"""The sandbox's time zone: business dates in the banks' world are Norwegian dates."""

from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")
