"""The bare PySide6 window that benchmarks/bench_bundle.py freezes as the baseline.

It imports what every Qt widgets app imports at start (QtCore, QtGui, QtWidgets), shows a
QMainWindow with a label, and quits on the first event-loop tick after ``show()``, printing
``shown_at=<epoch seconds>`` so the benchmark can measure process start → window shown.
``--version`` exits before the QApplication exists (like argparse's --version in gui/app.py);
``--stay`` keeps the window open (the X11 measurement kills the process itself).
"""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

TITLE = "bench-bare-window"


def main() -> int:
    if "--version" in sys.argv:
        print("bare 1.0")
        return 0
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle(TITLE)
    window.setCentralWidget(QLabel("Hello from a bare PySide6 window"))
    window.resize(640, 400)
    window.show()

    def on_first_tick() -> None:
        print(f"shown_at={time.time():.6f}", flush=True)
        if "--stay" not in sys.argv:
            app.quit()

    QTimer.singleShot(0, on_first_tick)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
