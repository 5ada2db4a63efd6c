"""Child process of bench/memory.py: spurdesk with the demo inspection open, then both exports.

    python bench/memory_probe.py DEMO.sqlite OUT_DIR

Prints one JSON line: peak RSS (MB) after the demo inspection's window has painted, and after
its report was exported as DOCX and as PDF. A process of its own, so nothing measured before
(a 10,000-inspection library, say) inflates the peak.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str]) -> int:
    from bench.probe import peak_rss_mb
    from bench.qt import show_until_painted
    from spurdesk import report
    from spurdesk.ui.app import build_main_window

    library, out = Path(argv[0]), Path(argv[1])
    shell = build_main_window(argparse.Namespace(library=str(library), demo=False, lang="sv"))
    if shell is None:
        print("the demo library did not open", file=sys.stderr)
        return 1
    show_until_painted(shell.window)
    inspection_id = shell.window.session.library.list_inspections()[0].id
    window = shell.window.open_inspection(inspection_id)
    assert window is not None
    show_until_painted(window)
    with_inspection = peak_rss_mb()
    inspection = shell.window.session.library.get_inspection(inspection_id)
    report.export_docx(inspection, out / "report.docx")
    report.export_pdf(inspection, out / "report.pdf")
    after_export = peak_rss_mb()
    shell.close()
    print(json.dumps({"inspection_open": with_inspection, "after_export": after_export}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
