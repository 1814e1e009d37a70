"""The page as a person uses it (issue 17): Debian's chromium through selenium.

Starts ``composer serve`` on 127.0.0.1 on a free port, uploads the sample's candidates
and brief, composes, clicks "Melder fra" on a core member, sees the replacement, and
downloads the workbook. Needs ``chromium`` and ``chromedriver`` (``make browser``
installs them as root); without them it skips, and under ``CI`` it fails instead.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from composer.datasets import sample_path

from .browser import CannotRun, chromium, serving

SAMPLE = "klimatilpasning"
WAIT = 30  # seconds for one step at most (the sample composes in a few)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving() as url:
        yield url


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    try:
        with chromium(tmp_path) as driver:
            yield driver
    except CannotRun as e:
        if os.environ.get("CI"):
            pytest.fail(f"the browser test must run under CI: {e}")
        pytest.skip(str(e))


def test_upload_compose_decline_and_download(server: str, browser: Any, tmp_path: Path) -> None:
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    # htmx swaps parts of the page (validation as you type, the composition): every read
    # finds its element again, and a swap in between is waited out, not a failure
    wait = WebDriverWait(
        browser, WAIT, ignored_exceptions=(StaleElementReferenceException, NoSuchElementException)
    )

    def members(d: Any, selector: str) -> list[str]:
        return [r.get_attribute("data-member") for r in d.find_elements(By.CSS_SELECTOR, selector)]

    folder = sample_path(SAMPLE)
    browser.get(server + "/kandidater")
    browser.find_element(By.ID, "candidates-file").send_keys(str(folder / "candidates.csv"))
    browser.find_element(By.ID, "upload").click()
    wait.until(ec.presence_of_element_located((By.ID, "pool-table")))
    browser.find_element(By.ID, "to-brief").click()  # a new page: wait for what is read
    brief_file = wait.until(ec.presence_of_element_located((By.NAME, "brief_file")))
    brief_file.send_keys(str(folder / "brief.yaml"))
    wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "button[value=load_brief]"))).click()
    assert wait.until(lambda d: d.find_element(By.ID, "b.theme").get_attribute("value"))
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#brief-check .ok")))
    wait.until(ec.element_to_be_clickable((By.ID, "to-compose"))).click()

    core_rows = "#table-core tbody tr"
    before = set(wait.until(lambda d: members(d, core_rows)))
    gone = wait.until(lambda d: members(d, core_rows))[0]
    wait.until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, f'tr[data-member="{gone}"] button.decline'))
    ).click()

    wait.until(lambda d: gone in d.find_element(By.ID, "changes").text)
    joined = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#changes dd.joined").text)
    now = set(wait.until(lambda d: members(d, f"{core_rows}, #table-phase_participants tbody tr")))
    assert gone not in now
    assert joined != "–" and set(joined.split(", ")) <= now - before

    wait.until(ec.element_to_be_clickable((By.ID, "download-xlsx"))).click()
    target = tmp_path / "downloads" / "netvaerk.xlsx"
    for _ in range(WAIT * 10):  # bounded wait for the download to finish
        if target.exists() and target.stat().st_size > 0:
            break
        time.sleep(0.1)
    assert target.exists(), list((tmp_path / "downloads").iterdir())
    import openpyxl

    console = [entry["message"] for entry in browser.get_log("browser")]
    assert not [m for m in console if "Content Security Policy" in m or "Refused" in m], console
    wb = openpyxl.load_workbook(target, read_only=True)
    try:
        assert "Kernedeltagere" in wb.sheetnames
    finally:
        wb.close()
