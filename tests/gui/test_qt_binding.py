"""The Qt binding we install survives a long session.

PySide6-Essentials 6.12.0 on Python 3.11 loses a reference to None on every void call, and
the process aborts ("none_dealloc") after a few thousand calls; pyproject.toml keeps it out.
"""

from __future__ import annotations

import os
import subprocess
import sys

LONG_SESSION = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for _ in range(20000):
    label.setText("x")
print("alive")
"""


def test_many_void_calls_do_not_abort_the_process() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", LONG_SESSION], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "alive"
