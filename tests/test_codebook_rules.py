"""The codebook as checks: every rule passes on the data, and stops a seeded breach.

Each rule of ``analysis/evidence/codebook_rules.py`` that a coding can breach
gets a breach seeded into a throwaway copy of the project; ``validate`` must
stop with one line naming the annotation file, the line of the field at
fault and the claim id (or facts.csv, its line and the fact id). The rules
about entry points are rules of the register's computation: a seeded coding
shows the register honouring them, and a forged register row shows the
guard that ``validate`` also runs catching the breach.
"""
from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd
import pytest

from analysis.evidence import codebook_rules as rules
from analysis.evidence.loader import load_evidence
from analysis.paths import PATHS
from tests.conftest import assert_one_clear_error, run_cli, set_fact

EV = load_evidence(PATHS)
INPUTS = rules.Inputs.of(EV)


def _edit_claim(project, article: str, claim_id: str, field: str, new: str) -> int:
    """Replace one field's line inside one claim's block; return that (1-based) line."""
    path = project.annotations / f"{article}.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"- id: {claim_id}")
    for i in range(start + 1, len(lines)):
        if lines[i].startswith("- id:"):
            break
        if lines[i].startswith(f"  {field}:"):
            lines[i] = f"  {field}: {new}"
            path.write_text("\n".join(lines), encoding="utf-8")
            return i + 1
    raise AssertionError(f"{field} not in {claim_id}")


def _validate(project, *fragments: str) -> str:
    return assert_one_clear_error(run_cli("validate", root=project.root), *fragments)


# --- the data as committed -----------------------------------------------------------------
def test_the_data_breaks_no_rule():
    assert rules.breaches(INPUTS) == []


def test_every_rule_is_named_stated_and_tested_here():
    names = [r.name for r in rules.RULES]
    assert len(names) == len(set(names)) == 8
    assert all(r.statement.endswith(".") and r.enforced in ("validate", "register") for r in rules.RULES)
    source = open(__file__, encoding="utf-8").read()
    for name in names:   # each rule has a seeded breach below, found by its name in the error
        assert f'"{name}"' in source, name


# --- rules a coding can breach: a seeded breach stops validate, naming the claim -----------
def test_confirmed_needs_an_agreeing_fact(project):
    line = _edit_claim(project, "003", "003-03", "grade", "{reliability: F, credibility: 1, reason: seeded}")
    _validate(project, f"data/annotations/003.yaml:{line} (claim 003-03)", "graded F1 (confirmed)",
              "no linked fact agrees", "confirmed-needs-an-agreeing-fact")


def test_a_linked_fact_that_disagrees_does_not_confirm(project):
    # 002-15 ("more than 100") is linked to the analyst's "almost 100": linked, but the register
    # finds a difference, so it cannot confirm a 1 (and a 1 contradicts the register's case: two lines)
    line = _edit_claim(project, "002", "002-15", "grade", "{reliability: C, credibility: 1, reason: seeded}")
    proc = run_cli("validate", root=project.root)
    errors = [l for l in proc.stderr.splitlines() if l.startswith("error:")]
    assert proc.returncode == 1 and len(errors) == 2, proc.stderr
    assert all(f"data/annotations/002.yaml:{line} (claim 002-15)" in e for e in errors)
    assert any("confirmed-needs-an-agreeing-fact" in e for e in errors)
    assert any("grade-agrees-with-the-register" in e for e in errors)


def test_unaddressed_facts_support_neither_a_1(project):
    line = _edit_claim(project, "004", "004-14", "grade", "{reliability: F, credibility: 1, reason: seeded}")
    _validate(project, f"data/annotations/004.yaml:{line} (claim 004-14)",
              "telegram-2013-launch (unverified, no address)", "unaddressed-facts-support-neither-1-nor-5")


def test_unaddressed_facts_support_neither_a_5(project):
    # the analyst's "almost 100", marked unverified, can no longer contradict 002-15's C5
    set_fact(project, "isd-tamtam-2019-channels", confidence="unverified")
    line = next(n for n, l in enumerate((project.annotations / "002.yaml").read_text("utf-8").split("\n"), 1)
                if l.startswith("  grade:") and n > (project.annotations / "002.yaml").read_text("utf-8")
                .split("\n").index("- id: 002-15"))
    _validate(project, f"data/annotations/002.yaml:{line} (claim 002-15)", "graded C5",
              "isd-tamtam-2019-channels (unverified", "unaddressed-facts-support-neither-1-nor-5")


def test_grade_agrees_with_the_register(project):
    line = _edit_claim(project, "002", "002-20", "grade", "{reliability: C, credibility: 2, reason: seeded}")
    _validate(project, f"data/annotations/002.yaml:{line} (claim 002-20)",
              "contradicts the register's discrepancy case d-002-20", "grade-agrees-with-the-register")


def test_a_grade_of_4_needs_a_register_case(project):
    line = _edit_claim(project, "004", "004-16", "grade", "{reliability: F, credibility: 4, reason: seeded}")
    _validate(project, f"data/annotations/004.yaml:{line} (claim 004-16)", "no register case",
              "grade-agrees-with-the-register")


def test_a_claims_qualifier_follows_the_lexicon(project):
    # "نحو 1200" is approx in the lexicon
    line = _edit_claim(project, "002", "002-14", "qualifier", "exact")
    _validate(project, f"data/annotations/002.yaml:{line} (claim 002-14)", "qualifier exact",
              "gives approx", "qualifiers-follow-the-lexicon")


def test_an_unhedged_figure_is_exact(project):
    # "على مدار عامين" (over the course of two years) has no hedge word
    line = _edit_claim(project, "004", "004-02", "qualifier", "approx")
    _validate(project, f"data/annotations/004.yaml:{line} (claim 004-02)", "qualifier approx",
              "gives exact", "qualifiers-follow-the-lexicon")


def test_a_facts_qualifier_follows_the_lexicon_nearly(project):
    # "nearly 5,000" coded as a ceiling (low blank), as it once was: the lexicon says approx
    line = set_fact(project, "telegraph-2019-merged-accounts", value_low="")
    _validate(project, f"data/reference/facts.csv:{line} (fact telegraph-2019-merged-accounts)",
              "its bounds make it at_most, but the lexicon reads approx", "qualifiers-follow-the-lexicon")


def test_a_facts_qualifier_follows_the_lexicon_over(project):
    # "over 10 billion messages daily" in the fact's quoted wording, coded exact
    line = set_fact(project, "telegram-2015-10bn", value="10 billion", value_high="10000000000")
    _validate(project, f"data/reference/facts.csv:{line} (fact telegram-2015-10bn)",
              "its bounds make it exact, but the lexicon reads at_least in its fact", "qualifiers-follow-the-lexicon")


def test_durations_are_coded(project):
    path = project.annotations / "002.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("- id: 002-24\n"), text.index("- id: 002-15\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")    # drop the duration's own claim
    line = next(n for n, l in enumerate(path.read_text("utf-8").split("\n"), 1)
                if l.startswith("  measure:") and n > path.read_text("utf-8").split("\n").index("- id: 002-14"))
    _validate(project, f"data/annotations/002.yaml:{line} (claim 002-14)", "'بعد أسبوع' is a duration (1 week)",
              "durations-are-coded")


def test_a_duration_coded_as_another_measure_is_refused(project):
    line = _edit_claim(project, "000", "000-14", "measure", "disclosed")
    _validate(project, f"data/annotations/000.yaml:{line} (claim 000-14)", "(3 day)", "durations-are-coded")


def test_every_breach_is_reported_one_line_each(project):
    _edit_claim(project, "003", "003-03", "grade", "{reliability: F, credibility: 1, reason: seeded}")
    _edit_claim(project, "004", "004-02", "qualifier", "approx")
    proc = run_cli("validate", root=project.root)
    errors = [l for l in proc.stderr.splitlines() if l.startswith("error:")]
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert len(errors) == 2 and "(claim 003-03)" in errors[0] and "(claim 004-02)" in errors[1]


def test_durations_in_finds_figures_and_bare_units_after_a_cue():
    assert [(u, v) for _, _, v, u in rules.durations_in("سه روز بعد از خروج")] == [("day", 3.0)]
    assert [(u, v) for _, _, v, u in rules.durations_in("إنه بعد أسبوع من تصريحات")] == [("week", 1.0)]
    assert [(u, v) for _, _, v, u in rules.durations_in("he left after a week")] == [("week", 1.0)]
    # a dated reference is no duration: "last week", "this week", "the past year"
    assert rules.durations_in("الأسبوع الماضي") == [] and rules.durations_in("هذا الأسبوع") == []


# --- rules of the register's computation: it honours them; the guard catches a forged row ---
def _forged(case: str, **fields) -> rules.Inputs:
    reg = EV.register.copy()
    idx = reg.index[reg["case"] == case][0]
    for k, v in fields.items():
        reg.loc[idx, k] = v
    return replace(INPUTS, register=reg)


def test_embedded_quotes_are_no_entry_point(project):
    # Link the journalist's tweet (001-06) to Telegram's counts again, as it once was: the
    # register must place the unit change at the tweet's author, never at the outlet
    # that embeds the tweet verbatim.
    _edit_claim(project, "001", "001-06", "facts", "[telegram-isiswatch-2019-11-22, telegram-isiswatch-2019-11-23]")
    _edit_claim(project, "001", "001-06", "grade", "{reliability: B, credibility: 3, reason: seeded}")
    ev = load_evidence(project)
    row = ev.register[ev.register["claims"] == "001-06"].iloc[0]
    assert row.entered_at == "abdirahim-saeed" and "embedded verbatim by Akhbar Al Aan" in row.entered_basis
    forged = replace(rules.Inputs.of(ev), register=ev.register.assign(
        entered_at=ev.register["entered_at"].where(ev.register["claims"] != "001-06", "akhbar-al-aan")))
    found = rules.embedded_quotes_are_no_entry_point(forged)
    assert [(b.rule, b.id) for b in found] == [("embedded-quotes-are-no-entry-point", "001-06")]


def test_no_entry_point_for_what_is_no_error():
    row = EV.register.set_index("case").loc["d-000-10"]
    assert row.status == "possible" and row.entered_at == ""
    found = rules.no_entry_point_for_what_is_no_error(_forged("d-000-10", entered_at="unnamed-outlet-000"))
    assert [(b.rule, b.id) for b in found] == [("no-entry-point-for-what-is-no-error", "000-10")]
    assert "is possible but names an entry point" in found[0].message


def test_entry_points_were_read():
    row = EV.register.set_index("case").loc["d-002-20"]
    assert row.entered_at == "not located"            # The Telegraph's text on the raid was not read
    found = rules.entry_points_were_read(_forged("d-002-20", entered_at="the-telegraph"))
    assert [(b.rule, b.id) for b in found] == [("entry-points-were-read", "002-20")]
    # the outlet's own text (the article) was read: naming it breaks no rule
    assert rules.entry_points_were_read(_forged("d-002-20", entered_at="sada-el-balad")) == []


def test_a_guard_breach_stops_the_build_with_the_claims_line(monkeypatch):
    from analysis.errors import InputErrors
    forged = _forged("d-002-20", entered_at="the-telegraph").register
    monkeypatch.setattr(type(EV), "register", property(lambda self: forged))
    with pytest.raises(InputErrors) as err:
        rules.enforce(EV)
    (only,) = err.value.errors
    assert re.match(r"data/annotations/002\.yaml:\d+ \(claim 002-20\): case d-002-20 says the change entered "
                    r"at the-telegraph", str(only))


# --- the codebook page prints the rules from the module ---------------------------------------
def test_rules_table_is_the_rules():
    table = rules.rules_table()
    assert list(table["rule"]) == [r.name for r in rules.RULES]
    assert list(table["statement"]) == [r.statement for r in rules.RULES]
    assert set(table["enforced by"].str.split(" ").str[0]) == {"make", "the"}
