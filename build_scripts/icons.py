"""Derive every icon file from ``resources/icon.svg`` and ``resources/icons/*.svg``.

Qt's ``QSvgRenderer`` draws the SVG at each size (crisper than scaling one bitmap), then Pillow
packs the ``.ico`` (Windows) and ``.icns`` (macOS). The SVGs and the PNGs the window uses at
run time are committed: ``resources/icon-256.png`` and, for each ``resources/icons/NAME.svg``,
``NAME.png`` (16 px) and ``NAME@2x.png`` (32 px). The window draws no SVG before its first
paint: Qt's SVG module and icon plugin cost that frame ~5 ms (benchmarks/RESULTS.md).
Everything else goes to ``build/generated/``.

    python build_scripts/icons.py                 # build/generated/{icon.ico,icon.icns,icons/*.png}
    python build_scripts/icons.py --update-resource   # also rewrite the committed PNGs

Runs Qt with the offscreen platform, so it needs no display.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``build_scripts`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_scripts import appinfo

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(svg: Path, size: int, target: Path) -> None:
    """Render ``svg`` to a ``size`` x ``size`` PNG with a transparent background."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise RuntimeError(f"QSvgRenderer cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target)):
        raise RuntimeError(f"could not write {target}")


def write_icon_set(svg: Path = appinfo.ICON_SVG) -> dict[str, Path]:
    """Render all PNG sizes and pack ``icon.ico`` and ``icon.icns`` into ``build/generated``."""
    # Pillow is a build-time tool only (the "build" extra), so it is looked up at run time.
    image_module: Any = importlib.import_module("PIL.Image")

    pngs: dict[int, Path] = {}
    for size in PNG_SIZES:
        pngs[size] = appinfo.ICON_PNG_DIR / f"icon-{size}.png"
        render_png(svg, size, pngs[size])

    images = {size: image_module.open(path).convert("RGBA") for size, path in pngs.items()}
    largest_ico = max(ICO_SIZES)
    images[largest_ico].save(
        appinfo.ICON_ICO,
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES if size != largest_ico],
    )
    largest_icns = max(ICNS_SIZES)
    images[largest_icns].save(
        appinfo.ICON_ICNS,
        format="ICNS",
        append_images=[images[size] for size in ICNS_SIZES if size != largest_icns],
    )
    return {"ico": appinfo.ICON_ICO, "icns": appinfo.ICON_ICNS, "png_dir": appinfo.ICON_PNG_DIR}


# The window's small icons (resources/icons): 16 px, and 32 px for screens at 2x.
SMALL_ICON_SIZES = {"": 16, "@2x": 32}


def small_icon_pngs(svg: Path) -> dict[int, Path]:
    """The committed PNGs of one of the window's small icons, by size."""
    return {size: svg.with_name(f"{svg.stem}{suffix}.png")
            for suffix, size in SMALL_ICON_SIZES.items()}


def update_resource_pngs(svg: Path = appinfo.ICON_SVG) -> list[Path]:
    """Rewrite the committed PNGs: ``resources/icon-256.png`` and the small icons'."""
    render_png(svg, 256, appinfo.ICON_PNG_256)
    written = [appinfo.ICON_PNG_256]
    for small in sorted((appinfo.RESOURCES_DIR / "icons").glob("*.svg")):
        for size, target in small_icon_pngs(small).items():
            render_png(small, size, target)
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update-resource", action="store_true",
                        help="also rewrite the PNGs in resources/ (commit the result)")
    args = parser.parse_args(argv)
    written = write_icon_set()
    for kind, path in written.items():
        print(f"{kind}: {path.relative_to(appinfo.REPO_ROOT)}")
    if args.update_resource:
        for path in update_resource_pngs():
            print(f"resource: {path.relative_to(appinfo.REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
