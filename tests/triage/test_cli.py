"""`mbcnav triage` exactly as in docs/cli.md."""

import json

import yaml
from click.testing import CliRunner

from mbcnav.cli import main

FILE = {
    "format": "mbcnav-patient/1",
    "metastases": [{"site": "bone"}],
    "treatments": [{"drugs": ["Enhertu"], "setting": "metastatic", "start": "2026-06-01"}],
    "symptoms": [
        {"date": "2026-11-10", "symptom": "fever", "temperature_c": 38.5},
        {"date": "2026-11-19", "symptom": "cough", "severity": "mild", "new": True},
        {"date": "2026-11-19", "symptom": "fatigue", "severity": "mild"},
    ],
}


def _file(tmp_path, data=FILE, name="p.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return str(path)


def test_json_output(tmp_path):
    res = CliRunner().invoke(main, ["triage", _file(tmp_path), "--json", "--date", "2026-11-20"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert set(data) == {"level", "advice", "reasons"}
    assert data["level"] == "urgent"
    assert [r["symptom"] for r in data["reasons"]] == ["cough", "fatigue"]
    assert all(set(r) == {"symptom", "level", "why"} for r in data["reasons"])


def test_date_selects_the_checkin(tmp_path):
    res = CliRunner().invoke(main, ["triage", _file(tmp_path), "--json", "--date", "2026-11-12"])
    assert json.loads(res.output)["level"] == "emergency"
    res = CliRunner().invoke(main, ["triage", _file(tmp_path), "--json", "--date", "2026-11-01"])
    assert json.loads(res.output) == {
        "level": "none",
        "advice": json.loads(res.output)["advice"],
        "reasons": [],
    }


def test_json_file_input(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps(FILE), encoding="utf-8")
    res = CliRunner().invoke(main, ["triage", str(path), "--json", "--date", "2026-11-20"])
    assert res.exit_code == 0 and json.loads(res.output)["level"] == "urgent"


def test_human_output_is_readable(tmp_path):
    res = CliRunner().invoke(main, ["triage", _file(tmp_path), "--date", "2026-11-12"])
    assert res.exit_code == 0
    first, second = res.output.splitlines()[:2]
    assert first.startswith("EMERGENCY")
    assert "911" in second
    assert "fever" in res.output


def test_bad_file_exits_2_with_one_sentence(tmp_path):
    bad = dict(FILE, symptoms=[{"date": "2026-11-19", "symptom": "cough", "severity": "terrible"}])
    res = CliRunner().invoke(main, ["triage", _file(tmp_path, bad), "--json"])
    assert res.exit_code == 2
    assert "Traceback" not in res.output
    assert "severity" in res.output


def test_bad_date_exits_2(tmp_path):
    res = CliRunner().invoke(main, ["triage", _file(tmp_path), "--date", "20-11-2026"])
    assert res.exit_code == 2


def test_old_checkin_is_flagged_in_text(tmp_path):
    res = CliRunner().invoke(main, ["triage", _file(tmp_path), "--date", "2026-11-21"])
    assert "Check-in read: 2026-11-19." in res.output
    res = CliRunner().invoke(main, ["triage", _file(tmp_path), "--date", "2026-11-18"])
    assert "8 days ago" in res.output


def test_free_text_plus_fields_on_the_cli_reach_the_sign_family(tmp_path):
    """Issue 20: on the CLI a red flag is entered as a term, or as `other symptom` with the
    person's words in `note` plus the usual fields; the words are read for sign families."""
    data = {
        "format": "mbcnav-patient/1",
        "symptoms": [
            {"date": "2026-11-19", "symptom": "seizure", "new": True},
            {
                "date": "2026-11-20",
                "symptom": "other symptom",
                "severity": "mild",
                "new": True,
                "note": "left hand keeps jerking on its own",
            },
        ],
    }
    res = CliRunner().invoke(
        main, ["triage", _file(tmp_path, data), "--json", "--date", "2026-11-20"]
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["level"] == "emergency" and "911" in out["advice"]
    data["symptoms"][1]["note"] = "something odd I cannot describe"
    data["symptoms"][1]["severity"] = "moderate"
    res = CliRunner().invoke(
        main, ["triage", _file(tmp_path, data), "--json", "--date", "2026-11-20"]
    )
    assert json.loads(res.output)["level"] == "urgent"  # unknown words: erring high, not dropped
    data["symptoms"][1].update(symptom="self-harm", severity=None)
    data["symptoms"][1].pop("severity")
    res = CliRunner().invoke(
        main, ["triage", _file(tmp_path, data), "--json", "--date", "2026-11-20"]
    )
    assert json.loads(res.output)["level"] == "emergency" and "988" in res.output


UNREAD_FILE = {
    "format": "mbcnav-patient/1",
    "symptoms": [
        {
            "date": "2026-11-19",
            "symptom": "other symptom",
            "severity": "moderate",
            "note": "insides all wrong",
        }
    ],
}


def test_unread_words_list_the_follow_up_questions_and_yes_answers_them(tmp_path):
    path = _file(tmp_path, UNREAD_FILE)
    res = CliRunner().invoke(main, ["triage", path, "--date", "2026-11-20"])
    assert res.exit_code == 0, res.output
    assert 'Some words could not be read: "insides all wrong".' in res.output
    assert "  suicidal-thoughts: Thoughts of ending your life" in res.output
    res = CliRunner().invoke(main, ["triage", path, "--date", "2026-11-20", "--json"])
    follow = json.loads(res.output)["follow_up"]
    assert follow["unread"] == ["insides all wrong"]
    assert "chest-pain" in {q["name"] for q in follow["questions"]}
    res = CliRunner().invoke(main, ["triage", path, "--date", "2026-11-20", "--yes", "chest-pain"])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("EMERGENCY")
    assert "Some words could not be read" not in res.output


def test_a_made_up_answer_is_one_sentence_and_exit_2(tmp_path):
    res = CliRunner().invoke(main, ["triage", _file(tmp_path, UNREAD_FILE), "--yes", "nope"])
    assert res.exit_code == 2
    assert "'nope' is not one of the follow-up questions" in res.output
