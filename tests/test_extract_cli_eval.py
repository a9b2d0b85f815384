"""CLI (JSON Lines, errors, exit status) and the evaluation module."""
import json
import subprocess
import sys

from analysis.extract import extract
from analysis.extract.cli import OUT_KEYS, main
from analysis.extract.evaluate import evaluate, language_at, score


def test_cli_jsonl_and_errors(tmp_path, capsys):
    good = tmp_path / "a.txt"
    good.write_text("\ufeffأغلقت يوروبول حوالي 26 ألف حساب في آبان ۱۳۹۸", encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"caf\xe9")
    other = tmp_path / "c.txt"
    other.write_text("uses Telegram", encoding="utf-8")
    rc = main([str(good), str(bad), str(tmp_path / "missing.txt"), str(other)])
    out, err = capsys.readouterr()
    assert rc == 1
    recs = [json.loads(line) for line in out.splitlines()]
    assert all(tuple(r) == OUT_KEYS for r in recs)
    assert {r["file"] for r in recs} == {str(good), str(other)}
    text = good.read_text(encoding="utf-8-sig")
    for r in recs:
        if r["file"] == str(good):
            assert text[r["start"]:r["end"]] == r["text"]
    q = [r for r in recs if r["kind"] == "quantity"][0]
    assert (q["value"], q["unit"], q["qualifier"]) == (26000, "account", "approx")
    assert [r["date"] for r in recs if r["kind"] == "date"] == ["2019-10/2019-11"]
    assert "ألف" in out        # ensure_ascii=False
    lines = err.strip().splitlines()
    assert len(lines) == 2 and str(bad) in lines[0] and "UTF-8" in lines[0]
    assert "missing.txt" in lines[1]


def test_cli_module_entry(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("12 مليار رسالة في اليوم", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "analysis.extract", str(f)],
                       capture_output=True, text=True, check=True)
    rec = json.loads(r.stdout)
    assert rec["value"] == 12_000_000_000 and rec["per"] == "day"


def test_score_matching_rules():
    text = "حوالي 26 ألف حساب على تلغرام في آبان ۱۳۹۸"
    pred = [m.to_dict() for m in extract(text)]
    gold = [
        {"kind": "quantity", "start": 6, "end": 12, "text": "26 ألف", "value": 26000,
         "unit": "account", "qualifier": "approx", "per": None, "date": None, "canonical": None},
        {"kind": "platform", "start": 22, "end": 28, "text": "تلغرام", "value": None, "unit": None,
         "qualifier": None, "per": None, "date": None, "canonical": "telegram"},
        {"kind": "date", "start": 32, "end": 41, "text": "آبان ۱۳۹۸", "value": None, "unit": None,
         "qualifier": None, "per": None, "date": "2019-10", "date_alt": "2019-11", "canonical": None},
        {"kind": "person", "start": 0, "end": 5, "text": "حوالي", "value": None, "unit": None,
         "qualifier": None, "per": None, "date": None, "canonical": "pavel-durov"},
    ]
    r = score(pred, gold)
    assert (r["tp"], r["fp"], r["fn"]) == (3, 0, 1)
    assert r["unit_accuracy"] == 1.0 and r["per_accuracy"] == 1.0
    wrong = [dict(gold[0], qualifier="exact")]
    assert score(pred, wrong)["tp"] == 0


def test_evaluate_frames():
    pairs = [("uses Telegram and 5 days", [
        {"kind": "platform", "start": 5, "end": 13, "canonical": "telegram"},
        {"kind": "quantity", "start": 18, "end": 19, "value": 5, "qualifier": "exact",
         "unit": "week", "per": None}]),
        ("از تلگرام", [])]
    r = evaluate(pairs)
    bk = r["by_kind"].set_index("kind")
    assert bk.loc["platform", "tp"] == 1 and bk.loc["platform", "fp"] == 1
    assert set(r["by_kind_lang"]["lang"]) == {"en", "fa"}
    assert r["quantity_attrs"].loc[0, "unit_accuracy"] == 0.0
    assert len(r["spurious"]) == 1 and r["spurious"][0]["lang"] == "fa"


def test_language_at():
    text = "قال إن\nTelegram has taken down 1000s\nپلیس فتا"
    assert language_at(text, 0) == "ar"
    assert language_at(text, 10) == "en"
    assert language_at(text, len(text) - 2) == "fa"
