"""The evidence in standard formats: a Frictionless Data Package and W3C Web Annotations.

``datapackage.json``
    The processed CSV tables as a Frictionless Data Package (v2), one Table
    Schema per table. The schema is generated from ``data/DATA-DICTIONARY.md``
    itself, the one place the tables are described: each table's section
    lists its columns with a ``type`` and a ``meaning``, and a ``Key:`` line.
    So the dictionary and the schema cannot drift apart: a CSV column the
    dictionary does not describe stops ``prepare`` (one line naming the
    table and the column), and a type the data does not fit fails the
    package's validation (``tests/test_formats.py``).

    Validation uses the ``frictionless`` library (pinned in requirements.txt).
    It adds about 22 MB to the environment (frictionless itself, 8.5 MB, and
    petl, chardet, rich, typer, marko and smaller helpers; pydantic, jsonschema
    and requests were there already). That is a few per cent of an environment
    that holds Jupyter Book, pandas and matplotlib, and in return the package
    is checked by the reference implementation of the standard (types,
    primary keys, bytes and hashes against the files), not by a re-reading
    of it. It needs no network: its profiles are built in.

``claims.jsonld``
    Every claim as a W3C Web Annotation (JSON-LD): the raw article is the
    target, selected by a TextQuoteSelector and a TextPositionSelector; the
    translation, the grade and the claim's type are the bodies. Validated in
    the tests against the JSON Schemas of the W3C Web Annotation test suite
    (``tests/schemas/web-annotation/``): ``frictionless`` knows nothing of
    annotations, and ``jsonschema`` was pinned already.
"""
from __future__ import annotations

import hashlib
import json
import re
import uuid
from pathlib import Path
from typing import Mapping

from ..errors import InputError
from ..evidence.claims import Claim
from ..paths import Paths

DICTIONARY = "DATA-DICTIONARY.md"
TYPES = ("string", "integer", "number", "date")
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
# A fixed namespace: a claim's annotation keeps its id from build to build.
_CLAIM_NS = uuid.uuid5(uuid.NAMESPACE_URL, "messaging-platforms-report:claims")
_CONTEXT_CHARS = 32


# --- the dictionary, read as a schema --------------------------------------------------------
def read_dictionary(text: str, name: str = DICTIONARY) -> dict[str, dict]:
    """Table file name → {"title", "key", "fields": {column: (type, description)}}.

    Every ``## `x.csv`…`` section with a ``| column | type | meaning |`` table
    describes one CSV; a cell naming several columns gives each the row's type
    and meaning.
    """
    tables: dict[str, dict] = {}
    sections = re.split(r"(?m)^## ", text)
    for sec in sections[1:]:
        head, _, body = sec.partition("\n")
        m = re.match(r"`([^`]+\.csv)`:?\s*(.*)", head)
        if not m:
            continue
        key_line = re.search(r"(?m)^Key: (.+)\.$", body)
        fields: dict[str, tuple[str, str]] = {}
        in_table = False
        for line in body.split("\n"):
            if line.startswith("| column | type | meaning |"):
                in_table = True
                continue
            if in_table and line.startswith("| `"):
                cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
                if len(cells) != 3 or cells[1] not in TYPES:
                    raise InputError(name, f"section {m.group(1)}: a row needs a column, one of the types "
                                           f"{', '.join(TYPES)}, and a meaning: {line[:80]!r}")
                cols, kind, meaning = re.findall(r"`([^`]+)`", cells[0]), cells[1], cells[2]
                for c in cols:
                    fields[c] = (kind, meaning)
            elif in_table and not line.startswith("|"):
                in_table = False
        tables[m.group(1)] = {"title": m.group(2).strip(), "fields": fields,
                              "key": re.findall(r"`([^`]+)`", key_line.group(1)) if key_line else []}
    return tables


def table_schema(table: str, columns: list[str], dictionary: Mapping[str, dict]) -> dict:
    """The Table Schema of one CSV: its columns in order, typed and described by the dictionary."""
    if table not in dictionary:
        raise InputError(f"data/{DICTIONARY}", f"no section describes data/processed/{table}")
    described = dictionary[table]["fields"]
    missing = [c for c in columns if c not in described]
    if missing:
        raise InputError(f"data/{DICTIONARY}", f"column {missing[0]!r} of {table} is not described "
                                                 f"(its section has no row for it)")
    fields = []
    for c in columns:
        kind, meaning = described[c]
        field = {"name": c, "type": kind, "description": meaning}
        if kind == "date":
            field["format"] = "default"   # ISO 8601: YYYY-MM-DD
        fields.append(field)
    schema: dict = {"fields": fields, "missingValues": [""]}
    key = dictionary[table]["key"]
    if key:
        schema["primaryKey"] = key
    return schema


def _csv_header(data: bytes) -> list[str]:
    import csv
    import io
    return next(csv.reader(io.StringIO(data.decode("utf-8"))))


def datapackage(csvs: Mapping[str, bytes], dictionary_text: str, name: str = "messaging-platforms-evidence") -> bytes:
    """datapackage.json for the CSV tables ``csvs`` (file name → the bytes written)."""
    dictionary = read_dictionary(dictionary_text)
    resources = []
    for table in sorted(csvs):
        data = csvs[table]
        resources.append({
            "name": table.removesuffix(".csv").replace("_", "-"),
            "type": "table",
            "path": table,
            "scheme": "file",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": dictionary.get(table, {}).get("title", ""),
            "bytes": len(data),
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
            "schema": table_schema(table, _csv_header(data), dictionary),
        })
    package = {
        "$schema": PACKAGE_PROFILE,
        "name": name,
        "title": "Extremists on messaging platforms: the processed evidence tables",
        "description": ("Derived by `python -m analysis prepare` from the curated inputs; every table, "
                        "column, type and key is described in data/DATA-DICTIONARY.md, from which this "
                        "file is generated."),
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": resources,
    }
    return (json.dumps(package, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# --- claims as Web Annotations -----------------------------------------------------------------
def annotation_id(claim_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_CLAIM_NS, claim_id)}"


def web_annotation(claim: Claim, raw: str, raw_file: str, language: str) -> dict:
    """One claim as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/)."""
    prefix = raw[max(0, claim.start - _CONTEXT_CHARS):claim.start]
    suffix = raw[claim.end:claim.end + _CONTEXT_CHARS]
    quote_selector = {"type": "TextQuoteSelector", "exact": claim.quote}
    if prefix:
        quote_selector["prefix"] = prefix
    if suffix:
        quote_selector["suffix"] = suffix
    return {
        "@context": ANNO_CONTEXT,
        "id": annotation_id(claim.id),
        "type": "Annotation",
        "motivation": ["describing", "assessing"],
        "body": [
            {"type": "TextualBody", "purpose": "describing", "value": claim.translation,
             "format": "text/plain", "language": "en"},
            {"type": "TextualBody", "purpose": "assessing", "format": "text/plain", "language": "en",
             "value": f"Admiralty grade {claim.grade.code}: {claim.grade.reason}"},
            {"type": "TextualBody", "purpose": "classifying", "format": "text/plain", "language": "en",
             "value": claim.type},
        ],
        "target": {
            "type": "SpecificResource",
            "source": {"id": raw_file, "type": "Text", "format": "text/plain", "language": language},
            "selector": [quote_selector,
                         {"type": "TextPositionSelector", "start": claim.start, "end": claim.end}],
        },
        "label": f"claim {claim.id}",
    }


def web_annotations(evidence, paths: Paths) -> bytes:
    """claims.jsonld: an AnnotationCollection whose first page holds every claim's annotation."""
    languages = {a.id: a.language for a in evidence.corpus}
    files = {a.id: a.row.file for a in evidence.corpus}
    items = []
    for c in evidence.claims:
        raw_file = f"../raw/{files[c.article]}"   # relative to data/processed/
        items.append(web_annotation(c, evidence.texts[c.article], raw_file, languages[c.article]))
    collection = {
        "@context": ANNO_CONTEXT,
        "id": f"urn:uuid:{uuid.uuid5(_CLAIM_NS, 'collection')}",
        "type": "AnnotationCollection",
        "label": "Claims of the articles, as stand-off annotations of their raw texts",
        "total": len(items),
        "first": {"id": f"urn:uuid:{uuid.uuid5(_CLAIM_NS, 'page-1')}", "type": "AnnotationPage",
                  "startIndex": 0, "items": [{k: v for k, v in a.items() if k != "@context"} for a in items]},
    }
    return (json.dumps(collection, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
