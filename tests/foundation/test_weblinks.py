"""Links and dates in the forms the web takes them (argmap.weblinks)."""

from __future__ import annotations

from argmap.weblinks import calendar_date, web_link


def test_a_calendar_date_is_written_in_ascii_digits() -> None:
    # ISO 8601 (and HTML's <time datetime>) has ASCII digits; Python's \d and int() take
    # every script's digits.
    assert calendar_date("2026-11-01") == "2026-11-01"
    assert calendar_date("٢٠٢٦-١١-٠١") is None
    assert calendar_date("２０２６") is None


def test_a_web_link_is_an_http_address_or_a_doi_at_doi_org() -> None:
    assert web_link("HTTPS://example.org/x") == "HTTPS://example.org/x"
    assert web_link("doi:10.1000/a b") is None
    assert web_link("DOI:10.1000/x") == "https://doi.org/10.1000/x"
    assert web_link("javascript:alert(1)") is None
    assert web_link("doi:") is None
