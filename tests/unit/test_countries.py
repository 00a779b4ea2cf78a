"""Country pickers and the country rule offer ISO 3166-1 countries only."""
import pytest

from visitplanner.planning import rules


def test_known_countries_are_iso_3166_countries():
    known = rules.known_countries()
    assert {"BE", "MD", "UA", "FR", "QA", "XK"} <= known
    assert not known & {"XA", "XB", "DG", "EA", "IC", "TA", "AC", "CP", "CQ", "EU", "ZZ"}
    assert 245 <= len(known) <= 250


@pytest.mark.parametrize("code", ["XA", "xb", "DG"])
def test_pseudo_regions_are_refused(code):
    with pytest.raises(rules.RuleError):
        rules.check_country("country", code)
