"""Issue 19, second round: phenomena found on the heldout2 set, one test per
phenomenon and language, on sentences written for these tests (none copied
from any gold set)."""
import pytest

from analysis.extract import extract


def qs(text):
    return [(m.text, m.value, m.unit, m.qualifier, m.per) for m in extract(text)
            if m.kind == "quantity"]


def ds(text, published=None):
    found = extract(text) if published is None else extract(text, published=published)
    return [(m.text, m.to_dict()["date"]) for m in found if m.kind == "date"]


def ents(text):
    return [(m.text, m.canonical) for m in extract(text)
            if m.kind in ("platform", "organization", "person")]


# --- a qualifier inside quotation marks and brackets ---------------------

@pytest.mark.parametrize("text, qualifier", [
    ('the analyst counted the groups ("almost 60", by his reckoning)', "approx"),
    ("وأحصى الباحث القنوات («نحو 60» قناة)", "approx"),
    ('پژوهشگر کانال‌ها را شمرد ("حدود ۶۰" کانال)', "approx"),
    ('("over 60" groups)', "at_least"),
])
def test_a_qualifier_after_a_quote_and_a_bracket(text, qualifier):
    assert qs(text)[0][3] == qualifier
