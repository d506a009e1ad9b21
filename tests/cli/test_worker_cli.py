"""`mbcnav worker`: a bad --now is one sentence and exit 2."""

from click.testing import CliRunner

from mbcnav.cli import main


def test_bad_now_is_one_sentence_and_exit_2():
    result = CliRunner().invoke(main, ["worker", "--once", "--now", "next tuesday"])
    assert result.exit_code == 2
    assert (
        "--now must be a date and time like 2026-12-07T18:30+00:00; you wrote next tuesday."
        in result.output
    )
    result = CliRunner().invoke(main, ["worker", "--once", "--now", "2026-12-07T18:30"])
    assert result.exit_code == 2 and "must include a time zone" in result.output


def test_once_says_why_nothing_is_queued_with_a_loopback_site_url(db, settings):
    settings.MBCNAV_SITE_URL, settings.DEBUG = "http://127.0.0.1:8000", False
    result = CliRunner().invoke(main, ["worker", "--once", "--now", "2026-12-07T00:05+00:00"])
    assert result.exit_code == 0, result.output
    assert "Not queuing reminder emails: MBCNAV_SITE_URL is http://127.0.0.1:8000" in result.output
    assert "Queued 0, sent 0." in result.output
