"""docs/cli.md is generated from --help and must match the commands as they are."""

from pathlib import Path

from mbcnav.cli.docs import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_cli_docs_are_up_to_date():
    assert DOC.read_text(encoding="utf-8") == render(), "run: uv run python -m mbcnav.cli.docs"


def test_every_spec_command_is_documented():
    text = render()
    for cmd in (
        "mbcnav check",
        "mbcnav ask",
        "mbcnav guide",
        "mbcnav triage",
        "mbcnav trials match",
        "mbcnav trials judge",
        "mbcnav trials rank",
        "mbcnav fhir export",
        "mbcnav fhir import",
        "mbcnav import",
        "mbcnav export",
        "mbcnav serve",
        "mbcnav backup",
        "mbcnav restore",
        "mbcnav deploy-check",
    ):
        assert f"## `{cmd}`" in text, cmd
