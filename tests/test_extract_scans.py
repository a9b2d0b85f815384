"""The fast scans (analysis.extract.lexicon.WordStartScan) find exactly what
the plain regex scans find, on every text we have: speed without a change in
output."""
import pytest

from analysis.extract import dates, gold, numbers
from analysis.paths import PATHS
from analysis.text.files import read_text
from analysis.text.normalize import View

TEXTS = [read_text(p) for p in sorted(PATHS.raw.glob("*.txt"))] + [
    t for s in gold.discover_sets() for _, t, _ in gold.load_set(s)] + [
    "تلغرام 12", "", "ثلاثة", " ثلاثة", "(ثلاثة) و(أربعة)", "مارس.مارس", "نوفمبر\nنوفمبر",
    "وثلاثة-خمسة", "#ثلاثة @أربعة", "ثلاثة،أربعة"]


@pytest.mark.parametrize("which", ["number words", "months"])
def test_word_start_scan_equals_the_plain_scan(which):
    scan = (numbers.extractor().word_scan if which == "number words"
            else dates.extractor().month_scan)
    for text in TEXTS:
        norm = View(text).norm
        fast = [(m.span(), m.groupdict()) for m in scan.finditer(norm)]
        plain = [(m.span(), m.groupdict()) for m in scan.pattern.finditer(norm)]
        assert fast == plain, text[:80]
