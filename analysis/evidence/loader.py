"""Everything the chapters reason from, loaded and validated once.

The corpus, the entity registry, events, primary-source facts and claim
annotations, and what is computed from them (the claims and facts tables,
the discrepancy register, the one-voice table, the headline definitions).
``prepare`` writes these tables; the chapters and tests use the same object,
so no one re-implements the loading order.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from . import claims as claimsmod
from . import facts as factsmod
from ..corpus.articles import Corpus, load_corpus
from ..corpus.translations import Translation, load_translations
from ..paths import PATHS, Paths


@dataclass
class Evidence:
    corpus: Corpus
    entities: pd.DataFrame
    events: dict
    facts: list
    claims: list
    translations: dict[str, Translation]

    @property
    def paths(self) -> Paths:
        return self.corpus.paths

    @cached_property
    def names(self) -> dict[str, str]:
        """Entity id → English name."""
        return dict(zip(self.entities["id"], self.entities["name_en"]))

    @cached_property
    def kinds(self) -> dict[str, str]:
        """Entity id → platform | organization | person | outlet."""
        return dict(zip(self.entities["id"], self.entities["kind"]))

    @cached_property
    def texts(self) -> dict[str, str]:
        return {a.id: a.raw for a in self.corpus}

    @cached_property
    def verbatim(self) -> dict[str, list[tuple[int, int]]]:
        """Article id → raw spans it quotes verbatim: its embedded tweets, signature included."""
        return {a.id: [(t.start, t.end) for t in a.tweets] for a in self.corpus}

    @cached_property
    def claims_table(self) -> pd.DataFrame:
        return claimsmod.claims_frame(self.claims, {a.id: a.language for a in self.corpus})

    @cached_property
    def facts_table(self) -> pd.DataFrame:
        return factsmod.facts_frame(self.facts)

    @cached_property
    def fact_platforms(self) -> dict[str, list[str]]:
        """Fact id -> the platforms it is about (``facts.fact_platforms``):
        worked out once, with the evidence, so a chapter that draws facts by
        platform needs no extractor of its own."""
        return {f["id"]: factsmod.fact_platforms(f, self.kinds)
                for f in self.facts_table.to_dict("records")}

    @cached_property
    def findings(self) -> list:
        """The register rules' findings (``register.findings``), computed once:
        the register and the chapters' case texts are both made from them."""
        from .register import context, findings
        return findings(context(self.claims, self.facts, self.entities, self.texts, self.events,
                                self.verbatim))

    @cached_property
    def register(self) -> pd.DataFrame:
        from .register import build_register
        return build_register(self.claims, self.facts, self.entities, self.texts, self.events, self.verbatim,
                              found=self.findings)

    @cached_property
    def voices(self) -> pd.DataFrame:
        from .register import voices
        return voices(self.claims, self.facts)

    @cached_property
    def headline(self) -> pd.DataFrame:
        from .headline import headline_definitions
        return headline_definitions(self.facts, self.claims)


def load_evidence(paths: Paths = PATHS, corpus: Corpus | None = None) -> Evidence:
    """Load and validate in dependency order: corpus, entities, events, facts, claims,
    translations.

    This is the build's gate (step 1): a problem of reading stops it at once
    with one InputError naming the file; then the codebook's rules
    (``codebook_rules``) run over the claims, facts and register, and every
    breach is reported, one line each.
    """
    corpus = corpus if corpus is not None else load_corpus(paths)
    entities = factsmod.load_entities(paths)
    events = factsmod.load_events(paths)
    facts = factsmod.load_facts(paths, set(entities["id"]), events)
    claims = claimsmod.load_claims(paths, corpus, facts)
    translations = load_translations(paths, corpus)
    evidence = Evidence(corpus, entities, events, facts, claims, translations)
    # The codebook as checks: every breach of its rules, one line each.
    from .codebook_rules import enforce
    enforce(evidence)
    return evidence
