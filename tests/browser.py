"""Rendering a page in headless Chromium, for the browser checks of the HTML outputs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NO_CHROMIUM = "headless browser check needs Debian's chromium package (apt-get install chromium)"


def rendered_dom(page: Path, scratch: Path):
    """The DOM of *page* after headless Chromium has run it (a profile folder in *scratch*)."""
    import lxml.html

    assert CHROMIUM is not None
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={scratch / 'profile'}",
        "--dump-dom", page.as_uri(),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return lxml.html.fromstring(done.stdout)
