"""`mbcnav guide PATIENT_FILE [--json] [--date D]` (spec/cli.md)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mbcnav.cli import main

EXAMPLES = Path(__file__).parent / "examples"


def run(*args):
    return CliRunner().invoke(main, ["guide", *args])


def test_json_output():
    result = run(str(EXAMPLES / "triple-negative-de-novo.yaml"), "--json", "--date", "2025-06-15")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["as_of"] == "2025-06-15"
    assert data["questions"] and all(
        {"text", "topic", "why", "article"} <= set(q) for q in data["questions"]
    )


def test_text_output_lists_questions_with_why():
    result = run(str(EXAMPLES / "hr-positive-second-line.yaml"), "--date", "2025-05-10")
    assert result.exit_code == 0
    assert "1. My cancer grew on Femara (letrozole)" in result.stdout
    assert "Why: Your CT scan on 1 May 2025" in result.stdout


def test_a_bad_file_exits_2_with_one_sentence(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: mbcnav-patient/1\nreceptors:\n  her2: IHC 4+\n", encoding="utf-8")
    result = run(str(bad))
    assert result.exit_code == 2
    assert "receptors.her2" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_a_bad_date_exits_2():
    result = run(str(EXAMPLES / "hr-positive-second-line.yaml"), "--date", "2025-13-01")
    assert result.exit_code == 2
