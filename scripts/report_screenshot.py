#!/usr/bin/env python3
"""Screenshots of report.html with Debian's headless Chromium, for docs/.

  scripts/report_screenshot.py REPORT.html OUT.png [--sheet N] [--width PX] [--height PX] [--from TEXT]

Without --sheet: the page from the heading TEXT (default: the whole page).
With --sheet N: the page head and the N-th route sheet only (Chromium does
not scroll to a fragment before a headless screenshot). --from crops the
image at the first heading containing TEXT, found by a script in the page.
"""
import argparse, json, pathlib, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("report"); ap.add_argument("out")
ap.add_argument("--sheet", type=int); ap.add_argument("--width", type=int, default=1000)
ap.add_argument("--height", type=int, default=2400); ap.add_argument("--from", dest="start")
a = ap.parse_args()

html = pathlib.Path(a.report).read_text(encoding="utf-8")
if a.sheet is not None:
    head = html[:html.index("<header>")]
    sheets = html.split('<section class="sheet"')[1:]
    html = head + '<section class="sheet"' + sheets[a.sheet - 1].split("</section>")[0] + "</section></body></html>"
elif a.start:
    at = html.find(a.start)
    cut = html.rfind("<h2>", 0, at)
    html = html[:html.index("<header>")] + html[cut:]

with tempfile.TemporaryDirectory() as tmp:
    page = pathlib.Path(tmp) / "page.html"
    page.write_text(html, encoding="utf-8")
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--user-data-dir={tmp}/profile",
           f"--window-size={a.width},{a.height}", "--virtual-time-budget=10000", f"--screenshot={a.out}", page.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(done.stderr)
print(f"wrote {a.out} ({a.width}x{a.height})")
