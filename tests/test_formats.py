"""The evidence in standard formats: the Data Package validates with frictionless, and
the claims validate as W3C Web Annotations against the W3C test suite's schemas.

Each check is also shown failing on a seeded fault (a changed file, a type the data
does not fit, an annotation without a target), so that none of them passes vacuously.
"""
from __future__ import annotations

import copy
import csv
import io
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from analysis.book import formats
from analysis.paths import REPO_ROOT
from tests.conftest import assert_one_clear_error, copy_project, run_cli

SCHEMAS = REPO_ROOT / "tests" / "schemas" / "web-annotation"


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    paths = copy_project(tmp_path_factory.mktemp("formats") / "project")
    run_cli("prepare", root=paths.root, check=True)
    return paths


def _frictionless(package: Path):
    import frictionless
    return frictionless.validate(str(package))


def _errors(report) -> list[tuple[str, str]]:
    """(table, error type) of every error of a frictionless report."""
    return [(t.name, e.type) for t in report.tasks for e in t.errors] + [("", e.type) for e in report.errors]


# --- the Data Package ------------------------------------------------------------------------
def test_the_data_package_validates_with_frictionless(prepared):
    report = _frictionless(prepared.processed / "datapackage.json")
    assert report.valid, _errors(report)[:10]
    package = json.loads((prepared.processed / "datapackage.json").read_text("utf-8"))
    tables = sorted(p.name for p in prepared.processed.glob("*.csv"))
    assert sorted(r["path"] for r in package["resources"]) == tables     # every processed table
    assert all(r["schema"]["fields"] for r in package["resources"])


def test_the_schema_is_the_data_dictionary(prepared):
    dictionary = formats.read_dictionary((prepared.data / "DATA-DICTIONARY.md").read_text("utf-8"))
    package = json.loads((prepared.processed / "datapackage.json").read_text("utf-8"))
    csvs = {p.name for p in prepared.processed.glob("*.csv")}
    assert set(dictionary) == csvs          # a section for every table, a table for every section
    for r in package["resources"]:
        header = next(csv.reader(io.StringIO((prepared.processed / r["path"]).read_text("utf-8"))))
        described = dictionary[r["path"]]["fields"]
        assert [f["name"] for f in r["schema"]["fields"]] == header
        assert set(described) == set(header), (r["path"], set(described) ^ set(header))
        for f in r["schema"]["fields"]:
            assert (f["type"], f["description"]) == described[f["name"]]
        assert r["schema"].get("primaryKey", []) == dictionary[r["path"]]["key"]
    keyed = {r["path"] for r in package["resources"] if r["schema"].get("primaryKey")}
    assert {"claims.csv", "facts.csv", "discrepancies.csv", "articles.csv"} <= keyed


def test_a_column_the_dictionary_does_not_describe_stops_prepare(project):
    path = project.data / "DATA-DICTIONARY.md"
    text = path.read_text("utf-8")
    row = next(l for l in text.split("\n") if l.startswith("| `grade_reason` |"))
    path.write_text(text.replace(row + "\n", ""), encoding="utf-8")
    assert_one_clear_error(run_cli("prepare", root=project.root), "data/DATA-DICTIONARY.md",
                           "column 'grade_reason' of claims.csv is not described")


def test_frictionless_refuses_a_type_the_data_does_not_fit(project):
    path = project.data / "DATA-DICTIONARY.md"
    text = path.read_text("utf-8")
    path.write_text(text.replace("| `grade_reason` | string |", "| `grade_reason` | integer |"), encoding="utf-8")
    run_cli("prepare", root=project.root, check=True)
    report = _frictionless(project.processed / "datapackage.json")
    assert not report.valid
    errors = _errors(report)
    assert ("claims", "type-error") in errors and {t for t, _ in errors} == {"claims"}


def test_frictionless_refuses_a_table_changed_after_prepare(prepared, tmp_path):
    import shutil
    copy = tmp_path / "processed"
    shutil.copytree(prepared.processed, copy)
    facts = copy / "facts.csv"
    facts.write_text(facts.read_text("utf-8").replace("over 26,000", "over 27,000", 1), encoding="utf-8")
    errors = _errors(_frictionless(copy / "datapackage.json"))
    assert ("facts", "hash-count") in errors and {t for t, _ in errors} == {"facts"}


def test_package_is_reproducible(prepared):
    before = (prepared.processed / "datapackage.json").read_bytes(), (prepared.processed / "claims.jsonld").read_bytes()
    run_cli("prepare", root=prepared.root, check=True)
    after = (prepared.processed / "datapackage.json").read_bytes(), (prepared.processed / "claims.jsonld").read_bytes()
    assert before == after


# --- the Web Annotations ----------------------------------------------------------------------
def _registry() -> Registry:
    resources = []
    for path in (SCHEMAS / "definitions").glob("*.json"):
        schema = json.loads(path.read_text("utf-8"))
        resources.append((schema["id"], Resource.from_contents(schema, default_specification=DRAFT4)))
    return Registry().with_resources(resources)


def _assertions(test_file: str) -> list[dict]:
    names = json.loads((SCHEMAS / test_file).read_text("utf-8"))["assertions"]
    return [json.loads((SCHEMAS / n).read_text("utf-8")) for n in names]


REGISTRY = _registry()
MUSTS = {kind: _assertions(f) for kind, f in (("annotation", "annotations/annotationMusts.test"),
                                              ("collection", "collections/collectionMusts.test"),
                                              ("page", "collections/pages/pageMusts.test"))}


def w3c_failures(instance: dict, kind: str) -> list[str]:
    """The W3C MUST assertions ``instance`` fails (an empty list: it conforms)."""
    failed = []
    for schema in MUSTS[kind]:
        valid = Draft4Validator(schema, registry=REGISTRY).is_valid(instance)
        if valid != (schema.get("expectedResult", "valid") == "valid"):
            failed.append(schema["id"])
    return failed


@pytest.fixture(scope="module")
def annotations(prepared):
    return json.loads((prepared.processed / "claims.jsonld").read_text("utf-8"))


def test_the_collection_page_and_every_annotation_meet_the_w3c_musts(annotations):
    collection = {k: v for k, v in annotations.items() if k != "first"} | {"first": annotations["first"]["id"]}
    assert w3c_failures(collection, "collection") == []
    page = {"@context": annotations["@context"], **{k: v for k, v in annotations["first"].items()}}
    assert w3c_failures(page, "page") == []
    items = annotations["first"]["items"]
    assert len(items) == annotations["total"] > 0
    for item in items:
        anno = {"@context": annotations["@context"], **item}
        assert w3c_failures(anno, "annotation") == [], item["label"]


def test_the_w3c_schemas_refuse_a_broken_annotation(annotations):
    anno = {"@context": annotations["@context"], **copy.deepcopy(annotations["first"]["items"][0])}
    assert w3c_failures(anno, "annotation") == []
    no_target = {k: v for k, v in anno.items() if k != "target"}
    assert "3.1-targetKeyFound.json" in w3c_failures(no_target, "annotation")
    bad_quote = copy.deepcopy(anno)
    del bad_quote["target"]["selector"][0]["exact"]
    assert "4.2.4-textQuoteSelectorValid.json" in w3c_failures(bad_quote, "annotation")
    bad_position = copy.deepcopy(anno)
    bad_position["target"]["selector"][1]["start"] = "nine"
    assert "4.2-textDataPositionSelectorValid.json" in w3c_failures(bad_position, "annotation")


def test_each_annotation_selects_its_claim_in_the_raw_file(prepared, annotations):
    from analysis.evidence.loader import load_evidence
    ev = load_evidence(prepared)
    claims = {formats.annotation_id(c.id): c for c in ev.claims}
    items = annotations["first"]["items"]
    assert sorted(i["id"] for i in items) == sorted(claims)       # one per claim, ids stable
    for item in items:
        assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", item["id"])
        c = claims[item["id"]]
        source = (prepared.processed / item["target"]["source"]["id"]).resolve()
        raw = source.read_bytes().decode("utf-8-sig")               # the README's offsets
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        assert raw[position["start"]:position["end"]] == quote["exact"] == c.quote
        assert raw[:position["start"]].endswith(quote.get("prefix", ""))
        assert raw[position["end"]:].startswith(quote.get("suffix", ""))
        bodies = {b["purpose"]: b["value"] for b in item["body"]}
        assert bodies["describing"] == c.translation
        assert bodies["assessing"].startswith(f"Admiralty grade {c.grade.code}: ") and c.grade.reason in bodies["assessing"]
        assert bodies["classifying"] == c.type
