"""The README's quick start is true: its two commands exist, CI calls the test command, and the
run command really starts the app (migrate, content, demo account) on a fresh SQLite folder."""

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def first_screen_commands() -> list[str]:
    first_screen = README.split("\n---\n")[0]
    return re.findall(r"```sh\n(.+?)\n```", first_screen, re.S)


def test_first_screen_has_exactly_two_commands():
    assert first_screen_commands() == ["./scripts/run", "./scripts/test"]


def test_ci_calls_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert first_screen_commands()[1] in ci.splitlines()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.readme
def test_run_command_serves_the_app_with_demo_account(tmp_path):
    port = _free_port()
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env["MBCNAV_DATA_DIR"] = str(tmp_path)
    proc = subprocess.Popen(
        [str(ROOT / "scripts" / "run"), "--port", str(port), "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.time() + 240
        body = ""
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as resp:
                    body = resp.read().decode()
                    break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(1)
        assert "MBC Navigator" in body, (
            proc.stdout.read() if proc.poll() is not None else "no answer"
        )
        login = (
            urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5)
            .read()
            .decode()
        )
        assert "csrfmiddlewaretoken" in login
        assert (tmp_path / "mbcnav.sqlite3").exists()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)  # gunicorn's quick shutdown
        out = proc.communicate(timeout=90)[0]
    assert "demo@example.org" in out
