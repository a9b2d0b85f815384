"""Claim annotations and facts: schema, loading, and one clear line for each kind of bad input."""
from __future__ import annotations

import re

import pytest

from analysis.evidence.claims import CLAIMS_TABLE_COLUMNS, claims_frame, load_claims
from analysis.corpus.articles import load_corpus
from analysis.errors import InputError
from analysis.evidence.facts import facts_frame, load_facts
from analysis.paths import PATHS
from tests.conftest import assert_one_clear_error, run_cli, set_fact

CLAIMS = load_claims(PATHS)
FACTS = load_facts(PATHS)


def _edit_claim(project, article: str, claim_id: str, field: str, new: str) -> None:
    """Replace one field's line inside one claim's block, leaving the rest of the file alone."""
    path = project.annotations / f"{article}.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"- id: {claim_id}")
    for i in range(start + 1, len(lines)):
        if lines[i].startswith(f"  {field}:"):
            lines[i] = f"  {field}: {new}"
            break
        if lines[i].startswith("- id:"):
            raise AssertionError(f"{field} not in {claim_id}")
    path.write_text("\n".join(lines), encoding="utf-8")


def _validate(project, *fragments):
    return assert_one_clear_error(run_cli("validate", root=project.root), *fragments)


# --- the data as committed ------------------------------------------------------
def test_all_claims_load_and_quote_their_text():
    corpus = load_corpus(PATHS)
    assert len(CLAIMS) == 96   # 95, and 002-24: the duration of 002-14, coded apart
    assert len({c.id for c in CLAIMS}) == len(CLAIMS)
    for c in CLAIMS:
        assert corpus.get(c.article).raw[c.start:c.end] == c.quote


def test_claims_table():
    df = claims_frame(CLAIMS, {"000": "fa", "001": "ar", "002": "ar", "003": "ar", "004": "ar"})
    assert list(df.columns) == CLAIMS_TABLE_COLUMNS
    row = df.set_index("id").loc["002-14"]
    assert row.issuer == "amarnath-amarasingam" and row.reporter == "sada-el-balad"
    assert row.grade == "C3" and row.value == "1200" and row.measure_family == "observation"
    assert df.set_index("id").loc["001-06", "language"] == "en"   # an English tweet in an Arabic article
    assert df.set_index("id").loc["000-10", "language"] == "fa"
    assert list(df["id"]) == sorted(df["id"])


def test_facts_table_normalises_bounds_and_place():
    df = facts_frame(FACTS).set_index("id")
    assert df.loc["europol-2019-referrals", "qualifier"] == "at_least"
    # "almost" and "nearly" are approx in the lexicon, for facts as for claims
    assert df.loc["isd-tamtam-2019-channels", "qualifier"] == "approx"
    assert df.loc["telegraph-2019-merged-accounts", "qualifier"] == "approx"
    assert df.loc["telegram-2015-10bn", "qualifier"] == "at_least"     # "over 10 billion"
    assert df.loc["reuters-2019-items", "qualifier"] == "approx"
    assert df.loc["telegram-isiswatch-typical", "qualifier"] == "range"
    assert df.loc["telegram-2015-channels", "qualifier"] == "exact"
    assert df.loc["baghdadi-2019-death", "place"] == "north-west Syria"
    assert df.loc["telegram-2015-volume", "measure_family"] == "message_volume"


def test_seed_validates_with_claims(project):
    proc = run_cli("validate", root=project.root)
    assert proc.returncode == 0, proc.stderr
    assert "96 claims" in proc.stdout


# --- each kind of bad annotation stops with one line ---------------------------------
def test_quote_not_at_its_offsets_names_file_and_claim(project):
    _edit_claim(project, "002", "002-07", "start", "701")
    line = _validate(project, "data/annotations/002.yaml", "(claim 002-07)",
                     "quote is not the raw text at 701:959", "the text there is")
    assert "the quote is at 700:959" in line   # the fix is offered


def test_quote_check_in_the_api(project):
    _edit_claim(project, "004", "004-07", "end", "99999")
    with pytest.raises(InputError, match=r"004\.yaml:\d+ \(claim 004-07\): quote is not the raw text"):
        load_claims(project)


def test_yaml_that_does_not_parse_names_the_line(project):
    path = project.annotations / "003.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[9] = lines[9] + " ]["
    path.write_text("\n".join(lines), encoding="utf-8")
    line = _validate(project, "data/annotations/003.yaml:", "YAML does not parse")
    assert re.search(r"003\.yaml:(9|10|11):", line), line


@pytest.mark.parametrize("field, value, fragments", [
    ("type", "rumour", ["type: 'rumour' is not allowed"]),
    ("qualifier", "roughly", ["qualifier: 'roughly' is not allowed"]),
    ("grade", "{reliability: G, credibility: 2, reason: bad letter}", ["grade.reliability"]),
    ("grade", "{reliability: C, credibility: 7, reason: bad digit}", ["grade.credibility"]),
    ("measure", "deleted", ["unknown measure 'deleted'"]),
    ("event_date", "2019-13", ["event_date"]),
    ("facts", "[no-such-fact]", ["fact 'no-such-fact' is not in data/reference/facts.csv"]),
    ("actors", "[telegram, nobody-known]", ["unknown entity id 'nobody-known' in actors"]),
    ("attribution", "[sada-el-balad, ghost-outlet]", ["unknown entity id 'ghost-outlet' in attribution"]),
    ("platforms", "[europol]", ["'europol' in platforms is not a known platform id"]),
    ("event", "1999-nothing", ["event '1999-nothing' is not in data/reference/events.csv"]),
    ("unit", "widget", ["unit 'widget' is not one of"]),
])
def test_bad_field_names_file_and_claim(project, field, value, fragments):
    _edit_claim(project, "002", "002-15", field, value)
    _validate(project, "data/annotations/002.yaml", "(claim 002-15)", *fragments)


def test_unknown_field(project):
    _edit_claim(project, "002", "002-15", "notes", "x\n  colour: red")
    _validate(project, "data/annotations/002.yaml", "(claim 002-15)", "unknown field 'colour'")


def test_duplicate_claim_id(project):
    path = project.annotations / "002.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("- id: 002-16", "- id: 002-15"), encoding="utf-8")
    _validate(project, "data/annotations/002.yaml", "(claim 002-15)", "duplicate claim id")


def test_annotation_for_an_article_not_in_the_manifest(project):
    src = (project.annotations / "004.yaml").read_text(encoding="utf-8")
    (project.annotations / "009.yaml").write_text(src.replace("article: '004'", "article: '009'"),
                                                  encoding="utf-8")
    _validate(project, "data/annotations/009.yaml", "article '009' is not in data/articles.csv")


def test_claim_id_must_carry_its_article(project):
    path = project.annotations / "002.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("- id: 002-15", "- id: 003-99"), encoding="utf-8")
    _validate(project, "data/annotations/002.yaml", "(claim 003-99)", "does not start with the article id")


def test_bad_fact_row_names_file_line_and_id(project):
    path = project.reference / "facts.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",item,referred,2019-11-21", ",item,forwarded,2019-11-21", 1), encoding="utf-8")
    _validate(project, "data/reference/facts.csv:2", "(fact europol-2019-referrals)", "unknown measure 'forwarded'")


def test_a_bad_annotation_stops_the_build_at_step_one(project):
    _edit_claim(project, "002", "002-07", "start", "701")
    proc = run_cli("build", root=project.root)
    assert_one_clear_error(proc, "data/annotations/002.yaml", "(claim 002-07)")
    assert "[2/7]" not in proc.stdout
    assert not (project.root / "_build" / "html").exists()


# --- addresses: every source_url names a page, or the fact says why none exists ------------------
def test_every_address_names_a_page_or_the_fact_says_why():
    from urllib.parse import urlsplit
    for f in FACTS:
        bare = [u for u in f.source_url if urlsplit(u).path in ("", "/")]
        if bare or not f.source_url:
            assert f.address_note.strip(), f.id
        if not any(urlsplit(u).path not in ("", "/") for u in f.source_url):
            assert f.confidence == "unverified", f.id     # read at no page
    by_id = {f.id: f for f in FACTS}
    assert by_id["telegraph-2019-merged-items"].source_url == [
        "https://www.enewsfuse.com/isil-finds-new-online-home-after-telegram-messaging-service-purge-2/"]
    assert by_id["vk-2006-founding"].address_note and by_id["tamtam-launch"].confidence == "unverified"


def test_a_bare_site_address_needs_a_reason(project):
    line = set_fact(project, "tamtam-launch", address_note="")
    _validate(project, f"data/reference/facts.csv:{line} (fact tamtam-launch)",
              "address 'https://tass.ru' has no path", "address_note")


def test_a_fact_with_no_address_needs_a_reason(project):
    line = set_fact(project, "london-bridge-2019", address_note="")
    _validate(project, f"data/reference/facts.csv:{line} (fact london-bridge-2019)", "no address")


def test_a_fact_read_at_no_page_is_unverified(project):
    line = set_fact(project, "tamtam-launch", confidence="secondary")
    _validate(project, f"data/reference/facts.csv:{line} (fact tamtam-launch)",
              "confidence 'secondary' needs an address with a path")
