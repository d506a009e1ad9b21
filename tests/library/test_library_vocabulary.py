"""Patient vocabulary: normalising, stemming, synonyms, drug names and the synonyms file."""

import pytest

from mbcnav.library.errors import LibraryError
from mbcnav.library.vocabulary import analyse, normalise, read_synonyms, synonyms


def test_normalise_spells_out_receptor_signs():
    assert normalise("HR+/HER2-").split() == ["hr", "positive", "/her2", "negative"]
    assert "positive" in normalise("HER2+ cancer")
    assert normalise("HER2-low") == "her2-low"


def test_analyse_drops_stop_words_and_stems_plurals():
    assert analyse("What are the bones?") == ["bone"]
    assert analyse("scans") == analyse("scan")


def test_gene_names_also_match_their_family():
    assert "brca" in analyse("BRCA1 and BRCA2")


def test_word_families_join_forms_the_stemmer_misses():
    assert analyse("curable") == analyse("cured") == analyse("cure")
    assert analyse("metastatic") == analyse("metastases")


def test_stage_4_expands_to_metastatic_words():
    extras = {extra for _, extra, _ in synonyms().expansions("is stage 4 curable")}
    assert {"stage iv", "metastatic", "advanced breast cancer"} <= extras


def test_ned_expands_to_remission():
    extras = {extra for _, extra, _ in synonyms().expansions("what is NED")}
    assert "no evidence of disease" in extras and "remission" in extras


def test_brand_name_expands_to_generic_at_full_weight_and_class():
    pairs = synonyms().expansions("side effects of Ibrance")
    assert ("ibrance", "palbociclib", 1.0) in pairs
    assert any(extra == "cdk4 6 inhibitor" and w < 1.0 for _, extra, w in pairs)
    assert ("kisqali", "ribociclib", 1.0) in synonyms().expansions("kisqali")


def test_misspellings_and_shorthand_are_fixed():
    assert synonyms().correct("brest cancer mets") == "breast cancer metastases"


def test_synonyms_file_errors_name_the_entry(tmp_path):
    bad = tmp_path / "syn.yaml"
    bad.write_text("as_of: 2026-11-21\nsource: {publisher: NCI}\ngroups:\n  - [alone]\n")
    with pytest.raises(LibraryError, match=r"syn\.yaml: groups\[1\] must list at least two"):
        read_synonyms(bad, drugs_file=None)
    bad.write_text("groups: []\n")
    with pytest.raises(LibraryError, match=r"field 'as_of' is missing"):
        read_synonyms(bad, drugs_file=None)
