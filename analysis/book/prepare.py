"""Pipeline step ``prepare``: verified corpus → tables in ``data/processed/``.

Outputs are written only after the whole corpus has passed validation, each
file atomically, in a fixed order with fixed formatting, so that two runs on
the same inputs give byte-identical files.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from . import formats
from ..chapters import corpus_tables
from ..display import spreadsheet
from ..text import files
from ..corpus.articles import Corpus
from ..evidence.loader import Evidence, load_evidence
from ..paths import PATHS, Paths


def write_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless it already holds exactly that. Returns True if written."""
    if path.exists() and path.read_bytes() == data:
        return False  # unchanged: keep the mtime so downstream steps can skip
    files.write_atomic(path, data)
    return True


def csv_bytes(df: pd.DataFrame) -> bytes:
    """Every table here is offered for download: formula-like cells are neutralised."""
    return spreadsheet.csv_bytes(df)


def processed_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    return {
        "articles.csv": corpus_tables.articles_table(corpus),
        "paragraphs.csv": corpus_tables.paragraphs_table(corpus),
        "tweets.csv": corpus_tables.tweets_table(corpus),
        "cleaning.csv": corpus_tables.cleaning_table(corpus),
    }


def reference_tables(evidence: Evidence) -> dict[str, pd.DataFrame]:
    """Claims, facts and what is computed from them (see data/DATA-DICTIONARY.md)."""
    return {
        "claims.csv": evidence.claims_table,
        "facts.csv": evidence.facts_table,
        "discrepancies.csv": evidence.register,
        "voices.csv": evidence.voices,
        "headline.csv": evidence.headline,
    }


def network_outputs(evidence: Evidence) -> dict[str, bytes]:
    """The migration and actor–platform graphs (GraphML, node-link JSON) and their edge
    tables, built from the claims and facts tables (see data/DATA-DICTIONARY.md)."""
    from ..chapters import network
    net = network.build(evidence.claims_table, evidence.facts_table, evidence.entities,
                        evidence.events, network.load_aliases(evidence.paths.gazetteer))
    return network.outputs(net)


def clean_text_record(article) -> dict:
    """The cleaned text and its edits: enough to rebuild the offset map."""
    return {
        "id": article.id,
        "sha256": article.row.sha256,
        "text": article.clean.text,
        "edits": [[e.start, e.end, e.replacement, e.rule] for e in article.clean.edits],
    }


def run(paths: Paths = PATHS, evidence: Evidence | None = None) -> list[Path]:
    """Write every derived table. ``evidence`` is the build's already-validated
    inputs; without it (the ``prepare`` command) they are loaded here."""
    evidence = evidence if evidence is not None else load_evidence(paths)
    corpus = evidence.corpus
    outputs: dict[Path, bytes] = {}
    for name, df in {**processed_tables(corpus), **reference_tables(evidence)}.items():
        outputs[paths.processed / name] = csv_bytes(df)
    for name, data in network_outputs(evidence).items():
        outputs[paths.processed / name] = data
    # The same evidence in standard formats (see analysis/book/formats.py and the dictionary).
    csvs = {p.name: data for p, data in outputs.items() if p.suffix == ".csv"}
    dictionary = (paths.data / formats.DICTIONARY).read_text(encoding="utf-8")
    outputs[paths.processed / "datapackage.json"] = formats.datapackage(csvs, dictionary)
    outputs[paths.processed / "claims.jsonld"] = formats.web_annotations(evidence, paths)
    for a in corpus:
        rec = json.dumps(clean_text_record(a), ensure_ascii=False, indent=1, sort_keys=True)
        outputs[paths.processed / "clean" / f"{a.id}.json"] = (rec + "\n").encode("utf-8")
    # Drop cleaned texts of articles no longer in the manifest.
    clean_dir = paths.processed / "clean"
    if clean_dir.is_dir():
        for stale in clean_dir.glob("*.json"):
            if stale not in outputs:
                stale.unlink()
    return [p for p, data in sorted(outputs.items()) if write_atomic(p, data)]
