"""Shared helpers for the library engine tests: fixture articles and a writer for bad ones."""

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "articles"

GOOD = """---
title: {title}
slug: {slug}
summary: A short summary.
topic: {topic}
as_of: 2026-11-21
reviewed: 2026-11-21
sources:
  - id: nci
    publisher: National Cancer Institute
    title: Some page
    url: https://www.cancer.gov/
    read: 2026-11-21
tags:
  subtypes: {subtypes}
  sites: {sites}
  drug_classes: []
---
## {heading}

{body}[^nci]
"""


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def write_article(tmp_path):
    """Write an article file into tmp_path/articles and return its path."""
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)

    def write(slug="sample", text=None, **fields):
        values = {
            "title": "Sample article",
            "slug": slug,
            "topic": "basics",
            "subtypes": "[]",
            "sites": "[]",
            "heading": "A question",
            "body": "A plain answer.",
        }
        values.update(fields)
        path = folder / f"{slug}.md"
        path.write_text(text if text is not None else GOOD.format(**values), encoding="utf-8")
        return path

    return write
