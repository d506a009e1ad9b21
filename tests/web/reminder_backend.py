"""An email backend for the worker-process test: it says when a send has started, then blocks
until a gate file exists, then writes each message to a file (one file = one email sent)."""

import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class Backend(BaseEmailBackend):
    def send_messages(self, messages):
        folder = Path(os.environ["MBCNAV_TEST_MAIL_DIR"])
        (folder / f"started-{os.getpid()}").write_text("sending")
        while not (folder / "gate").exists():  # the test kills us here, mid-send
            time.sleep(0.05)
        for message in messages:
            tmp = folder / f".{uuid.uuid4().hex}"
            tmp.write_bytes(message.message().as_bytes())
            tmp.rename(folder / f"{uuid.uuid4().hex}.eml")
        return len(messages)
