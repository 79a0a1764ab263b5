"""Addresses and dates in the forms the web takes them: a link is an ``http``/``https``
address, and a date is one of the calendar in ISO 8601 (``2026``, ``2026-11``, ``2026-11-01``).

A map's ``url`` may also be a DOI (``doi:10.1000/x``) and its dates are free text (``Spring
2026``): the report links and the ClaimReview export both go through these functions, so that
neither writes a ``doi:`` name where an address is expected, nor a free text where a date is.
"""

from __future__ import annotations

import datetime
import re
import urllib.parse
from typing import Final

# ASCII digits: \d (and int()) would take other scripts' digits, which ISO 8601 has not.
_DATE: Final = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_SPACE: Final = re.compile(r"\s")


def calendar_date(text: str | None) -> str | None:
    """``text`` when it is a year, a month or a day of the calendar (``2026``, ``2026-11``,
    ``2026-11-01``), as HTML's ``<time datetime>`` and schema.org's ``Date`` take it; None for
    anything else (the map's date is free text: ``Spring 2026``, or no day at all,
    ``2026-13-45``)."""
    found = _DATE.fullmatch(text or "")
    if found is None:
        return None
    year, month, day = (int(part) if part else 1 for part in found.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return text


def web_link(url: str | None) -> str | None:
    """The address to link for ``url``: an http(s) address as it is, a DOI as its
    https://doi.org/ address (percent-encoded); None for anything else, such as
    ``javascript:``, or an address with a space in it."""
    if not url or _SPACE.search(url):
        return None
    scheme, colon, rest = url.partition(":")
    if colon and scheme.lower() in ("http", "https") and rest.startswith("//"):
        return url
    if colon and scheme.lower() == "doi" and rest:
        return "https://doi.org/" + urllib.parse.quote(rest, safe="/;:@&=+$,-_.!~*'()")
    return None
