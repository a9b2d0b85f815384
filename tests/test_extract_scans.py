"""The word table (analysis.extract.scan) finds exactly what the plain regex
scans find, on every text we have and on synthetic articles: speed without a
change in output."""
import random

import pytest

from analysis.extract import dates, entities, gold, numbers, scan
from analysis.paths import PATHS
from analysis.text.files import read_text
from analysis.text.normalize import View

RAW = [read_text(p) for p in sorted(PATHS.raw.glob("*.txt"))]
TEXTS = RAW + [t for s in gold.discover_sets() for _, t, _ in gold.load_set(s)] + [
    "تلغرام 12", "", "ثلاثة", " ثلاثة", "(ثلاثة) و(أربعة)", "مارس.مارس", "نوفمبر\nنوفمبر",
    "وثلاثة-خمسة", "#ثلاثة @أربعة", "ثلاثة،أربعة", "وللدولة الإسلامية وتلغرامها",
    "#أبو_بكر_البغدادي", "روكيت.تشات", "telegramها telegram", "في كي في"]


def _shuffled(n=300, seed=11):
    """Articles made of real paragraphs in random order (as the bench makes them)."""
    paras = [p for t in RAW for p in t.split("\n") if p.strip()]
    rng = random.Random(seed)
    return ["\n".join(rng.choice(paras) for _ in range(rng.randint(1, 12))) for _ in range(n)]


PATTERNS = {"names": lambda: entities.extractor().re,
            "numbers": lambda: numbers.extractor().word_anchor_re,
            "months": lambda: dates.extractor().month_re}


@pytest.mark.parametrize("group", sorted(PATTERNS))
def test_the_word_table_finds_what_the_plain_scan_finds(group):
    pattern = PATTERNS[group]()
    table = scan.table()
    for text in TEXTS + _shuffled():
        norm = View(text).norm
        fast = [(m.span(), m.groupdict()) for m in scan.matches(pattern, table.starts(norm)[group], norm)]
        plain = [(m.span(), m.groupdict()) for m in pattern.finditer(norm)]
        assert fast == plain, text[:80]


def test_affixes_come_from_the_patterns():
    assert scan.spellings(r"[وبل]?", 1) == ("", "ب", "ل", "و")
    assert "ولل" in scan.spellings(entities._PREFIX, 4)
    assert "هاي" in scan.spellings(entities._SUFFIX, 5)


def test_digit_runs_and_block_heads_equal_the_regex_scans():
    from analysis.extract import _BLOCK_RE, _DIGIT_RUN_RE, _blocks
    odd = ["٠٤٤ 12345678 ١٢", "x+1 (202) 555-0100", "0044-20-7946-0958 www.x.com/a",
           "#a @b http://t.co/x 18 u.s.c. 2339b", "१२३ 45", "a.co.uk and Mail.Ru", "99999",
           "١٢٣٤٥٦٧٨٩٠١٢٣", "1-800-225-5324", "+44 20 7946 0958 ٣", "action.Europol .eu",
           "U.S.-Iran", "xhttp://a.b www.www.", "telegram2019 2019telegram",
           # blocks that start inside a digit run: at a 0, or 3-4 digits before a hyphen
           "5021234567", "7001234567890", "12345-678-901", "912345-6789-0123", "99-123-456-7890"]
    table = scan.table()
    for text in TEXTS + _shuffled() + odd:
        view = View(text)
        starts, runs, heads, name_ends = table.find(view.norm)
        assert starts == table.starts(view.norm)
        assert len(name_ends) == len(starts["names"])
        assert runs == [m.start() for m in _DIGIT_RUN_RE.finditer(view.norm)], text[:80]
        assert [m.span() for m in scan.matches(_BLOCK_RE, heads, view.norm)] == [
            m.span() for m in _BLOCK_RE.finditer(view.norm)], text[:80]
        assert _blocks(view, heads) == _blocks(view), text[:80]


def test_names_worked_out_per_word_equal_the_plain_scan():
    """The entity pass decides most words from a per-word cache and asks the
    regex only where a longer name may begin: the same matches, twice over (a
    cold and a warm cache), as the regex alone on the text."""
    x = entities.extractor()
    table = scan.table()
    texts = TEXTS + _shuffled() + ["الدولة الإسلامية الدولة", "للدولة الاسلامية", "ابو بكر ابوبكر",
                                   "فيس بوك فيسبوك فيس", "hoop riot hoop-riot", "telegram_channel"]
    for warm in (False, True):
        if not warm:
            x._at_word.clear()
        for text in texts:
            norm = View(text).norm
            starts, _, _, ends = table.find(norm)
            assert x._names(norm, starts["names"], ends) == x._names(norm, None, None), text[:80]
    assert any(r is False for r in x._at_word.values())      # both paths were taken
    assert any(isinstance(r, tuple) for r in x._at_word.values())


@pytest.mark.parametrize("word", ["abc1", "a_b", "a b", "a\nb", "٣ب", "x-y"])
def test_a_word_that_is_not_all_letters_is_refused(word):
    t = scan.WordTable()
    t.add("g", "fine")
    t.bits[word] = 1          # as if an affix had produced it
    with pytest.raises(ValueError, match="must be letters"):
        t.find("fine")
