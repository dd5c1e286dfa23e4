"""The window's modules load without the HTTP stack and keyring.

Both are loaded when first needed, after the window shows (worker threads import the client;
the keyring is read when signing in), which keeps start-up short — see the bundle benchmark.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import gui.app, gui.main_window
print(",".join(m for m in ("requests", "urllib3", "keyring") if m in sys.modules))
"""


def test_window_modules_do_not_load_requests_or_keyring() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == ""
