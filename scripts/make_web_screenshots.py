"""Screenshots of the three pages for the README, from the shipped sample.

Run from the repository root (needs the dev extra, chromium and chromedriver)::

    python scripts/make_web_screenshots.py            # writes docs/img/web_*.png
    python scripts/make_web_screenshots.py OUT_DIR

Starts ``composer serve`` on 127.0.0.1, chooses the sample ``klimatilpasning`` on the
Kandidater page, opens the Brief page, composes, and saves each page whole.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import chromium, serving  # noqa: E402 - the repository's own helper

OUT = ROOT / "docs" / "img"
SAMPLE = "klimatilpasning"
WIDTH = 1280


def _save(driver: Any, path: Path, max_height: int = 2600) -> None:
    """The page from the top, as tall as its content (at most ``max_height`` pixels)."""
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    driver.set_window_size(WIDTH, min(max_height, height + 20))
    driver.save_screenshot(str(path))
    print(f"wrote {path}")


def main(out: Path = OUT) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    out.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as folder,
        serving() as url,
        chromium(Path(folder), width=WIDTH) as driver,
    ):
        wait = WebDriverWait(driver, 60)
        driver.get(url + "/kandidater")
        Select(driver.find_element(By.ID, "sample")).select_by_value(SAMPLE)
        driver.find_element(By.ID, "use-sample").click()
        wait.until(ec.presence_of_element_located((By.ID, "pool-table")))
        _save(driver, out / "web_kandidater.png", max_height=1400)
        driver.find_element(By.ID, "to-brief").click()
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#brief-check .ok")))
        _save(driver, out / "web_brief.png")
        driver.find_element(By.ID, "to-compose").click()
        wait.until(ec.presence_of_element_located((By.ID, "table-core")))
        _save(driver, out / "web_sammensaetning.png", max_height=4000)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
