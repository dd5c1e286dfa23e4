"""The bare PySide6 window that benchmarks/bench_bundle.py freezes as the baseline.

It imports what every Qt widgets app imports at start (QtCore, QtGui, QtWidgets) and shows a
QMainWindow with a label until it is killed; the benchmark times how long the window takes
to appear on an X screen. ``--version`` exits before the QApplication exists, like
argparse's --version in gui/app.py.
"""

import sys

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
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
