"""Draws spurdesk's application icon and writes it in every format the platforms need.

Run: `.venv/bin/python packaging/make_icons.py` (any folder). Output in resources/icons/:
spurdesk-<size>.png (16 … 1024), spurdesk.ico (Windows, PNG-compressed entries 16 … 256) and
spurdesk.icns (macOS, PNG entries 16 … 1024). Every size is painted from the vector drawing, not
scaled from a large bitmap, so small sizes stay crisp. The .ico and .icns containers are written
here with `struct` rather than through Qt's image plugins, so the output is the same on any machine.

The motif: a report sheet with text lines and a check badge — an inspection that has been checked —
on a rounded square in Lipus-like navy and teal.
"""

from __future__ import annotations

import struct
import sys
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns element types (Apple's iconutil names) and the pixel size each one holds.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic07", 128),
    (b"ic13", 256),  # 128@2x
    (b"ic08", 256),
    (b"ic14", 512),  # 256@2x
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
)

NAVY = QColor("#1c3f6e")
TEAL = QColor("#2a8c8c")
SHEET = QColor("#ffffff")
LINE = QColor("#9fb3c8")
BADGE = QColor("#2e9e5b")


def draw_icon(size: int) -> QImage:
    """Paints the icon at `size` × `size` pixels; small sizes drop details that would blur."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100.0, size / 100.0)  # draw in a 100 × 100 design space

    margin = 4.0 if size >= 32 else 1.0
    tile = QRectF(margin, margin, 100 - 2 * margin, 100 - 2 * margin)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomRight())
    gradient.setColorAt(0.0, NAVY)
    gradient.setColorAt(1.0, TEAL)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(tile, 20, 20)

    sheet = QRectF(24, 16, 46, 62)
    fold = 13.0
    outline = QPainterPath()
    outline.moveTo(sheet.left(), sheet.top())
    outline.lineTo(sheet.right() - fold, sheet.top())
    outline.lineTo(sheet.right(), sheet.top() + fold)
    outline.lineTo(sheet.right(), sheet.bottom())
    outline.lineTo(sheet.left(), sheet.bottom())
    outline.closeSubpath()
    painter.setBrush(SHEET)
    painter.drawPath(outline)
    corner = QPainterPath()
    corner.moveTo(sheet.right() - fold, sheet.top())
    corner.lineTo(sheet.right() - fold, sheet.top() + fold)
    corner.lineTo(sheet.right(), sheet.top() + fold)
    corner.closeSubpath()
    painter.setBrush(LINE)
    painter.drawPath(corner)

    line_count = 2 if size < 32 else 4
    pen = QPen(LINE, 5.0 if size < 32 else 4.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    for index in range(line_count):
        y = sheet.top() + 20 + index * (36 / line_count)
        right = sheet.right() - (8 if index % 2 == 0 else 16)
        painter.drawLine(QPointF(sheet.left() + 8, y), QPointF(right, y))

    badge_center = QPointF(70, 70)
    radius = 20.0
    painter.setPen(QPen(QColor("#ffffff"), 4.0))
    painter.setBrush(BADGE)
    painter.drawEllipse(badge_center, radius, radius)
    check = QPainterPath()
    check.moveTo(badge_center + QPointF(-9, 0))
    check.lineTo(badge_center + QPointF(-2.5, 7))
    check.lineTo(badge_center + QPointF(10, -7))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(
        QPen(
            QColor("#ffffff"),
            6.0,
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
    )
    painter.drawPath(check)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode the icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: Iterable[tuple[int, bytes]]) -> bytes:
    """An ICO container with PNG-compressed entries (understood by Windows Vista and later)."""
    entries = list(pngs)
    header = struct.pack("<HHH", 0, 1, len(entries))
    offset = len(header) + 16 * len(entries)
    directory = b""
    payload = b""
    for size, png in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        payload += png
        offset += len(png)
    return header + directory + payload


def icns_bytes(elements: Iterable[tuple[bytes, bytes]]) -> bytes:
    """An ICNS container: 'icns' + total length, then (type, length incl. header, PNG) elements."""
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png for kind, png in elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_icons(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw_icon(size)) for size in PNG_SIZES}
    written = []
    for size, data in pngs.items():
        path = out_dir / f"spurdesk-{size}.png"
        path.write_bytes(data)
        written.append(path)
    ico = out_dir / "spurdesk.ico"
    ico.write_bytes(ico_bytes((size, pngs[size]) for size in ICO_SIZES))
    icns = out_dir / "spurdesk.icns"
    icns.write_bytes(icns_bytes((kind, pngs[size]) for kind, size in ICNS_TYPES))
    return [*written, ico, icns]


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out_dir = Path(__file__).resolve().parent.parent / "resources" / "icons"
    for path in write_icons(out_dir):
        print(path.relative_to(out_dir.parent.parent))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
