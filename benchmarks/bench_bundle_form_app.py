"""The app's first screen in plain PySide6: the second baseline of benchmarks/bench_bundle.py.

The same kinds and numbers of widgets as the window shows on a first start (menus; Account,
Date range, Report with its tabs and options, Filters; the Export row below a scroll area;
counted from the running window: 20 labels, 13 combo boxes, 9 buttons, 5 line edits, 4 check
boxes, 2 date fields, 5 group boxes, a tab widget), at its size, with no logic behind them.
Against the bare window it measures what Qt's widgets cost; against the app, what the
app's Python costs on top. ``--version`` exits before the QApplication, as the others do.
"""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

TITLE = "bench-form-window"


def combo(parent: QWidget, items: int) -> QComboBox:
    box = QComboBox(parent)
    box.addItems([f"Choice {n}" for n in range(items)])
    return box


def box(title: str, parent: QWidget) -> tuple[QGroupBox, QGridLayout]:
    group = QGroupBox(title, parent)
    return group, QGridLayout(group)


def account(parent: QWidget) -> QGroupBox:
    group, grid = box("Account", parent)
    key = QLineEdit(group)
    key.setEchoMode(QLineEdit.EchoMode.Password)
    key.setPlaceholderText("Paste your Clockify API key")
    rows: list[list[QWidget]] = [
        [QLabel("Server:", group), combo(group, 7), QLineEdit(group)],
        [QLabel("API key:", group), key, QPushButton("S&ign in", group),
         QPushButton("Forget ke&y", group)],
        [QLabel("", group), QLabel('<a href="https://app.clockify.me/user/preferences">'
                                   "Where do I find my API key?</a>", group)],
        [QLabel("", group), QLabel("Paste your API key and sign in.", group)],
        [QLabel("Workspace:", group), combo(group, 0), QLabel("", group)],
    ]
    for row, widgets in enumerate(rows):
        for column, widget in enumerate(widgets):
            grid.addWidget(widget, row, column)
    return group


def dates(parent: QWidget) -> QGroupBox:
    group, grid = box("Date range", parent)
    grid.addWidget(QLabel("Range:", group), 0, 0)
    grid.addWidget(combo(group, 12), 0, 1, 1, 3)
    grid.addWidget(QLabel("From:", group), 1, 0)
    grid.addWidget(QDateEdit(group), 1, 1)
    grid.addWidget(QLabel("To:", group), 1, 2)
    grid.addWidget(QDateEdit(group), 1, 3)
    grid.addWidget(QLabel("Time zone:", group), 2, 0)
    grid.addWidget(combo(group, 3), 2, 1, 1, 3)
    return group


def report(parent: QWidget) -> QGroupBox:
    group = QGroupBox("Report", parent)
    column = QVBoxLayout(group)
    tabs = QTabWidget(group)
    for name in ("&Detailed", "S&ummary", "W&eekly", "&Attendance", "E&xpenses"):
        tabs.addTab(QWidget(), name)
    column.addWidget(tabs)
    options = QWidget(group)
    grid = QGridLayout(options)
    for row, text in enumerate(("Group by:", "Then by:", "Sort:")):
        grid.addWidget(QLabel(text, options), row, 0)
        grid.addWidget(combo(options, 5), row, 1)
    grid.addWidget(QCheckBox("&Rounding", options), 3, 1)
    grid.addWidget(QCheckBox("Show a&mounts", options), 4, 1)
    column.addWidget(options)
    return group


def filters(parent: QWidget) -> QGroupBox:
    group, grid = box("Filters", parent)
    for n, name in enumerate(("projects", "clients", "users", "tags", "tasks", "groups")):
        grid.addWidget(QPushButton(f"All {name}", group), n // 3, n % 3)
    for row, text in enumerate(("Status:", "Tags match:", "Amounts:"), start=2):
        grid.addWidget(QLabel(text, group), row, 0)
        grid.addWidget(combo(group, 4), row, 1)
    grid.addWidget(QCheckBox("Without project", group), 5, 1)
    grid.addWidget(QCheckBox("Without task", group), 5, 2)
    grid.addWidget(QLabel("Sign in to choose projects, clients, users and tags.", group), 6, 1)
    return group


def export_row(parent: QWidget) -> QGroupBox:
    group, grid = box("Export", parent)
    grid.addWidget(QLabel("Format:", group), 0, 0)
    grid.addWidget(combo(group, 4), 0, 1)
    grid.addWidget(QLabel("1 request", group), 0, 2)
    grid.addWidget(QPushButton("&Export…", group), 0, 3)
    return group


def main() -> int:
    if "--version" in sys.argv:
        print("form 1.0")
        return 0
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle(TITLE)
    for name in ("&File", "&Export", "&Help"):
        window.menuBar().addMenu(name).addAction("Action")
    form = QWidget()
    column = QVBoxLayout(form)
    for make in (account, dates, report, filters):
        column.addWidget(make(form))
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(form)
    central = QWidget()
    outer = QVBoxLayout(central)
    outer.addWidget(scroll, 1)
    outer.addWidget(export_row(central))
    window.setCentralWidget(central)
    window.resize(760, 740)  # the app's size on a first start
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
