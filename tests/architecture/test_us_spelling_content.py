"""What the engines show people is in US spelling (issue 17): library articles, and the data
files' shown fields (labels, explanations, questions, definitions, descriptions).

Kept as written: titles of sources and ClinicalTrials.gov text (quotes), and the vocabulary that
READS people's words (synonyms, keywords, patterns): people type "diarrhoea" or "tumour marker"
and the readers must still understand them (checked at the end).
"""

from __future__ import annotations

import yaml

from tests.spelling import SRC, british_in

# Files that only read people's or documents' words; nothing in them is shown as written.
READERS = {
    "library/data/synonyms.yaml",
    "library/data/scope.yaml",
    "patient/data/words.yaml",
    "trials/data/patterns.yaml",
    "reports/data/patterns.yaml",
}
# Fields that read words (or quote a source's own category names) rather than show ours.
READ_FIELDS = {"synonyms", "keywords", "patterns", "regex", "labels", "words", "match"}
READ_FIELDS |= {"no_match", "also_read", "covers", "source", "sources", "needs"}  # needs: words a
# question must hold for a passage written for one audience (library/data/audiences.yaml)
# exemplars: phrasings people type, which the semantic red-flag net compares the person's words
# with (triage/data/semantic_flags.yaml); never shown, and people write "colour" and "grey"
READ_FIELDS |= {"exemplars"}


def _shown(value, path: str, out: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if str(key) not in READ_FIELDS:
                _shown(item, f"{path}.{key}", out)
    elif isinstance(value, list):
        for item in value:
            _shown(item, path, out)
    elif isinstance(value, str) and (found := british_in(value)):
        out.append(f"{path}: {', '.join(found)}")


def test_data_files_show_us_spelling():
    found: list[str] = []
    files = [p for p in SRC.rglob("data/*.yaml") if str(p.relative_to(SRC)) not in READERS]
    assert len(files) > 20
    for path in files:
        _shown(yaml.safe_load(path.read_text("utf-8")), str(path.relative_to(SRC)), found)
    assert not found, found


def test_library_articles_are_in_us_spelling():
    articles = sorted(SRC.glob("library/articles/*.md"))
    assert len(articles) > 10
    found = [f"{p.name}: {w}" for p in articles for w in british_in(p.read_text("utf-8"))]
    assert not found, found


def test_engine_sentences_are_in_us_spelling():
    """String literals in engine code that people read (errors, verdicts, reasons)."""
    import re

    engines = ("care", "guide", "triage", "trials", "library", "patient", "fhir", "reports")
    literal = re.compile(r"f?\"((?:[^\"\\\n]|\\.)*)\"")
    found = [
        f"{path.relative_to(SRC)}: {w}"
        for engine in engines
        for path in (SRC / engine).rglob("*.py")
        for line in path.read_text("utf-8").splitlines()
        if not line.lstrip().startswith("#")
        for text in literal.findall(line)
        if " " in text.strip()  # sentences, not single reader words or regex pieces
        and not re.search(r"[\\(|\[]", text)  # regular expressions read words
        for w in british_in(text)
    ]
    assert not found, found


def test_readers_still_understand_british_spellings():
    from mbcnav.library.glossary import lookup
    from mbcnav.patient.vocabulary import normalise_symptom

    assert lookup("tumour marker").term == "tumor marker"
    assert normalise_symptom("diarrhoea")[0] == "diarrhea"
    assert normalise_symptom("grey lips")[0] == "blue lips or skin"
