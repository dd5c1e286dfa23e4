"""PDF built by this app: valid, no row cap, header and page numbers on every page,
every entry's text extractable, Unicode names printed with the bundled font."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest

from core.bodies import ReportOptions
from core.render.bidi import visual
from core.render.pdf_writer import font_path
from core.reports import ExportFormat, ReportKind
from tests.core.render_data import (
    context,
    entry,
    render_document,
    render_items,
    summary_document,
    weekly_week,
)


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    items = [entry(i) for i in range(ROWS)]
    for item in items:  # short values: every row is one line, so pages are predictable
        item["userName"], item["userEmail"], item["tags"] = "Ann", "a@b.c", []
    return render_items(folder / "big.pdf", ExportFormat.PDF, items)


ROWS = 3100  # more than Clockify's PDF holds


@pytest.fixture(scope="module")
def big_texts(big: Path) -> list[str]:
    return pages_text(big)


def test_big_pdf_is_valid_and_holds_every_row_once(big: Path, big_texts: list[str]) -> None:
    found = [int(n) for text in big_texts for n in re.findall(r"Task number (\d+)", text)]
    assert found == list(range(ROWS))
    assert big.read_bytes().rstrip().endswith(b"%%EOF")


def test_page_count_is_what_the_rows_need(big_texts: list[str]) -> None:
    counts = [len(re.findall(r"Task number \d+", t)) for t in big_texts]
    first, full = counts[0], counts[1]
    assert full > first > 20  # page 1 also holds the title block
    assert all(c == full for c in counts[1:-1]) and 0 < counts[-1] <= full
    assert len(counts) == 1 + -(-(ROWS - first) // full)


def test_every_page_has_the_header_and_its_number(big_texts: list[str]) -> None:
    for number, text in enumerate(big_texts, 1):
        assert "Project" in text and "Description" in text and "Duration" in text
        # "of N" is one form XObject drawn on every page, written when N is known.
        assert re.search(rf"Page {number} of\s*{len(big_texts)}\b", text)


def test_landscape_for_the_wide_detailed_table(big: Path) -> None:
    box = pypdf.PdfReader(big).pages[0].mediabox
    assert box.width > box.height


def test_title_block_holds_report_range_zone_and_totals(big_texts: list[str]) -> None:
    first = big_texts[0]
    assert "Detailed report" in first and "Workspace: Acme Ünïcode" in first
    assert "01/03/2026 – 31/03/2026" in first and "Europe/Berlin" in first
    assert "Filters: none" in first
    assert "Entries:" in first and "3100" in first
    assert "4650:00:00" in first  # 3,100 × 1.5 h


def test_unicode_names_print_with_the_embedded_font(tmp_path: Path) -> None:
    items = [entry(0, description="Grüße, Ελληνικά, Кириллица"),
             entry(1, description="שלום"), entry(2), entry(3), entry(4)]
    path = render_items(tmp_path / "u.pdf", ExportFormat.PDF, items)
    text = squash("".join(pages_text(path)))  # long names may wrap
    for name in ("Zoë Müller", "Γιώργος Παπαδόπουλος", "Наталья Иванова", "Ελληνικά",
                 "Кириллица"):
        assert squash(name) in text
    # Right-to-left text is drawn in visual order; the extracted glyph run shows it.
    assert visual("שלום") in text or "שלום" in text
    resources: Any = pypdf.PdfReader(path).pages[0]["/Resources"]
    names = {str(f.get_object()["/BaseFont"]) for f in resources["/Font"].values()}
    assert any(n.endswith("DejaVuSans") for n in names)
    assert path.stat().st_size < font_path(False).stat().st_size  # the font is subset


def test_long_descriptions_wrap_instead_of_being_cut(tmp_path: Path) -> None:
    words = " ".join(f"word{i}" for i in range(60))
    path = render_items(tmp_path / "w.pdf", ExportFormat.PDF, [entry(0, description=words)])
    assert squash(words) in squash("".join(pages_text(path)))


def test_empty_report_is_one_page_saying_so(tmp_path: Path) -> None:
    path = render_items(tmp_path / "e.pdf", ExportFormat.PDF, [])
    texts = pages_text(path)
    assert len(texts) == 1 and "No data in this range." in texts[0]


def test_summary_pdf_is_portrait_with_subtotals(tmp_path: Path) -> None:
    ctx = context(ReportKind.SUMMARY, options=ReportOptions(summary_groups=("PROJECT", "USER")))
    path = render_document(tmp_path / "s.pdf", ExportFormat.PDF, summary_document(), ctx)
    page = pypdf.PdfReader(path).pages[0]
    assert page.mediabox.height > page.mediabox.width
    text = page.extract_text()
    assert "Website" in text and "06:00:00" in text and "Total" in text and "10:00:00" in text


def test_weekly_pdf_prints_weeks_one_after_another(tmp_path: Path) -> None:
    from core.summaries import merge_weekly
    from core.windows import DateWindow

    first = date(2026, 3, 2)
    results = []
    for w in range(5):
        start = date.fromordinal(first.toordinal() + 7 * w)
        results.append((DateWindow(start, date.fromordinal(start.toordinal() + 6)),
                        weekly_week(start, lambda d: 1800 * d)))
    ctx = context(ReportKind.WEEKLY, start=first, end=date(2026, 4, 5))
    path = render_document(tmp_path / "w.pdf", ExportFormat.PDF, merge_weekly(results), ctx)
    text = "".join(pages_text(path))
    assert text.count("Week ") == 5
    assert "Week 02/03/2026 – 08/03/2026" in text and "Week 30/03/2026 – 05/04/2026" in text
    assert re.search(r"Mon\s+02/03/2026", text)  # dated day columns


def test_tabs_print_as_spaces_not_missing_glyph_boxes(tmp_path: Path) -> None:
    path = render_items(tmp_path / "t.pdf", ExportFormat.PDF,
                        [entry(0, description="Col1\tCol2")])
    assert "Col1 Col2" in pages_text(path)[0]


def test_the_printed_table_leaves_out_email_and_an_empty_group(tmp_path: Path) -> None:
    items = [entry(i) for i in range(3)]
    plain = pages_text(render_items(tmp_path / "p.pdf", ExportFormat.PDF, items))[0]
    assert "Email" not in plain and "Group" not in plain and "user0@ex.com" not in plain
    grouped = context(user_groups={"u0": "Designers"})
    with_groups = pages_text(render_items(tmp_path / "g.pdf", ExportFormat.PDF, items,
                                          grouped))[0]
    assert "Group" in with_groups and "Designers" in with_groups
    # The data formats keep Clockify's whole column set.
    csv_text = render_items(tmp_path / "c.csv", ExportFormat.CSV, items).read_text("utf-8-sig")
    assert "Email" in csv_text.splitlines()[0] and "Group" in csv_text.splitlines()[0]


def test_short_text_columns_are_wide_enough_for_their_words(tmp_path: Path) -> None:
    items = [entry(i) for i in range(40)]
    for item in items:
        item["taskName"] = "Documentation"
        item["tags"] = [{"_id": "t1", "name": "writing"}, {"_id": "t2", "name": "editing"}]
    text = pages_text(render_items(tmp_path / "t.pdf", ExportFormat.PDF, items))[0]
    # No word is cut across lines (a cut would extract as "Documentatio" + "n").
    assert text.count("Documentation") == 40 and text.count("writing,") == 40
