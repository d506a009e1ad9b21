"""Render article Markdown to HTML: footnote markers become numbered links to the source list."""

from __future__ import annotations

import html
import re

import markdown

from mbcnav.library.articles import CITATION, Article, Section

EXTENSIONS = ["tables", "sane_lists", "smarty"]


def _cite(article: Article, source_id: str) -> str:
    source = article.source(source_id)
    if source is None:  # the loader forbids this; kept for safety
        return ""
    title = html.escape(f"{source.publisher}: {source.title}", quote=True)
    return (
        f'<sup class="cite"><a href="#source-{source.number}" title="{title}">'
        f"[{source.number}]</a></sup>"
    )


def markdown_html(article: Article, text: str) -> str:
    """Markdown (with ``[^id]`` markers) to HTML; raw HTML in the text is escaped."""
    text = html.escape(text, quote=False).replace("&gt;", ">")  # keep block quotes working
    text = re.sub(r"[ \t]*" + CITATION.pattern, lambda m: _cite(article, m.group(1)), text)
    return markdown.markdown(text, extensions=EXTENSIONS, output_format="html")


def section_html(article: Article, section: Section) -> str:
    """One section body as HTML (without its heading)."""
    return markdown_html(article, section.markdown)


def article_html(article: Article, link=None) -> list[tuple[Section, str]]:
    """Each section with its HTML body; ``link`` (html -> html) may add glossary links."""
    out = []
    for section in article.sections:
        body = section_html(article, section)
        out.append((section, link(body) if link else body))
    return out
