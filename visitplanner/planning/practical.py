"""Facts about the practical side that follow from the host country alone."""
from __future__ import annotations

# 112 reaches the emergency services everywhere in the EU (and the EEA, Switzerland and the
# UK); elsewhere the country's own general number.
EU_112 = frozenset({
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
    "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    "IS", "LI", "NO", "CH", "GB", "UA", "MD", "TR", "RS", "ME", "MK", "AL", "BA", "GE",
})
OTHER_NUMBERS = {"US": "911", "CA": "911", "MX": "911", "AU": "000", "NZ": "111",
                 "KE": "999", "ZA": "112", "IN": "112"}


def emergency_number_for(country: str | None) -> str | None:
    """The general emergency number of a country, when known."""
    if country is None:
        return None
    code = country.upper()
    return "112" if code in EU_112 else OTHER_NUMBERS.get(code)
