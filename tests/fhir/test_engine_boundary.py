"""The FHIR engine is plain Python: importing it pulls in no Django, web or CLI code."""

import subprocess
import sys


def test_the_fhir_engine_imports_no_django_web_or_cli():
    code = (
        "import sys, mbcnav.fhir, mbcnav.fhir.smart\n"
        "bad = [m for m in sys.modules if m == 'django' or m.startswith(('django.', 'mbcnav.web', 'mbcnav.cli'))]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
