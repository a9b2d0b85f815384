"""What the extractor finds in a sentence, as tuples the phenomenon tests compare."""
from analysis.extract import extract


def qs(text):
    """Quantities: (text, value, unit, qualifier, per)."""
    return [(m.text, m.value, m.unit, m.qualifier, m.per) for m in extract(text)
            if m.kind == "quantity"]


def ds(text, published=None):
    """Dates: (text, ISO date); ``published`` dates relative months."""
    found = extract(text) if published is None else extract(text, published=published)
    return [(m.text, m.to_dict()["date"]) for m in found if m.kind == "date"]


def ents(text):
    """Names: (text, canonical id) of platforms, organisations and people."""
    return [(m.text, m.canonical) for m in extract(text)
            if m.kind in ("platform", "organization", "person")]
